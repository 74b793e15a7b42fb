# -*- coding: utf-8 -*-
"""The test client, the environ builder and the CLI runner."""
from __future__ import unicode_literals

import gc
import warnings

import click
import pytest
import werkzeug.test

import flaskcompat
from flaskcompat import request
from flaskcompat import session
from flaskcompat._compat import BytesIO
from flaskcompat.testing import EnvironBuilder
from flaskcompat.testing import FlaskClient


@pytest.fixture
def cookie_app(app):
    @app.route("/set/<name>/<value>")
    def set_cookie(name, value):
        response = flaskcompat.make_response("set")
        response.set_cookie(name, value)
        return response

    @app.route("/get/<name>")
    def get_cookie(name):
        return request.cookies.get(name, "<none>")

    return app


def test_cookies_persist_between_requests(cookie_app, client):
    assert client.get("/get/k").data == b"<none>"
    client.get("/set/k/v1")
    assert client.get("/get/k").data == b"v1"
    client.get("/set/k/v2")
    assert client.get("/get/k").data == b"v2"


@pytest.mark.parametrize(
    ("value", "header"),
    [
        ("plain", "c=plain"),
        ("ü", 'c="\\303\\274"'),
        ("a b", 'c="a b"'),
        ("a;b", 'c="a\\073b"'),
        ('a"b', 'c="a\\"b"'),
        ("a,b", 'c="a\\054b"'),
        ("€uro", 'c="\\342\\202\\254uro"'),
        ("", "c="),
    ],
)
def test_cookie_values_round_trip(cookie_app, client, value, header):
    # The Set-Cookie form is the same on every interpreter, so cookies set
    # by an application on Python 2 are read back by it on Python 3.
    @cookie_app.route("/set-value")
    def set_value():
        response = flaskcompat.make_response("")
        response.set_cookie("c", value)
        return response

    rv = client.get("/set-value")
    assert rv.headers["Set-Cookie"].split(";")[0] == header
    assert client.get("/get/c").data.decode("utf-8") == value


def test_invalid_cookie_name_does_not_break_the_client(cookie_app, client):
    # An application that sets a cookie whose name has a space (browsers
    # ignore it) must still be testable; the client keeps its other cookies.
    @cookie_app.route("/odd")
    def odd():
        response = flaskcompat.make_response("odd")
        response.set_cookie("a b", "v")
        response.set_cookie("good", "1")
        return response

    rv = client.get("/odd")
    assert rv.data == b"odd"
    assert client.get("/get/good").data == b"1"


def test_client_without_cookies(cookie_app):
    client = cookie_app.test_client(use_cookies=False)
    assert not client.use_cookies_enabled
    client.get("/set/k/v")
    assert client.get("/get/k").data == b"<none>"
    with pytest.raises(RuntimeError) as excinfo:
        with client.session_transaction():
            pass
    assert "cookies enabled" in str(excinfo.value)


def test_set_cookie_old_spelling(cookie_app, client):
    client.set_cookie("localhost", "legacy", "one")
    assert client.get("/get/legacy").data == b"one"


def test_set_cookie_new_spelling(cookie_app, client):
    client.set_cookie("modern", "two")
    assert client.get("/get/modern").data == b"two"
    client.set_cookie("modern", "three", domain="localhost")
    assert client.get("/get/modern").data == b"three"


def test_delete_cookie_both_spellings(cookie_app, client):
    client.set_cookie("localhost", "a", "1")
    client.set_cookie("b", "2")
    client.delete_cookie("localhost", "a")
    assert client.get("/get/a").data == b"<none>"
    assert client.get("/get/b").data == b"2"
    client.delete_cookie("b")
    assert client.get("/get/b").data == b"<none>"


def test_set_cookie_too_many_arguments(client):
    with pytest.raises(TypeError):
        client.set_cookie("localhost", "k", "v", "extra")


def test_follow_redirects(app, client):
    @app.route("/first")
    def first():
        return flaskcompat.redirect(flaskcompat.url_for("second"))

    @app.route("/second")
    def second():
        return flaskcompat.redirect("/third?x=1", code=301)

    @app.route("/third")
    def third():
        return "arrived " + request.args["x"]

    rv = client.get("/first", follow_redirects=True)
    assert rv.status_code == 200
    assert rv.data == b"arrived 1"
    rv = client.get("/first")
    assert rv.status_code == 302


def test_follow_redirects_keeps_cookies(app, client):
    @app.route("/login")
    def login():
        session["user"] = "ann"
        return flaskcompat.redirect("/profile")

    @app.route("/profile")
    def profile():
        return session.get("user", "anonymous")

    assert client.get("/login", follow_redirects=True).data == b"ann"


