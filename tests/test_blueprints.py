# -*- coding: utf-8 -*-
"""Blueprints: URL prefixes and endpoint names, hooks, error handlers,
templates and static files, registration options, nesting."""
from __future__ import unicode_literals

import os

import jinja2
import pytest
from werkzeug.routing import BuildError

import flaskcompat
from flaskcompat import Blueprint
from flaskcompat import g
from flaskcompat import request
from flaskcompat import url_for

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))


def body(client, path, **kw):
    return client.get(path, **kw).data.decode("utf-8")


def build(app, endpoint, **values):
    """url_for as it answers inside a request to the app's root."""
    ctx = app.test_request_context("/")
    ctx.push()
    try:
        return url_for(endpoint, **values)
    finally:
        ctx.pop()


# -- URLs and endpoints ------------------------------------------------------------


def test_endpoints_are_named_after_the_blueprint(app, client):
    store = Blueprint("store", __name__, url_prefix="/store")

    @store.route("/")
    def listing():
        return " ".join([request.blueprint, request.endpoint, url_for(".product", pid=3)])

    @store.route("/p/<int:pid>")
    def product(pid):
        return "%s|%s" % (url_for("store.listing"), url_for(".product", pid=pid * 2))

    @app.route("/")
    def front():
        return "%s|%s" % (request.blueprint, url_for("store.product", pid=9))

    app.register_blueprint(store)
    assert body(client, "/store/") == "store store.listing /store/p/3"
    assert body(client, "/store/p/4") == "/store/|/store/p/8"
    assert body(client, "/") == "None|/store/p/9"
    assert set(["store.listing", "store.product", "front"]) <= set(app.view_functions)
    assert app.blueprints == {"store": store}


@pytest.mark.parametrize(
    ("prefix", "rule", "expected"),
    [
        (None, "/page", "/page"),
        ("/base", "/page", "/base/page"),
        ("/base/", "/page", "/base/page"),
        ("/base", "page", "/base/page"),
        ("/base", "", "/base"),
        ("/base/", "", "/base/"),
    ],
)
def test_prefix_and_rule_are_joined_with_one_slash(app, client, prefix, rule, expected):
    joined = Blueprint("joined", __name__, url_prefix=prefix)
    joined.add_url_rule(rule, "page", lambda: "reached")
    app.register_blueprint(joined)
    built = build(app, "joined.page")
    assert (built, body(client, expected)) == (expected, "reached")


def test_prefix_given_at_registration_wins(app, client):
    moved = Blueprint("moved", __name__, url_prefix="/old")
    moved.add_url_rule("/here", "here", lambda: "found")
    app.register_blueprint(moved, url_prefix="/new")
    assert client.get("/new/here").data == b"found"
    assert client.get("/old/here").status_code == 404


def test_url_defaults_given_at_registration_win(app, client):
    greeter = Blueprint("greeter", __name__, url_defaults={"lang": "en", "punct": "."})

    @greeter.route("/hello")
    def hello(lang, punct):
        return lang + punct

    app.register_blueprint(greeter, url_prefix="/fr", url_defaults={"lang": "fr"})
    assert body(client, "/fr/hello") == "fr."


def test_relative_endpoint_needs_a_blueprint_request(app):
    rel = Blueprint("rel", __name__)
    rel.add_url_rule("/inside", "inside", lambda: "")
    app.add_url_rule("/outside", "outside", lambda: "")
    app.register_blueprint(rel)

    with app.test_request_context("/outside"):
        pytest.raises(BuildError, url_for, ".inside")
    with app.test_request_context("/inside"):
        assert url_for(".inside") == "/inside"


def test_add_url_rule_and_endpoint_decorator(app, client):
    manual = Blueprint("manual", __name__, url_prefix="/m")
    manual.add_url_rule("/direct", "direct", lambda: "direct view")
    manual.add_url_rule("/deferred", "deferred")

    @manual.endpoint("manual.deferred")
    def deferred():
        return "deferred view"

    app.register_blueprint(manual)
    assert [body(client, "/m/direct"), body(client, "/m/deferred")] == [
        "direct view",
        "deferred view",
    ]


