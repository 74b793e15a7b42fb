# -*- coding: utf-8 -*-
"""URL rules: route/add_url_rule/endpoint, converters, methods, automatic
HEAD and OPTIONS, strict slashes."""
from __future__ import unicode_literals

import uuid

import pytest
from werkzeug.routing import BaseConverter
from werkzeug.routing import ValidationError

import flaskcompat


def allowed(response):
    """The methods of an ``Allow`` header as a set (Werkzeug releases order
    them differently)."""
    return set(m.strip() for m in response.headers["Allow"].split(","))


# ---------------------------------------------------------------------------
# Registering rules
# ---------------------------------------------------------------------------


def test_route_uses_function_name_as_endpoint(app, client):
    @app.route("/hello")
    def hello():
        return flaskcompat.request.endpoint

    assert client.get("/hello").data == b"hello"
    assert app.view_functions["hello"] is hello


def test_route_with_explicit_endpoint(app, client):
    @app.route("/", endpoint="home")
    def index():
        return flaskcompat.request.endpoint

    assert client.get("/").data == b"home"
    assert "index" not in app.view_functions


def test_add_url_rule_with_view_func(app, client):
    def show(name):
        return "show " + name

    app.add_url_rule("/show/<name>", "show_item", show)
    rv = client.get("/show/thing")
    assert rv.data == b"show thing"
    with app.test_request_context():
        assert flaskcompat.url_for("show_item", name="x") == "/show/x"


def test_add_url_rule_then_endpoint_decorator(app, client):
    app.add_url_rule("/foo", endpoint="bar")

    @app.endpoint("bar")
    def whatever():
        return "bar endpoint"

    assert client.get("/foo").data == b"bar endpoint"


def test_several_rules_for_one_view(app, client):
    @app.route("/", defaults={"page": 1})
    @app.route("/page/<int:page>")
    def pages(page):
        return "page %d" % page

    assert client.get("/").data == b"page 1"
    assert client.get("/page/7").data == b"page 7"


def test_endpoint_overwrite_is_an_error(app):
    @app.route("/a")
    def index():
        return "a"

    def other():
        return "b"

    with pytest.raises(AssertionError) as excinfo:
        app.add_url_rule("/b", "index", other)
    assert "overwriting an existing endpoint function: index" in str(excinfo.value)


def test_same_function_twice_is_fine(app, client):
    def view():
        return "same"

    app.add_url_rule("/one", "view", view)
    app.add_url_rule("/two", "view", view)
    assert client.get("/one").data == b"same"
    assert client.get("/two").data == b"same"


def test_methods_must_not_be_a_string(app):
    with pytest.raises(TypeError) as excinfo:

        @app.route("/", methods="POST")
        def index():
            return ""

    assert "Allowed methods have to be iterables of strings" in str(excinfo.value)


def test_request_routing_attributes(app, client):
    @app.route("/user/<name>/<int:age>")
    def user(name, age):
        request = flaskcompat.request
        return {
            "endpoint": request.endpoint,
            "rule": request.url_rule.rule,
            "view_args": request.view_args,
            "blueprint": request.blueprint,
        }

    rv = client.get("/user/ann/42")
    assert rv.get_json() == {
        "endpoint": "user",
        "rule": "/user/<name>/<int:age>",
        "view_args": {"name": "ann", "age": 42},
        "blueprint": None,
    }


def test_unknown_url_is_404_with_empty_routing_info(app, client):
    seen = {}

    @app.errorhandler(404)
    def not_found(e):
        request = flaskcompat.request
        seen["endpoint"] = request.endpoint
        seen["view_args"] = request.view_args
        seen["exception"] = request.routing_exception
        return "nope", 404

    rv = client.get("/does/not/exist")
    assert rv.status_code == 404
    assert rv.data == b"nope"
    assert seen["endpoint"] is None
    assert seen["view_args"] is None
    assert seen["exception"].code == 404


def test_non_ascii_rule(app, client):
    @app.route("/café/<name>")
    def cafe(name):
        return flaskcompat.request.path + "|" + name

    rv = client.get("/caf%C3%A9/cr%C3%A8me")
    assert rv.status_code == 200
    assert rv.data.decode("utf-8") == "/café/crème|crème"
    with app.test_request_context():
        assert flaskcompat.url_for("cafe", name="ü") == "/caf%C3%A9/%C3%BC"


