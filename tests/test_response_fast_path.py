# -*- coding: utf-8 -*-
"""The direct start of simple responses gives exactly what Werkzeug's full
WSGI response processing gives, and every other response still goes
through Werkzeug."""
from __future__ import unicode_literals

import pytest
from werkzeug.datastructures import Headers
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Response as WerkzeugResponse

from flaskcompat import Response
from flaskcompat.wrappers import make_body_response


def environ(method="GET"):
    builder = EnvironBuilder("/p", method=method)
    try:
        return builder.get_environ()
    finally:
        builder.close()


def wsgi(call, env):
    started = []
    body_iter = call(env, lambda status, headers, exc_info=None: started.append((status, headers)))
    try:
        body = b"".join(body_iter)
    finally:
        if hasattr(body_iter, "close"):
            body_iter.close()
    return started[0][0], sorted(started[0][1]), body


CASES = [
    dict(response="Hello \u00e9"),
    dict(response=b"\x00\xff"),
    dict(response="x", status=201, headers={"X-Thing": "1"}),
    dict(response="gone", status=204),
    dict(response="moved", status=302, headers={"Location": "/target"}),
    dict(response="here", headers={"Content-Location": "/caf\u00e9"}),
    # names in any case; a location Werkzeug must quote before it is latin-1
    dict(response="moved", status=302, headers={"location": "/lower"}),
    dict(response="here", headers={"CONTENT-LOCATION": "/caf\u00e9", "X-Before": "1"}),
    dict(response="moved", status=301, headers=[("X-Before", "1"), ("Location", "/\u2603")]),
    dict(response="sized", headers={"content-length": "5"}),
    dict(response="not modified", status=304),
    dict(response=["a", "b"]),
    dict(response="teapot", status=418),
    dict(response="missing", status=404),
    dict(response="broken", status=500, headers={"Retry-After": "5"}),
    dict(response="found, nowhere", status=302),
    dict(response="continue", status=100),
]


@pytest.mark.parametrize("method", ["GET", "HEAD", "POST"])
@pytest.mark.parametrize("kwargs", CASES, ids=lambda kw: "%s-%s" % (kw.get("status", 200), type(kw["response"]).__name__))
def test_same_output_as_werkzeug(kwargs, method):
    ours = Response(**kwargs)
    reference = Response(**kwargs)
    env = environ(method)
    expected = wsgi(lambda e, s: WerkzeugResponse.__call__(reference, e, s), env)
    assert wsgi(ours, environ(method)) == expected


def test_simple_response_is_started_directly():
    response = Response("Hello")
    started = []
    rv = response(environ(), lambda status, headers, exc_info=None: started.append(status))
    assert rv == [b"Hello"] and started == ["200 OK"]


def test_call_on_close_callbacks_still_run():
    closed = []
    response = Response("Hello")
    response.call_on_close(lambda: closed.append(True))
    status, headers, body = wsgi(response, environ())
    assert body == b"Hello" and closed == [True]


def test_header_changes_after_creation_are_sent():
    response = Response("Hello")
    response.headers["X-Late"] = "yes"
    response.set_cookie("k", "v")
    status, headers, body = wsgi(response, environ())
    assert ("X-Late", "yes") in headers
    assert any(name == "Set-Cookie" and value.startswith("k=v") for name, value in headers)


def test_error_response_is_started_directly():
    response = Response("missing", status=404)
    started = []
    rv = response(environ(), lambda status, headers, exc_info=None: started.append(status))
    assert rv == [b"missing"] and started == ["404 NOT FOUND"]


def test_a_header_value_that_is_not_latin1_fails_as_on_the_long_path():
    def failure(call):
        response = Response("Hello")
        response.headers["X-Name"] = "\u2603"
        with pytest.raises(Exception) as raised:
            wsgi(call(response), environ())
        return type(raised.value)

    def long_path(response):
        def call(env, start_response):
            body, status, header_list = response.get_wsgi_response(env)
            start_response(status, header_list)
            return body

        return call

    direct = failure(lambda response: response)
    assert direct is failure(long_path) is UnicodeEncodeError


def test_the_started_header_list_is_a_copy():
    response = Response("Hello")
    started = []
    response(environ(), lambda status, headers, exc_info=None: started.append(headers))
    started[0].append(("X-Added", "by the server"))
    assert "X-Added" not in response.headers


def test_a_headers_class_of_its_own_is_iterated_as_it_says():
    class Renaming(Headers):
        def __iter__(self):
            for name, value in Headers.__iter__(self):
                yield ("X-Renamed-" + name if name == "X-Thing" else name), value

    response = Response("Hello", headers=Renaming([("X-Thing", "1")]))
    status, headers, body = wsgi(response, environ())
    assert ("X-Renamed-X-Thing", "1") in headers


class Plain(Response):
    default_mimetype = "text/plain"


class OwnInit(Response):
    def __init__(self, *args, **kwargs):
        Response.__init__(self, *args, **kwargs)
        self.headers["X-Own"] = "yes"


BODIES = [
    ("Hello \u00e9", None, "text/html"),
    (b"\x00\xff", 404, "text/html"),
    ("{}\n", None, "application/json"),
    ("", 500, "text/plain"),
]


@pytest.mark.parametrize("cls", [Response, Plain, OwnInit])
@pytest.mark.parametrize("body,status,mimetype", BODIES)
def test_body_response_same_as_constructor(cls, body, status, mimetype):
    for _ in range(2):  # the first call builds what the second copies
        made = make_body_response(cls, body, status, mimetype)
        expected = cls(body, status, mimetype=mimetype)
        assert type(made) is cls
        assert sorted(vars(made)) == sorted(vars(expected))
        assert list(made.headers) == list(expected.headers)
        assert (made.status, made.get_data()) == (expected.status, expected.get_data())
        assert wsgi(made, environ()) == wsgi(expected, environ())


def test_body_responses_share_nothing_mutable():
    first = make_body_response(Response, "one", None, "text/html")
    first.headers["X-First"] = "1"
    closed = []
    first.call_on_close(lambda: closed.append("first"))
    first.set_data(b"changed")
    second = make_body_response(Response, "two", None, "text/html")
    assert "X-First" not in second.headers
    assert second.get_data() == b"two"
    assert second.headers["Content-Length"] == "3"
    second.close()
    assert closed == []


class CountingHeaders(Headers):
    """A header class of the application's own: its add must be called."""

    added = 0

    def add(self, *args, **kwargs):
        CountingHeaders.added += 1
        return Headers.add(self, *args, **kwargs)


@pytest.mark.parametrize(
    "name, value",
    [
        ("Set-Cookie", "session=abc.def; HttpOnly; Path=/"),
        ("Vary", "Cookie"),
        (b"Vary", b"Cookie"),
        ("Vary", b"Cookie"),
    ],
)
def test_a_plain_header_is_added_as_add_would_add_it(name, value):
    from flaskcompat.wrappers import ResponseHeaders
    from flaskcompat.wrappers import add_plain_header

    for kind in (Headers, ResponseHeaders, CountingHeaders):
        ours = kind([("Content-Type", "text/plain")])
        theirs = kind([("Content-Type", "text/plain")])
        before = CountingHeaders.added
        add_plain_header(ours, name, value)
        if kind is CountingHeaders:
            assert CountingHeaders.added == before + 1
        theirs.add(name, value)
        assert list(ours) == list(theirs)