def test_dots_in_endpoint_or_view_name_are_refused():
    strict = Blueprint("strict", __name__)
    pytest.raises(AssertionError, strict.add_url_rule, "/one", "x.y", lambda: "")

    def view():
        return ""

    view.__name__ = str("has.dot")
    pytest.raises(AssertionError, strict.add_url_rule, "/two", view_func=view)


def test_unmatched_url_under_a_prefix_has_no_blueprint(app, client):
    pref = Blueprint("pref", __name__, url_prefix="/pref")
    pref.add_url_rule("/", "root", lambda: "")
    app.register_error_handler(404, lambda e: ("bp=%s" % request.blueprint, 404))
    app.register_blueprint(pref)
    assert body(client, "/pref/nothing-here") == "bp=None"


# -- request hooks and processors ----------------------------------------------------


def test_hook_order_for_blueprint_and_app_views(app, client):
    log = []
    hooks = Blueprint("hooks", __name__, url_prefix="/h")

    def note(label, passthrough=False):
        def hook(*args):
            log.append(label)
            return args[0] if passthrough else None

        return hook

    hooks.before_app_first_request(note("first-request"))
    hooks.before_app_request(note("app-before"))
    hooks.before_request(note("bp-before"))
    hooks.after_request(note("bp-after", passthrough=True))
    hooks.after_app_request(note("app-after", passthrough=True))
    hooks.teardown_request(note("bp-teardown"))
    hooks.teardown_app_request(note("app-teardown"))
    hooks.add_url_rule("/", "view", lambda: log.append("bp-view") or "")
    app.add_url_rule("/", "home", lambda: log.append("app-view") or "")
    app.register_blueprint(hooks)

    client.get("/h/")
    on_bp = list(log)
    del log[:]
    client.get("/")
    assert on_bp == [
        "first-request",
        "app-before",
        "bp-before",
        "bp-view",
        "bp-after",
        "app-after",
        "app-teardown",
        "bp-teardown",
    ]
    assert log == ["app-before", "app-view", "app-after", "app-teardown"]


def test_blueprint_before_request_can_answer_for_its_views_only(app, client):
    private = Blueprint("private", __name__, url_prefix="/private")
    private.before_request(lambda: ("keep out", 403))
    private.add_url_rule("/", "secret", lambda: "secret")
    app.add_url_rule("/", "public", lambda: "public")
    app.register_blueprint(private)

    blocked = client.get("/private/")
    assert (blocked.status_code, blocked.data) == (403, b"keep out")
    assert client.get("/").data == b"public"


def test_blueprint_url_processors_move_a_prefix_value_into_g(app, client):
    loc = Blueprint("loc", __name__, url_prefix="/<locale>")

    @loc.url_value_preprocessor
    def take_locale(endpoint, values):
        g.locale = values.pop("locale")

    @loc.url_defaults
    def give_locale(endpoint, values):
        values.setdefault("locale", g.locale)

    loc.add_url_rule("/", "start", lambda: url_for(".info"))
    loc.add_url_rule("/info", "info", lambda: g.locale)
    app.register_blueprint(loc)
    assert [body(client, "/eo/"), body(client, "/nl/info")] == ["/eo/info", "nl"]


def test_app_wide_url_processors_from_a_blueprint(app, client):
    ext = Blueprint("versioning", __name__)

    @ext.app_url_value_preprocessor
    def take_version(endpoint, values):
        g.api = (values or {}).pop("api", None)

    @ext.app_url_defaults
    def give_version(endpoint, values):
        if app.url_map.is_endpoint_expecting(endpoint, "api"):
            values.setdefault("api", "v1")

    app.add_url_rule("/<api>/items", "items", lambda: "%s %s" % (g.api, url_for("items")))
    app.register_blueprint(ext)
    assert body(client, "/v3/items") == "v3 /v1/items"