# ---------------------------------------------------------------------------
# Converters
# ---------------------------------------------------------------------------


def test_string_converter(app, client):
    @app.route("/s/<value>")
    def default(value):
        return "default:" + value

    @app.route("/len/<string(length=2):code>")
    def fixed(code):
        return "fixed:" + code

    @app.route("/range/<string(minlength=2, maxlength=3):code>")
    def ranged(code):
        return "ranged:" + code

    assert client.get("/s/a b").data == b"default:a b"
    assert client.get("/s/a/b").status_code == 404
    assert client.get("/len/de").data == b"fixed:de"
    assert client.get("/len/deu").status_code == 404
    assert client.get("/range/abc").data == b"ranged:abc"
    assert client.get("/range/a").status_code == 404
    assert client.get("/range/abcd").status_code == 404


def test_int_converter(app, client):
    @app.route("/i/<int:n>")
    def plain(n):
        return repr((type(n) is int, n))

    @app.route("/signed/<int(signed=True):n>")
    def signed(n):
        return str(n)

    @app.route("/bounded/<int(min=1, max=10):n>")
    def bounded(n):
        return str(n)

    @app.route("/digits/<int(fixed_digits=4):n>")
    def digits(n):
        return str(n)

    assert client.get("/i/42").data == b"(True, 42)"
    assert client.get("/i/-3").status_code == 404
    assert client.get("/i/4.2").status_code == 404
    assert client.get("/i/x").status_code == 404
    assert client.get("/signed/-3").data == b"-3"
    assert client.get("/bounded/10").data == b"10"
    assert client.get("/bounded/11").status_code == 404
    assert client.get("/bounded/0").status_code == 404
    assert client.get("/digits/0042").data == b"42"
    assert client.get("/digits/42").status_code == 404
    with app.test_request_context():
        assert flaskcompat.url_for("digits", n=7) == "/digits/0007"
        assert flaskcompat.url_for("signed", n=-5) == "/signed/-5"


def test_float_converter(app, client):
    @app.route("/f/<float:x>")
    def plain(x):
        return repr((type(x) is float, x))

    @app.route("/signed/<float(signed=True):x>")
    def signed(x):
        return repr(x)

    assert client.get("/f/1.5").data == b"(True, 1.5)"
    assert client.get("/f/1").status_code == 404
    assert client.get("/f/-1.5").status_code == 404
    assert client.get("/signed/-0.25").data == b"-0.25"
    with app.test_request_context():
        assert flaskcompat.url_for("plain", x=2.5) == "/f/2.5"


def test_path_converter(app, client):
    @app.route("/files/<path:subpath>")
    def files(subpath):
        return subpath

    @app.route("/files/<path:subpath>/edit")
    def edit(subpath):
        return "edit " + subpath

    assert client.get("/files/a/b/c.txt").data == b"a/b/c.txt"
    assert client.get("/files/a/b/edit").data == b"edit a/b"
    assert client.get("/files/").status_code == 404
    with app.test_request_context():
        assert flaskcompat.url_for("files", subpath="x/y z") == "/files/x/y%20z"


def test_any_converter(app, client):
    @app.route("/<any(about, help, 'contact-us'):page>")
    def page(page):
        return page

    assert client.get("/about").data == b"about"
    assert client.get("/contact-us").data == b"contact-us"
    assert client.get("/other").status_code == 404
    with app.test_request_context():
        assert flaskcompat.url_for("page", page="help") == "/help"


def test_uuid_converter(app, client):
    value = uuid.UUID("6ba7b810-9dad-11d1-80b4-00c04fd430c8")

    @app.route("/u/<uuid:ident>")
    def by_uuid(ident):
        assert isinstance(ident, uuid.UUID)
        return str(ident.version)

    assert client.get("/u/%s" % value).data == b"1"
    assert client.get("/u/not-a-uuid").status_code == 404
    with app.test_request_context():
        assert flaskcompat.url_for("by_uuid", ident=value) == "/u/%s" % value


class ListConverter(BaseConverter):
    """``a+b+c`` <-> ``["a", "b", "c"]``; an empty item does not match."""

    def to_python(self, value):
        items = value.split("+")
        if not all(items):
            raise ValidationError()
        return items

    def to_url(self, value):
        return "+".join(BaseConverter.to_url(self, item) for item in value)


