# -*- coding: utf-8 -*-
"""flaskcompat.testing: the app-aware environ builder, the test client
(cookies, preserved contexts, session transactions) and the CLI runner."""
from __future__ import unicode_literals

import datetime
import gc
import os
import warnings

import click
import pytest
import werkzeug
import werkzeug.test

import flaskcompat
from flaskcompat import g
from flaskcompat import request
from flaskcompat import session
from flaskcompat._compat import BytesIO
from flaskcompat.cli import ScriptInfo
from flaskcompat.testing import EnvironBuilder
from flaskcompat.testing import FlaskClient
from flaskcompat.testing import FlaskCliRunner
from flaskcompat.testing import make_test_environ_builder


def werkzeug_agent():
    """The User-Agent the client sends: Werkzeug's name and release."""
    with warnings.catch_warnings(record=True):
        # Werkzeug 2.3 - 3.0 warn when the attribute is read
        warnings.simplefilter("ignore", category=DeprecationWarning)
        return "werkzeug/" + werkzeug.__version__


def built_environ(app, *args, **kwargs):
    made = EnvironBuilder(app, *args, **kwargs)
    try:
        return made.get_environ()
    finally:
        made.close()


# -- EnvironBuilder ----------------------------------------------------------

URL_CASES = [
    # config, builder arguments, (scheme, host, SCRIPT_NAME, PATH_INFO, QUERY_STRING)
    ({}, {}, ("http", "localhost", "", "/", "")),
    (
        {"SERVER_NAME": "example.com:8080", "APPLICATION_ROOT": "/root",
         "PREFERRED_URL_SCHEME": "https"},
        {"path": "/path?x=1"},
        ("https", "example.com:8080", "/root", "/path", "x=1"),
    ),
    (
        {"SERVER_NAME": "example.com"},
        {"subdomain": "api", "url_scheme": "https"},
        ("https", "api.example.com", "", "/", ""),
    ),
    ({}, {"path": "https://example.com/"}, ("https", "example.com", "", "/", "")),
    (
        {"SERVER_NAME": "example.com", "APPLICATION_ROOT": "/app/"},
        {"path": "http://other.test:81/a/b?q=2"},
        ("http", "other.test:81", "/app", "/a/b", "q=2"),
    ),
    (
        {"PREFERRED_URL_SCHEME": "https"},
        {"path": "/s", "url_scheme": "http"},
        ("http", "localhost", "", "/s", ""),
    ),
    (
        {},
        {"path": "/ignored", "base_url": "https://given.test/base/"},
        ("https", "given.test", "/base", "/ignored", ""),
    ),
]


