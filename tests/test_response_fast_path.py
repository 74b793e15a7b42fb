# -*- coding: utf-8 -*-
"""The direct start of simple responses gives exactly what Werkzeug's full
WSGI response processing gives, and every other response still goes
through Werkzeug."""
from __future__ import unicode_literals

import pytest
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Response as WerkzeugResponse

from flaskcompat import Response


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
    dict(response="not modified", status=304),
    dict(response=["a", "b"]),
    dict(response="teapot", status=418),
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
