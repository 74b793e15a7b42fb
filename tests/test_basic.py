# -*- coding: utf-8 -*-
"""The request cycle: view return values, make_response, abort, redirect,
request hooks, exception handling and logging, lazy sessions."""
from __future__ import unicode_literals

import logging

import pytest
import werkzeug.wrappers
from werkzeug.datastructures import Headers
from werkzeug.exceptions import InternalServerError
from werkzeug.exceptions import NotFound

from werkzeug.test import EnvironBuilder

import flaskcompat
from flaskcompat._compat import StringIO
from flaskcompat._compat import text_to_wsgi


# ---------------------------------------------------------------------------
# View return values
# ---------------------------------------------------------------------------


def test_text_return_is_utf8_html(app, client):
    @app.route("/")
    def index():
        return "Hällo ☃"

    rv = client.get("/")
    assert rv.status_code == 200
    assert rv.headers["Content-Type"] == "text/html; charset=utf-8"
    assert rv.data == "Hällo ☃".encode("utf-8")


def test_bytes_and_bytearray_returns(app, client):
    @app.route("/bytes")
    def as_bytes():
        return b"\x00\xffraw"

    @app.route("/bytearray")
    def as_bytearray():
        return bytearray(b"abc")

    assert client.get("/bytes").data == b"\x00\xffraw"
    assert client.get("/bytearray").data == b"abc"


def test_tuple_body_status(app, client):
    @app.route("/int")
    def int_status():
        return "created", 201

    @app.route("/text")
    def text_status():
        return "gone", "410 GONE"

    rv = client.get("/int")
    assert rv.status_code == 201
    assert rv.data == b"created"
    rv = client.get("/text")
    assert rv.status == "410 GONE"
    assert rv.status_code == 410


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("404", "404 NOT FOUND"),
        ("201", "201 CREATED"),
        ("299", "299 UNKNOWN"),
        ("404 Custom Reason", "404 Custom Reason"),
        (404, "404 NOT FOUND"),
    ],
    ids=["text-404", "text-201", "text-299", "text-with-reason", "int-404"],
)
def test_status_line_always_has_a_reason(app, status, expected):
    # PEP 3333: the status is a code, a space and a reason phrase; servers
    # such as wsgiref refuse a bare "404".
    @app.route("/")
    def index():
        return "x", status

    started = []
    builder = EnvironBuilder(path="/")
    try:
        environ = builder.get_environ()
    finally:
        builder.close()

    def start_response(status, headers, exc_info=None):
        started.append(status)

    b"".join(app(environ, start_response))
    assert started == [str(expected)]


def test_bytes_status(app, client):
    @app.route("/")
    def index():
        return "x", b"201 CREATED"

    @app.route("/response")
    def response():
        return flaskcompat.Response("y"), b"202 ACCEPTED"

    assert client.get("/").status == "201 CREATED"
    assert client.get("/response").status == "202 ACCEPTED"


def test_status_of_another_type_is_type_error(app, client):
    @app.route("/")
    def index():
        return "x", 200.0

    with pytest.raises(TypeError):
        client.get("/")


def test_tuple_body_headers(app, client):
    @app.route("/dict")
    def dict_headers():
        return "x", {"X-Foo": "bar", "Content-Type": "text/plain"}

    @app.route("/list")
    def list_headers():
        return "y", [("X-Foo", "one"), ("X-Foo", "two")]

    rv = client.get("/dict")
    assert rv.status_code == 200
    assert rv.headers["X-Foo"] == "bar"
    assert rv.mimetype == "text/plain"
    rv = client.get("/list")
    assert rv.headers.getlist("X-Foo") == ["one", "two"]

    @app.route("/headers")
    def headers_object():
        return "z", Headers([("X-Foo", "object")])

    assert client.get("/headers").headers["X-Foo"] == "object"


def test_tuple_body_status_headers(app, client):
    @app.route("/")
    def index():
        return "teapot", 418, {"X-Tea": "earl grey"}

    rv = client.get("/")
    assert rv.status_code == 418
    assert rv.headers["X-Tea"] == "earl grey"
    assert rv.data == b"teapot"