def test_custom_converter(app, client):
    app.url_map.converters["list"] = ListConverter

    @app.route("/tags/<list:tags>")
    def tags(tags):
        return "|".join(tags)

    assert client.get("/tags/a+b+c").data == b"a|b|c"
    assert client.get("/tags/a++c").status_code == 404
    with app.test_request_context():
        assert flaskcompat.url_for("tags", tags=["x", "y z"]) == "/tags/x+y%20z"


def test_custom_converter_with_regex(app, client):
    class YearConverter(BaseConverter):
        regex = r"\d{4}"

        def to_python(self, value):
            return int(value)

        def to_url(self, value):
            return "%04d" % value

    app.url_map.converters["year"] = YearConverter

    @app.route("/archive/<year:year>")
    def archive(year):
        return repr(year + 1)

    assert client.get("/archive/2019").data == b"2020"
    assert client.get("/archive/19").status_code == 404
    with app.test_request_context():
        assert flaskcompat.url_for("archive", year=999) == "/archive/0999"


# ---------------------------------------------------------------------------
# Methods, HEAD, OPTIONS
# ---------------------------------------------------------------------------


def test_default_methods(app, client):
    @app.route("/")
    def index():
        return flaskcompat.request.method

    assert client.get("/").data == b"GET"
    rv = client.post("/")
    assert rv.status_code == 405
    assert allowed(rv) == {"GET", "HEAD", "OPTIONS"}
    rule = app.url_map._rules_by_endpoint["index"][0]
    assert rule.methods == {"GET", "HEAD", "OPTIONS"}


def test_explicit_methods(app, client):
    @app.route("/", methods=["get", "post"])
    def index():
        return flaskcompat.request.method

    assert client.get("/").data == b"GET"
    assert client.post("/").data == b"POST"
    rv = client.delete("/")
    assert rv.status_code == 405
    assert allowed(rv) == {"GET", "HEAD", "OPTIONS", "POST"}
    rv = client.put("/")
    assert rv.status_code == 405


def test_methods_split_over_two_views(app, client):
    @app.route("/item", methods=["GET"])
    def read():
        return "read"

    @app.route("/item", methods=["POST"])
    def write():
        return "write"

    assert client.get("/item").data == b"read"
    assert client.post("/item").data == b"write"
    rv = client.patch("/item")
    assert rv.status_code == 405
    assert allowed(rv) == {"GET", "HEAD", "OPTIONS", "POST"}
    rv = client.open("/item", method="OPTIONS")
    assert allowed(rv) == {"GET", "HEAD", "OPTIONS", "POST"}


def test_automatic_head(app, client):
    @app.route("/")
    def index():
        return flaskcompat.Response(
            "body of " + flaskcompat.request.method, headers={"X-Method": "seen"}
        )

    rv = client.head("/")
    assert rv.status_code == 200
    assert rv.data == b""
    assert rv.headers["X-Method"] == "seen"
    assert rv.headers["Content-Length"] == str(len(b"body of HEAD"))


def test_automatic_options(app, client):
    @app.route("/", methods=["GET", "POST"])
    def index():
        return "never called for OPTIONS"

    rv = client.open("/", method="OPTIONS")
    assert rv.status_code == 200
    assert allowed(rv) == {"GET", "HEAD", "OPTIONS", "POST"}
    assert rv.data == b""


def test_automatic_options_can_be_disabled(app, client):
    def index():
        return "x"

    app.add_url_rule("/", "index", index, provide_automatic_options=False)
    rv = client.open("/", method="OPTIONS")
    assert rv.status_code == 405
    assert allowed(rv) == {"GET", "HEAD"}

    def other():
        return "y"

    other.provide_automatic_options = False
    other.methods = ["GET", "OPTIONS"]
    app.add_url_rule("/other", "other", other)
    rv = client.open("/other", method="OPTIONS")
    assert rv.status_code == 200
    assert rv.data == b"y"


def test_view_handles_options_itself(app, client):
    @app.route("/", methods=["GET", "OPTIONS"])
    def index():
        if flaskcompat.request.method == "OPTIONS":
            return "custom options", 200, {"Allow": "GET"}
        return "get"

    rv = client.open("/", method="OPTIONS")
    assert rv.data == b"custom options"
    assert rv.headers["Allow"] == "GET"


