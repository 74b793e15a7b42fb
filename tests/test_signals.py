# -*- coding: utf-8 -*-
import os
import subprocess
import sys
import textwrap

import pytest

import flaskcompat
from flaskcompat import signals
from flaskcompat.signals import _FakeNamespace
from flaskcompat.signals import _FakeSignal

ALL_SIGNALS = [
    ("template_rendered", "template-rendered"),
    ("before_render_template", "before-render-template"),
    ("request_started", "request-started"),
    ("request_finished", "request-finished"),
    ("request_tearing_down", "request-tearing-down"),
    ("got_request_exception", "got-request-exception"),
    ("appcontext_tearing_down", "appcontext-tearing-down"),
    ("appcontext_pushed", "appcontext-pushed"),
    ("appcontext_popped", "appcontext-popped"),
    ("message_flashed", "message-flashed"),
]


@pytest.mark.parametrize("attribute, name", ALL_SIGNALS)
def test_signal_names(attribute, name):
    signal = getattr(signals, attribute)
    assert signal.name == name
    assert getattr(flaskcompat, attribute) is signal


def test_signals_available_with_blinker():
    import blinker

    assert signals.signals_available is True
    assert signals.Namespace is blinker.Namespace
    assert isinstance(signals.request_started, blinker.Signal)


def test_template_rendered(app):
    recorded = []

    def record(sender, template, context):
        recorded.append((sender, template, context))

    with app.test_request_context():
        signals.template_rendered.connect(record, app)
        try:
            rv = flaskcompat.render_template_string(u"{{ whiskey }}", whiskey=42)
        finally:
            signals.template_rendered.disconnect(record, app)

    assert rv == u"42"
    assert len(recorded) == 1
    sender, template, context = recorded[0]
    assert sender is app
    assert context["whiskey"] == 42


def test_before_render_template(app):
    recorded = []

    def record(sender, template, context):
        context["whiskey"] = 43
        recorded.append((template, context))

    with app.test_request_context():
        signals.before_render_template.connect(record, app)
        try:
            rv = flaskcompat.render_template_string(u"{{ whiskey }}", whiskey=42)
        finally:
            signals.before_render_template.disconnect(record, app)

    assert rv == u"43"
    assert len(recorded) == 1


def test_request_signals(app, client):
    calls = []

    def before_request_signal(sender):
        calls.append("before-signal")

    def after_request_signal(sender, response):
        assert response.data == b"stuff"
        calls.append("after-signal")

    @app.before_request
    def before_request_handler():
        calls.append("before-handler")

    @app.after_request
    def after_request_handler(response):
        calls.append("after-handler")
        response.data = b"stuff"
        return response

    @app.route("/")
    def index():
        calls.append("handler")
        return "ignored anyway"

    signals.request_started.connect(before_request_signal, app)
    signals.request_finished.connect(after_request_signal, app)

    try:
        rv = client.get("/")
        assert rv.data == b"stuff"

        assert calls == [
            "before-signal",
            "before-handler",
            "handler",
            "after-handler",
            "after-signal",
        ]
    finally:
        signals.request_started.disconnect(before_request_signal, app)
        signals.request_finished.disconnect(after_request_signal, app)


def test_request_exception_signal(app, client):
    app.testing = False
    recorded = []

    @app.route("/")
    def index():
        1 // 0

    def record(sender, exception):
        recorded.append(exception)

    signals.got_request_exception.connect(record, app)
    try:
        assert client.get("/").status_code == 500
        assert len(recorded) == 1
        assert isinstance(recorded[0], ZeroDivisionError)
    finally:
        signals.got_request_exception.disconnect(record, app)


def test_request_tearing_down_signal(app, client):
    recorded = []

    @app.route("/")
    def index():
        return ""

    def record(sender, exc):
        recorded.append((sender, exc))

    signals.request_tearing_down.connect(record, app)
    try:
        client.get("/")
        assert recorded == [(app, None)]
    finally:
        signals.request_tearing_down.disconnect(record, app)