def test_response_in_tuple_gets_status_and_extra_headers(app, client):
    @app.route("/")
    def index():
        response = flaskcompat.Response("body", headers={"X-A": "1"})
        return response, 202, [("X-B", "2")]

    rv = client.get("/")
    assert rv.status_code == 202
    assert rv.headers["X-A"] == "1"
    assert rv.headers["X-B"] == "2"


def test_response_object_is_returned_unchanged(app, client):
    @app.route("/")
    def index():
        return flaskcompat.Response("plain", status=203, mimetype="text/plain")

    rv = client.get("/")
    assert rv.status_code == 203
    assert rv.mimetype == "text/plain"
    assert rv.data == b"plain"


def test_other_response_class_is_coerced(app):
    @app.route("/")
    def index():
        return werkzeug.wrappers.Response(b"from werkzeug", status=202)

    with app.test_request_context("/"):
        rv = app.make_response(index())
    assert isinstance(rv, app.response_class)
    assert rv.status_code == 202
    assert rv.get_data() == b"from werkzeug"


def test_dict_return_is_json(app, client):
    @app.route("/")
    def index():
        return {"name": "ünï", "values": [1, 2]}

    @app.route("/created")
    def created():
        return {"ok": True}, 201, {"X-Id": "7"}

    rv = client.get("/")
    assert rv.status_code == 200
    assert rv.mimetype == "application/json"
    assert rv.get_json() == {"name": "ünï", "values": [1, 2]}
    assert rv.json == {"name": "ünï", "values": [1, 2]}
    rv = client.get("/created")
    assert rv.status_code == 201
    assert rv.headers["X-Id"] == "7"
    assert rv.get_json() == {"ok": True}


def test_generator_return_is_streamed(app, client):
    produced = []

    @app.route("/")
    def index():
        def generate():
            for part in ("a", "ß", b"c"):
                produced.append(part)
                yield part

        return generate()

    @app.route("/iter")
    def iterator():
        return iter([b"x", b"y"]), 206

    rv = client.get("/", buffered=False)
    assert rv.status_code == 200
    assert rv.is_streamed
    assert rv.get_data() == "aßc".encode("utf-8")
    assert produced == ["a", "ß", b"c"]
    rv = client.get("/iter")
    assert rv.status_code == 206
    assert rv.data == b"xy"


def test_streamed_items_may_be_bytearrays(app, client):
    # A bytearray is a valid body; it is a valid streamed item too.
    @app.route("/")
    def index():
        return iter([bytearray(b"x"), b"y", "z"])

    assert client.get("/").data == b"xyz"


def test_streamed_items_of_other_types_are_type_errors(app, client):
    @app.route("/")
    def index():
        return iter(["a", 1])

    with pytest.raises(TypeError):
        client.get("/").get_data()


def test_wsgi_callable_return(app, client):
    def wsgi_app(environ, start_response):
        start_response(str("201 CREATED"), [(str("X-Wsgi"), str("yes"))])
        return [b"from ", environ["PATH_INFO"].encode("latin-1")]

    @app.route("/wsgi")
    def index():
        return wsgi_app

    rv = client.get("/wsgi")
    assert rv.status_code == 201
    assert rv.headers["X-Wsgi"] == "yes"
    assert rv.data == b"from /wsgi"


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
    ],
)
def test_invalid_return_is_type_error(app, client, value, message):
    @app.route("/")
    def index():
        return value

    with pytest.raises(TypeError) as excinfo:
        client.get("/")
    assert message in str(excinfo.value)


def test_callable_that_is_not_wsgi_is_type_error(app, client):
    @app.route("/")
    def index():
        return len

    with pytest.raises(TypeError) as excinfo:
        client.get("/")
    text = str(excinfo.value)
    assert "The view function did not return a valid response" in text
    assert "builtin_function_or_method" in text


def test_view_returning_none_after_error_handler_gives_500(app, client):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.route("/")
    def index():
        return None

    rv = client.get("/", environ_overrides={"wsgi.errors": StringIO()})
    assert rv.status_code == 500


# ---------------------------------------------------------------------------
# Response headers at the WSGI boundary (PEP 3333)
# ---------------------------------------------------------------------------


