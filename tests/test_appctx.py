# -*- coding: utf-8 -*-
"""Application contexts: pushing and popping, ``current_app``, ``g`` and the
teardown callbacks."""
from __future__ import unicode_literals

import pytest

import flaskcompat
from flaskcompat import current_app
from flaskcompat import g


def test_context_state_flags_follow_the_with_block(app):
    states = [(flaskcompat.has_app_context(), flaskcompat.has_request_context())]
    with app.app_context() as actx:
        states.append((flaskcompat.has_app_context(), flaskcompat.has_request_context()))
        assert actx.app is app
        assert current_app._get_current_object() is app
        assert current_app.name == "flask_test"
    states.append((flaskcompat.has_app_context(), flaskcompat.has_request_context()))
    assert states == [(False, False), (True, False), (False, False)]


def test_unbound_current_app_is_falsy_and_refuses_lookups():
    assert bool(current_app) is False
    with pytest.raises(RuntimeError) as caught:
        current_app.config
    assert "Working outside of application context" in str(caught.value)


def test_g_needs_a_context():
    pytest.raises(RuntimeError, setattr, g, "anything", "value")


def test_bound_current_app_is_truthy(app_ctx):
    assert bool(current_app) is True


def test_push_and_pop_by_hand(app):
    actx = app.app_context()
    actx.push()
    inside = current_app._get_current_object()
    actx.pop()
    assert inside is app
    assert flaskcompat.has_app_context() is False


def test_reentering_the_same_context_defers_teardown(app):
    calls = []
    app.teardown_appcontext(lambda exc: calls.append(exc))
    actx = app.app_context()
    actx.push()
    actx.push()
    actx.pop()
    after_inner = list(calls)
    actx.pop()
    assert (after_inner, calls) == ([], [None])


def test_each_app_context_has_its_own_g(app):
    with app.app_context():
        g.level = "outer"
        with app.app_context():
            inner_had_it = "level" in g
            g.level = "inner"
        assert g.level == "outer"
    assert inner_had_it is False


def test_g_does_not_survive_between_requests(app, client):
    @app.route("/count")
    def count():
        g.hits = g.get("hits", 0) + 1
        return "%d" % g.hits

    bodies = [client.get("/count").data for _ in range(3)]
    assert bodies == [b"1", b"1", b"1"]


def test_g_mapping_helpers(app_ctx):
    assert g.get("missing") is None
    assert g.get("missing", "fallback") == "fallback"
    assert g.setdefault("color", "red") == "red"
    assert g.setdefault("color", "blue") == "red"
    assert "color" in g
    assert list(iter(g)) == ["color"]
    assert g.pop("color") == "red"
    assert g.pop("color", "gone") == "gone"
    pytest.raises(KeyError, g.pop, "color")
    assert "color" not in g


def test_g_is_reachable_from_the_context_object(app):
    with app.app_context() as actx:
        g.token = 99
        assert actx.g.token == 99


def test_g_repr_names_the_app(app_ctx):
    assert repr(g) == "<flaskcompat.g of 'flask_test'>"


def test_custom_globals_class(app):
    base = flaskcompat.Flask.app_ctx_globals_class

    class Preloaded(base):
        answer = 42

    app.app_ctx_globals_class = Preloaded
    with app.app_context():
        assert isinstance(g._get_current_object(), Preloaded)
        assert g.answer == 42
        g.answer = 43
        assert g.answer == 43


def test_teardown_receives_none_after_a_clean_exit(app):
    received = []
    app.teardown_appcontext(received.append)
    with app.app_context():
        during = list(received)
    assert (during, received) == ([], [None])


def test_teardown_receives_the_escaping_exception(app):
    received = []
    app.teardown_appcontext(received.append)
    with pytest.raises(ValueError, match="not a number"):
        with app.app_context():
            int("not a number")
    assert [type(e) for e in received] == [ValueError]


def test_teardown_functions_run_last_registered_first(app):
    order = []

    @app.teardown_appcontext
    def registered_first(exc):
        order.append(1)

    @app.teardown_appcontext
    def registered_second(exc):
        order.append(2)

    with app.app_context():
        pass
    assert order == [2, 1]


def test_request_teardown_precedes_app_teardown(app, client):
    order = []
    app.teardown_request(lambda exc: order.append("request"))
    app.teardown_appcontext(lambda exc: order.append("app"))
    app.add_url_rule("/", "home", lambda: "")
    client.get("/")
    assert order == ["request", "app"]


def test_request_context_reuses_an_outer_app_context(app):
    torn = []
    app.teardown_appcontext(lambda exc: torn.append("app"))
    with app.app_context():
        with app.test_request_context("/inner"):
            assert flaskcompat.request.path == "/inner"
        assert torn == []
        assert flaskcompat.has_app_context()
    assert torn == ["app"]


def test_request_context_pushes_its_own_app_context(app):
    torn = []
    app.teardown_appcontext(lambda exc: torn.append("app"))
    with app.test_request_context("/solo"):
        assert current_app._get_current_object() is app
    assert torn == ["app"]


def test_push_and_pop_signals_for_a_bare_context(app):
    events = []

    def on_push(sender, **kw):
        events.append(("push", sender))

    def on_pop(sender, **kw):
        events.append(("pop", sender))

    with flaskcompat.appcontext_pushed.connected_to(on_push, app):
        with flaskcompat.appcontext_popped.connected_to(on_pop, app):
            with app.app_context():
                events.append("body")
    assert events == [("push", app), "body", ("pop", app)]


def test_url_adapter_needs_server_name(app):
    app.add_url_rule("/page", "page", lambda: "")
    with app.app_context() as actx:
        no_name = actx.url_adapter
    app.config.update(SERVER_NAME="example.com")
    with app.app_context() as actx:
        built = actx.url_adapter.build("page", force_external=True)
        via_url_for = flaskcompat.url_for("page")
    assert no_name is None
    assert built == "http://example.com/page"
    assert via_url_for == "http://example.com/page"


def test_templates_render_with_only_an_app_context(app):
    with app.app_context():
        g.user = "Zoë"
        out = flaskcompat.render_template_string(
            "{{ g.user }}|{{ config.TESTING }}|{{ session is defined }}"
        )
    assert out == "Zoë|True|True"


def test_flask_2_context_variable_names_read_the_same_contexts(app):
    from flaskcompat.globals import _cv_app, _cv_request

    assert _cv_app.get(None) is None
    with pytest.raises(LookupError):
        _cv_request.get()
    with app.test_request_context() as req_ctx:
        assert _cv_request.get() is req_ctx
        assert _cv_request.get(None) is req_ctx
        assert _cv_app.get().app is app
    assert _cv_request.get("gone") == "gone"
