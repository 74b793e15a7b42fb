# -*- coding: utf-8 -*-
"""Request contexts: building them, pushing and popping, teardown, and the
helpers that carry a request elsewhere (copy_current_request_context,
after_this_request, stream_with_context)."""
from __future__ import unicode_literals

import base64
import threading

import pytest

import flaskcompat
from flaskcompat import current_app
from flaskcompat import g
from flaskcompat import request
from flaskcompat import session

OUTSIDE = "Working outside of request context"


def flags():
    return (flaskcompat.has_request_context(), flaskcompat.has_app_context())


# -- building a request ------------------------------------------------------------


def test_test_request_context_fills_in_the_request(app):
    built = app.test_request_context(
        "/item/ß?tag=a&tag=b", method="PATCH", data={"note": "ĉiam"}
    )
    with built as rctx:
        assert rctx.request is request._get_current_object()
        assert (request.method, request.path) == ("PATCH", "/item/ß")
        assert request.args.getlist("tag") == ["a", "b"]
        assert request.form["note"] == "ĉiam"
        assert request.url == "http://localhost/item/ß?tag=a&tag=b"


def test_url_pieces_under_a_mounted_https_base(app):
    base = "https://shop.example:9443/mount/"
    with app.test_request_context("/cart/ü?name=%C3%BC&bare", base_url=base):
        observed = {
            "url": request.url,
            "base_url": request.base_url,
            "url_root": request.url_root,
            "host_url": request.host_url,
            "host": request.host,
            "script_root": request.script_root,
            "path": request.path,
            "full_path": request.full_path,
            "scheme": request.scheme,
            "is_secure": request.is_secure,
            "args": request.args.to_dict(),
        }
    assert observed == {
        "url": "https://shop.example:9443/mount/cart/ü?name=ü&bare",
        "base_url": "https://shop.example:9443/mount/cart/ü",
        "url_root": "https://shop.example:9443/mount/",
        "host_url": "https://shop.example:9443/",
        "host": "shop.example:9443",
        "script_root": "/mount",
        "path": "/cart/ü",
        "full_path": "/cart/ü?name=%C3%BC&bare",
        "scheme": "https",
        "is_secure": True,
        "args": {"name": "ü", "bare": ""},
    }


def test_json_keyword_sets_body_and_type(app):
    with app.test_request_context("/api", method="PUT", json={"k": ["ŝ", 2]}):
        assert (request.is_json, request.get_json()) == (True, {"k": ["ŝ", 2]})


def test_url_matching_happens_on_push(app):
    app.add_url_rule("/order/<int:number>", "order", lambda number: "")
    with app.test_request_context("/order/12"):
        matched = (request.endpoint, request.view_args, request.routing_exception)
    with app.test_request_context("/no/such/page"):
        unmatched = (request.endpoint, request.routing_exception.code)
    assert matched == ("order", {"number": 12}, None)
    assert unmatched == (None, 404)


def test_request_context_from_a_raw_environ(app):
    environ = {
        "REQUEST_METHOD": str("GET"),
        "PATH_INFO": str("/plain"),
        "QUERY_STRING": str("k=v"),
        "SERVER_NAME": str("host.example"),
        "SERVER_PORT": str("80"),
        "wsgi.url_scheme": str("http"),
    }
    with app.request_context(environ) as raw:
        assert raw.request is request._get_current_object()
        assert (request.url, request.args["k"]) == ("http://host.example/plain?k=v", "v")


def test_request_context_repr(app):
    with app.test_request_context("/thing?id=5", method="DELETE") as rctx:
        text = repr(rctx)
    assert text == "<RequestContext 'http://localhost/thing?id=5' [DELETE] of flask_test>"


# -- pushing and popping ---------------------------------------------------------------


def test_push_also_provides_an_app_context(app):
    rctx = app.test_request_context("/by-hand")
    before = flags()
    rctx.push()
    during = flags()
    seen = (current_app._get_current_object(), request.path)
    rctx.pop()
    assert (before, during, flags()) == ((False, False), (True, True), (False, False))
    assert seen == (app, "/by-hand")


@pytest.mark.parametrize(
    "touch",
    [lambda: request.path, lambda: session.get("x"), lambda: request.args],
    ids=["request", "session", "args"],
)
def test_request_globals_need_a_context(touch):
    with pytest.raises(RuntimeError) as caught:
        touch()
    assert OUTSIDE in str(caught.value)


def test_inner_request_context_hides_the_outer_one(app):
    paths = []
    with app.test_request_context("/a"):
        with app.test_request_context("/b"):
            paths.append(request.path)
        paths.append(request.path)
    assert paths == ["/b", "/a"]
    assert flags() == (False, False)


def test_same_app_context_is_shared_with_the_request(app):
    with app.app_context():
        g.marker = "kept"
        with app.test_request_context("/inner"):
            inside = g.get("marker")
        still_there = flaskcompat.has_app_context()
    assert (inside, still_there, flags()) == ("kept", True, (False, False))