def start_response_headers(app, path):
    """The header list the application passes to ``start_response``."""
    started = []
    builder = EnvironBuilder(path=path)
    try:
        environ = builder.get_environ()
    finally:
        builder.close()
    def start_response(status, headers, exc_info=None):
        started.append(headers)

    app_iter = app(environ, start_response)
    try:
        b"".join(app_iter)
    finally:
        getattr(app_iter, "close", lambda: None)()
    return started[0]


def test_latin1_header_is_a_native_latin1_string(app):
    @app.route("/")
    def index():
        return "x", {"X-Name": "café"}

    headers = dict(start_response_headers(app, "/"))
    value = headers[str("X-Name")]
    assert isinstance(value, str)
    assert value == text_to_wsgi("café".encode("latin-1"))


def test_header_outside_latin1_never_reaches_the_server(app):
    # PEP 3333: header values are native strings of latin-1 code points.
    # A value that cannot be encoded so must fail inside the application,
    # not later in the server.
    @app.route("/")
    def index():
        return "x", {"X-Name": "snow ☃"}

    try:
        headers = start_response_headers(app, "/")
    except (UnicodeError, ValueError, TypeError):
        return
    for name, value in headers:
        assert isinstance(value, str)
        value.encode("latin-1")


# Python 2 code hands the framework native strings, which are bytes; after
# the move to Python 3 the same values often still arrive as bytes. Header
# bytes are the bytes sent on the wire (latin-1 code points, PEP 3333), on
# every interpreter.


def test_bytes_header_value(app):
    @app.route("/")
    def index():
        return "x", {"X-Bytes": b"plain", "X-Utf8": "café".encode("utf-8")}

    headers = dict(start_response_headers(app, "/"))
    assert headers[str("X-Bytes")] == str("plain")
    assert headers[str("X-Utf8")] == text_to_wsgi(b"caf\xc3\xa9")


def test_bytes_header_name(app):
    @app.route("/")
    def index():
        response = flaskcompat.make_response("x")
        response.headers[b"X-Name"] = "value"
        return response

    headers = dict(start_response_headers(app, "/"))
    assert headers[str("X-Name")] == str("value")


def test_redirect_to_bytes_location(app, client):
    @app.route("/")
    def index():
        return flaskcompat.redirect(b"/target")

    assert client.get("/").headers["Location"] == "http://localhost/target"


def test_bytes_cookie(app, client):
    @app.route("/")
    def index():
        response = flaskcompat.make_response("x")
        response.set_cookie(b"name", b"value")
        return response

    assert client.get("/").headers["Set-Cookie"].startswith("name=value;")


# ---------------------------------------------------------------------------
# make_response, abort, redirect
# ---------------------------------------------------------------------------


def test_make_response_without_arguments(req_ctx):
    rv = flaskcompat.make_response()
    assert rv.status_code == 200
    assert rv.data == b""
    assert rv.mimetype == "text/html"


def test_make_response_with_one_and_several_arguments(req_ctx):
    rv = flaskcompat.make_response("Awesome")
    assert rv.status_code == 200
    assert rv.data == b"Awesome"

    rv = flaskcompat.make_response("W00t", 404)
    assert rv.status_code == 404
    assert rv.data == b"W00t"

    rv = flaskcompat.make_response("x", 201, {"X-Foo": "bar"})
    assert rv.status_code == 201
    assert rv.headers["X-Foo"] == "bar"

    rv = flaskcompat.make_response(("tuple", 202))
    assert rv.status_code == 202
    assert rv.data == b"tuple"


def test_make_response_json(req_ctx):
    rv = flaskcompat.make_response({"a": 1})
    assert rv.mimetype == "application/json"
    assert rv.get_json() == {"a": 1}


def test_make_response_keeps_response_object(req_ctx):
    original = flaskcompat.Response("x")
    assert flaskcompat.make_response(original) is original


def test_make_response_headers_in_view(app, client):
    @app.route("/")
    def index():
        response = flaskcompat.make_response("body")
        response.headers["X-Parachutes"] = "cool"
        return response

    rv = client.get("/")
    assert rv.headers["X-Parachutes"] == "cool"
    assert rv.data == b"body"


