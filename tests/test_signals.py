# -*- coding: utf-8 -*-
"""Signals sent by the framework, with blinker installed and without it."""
import json
import os
import subprocess
import sys
import textwrap

import blinker
import pytest

import flaskcompat
from flaskcompat import signals

SIGNAL_NAMES = {
    "template_rendered": "template-rendered",
    "before_render_template": "before-render-template",
    "request_started": "request-started",
    "request_finished": "request-finished",
    "request_tearing_down": "request-tearing-down",
    "got_request_exception": "got-request-exception",
    "appcontext_tearing_down": "appcontext-tearing-down",
    "appcontext_pushed": "appcontext-pushed",
    "appcontext_popped": "appcontext-popped",
    "message_flashed": "message-flashed",
}


@pytest.mark.parametrize("attr", sorted(SIGNAL_NAMES))
def test_each_signal_has_its_name_and_a_top_level_alias(attr):
    sig = getattr(signals, attr)
    assert (sig.name, getattr(flaskcompat, attr)) == (SIGNAL_NAMES[attr], sig)
    assert isinstance(sig, blinker.Signal)


def test_blinker_backs_the_namespace():
    assert signals.signals_available is True
    assert signals.Namespace is blinker.Namespace


class Tape(object):
    """A receiver that writes down what it was sent."""

    def __init__(self, *keys):
        self.keys = keys
        self.calls = []

    def __call__(self, sender, **kw):
        self.calls.append((sender,) + tuple(kw[k] for k in self.keys))


def test_template_rendered_carries_template_and_context(app, req_ctx):
    tape = Tape("template", "context")
    with signals.template_rendered.connected_to(tape, app):
        out = flaskcompat.render_template_string(u"[{{ n }}]", n=7)
    assert out == u"[7]"
    assert len(tape.calls) == 1
    sender, template, context = tape.calls[0]
    assert sender is app
    assert template.render(n=1) == u"[1]"
    assert context["n"] == 7


def test_before_render_template_may_change_the_context(app, req_ctx):
    seen = []

    def rewrite(sender, template, context):
        seen.append(sender)
        context["n"] = context["n"] * 10

    with signals.before_render_template.connected_to(rewrite, app):
        out = flaskcompat.render_template_string(u"{{ n }}", n=4)
    assert (out, seen) == (u"40", [app])


def test_request_signals_wrap_the_hooks(app, client):
    trail = []

    @app.before_request
    def hook_before():
        trail.append("before_request")

    @app.after_request
    def hook_after(response):
        trail.append("after_request")
        response.set_data(b"replaced")
        return response

    @app.route("/trail")
    def view():
        trail.append("view")
        return u"original"

    def on_start(sender, **kw):
        trail.append("request_started")

    def on_finish(sender, response, **kw):
        trail.append(("request_finished", response.get_data()))

    with signals.request_started.connected_to(on_start, app):
        with signals.request_finished.connected_to(on_finish, app):
            body = client.get("/trail").data

    assert body == b"replaced"
    assert trail == [
        "request_started",
        "before_request",
        "view",
        "after_request",
        ("request_finished", b"replaced"),
    ]


def test_got_request_exception_for_an_unhandled_error(app, client):
    app.testing = False
    tape = Tape("exception")

    @app.route("/fail")
    def fail():
        return {}["missing"]

    with signals.got_request_exception.connected_to(tape, app):
        code = client.get("/fail").status_code

    assert code == 500
    assert [type(c[1]) for c in tape.calls] == [KeyError]
    assert tape.calls[0][0] is app


def test_got_request_exception_skips_errors_with_a_handler(app, client):
    tape = Tape("exception")

    @app.errorhandler(KeyError)
    def handled(error):
        return u"handled", 418

    @app.route("/fail")
    def fail():
        return {}["missing"]

    with signals.got_request_exception.connected_to(tape, app):
        response = client.get("/fail")

    assert (response.status_code, response.data) == (418, b"handled")
    assert tape.calls == []


def test_request_tearing_down_reports_no_error(app, client):
    tape = Tape("exc")

    @app.route("/quiet")
    def quiet():
        return u""

    with signals.request_tearing_down.connected_to(tape, app):
        client.get("/quiet")
    assert tape.calls == [(app, None)]


