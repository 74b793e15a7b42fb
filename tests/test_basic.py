# -*- coding: utf-8 -*-
"""One request from start to end: what a view may return, the response at
the WSGI boundary, make_response / abort / redirect, the request hooks,
errors and their logging, the lazily opened session and body limits."""
from __future__ import unicode_literals

import logging

import pytest
import six
import werkzeug.wrappers
from werkzeug.datastructures import Headers
from werkzeug.exceptions import InternalServerError
from werkzeug.exceptions import NotFound
from werkzeug.test import EnvironBuilder

import flaskcompat
from flaskcompat import g
from flaskcompat import request
from flaskcompat import session
from flaskcompat._compat import StringIO


def call_wsgi(app, path="/"):
    """Call ``app`` as a server would: ``(status, header list, body)``."""
    made = EnvironBuilder(path=path)
    try:
        environ = made.get_environ()
    finally:
        made.close()
    started = []
    chunks = app(environ, lambda status, headers, exc_info=None: started.append((status, headers)))
    try:
        body = b"".join(chunks)
    finally:
        if hasattr(chunks, "close"):
            chunks.close()
    return started[0][0], started[0][1], body


def returning(app, value):
    """Route ``/`` to a view that returns ``value()``."""
    app.add_url_rule("/", "returner", lambda: value())


def quiet_errors():
    # keeps the tracebacks of expected 500s out of the test output
    return {"environ_overrides": {"wsgi.errors": StringIO()}}


# -- what a view may return -----------------------------------------------------


def wsgi_callable(environ, start_response):
    start_response(str("201 CREATED"), [(str("X-Wsgi"), str("yes"))])
    return [b"from ", environ["PATH_INFO"].encode("latin-1")]


VIEW_RESULTS = [
    # id, view result, status line, some headers, body
    ("text", lambda: "Hällo ☃", "200 OK",
     {"Content-Type": ["text/html; charset=utf-8"]}, "Hällo ☃".encode("utf-8")),
    ("bytes", lambda: b"\x00\xffraw", "200 OK", {}, b"\x00\xffraw"),
    ("bytearray", lambda: bytearray(b"abc"), "200 OK", {}, b"abc"),
    ("body-int-status", lambda: ("created", 201), "201 CREATED", {}, b"created"),
    ("body-text-status", lambda: ("gone", "410 GONE"), "410 GONE", {}, b"gone"),
    ("body-bytes-status", lambda: ("x", b"201 CREATED"), "201 CREATED", {}, b"x"),
    ("response-bytes-status", lambda: (flaskcompat.Response("y"), b"202 ACCEPTED"),
     "202 ACCEPTED", {}, b"y"),
    ("dict-headers", lambda: ("x", {"X-Foo": "bar", "Content-Type": "text/plain"}),
     "200 OK", {"X-Foo": ["bar"], "Content-Type": ["text/plain"]}, b"x"),
    ("list-headers", lambda: ("y", [("X-Foo", "one"), ("X-Foo", "two")]),
     "200 OK", {"X-Foo": ["one", "two"]}, b"y"),
    ("headers-object", lambda: ("z", Headers([("X-Foo", "object")])),
     "200 OK", {"X-Foo": ["object"]}, b"z"),
    ("body-status-headers", lambda: ("teapot", 418, {"X-Tea": "earl grey"}),
     "418 I'M A TEAPOT", {"X-Tea": ["earl grey"]}, b"teapot"),
    ("response-status-headers",
     lambda: (flaskcompat.Response("body", headers={"X-A": "1"}), 202, [("X-B", "2")]),
     "202 ACCEPTED", {"X-A": ["1"], "X-B": ["2"]}, b"body"),
    ("response", lambda: flaskcompat.Response("plain", status=201, mimetype="text/plain"),
     "201 CREATED", {"Content-Type": ["text/plain; charset=utf-8"]},
     b"plain"),
    ("iterator-status", lambda: (iter([b"x", b"y"]), 206), "206 PARTIAL CONTENT", {}, b"xy"),
    ("iterator-mixed", lambda: iter([bytearray(b"x"), b"y", "z"]), "200 OK", {}, b"xyz"),
    ("wsgi-app", lambda: wsgi_callable, "201 CREATED", {"X-Wsgi": ["yes"]}, b"from /"),
]