def test_required_methods_attribute(app, client):
    def view():
        return flaskcompat.request.method

    view.required_methods = ["POST"]
    app.add_url_rule("/", "view", view, methods=["GET"])
    assert client.post("/").data == b"POST"


def test_405_for_view_without_head_handler_of_post(app, client):
    @app.route("/submit", methods=["POST"])
    def submit():
        return "ok"

    rv = client.get("/submit")
    assert rv.status_code == 405
    assert allowed(rv) == {"POST", "OPTIONS"}
    rv = client.head("/submit")
    assert rv.status_code == 405


# ---------------------------------------------------------------------------
# Strict slashes: 308 and an absolute Location on every Werkzeug
# ---------------------------------------------------------------------------


def test_strict_slash_redirect(app, client):
    @app.route("/dir/")
    def directory():
        return "directory"

    rv = client.get("/dir")
    assert rv.status_code == 308
    assert rv.headers["Location"] == "http://localhost/dir/"
    assert client.get("/dir/").data == b"directory"


def test_strict_slash_redirect_keeps_query_string(app, client):
    @app.route("/dir/")
    def directory():
        return flaskcompat.request.args["q"]

    rv = client.get("/dir?q=%C3%BC")
    assert rv.status_code == 308
    assert rv.headers["Location"] == "http://localhost/dir/?q=%C3%BC"
    rv = client.get("/dir?q=%C3%BC", follow_redirects=True)
    assert rv.data == "ü".encode("utf-8")


def test_strict_slash_redirect_for_post_keeps_method_and_body(app, client):
    @app.route("/dir/", methods=["POST"])
    def directory():
        return flaskcompat.request.method + " " + flaskcompat.request.form["k"]

    rv = client.post("/dir", data={"k": "v"})
    assert rv.status_code == 308
    rv = client.post("/dir", data={"k": "v"}, follow_redirects=True)
    assert rv.data == b"POST v"


def test_strict_slash_post_in_debug_explains(app, client):
    app.debug = True
    app.config["PRESERVE_CONTEXT_ON_EXCEPTION"] = False

    @app.route("/dir/", methods=["POST"])
    def directory():
        return "x"

    with pytest.raises(AssertionError) as excinfo:
        client.post("/dir", data={"k": "v"})
    text = str(excinfo.value)
    assert "The URL was defined with a trailing slash" in text
    assert "POST" in text


def test_no_slash_rule_does_not_match_with_slash(app, client):
    @app.route("/file")
    def a_file():
        return "file"

    assert client.get("/file").data == b"file"
    assert client.get("/file/").status_code == 404


def test_strict_slashes_false(app, client):
    @app.route("/loose/", strict_slashes=False)
    def loose():
        return "loose"

    assert client.get("/loose").data == b"loose"
    assert client.get("/loose/").data == b"loose"


def test_redirect_to_defaults(app, client):
    @app.route("/page/", defaults={"n": 1})
    @app.route("/page/<int:n>")
    def page(n):
        return str(n)

    rv = client.get("/page/1")
    assert rv.status_code == 308
    assert rv.headers["Location"] == "http://localhost/page/"
    assert client.get("/page/2").data == b"2"


def test_redirect_to_rule_option(app, client):
    app.add_url_rule("/old/<int:n>", "old", redirect_to="/new/<n>")

    @app.route("/new/<int:n>")
    def new(n):
        return str(n)

    rv = client.get("/old/3")
    assert rv.status_code == 308
    assert rv.headers["Location"] == "http://localhost/new/3"


# ---------------------------------------------------------------------------
# Edge cases that behave the same on every Werkzeug release
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status", "result"),
    [
        ("/a//b", 308, "http://localhost/a/b"),
        ("/dir//", 308, "http://localhost/dir/"),
        ("/files//a", 308, "http://localhost/files/a"),
        ("/files/a//b", 200, "files:a//b"),
        ("/files/a/b/", 200, "files:a/b/"),
        ("/files/..", 200, "files:.."),
        ("/files/a/../b", 200, "files:a/../b"),
        ("/i/007", 200, "i:7"),
        ("/i/+5", 404, None),
        ("/i/1_000", 404, None),
        ("/s/a%2Fb", 404, None),
        ("//a/b", 404, None),
        ("/a/b/", 404, None),
        ("/A/B", 404, None),
    ],
)
def test_routing_edge_cases(app, client, path, status, result):
    @app.route("/files/<path:p>")
    def files(p):
        return "files:" + p

    @app.route("/a/b")
    def ab():
        return "ab"

    @app.route("/dir/")
    def directory():
        return "dir"

    @app.route("/i/<int:n>")
    def integer(n):
        return "i:%d" % n

    @app.route("/s/<s>")
    def string(s):
        return "s:" + s

    rv = client.get(path)
    assert rv.status_code == status
    if status == 308:
        assert rv.headers["Location"] == result
    elif status == 200:
        assert rv.data.decode("utf-8") == result


