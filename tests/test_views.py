# -*- coding: utf-8 -*-
"""Class-based views: ``View`` and ``MethodView``, as_view and decorators."""
from __future__ import unicode_literals

import functools

import pytest

import flaskcompat
from flaskcompat import request
from flaskcompat.views import MethodView
from flaskcompat.views import View


def allow_set(response):
    return set(part.strip() for part in response.headers["Allow"].split(","))


def header_tag(label):
    """A view decorator that appends ``label`` to an X-Trail header."""

    def decorate(func):
        @functools.wraps(func)
        def wrapped(*args, **kwargs):
            resp = flaskcompat.make_response(func(*args, **kwargs))
            resp.headers.add("X-Trail", label)
            return resp

        return wrapped

    return decorate


# -- View ----------------------------------------------------------------------------


def test_as_view_passes_arguments_to_the_constructor(app, client):
    class Salute(View):
        methods = ["POST", "GET"]

        def __init__(self, word, mark="."):
            self.word = word
            self.mark = mark

        def dispatch_request(self, who):
            return "%s %s%s/%s" % (self.word, who, self.mark, request.method)

    app.add_url_rule("/salute/<who>", view_func=Salute.as_view(str("salute"), "Hey", mark="?"))
    assert client.get("/salute/ana").data == b"Hey ana?/GET"
    assert client.post("/salute/ben").data == b"Hey ben?/POST"
    assert client.put("/salute/ben").status_code == 405
    with app.test_request_context("/x"):
        assert flaskcompat.url_for("salute", who="cy") == "/salute/cy"


@pytest.mark.parametrize("name", [str("native_name"), "text_name"])
def test_as_view_accepts_native_and_text_names(app, client, name):
    # unicode_literals code passes text names on 2.7; both kinds work.
    class Echo(View):
        def dispatch_request(self):
            return request.endpoint

    view_func = Echo.as_view(name)
    app.add_url_rule("/", view_func=view_func)
    assert view_func.__name__ == name
    assert client.get("/").data.decode("ascii") == name


def test_every_request_gets_a_new_instance(app, client):
    seen = []

    class Tracker(View):
        def dispatch_request(self):
            seen.append(self)
            return "%d" % len(seen)

    app.add_url_rule("/", view_func=Tracker.as_view(str("tracker")))
    bodies = [client.get("/").data for _ in range(3)]
    assert bodies == [b"1", b"2", b"3"]
    assert len(set(id(view) for view in seen)) == 3


def test_view_function_carries_the_class_metadata():
    class Described(View):
        """Class docstring here."""

        methods = ["GET", "PUT"]

        def dispatch_request(self):
            return ""

    func = Described.as_view(str("described"))
    assert (func.__name__, func.__doc__, func.__module__) == (
        "described",
        "Class docstring here.",
        __name__,
    )
    assert func.view_class is Described
    assert func.methods == ["GET", "PUT"]


def test_view_without_methods_serves_get_only(app, client):
    class Plain(View):
        def dispatch_request(self):
            return "plain"

    app.add_url_rule("/", view_func=Plain.as_view(str("plain")))
    assert client.get("/").data == b"plain"
    assert allow_set(client.post("/")) == {"GET", "HEAD", "OPTIONS"}


def test_missing_dispatch_request_raises(app, client):
    class Hollow(View):
        pass

    app.add_url_rule("/", view_func=Hollow.as_view(str("hollow")))
    pytest.raises(NotImplementedError, client.get, "/")


def test_decorators_apply_first_to_last(app, client):
    class Wrapped(View):
        decorators = [header_tag("first"), header_tag("second"), header_tag("third")]

        def dispatch_request(self):
            return "wrapped"

    func = Wrapped.as_view(str("wrapped"))
    app.add_url_rule("/", view_func=func)
    resp = client.get("/")
    assert resp.data == b"wrapped"
    assert resp.headers.getlist("X-Trail") == ["first", "second", "third"]
    assert (func.__name__, func.view_class) == ("wrapped", Wrapped)


def test_a_decorator_may_stop_the_request(app, client):
    def needs_token(func):
        @functools.wraps(func)
        def guard(*args, **kwargs):
            if request.args.get("token") == "ok":
                return func(*args, **kwargs)
            flaskcompat.abort(401)

        return guard

    class Guarded(View):
        decorators = [needs_token]

        def dispatch_request(self):
            return "let in"

    app.add_url_rule("/", view_func=Guarded.as_view(str("guarded")))
    assert client.get("/?token=no").status_code == 401
    assert client.get("/?token=ok").data == b"let in"


