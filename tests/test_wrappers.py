# -*- coding: utf-8 -*-
"""Request and response attributes that Werkzeug changed after 1.0 and
flaskcompat keeps as Flask 1.1 had them."""
from __future__ import unicode_literals

import datetime
import io

from werkzeug.test import EnvironBuilder

import flaskcompat
from flaskcompat import request
from flaskcompat._compat import to_native

WHEN = datetime.datetime(1999, 1, 1, 12, 30)
WHEN_HEADER = "Fri, 01 Jan 1999 12:30:00 GMT"


def test_response_dates_are_naive_utc(app, client):
    @app.route("/")
    def index():
        rv = flaskcompat.send_file(
            io.BytesIO(b"x"), mimetype="text/plain", last_modified=WHEN
        )
        rv.expires = WHEN
        return rv

    rv = client.get("/")
    assert rv.headers["Last-Modified"] == WHEN_HEADER
    assert rv.last_modified == WHEN
    assert rv.expires == WHEN
    assert rv.last_modified.tzinfo is None
    rv.close()


def test_response_date_can_be_set_and_removed():
    rv = flaskcompat.Response("x")
    rv.last_modified = WHEN
    assert rv.last_modified == WHEN
    del rv.last_modified
    assert rv.last_modified is None
    assert "Last-Modified" not in rv.headers


def test_request_dates_are_naive_utc(app):
    headers = {
        "If-Modified-Since": WHEN_HEADER,
        "If-Unmodified-Since": WHEN_HEADER,
        "Date": WHEN_HEADER,
    }
    with app.test_request_context(headers=headers):
        assert request.if_modified_since == WHEN
        assert request.if_unmodified_since == WHEN
        assert request.date == WHEN
    with app.test_request_context():
        assert request.if_modified_since is None


def test_url_charset_decodes_the_query_string(app):
    class KoreanRequest(flaskcompat.Request):
        url_charset = "euc-kr"

    builder = EnvironBuilder("/")
    try:
        environ = builder.get_environ()
    finally:
        builder.close()
    # The WSGI query string carries the raw bytes (latin-1 code points).
    raw = "q=정상처리".encode("euc-kr")
    environ["QUERY_STRING"] = to_native(raw, "latin-1")
    assert KoreanRequest(environ).args["q"] == "정상처리"
    # The default stays UTF-8, with U+FFFD for what is not.
    assert flaskcompat.Request(environ).args["q"] == raw[2:].decode("utf-8", "replace")
