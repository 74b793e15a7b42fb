# -*- coding: utf-8 -*-
"""URL building: url_for in and outside requests, its underscore options,
build error handlers, url_defaults and url_value_preprocessor."""
from __future__ import unicode_literals

import pytest
from six.moves.urllib.parse import parse_qsl
from six.moves.urllib.parse import urlsplit
from werkzeug.routing import BuildError

import flaskcompat
from flaskcompat import url_for


@pytest.fixture
def routes(app):
    @app.route("/")
    def index():
        return "index"

    @app.route("/user/<name>")
    def user(name):
        return name

    @app.route("/item", methods=["GET"])
    @app.route("/item/new", methods=["POST"])
    def item():
        return flaskcompat.request.method

    return app


def test_relative_url_in_request(routes):
    with routes.test_request_context():
        assert url_for("index") == "/"
        assert url_for("user", name="ann") == "/user/ann"


def test_external_url_uses_request_host(routes):
    with routes.test_request_context("/", base_url="http://example.org:8080/"):
        assert url_for("user", name="bob", _external=True) == (
            "http://example.org:8080/user/bob"
        )


def test_script_name_is_prefixed(routes):
    with routes.test_request_context("/", base_url="http://localhost/mount/"):
        assert url_for("index") == "/mount/"
        assert url_for("user", name="x", _external=True) == (
            "http://localhost/mount/user/x"
        )


def test_values_are_quoted(routes):
    with routes.test_request_context():
        assert url_for("user", name="a b/ü") == "/user/a%20b/%C3%BC"


def test_unknown_values_become_query_string(routes):
    with routes.test_request_context():
        assert url_for("index", q="ü x") == "/?q=%C3%BC+x"
        assert url_for("index", q=None) == "/"
        url = url_for("user", name="n", page=2, tags=["a", "b"])
    parts = urlsplit(url)
    assert parts.path == "/user/n"
    assert sorted(parse_qsl(parts.query)) == [
        ("page", "2"),
        ("tags", "a"),
        ("tags", "b"),
    ]


def test_anchor(routes):
    with routes.test_request_context():
        assert url_for("index", _anchor="top") == "/#top"
        assert url_for("index", _anchor="a b/c:ü") == "/#a%20b/c:%C3%BC"
        assert url_for("user", name="x", _external=True, _anchor="s") == (
            "http://localhost/user/x#s"
        )


def test_method_selects_rule(routes):
    with routes.test_request_context():
        assert url_for("item") == "/item"
        assert url_for("item", _method="GET") == "/item"
        assert url_for("item", _method="POST") == "/item/new"


def test_scheme_requires_external(routes):
    with routes.test_request_context():
        assert url_for("index", _external=True, _scheme="https") == (
            "https://localhost/"
        )
        # The scheme is restored for the next call.
        assert url_for("index", _external=True) == "http://localhost/"
        with pytest.raises(ValueError) as excinfo:
            url_for("index", _scheme="https")
    assert "_external must be True" in str(excinfo.value)


def test_static_url(app):
    with app.test_request_context():
        assert url_for("static", filename="style.css") == "/static/style.css"
        assert url_for("static", filename="sub dir/a.js") == "/static/sub%20dir/a.js"


def test_static_url_path_option(tmpdir):
    app = flaskcompat.Flask(
        "flask_test", root_path=str(tmpdir), static_url_path="/assets"
    )
    with app.test_request_context():
        assert url_for("static", filename="x.png") == "/assets/x.png"


def test_relative_endpoint_without_blueprint(routes):
    with routes.test_request_context():
        assert url_for(".index") == "/"


def test_outside_request_needs_server_name(routes):
    with routes.app_context():
        with pytest.raises(RuntimeError) as excinfo:
            url_for("index")
    assert "SERVER_NAME" in str(excinfo.value)


def test_outside_app_context_is_an_error(routes):
    with pytest.raises(RuntimeError) as excinfo:
        url_for("index")
    assert "application context" in str(excinfo.value)


def test_outside_request_with_server_name(routes):
    routes.config.update(SERVER_NAME="example.com")
    with routes.app_context():
        assert url_for("user", name="x") == "http://example.com/user/x"
        assert url_for("user", name="x", _external=False) == "/user/x"


def test_outside_request_uses_root_and_scheme(routes):
    routes.config.update(
        SERVER_NAME="example.com:8443",
        APPLICATION_ROOT="/app",
        PREFERRED_URL_SCHEME="https",
    )
    with routes.app_context():
        assert url_for("index") == "https://example.com:8443/app/"
        assert url_for("index", _scheme="http") == "http://example.com:8443/app/"


def test_test_request_context_uses_server_name(routes):
    routes.config.update(SERVER_NAME="example.com", PREFERRED_URL_SCHEME="https")
    with routes.test_request_context("/user/x"):
        assert flaskcompat.request.url == "https://example.com/user/x"
        assert url_for("index", _external=True) == "https://example.com/"


