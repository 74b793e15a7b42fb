# -*- coding: utf-8 -*-
"""Class-based views: View, MethodView, decorators."""
from __future__ import unicode_literals

from functools import wraps

import pytest

import flaskcompat
import flaskcompat.views
from flaskcompat import request


def allowed(response):
    return set(m.strip() for m in response.headers["Allow"].split(","))


def test_view_dispatch_and_constructor_arguments(app, client):
    class Greeting(flaskcompat.views.View):
        methods = ["GET", "POST"]

        def __init__(self, greeting, punctuation="."):
            self.greeting = greeting
            self.punctuation = punctuation

        def dispatch_request(self, name):
            return "%s %s%s (%s)" % (
                self.greeting,
                name,
                self.punctuation,
                request.method,
            )

    app.add_url_rule(
        "/hello/<name>",
        view_func=Greeting.as_view(str("hello"), "Hello", punctuation="!"),
    )
    assert client.get("/hello/ann").data == b"Hello ann! (GET)"
    assert client.post("/hello/bob").data == b"Hello bob! (POST)"
    assert client.put("/hello/bob").status_code == 405
    with app.test_request_context():
        assert flaskcompat.url_for("hello", name="x") == "/hello/x"


def test_as_view_with_text_name(app, client):
    # View names are native strings elsewhere in this module (``str("x")``);
    # a text name, as code written with unicode_literals passes, must work
    # the same way.
    class Text(flaskcompat.views.View):
        def dispatch_request(self):
            return request.endpoint

    view = Text.as_view("text_view")
    assert view.__name__ == "text_view"
    app.add_url_rule("/", view_func=view)
    assert client.get("/").data == b"text_view"


def test_view_instance_per_request(app, client):
    instances = []

    class Counter(flaskcompat.views.View):
        def dispatch_request(self):
            instances.append(self)
            return str(len(instances))

    app.add_url_rule("/", view_func=Counter.as_view(str("counter")))
    client.get("/")
    client.get("/")
    assert len(instances) == 2
    assert instances[0] is not instances[1]


def test_view_function_attributes(app):
    class Documented(flaskcompat.views.View):
        """The docstring."""

        methods = ["GET"]

        def dispatch_request(self):
            return ""

    view = Documented.as_view(str("documented"))
    assert view.__name__ == "documented"
    assert view.__doc__ == "The docstring."
    assert view.__module__ == __name__
    assert view.view_class is Documented
    assert view.methods == ["GET"]


def test_view_without_dispatch_request(app, client):
    class Empty(flaskcompat.views.View):
        pass

    app.add_url_rule("/", view_func=Empty.as_view(str("empty")))
    with pytest.raises(NotImplementedError):
        client.get("/")


def test_view_decorators(app, client):
    def add_header(name):
        def decorator(f):
            @wraps(f)
            def wrapper(*args, **kwargs):
                response = flaskcompat.make_response(f(*args, **kwargs))
                response.headers.add("X-Order", name)
                return response

            return wrapper

        return decorator

    class Decorated(flaskcompat.views.View):
        decorators = [add_header("inner"), add_header("outer")]

        def dispatch_request(self):
            return "decorated"

    view = Decorated.as_view(str("decorated"))
    app.add_url_rule("/", view_func=view)
    rv = client.get("/")
    assert rv.data == b"decorated"
    assert rv.headers.getlist("X-Order") == ["inner", "outer"]
    assert view.__name__ == "decorated"
    assert view.view_class is Decorated


def test_view_decorator_can_refuse(app, client):
    def login_required(f):
        @wraps(f)
        def wrapper(*args, **kwargs):
            if not request.args.get("user"):
                flaskcompat.abort(401)
            return f(*args, **kwargs)

        return wrapper

    class Secret(flaskcompat.views.View):
        decorators = [login_required]

        def dispatch_request(self):
            return "secret"

    app.add_url_rule("/", view_func=Secret.as_view(str("secret")))
    assert client.get("/").status_code == 401
    assert client.get("/?user=x").data == b"secret"


def test_view_provide_automatic_options_false(app, client):
    class NoOptions(flaskcompat.views.View):
        methods = ["GET"]
        provide_automatic_options = False

        def dispatch_request(self):
            return ""

    app.add_url_rule("/", view_func=NoOptions.as_view(str("no_options")))
    rv = client.open("/", method="OPTIONS")
    assert rv.status_code == 405