@pytest.mark.parametrize(("config", "arguments", "expected"), URL_CASES)
def test_builder_url_comes_from_config_and_arguments(app, config, arguments, expected):
    app.config.from_mapping(config)
    environ = built_environ(app, **arguments)
    seen = tuple(
        environ[key]
        for key in ("wsgi.url_scheme", "HTTP_HOST", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING")
    )
    assert seen == expected


@pytest.mark.parametrize("build", [EnvironBuilder, make_test_environ_builder])
def test_full_url_path_sets_builder_attributes(app, build):
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("ignore", category=DeprecationWarning)
        made = build(app, "https://example.com/")
    try:
        assert isinstance(made, EnvironBuilder)
        parts = (made.url_scheme, made.host, made.script_root, made.path)
        assert parts == ("https", "example.com", "", "/")
    finally:
        made.close()


def test_make_test_environ_builder_is_deprecated(app):
    with pytest.deprecated_call(match="make_test_environ_builder"):
        made = make_test_environ_builder(app, "/x", method="PUT")
    made.close()
    assert made.method == "PUT"


@pytest.mark.parametrize("extra", [{"subdomain": "api"}, {"url_scheme": "https"}])
def test_base_url_excludes_subdomain_and_scheme(app, extra):
    with pytest.raises(AssertionError, match="with \"base_url\""):
        EnvironBuilder(app, base_url="http://x.test/", **extra)


def test_builder_json_follows_app_settings(app):
    app.config.update(JSON_AS_ASCII=False, JSON_SORT_KEYS=True)
    made = EnvironBuilder(app, json={"price": "\u20ac", "a": 1})
    try:
        body = made.input_stream.read().decode("utf-8")
        assert (made.content_type, body) == (
            "application/json", '{"a": 1, "price": "\u20ac"}'
        )
        assert made.json_dumps([3, "x"]) == '[3, "x"]'
    finally:
        made.close()


def test_builder_json_ascii_by_default(app):
    made = EnvironBuilder(app, json="\u20ac")
    try:
        assert made.input_stream.read() == b'"\\u20ac"'
    finally:
        made.close()


# -- requests through the client ------------------------------------------------


def test_client_is_a_werkzeug_client(client):
    assert isinstance(client, werkzeug.test.Client)
    assert isinstance(client, FlaskClient)


def test_client_class_can_be_replaced(app):
    class ClientWithShortcut(FlaskClient):
        def text(self, path):
            return self.get(path).get_data(as_text=True)

    @app.route("/")
    def home():
        return "from a subclass"

    app.test_client_class = ClientWithShortcut
    made = app.test_client()
    assert type(made) is ClientWithShortcut
    assert made.text("/") == "from a subclass"


def test_default_remote_addr_and_user_agent(app, client):
    @app.route("/")
    def who():
        return "%s %s" % (request.remote_addr, request.headers["User-Agent"])

    expected = "127.0.0.1 " + werkzeug_agent()
    assert client.get("/").get_data(as_text=True) == expected


def test_environ_base_changes_apply_to_later_requests(app, client):
    @app.route("/")
    def who():
        return "%s %s" % (request.remote_addr, request.user_agent.string)

    for addr, agent in [("0.0.0.0", "Foo"), ("10.1.2.3", "Bar/2")]:
        client.environ_base.update(REMOTE_ADDR=addr, HTTP_USER_AGENT=agent)
        assert client.get("/").get_data(as_text=True) == addr + " " + agent


def test_environ_base_argument_adds_to_defaults(app, client):
    @app.route("/")
    def who():
        return "%s %s" % (request.remote_addr, request.environ["custom.key"])

    reply = client.get("/", environ_base={"custom.key": "given"})
    assert reply.data == b"127.0.0.1 given"


@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"])
def test_method_shortcuts(app, client, method):
    @app.route("/m", methods=[method])
    def which():
        return request.method

    shortcut = getattr(client, method.lower())
    reply = shortcut("/m")
    assert (reply.status_code, reply.get_data(as_text=True)) == (200, method)
    assert client.open("/m", method=method).get_data(as_text=True) == method


def test_environ_overrides_win_over_defaults(app, client):
    @app.route("/")
    def addr():
        return request.remote_addr

    assert client.get("/", environ_overrides={"REMOTE_ADDR": "1.2.3.4"}).data == b"1.2.3.4"
    assert client.get("/").data == b"127.0.0.1"


def test_query_string_and_headers(app, client):
    @app.route("/")
    def echo():
        return "%s|%s" % (request.args["a"], request.headers["X-Custom"])

    first = client.get("/", query_string={"a": "ü"}, headers={"X-Custom": "c"})
    assert first.get_data(as_text=True) == "ü|c"
    second = client.get("/?a=1", headers=[("X-Custom", "d")])
    assert second.data == b"1|d"


@pytest.mark.parametrize(
    ("path", "extra"),
    [
        (b"/p?q=1", {"headers": {b"X-H": b"v"}, "content_type": b"text/plain"}),
        ("/p", {"query_string": b"q=1", "headers": {"X-H": b"v"}, "content_type": "text/plain"}),
        ("/p", {"query_string": "q=1", "headers": [(b"X-H", "v")], "mimetype": b"text/plain"}),
    ],
)
def test_native_string_arguments(app, client, path, extra):
    # suites written for Python 2 pass str (bytes) for all of these
    @app.route("/p", methods=["GET", "POST"])
    def describe():
        return {
            "args": request.args.to_dict(),
            "header": request.headers.get("X-H"),
            "mimetype": request.mimetype,
        }

    got = client.post(path, **extra).get_json()
    assert got == {"args": {"q": "1"}, "header": "v", "mimetype": "text/plain"}


def test_native_string_path_in_test_request_context(app):
    with app.test_request_context(b"/caf\xc3\xa9?q=1"):
        assert (request.path, request.args["q"]) == ("/caf\xe9", "1")


def test_open_takes_a_builder_or_an_environ(app, client):
    @app.route("/where", methods=["PUT"])
    def where():
        return "%s %s %s" % (request.method, request.args["x"], request.remote_addr)

    made = EnvironBuilder(app, "/where?x=1", method="PUT")
    try:
        assert client.open(made).data == b"PUT 1 127.0.0.1"
        environ = made.get_environ()
    finally:
        made.close()
    client.environ_base.update(REMOTE_ADDR="127.0.0.2")
    assert client.open(environ).data == b"PUT 1 127.0.0.2"


def test_url_scheme_argument(app, client):
    @app.route("/")
    def url():
        return request.url

    assert client.get("/", url_scheme="https").data == b"https://localhost/"
    with app.test_request_context(url_scheme="https"):
        assert request.url == "https://localhost/"


def test_request_to_a_full_url(app, client):
    @app.route("/")
    def host():
        return request.host_url

    assert client.get("https://other.example:8443/").data == b"https://other.example:8443/"


def test_full_url_post_readable_inside_with_block(app, client):
    @app.route("/action", methods=["POST"])
    def action():
        return "done"

    with client:
        reply = client.post("http://domain.com/action?vodka=42", data={"gin": 43})
        assert reply.data == b"done"
        # the body is read after the view returned, from the kept request
        assert (request.form["gin"], request.args["vodka"]) == ("43", "42")
        assert request.host == "domain.com"


def test_as_tuple_gives_the_environ(app, client):
    @app.route("/")
    def arg():
        return request.args["x"]

    environ, reply = client.get("/?x=1", as_tuple=True)
    assert reply.data == b"1"
    assert (environ["PATH_INFO"], environ["QUERY_STRING"]) == ("/", "x=1")


def test_buffered_reads_a_generator_body(app, client):
    @app.route("/")
    def chunks():
        return iter(["a", "b", "c"])

    assert client.get("/", buffered=True).data == b"abc"


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

    followed = client.get("/first", follow_redirects=True)
    assert (followed.status_code, followed.data) == (200, b"arrived 1")
    assert client.get("/first").status_code == 302


def test_follow_redirects_keeps_the_session(app, client):
    @app.route("/login")
    def login():
        session["user"] = "ann"
        return flaskcompat.redirect("/profile")

    @app.route("/profile")
    def profile():
        return session.get("user", "anonymous")

    assert client.get("/login", follow_redirects=True).data == b"ann"


def test_redirect_then_session_inside_with_block(app, client):
    @app.route("/")
    def index():
        session["mark"] = 42
        return flaskcompat.redirect("/seen")

    @app.route("/seen")
    def seen():
        return str(session["mark"])

    with client:
        assert client.get("/").status_code == 302
        assert session["mark"] == 42
        assert client.get("/seen").data == b"42"
        assert request.path == "/seen"


def test_json_request_and_response(app, client):
    @app.route("/echo", methods=["POST"])
    def echo():
        return flaskcompat.jsonify(request.get_json())

    sent = {"drink": {"gin": 1, "tonic": True}, "price": 10, "ü": [None]}
    with client:
        reply = client.post("/echo", json=sent)
        assert request.is_json and request.get_json() == sent
    assert reply.is_json and reply.get_json() == sent


def test_json_argument_uses_the_app_encoder(app, client):
    @app.route("/raw", methods=["POST"])
    def raw():
        return request.get_data()

    reply = client.post("/raw", json={"when": datetime.date(2020, 1, 2)})
    assert reply.data == b'{"when": "Thu, 02 Jan 2020 00:00:00 GMT"}'


def test_json_request_pushes_a_single_app_context(app, client):
    torn_down = []

    @app.teardown_appcontext
    def count(exc):
        torn_down.append(exc)

    @app.route("/hello", methods=["POST"])
    def hello():
        return "Hello, %s!" % request.json["name"]

    reply = client.post("/hello", json={"name": "Flask"})
    assert reply.get_data(as_text=True) == "Hello, Flask!"
    assert torn_down == [None]


def test_form_and_file_upload(app, client):
    @app.route("/upload", methods=["POST"])
    def upload():
        stored = request.files["file"]
        return "%s|%s|%s" % (
            request.form["name"], stored.filename, stored.read().decode("utf-8")
        )

    reply = client.post(
        "/upload",
        data={"name": "ü", "file": (BytesIO("cöntent".encode("utf-8")), "a.txt")},
    )
    assert reply.get_data(as_text=True) == "ü|a.txt|cöntent"


def test_spooled_request_body_is_closed(app, client):
    # Werkzeug writes a large body to a temporary file; an unclosed one is a
    # ResourceWarning on Python 3 (an error under -W error).
    bodies = []

    @app.route("/upload", methods=["POST"])
    def upload():
        bodies.append(request.environ["wsgi.input"])
        return str(len(request.files["file"].read()))

    payload = b"\x00\x01" * (512 * 1024)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            reply = client.post("/upload", data={"file": (BytesIO(payload), "big.bin")})
            assert reply.data == str(len(payload)).encode("ascii")
            reply.close()
            del reply
            gc.collect()
        assert bodies[0].closed
        assert [w for w in caught if "unclosed" in str(w.message)] == []
    finally:
        for body in bodies:
            body.close()


def test_subdomain_argument_reaches_blueprint():
    app = flaskcompat.Flask(__name__)
    app.config.from_mapping(SERVER_NAME="example.com")
    company = flaskcompat.Blueprint("company", __name__, subdomain="xxx")

    @company.route("/")
    def index():
        return request.url

    app.register_blueprint(company)
    with app.test_request_context("/", subdomain="xxx") as ctx:
        assert ctx.request.blueprint == "company"
    reply = app.test_client().get("/", subdomain="xxx")
    assert reply.data == b"http://xxx.example.com/"


@pytest.mark.parametrize("with_subdomain", [True, False])
def test_url_for_result_can_be_requested(with_subdomain):
    app = flaskcompat.Flask(__name__, subdomain_matching=with_subdomain)
    app.config.from_mapping(SERVER_NAME="example.com")
    rule = {"subdomain": "<company_id>"} if with_subdomain else {}

    @app.route("/" if with_subdomain else "/<company_id>", **rule)
    def view(company_id):
        return company_id

    with app.test_request_context("/start"):
        url = flaskcompat.url_for("view", company_id="xxx")
    visitor = app.test_client()
    with visitor:
        reply = visitor.get(url)
    assert (reply.status_code, reply.data) == (200, b"xxx")


# -- cookies ----------------------------------------------------------------------


@pytest.fixture
def cookie_app(app):
    @app.route("/set/<name>/<value>")
    def set_value(name, value):
        reply = flaskcompat.make_response("set")
        reply.set_cookie(name, value)
        return reply

    @app.route("/get/<name>")
    def get_value(name):
        return request.cookies.get(name, "<none>")

    return app


def cookie(client, name):
    return client.get("/get/" + name).get_data(as_text=True)


def test_cookies_are_kept_between_requests(cookie_app, client):
    assert cookie(client, "k") == "<none>"
    for value in ("v1", "v2"):
        client.get("/set/k/" + value)
        assert cookie(client, "k") == value


@pytest.mark.parametrize(
    ("value", "header"),
    [
        ("plain", "c=plain"),
        ("", "c="),
        ("ü", 'c="\\303\\274"'),
        ("€uro", 'c="\\342\\202\\254uro"'),
        ("a b", 'c="a b"'),
        ("a;b", 'c="a\\073b"'),
        ("a,b", 'c="a\\054b"'),
        ('a"b', 'c="a\\"b"'),
    ],
)
def test_cookie_value_quoting_round_trips(cookie_app, client, value, header):
    # one Set-Cookie form on every interpreter: a cookie written by an app
    # on Python 2 reads back on Python 3
    @cookie_app.route("/set-c")
    def set_c():
        reply = flaskcompat.make_response("")
        reply.set_cookie("c", value)
        return reply

    sent = client.get("/set-c").headers["Set-Cookie"]
    assert sent.split(";")[0] == header
    assert cookie(client, "c") == value


def test_unparsable_cookie_name_is_skipped(cookie_app, client):
    # browsers ignore a cookie named "a b"; the client does too and keeps
    # the other cookies of the same response
    @cookie_app.route("/odd")
    def odd():
        reply = flaskcompat.make_response("odd")
        reply.set_cookie("a b", "v")
        reply.set_cookie("good", "1")
        return reply

    assert client.get("/odd").data == b"odd"
    assert cookie(client, "good") == "1"


def test_client_without_cookie_jar(cookie_app):
    jarless = cookie_app.test_client(use_cookies=False)
    assert jarless.use_cookies_enabled is False
    jarless.get("/set/k/v")
    assert cookie(jarless, "k") == "<none>"


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        (("localhost", "name", "one"), {}),
        (("name", "one"), {}),
        (("name", "one"), {"domain": "localhost"}),
    ],
)
def test_set_cookie_spellings(cookie_app, client, args, kwargs):
    # Flask 1.x: (server_name, key, value); Werkzeug 2.3+: (key, value, domain=)
    client.set_cookie(*args, **kwargs)
    assert cookie(client, "name") == "one"