def test_app_context_push_and_pop_around_a_request(app, client):
    trail = []

    @app.route("/ctx")
    def ctx_view():
        trail.append("view")
        return u"fine"

    def pushed(sender, **kw):
        trail.append(("pushed", sender))

    def popped(sender, **kw):
        trail.append(("popped", sender))

    with signals.appcontext_pushed.connected_to(pushed, app):
        with signals.appcontext_popped.connected_to(popped, app):
            assert client.get("/ctx").data == b"fine"
            with app.app_context():
                trail.append("bare")

    assert trail == [
        ("pushed", app),
        "view",
        ("popped", app),
        ("pushed", app),
        "bare",
        ("popped", app),
    ]


def test_app_context_teardown_signal_receives_the_error(app, client):
    app.testing = False
    tape = Tape("exc")

    @app.route("/div")
    def div():
        return 1 // 0

    with signals.appcontext_tearing_down.connected_to(tape, app):
        assert client.get("/div").status_code == 500

    assert len(tape.calls) == 1
    assert isinstance(tape.calls[0][1], ZeroDivisionError)


def test_message_flashed_sends_text_and_category(app, client):
    tape = Tape("message", "category")

    @app.route("/flash")
    def flash_view():
        flaskcompat.flash(u"Saved ✓", category="success")
        flaskcompat.flash(u"plain")
        return flaskcompat.redirect("/elsewhere")

    with signals.message_flashed.connected_to(tape, app):
        assert client.get("/flash").status_code == 302

    assert tape.calls == [
        (app, u"Saved ✓", "success"),
        (app, u"plain", "message"),
    ]


def test_receivers_bound_to_another_app_stay_silent(app, client):
    stranger = flaskcompat.Flask("stranger")
    tape = Tape()

    @app.route("/")
    def home():
        return u""

    with signals.request_started.connected_to(tape, stranger):
        client.get("/")
    assert tape.calls == []


# -- without blinker -------------------------------------------------------------

# The script hides blinker, then reports as JSON what the fallback objects do.
NO_BLINKER = textwrap.dedent(
    """
    import json
    import sys
    sys.modules["blinker"] = None

    import flaskcompat
    from flaskcompat import signals

    report = {"available": signals.signals_available}
    sig = signals.Namespace().signal("sample", doc="Sample doc.")
    report["name"] = sig.name
    report["doc"] = sig.__doc__
    report["send"] = sig.send(object(), key=1)
    report["receivers"] = len(sig.receivers)

    methods = ["connect", "connect_via", "connected_to",
               "temporarily_connected_to", "disconnect",
               "has_receivers_for", "receivers_for"]
    for method in methods:
        try:
            getattr(sig, method)(lambda sender: None)
        except RuntimeError as exc:
            report[method] = str(exc)
        else:
            report[method] = None

    app = flaskcompat.Flask("quiet")
    app.secret_key = "s"

    @app.route("/")
    def home():
        flaskcompat.flash("note")
        return flaskcompat.render_template_string("{{ 2 * 3 }}")

    report["body"] = app.test_client().get("/").data.decode("ascii")
    try:
        signals.request_started.connect(lambda sender: None)
        report["builtin"] = None
    except RuntimeError as exc:
        report["builtin"] = str(exc)
    sys.stdout.write(json.dumps(report))
    """
)

FALLBACK_METHODS = [
    "connect",
    "connect_via",
    "connected_to",
    "temporarily_connected_to",
    "disconnect",
    "has_receivers_for",
    "receivers_for",
]


@pytest.fixture(scope="module")
def fallback_report(tmpdir_factory):
    env = dict(os.environ)
    root = os.path.dirname(os.path.dirname(os.path.abspath(flaskcompat.__file__)))
    inherited = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    env["PYTHONPATH"] = os.pathsep.join([root] + inherited)
    raw = subprocess.check_output(
        [sys.executable, "-W", "error", "-c", NO_BLINKER],
        env=env,
        cwd=str(tmpdir_factory.mktemp("noblinker")),
    )
    return json.loads(raw.decode("utf-8"))


def test_fallback_signal_swallows_sends(fallback_report):
    observed = {k: fallback_report[k] for k in ("available", "name", "doc", "send", "receivers")}
    assert observed == {
        "available": False,
        "name": "sample",
        "doc": "Sample doc.",
        "send": [],
        "receivers": 0,
    }


@pytest.mark.parametrize("method", FALLBACK_METHODS)
def test_fallback_signal_refuses_receivers(fallback_report, method):
    text = fallback_report[method]
    assert "blinker" in text
    assert "'sample'" in text


def test_framework_runs_without_blinker(fallback_report):
    assert fallback_report["body"] == "6"
    assert fallback_report["builtin"].startswith("Signalling support is unavailable")
    assert "blinker" in fallback_report["builtin"]
