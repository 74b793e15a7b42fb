# -*- coding: utf-8 -*-
"""Blueprints: prefixes, endpoints, relative url_for, hooks, error
handlers, templates, static files, registration rules."""
from __future__ import unicode_literals

import pytest

import flaskcompat
from flaskcompat import Blueprint
from flaskcompat import request
from flaskcompat import url_for


def test_url_prefix_and_endpoints(app, client):
    bp = Blueprint("shop", __name__, url_prefix="/shop")

    @bp.route("/")
    def index():
        return "%s %s %s" % (request.blueprint, request.endpoint, url_for(".item", n=2))

    @bp.route("/item/<int:n>")
    def item(n):
        return url_for("shop.index") + " " + url_for(".item", n=n + 1)

    @app.route("/")
    def home():
        return "%r %s" % (request.blueprint, url_for("shop.item", n=1))

    app.register_blueprint(bp)
    assert client.get("/shop/").data == b"shop shop.index /shop/item/2"
    assert client.get("/shop/item/5").data == b"/shop/ /shop/item/6"
    assert client.get("/").data == b"None /shop/item/1"
    assert "shop.index" in app.view_functions
    assert app.blueprints == {"shop": bp}


@pytest.mark.parametrize(
    ("prefix", "rule", "url"),
    [
        ("/pre", "/x", "/pre/x"),
        ("/pre/", "/x", "/pre/x"),
        ("/pre", "x", "/pre/x"),
        ("/pre/", "", "/pre/"),
        ("/pre", "", "/pre"),
        (None, "/x", "/x"),
    ],
)
def test_url_prefix_joining(app, client, prefix, rule, url):
    bp = Blueprint("bp", __name__, url_prefix=prefix)

    @bp.route(rule)
    def view():
        return "ok"

    app.register_blueprint(bp)
    with app.test_request_context():
        assert url_for("bp.view") == url
    assert client.get(url).data == b"ok"


def test_register_option_overrides_prefix(app, client):
    bp = Blueprint("bp", __name__, url_prefix="/default")

    @bp.route("/x")
    def x():
        return "x"

    app.register_blueprint(bp, url_prefix="/override")
    assert client.get("/override/x").data == b"x"
    assert client.get("/default/x").status_code == 404


def test_url_defaults_option(app, client):
    bp = Blueprint("bp", __name__, url_defaults={"lang": "en"})

    @bp.route("/greet")
    def greet(lang):
        return lang

    app.register_blueprint(bp, url_prefix="/de", url_defaults={"lang": "de"})
    assert client.get("/de/greet").data == b"de"


def test_relative_url_for_outside_blueprint_view(app):
    bp = Blueprint("bp", __name__)

    @bp.route("/bp")
    def index():
        return ""

    @app.route("/")
    def index_app():
        return ""

    app.register_blueprint(bp)
    with app.test_request_context("/"):
        with pytest.raises(Exception):
            url_for(".missing")
    with app.test_request_context("/bp"):
        assert url_for(".index") == "/bp"


def test_add_url_rule_and_endpoint(app, client):
    bp = Blueprint("bp", __name__, url_prefix="/bp")

    def view():
        return "added"

    bp.add_url_rule("/added", "added", view)
    bp.add_url_rule("/later", "later")

    @bp.endpoint("bp.later")
    def later():
        return "later"

    app.register_blueprint(bp)
    assert client.get("/bp/added").data == b"added"
    assert client.get("/bp/later").data == b"later"


def test_dotted_names_are_refused(app):
    bp = Blueprint("bp", __name__)
    with pytest.raises(AssertionError):
        bp.add_url_rule("/a", "a.b", lambda: "")

    def view():
        return ""

    view.__name__ = str("dotted.name")
    with pytest.raises(AssertionError):
        bp.add_url_rule("/b", view_func=view)


def test_request_blueprint_for_routing_failure(app, client):
    bp = Blueprint("bp", __name__, url_prefix="/bp")

    @bp.route("/")
    def index():
        return ""

    @app.errorhandler(404)
    def not_found(e):
        return repr(request.blueprint), 404

    app.register_blueprint(bp)
    assert client.get("/bp/missing").data == b"None"


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------


