# -*- coding: utf-8 -*-
"""The application context: app_context, current_app, g,
teardown_appcontext, has_app_context."""
from __future__ import unicode_literals

import pytest

import flaskcompat
from flaskcompat import current_app
from flaskcompat import g


def test_app_context_provides_current_app(app):
    assert not flaskcompat.has_app_context()
    with app.app_context() as ctx:
        assert flaskcompat.has_app_context()
        assert not flaskcompat.has_request_context()
        assert current_app._get_current_object() is app
        assert ctx.app is app
        assert current_app.name == "flask_test"
    assert not flaskcompat.has_app_context()


def test_current_app_outside_context_is_an_error():
    with pytest.raises(RuntimeError) as excinfo:
        current_app.name
    assert "Working outside of application context" in str(excinfo.value)
    with pytest.raises(RuntimeError):
        g.value = 1


def test_current_app_is_falsy_outside_context(app):
    assert not current_app
    with app.app_context():
        assert current_app


def test_manual_push_pop(app):
    ctx = app.app_context()
    ctx.push()
    try:
        assert current_app._get_current_object() is app
    finally:
        ctx.pop()
    assert not flaskcompat.has_app_context()


def test_g_belongs_to_one_app_context(app):
    with app.app_context():
        g.value = 1
        with app.app_context():
            assert "value" not in g
            g.value = 2
        assert g.value == 1


def test_g_is_fresh_for_each_request(app, client):
    @app.route("/")
    def index():
        before = g.get("counter", 0)
        g.counter = before + 1
        return str(g.counter)

    assert client.get("/").data == b"1"
    assert client.get("/").data == b"1"


def test_app_ctx_globals_class(app):
    class CustomGlobals(flaskcompat.ctx._AppCtxGlobals):
        answer = 42

    app.app_ctx_globals_class = CustomGlobals
    with app.app_context():
        assert g.answer == 42
        assert isinstance(g._get_current_object(), CustomGlobals)


def test_teardown_appcontext_without_error(app):
    seen = []

    @app.teardown_appcontext
    def cleanup(exc):
        seen.append(exc)

    with app.app_context():
        assert seen == []
    assert seen == [None]


def test_teardown_appcontext_gets_exception(app):
    seen = []

    @app.teardown_appcontext
    def cleanup(exc):
        seen.append(exc)

    with pytest.raises(ZeroDivisionError):
        with app.app_context():
            1 // 0
    assert len(seen) == 1
    assert isinstance(seen[0], ZeroDivisionError)


def test_teardown_appcontext_order_and_refcount(app):
    seen = []

    @app.teardown_appcontext
    def first(exc):
        seen.append("first")

    @app.teardown_appcontext
    def second(exc):
        seen.append("second")

    ctx = app.app_context()
    ctx.push()
    ctx.push()
    ctx.pop()
    assert seen == []
    ctx.pop()
    assert seen == ["second", "first"]


def test_teardown_appcontext_after_request(app, client):
    seen = []

    @app.teardown_request
    def request_done(exc):
        seen.append("request")

    @app.teardown_appcontext
    def app_done(exc):
        seen.append("app")

    @app.route("/")
    def index():
        return ""

    client.get("/")
    assert seen == ["request", "app"]


def test_request_context_inside_app_context_keeps_it(app):
    seen = []

    @app.teardown_appcontext
    def app_done(exc):
        seen.append("app")

    with app.app_context():
        with app.test_request_context():
            pass
        # The request did not push this app context, so it stays.
        assert seen == []
        assert flaskcompat.has_app_context()
    assert seen == ["app"]


def test_app_context_signals(app):
    events = []

    def pushed(sender):
        events.append(("pushed", sender))

    def popped(sender):
        events.append(("popped", sender))

    flaskcompat.appcontext_pushed.connect(pushed, app)
    flaskcompat.appcontext_popped.connect(popped, app)
    try:
        with app.app_context():
            events.append("inside")
    finally:
        flaskcompat.appcontext_pushed.disconnect(pushed, app)
        flaskcompat.appcontext_popped.disconnect(popped, app)
    assert events == [("pushed", app), "inside", ("popped", app)]


def test_url_adapter_outside_request(app):
    @app.route("/x")
    def x():
        return ""

    with app.app_context() as ctx:
        assert ctx.url_adapter is None
    app.config["SERVER_NAME"] = "example.com"
    with app.app_context() as ctx:
        assert ctx.url_adapter.build("x", force_external=True) == "http://example.com/x"


def test_render_template_string_in_app_context(app):
    with app.app_context():
        g.name = "ü"
        rv = flaskcompat.render_template_string("{{ g.name }} {{ config.TESTING }}")
    assert rv == "ü True"


def test_g_repr(app):
    with app.app_context():
        assert repr(g) == "<flaskcompat.g of 'flask_test'>"