@pytest.mark.parametrize(
    ("result", "status", "headers", "body"),
    [row[1:] for row in VIEW_RESULTS],
    ids=[row[0] for row in VIEW_RESULTS],
)
def test_view_results_become_responses(app, client, result, status, headers, body):
    returning(app, result)
    reply = client.get("/")
    assert reply.status.upper() == status
    assert dict((name, reply.headers.getlist(name)) for name in headers) == headers
    assert reply.data == body


@pytest.mark.parametrize(
    ("extra", "status", "id_header"), [((), 200, None), ((201, {"X-Id": "7"}), 201, "7")]
)
def test_dict_result_is_json(app, client, extra, status, id_header):
    body = {"name": "ünï", "values": [1, 2]}
    returning(app, lambda: (body,) + extra if extra else body)
    reply = client.get("/")
    assert (reply.status_code, reply.mimetype, reply.headers.get("X-Id")) == (
        status, "application/json", id_header
    )
    assert reply.get_json() == reply.json == {"name": "ünï", "values": [1, 2]}


def test_generator_is_streamed_lazily(app, client):
    produced = []

    def generate():
        for part in ("a", "ß", b"c"):
            produced.append(part)
            yield part

    returning(app, generate)
    reply = client.get("/", buffered=False)
    assert (reply.status_code, reply.is_streamed) == (200, True)
    assert reply.get_data() == "aßc".encode("utf-8")
    assert produced == ["a", "ß", b"c"]


def test_response_of_another_class_is_converted(app):
    with app.test_request_context("/convert"):
        made = app.make_response(werkzeug.wrappers.Response(b"from werkzeug", status=202))
    assert isinstance(made, app.response_class)
    assert (made.status_code, made.get_data()) == (202, b"from werkzeug")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "returned None or ended without a return statement"),
        (("a", 200, {}, "extra"), "did not return a valid response tuple"),
        ((), "did not return a valid response tuple"),
        (42, "but it was a int"),
        (3.5, "but it was a float"),
        ([1, 2], "but it was a list"),
        (object(), "but it was a object"),
        (len, "builtin_function_or_method"),
    ],
)
def test_results_that_are_not_responses(app, client, value, message):
    returning(app, lambda: value)
    with pytest.raises(TypeError) as caught:
        client.get("/")
    assert "did not return a valid response" in str(caught.value)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("result", "message"),
    [
        (lambda: ("x", 200.0), "returned a status of type float"),
        (lambda: iter(["a", 1]), "sequence item 1"),
    ],
    ids=["float-status", "int-chunk"],
)
def test_wrong_types_inside_a_result(app, client, result, message):
    returning(app, result)
    with pytest.raises(TypeError, match=message):
        client.get("/").get_data()


def test_invalid_result_outside_testing_is_500(app, client):
    app.config.update(PROPAGATE_EXCEPTIONS=False)
    returning(app, lambda: None)
    assert client.get("/", **quiet_errors()).status_code == 500


@pytest.mark.parametrize(
    ("status", "line"),
    [
        ("404", "404 NOT FOUND"),
        ("201", "201 CREATED"),
        ("299", "299 UNKNOWN"),
        ("404 Custom Reason", "404 Custom Reason"),
        (404, "404 NOT FOUND"),
    ],
    ids=["text-404", "text-201", "text-299", "text-with-reason", "int-404"],
)
def test_status_line_always_has_a_reason(app, status, line):
    # PEP 3333 wants "code reason"; wsgiref refuses a bare "404"
    returning(app, lambda: ("x", status))
    assert call_wsgi(app)[0] == str(line)


def test_head_request_has_headers_but_no_body(app, client):
    returning(app, lambda: ("content", {"X-Kept": "yes"}))
    reply = client.head("/")
    assert (reply.data, reply.headers["X-Kept"], reply.content_length) == (b"", "yes", 7)


# -- headers and cookies at the WSGI boundary ---------------------------------------
# Python 2 code passes native strings (bytes); header bytes are wire bytes
# (latin-1 code points, PEP 3333) on every interpreter.


@pytest.mark.parametrize(
    ("value", "native"),
    [
        ("café", six.ensure_str("café", "latin-1")),
        (b"plain", str("plain")),
        ("café".encode("utf-8"), six.ensure_str(b"caf\xc3\xa9", "latin-1")),
    ],
    ids=["latin1-text", "ascii-bytes", "utf8-bytes"],
)
def test_header_values_reach_the_server_as_native_strings(app, value, native):
    returning(app, lambda: ("x", {"X-Name": value}))
    sent = dict(call_wsgi(app)[1])
    assert type(sent[str("X-Name")]) is str
    assert sent[str("X-Name")] == native