def test_class_can_turn_off_automatic_options(app, client):
    class Closed(View):
        methods = ["GET"]

        def dispatch_request(self):
            return ""

    # as_view copies the class attribute onto the view function.
    Closed.provide_automatic_options = False
    app.add_url_rule("/", view_func=Closed.as_view(str("closed")))
    assert client.open("/", method="OPTIONS").status_code == 405


# -- MethodView ---------------------------------------------------------------------------


class NoteResource(MethodView):
    def get(self, note_id=None):
        return "all notes" if note_id is None else "note #%d" % note_id

    def post(self):
        return "made " + request.form["title"], 201

    def delete(self, note_id):
        return "", 204


@pytest.fixture
def notes(app):
    func = NoteResource.as_view(str("notes"))
    app.add_url_rule("/notes/", defaults={"note_id": None}, view_func=func, methods=["GET"])
    app.add_url_rule("/notes/", view_func=func, methods=["POST"])
    app.add_url_rule("/notes/<int:note_id>", view_func=func, methods=["GET", "DELETE"])
    return app


def test_methods_come_from_the_handlers_defined():
    assert set(NoteResource.methods) == {"GET", "POST", "DELETE"}


def test_each_verb_reaches_its_handler(notes, client):
    created = client.post("/notes/", data={"title": "todo"})
    refused = client.put("/notes/2")
    assert client.get("/notes/").data == b"all notes"
    assert client.get("/notes/2").data == b"note #2"
    assert (created.status_code, created.data) == (201, b"made todo")
    assert client.delete("/notes/2").status_code == 204
    assert refused.status_code == 405
    assert allow_set(refused) == {"GET", "HEAD", "OPTIONS", "DELETE"}


def test_head_uses_get_when_no_head_handler(app, client):
    app.add_url_rule("/", view_func=NoteResource.as_view(str("notes")))
    resp = client.head("/")
    assert (resp.status_code, resp.data) == (200, b"")
    assert resp.headers["Content-Length"] == "%d" % len(b"all notes")


def test_explicit_head_handler_wins(app, client):
    class HeadAware(MethodView):
        def get(self):
            return "full body"

        def head(self):
            return "", 200, {"X-Source": "head handler"}

    app.add_url_rule("/", view_func=HeadAware.as_view(str("head_aware")))
    assert client.head("/").headers["X-Source"] == "head handler"


def test_options_lists_every_handler(app, client):
    app.add_url_rule("/", view_func=NoteResource.as_view(str("notes")))
    resp = client.open("/", method="OPTIONS")
    assert (resp.status_code, allow_set(resp)) == (
        200,
        {"GET", "HEAD", "POST", "DELETE", "OPTIONS"},
    )


def test_subclasses_add_methods_unless_pinned(app, client):
    class Reader(MethodView):
        def get(self):
            return "reader get"

    class Writer(Reader):
        def post(self):
            return "writer post"

    class Pinned(Writer):
        methods = ["GET"]

    assert (set(Reader.methods), set(Writer.methods)) == ({"GET"}, {"GET", "POST"})
    assert Pinned.methods == ["GET"]
    app.add_url_rule("/writer", view_func=Writer.as_view(str("writer")))
    app.add_url_rule("/pinned", view_func=Pinned.as_view(str("pinned")))
    assert [client.get("/writer").data, client.post("/writer").data] == [
        b"reader get",
        b"writer post",
    ]
    assert client.post("/pinned").status_code == 405


def test_handlers_from_a_mixin_count(app, client):
    class Patchable(object):
        def patch(self):
            return "patched"

    class Doc(Patchable, MethodView):
        def get(self):
            return "doc"

    assert set(Doc.methods) == {"GET", "PATCH"}
    app.add_url_rule("/", view_func=Doc.as_view(str("doc")))
    assert client.patch("/").data == b"patched"


def test_routed_method_without_a_handler_is_an_assertion(app, client):
    class GetOnly(MethodView):
        def get(self):
            return "got"

    app.add_url_rule("/", view_func=GetOnly.as_view(str("get_only")), methods=["GET", "POST"])
    with pytest.raises(AssertionError) as caught:
        client.post("/")
    assert "Unimplemented method 'POST'" in str(caught.value)


def test_method_view_with_url_values_and_decorators(app, client):
    def doubled(func):
        @functools.wraps(func)
        def inner(*args, **kwargs):
            return func(*args, **kwargs) * 2

        return inner

    class Repeat(MethodView):
        decorators = [doubled]

        def get(self, chunk):
            return chunk

    app.add_url_rule("/rep/<chunk>", view_func=Repeat.as_view(str("repeat")))
    assert client.get("/rep/xy").data == b"xyxy"