def test_abort_with_code(app, client):
    @app.route("/missing")
    def missing():
        flaskcompat.abort(404)

    @app.route("/teapot")
    def teapot():
        flaskcompat.abort(418, "short and stout")

    rv = client.get("/missing")
    assert rv.status_code == 404
    assert b"Not Found" in rv.data
    rv = client.get("/teapot")
    assert rv.status_code == 418
    assert b"short and stout" in rv.data


def test_abort_with_response(app, client):
    @app.route("/")
    def index():
        flaskcompat.abort(flaskcompat.Response("custom", status=409))

    rv = client.get("/")
    assert rv.status_code == 409
    assert rv.data == b"custom"


def test_abort_with_unknown_code_is_lookup_error(app, client):
    @app.route("/")
    def index():
        flaskcompat.abort(299)

    with pytest.raises(LookupError):
        client.get("/")


def test_redirect_location_is_absolute(app, client):
    @app.route("/old")
    def old():
        return flaskcompat.redirect("/new")

    @app.route("/moved")
    def moved():
        return flaskcompat.redirect(flaskcompat.url_for("old"), code=301)

    rv = client.get("/old")
    assert rv.status_code == 302
    assert rv.headers["Location"] == "http://localhost/new"
    assert b"/new" in rv.data
    rv = client.get("/moved")
    assert rv.status_code == 301
    assert rv.headers["Location"] == "http://localhost/old"


@pytest.mark.parametrize(
    ("target", "location"),
    [
        ("x", "http://localhost/a/b/x"),
        ("../x", "http://localhost/a/x"),
        ("/x?y=1#f", "http://localhost/x?y=1#f"),
        ("?q=1", "http://localhost/a/b/c?q=1"),
        ("café x", "http://localhost/a/b/caf%C3%A9%20x"),
        ("https://e.example/ü", "https://e.example/%C3%BC"),
        ("//other.example/p", "http://other.example/p"),
    ],
)
def test_redirect_locations_are_joined_and_quoted(app, client, target, location):
    @app.route("/a/b/c")
    def index():
        return flaskcompat.redirect(target)

    assert client.get("/a/b/c").headers["Location"] == location


def test_redirect_target_with_newlines_is_quoted(app, client):
    # Redirect targets often come from the query string (?next=...): a
    # newline in one is percent-quoted, as in Flask 1.1, neither a header
    # injection nor a 500.
    @app.route("/")
    def index():
        return flaskcompat.redirect(flaskcompat.request.args["next"])

    rv = client.get("/", query_string={"next": "/x\r\nSet-Cookie: evil=1"})
    assert rv.status_code == 302
    assert rv.headers["Location"] == "http://localhost/x%0D%0ASet-Cookie:%20evil=1"
    assert "Set-Cookie" not in rv.headers


def test_newline_in_header_value_is_refused(app, client):
    @app.route("/")
    def index():
        return "x", {"X-Injected": "a\r\nSet-Cookie: evil=1"}

    with pytest.raises(ValueError):
        client.get("/")


def test_redirect_to_external_url_is_kept(app, client):
    @app.route("/")
    def index():
        return flaskcompat.redirect("https://example.org/path?q=1")

    rv = client.get("/")
    assert rv.headers["Location"] == "https://example.org/path?q=1"


# ---------------------------------------------------------------------------
# Request hooks
# ---------------------------------------------------------------------------


def test_hook_order(app, client):
    calls = []

    @app.before_request
    def before1():
        calls.append("before1")

    @app.before_request
    def before2():
        calls.append("before2")

    @app.after_request
    def after1(response):
        calls.append("after1")
        return response

    @app.after_request
    def after2(response):
        calls.append("after2")
        return response

    @app.teardown_request
    def teardown1(exc):
        calls.append("teardown1")

    @app.teardown_request
    def teardown2(exc):
        calls.append("teardown2")

    @app.teardown_appcontext
    def teardown_app(exc):
        calls.append("teardown_app")

    @app.route("/")
    def index():
        calls.append("view")
        return "ok"

    assert client.get("/").data == b"ok"
    assert calls == [
        "before1",
        "before2",
        "view",
        "after2",
        "after1",
        "teardown2",
        "teardown1",
        "teardown_app",
    ]