def test_header_outside_latin1_fails_inside_the_app(app):
    returning(app, lambda: ("x", {"X-Name": "snow ☃"}))
    with pytest.raises(UnicodeEncodeError):
        call_wsgi(app)


def test_newline_in_a_header_value_is_refused(app, client):
    returning(app, lambda: ("x", {"X-Injected": "a\r\nSet-Cookie: evil=1"}))
    with pytest.raises(ValueError, match="must not contain newlines"):
        client.get("/")


def test_bytes_header_name(app):
    def named_by_bytes():
        made = flaskcompat.make_response("x")
        made.headers[b"X-Name"] = "value"
        return made

    returning(app, named_by_bytes)
    assert dict(call_wsgi(app)[1])[str("X-Name")] == str("value")


def test_bytes_cookie_name_and_value(app, client):
    def with_cookie():
        made = flaskcompat.make_response("x")
        made.set_cookie(b"name", b"value")
        return made

    returning(app, with_cookie)
    assert client.get("/").headers["Set-Cookie"].startswith("name=value;")


# -- make_response, abort, redirect ----------------------------------------------------


@pytest.mark.parametrize(
    ("args", "status", "body", "header"),
    [
        ((), 200, b"", ("Content-Type", "text/html; charset=utf-8")),
        (("Awesome",), 200, b"Awesome", None),
        (("W00t", 404), 404, b"W00t", None),
        (("x", 201, {"X-Foo": "bar"}), 201, b"x", ("X-Foo", "bar")),
        ((("tuple", 202),), 202, b"tuple", None),
        (("list", [("X-L", "1")]), 200, b"list", ("X-L", "1")),
        (({"a": 1},), 200, b'{"a":1}', ("Content-Type", "application/json")),
    ],
)
def test_make_response_arguments(req_ctx, args, status, body, header):
    made = flaskcompat.make_response(*args)
    assert made.status_code == status
    assert made.get_data().replace(b" ", b"").replace(b"\n", b"") == body
    if header is not None:
        assert made.headers[header[0]] == header[1]


def test_make_response_returns_a_response_unchanged(req_ctx):
    given = flaskcompat.Response("x")
    assert flaskcompat.make_response(given) is given


def test_view_can_edit_its_response(app, client):
    def edited():
        made = flaskcompat.make_response("body")
        made.headers["X-Parachutes"] = "cool"
        return made

    returning(app, edited)
    reply = client.get("/")
    assert (reply.headers["X-Parachutes"], reply.data) == ("cool", b"body")


@pytest.mark.parametrize(
    ("args", "status", "snippet"),
    [
        ((404,), 404, b"Not Found"),
        ((418, "short and stout"), 418, b"short and stout"),
        ((400,), 400, b"Bad Request"),
    ],
)
def test_abort_codes(app, client, args, status, snippet):
    @app.route("/")
    def stop():
        flaskcompat.abort(*args)

    reply = client.get("/")
    assert reply.status_code == status
    assert snippet in reply.data


def test_abort_with_a_response(app, client):
    @app.route("/")
    def stop():
        flaskcompat.abort(flaskcompat.Response("custom", status=409))

    reply = client.get("/")
    assert (reply.status_code, reply.data) == (409, b"custom")


def test_abort_with_an_unknown_code(app, client):
    @app.route("/")
    def stop():
        flaskcompat.abort(299)

    with pytest.raises(LookupError, match="no exception for 299"):
        client.get("/")


def test_raised_not_found_is_a_404(app, client):
    @app.route("/")
    def stop():
        raise NotFound()

    reply = client.get("/")
    assert (reply.status_code, b"Not Found" in reply.data) == (404, True)


REDIRECTS = [
    # code, redirect() target from /a/b/c, Location sent
    (302, "/new", "http://localhost/new"),
    (302, b"/target", "http://localhost/target"),
    (302, "x", "http://localhost/a/b/x"),
    (303, "../x", "http://localhost/a/x"),
    (302, "/x?y=1#f", "http://localhost/x?y=1#f"),
    (302, "?q=1", "http://localhost/a/b/c?q=1"),
    (302, "café x", "http://localhost/a/b/caf%C3%A9%20x"),
    (301, "https://e.example/ü", "https://e.example/%C3%BC"),
    (302, "//other.example/p", "http://other.example/p"),
    (307, "https://example.org/path?q=1", "https://example.org/path?q=1"),
]