def test_blueprint_hooks(app, client):
    calls = []
    bp = Blueprint("bp", __name__, url_prefix="/bp")

    @bp.before_request
    def bp_before():
        calls.append("bp_before")

    @bp.before_app_request
    def app_before():
        calls.append("app_before")

    @bp.after_request
    def bp_after(response):
        calls.append("bp_after")
        return response

    @bp.after_app_request
    def app_after(response):
        calls.append("app_after")
        return response

    @bp.teardown_request
    def bp_teardown(exc):
        calls.append("bp_teardown")

    @bp.teardown_app_request
    def app_teardown(exc):
        calls.append("app_teardown")

    @bp.before_app_first_request
    def first():
        calls.append("first")

    @bp.route("/")
    def bp_index():
        calls.append("bp_view")
        return ""

    @app.route("/")
    def index():
        calls.append("app_view")
        return ""

    app.register_blueprint(bp)
    client.get("/bp/")
    assert calls == [
        "first",
        "app_before",
        "bp_before",
        "bp_view",
        "bp_after",
        "app_after",
        "app_teardown",
        "bp_teardown",
    ]
    del calls[:]
    client.get("/")
    assert calls == ["app_before", "app_view", "app_after", "app_teardown"]


def test_blueprint_before_request_short_circuits(app, client):
    bp = Blueprint("admin", __name__, url_prefix="/admin")

    @bp.before_request
    def deny():
        return "denied", 403

    @bp.route("/")
    def index():
        return "admin"

    @app.route("/")
    def home():
        return "home"

    app.register_blueprint(bp)
    assert client.get("/admin/").status_code == 403
    assert client.get("/").data == b"home"


def test_blueprint_url_processors(app, client):
    bp = Blueprint("lang", __name__, url_prefix="/<lang_code>")

    @bp.url_defaults
    def add_language_code(endpoint, values):
        values.setdefault("lang_code", flaskcompat.g.lang_code)

    @bp.url_value_preprocessor
    def pull_lang_code(endpoint, values):
        flaskcompat.g.lang_code = values.pop("lang_code")

    @bp.route("/")
    def index():
        return url_for(".about")

    @bp.route("/about")
    def about():
        return flaskcompat.g.lang_code

    app.register_blueprint(bp)
    assert client.get("/de/").data == b"/de/about"
    assert client.get("/fr/about").data == b"fr"


def test_blueprint_app_url_processors(app, client):
    bp = Blueprint("bp", __name__)

    @bp.app_url_defaults
    def add_version(endpoint, values):
        if app.url_map.is_endpoint_expecting(endpoint, "version"):
            values.setdefault("version", "v1")

    @bp.app_url_value_preprocessor
    def pull_version(endpoint, values):
        flaskcompat.g.version = (values or {}).pop("version", None)

    @app.route("/<version>/thing")
    def thing():
        return flaskcompat.g.version + " " + url_for("thing")

    app.register_blueprint(bp)
    assert client.get("/v2/thing").data == b"v2 /v1/thing"


def test_blueprint_context_processors(app):
    bp = Blueprint("bp", __name__)

    @bp.context_processor
    def bp_only():
        return {"scope": "blueprint"}

    @bp.app_context_processor
    def everywhere():
        return {"everywhere": "yes"}

    @bp.route("/bp")
    def bp_view():
        return ""

    @app.route("/")
    def index():
        return ""

    app.register_blueprint(bp)
    source = "{{ scope|default('app') }} {{ everywhere }}"
    with app.test_request_context("/bp"):
        assert flaskcompat.render_template_string(source) == "blueprint yes"
    with app.test_request_context("/"):
        assert flaskcompat.render_template_string(source) == "app yes"


