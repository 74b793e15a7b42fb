# -*- coding: utf-8 -*-
"""The request's environ fields (method, scheme, server, paths, query string,
headers, remote address) read as Werkzeug's own request reads them, whenever
they are first read, and a request that never needs them never computes
them."""
from __future__ import unicode_literals

from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from werkzeug.wrappers import Request as WerkzeugRequest

from flaskcompat import Flask
from flaskcompat import Request

FIELDS = ("method", "scheme", "server", "root_path", "path", "query_string", "remote_addr")


# The smallest environ Werkzeug's request reads without a KeyError, plus a
# path, a host and a client address.
MINIMAL = (
    ("REQUEST_METHOD", "GET"),
    ("wsgi.url_scheme", "http"),
    ("SERVER_NAME", "localhost"),
    ("SERVER_PORT", "80"),
    ("PATH_INFO", "/"),
    ("HTTP_HOST", "localhost"),
    ("REMOTE_ADDR", "127.0.0.1"),
)


def base_environ(**extra):
    environ = dict(MINIMAL)
    environ.update(extra)
    return environ


def outcome(read):
    try:
        return read()
    except Exception as error:  # the same failure counts as the same answer
        return type(error)


# The fields this Werkzeug's request has (1.0 lacks server and root_path).
PRESENT = [
    name for name in FIELDS
    if hasattr(WerkzeugRequest, name) or name in vars(WerkzeugRequest(base_environ()))
]


def fields(request):
    values = dict((name, getattr(request, name)) for name in PRESENT)
    values["headers"] = sorted(request.headers.items())
    values["url"] = outcome(lambda: request.url)
    values["host"] = outcome(lambda: request.host)
    return values


# What a WSGI server may put in the environ: latin-1 text (native strings on
# Python 2 hold the same bytes).
latin1 = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=12)


def native(text):
    return text if str is type("") else text.encode("latin-1")


@settings(max_examples=150, deadline=None)
@given(
    method=st.sampled_from(["GET", "post", "Options", "PATCH", "x-custom"]),
    script=latin1,
    path=latin1,
    query=latin1,
    host=st.sampled_from([None, "example.com", "example.com:8080", "[::1]:5000", ""]),
    scheme=st.sampled_from(["http", "https"]),
    remote=st.sampled_from([None, "10.0.0.1", "::1"]),
    header=latin1,
)
def test_fields_are_what_werkzeug_reads(method, script, path, query, host, scheme, remote, header):
    environ = base_environ(
        REQUEST_METHOD=native(method),
        SCRIPT_NAME=native(script),
        PATH_INFO=native(path),
        QUERY_STRING=native(query),
        HTTP_X_THING=native(header),
    )
    environ["wsgi.url_scheme"] = scheme
    if host is None:
        del environ["HTTP_HOST"]
    else:
        environ["HTTP_HOST"] = host
    if remote is None:
        del environ["REMOTE_ADDR"]
    else:
        environ["REMOTE_ADDR"] = remote
    ours = Request(dict(environ))
    theirs = WerkzeugRequest(dict(environ))
    assert fields(ours) == fields(theirs)


def test_a_field_set_before_it_was_read_keeps_its_value():
    made = Request(base_environ(PATH_INFO="/from-environ", QUERY_STRING="a=1"))
    made.path = "/assigned"
    assert made.query_string == b"a=1"  # reads the other fields
    assert made.path == "/assigned"
    assert made.headers["Host"] == "localhost"


def test_a_field_a_subclass_set_before_the_constructor_is_as_werkzeug_leaves_it():
    # Werkzeug 2.0+ replaces it; 1.0, which reads the path lazily, keeps it.
    class Early(Request):
        def __init__(self, environ):
            self.path = "/set-too-early"
            Request.__init__(self, environ)

    class EarlyWerkzeug(WerkzeugRequest):
        def __init__(self, environ):
            self.path = "/set-too-early"
            WerkzeugRequest.__init__(self, environ)

    environ = base_environ(PATH_INFO="/from-environ")
    assert Early(dict(environ)).path == EarlyWerkzeug(dict(environ)).path


def test_a_subclass_that_defines_a_field_gets_werkzeug_behaviour():
    class Fixed(Request):
        remote_addr = "192.0.2.1"

    class FixedWerkzeug(WerkzeugRequest):
        remote_addr = "192.0.2.1"

    environ = base_environ(REMOTE_ADDR="10.1.2.3")
    assert Fixed(dict(environ)).remote_addr == FixedWerkzeug(dict(environ)).remote_addr
    assert fields(Fixed(dict(environ))) == fields(FixedWerkzeug(dict(environ)))


def test_the_request_registers_itself_in_the_environ_unless_shallow():
    environ = base_environ()
    made = Request(environ)
    assert environ["werkzeug.request"] is made
    other = base_environ()
    shallow = Request(other, shallow=True)
    assert "werkzeug.request" not in other
    assert shallow.shallow is True and shallow.path == "/"
    unpopulated = base_environ()
    Request(unpopulated, populate_request=False)
    assert "werkzeug.request" not in unpopulated


def test_a_static_route_answers_without_reading_the_path():
    app = Flask(__name__)
    seen = []

    @app.route("/hello")
    def hello():
        from flaskcompat import request

        seen.append(sorted(name for name in FIELDS if name in vars(request)))
        return "hi"

    @app.route("/path")
    def path():
        from flaskcompat import request

        return request.path

    browser = app.test_client()
    assert browser.get("/hello").data == b"hi"
    # Only the method, which every dispatch reads; Werkzeug 1.0 reads it
    # from the environ each time, 2.0+ keeps it in the instance.
    eager = "method" in vars(WerkzeugRequest(base_environ()))
    assert seen[0] == (["method"] if eager else [])
    assert browser.get("/path").data == b"/path"


def test_a_subclass_that_skips_the_constructor_has_no_fields():
    class Skipping(Request):
        def __init__(self, environ):
            pass

    class SkippingWerkzeug(WerkzeugRequest):
        def __init__(self, environ):
            pass

    for cls in (Skipping, SkippingWerkzeug):
        made = cls(base_environ())
        assert getattr(made, "path", "missing") == "missing"
        assert getattr(made, "headers", "missing") == "missing"