@pytest.mark.parametrize(("code", "target", "location"), REDIRECTS)
def test_redirect_location_is_absolute_and_quoted(app, client, code, target, location):
    @app.route("/a/b/c")
    def go():
        return flaskcompat.redirect(target, code=code)

    reply = client.get("/a/b/c")
    assert (reply.status_code, reply.headers["Location"]) == (code, location)


def test_redirect_to_url_for_with_body(app, client):
    @app.route("/old")
    def old():
        return flaskcompat.redirect("/new")

    @app.route("/moved")
    def moved():
        return flaskcompat.redirect(flaskcompat.url_for("old"), code=301)

    assert b"/new" in client.get("/old").data
    reply = client.get("/moved")
    assert (reply.status_code, reply.headers["Location"]) == (301, "http://localhost/old")


def test_newline_in_redirect_target_is_quoted(app, client):
    # a ?next= value with a newline: quoted, as in Flask 1.1; neither a
    # header injection nor a 500
    @app.route("/")
    def go():
        return flaskcompat.redirect(request.args["next"])

    reply = client.get("/", query_string={"next": "/x\r\nSet-Cookie: evil=1"})
    assert (reply.status_code, reply.headers["Location"]) == (
        302, "http://localhost/x%0D%0ASet-Cookie:%20evil=1"
    )
    assert "Set-Cookie" not in reply.headers


# -- request hooks ------------------------------------------------------------------------


@pytest.fixture
def journal():
    return []


def test_hooks_run_in_order(app, client, journal):
    def note(name, passthrough=False):
        def hook(arg=None):
            journal.append(name)
            return arg if passthrough else None
        return hook

    app.before_request(note("before1"))
    app.before_request(note("before2"))
    app.after_request(note("after1", passthrough=True))
    app.after_request(note("after2", passthrough=True))
    app.teardown_request(note("teardown1"))
    app.teardown_request(note("teardown2"))
    app.teardown_appcontext(note("teardown_app"))

    @app.route("/")
    def view():
        journal.append("view")
        return "ok"

    assert client.get("/").data == b"ok"
    assert journal == [
        "before1", "before2", "view", "after2", "after1",
        "teardown2", "teardown1", "teardown_app",
    ]


def test_before_request_result_skips_the_rest(app, client, journal):
    @app.before_request
    def gate():
        journal.append("gate")
        if request.args.get("deny"):
            return "denied", 403

    @app.before_request
    def second():
        journal.append("second")

    @app.after_request
    def stamp(response):
        journal.append("after")
        response.headers["X-After"] = "1"
        return response

    @app.route("/")
    def view():
        journal.append("view")
        return "view"

    denied = client.get("/?deny=1")
    assert (denied.status_code, denied.data, denied.headers["X-After"]) == (403, b"denied", "1")
    assert journal == ["gate", "after"]
    del journal[:]
    assert client.get("/").data == b"view"
    assert journal == ["gate", "second", "view", "after"]


def test_after_request_may_swap_the_response(app, client):
    app.after_request(lambda response: flaskcompat.Response("replaced", status=299))
    returning(app, lambda: "original")
    reply = client.get("/")
    assert (reply.status_code, reply.data) == (299, b"replaced")


def test_after_request_sees_error_responses(app, client):
    @app.after_request
    def tag(response):
        response.headers["X-Tag"] = str(response.status_code)
        return response

    assert client.get("/nowhere").headers["X-Tag"] == "404"


def test_after_this_request_runs_for_one_request(app, client):
    @app.route("/")
    def view():
        if request.args.get("tag"):
            @flaskcompat.after_this_request
            def tag(response):
                response.headers["X-Once"] = "yes"
                return response
        return "v"

    assert client.get("/?tag=1").headers.get("X-Once") == "yes"
    assert client.get("/").headers.get("X-Once") is None


@pytest.mark.parametrize(
    ("failure", "propagate", "seen_type", "status"),
    [
        (None, None, type(None), 200),
        ("abort", None, type(None), 404),
        ("raise", False, ZeroDivisionError, 500),
        ("raise", None, ZeroDivisionError, None),
    ],
)
def test_teardown_gets_the_unhandled_exception(
    app, client, journal, failure, propagate, seen_type, status
):
    app.config["PROPAGATE_EXCEPTIONS"] = propagate
    app.teardown_request(journal.append)
    app.teardown_appcontext(journal.append)

    @app.route("/")
    def view():
        if failure == "abort":
            flaskcompat.abort(404)
        if failure == "raise":
            return 1 // 0
        return "fine"

    if failure == "raise" and propagate is None:
        # testing mode lets the error reach the test
        with pytest.raises(ZeroDivisionError, match="by zero"):
            client.get("/")
    else:
        assert client.get("/", **quiet_errors()).status_code == status
    assert [type(e) for e in journal] == [seen_type, seen_type]
    assert journal[0] is journal[1]