def test_json_argument(app, client):
    @app.route("/echo", methods=["POST"])
    def echo():
        return {"mimetype": request.mimetype, "json": request.get_json()}

    rv = client.post("/echo", json={"ü": [1, None, True]})
    assert rv.get_json() == {
        "mimetype": "application/json",
        "json": {"ü": [1, None, True]},
    }


def test_json_argument_uses_app_encoder(app, client):
    import datetime

    @app.route("/echo", methods=["POST"])
    def echo():
        return request.get_data()

    rv = client.post("/echo", json={"when": datetime.date(2020, 1, 2)})
    assert b"Thu, 02 Jan 2020 00:00:00 GMT" in rv.data


def test_form_and_file_upload(app, client):
    @app.route("/upload", methods=["POST"])
    def upload():
        uploaded = request.files["file"]
        return "%s|%s|%s" % (
            request.form["name"],
            uploaded.filename,
            uploaded.read().decode("utf-8"),
        )

    rv = client.post(
        "/upload",
        data={"name": "ü", "file": (BytesIO("cöntent".encode("utf-8")), "a.txt")},
        content_type="multipart/form-data",
    )
    assert rv.data.decode("utf-8") == "ü|a.txt|cöntent"


def test_large_upload_request_body_is_closed(app, client):
    # Werkzeug spools a large request body to temporary files; the client
    # must close them, or they leak (a ResourceWarning on Python 3, an error
    # under ``-W error``).
    streams = []

    @app.route("/upload", methods=["POST"])
    def upload():
        streams.append(request.environ["wsgi.input"])
        return str(len(request.files["file"].read()))

    data = b"\x00\x01" * (512 * 1024)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            rv = client.post("/upload", data={"file": (BytesIO(data), "big.bin")})
            assert rv.data == str(len(data)).encode("ascii")
            rv.close()
            del rv
            gc.collect()
        assert streams[0].closed
        assert [str(w.message) for w in caught if "unclosed" in str(w.message)] == []
    finally:
        for stream in streams:
            stream.close()


def test_query_string_and_headers(app, client):
    @app.route("/")
    def index():
        return "%s|%s|%s|%s" % (
            request.args["a"],
            request.headers["X-Custom"],
            request.remote_addr,
            request.user_agent.string,
        )

    rv = client.get("/", query_string={"a": "ü"}, headers={"X-Custom": "c"})
    assert rv.data.decode("utf-8") == (
        "ü|c|127.0.0.1|werkzeug/flaskcompat-test-client"
    )
    assert client.get("/?a=1", headers=[("X-Custom", "d")]).data.startswith(b"1|d|")


def test_client_accepts_bytes(app, client):
    # Test suites written for Python 2 pass native strings (bytes) for
    # paths, query strings, headers and content types.
    @app.route("/p", methods=["GET", "POST"])
    def echo():
        return {
            "args": request.args.to_dict(),
            "header": request.headers.get("X-H"),
            "mimetype": request.mimetype,
        }

    expected = {"args": {"q": "1"}, "header": "v", "mimetype": "text/plain"}
    assert client.get(
        b"/p?q=1", headers={b"X-H": b"v"}, content_type=b"text/plain"
    ).get_json() == expected
    assert client.get(
        "/p", query_string=b"q=1", headers={"X-H": b"v"}, content_type="text/plain"
    ).get_json() == expected
    with app.test_request_context(b"/p?q=1"):
        assert request.args["q"] == "1"


def test_with_client_keeps_last_request_context(app, client):
    @app.route("/")
    def index():
        flaskcompat.g.value = "kept"
        return "x"

    with client:
        client.get("/?first=1")
        client.get("/?vodka=42")
        assert request.args["vodka"] == "42"
        assert "first" not in request.args
        assert flaskcompat.g.value == "kept"
    assert not flaskcompat.has_request_context()


def test_with_client_session(app, client):
    @app.route("/")
    def index():
        session["n"] = session.get("n", 0) + 1
        return str(session["n"])

    with client:
        client.get("/")
        client.get("/")
        assert session["n"] == 2


def test_with_client_cannot_nest(client):
    with client:
        with pytest.raises(RuntimeError) as excinfo:
            with client:
                pass
    assert "Cannot nest client invocations" in str(excinfo.value)


def test_with_client_pops_context_after_exception(app, client):
    @app.route("/fail")
    def fail():
        raise ValueError("x")

    with pytest.raises(ValueError):
        with client:
            client.get("/fail")
    assert not flaskcompat.has_request_context()