def test_before_request_short_circuits(app, client):
    calls = []

    @app.before_request
    def deny():
        calls.append("deny")
        if flaskcompat.request.args.get("deny"):
            return "denied", 403

    @app.before_request
    def never_reached_when_denied():
        calls.append("second")

    @app.after_request
    def after(response):
        calls.append("after")
        response.headers["X-After"] = "1"
        return response

    @app.route("/")
    def index():
        calls.append("view")
        return "view"

    rv = client.get("/?deny=1")
    assert rv.status_code == 403
    assert rv.data == b"denied"
    assert rv.headers["X-After"] == "1"
    assert calls == ["deny", "after"]

    del calls[:]
    rv = client.get("/")
    assert rv.data == b"view"
    assert calls == ["deny", "second", "view", "after"]


def test_after_request_can_replace_response(app, client):
    @app.after_request
    def replace(response):
        return flaskcompat.Response("replaced", status=299)

    @app.route("/")
    def index():
        return "original"

    rv = client.get("/")
    assert rv.status_code == 299
    assert rv.data == b"replaced"


def test_after_request_runs_for_error_responses(app, client):
    @app.after_request
    def tag(response):
        response.headers["X-Tag"] = str(response.status_code)
        return response

    rv = client.get("/nowhere")
    assert rv.status_code == 404
    assert rv.headers["X-Tag"] == "404"


def test_teardown_request_gets_none_without_error(app, client):
    seen = []

    @app.teardown_request
    def teardown(exc):
        seen.append(exc)

    @app.route("/")
    def index():
        return "ok"

    client.get("/")
    assert seen == [None]


def test_teardown_request_gets_the_exception(app, client):
    app.config["PROPAGATE_EXCEPTIONS"] = False
    seen = []

    @app.teardown_request
    def teardown(exc):
        seen.append(exc)

    @app.teardown_appcontext
    def teardown_app(exc):
        seen.append(exc)

    @app.route("/")
    def index():
        1 // 0

    rv = client.get("/", environ_overrides={"wsgi.errors": StringIO()})
    assert rv.status_code == 500
    assert len(seen) == 2
    assert isinstance(seen[0], ZeroDivisionError)
    assert seen[1] is seen[0]


def test_teardown_request_gets_exception_when_propagating(app, client):
    seen = []

    @app.teardown_request
    def teardown(exc):
        seen.append(exc)

    @app.route("/")
    def index():
        raise KeyError("boom")

    with pytest.raises(KeyError):
        client.get("/")
    assert len(seen) == 1
    assert isinstance(seen[0], KeyError)


def test_teardown_request_not_given_handled_http_error(app, client):
    seen = []

    @app.teardown_request
    def teardown(exc):
        seen.append(exc)

    @app.route("/")
    def index():
        flaskcompat.abort(404)

    assert client.get("/").status_code == 404
    assert seen == [None]


def test_before_first_request_runs_once(app, client):
    calls = []

    @app.before_first_request
    def first():
        calls.append(1)

    @app.route("/")
    def index():
        return "x"

    assert not app.got_first_request
    client.get("/")
    client.get("/")
    client.get("/missing")
    assert calls == [1]
    assert app.got_first_request


def test_setup_method_after_first_request_in_debug_is_an_error(app, client):
    app.debug = True

    @app.route("/")
    def index():
        return "x"

    client.get("/")
    with pytest.raises(AssertionError) as excinfo:

        @app.route("/late")
        def late():
            return "late"

    assert "after the first request was handled" in str(excinfo.value)


def test_g_is_per_request(app, client):
    @app.before_request
    def set_user():
        flaskcompat.g.user = flaskcompat.request.args.get("user", "anon")

    @app.route("/")
    def index():
        assert "user" in flaskcompat.g
        return flaskcompat.g.user + "|" + flaskcompat.g.get("missing", "default")

    assert client.get("/?user=ann").data == b"ann|default"
    assert client.get("/").data == b"anon|default"


def test_g_mapping_helpers(app_ctx):
    g = flaskcompat.g
    assert g.get("x") is None
    assert g.setdefault("x", 1) == 1
    assert g.setdefault("x", 2) == 1
    assert "x" in g
    assert list(g) == ["x"]
    assert g.pop("x") == 1
    assert g.pop("x", "gone") == "gone"
    with pytest.raises(KeyError):
        g.pop("x")
    assert "flask_test" in repr(g)