def test_other_apps_request_gets_a_fresh_app_context(app):
    second = flaskcompat.Flask("second", root_path=app.root_path)
    with app.app_context():
        g.marker = "mine"
        with second.test_request_context("/"):
            assert current_app._get_current_object() is second
            assert "marker" not in g
        assert current_app._get_current_object() is app
        assert g.marker == "mine"


def test_copy_of_a_context_serves_the_same_request(app):
    with app.test_request_context("/copied?x=1") as original:
        twin = original.copy()
    with twin:
        assert (request.path, request.args["x"]) == ("/copied", "1")
        assert twin.request is original.request


# -- teardown -------------------------------------------------------------------------------


def test_teardown_request_runs_on_pop(app):
    seen = []
    app.teardown_request(seen.append)
    with app.test_request_context("/t"):
        during = list(seen)
    assert (during, seen) == ([], [None])


def test_teardown_request_gets_the_exception(app):
    seen = []
    app.teardown_request(seen.append)
    with pytest.raises(KeyError, match="absent"):
        with app.test_request_context("/k"):
            {}["absent"]
    assert [type(e) for e in seen] == [KeyError]


def test_teardown_waits_for_the_outermost_pop(app):
    seen = []
    app.teardown_request(seen.append)
    rctx = app.test_request_context("/twice")
    rctx.push()
    rctx.push()
    rctx.pop()
    after_inner = list(seen)
    rctx.pop()
    assert (after_inner, seen) == ([], [None])


def test_preserve_context_on_exception_keeps_the_failed_request(app, client):
    app.config["PRESERVE_CONTEXT_ON_EXCEPTION"] = True
    app.add_url_rule("/explode", "explode", lambda: int("x"))
    app.add_url_rule("/calm", "calm", lambda: "calm")

    with pytest.raises(ValueError, match="invalid literal"):
        client.get("/explode?why=test")
    # Inspectable until the next request replaces it.
    assert flaskcompat.has_request_context() is True
    assert (request.path, request.args["why"]) == ("/explode", "test")
    assert client.get("/calm").data == b"calm"
    assert flags() == (False, False)


def test_failed_request_context_is_popped_by_default(app, client):
    app.add_url_rule("/explode", "explode", lambda: int("x"))
    with pytest.raises(ValueError, match="invalid literal"):
        client.get("/explode")
    assert flags() == (False, False)


def test_nothing_stays_pushed_after_a_request(app, client):
    app.add_url_rule("/", "home", lambda: "home")
    client.get("/")
    assert flags() == (False, False)


def test_session_is_writable_in_a_test_request_context(app, req_ctx):
    session["who"] = "Ŝarlo"
    assert (session["who"], session.modified) == ("Ŝarlo", True)


# -- copy_current_request_context ---------------------------------------------------


def test_copied_function_runs_later_with_the_request(app, client):
    pending = []

    @app.route("/queue")
    def queue():
        session["owner"] = "eve"

        @flaskcompat.copy_current_request_context
        def job():
            return "|".join(
                [
                    "%s" % flaskcompat.has_request_context(),
                    request.path,
                    request.args["n"],
                    session["owner"],
                ]
            )

        pending.append(job)
        return "queued"

    assert client.get("/queue?n=3").data == b"queued"
    assert flags() == (False, False)
    (job,) = pending
    assert job() == "True|/queue|3|eve"
    assert flags() == (False, False)
    assert job.__name__ == "job"