def test_context_processors_scope(app):
    ctxp = Blueprint("ctxp", __name__)
    ctxp.context_processor(lambda: {"where": "bp"})
    ctxp.app_context_processor(lambda: {"always": "on"})
    ctxp.add_url_rule("/in", "in", lambda: "")
    app.add_url_rule("/out", "out", lambda: "")
    app.register_blueprint(ctxp)

    src = "{{ where | default('app') }}/{{ always }}"
    rendered = []
    for path in ("/in", "/out"):
        with app.test_request_context(path):
            rendered.append(flaskcompat.render_template_string(src))
    assert rendered == ["bp/on", "app/on"]


def test_template_filters_tests_and_globals_from_a_blueprint(app, app_ctx):
    jinja_bits = Blueprint("jinja_bits", __name__)

    @jinja_bits.app_template_filter()
    def backwards(text):
        return text[::-1]

    @jinja_bits.app_template_filter("loud")
    def make_loud(text):
        return text.upper()

    @jinja_bits.app_template_test()
    def tiny(text):
        return len(text) < 3

    @jinja_bits.app_template_test("even")
    def is_even(n):
        return n % 2 == 0

    @jinja_bits.app_template_global()
    def magic():
        return 7

    jinja_bits.add_app_template_filter(lambda text: text + "?", "ask")
    jinja_bits.add_app_template_test(lambda n: n > 100, "huge")
    jinja_bits.add_app_template_global(lambda: "hi", "greet")
    app.register_blueprint(jinja_bits)

    out = flaskcompat.render_template_string(
        "{{ 'xyz'|backwards }} {{ 'q'|loud }} {{ 'ab' is tiny }} {{ 4 is even }}"
        " {{ magic() }} {{ 'ok'|ask }} {{ 5 is huge }} {{ greet() }}"
    )
    assert out == "zyx Q True True 7 ok? False hi"


# -- error handlers ------------------------------------------------------------------------


class ShelfError(Exception):
    pass


def test_blueprint_handlers_cover_blueprint_views(app, client):
    shelf = Blueprint("shelf", __name__, url_prefix="/shelf")
    shelf.register_error_handler(404, lambda e: ("shelf says 404", 404))
    shelf.register_error_handler(ShelfError, lambda e: ("shelf error", 500))

    @shelf.route("/gone")
    def shelf_gone():
        flaskcompat.abort(404)

    @shelf.route("/broken")
    def shelf_broken():
        raise ShelfError()

    app.register_error_handler(404, lambda e: ("app says 404", 404))

    @app.route("/gone")
    def app_gone():
        flaskcompat.abort(404)

    @app.route("/broken")
    def app_broken():
        raise ShelfError()

    app.register_blueprint(shelf)
    assert [body(client, p) for p in ("/shelf/gone", "/shelf/broken", "/gone")] == [
        "shelf says 404",
        "shelf error",
        "app says 404",
    ]
    # An unmatched URL belongs to no blueprint, whatever its prefix.
    assert body(client, "/shelf/nope") == "app says 404"
    pytest.raises(ShelfError, client.get, "/broken")


def test_errorhandler_decorator_on_a_blueprint(app, client):
    deco = Blueprint("deco", __name__)

    @deco.errorhandler(403)
    def refuse(error):
        return "deco forbids", 403

    deco.add_url_rule("/", "guarded", lambda: flaskcompat.abort(403))
    app.register_blueprint(deco)
    assert body(client, "/") == "deco forbids"


def test_app_errorhandler_from_a_blueprint_is_global(app, client):
    global_handlers = Blueprint("global_handlers", __name__)

    @global_handlers.app_errorhandler(404)
    def everywhere_404(error):
        return "global 404", 404

    @global_handlers.app_errorhandler(ShelfError)
    def everywhere_shelf(error):
        return "global shelf", 500

    @app.route("/raise")
    def raiser():
        raise ShelfError()

    app.register_blueprint(global_handlers)
    assert [body(client, "/unknown"), body(client, "/raise")] == [
        "global 404",
        "global shelf",
    ]


