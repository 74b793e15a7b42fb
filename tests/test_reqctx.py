# -*- coding: utf-8 -*-
"""The request context: test_request_context, push/pop, teardown,
copy_current_request_context, after_this_request, stream_with_context."""
from __future__ import unicode_literals

import threading

import pytest

import flaskcompat
from flaskcompat import request
from flaskcompat.globals import _request_ctx_stack


def test_test_request_context_builds_request(app):
    with app.test_request_context(
        "/path/ü?q=1&q=2", method="POST", data={"field": "välue"}
    ) as ctx:
        assert ctx.request is request._get_current_object()
        assert request.method == "POST"
        assert request.path == "/path/ü"
        assert request.args.getlist("q") == ["1", "2"]
        assert request.form["field"] == "välue"
        assert request.url == "http://localhost/path/ü?q=1&q=2"


def test_request_url_attributes(app):
    with app.test_request_context(
        "/page/ü?x=%C3%BC&flag", base_url="https://h.example:8443/root/"
    ):
        assert request.url == "https://h.example:8443/root/page/ü?x=ü&flag"
        assert request.base_url == "https://h.example:8443/root/page/ü"
        assert request.url_root == "https://h.example:8443/root/"
        assert request.host_url == "https://h.example:8443/"
        assert request.host == "h.example:8443"
        assert request.script_root == "/root"
        assert request.path == "/page/ü"
        assert request.full_path == "/page/ü?x=%C3%BC&flag"
        assert request.scheme == "https"
        assert request.is_secure
        assert request.args.to_dict() == {"x": "ü", "flag": ""}


def test_test_request_context_json(app):
    with app.test_request_context("/", method="POST", json={"a": [1, "ü"]}):
        assert request.is_json
        assert request.get_json() == {"a": [1, "ü"]}


def test_test_request_context_matches_url(app):
    @app.route("/user/<int:uid>")
    def user(uid):
        return ""

    with app.test_request_context("/user/7"):
        assert request.endpoint == "user"
        assert request.view_args == {"uid": 7}
        assert request.routing_exception is None
    with app.test_request_context("/nowhere"):
        assert request.endpoint is None
        assert request.routing_exception.code == 404


def test_manual_push_and_pop(app):
    ctx = app.test_request_context("/manual")
    assert not flaskcompat.has_request_context()
    ctx.push()
    try:
        assert flaskcompat.has_request_context()
        assert flaskcompat.has_app_context()
        assert flaskcompat.current_app._get_current_object() is app
        assert request.path == "/manual"
    finally:
        ctx.pop()
    assert not flaskcompat.has_request_context()
    assert not flaskcompat.has_app_context()


def test_request_outside_context_is_an_error():
    with pytest.raises(RuntimeError) as excinfo:
        request.path
    assert "Working outside of request context" in str(excinfo.value)
    with pytest.raises(RuntimeError) as excinfo:
        flaskcompat.session.get("x")
    assert "Working outside of request context" in str(excinfo.value)


def test_nested_request_contexts(app):
    with app.test_request_context("/outer"):
        with app.test_request_context("/inner"):
            assert request.path == "/inner"
        assert request.path == "/outer"
    assert not flaskcompat.has_request_context()


def test_request_context_reuses_matching_app_context(app):
    with app.app_context():
        flaskcompat.g.value = "shared"
        with app.test_request_context():
            assert flaskcompat.g.value == "shared"
        assert flaskcompat.has_app_context()
    assert not flaskcompat.has_app_context()


def test_request_context_of_other_app_pushes_its_own_app_context(app):
    other = flaskcompat.Flask("other_app", root_path=app.root_path)
    with app.app_context():
        flaskcompat.g.value = "first"
        with other.test_request_context():
            assert flaskcompat.current_app._get_current_object() is other
            assert "value" not in flaskcompat.g
        assert flaskcompat.current_app._get_current_object() is app


def test_request_context_from_environ(app):
    environ = {
        "REQUEST_METHOD": str("GET"),
        "PATH_INFO": str("/raw"),
        "QUERY_STRING": str("a=b"),
        "SERVER_NAME": str("example.com"),
        "SERVER_PORT": str("80"),
        "wsgi.url_scheme": str("http"),
    }
    with app.request_context(environ):
        assert request.url == "http://example.com/raw?a=b"
        assert request.args["a"] == "b"


def test_teardown_on_pop(app):
    seen = []

    @app.teardown_request
    def teardown(exc):
        seen.append(exc)

    with app.test_request_context():
        assert seen == []
    assert seen == [None]