def test_before_first_request_runs_once(app, client, journal):
    app.before_first_request(lambda: journal.append("first"))
    returning(app, lambda: "x")
    assert app.got_first_request is False
    for path in ("/", "/", "/missing"):
        client.get(path)
    assert (journal, app.got_first_request) == (["first"], True)


def test_late_setup_in_debug_mode_is_refused(app, client):
    app.debug = True
    returning(app, lambda: "x")
    client.get("/")
    with pytest.raises(AssertionError, match="after the first request was handled"):
        app.add_url_rule("/late", "late", lambda: "late")


def test_g_lives_for_one_request(app, client):
    @app.before_request
    def remember_user():
        g.user = request.args.get("user", "anon")

    @app.route("/")
    def view():
        assert "user" in g
        return "%s|%s" % (g.user, g.get("missing", "default"))

    assert [client.get(p).data for p in ("/?user=ann", "/")] == [b"ann|default", b"anon|default"]


def test_g_behaves_like_a_small_mapping(app_ctx):
    assert (g.get("x"), g.setdefault("x", 1), g.setdefault("x", 2)) == (None, 1, 1)
    assert ("x" in g, list(g)) == (True, ["x"])
    assert (g.pop("x"), g.pop("x", "gone")) == (1, "gone")
    with pytest.raises(KeyError, match="x"):
        g.pop("x")
    assert "flask_test" in repr(g)


# -- errors in views: propagation, logging, 500 -------------------------------------------


@pytest.fixture
def error_log(app):
    """The application log written during the test."""
    written = StringIO()
    handler = logging.StreamHandler(written)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    app.logger.addHandler(handler)
    yield written
    app.logger.removeHandler(handler)


def failing(app, error):
    def view():
        raise error

    app.add_url_rule("/error", "error", view)


@pytest.mark.parametrize(
    ("testing", "propagate"), [(True, None), (False, True), (True, True)]
)
def test_errors_reach_the_test_when_propagating(app, client, testing, propagate):
    app.testing = testing
    app.config["PROPAGATE_EXCEPTIONS"] = propagate
    failing(app, ValueError("propagated"))
    with pytest.raises(ValueError, match="propagated"):
        client.get("/error")


def test_unhandled_error_is_logged_once(app, client, error_log):
    app.testing = False
    failing(app, ZeroDivisionError("deliberate failure"))
    reply = client.get("/error")
    assert reply.status_code == 500
    assert b"Internal Server Error" in reply.data
    assert b"deliberate failure" not in reply.data
    logged = error_log.getvalue()
    assert logged.startswith("ERROR Exception on /error [GET]")
    assert logged.count("Exception on /error [GET]") == 1
    assert logged.count("Traceback (most recent call last)") == 1
    assert "ZeroDivisionError: deliberate failure" in logged


@pytest.mark.parametrize("key", [500, InternalServerError])
def test_500_handler_sees_the_original_error(app, client, key):
    app.testing = False
    received = []

    @app.errorhandler(key)
    def internal(e):
        received.append(e)
        return "handled: %s" % type(e.original_exception).__name__, 500

    failing(app, KeyError("x"))
    reply = client.get("/error", **quiet_errors())
    assert (reply.status_code, reply.data) == (500, b"handled: KeyError")
    assert type(received[0]) is InternalServerError
    assert isinstance(received[0].original_exception, KeyError)


def test_failing_error_handler_gives_a_logged_500(app, client, error_log):
    app.testing = False

    @app.errorhandler(404)
    def broken(e):
        raise RuntimeError("handler failed")

    assert client.get("/missing").status_code == 500
    assert "RuntimeError: handler failed" in error_log.getvalue()


def test_got_request_exception_is_sent(app, client):
    app.testing = False
    heard = []

    def listener(sender, exception):
        heard.append((sender, type(exception), str(exception)))

    failing(app, ValueError("signalled"))
    with flaskcompat.got_request_exception.connected_to(listener, app):
        client.get("/error", **quiet_errors())
    assert heard == [(app, ValueError, "signalled")]