# ---------------------------------------------------------------------------
# Exceptions in views: PROPAGATE_EXCEPTIONS, logging, 500
# ---------------------------------------------------------------------------


@pytest.fixture
def error_log(app):
    """What the application logger writes while the test runs."""
    stream = StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    app.logger.addHandler(handler)
    try:
        yield stream
    finally:
        app.logger.removeHandler(handler)


def test_testing_propagates_exceptions(app, client):
    @app.route("/")
    def index():
        raise ValueError("propagated")

    with pytest.raises(ValueError) as excinfo:
        client.get("/")
    assert "propagated" in str(excinfo.value)


def test_propagate_exceptions_without_testing(app, client):
    app.testing = False
    app.config["PROPAGATE_EXCEPTIONS"] = True

    @app.route("/")
    def index():
        raise ValueError("propagated")

    with pytest.raises(ValueError):
        client.get("/")


def test_unhandled_exception_is_logged_once_with_traceback(app, client, error_log):
    app.testing = False

    @app.route("/error")
    def error():
        raise ZeroDivisionError("deliberate failure")

    rv = client.get("/error")
    assert rv.status_code == 500
    assert b"Internal Server Error" in rv.data
    assert b"deliberate failure" not in rv.data
    output = error_log.getvalue()
    assert output.startswith("ERROR Exception on /error [GET]")
    assert output.count("Exception on /error [GET]") == 1
    assert output.count("Traceback (most recent call last)") == 1
    assert "ZeroDivisionError: deliberate failure" in output


def test_500_handler_gets_original_exception(app, client):
    app.testing = False
    seen = []

    @app.errorhandler(500)
    def internal_error(e):
        seen.append(e)
        return "handled: %s" % type(e.original_exception).__name__, 500

    @app.route("/")
    def index():
        raise KeyError("x")

    rv = client.get("/", environ_overrides={"wsgi.errors": StringIO()})
    assert rv.status_code == 500
    assert rv.data == b"handled: KeyError"
    assert isinstance(seen[0], InternalServerError)
    assert isinstance(seen[0].original_exception, KeyError)


def test_500_handler_registered_by_class(app, client):
    app.testing = False

    @app.errorhandler(InternalServerError)
    def internal_error(e):
        return "by class: %s" % type(e.original_exception).__name__, 500

    @app.route("/")
    def index():
        raise RuntimeError("x")

    rv = client.get("/", environ_overrides={"wsgi.errors": StringIO()})
    assert rv.data == b"by class: RuntimeError"


def test_exception_in_error_handler_becomes_500(app, client, error_log):
    app.testing = False

    @app.errorhandler(404)
    def broken_handler(e):
        raise RuntimeError("handler failed")

    rv = client.get("/missing")
    assert rv.status_code == 500
    assert "RuntimeError: handler failed" in error_log.getvalue()


def test_got_request_exception_signal(app, client):
    app.testing = False
    recorded = []

    def record(sender, exception):
        recorded.append((sender, exception))

    @app.route("/")
    def index():
        raise ValueError("signalled")

    flaskcompat.got_request_exception.connect(record, app)
    try:
        client.get("/", environ_overrides={"wsgi.errors": StringIO()})
    finally:
        flaskcompat.got_request_exception.disconnect(record, app)
    assert len(recorded) == 1
    assert recorded[0][0] is app
    assert isinstance(recorded[0][1], ValueError)


# ---------------------------------------------------------------------------
# Sessions are opened lazily
# ---------------------------------------------------------------------------


def test_untouched_session_sets_no_cookie_and_no_vary(app, client):
    @app.route("/")
    def index():
        return "no session here"

    rv = client.get("/")
    assert "Set-Cookie" not in rv.headers
    assert "Cookie" not in rv.headers.get("Vary", "")


def test_template_rendering_does_not_touch_the_session(app, client):
    @app.route("/")
    def index():
        return flaskcompat.render_template_string("{{ request.path }}")

    rv = client.get("/")
    assert rv.data == b"/"
    assert "Set-Cookie" not in rv.headers
    assert "Cookie" not in rv.headers.get("Vary", "")


