# -*- coding: utf-8 -*-
"""The request's URL adapter is bound with exactly the values Werkzeug's
``bind_to_environ`` computes, whichever way it is built."""
import pytest
from werkzeug.test import EnvironBuilder

from flaskcompat._compat import text_to_wsgi
from flaskcompat._compat import to_native

ATTRIBUTES = (
    "server_name",
    "script_name",
    "subdomain",
    "url_scheme",
    "path_info",
    "default_method",
    "query_args",
)


def environ(path="/", **overrides):
    builder = EnvironBuilder(path)
    try:
        env = builder.get_environ()
    finally:
        builder.close()
    env.update(overrides)
    return env


CASES = [
    dict(),
    dict(HTTP_HOST="Example.COM"),
    dict(HTTP_HOST="example.com:80"),
    dict(HTTP_HOST="example.com:8080"),
    dict(HTTP_HOST="example.com:443", **{"wsgi.url_scheme": "https"}),
    dict(HTTP_HOST="example.com:80", **{"wsgi.url_scheme": "https"}),
    dict(HTTP_HOST="[::1]:5000"),
    dict(SCRIPT_NAME="/app", REQUEST_METHOD="POST"),
    dict(PATH_INFO=text_to_wsgi(u"/caf\u00e9"), QUERY_STRING="a=1&b=%FF"),
    dict(PATH_INFO=to_native(b"/\xff", "latin-1")),
]


@pytest.mark.parametrize("overrides", CASES)
def test_adapter_matches_bind_to_environ(app, overrides):
    env = environ(**overrides)
    with app.request_context(env) as ctx:
        expected = app.url_map.bind_to_environ(
            env, server_name=None, subdomain=app.url_map.default_subdomain or None
        )
        for name in ATTRIBUTES:
            assert getattr(ctx.url_adapter, name) == getattr(expected, name), name


def test_server_name_config_still_goes_through_werkzeug(app):
    app.config["SERVER_NAME"] = "example.com"

    @app.route("/")
    def index():
        return "ok"

    assert app.test_client().get("/", base_url="http://example.com").data == b"ok"