# -- the session is opened only when used ---------------------------------------------


@pytest.mark.parametrize(
    "result",
    [lambda: "no session here", lambda: flaskcompat.render_template_string("{{ request.path }}")],
    ids=["plain", "template"],
)
def test_untouched_session_adds_no_cookie_or_vary(app, client, result):
    returning(app, result)
    reply = client.get("/")
    assert reply.status_code == 200
    assert "Set-Cookie" not in reply.headers
    assert "Cookie" not in reply.headers.get("Vary", "")


def test_session_round_trip(app, client):
    @app.route("/set")
    def store():
        session["value"] = request.args["v"]
        return "set"

    @app.route("/get")
    def load():
        return session.get("value", "missing")

    stored = client.get("/set?v=ß42")
    assert "session=" in stored.headers["Set-Cookie"]
    assert "Cookie" in stored.headers["Vary"]
    loaded = client.get("/get")
    assert loaded.get_data(as_text=True) == "ß42"
    assert "Cookie" in loaded.headers["Vary"]


def test_no_secret_key_reads_empty_and_refuses_writes(app, client):
    app.secret_key = None

    @app.route("/read")
    def read():
        return repr(session.get("x"))

    @app.route("/write")
    def write():
        session["x"] = 1
        return "never"

    assert client.get("/read").data == b"None"
    with pytest.raises(RuntimeError, match="secret key"):
        client.get("/write")


# -- request bodies ----------------------------------------------------------------------------


BODY_READERS = {
    "data": lambda: request.get_data(),
    "form": lambda: request.form.get("k"),
    "json": lambda: request.get_json(),
}


@pytest.mark.parametrize(
    ("reader", "small", "big"),
    [
        ("data", {"data": b"0123456789"}, {"data": b"x" * 100}),
        ("form", {"data": {"k": "v"}}, {"data": {"k": "v" * 100}}),
        ("json", {"json": [1]}, {"json": ["v" * 100]}),
    ],
)
def test_max_content_length_for_every_reader(app, client, reader, small, big):
    app.config["MAX_CONTENT_LENGTH"] = 16

    @app.route("/", methods=["POST"])
    def read():
        return "read" if BODY_READERS[reader]() is not None else "nothing"

    assert client.post("/", **small).data == b"read"
    assert client.post("/", **big).status_code == 413


@pytest.mark.parametrize(
    ("sent", "is_json", "parsed"),
    [
        ({"json": {"a": ["b"]}}, True, {"a": ["b"]}),
        ({"data": "{}", "content_type": "text/plain"}, False, None),
        ({"data": "[1]", "content_type": "application/vnd.api+json"}, True, [1]),
    ],
)
def test_is_json_and_json(app, client, sent, is_json, parsed):
    @app.route("/", methods=["POST"])
    def inspect():
        return {"is_json": request.is_json, "json": request.json}

    assert client.post("/", **sent).get_json() == {"is_json": is_json, "json": parsed}


def test_get_json_force_silent_and_cache(app, client):
    @app.route("/", methods=["POST"])
    def loose():
        plain = request.get_json(silent=True)
        return {"forced": request.get_json(force=True, silent=True), "silent": plain}

    @app.route("/cached", methods=["POST"])
    def cached():
        first = request.get_json(force=True)
        return {"first": first, "again": request.get_json()}

    def post(path, data, mimetype):
        return client.post(path, data=data, content_type=mimetype).get_json()

    assert post("/", "[1, 2]", "text/plain") == {"forced": [1, 2], "silent": None}
    assert post("/cached", "[3]", "text/plain") == {"first": [3], "again": [3]}
    assert post("/", "{not json", "application/json") == {"forced": None, "silent": None}


@pytest.fixture
def upload_view(app):
    @app.route("/upload", methods=["POST"])
    def upload():
        return request.files["f"].filename

    return app


def test_file_sent_as_form_field_in_debug_explains_enctype(upload_view, client):
    upload_view.debug = True
    upload_view.config["PRESERVE_CONTEXT_ON_EXCEPTION"] = False
    with pytest.raises(KeyError) as caught:
        client.post("/upload", data={"f": "name.txt"})
    assert isinstance(caught.value, AssertionError)
    assert 'enctype="multipart/form-data"' in str(caught.value)
    assert '"name.txt"' in str(caught.value)


def test_file_sent_as_form_field_is_400(upload_view, client):
    assert client.post("/upload", data={"f": "name.txt"}).status_code == 400