def test_blueprint_template_helpers(app):
    bp = Blueprint("bp", __name__)

    @bp.app_template_filter()
    def reverse(s):
        return s[::-1]

    @bp.app_template_filter("shout")
    def shout(s):
        return s.upper()

    @bp.app_template_test()
    def short(s):
        return len(s) < 3

    @bp.app_template_global()
    def answer():
        return 42

    def added(s):
        return s + "!"

    bp.add_app_template_filter(added)
    app.register_blueprint(bp)
    with app.app_context():
        rv = flaskcompat.render_template_string(
            "{{ 'abc'|reverse }} {{ 'x'|shout }} {{ 'ab' is short }}"
            " {{ answer() }} {{ 'a'|added }}"
        )
    assert rv == "cba X True 42 a!"


# ---------------------------------------------------------------------------
# Error handlers
# ---------------------------------------------------------------------------


class BlueprintError(Exception):
    pass


def test_blueprint_errorhandler(app, client):
    bp = Blueprint("bp", __name__, url_prefix="/bp")

    @bp.errorhandler(404)
    def bp_not_found(e):
        return "bp 404", 404

    @bp.errorhandler(BlueprintError)
    def bp_error(e):
        return "bp error", 500

    @bp.route("/abort")
    def bp_abort():
        flaskcompat.abort(404)

    @bp.route("/raise")
    def bp_raise():
        raise BlueprintError()

    @app.errorhandler(404)
    def app_not_found(e):
        return "app 404", 404

    @app.route("/abort")
    def app_abort():
        flaskcompat.abort(404)

    @app.route("/raise")
    def app_raise():
        raise BlueprintError()

    app.register_blueprint(bp)
    assert client.get("/bp/abort").data == b"bp 404"
    assert client.get("/bp/raise").data == b"bp error"
    assert client.get("/abort").data == b"app 404"
    # Unknown URLs belong to no blueprint.
    assert client.get("/bp/unknown").data == b"app 404"
    with pytest.raises(BlueprintError):
        client.get("/raise")


def test_blueprint_register_error_handler(app, client):
    bp = Blueprint("bp", __name__)

    def forbidden(e):
        return "bp forbidden", 403

    bp.register_error_handler(403, forbidden)

    @bp.route("/")
    def index():
        flaskcompat.abort(403)

    app.register_blueprint(bp)
    assert client.get("/").data == b"bp forbidden"


def test_blueprint_app_errorhandler(app, client):
    bp = Blueprint("bp", __name__)

    @bp.app_errorhandler(404)
    def not_found(e):
        return "handled by bp for app", 404

    @bp.app_errorhandler(BlueprintError)
    def error(e):
        return "app-wide error", 500

    @app.route("/raise")
    def app_raise():
        raise BlueprintError()

    app.register_blueprint(bp)
    assert client.get("/nowhere").data == b"handled by bp for app"
    assert client.get("/raise").data == b"app-wide error"


def test_blueprint_handler_wins_over_app_handler_for_code(app, client):
    bp = Blueprint("bp", __name__)

    @app.errorhandler(Exception)
    def app_any(e):
        return "app any", 500

    @bp.errorhandler(ZeroDivisionError)
    def bp_zero(e):
        return "bp zero", 500

    @bp.route("/zero")
    def zero():
        1 // 0

    @bp.route("/key")
    def key():
        {}["x"]

    app.register_blueprint(bp)
    assert client.get("/zero").data == b"bp zero"
    assert client.get("/key").data == b"app any"


# ---------------------------------------------------------------------------
# Templates and static files
# ---------------------------------------------------------------------------


def test_blueprint_templates_have_lower_precedence(app, tmpdir):
    templates = tmpdir.mkdir("bp_templates")
    templates.join("only_bp.html").write_text("bp template {{ x }}", "utf-8")
    templates.join("layout.html").write_text("bp layout", "utf-8")
    bp = Blueprint(
        "bp", __name__, root_path=str(tmpdir), template_folder="bp_templates"
    )
    app.register_blueprint(bp)
    with app.app_context():
        assert flaskcompat.render_template("only_bp.html", x="<>") == (
            "bp template &lt;&gt;"
        )
        # The app's own templates/layout.html wins.
        assert flaskcompat.render_template("layout.html") == (
            "<title>default</title>"
        )
    assert "only_bp.html" in app.jinja_env.list_templates()