def test_teardown_gets_exception_of_with_block(app):
    seen = []

    @app.teardown_request
    def teardown(exc):
        seen.append(exc)

    with pytest.raises(ValueError):
        with app.test_request_context():
            raise ValueError("in block")
    assert len(seen) == 1
    assert isinstance(seen[0], ValueError)


def test_teardown_runs_once_for_nested_pushes_of_one_context(app):
    seen = []

    @app.teardown_request
    def teardown(exc):
        seen.append(exc)

    ctx = app.test_request_context()
    ctx.push()
    ctx.push()
    ctx.pop()
    assert seen == []
    ctx.pop()
    assert seen == [None]


def test_preserved_context_on_exception(app, client):
    app.config["PRESERVE_CONTEXT_ON_EXCEPTION"] = True

    @app.route("/fail")
    def fail():
        raise ValueError("kept")

    @app.route("/ok")
    def ok():
        return "ok"

    with pytest.raises(ValueError):
        client.get("/fail?x=1")
    # The failed request stays inspectable until the next push.
    assert flaskcompat.has_request_context()
    assert request.path == "/fail"
    assert request.args["x"] == "1"
    assert client.get("/ok").data == b"ok"
    assert not flaskcompat.has_request_context()


def test_context_popped_after_exception_by_default(app, client):
    @app.route("/fail")
    def fail():
        raise ValueError("not kept")

    with pytest.raises(ValueError):
        client.get("/fail")
    assert not flaskcompat.has_request_context()


def test_session_in_test_request_context(app):
    with app.test_request_context():
        flaskcompat.session["k"] = "v"
        assert flaskcompat.session["k"] == "v"
        assert flaskcompat.session.modified


def test_repr(app):
    with app.test_request_context("/r?x=1", method="PUT") as ctx:
        assert repr(ctx) == (
            "<RequestContext 'http://localhost/r?x=1' [PUT] of flask_test>"
        )


# ---------------------------------------------------------------------------
# copy_current_request_context
# ---------------------------------------------------------------------------


def test_copy_current_request_context_called_later(app, client):
    later = []

    @app.route("/")
    def index():
        flaskcompat.session["user"] = "ann"

        @flaskcompat.copy_current_request_context
        def work():
            assert flaskcompat.has_request_context()
            return "%s %s %s" % (
                request.path,
                request.args["q"],
                flaskcompat.session["user"],
            )

        later.append(work)
        return "queued"

    assert client.get("/?q=42").data == b"queued"
    assert not flaskcompat.has_request_context()
    assert later[0]() == "/ 42 ann"
    assert not flaskcompat.has_request_context()
    assert later[0].__name__ == "work"