def test_session_roundtrip_through_client(app, client):
    @app.route("/set")
    def set_value():
        flaskcompat.session["value"] = flaskcompat.request.args["v"]
        return "set"

    @app.route("/get")
    def get_value():
        return flaskcompat.session.get("value", "missing")

    rv = client.get("/set?v=ß42")
    assert "session=" in rv.headers["Set-Cookie"]
    assert "Cookie" in rv.headers["Vary"]
    rv = client.get("/get")
    assert rv.data == "ß42".encode("utf-8")
    assert "Cookie" in rv.headers["Vary"]


def test_session_without_secret_key_is_null_session(app, client):
    app.secret_key = None

    @app.route("/read")
    def read():
        return repr(flaskcompat.session.get("x"))

    @app.route("/write")
    def write():
        flaskcompat.session["x"] = 1
        return "never"

    assert client.get("/read").data == b"None"
    with pytest.raises(RuntimeError) as excinfo:
        client.get("/write")
    assert "secret key" in str(excinfo.value)


# ---------------------------------------------------------------------------
# Request data limits
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("reader", ["data", "form", "json"])
def test_max_content_length(app, client, reader):
    app.config["MAX_CONTENT_LENGTH"] = 16

    @app.route("/", methods=["POST"])
    def index():
        if reader == "data":
            value = flaskcompat.request.get_data()
        elif reader == "form":
            value = flaskcompat.request.form.get("k")
        else:
            value = flaskcompat.request.get_json()
        return repr(value is not None)

    small = {
        "data": {"data": b"0123456789"},
        "form": {"data": {"k": "v"}},
        "json": {"json": [1]},
    }[reader]
    assert client.post("/", **small).status_code == 200
    big = {
        "data": {"data": b"x" * 100},
        "form": {"data": {"k": "v" * 100}},
        "json": {"json": ["v" * 100]},
    }[reader]
    rv = client.post("/", **big)
    assert rv.status_code == 413


def test_request_is_json_and_json_property(app, client):
    @app.route("/", methods=["POST"])
    def index():
        request = flaskcompat.request
        return {"is_json": request.is_json, "json": request.json}

    rv = client.post("/", json={"a": ["b"]})
    assert rv.get_json() == {"is_json": True, "json": {"a": ["b"]}}
    rv = client.post("/", data="{}", content_type="text/plain")
    assert rv.get_json() == {"is_json": False, "json": None}
    rv = client.post("/", data="[1]", content_type="application/vnd.api+json")
    assert rv.get_json() == {"is_json": True, "json": [1]}


def test_get_json_force_and_silent(app, client):
    @app.route("/", methods=["POST"])
    def index():
        request = flaskcompat.request
        silent = request.get_json(silent=True)
        return {"forced": request.get_json(force=True, silent=True), "silent": silent}

    rv = client.post("/", data="[1, 2]", content_type="text/plain")
    assert rv.get_json() == {"forced": [1, 2], "silent": None}

    @app.route("/cached", methods=["POST"])
    def cached():
        request = flaskcompat.request
        first = request.get_json(force=True)
        return {"first": first, "again": request.get_json()}

    rv = client.post("/cached", data="[3]", content_type="text/plain")
    assert rv.get_json() == {"first": [3], "again": [3]}
    rv = client.post("/", data="{not json", content_type="application/json")
    assert rv.get_json() == {"forced": None, "silent": None}


def test_not_found_error_object(app, client):
    @app.route("/")
    def index():
        raise NotFound()

    assert client.get("/").status_code == 404


def test_missing_file_in_debug_explains_enctype(app, client):
    app.debug = True
    app.config["PRESERVE_CONTEXT_ON_EXCEPTION"] = False

    @app.route("/upload", methods=["POST"])
    def upload():
        return flaskcompat.request.files["f"].filename

    with pytest.raises(KeyError) as excinfo:
        client.post("/upload", data={"f": "name.txt"})
    assert isinstance(excinfo.value, AssertionError)
    message = str(excinfo.value)
    assert 'enctype="multipart/form-data"' in message
    assert '"name.txt"' in message


def test_missing_file_without_debug_is_400(app, client):
    @app.route("/upload", methods=["POST"])
    def upload():
        return flaskcompat.request.files["f"].filename

    assert client.post("/upload", data={"f": "name.txt"}).status_code == 400