def test_delete_cookie_spellings(cookie_app, client):
    client.set_cookie("localhost", "a", "1")
    client.set_cookie("b", "2")
    client.delete_cookie("localhost", "a")
    assert (cookie(client, "a"), cookie(client, "b")) == ("<none>", "2")
    client.delete_cookie("b")
    assert cookie(client, "b") == "<none>"


def test_set_cookie_refuses_a_fourth_positional(client):
    with pytest.raises(TypeError, match="at most 3 positional"):
        client.set_cookie("localhost", "k", "v", "extra")


# -- with client: the last request context stays ---------------------------------


def test_with_block_keeps_the_last_request(app, client):
    app.testing = False

    @app.route("/")
    def index():
        g.value = 42
        return "Hello World!"

    @app.route("/other")
    def other():
        return 1 // 0

    with client:
        reply = client.get("/?first=1")
        assert (reply.status_code, g.value, request.args.get("first")) == (200, 42, "1")
        reply = client.get("/other")
        assert reply.status_code == 500
        assert b"Internal Server Error" in reply.data
        assert "value" not in g and "first" not in request.args
        g.value = 23
    assert not flaskcompat.has_request_context()
    assert not flaskcompat.has_app_context()


def test_with_block_session_is_visible(app, client):
    @app.route("/")
    def count():
        session["n"] = session.get("n", 0) + 1
        return str(session["n"])

    with client:
        client.get("/")
        client.get("/")
        assert session["n"] == 2


