# -*- coding: utf-8 -*-
"""request.args reads a query string without percent-escapes by decoding it
once; what it holds is what the general decoder gives for the same bytes."""
import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from werkzeug.test import EnvironBuilder

import flaskcompat
from flaskcompat._compat import url_decode_pairs
from flaskcompat._compat import text_to_wsgi

LIMITED = settings(max_examples=120, deadline=None, derandomize=True, database=None)


def args_of(raw_query):
    """request.args of a request whose query string has the bytes
    ``raw_query``, as sorted (key, values) pairs."""
    builder = EnvironBuilder("/")
    try:
        environ = builder.get_environ()
    finally:
        builder.close()
    environ["QUERY_STRING"] = text_to_wsgi(raw_query)
    return sorted(flaskcompat.Request(environ).args.lists())


def decoded(raw_query):
    """The same, from the general decoder."""
    grouped = {}
    for key, value in url_decode_pairs(raw_query):
        grouped.setdefault(key, []).append(value)
    return sorted(grouped.items())


@pytest.mark.parametrize(
    "raw_query",
    [
        b"",
        b"page=3",
        b"a=1&&b=2&",
        b"=x&y=",
        b"flag",
        b"a=b=c",
        b"+a+=+b+",
        u"name=Zo\u00eb&city=Krak\u00f3w".encode("utf-8"),
        b"bad=\xff\xfe&cut=\xc3&ok=1",
        b"semi=1;2",
        b"a=%41",
    ],
)
def test_known_queries(raw_query):
    assert args_of(raw_query) == decoded(raw_query)


@LIMITED
@given(st.binary(max_size=40).map(lambda raw: raw.replace(b"%", b"&")))
def test_any_query_without_escapes(raw_query):
    assert args_of(raw_query) == decoded(raw_query)