def test_build_error_without_handler(routes):
    with routes.test_request_context():
        with pytest.raises(BuildError):
            url_for("missing")
        with pytest.raises(BuildError):
            url_for("user")


def test_build_error_handler(routes):
    calls = []

    def first(error, endpoint, values):
        calls.append(("first", endpoint))
        raise error

    def declines(error, endpoint, values):
        calls.append(("declines", endpoint))
        return None

    def handler(error, endpoint, values):
        calls.append(("handler", endpoint, values["_external"], values["_anchor"]))
        assert isinstance(error, BuildError)
        if endpoint == "external.docs":
            return "https://docs.example.org/" + values.get("page", "")
        return None

    routes.url_build_error_handlers.extend([first, declines, handler])
    with routes.test_request_context():
        assert url_for("external.docs", page="intro", _anchor="x") == (
            "https://docs.example.org/intro"
        )
        assert calls == [
            ("first", "external.docs"),
            ("declines", "external.docs"),
            ("handler", "external.docs", False, "x"),
        ]
        with pytest.raises(BuildError):
            url_for("still.missing")


def test_build_error_handler_can_raise_another_error(routes):
    def replace(error, endpoint, values):
        raise BuildError(endpoint + ".replaced", values, "GET")

    routes.url_build_error_handlers.append(replace)
    with routes.test_request_context():
        with pytest.raises(BuildError) as excinfo:
            url_for("missing")
    assert excinfo.value.endpoint == "missing.replaced"


def test_url_defaults_and_value_preprocessor(app, client):
    @app.url_defaults
    def add_language(endpoint, values):
        if "lang" in values or not flaskcompat.g.get("lang"):
            return
        if app.url_map.is_endpoint_expecting(endpoint, "lang"):
            values["lang"] = flaskcompat.g.lang

    @app.url_value_preprocessor
    def pull_language(endpoint, values):
        flaskcompat.g.lang = values.pop("lang", None)

    @app.route("/<lang>/")
    def home():
        return url_for("about") + " " + url_for("plain")

    @app.route("/<lang>/about")
    def about():
        return "about in " + flaskcompat.g.lang

    @app.route("/plain")
    def plain():
        return repr(flaskcompat.g.lang)

    assert client.get("/de/").data == b"/de/about /plain"
    assert client.get("/fr/about").data == b"about in fr"
    assert client.get("/plain").data == b"None"


def test_url_value_preprocessor_runs_before_before_request(app, client):
    calls = []

    @app.url_value_preprocessor
    def pre(endpoint, values):
        calls.append(("pre", endpoint, dict(values)))

    @app.before_request
    def before():
        calls.append(("before",))

    @app.route("/<int:n>")
    def index(n):
        return str(n)

    client.get("/5")
    assert calls == [("pre", "index", {"n": 5}), ("before",)]


def test_url_for_in_template(app):
    @app.route("/user/<name>")
    def user(name):
        return name

    with app.test_request_context():
        rv = flaskcompat.render_template_string("{{ url_for('user', name='ü') }}")
    assert rv == "/user/%C3%BC"


def test_float_values_keep_their_precision(app, client):
    # The URL for a float must not depend on the interpreter: Python 2's
    # str() keeps 12 digits, which changes the value on the way back.
    value = 123456789.12345679

    @app.route("/f/<float:x>")
    def by_float(x):
        return repr(x == value)

    @app.route("/q")
    def by_query():
        return repr(float(flaskcompat.request.args["v"]) == value)

    with app.test_request_context():
        path = url_for("by_float", x=value)
        query = url_for("by_query", v=value)
        assert path == "/f/123456789.12345679"
        assert query == "/q?v=123456789.12345679"
        assert url_for("by_float", x=0.1 + 0.2) == "/f/0.30000000000000004"
    assert client.get(path).data == b"True"
    assert client.get(query).data == b"True"


def test_query_arguments_are_in_the_same_order_everywhere(app):
    # Keyword arguments reach url_for in no particular order on Python 2;
    # the only order every interpreter can produce is a sorted one.
    @app.route("/q")
    def query():
        return ""

    with app.test_request_context():
        assert url_for("query", zeta=1, alpha=2, mid=3, beta=4) == (
            "/q?alpha=2&beta=4&mid=3&zeta=1"
        )
        assert url_for("query", b="1", a=["y", "x"]) == "/q?a=y&a=x&b=1"


def test_bytes_values_are_utf8(app):
    # Native strings from Python 2 code are bytes; they are UTF-8 text.
    @app.route("/u/<name>")
    def user(name):
        return name

    @app.route("/p/<path:p>")
    def path(p):
        return p

    with app.test_request_context():
        assert url_for("user", name=b"ann") == "/u/ann"
        assert url_for("user", name="café".encode("utf-8")) == "/u/caf%C3%A9"
        assert url_for("path", p=b"a/b") == "/p/a/b"
        assert url_for("user", name="x", q=b"v") == "/u/x?q=v"