def test_client_can_be_entered_again(client):
    for _ in range(2):
        with client:
            assert client.get("/nowhere").status_code == 404
        assert not flaskcompat.has_request_context()


def test_preserve_context_flag_follows_the_block(client):
    assert client.preserve_context is False
    with client as entered:
        assert entered is client
        assert client.preserve_context is True
    assert client.preserve_context is False


def test_client_cannot_be_nested(client):
    with client:
        with pytest.raises(RuntimeError, match="Cannot nest client invocations"):
            with client:
                pass


def test_teardown_runs_at_block_end_or_next_request(app, client):
    seen = []

    @app.teardown_request
    def remember(error):
        seen.append(error)

    with client:
        client.get("/")
        assert seen == []
    assert seen == [None]

    del seen[:]
    with client:
        client.get("/")
        client.get("/")
        assert seen == [None]
    assert seen == [None, None]


def test_block_ending_in_an_exception_pops_the_context(app, client):
    @app.route("/fail")
    def fail():
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        with client:
            client.get("/fail")
    assert not flaskcompat.has_request_context()


def test_block_end_pops_every_preserved_context(app, req_ctx, client):
    @app.route("/")
    def streamed():
        # the streamed body pushes one more context, also preserved
        return flaskcompat.Response(flaskcompat.stream_with_context("hello"))

    with client:
        client.get("/")
    assert flaskcompat._request_ctx_stack.top is req_ctx