# ---------------------------------------------------------------------------
# MethodView
# ---------------------------------------------------------------------------


class ItemAPI(flaskcompat.views.MethodView):
    def get(self, item_id=None):
        if item_id is None:
            return "list"
        return "item %d" % item_id

    def post(self):
        return "created " + request.form["name"], 201

    def delete(self, item_id):
        return "", 204


def register_item_api(app):
    view = ItemAPI.as_view(str("items"))
    app.add_url_rule(
        "/items/", defaults={"item_id": None}, view_func=view, methods=["GET"]
    )
    app.add_url_rule("/items/", view_func=view, methods=["POST"])
    app.add_url_rule("/items/<int:item_id>", view_func=view, methods=["GET", "DELETE"])


def test_method_view_methods_detected():
    assert ItemAPI.methods == {"GET", "POST", "DELETE"}


def test_method_view_dispatch(app, client):
    register_item_api(app)
    assert client.get("/items/").data == b"list"
    assert client.get("/items/3").data == b"item 3"
    rv = client.post("/items/", data={"name": "x"})
    assert rv.status_code == 201
    assert rv.data == b"created x"
    assert client.delete("/items/3").status_code == 204
    rv = client.put("/items/3")
    assert rv.status_code == 405
    assert allowed(rv) == {"GET", "HEAD", "OPTIONS", "DELETE"}


def test_method_view_head_falls_back_to_get(app, client):
    app.add_url_rule("/", view_func=ItemAPI.as_view(str("items")))
    rv = client.head("/")
    assert rv.status_code == 200
    assert rv.data == b""
    assert rv.headers["Content-Length"] == "4"


def test_method_view_explicit_head(app, client):
    class WithHead(flaskcompat.views.MethodView):
        def get(self):
            return "get body"

        def head(self):
            return "", 200, {"X-Head": "explicit"}

    app.add_url_rule("/", view_func=WithHead.as_view(str("with_head")))
    rv = client.head("/")
    assert rv.headers["X-Head"] == "explicit"


def test_method_view_automatic_options(app, client):
    app.add_url_rule("/", view_func=ItemAPI.as_view(str("items")))
    rv = client.open("/", method="OPTIONS")
    assert rv.status_code == 200
    assert allowed(rv) == {"GET", "HEAD", "POST", "DELETE", "OPTIONS"}


def test_method_view_inheritance(app, client):
    class Base(flaskcompat.views.MethodView):
        def get(self):
            return "base get"

    class Child(Base):
        def post(self):
            return "child post"

    class Override(Child):
        methods = ["GET"]

    assert Base.methods == {"GET"}
    assert Child.methods == {"GET", "POST"}
    assert Override.methods == ["GET"]
    app.add_url_rule("/child", view_func=Child.as_view(str("child")))
    app.add_url_rule("/override", view_func=Override.as_view(str("override")))
    assert client.get("/child").data == b"base get"
    assert client.post("/child").data == b"child post"
    assert client.post("/override").status_code == 405


def test_method_view_mixin_methods(app, client):
    class PatchMixin(object):
        def patch(self):
            return "patched"

    class Resource(PatchMixin, flaskcompat.views.MethodView):
        def get(self):
            return "got"

    assert Resource.methods == {"GET", "PATCH"}
    app.add_url_rule("/", view_func=Resource.as_view(str("resource")))
    assert client.patch("/").data == b"patched"


def test_method_view_unimplemented_method(app, client):
    class OnlyGet(flaskcompat.views.MethodView):
        def get(self):
            return "got"

    app.add_url_rule(
        "/", view_func=OnlyGet.as_view(str("only_get")), methods=["GET", "POST"]
    )
    with pytest.raises(AssertionError) as excinfo:
        client.post("/")
    assert "Unimplemented method 'POST'" in str(excinfo.value)


def test_method_view_with_url_arguments_and_decorators(app, client):
    def twice(f):
        @wraps(f)
        def wrapper(*args, **kwargs):
            return f(*args, **kwargs) * 2

        return wrapper

    class Echo(flaskcompat.views.MethodView):
        decorators = [twice]

        def get(self, word):
            return word

    app.add_url_rule("/echo/<word>", view_func=Echo.as_view(str("echo")))
    assert client.get("/echo/ab").data == b"abab"