def test_specific_blueprint_handler_beats_generic_app_handler(app, client):
    math_bp = Blueprint("math", __name__)
    app.register_error_handler(Exception, lambda e: ("app generic", 500))
    math_bp.register_error_handler(ArithmeticError, lambda e: ("bp arithmetic", 500))

    @math_bp.route("/div")
    def div():
        return "%d" % (1 // 0)

    @math_bp.route("/lookup")
    def lookup():
        return {}["nothing"]

    app.register_blueprint(math_bp)
    assert [body(client, "/div"), body(client, "/lookup")] == [
        "bp arithmetic",
        "app generic",
    ]


# -- templates and static files ------------------------------------------------------------------


def test_app_templates_shadow_blueprint_templates(app, app_ctx, tmpdir):
    folder = tmpdir.mkdir("bp_tpl")
    folder.join("bp_own.html").write_text("own {{ value }}", "utf-8")
    folder.join("layout.html").write_text("blueprint layout", "utf-8")
    tpl = Blueprint("tpl", __name__, root_path=str(tmpdir), template_folder="bp_tpl")
    app.register_blueprint(tpl)

    assert flaskcompat.render_template("bp_own.html", value="<&>") == "own &lt;&amp;&gt;"
    assert flaskcompat.render_template("layout.html") == "<title>default</title>"
    assert "bp_own.html" in app.jinja_env.list_templates()


def test_blueprint_static_folder_gets_its_own_route(app, client, tmpdir):
    tmpdir.mkdir("bp_assets").join("site.css").write_binary(b"p { }")
    look = Blueprint(
        "look",
        __name__,
        root_path=str(tmpdir),
        static_folder="bp_assets",
        url_prefix="/look",
    )
    app.register_blueprint(look)
    resp = client.get("/look/bp_assets/site.css")
    got = (resp.data, resp.mimetype)
    resp.close()
    link = build(app, "look.static", filename="site.css")
    assert got == (b"p { }", "text/css")
    assert link == "/look/bp_assets/site.css"


def test_blueprint_static_url_path(app, client, tmpdir):
    tmpdir.mkdir("raw").join("note.txt").write_binary(b"note")
    files = Blueprint(
        "files",
        __name__,
        root_path=str(tmpdir),
        static_folder="raw",
        static_url_path="/pub",
        url_prefix="/f",
    )
    app.register_blueprint(files)
    resp = client.get("/f/pub/note.txt")
    data = resp.data
    resp.close()
    assert data == b"note"


def test_blueprint_without_static_folder_has_no_static_endpoint(app):
    app.register_blueprint(Blueprint("plain", __name__))
    assert "plain.static" not in app.view_functions


# -- registration ------------------------------------------------------------------------------------


def test_one_blueprint_under_two_prefixes(app, client):
    once_calls = []
    twice = Blueprint("twice", __name__)
    twice.record_once(lambda state: once_calls.append(state.url_prefix))
    twice.add_url_rule("/where", "where", lambda: request.path)

    app.register_blueprint(twice, url_prefix="/x")
    app.register_blueprint(twice, url_prefix="/y")
    assert [body(client, "/x/where"), body(client, "/y/where")] == ["/x/where", "/y/where"]
    assert once_calls == ["/x"]
    assert list(app.iter_blueprints()) == [twice]
    # The shared endpoint builds from the first registration.
    assert build(app, "twice.where") == "/x/where"


def test_name_option_gives_a_second_registration_its_own_namespace(app, client):
    orig = Blueprint("orig", __name__)
    names = []
    orig.record(lambda state: names.append(state.name))
    orig.add_url_rule("/ep", "ep", lambda: request.endpoint)
    orig.add_url_rule("/lost", "lost", lambda: flaskcompat.abort(404))
    orig.register_error_handler(404, lambda e: ("404 in " + request.blueprint, 404))

    app.register_blueprint(orig, url_prefix="/a")
    app.register_blueprint(orig, url_prefix="/b", name="alias")

    assert names == ["orig", "alias"]
    assert [body(client, "/a/ep"), body(client, "/b/ep")] == ["orig.ep", "alias.ep"]
    assert body(client, "/b/lost") == "404 in alias"
    assert (app.blueprints["orig"], app.blueprints["alias"]) == (orig, orig)
    assert [build(app, "orig.ep"), build(app, "alias.ep")] == ["/a/ep", "/b/ep"]


def test_distinct_blueprints_may_not_share_a_name(app):
    winner = Blueprint("same", __name__)
    loser = Blueprint("same", __name__)
    app.register_blueprint(winner)
    with pytest.raises(AssertionError) as caught:
        app.register_blueprint(loser)
    assert "A name collision occurred between blueprints" in str(caught.value)
    assert app.blueprints["same"] is winner


def test_iter_blueprints_follows_registration_order(app):
    names = ["zeta", "alpha", "mid"]
    made = [Blueprint(n, __name__) for n in names]
    for each in made:
        app.register_blueprint(each)
    assert list(app.iter_blueprints()) == made


def test_record_callbacks_receive_the_setup_state(app):
    states = []
    rec = Blueprint("rec", __name__, url_prefix="/r", subdomain="api")
    rec.record(states.append)
    app.register_blueprint(rec, extra="yes")
    (state,) = states
    assert (state.app, state.blueprint) == (app, rec)
    assert state.first_registration is True
    assert (state.url_prefix, state.subdomain) == ("/r", "api")
    assert state.options == {"extra": "yes"}


def test_subdomain_blueprint():
    host_app = flaskcompat.Flask("flask_test", root_path=TESTS_DIR, subdomain_matching=True)
    host_app.config.update(SERVER_NAME="example.test", TESTING=True)
    api = Blueprint("api", __name__, subdomain="api")
    api.add_url_rule("/", "root", lambda: "api root")
    host_app.add_url_rule("/", "root", lambda: "main root")
    host_app.register_blueprint(api)

    tester = host_app.test_client()
    assert body(tester, "/", base_url="http://api.example.test/") == "api root"
    assert body(tester, "/", base_url="http://example.test/") == "main root"
    with host_app.app_context():
        assert url_for("api.root") == "http://api.example.test/"


# -- a packaged application on sys.path ---------------------------------------------------------------


def test_packaged_blueprints_find_their_templates(test_apps):
    from blueprintapp import app as packaged

    tester = packaged.test_client()
    pages = [body(tester, p) for p in ("/", "/admin/", "/admin/index2")]
    assert pages == [
        "Hello from the Frontend",
        "Hello from the Admin",
        "Hello from the Admin",
    ]


def test_packaged_blueprint_static_files(test_apps):
    from blueprintapp import app as packaged

    tester = packaged.test_client()
    txt = tester.get("/admin/static/test.txt")
    css = tester.get("/admin/static/css/test.css")
    got = [txt.data.strip(), css.data.strip(), css.mimetype]
    txt.close()
    css.close()
    assert got == [b"Admin File", b"/* nested file */", "text/css"]
    assert build(packaged, "admin.static", filename="test.txt") == "/admin/static/test.txt"


def test_packaged_missing_template_names_the_file(test_apps):
    from blueprintapp import app as packaged

    packaged.testing = True
    with pytest.raises(jinja2.TemplateNotFound) as caught:
        packaged.test_client().get("/missing")
    assert caught.value.name == "missing_template.html"


def test_module_app_root_path(test_apps):
    from helloworld import app as single

    assert single.root_path == os.path.join(TESTS_DIR, "test_apps")
    assert single.name == "helloworld"
    assert body(single.test_client(), "/") == "Hello World!"


def test_package_app_and_blueprint_root_paths(test_apps):
    from blueprintapp import app as packaged
    from blueprintapp.apps.admin import admin

    package_dir = os.path.join(TESTS_DIR, "test_apps", "blueprintapp")
    assert packaged.root_path == package_dir
    assert admin.root_path == os.path.join(package_dir, "apps", "admin")
    assert admin.static_folder == os.path.join(package_dir, "apps", "admin", "static")


# -- nesting ------------------------------------------------------------------------------------------


def test_nested_blueprints_share_hooks_handlers_and_names(app, client):
    outer = Blueprint("outer", __name__, url_prefix="/o")
    middle = Blueprint("middle", __name__, url_prefix="/m")
    inner = Blueprint("inner", __name__)
    trail = []

    outer.before_request(lambda: trail.append("outer-before"))
    middle.before_request(lambda: trail.append("middle-before"))
    middle.after_request(lambda r: trail.append("middle-after") or r)
    outer.after_request(lambda r: trail.append("outer-after") or r)
    outer.register_error_handler(403, lambda e: ("outer caught " + request.blueprint, 403))

    middle.add_url_rule(
        "/", "where", lambda: "%s|%s" % (request.blueprint, ",".join(request.blueprints))
    )
    inner.add_url_rule("/deep", "deep", lambda: flaskcompat.abort(403))

    middle.register_blueprint(inner, url_prefix="/i")
    outer.register_blueprint(middle)
    app.register_blueprint(outer)

    assert body(client, "/o/m/") == "outer.middle|outer.middle,outer"
    assert trail == ["outer-before", "middle-before", "middle-after", "outer-after"]
    assert body(client, "/o/m/i/deep") == "outer caught outer.middle.inner"
    assert app.blueprints["outer.middle.inner"] is inner
    assert build(app, "outer.middle.where") == "/o/m/"
    assert build(app, "outer.middle.inner.deep") == "/o/m/i/deep"


def test_a_blueprint_cannot_contain_itself():
    loop = Blueprint("loop", __name__)
    pytest.raises(ValueError, loop.register_blueprint, loop)


@pytest.mark.parametrize(
    "outer, inner, outer_option, inner_option, expected",
    [
        ("api", "v1", None, None, "v1.api"),
        ("api", None, None, None, "api"),
        (None, "v1", None, None, "v1"),
        ("api", "v1", "web", None, "v1.web"),
        ("api", "v1", None, "v2", "v2.api"),
        (None, None, "web", None, "web"),
        (None, None, None, None, ""),
    ],
)
def test_nested_blueprint_subdomain_sits_under_its_parents(
    outer, inner, outer_option, inner_option, expected
):
    # Flask 2.3+: the nested blueprint's own subdomain (or the one it is
    # registered with) is joined to the parent's, which it inherits alone.
    site = flaskcompat.Flask(__name__)
    site.config["SERVER_NAME"] = "shop.test"
    parent = Blueprint("parent", __name__, subdomain=outer)
    child = Blueprint("child", __name__, subdomain=inner)

    @child.route("/ping")
    def ping():
        return url_for("parent.child.ping", _external=True)

    parent.register_blueprint(
        child, **({} if inner_option is None else {"subdomain": inner_option})
    )
    site.register_blueprint(
        parent, **({} if outer_option is None else {"subdomain": outer_option})
    )
    (rule,) = [r for r in site.url_map.iter_rules() if r.endpoint == "parent.child.ping"]
    assert rule.subdomain == expected
    host = expected + ".shop.test" if expected else "shop.test"
    answer = site.test_client().get("/ping", base_url="http://%s/" % host)
    assert answer.status_code == 200
    assert answer.data == ("http://%s/ping" % host).encode("ascii")


def test_grandchild_blueprint_subdomain_joins_every_level():
    site = flaskcompat.Flask(__name__)
    site.config["SERVER_NAME"] = "shop.test"
    outer = Blueprint("outer", __name__, subdomain="api")
    middle = Blueprint("middle", __name__)
    inner = Blueprint("inner", __name__, subdomain="v1")

    @inner.route("/deep")
    def deep():
        return "deep"

    middle.register_blueprint(inner)
    outer.register_blueprint(middle)
    site.register_blueprint(outer)
    answer = site.test_client().get("/deep", base_url="http://v1.api.shop.test/")
    assert (answer.status_code, answer.data) == (200, b"deep")