def test_session_transaction(app, client):
    @app.route("/")
    def index():
        return "%s|%s" % (session.get("foo"), session.get("extra"))

    @app.route("/modify")
    def modify():
        session["extra"] = "from view"
        return ""

    with client.session_transaction() as sess:
        assert len(sess) == 0
        sess["foo"] = [42]
    assert client.get("/").data == b"[42]|None"
    client.get("/modify")
    with client.session_transaction() as sess:
        assert sess["foo"] == [42]
        assert sess["extra"] == "from view"
        del sess["foo"]
    assert client.get("/").data == b"None|from view"


def test_session_transaction_hides_its_context(app, client):
    with app.test_request_context("/outer"):
        with client.session_transaction() as sess:
            sess["x"] = 1
            assert request.path == "/outer"
        assert request.path == "/outer"


def test_session_transaction_needs_secret_key(app, client):
    app.secret_key = None
    with pytest.raises(RuntimeError) as excinfo:
        with client.session_transaction():
            pass
    assert "Session backend did not open a session" in str(excinfo.value)


def test_open_with_environ_builder_and_environ(app, client):
    @app.route("/where", methods=["PUT"])
    def where():
        return request.method + " " + request.args["x"]

    builder = EnvironBuilder(app, "/where?x=1", method="PUT")
    try:
        assert client.open(builder).data == b"PUT 1"
        environ = builder.get_environ()
    finally:
        builder.close()
    assert client.open(environ).data == b"PUT 1"


def test_as_tuple(app, client):
    @app.route("/")
    def index():
        return request.args["x"]

    environ, rv = client.get("/?x=1", as_tuple=True)
    assert rv.data == b"1"
    assert environ["QUERY_STRING"] == "x=1"
    assert environ["PATH_INFO"] == "/"


def test_buffered_response(app, client):
    @app.route("/")
    def index():
        def generate():
            yield "a"
            yield "b"

        return generate()

    rv = client.get("/", buffered=True)
    assert rv.data == b"ab"


def test_custom_test_client_class(app):
    class MyClient(FlaskClient):
        def fetch(self, path):
            return self.get(path).data

    @app.route("/")
    def index():
        return "custom"

    app.test_client_class = MyClient
    client = app.test_client()
    assert isinstance(client, MyClient)
    assert client.fetch("/") == b"custom"


def test_werkzeug_client_subclass(app):
    assert issubclass(FlaskClient, werkzeug.test.Client)


def test_environ_builder_defaults_from_config(app):
    app.config.update(
        SERVER_NAME="example.com:8080",
        APPLICATION_ROOT="/root",
        PREFERRED_URL_SCHEME="https",
    )
    builder = EnvironBuilder(app, "/path?x=1")
    try:
        environ = builder.get_environ()
    finally:
        builder.close()
    assert environ["wsgi.url_scheme"] == "https"
    assert environ["HTTP_HOST"] == "example.com:8080"
    assert environ["SCRIPT_NAME"] == "/root"
    assert environ["PATH_INFO"] == "/path"
    assert environ["QUERY_STRING"] == "x=1"


def test_environ_builder_subdomain_and_scheme(app):
    app.config["SERVER_NAME"] = "example.com"
    builder = EnvironBuilder(app, subdomain="api", url_scheme="https")
    try:
        environ = builder.get_environ()
    finally:
        builder.close()
    assert environ["HTTP_HOST"] == "api.example.com"
    assert environ["wsgi.url_scheme"] == "https"


def test_environ_builder_rejects_base_url_with_subdomain(app):
    with pytest.raises(AssertionError):
        EnvironBuilder(app, base_url="http://x/", subdomain="api")


def test_environ_builder_json_dumps_uses_app_settings(app):
    app.config["JSON_SORT_KEYS"] = True
    builder = EnvironBuilder(app)
    try:
        assert builder.json_dumps({"b": 1, "a": 2}) == '{"a": 2, "b": 1}'
    finally:
        builder.close()


def test_full_url_request(app, client):
    @app.route("/")
    def index():
        return request.host_url

    rv = client.get("https://other.example:8443/")
    assert rv.data == b"https://other.example:8443/"


def test_cli_runner(app):
    @app.cli.command("hello")
    @click.option("--name", default="World")
    def hello_command(name):
        click.echo("Hello, %s! (%s)" % (name, flaskcompat.current_app.name))

    runner = app.test_cli_runner()
    result = runner.invoke(args=["hello"])
    assert result.exit_code == 0
    assert result.output == "Hello, World! (flask_test)\n"
    result = runner.invoke(args=["hello", "--name", "Flask"])
    assert "Hello, Flask!" in result.output