def test_blueprint_static_folder(app, client, tmpdir):
    tmpdir.mkdir("bp_static").join("bp.css").write_binary(b"bp css")
    bp = Blueprint(
        "bp",
        __name__,
        root_path=str(tmpdir),
        static_folder="bp_static",
        url_prefix="/bp",
    )
    app.register_blueprint(bp)
    rv = client.get("/bp/bp_static/bp.css")
    assert rv.data == b"bp css"
    assert rv.mimetype == "text/css"
    rv.close()
    with app.test_request_context():
        assert url_for("bp.static", filename="bp.css") == "/bp/bp_static/bp.css"


def test_blueprint_static_url_path(app, client, tmpdir):
    tmpdir.mkdir("files").join("a.txt").write_binary(b"a")
    bp = Blueprint(
        "bp",
        __name__,
        root_path=str(tmpdir),
        static_folder="files",
        static_url_path="/assets",
        url_prefix="/bp",
    )
    app.register_blueprint(bp)
    rv = client.get("/bp/assets/a.txt")
    assert rv.data == b"a"
    rv.close()


# ---------------------------------------------------------------------------
# Registration rules
# ---------------------------------------------------------------------------


def test_same_blueprint_registered_twice(app, client):
    once = []
    bp = Blueprint("bp", __name__)

    @bp.record_once
    def setup_once(state):
        once.append(state.url_prefix)

    @bp.route("/page")
    def page():
        return request.path

    app.register_blueprint(bp, url_prefix="/one")
    app.register_blueprint(bp, url_prefix="/two")
    assert client.get("/one/page").data == b"/one/page"
    assert client.get("/two/page").data == b"/two/page"
    assert once == ["/one"]
    assert list(app.iter_blueprints()) == [bp]
    with app.test_request_context():
        # Both registrations share the endpoint; the first rule builds.
        assert url_for("bp.page") == "/one/page"


def test_name_option_registers_a_blueprint_twice(app, client):
    bp = Blueprint("bp", __name__)

    @bp.route("/page")
    def page():
        return request.endpoint

    @bp.before_request
    def mark():
        flaskcompat.g.hooked = request.blueprint

    @bp.errorhandler(404)
    def missing(error):
        return "missing in " + request.blueprint, 404

    @bp.route("/gone")
    def gone():
        flaskcompat.abort(404)

    # Flask 2.0's ``name`` option (Flask 1.1 ignored it): the second
    # registration gets endpoints, hooks and handlers under its own name.
    seen = []
    bp.record(lambda state: seen.append(state.name))
    app.register_blueprint(bp, url_prefix="/a")
    app.register_blueprint(bp, url_prefix="/b", name="other")
    assert seen == ["bp", "other"]
    assert client.get("/a/page").data == b"bp.page"
    assert client.get("/b/page").data == b"other.page"
    assert client.get("/b/gone").data == b"missing in other"
    assert app.blueprints["other"] is bp and app.blueprints["bp"] is bp
    with app.test_request_context():
        assert url_for("other.page") == "/b/page"
        assert url_for("bp.page") == "/a/page"


def test_two_blueprints_with_one_name_collide(app):
    first = Blueprint("dup", __name__)
    second = Blueprint("dup", __name__)
    app.register_blueprint(first)
    with pytest.raises(AssertionError) as excinfo:
        app.register_blueprint(second)
    assert "A name collision occurred between blueprints" in str(excinfo.value)
    assert app.blueprints["dup"] is first


def test_blueprint_order(app):
    first = Blueprint("first", __name__)
    second = Blueprint("second", __name__)
    app.register_blueprint(second)
    app.register_blueprint(first)
    assert list(app.iter_blueprints()) == [second, first]


def test_record_gets_setup_state(app):
    states = []
    bp = Blueprint("bp", __name__, url_prefix="/p", subdomain="sub")
    bp.record(states.append)
    app.register_blueprint(bp, custom="option")
    state = states[0]
    assert state.app is app
    assert state.blueprint is bp
    assert state.first_registration
    assert state.url_prefix == "/p"
    assert state.subdomain == "sub"
    assert state.options == {"custom": "option"}