# -- session_transaction ---------------------------------------------------------------


def test_session_transaction_edits_the_client_session(app, client):
    @app.route("/")
    def show():
        return "%s|%s" % (session.get("foo"), session.get("extra"))

    @app.route("/modify")
    def modify():
        session["extra"] = "from view"
        return ""

    with client.session_transaction() as stored:
        assert len(stored) == 0
        stored["foo"] = [42]
    assert client.get("/").data == b"[42]|None"
    client.get("/modify")
    with client.session_transaction() as stored:
        assert (stored["foo"], stored["extra"]) == ([42], "from view")
        del stored["foo"]
    assert client.get("/").data == b"None|from view"


def test_session_transaction_inside_with_block(app, client):
    @app.route("/")
    def show():
        return flaskcompat.json.dumps(session["foo"])

    with client:
        with client.session_transaction() as stored:
            stored["foo"] = [42]
            assert len(stored) == 1
        assert client.get("/").data == b"[42]"
        with client.session_transaction() as stored:
            assert dict(stored) == {"foo": [42]}


def test_session_transaction_not_saved_on_error(app, client):
    @app.route("/")
    def show():
        return "n=%s" % session.get("n")

    with pytest.raises(ZeroDivisionError, match="division"):
        with client.session_transaction() as stored:
            stored["n"] = 1
            stored["n"] = 1 // 0
    assert client.get("/").data == b"n=None"