def test_appcontext_signals(app, client):
    recorded = []

    def record_push(sender, **kwargs):
        recorded.append("push")

    def record_pop(sender, **kwargs):
        recorded.append("pop")

    @app.route("/")
    def index():
        return "Hello"

    signals.appcontext_pushed.connect(record_push, app)
    signals.appcontext_popped.connect(record_pop, app)
    try:
        rv = client.get("/")
        assert rv.data == b"Hello"
        assert recorded == ["push", "pop"]
    finally:
        signals.appcontext_pushed.disconnect(record_push, app)
        signals.appcontext_popped.disconnect(record_pop, app)


def test_appcontext_tearing_down_signal(app, client):
    app.testing = False
    recorded = []

    def record_teardown(sender, exc):
        recorded.append(exc)

    @app.route("/")
    def index():
        1 // 0

    signals.appcontext_tearing_down.connect(record_teardown, app)
    try:
        rv = client.get("/")
        assert rv.status_code == 500
        assert len(recorded) == 1
        assert isinstance(recorded[0], ZeroDivisionError)
    finally:
        signals.appcontext_tearing_down.disconnect(record_teardown, app)


def test_flash_signal(app):
    recorded = []

    @app.route("/")
    def index():
        flaskcompat.flash(u"This is a flash message", category="notice")
        return flaskcompat.redirect("/other")

    def record(sender, message, category):
        recorded.append((message, category))

    signals.message_flashed.connect(record, app)
    try:
        rv = app.test_client().get("/")
        assert rv.status_code == 302
        assert len(recorded) == 1
        message, category = recorded[0]
        assert message == u"This is a flash message"
        assert category == "notice"
    finally:
        signals.message_flashed.disconnect(record, app)


def test_connected_to_other_sender_is_not_called(app, client):
    other = flaskcompat.Flask("other")
    recorded = []

    @app.route("/")
    def index():
        return ""

    def record(sender):
        recorded.append(sender)

    signals.request_started.connect(record, other)
    try:
        client.get("/")
        assert recorded == []
    finally:
        signals.request_started.disconnect(record, other)


# -- without blinker -------------------------------------------------------------


def test_fake_signal_send_is_ignored():
    signal = _FakeNamespace().signal("demo", doc="A demo signal.")
    assert isinstance(signal, _FakeSignal)
    assert signal.name == "demo"
    assert signal.__doc__ == "A demo signal."
    assert signal.send(object(), extra=1) == []
    assert not signal.receivers


@pytest.mark.parametrize(
    "method",
    [
        "connect",
        "connect_via",
        "connected_to",
        "temporarily_connected_to",
        "disconnect",
        "has_receivers_for",
        "receivers_for",
    ],
)
def test_fake_signal_refuses_receivers(method):
    signal = _FakeSignal("demo")
    with pytest.raises(RuntimeError) as excinfo:
        getattr(signal, method)(lambda sender: None)
    assert "blinker" in str(excinfo.value)
    assert "'demo'" in str(excinfo.value)


def test_without_blinker_in_a_fresh_interpreter(tmpdir):
    # Hide blinker from the import system and use the framework: requests
    # work and send their signals into the void; connecting is an error.
    script = textwrap.dedent(
        """
        import sys
        sys.modules["blinker"] = None

        import flaskcompat
        from flaskcompat import signals

        assert signals.signals_available is False
        app = flaskcompat.Flask("nosignals")
        app.secret_key = "k"

        @app.route("/")
        def index():
            flaskcompat.flash("hi")
            return flaskcompat.render_template_string("ok")

        rv = app.test_client().get("/")
        assert rv.data == b"ok", rv.data
        try:
            signals.request_started.connect(lambda sender: None)
        except RuntimeError as e:
            print("refused: %s" % e)
        """
    )
    env = dict(os.environ)
    here = os.path.dirname(os.path.dirname(os.path.abspath(flaskcompat.__file__)))
    env["PYTHONPATH"] = os.pathsep.join(
        [here] + [p for p in [env.get("PYTHONPATH")] if p]
    )
    output = subprocess.check_output(
        [sys.executable, "-W", "error", "-c", script],
        env=env,
        stderr=subprocess.STDOUT,
        cwd=str(tmpdir),
    )
    assert b"refused: Signalling support is unavailable" in output
    assert b"blinker" in output