# ---------------------------------------------------------------------------
# Host matching and subdomains
# ---------------------------------------------------------------------------


def test_host_matching():
    import os

    app = flaskcompat.Flask(
        "flask_test",
        root_path=os.path.dirname(os.path.abspath(__file__)),
        host_matching=True,
        static_host="static.example",
    )
    app.testing = True

    @app.route("/", host="a.example")
    def a():
        return "a " + flaskcompat.url_for("b", _external=True)

    @app.route("/", host="b.example")
    def b():
        return "b " + flaskcompat.url_for("a") + " " + flaskcompat.url_for(
            "static", filename="style.css"
        )

    @app.route("/u/<name>", host="<user>.users.example")
    def user(user, name):
        return user + ":" + name

    client = app.test_client()
    assert client.get("/", base_url="http://a.example/").data == (
        b"a http://b.example/"
    )
    assert client.get("/", base_url="http://b.example/").data == (
        b"b http://a.example/ http://static.example/static/style.css"
    )
    assert client.get("/", base_url="http://c.example/").status_code == 404
    assert client.get("/u/x", base_url="http://ann.users.example/").data == b"ann:x"
    rv = client.get("/static/style.css", base_url="http://static.example/")
    assert rv.status_code == 200
    rv.close()


def test_host_matching_needs_static_host():
    with pytest.raises(AssertionError):
        flaskcompat.Flask("flask_test", host_matching=True)


def test_subdomain_matching(app, client):
    app.config["SERVER_NAME"] = "example.com"
    app.subdomain_matching = True

    @app.route("/", subdomain="<user>")
    def profile(user):
        return user + " " + flaskcompat.url_for("profile", user="bob", _external=True)

    rv = client.get("/", base_url="http://ann.example.com/")
    assert rv.data == b"ann http://bob.example.com/"
    with app.app_context():
        assert flaskcompat.url_for("profile", user="x") == "http://x.example.com/"


PRECEDENCE_RULES = [
    ("/<a>/b", "var_static"),
    ("/x/<c>", "static_var"),
    ("/<path:p>", "path_all"),
    ("/x/<int:n>", "static_int"),
    ("/x/y", "static_static"),
    ("/<a>/<b>", "var_var"),
    ("/files/<path:p>/edit", "path_edit"),
    ("/files/<name>", "files_name"),
    ("/p/<path:p>", "p_path"),
    ("/p/<int:n>", "p_int"),
    ("/u/<string(length=2):code>", "u_len2"),
    ("/u/<code>", "u_any"),
    ("/f/<float:x>", "f_float"),
    ("/f/<int:x>", "f_int"),
    ("/f/<x>", "f_str"),
]


@pytest.mark.parametrize(
    ("path", "endpoint"),
    [
        ("/x/b", "static_var"),
        ("/x/y", "static_static"),
        ("/x/5", "static_int"),
        ("/q/b", "var_static"),
        ("/q/r", "var_var"),
        ("/a/b/c", "path_all"),
        ("/x", "path_all"),
        ("/files/a", "files_name"),
        ("/files/a/edit", "path_edit"),
        ("/files/a/b/edit", "path_edit"),
        ("/p/5", "p_int"),
        ("/p/a/5", "p_path"),
        ("/u/de", "u_len2"),
        ("/u/deu", "u_any"),
        ("/f/1.5", "f_float"),
        ("/f/15", "f_int"),
        ("/f/a", "f_str"),
    ],
)
def test_overlapping_rules_match_the_same_endpoint_everywhere(
    app, client, path, endpoint
):
    # Werkzeug's router was rewritten in 2.2; an application whose rules
    # overlap must still dispatch each URL to the same view.
    for rule, name in PRECEDENCE_RULES:
        app.add_url_rule(rule, name, lambda **kwargs: flaskcompat.request.endpoint)
    assert client.get(path).data.decode("ascii") == endpoint