def test_session_transaction_shows_the_callers_request(app, client):
    with app.test_request_context("/outer"):
        with client.session_transaction() as stored:
            stored["x"] = 1
            assert request.path == "/outer"
        assert request.path == "/outer"


def test_session_transaction_keeps_preserved_request(app, client, req_ctx):
    client.get("/")
    before = request._get_current_object()
    with client.session_transaction("/elsewhere"):
        assert request._get_current_object() is before


def test_session_transaction_without_secret_key():
    app = flaskcompat.Flask(__name__)
    app.testing = True
    with app.test_client() as keyless:
        with pytest.raises(RuntimeError, match="Session backend did not open a session"):
            with keyless.session_transaction():
                pass


def test_session_transaction_needs_cookies(app):
    jarless = app.test_client(use_cookies=False)
    with pytest.raises(RuntimeError, match="only make sense with cookies enabled"):
        with jarless.session_transaction():
            pass


# -- FlaskCliRunner -------------------------------------------------------------


def test_cli_runner_class(app):
    assert type(app.test_cli_runner()) is FlaskCliRunner

    class OwnRunner(FlaskCliRunner):
        pass

    app.test_cli_runner_class = OwnRunner
    assert type(app.test_cli_runner()) is OwnRunner


@pytest.fixture
def greet_command(app):
    @app.cli.command("greet")
    @click.option("--name", default="World")
    def greet(name):
        click.echo("Hi %s from %s" % (name, flaskcompat.current_app.name))

    return greet


@pytest.mark.parametrize(
    ("by_object", "args", "output"),
    [
        (False, ["greet"], "Hi World from flask_test\n"),
        (False, ["greet", "--name", "Ann"], "Hi Ann from flask_test\n"),
        (True, None, "Hi World from flask_test\n"),
        (True, ["--name", "Bo"], "Hi Bo from flask_test\n"),
    ],
)
def test_cli_runner_invokes(app, greet_command, by_object, args, output):
    invoker = app.test_cli_runner()
    ran = invoker.invoke(greet_command if by_object else None, args)
    assert (ran.exit_code, ran.output) == (0, output)


def test_cli_runner_honours_given_obj(app, greet_command):
    loads = []

    def create_app(*ignored):
        loads.append(app)
        return app

    ran = app.test_cli_runner().invoke(greet_command, obj=ScriptInfo(create_app=create_app))
    assert ran.output == "Hi World from flask_test\n"
    assert loads == [app]


def test_cli_runner_passes_options_to_click(app):
    @app.cli.command("env")
    def show_env():
        click.echo(os.environ["TESTING_GREETING"])

    runner = app.test_cli_runner(env={"TESTING_GREETING": "hello"})
    assert runner.invoke(args=["env"]).output == "hello\n"


@pytest.mark.parametrize(
    ("charset", "word", "wire"),
    [
        ("euc-kr", "\uc815\uc0c1", "%C1%A4%BB%F3"),
        # the second byte of \u672c in Shift JIS is "{": ASCII stays as it is
        ("shift_jis", "\u65e5\u672c", "%93%FA%96{"),
        ("latin-1", "caf\xe9", "caf%E9"),
    ],
)
def test_bytes_path_query_keeps_its_own_charset(app, client, charset, word, wire):
    # A bytes path's query part is sent as the bytes given (those outside
    # ASCII percent-encoded); the app reads it with the URL charset it
    # declares.
    class LocalRequest(flaskcompat.Request):
        url_charset = charset

    app.request_class = LocalRequest

    @app.route("/echo")
    def echo():
        return request.args["q"] + "|" + request.query_string.decode("ascii")

    rv = client.get(b"/echo?q=" + word.encode(charset))
    assert rv.status_code == 200
    assert rv.get_data(as_text=True) == word + "|q=" + wire