def test_blueprint_subdomain(app, client):
    app.config["SERVER_NAME"] = "example.com"
    bp = Blueprint("api", __name__, subdomain="api")

    @bp.route("/")
    def index():
        return "api"

    @app.route("/")
    def home():
        return "home"

    app.subdomain_matching = True
    app.register_blueprint(bp)
    assert client.get("/", base_url="http://api.example.com/").data == b"api"
    assert client.get("/", base_url="http://example.com/").data == b"home"
    with app.app_context():
        assert url_for("api.index") == "http://api.example.com/"


# ---------------------------------------------------------------------------
# A packaged application: blueprint folders relative to their packages
# ---------------------------------------------------------------------------


def test_packaged_blueprint_templates(test_apps):
    from blueprintapp import app

    client = app.test_client()
    assert client.get("/").data == b"Hello from the Frontend"
    assert client.get("/admin/").data == b"Hello from the Admin"
    assert client.get("/admin/index2").data == b"Hello from the Admin"


def test_packaged_blueprint_static_files(test_apps):
    from blueprintapp import app

    client = app.test_client()
    rv = client.get("/admin/static/test.txt")
    assert rv.data.strip() == b"Admin File"
    rv.close()
    rv = client.get("/admin/static/css/test.css")
    assert rv.data.strip() == b"/* nested file */"
    assert rv.mimetype == "text/css"
    rv.close()
    with app.test_request_context():
        assert url_for("admin.static", filename="test.txt") == "/admin/static/test.txt"


def test_packaged_blueprint_missing_template(test_apps):
    import jinja2
    from blueprintapp import app

    app.testing = True
    client = app.test_client()
    with pytest.raises(jinja2.TemplateNotFound) as excinfo:
        client.get("/missing")
    assert excinfo.value.name == "missing_template.html"


def test_root_path_of_a_module_app(test_apps):
    import os

    from helloworld import app

    here = os.path.dirname(os.path.abspath(__file__))
    assert app.root_path == os.path.join(here, "test_apps")
    assert app.name == "helloworld"
    assert app.test_client().get("/").data == b"Hello World!"


def test_root_path_of_a_package_app(test_apps):
    import os

    from blueprintapp import app
    from blueprintapp.apps.admin import admin

    here = os.path.dirname(os.path.abspath(__file__))
    assert app.root_path == os.path.join(here, "test_apps", "blueprintapp")
    assert admin.root_path == os.path.join(
        here, "test_apps", "blueprintapp", "apps", "admin"
    )
    assert admin.static_folder == os.path.join(admin.root_path, "static")


def test_nested_blueprints(app, client):
    parent = Blueprint("parent", __name__, url_prefix="/parent")
    child = Blueprint("child", __name__, url_prefix="/child")
    grandchild = Blueprint("grandchild", __name__)
    calls = []

    @parent.before_request
    def parent_before():
        calls.append("parent before")

    @child.before_request
    def child_before():
        calls.append("child before")

    @child.after_request
    def child_after(response):
        calls.append("child after")
        return response

    @parent.after_request
    def parent_after(response):
        calls.append("parent after")
        return response

    @parent.errorhandler(403)
    def forbidden(error):
        return "parent handled " + request.blueprint, 403

    @child.route("/")
    def index():
        return "%s %s" % (request.blueprint, ",".join(request.blueprints))

    @grandchild.route("/deep")
    def deep():
        flaskcompat.abort(403)

    child.register_blueprint(grandchild, url_prefix="/gc")
    parent.register_blueprint(child)
    app.register_blueprint(parent)

    rv = client.get("/parent/child/")
    assert rv.data == b"parent.child parent.child,parent"
    assert calls == ["parent before", "child before", "child after", "parent after"]
    assert client.get("/parent/child/gc/deep").data == b"parent handled parent.child.grandchild"
    assert app.blueprints["parent.child.grandchild"] is grandchild
    with app.test_request_context():
        assert url_for("parent.child.index") == "/parent/child/"
        assert url_for("parent.child.grandchild.deep") == "/parent/child/gc/deep"


def test_blueprint_cannot_nest_itself():
    bp = Blueprint("bp", __name__)
    with pytest.raises(ValueError):
        bp.register_blueprint(bp)