def test_copied_function_runs_in_another_thread(app, client):
    results = []

    @app.route("/spawn")
    def spawn():
        @flaskcompat.copy_current_request_context
        def bound():
            results.append(("bound", request.args["v"], current_app.name))

        def unbound():
            results.append(("unbound", flaskcompat.has_request_context()))

        workers = [threading.Thread(target=bound), threading.Thread(target=unbound)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        return "spawned"

    assert client.get("/spawn?v=hi").data == b"spawned"
    assert sorted(results) == [("bound", "hi", "flask_test"), ("unbound", False)]


def test_each_thread_sees_its_own_request(app):
    found = {}
    pushed = [threading.Event(), threading.Event()]
    release = threading.Event()

    def visit(slot, name):
        with app.test_request_context("/" + name):
            g.who = name
            pushed[slot].set()
            release.wait(10)
            found[name] = (request.path, g.who)

    workers = [
        threading.Thread(target=visit, args=(0, "north")),
        threading.Thread(target=visit, args=(1, "south")),
    ]
    for w in workers:
        w.start()
    both_pushed = [event.wait(10) for event in pushed]
    main_thread_flags = flags()
    release.set()
    for w in workers:
        w.join(10)
    assert both_pushed == [True, True]
    assert main_thread_flags == (False, False)
    assert found == {"north": ("/north", "north"), "south": ("/south", "south")}


def test_copy_current_request_context_needs_a_request():
    def job():
        return None

    pytest.raises(RuntimeError, flaskcompat.copy_current_request_context, job)


# -- after_this_request ----------------------------------------------------------------


def test_after_this_request_callbacks_run_before_app_hooks(app, client):
    order = []

    @app.after_request
    def app_hook(response):
        order.append("app hook")
        return response

    @app.route("/once")
    def once():
        @flaskcompat.after_this_request
        def tag(response):
            order.append("tag")
            response.headers["X-Tagged"] = "yes"
            return response

        @flaskcompat.after_this_request
        def swap(response):
            order.append("swap")
            return flaskcompat.Response("swapped", headers=dict(response.headers))

        return "original"

    resp = client.get("/once")
    assert (resp.data, resp.headers["X-Tagged"]) == (b"swapped", "yes")
    assert order == ["tag", "swap", "app hook"]

    del order[:]
    client.get("/not-routed")
    assert order == ["app hook"]


def test_after_this_request_needs_a_request():
    def callback(response):
        return response

    with pytest.raises(RuntimeError) as caught:
        flaskcompat.after_this_request(callback)
    assert "request context" in str(caught.value)


# -- stream_with_context ------------------------------------------------------------------


def test_streamed_generator_can_read_the_request(app, client):
    @app.route("/hello")
    def hello():
        def chunks():
            yield "Hi "
            yield request.args["who"]
            yield "."

        return flaskcompat.Response(flaskcompat.stream_with_context(chunks()))

    assert client.get("/hello?who=Ĵoŝ").data == "Hi Ĵoŝ.".encode("utf-8")
    assert flags() == (False, False)


def test_stream_decorator_defers_teardown_until_close(app, client):
    torn = []
    app.teardown_request(lambda exc: torn.append("down"))

    @app.route("/deco")
    def deco():
        @flaskcompat.stream_with_context
        def chunks(tail):
            yield request.args["head"]
            yield tail

        return flaskcompat.Response(chunks("!"))

    resp = client.get("/deco?head=go", buffered=False)
    before_read = list(torn)
    data = resp.get_data()
    resp.close()
    assert (before_read, data, torn) == ([], b"go!", ["down"])
    assert flags() == (False, False)


def test_streamed_errors_reach_teardown(app, client):
    events = []
    app.teardown_request(
        lambda exc: events.append(("teardown", type(exc).__name__ if exc else None))
    )

    @app.route("/s")
    def streaming():
        def chunks():
            events.append("open")
            try:
                yield "x"
                if "break" in request.args:
                    raise OverflowError("mid-stream")
                yield "y"
            finally:
                events.append("closed")

        return flaskcompat.Response(flaskcompat.stream_with_context(chunks()))

    assert client.get("/s").data == b"xy"
    clean = list(events)
    del events[:]
    with pytest.raises(OverflowError):
        client.get("/s?break=1").get_data()
    assert clean == ["open", "closed", ("teardown", None)]
    assert events == ["open", "closed", ("teardown", "OverflowError")]
    assert flags() == (False, False)


def test_plain_generator_loses_the_request(app, client):
    @app.route("/lost")
    def lost():
        def chunks():
            yield "first"
            yield request.args["who"]

        return flaskcompat.Response(chunks())

    resp = client.get("/lost?who=x")
    with pytest.raises(RuntimeError) as caught:
        resp.get_data()
    assert OUTSIDE in str(caught.value)


def test_stream_with_context_needs_a_request():
    pytest.raises(RuntimeError, flaskcompat.stream_with_context, iter(["x"]))


# -- request attributes applications from Flask 1.1 rely on -----------------------------------------


def test_charset_attributes(app, req_ctx):
    observed = (
        request.charset,
        request.url_charset,
        request.encoding_errors,
        flaskcompat.make_response("x").charset,
    )
    assert observed == ("utf-8", "utf-8", "replace", "utf-8")


@pytest.mark.parametrize("method", ["GET", "POST", "DELETE", "PUT"])
def test_values_merge_query_and_form_for_every_method(app, client, method):
    app.add_url_rule(
        "/v", "v", lambda: request.values.to_dict(), methods=["GET", "POST", "DELETE", "PUT"]
    )
    answer = client.open("/v?from_query=1", method=method, data={"from_form": "2"})
    assert answer.get_json() == {"from_query": "1", "from_form": "2"}


def test_user_agent_fields(app):
    ua = (
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
        " (KHTML, like Gecko) Chrome/90.0.4430.93 Safari/537.36"
    )
    with app.test_request_context(headers={"User-Agent": ua}):
        agent = request.user_agent
        fields = (agent.string, str(agent), agent.platform, agent.browser, agent.version)
    assert fields == (ua, ua, "windows", "chrome", "90.0.4430.93")


def test_basic_authorization_with_non_ascii_password(app):
    token = base64.b64encode("zoe:pässwörd".encode("utf-8")).decode("ascii")
    with app.test_request_context(headers={"Authorization": "Basic " + token}):
        auth = request.authorization
        fields = (auth.type, auth.username, auth.password, auth["username"])
    assert fields == ("basic", "zoe", "pässwörd", "zoe")