def test_copy_current_request_context_in_thread(app, client):
    results = []

    @app.route("/")
    def index():
        @flaskcompat.copy_current_request_context
        def work():
            results.append((request.args["q"], flaskcompat.current_app.name))

        def unbound():
            results.append(flaskcompat.has_request_context())

        threads = [threading.Thread(target=work), threading.Thread(target=unbound)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return "done"

    assert client.get("/?q=thread").data == b"done"
    assert ("thread", "flask_test") in results
    assert False in results


def test_contexts_are_local_to_each_thread(app):
    results = {}
    ready = [threading.Event(), threading.Event()]
    go = threading.Event()

    def worker(index, name):
        with app.test_request_context("/" + name):
            flaskcompat.g.name = name
            ready[index].set()
            # Both contexts are pushed at the same time here.
            go.wait(10)
            results[name] = (request.path, flaskcompat.g.name)

    threads = [
        threading.Thread(target=worker, args=(0, "first")),
        threading.Thread(target=worker, args=(1, "second")),
    ]
    for thread in threads:
        thread.start()
    for event in ready:
        assert event.wait(10)
    assert not flaskcompat.has_request_context()
    go.set()
    for thread in threads:
        thread.join(10)
    assert results == {"first": ("/first", "first"), "second": ("/second", "second")}


def test_copy_current_request_context_outside_request():
    with pytest.raises(RuntimeError):

        @flaskcompat.copy_current_request_context
        def work():
            pass


# ---------------------------------------------------------------------------
# after_this_request
# ---------------------------------------------------------------------------


def test_after_this_request(app, client):
    calls = []

    @app.after_request
    def app_after(response):
        calls.append("app")
        return response

    @app.route("/")
    def index():
        @flaskcompat.after_this_request
        def first(response):
            calls.append("first")
            response.headers["X-First"] = "1"
            return response

        @flaskcompat.after_this_request
        def second(response):
            calls.append("second")
            return flaskcompat.Response("replaced", headers=dict(response.headers))

        return "original"

    rv = client.get("/")
    assert rv.data == b"replaced"
    assert rv.headers["X-First"] == "1"
    assert calls == ["first", "second", "app"]

    del calls[:]
    client.get("/missing")
    assert calls == ["app"]


def test_after_this_request_outside_request():
    with pytest.raises(RuntimeError) as excinfo:

        @flaskcompat.after_this_request
        def f(response):
            return response

    assert "request context" in str(excinfo.value)


# ---------------------------------------------------------------------------
# stream_with_context
# ---------------------------------------------------------------------------


def test_stream_with_context_generator(app, client):
    @app.route("/")
    def index():
        def generate():
            yield "Hello "
            yield request.args["name"]
            yield "!"

        return flaskcompat.Response(flaskcompat.stream_with_context(generate()))

    rv = client.get("/?name=Wörld")
    assert rv.data == "Hello Wörld!".encode("utf-8")
    assert not flaskcompat.has_request_context()


def test_stream_with_context_decorator(app, client):
    torn_down = []

    @app.teardown_request
    def teardown(exc):
        torn_down.append(True)

    @app.route("/")
    def index():
        @flaskcompat.stream_with_context
        def generate(suffix):
            yield request.args["name"]
            yield suffix

        return flaskcompat.Response(generate("?"))

    rv = client.get("/?name=x", buffered=False)
    assert torn_down == []
    assert rv.get_data() == b"x?"
    rv.close()
    assert torn_down == [True]
    assert not flaskcompat.has_request_context()


def test_stream_with_context_teardown_sees_stream_errors(app, client):
    events = []

    @app.teardown_request
    def teardown(exc):
        events.append(("teardown", type(exc).__name__ if exc else None))

    @app.route("/")
    def index():
        def generate():
            try:
                events.append("start")
                yield "a"
                if request.args.get("fail"):
                    raise ValueError("mid-stream")
                yield "b"
            finally:
                events.append("finally")

        return flaskcompat.Response(flaskcompat.stream_with_context(generate()))

    rv = client.get("/")
    assert rv.data == b"ab"
    assert events == ["start", "finally", ("teardown", None)]

    del events[:]
    with pytest.raises(ValueError):
        client.get("/?fail=1").get_data()
    assert events == ["start", "finally", ("teardown", "ValueError")]
    assert not flaskcompat.has_request_context()


def test_stream_without_context_cannot_see_request(app, client):
    @app.route("/")
    def index():
        def generate():
            yield "a"
            yield request.args["name"]

        return flaskcompat.Response(generate())

    rv = client.get("/?name=x")
    with pytest.raises(RuntimeError) as excinfo:
        rv.get_data()
    assert "Working outside of request context" in str(excinfo.value)


def test_stream_with_context_outside_request():
    def gen():
        yield "x"

    with pytest.raises(RuntimeError):
        flaskcompat.stream_with_context(gen())


def test_request_stack_is_empty_after_requests(app, client):
    @app.route("/")
    def index():
        return "x"

    client.get("/")
    assert _request_ctx_stack.top is None


# ---------------------------------------------------------------------------
# Request and response attributes Flask 1.1 applications use
# ---------------------------------------------------------------------------


def test_request_charset_attributes(app):
    with app.test_request_context("/"):
        assert request.charset == "utf-8"
        assert request.url_charset == "utf-8"
        assert request.encoding_errors == "replace"
        assert flaskcompat.make_response("x").charset == "utf-8"


def test_values_combine_args_and_form_for_every_method(app, client):
    @app.route("/", methods=["GET", "POST", "DELETE"])
    def index():
        return request.values.to_dict()

    for method in ("GET", "POST", "DELETE"):
        rv = client.open("/?q=1", method=method, data={"f": "2"})
        assert rv.get_json() == {"q": "1", "f": "2"}, method


def test_user_agent_is_parsed(app):
    agent = (
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
        " (KHTML, like Gecko) Chrome/90.0.4430.93 Safari/537.36"
    )
    with app.test_request_context("/", headers={"User-Agent": agent}):
        user_agent = request.user_agent
        assert user_agent.string == agent
        assert str(user_agent) == agent
        assert user_agent.platform == "windows"
        assert user_agent.browser == "chrome"
        assert user_agent.version == "90.0.4430.93"


def test_basic_authorization(app):
    import base64

    credentials = base64.b64encode("ann:sécret".encode("utf-8")).decode("ascii")
    with app.test_request_context(
        "/", headers={"Authorization": "Basic " + credentials}
    ):
        auth = request.authorization
        assert auth.type == "basic"
        assert auth.username == "ann"
        assert auth.password == "sécret"
        assert auth["username"] == "ann"
