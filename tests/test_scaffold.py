# -*- coding: utf-8 -*-
"""The registration layer shared by apps and blueprints: method shortcuts,
the per-scope registries extensions read and write by name, and how a
blueprint's scope reaches the app."""
from __future__ import unicode_literals

import pytest
from werkzeug.exceptions import NotFound

import flaskcompat
from flaskcompat import Blueprint
from flaskcompat import request


@pytest.mark.parametrize("method", ["get", "post", "put", "delete", "patch"])
def test_method_shortcuts(app, client, method):
    part = Blueprint("bp", __name__, url_prefix="/bp")

    def thing():
        return request.method

    for owner in (app, part):
        getattr(owner, method)("/thing")(thing)

    app.register_blueprint(part)
    call = getattr(client, method)
    assert call("/thing").data == method.upper().encode("ascii")
    assert call("/bp/thing").data == method.upper().encode("ascii")
    other = "post" if method == "get" else "get"
    assert getattr(client, other)("/thing").status_code == 405


def test_shortcut_refuses_methods_argument(app):
    with pytest.raises(TypeError, match="methods"):
        app.get("/", methods=["POST"])


def test_registry_keys_are_scopes(app):
    shop = Blueprint("shop", __name__)

    @app.before_request
    def app_hook():
        pass

    @shop.before_request
    def shop_hook():
        pass

    @shop.errorhandler(404)
    def shop_missing(error):
        return "missing", 404

    # before registration the blueprint holds its own scope under None
    assert shop.before_request_funcs == {None: [shop_hook]}
    app.register_blueprint(shop)
    assert app.before_request_funcs == {None: [app_hook], "shop": [shop_hook]}
    assert app.error_handler_spec["shop"][404][NotFound] is shop_missing


def test_hook_written_directly_into_the_registry_runs(app, client):
    shop = Blueprint("shop", __name__)
    calls = []

    @shop.route("/")
    def index():
        return "ok"

    app.register_blueprint(shop)
    # what extensions do: write the app's registries by scope name
    app.before_request_funcs.setdefault("shop", []).append(lambda: calls.append("shop"))
    app.after_request_funcs.setdefault(None, []).append(
        lambda response: calls.append("app after") or response
    )
    assert client.get("/").data == b"ok"
    assert calls == ["shop", "app after"]


def test_hooks_added_after_a_request_run(app, client):
    calls = []

    @app.route("/")
    def index():
        return "ok"

    client.get("/")
    app.before_request(lambda: calls.append("late"))
    client.get("/")
    assert calls == ["late"]


def test_nested_teardown_and_error_handler_order(app, client):
    outer = Blueprint("outer", __name__, url_prefix="/p")
    inner = Blueprint("inner", __name__, url_prefix="/c")
    calls = []

    @app.teardown_request
    def app_down(error):
        calls.append("app")

    @outer.teardown_request
    def outer_down(error):
        calls.append("outer")

    @inner.teardown_request
    def inner_down(error):
        calls.append("inner")

    @outer.errorhandler(LookupError)
    def outer_lookup(error):
        return "outer lookup"

    @inner.errorhandler(KeyError)
    def inner_key(error):
        return "inner key"

    @inner.route("/key")
    def key():
        raise KeyError("x")

    @inner.route("/index")
    def index():
        raise IndexError("x")

    outer.register_blueprint(inner)
    app.register_blueprint(outer)
    assert client.get("/p/c/key").data == b"inner key"
    assert calls == ["app", "inner", "outer"]
    assert client.get("/p/c/index").data == b"outer lookup"


def test_template_helpers_from_app_and_blueprint(app):
    helpers = Blueprint("helpers", __name__)

    @app.template_filter("shout")
    def shout(value):
        return value.upper()

    @helpers.app_template_test("short")
    def short(value):
        return len(value) < 3

    @helpers.app_template_global()
    def answer():
        return 42

    app.register_blueprint(helpers)
    with app.app_context():
        rendered = flaskcompat.render_template_string(
            "{{ 'hi'|shout }} {{ 'hi' is short }} {{ answer() }}"
        )
    assert rendered == "HI True 42"
