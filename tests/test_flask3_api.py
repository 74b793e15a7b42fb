# -*- coding: utf-8 -*-
"""Flask 2.2-3.1 API on every interpreter: the app's own url_for, redirect
and aborter, views built once, partitioned session cookies, the typing and
sansio modules, and every public name of Flask 3.1's modules."""
import importlib

import pytest
from werkzeug.exceptions import Aborter
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import NotFound

import flaskcompat
from flaskcompat import Blueprint
from flaskcompat import Flask
from flaskcompat import session
from flaskcompat.views import MethodView
from flaskcompat.views import View


def request_for(app, path="/"):
    return app.test_request_context(path)


@pytest.fixture
def app():
    app = Flask("flask3_api")
    app.testing = True
    app.secret_key = "partitioned test key"

    @app.route("/items/<int:number>")
    def item(number):
        return flaskcompat.url_for("item", number=number + 1)

    return app


# -- Flask.url_for ----------------------------------------------------------


def test_app_url_for_inside_a_request_is_relative(app):
    with request_for(app):
        assert app.url_for("item", number=3) == "/items/3"
        assert app.url_for("item", number=3, _external=True) == "http://localhost/items/3"
        # None means "the default", as in Flask 3.1's keyword-only signature.
        assert app.url_for("item", number=3, _external=None) == "/items/3"
        assert app.url_for("item", number=3, _anchor="x y") == "/items/3#x%20y"


def test_app_url_for_needs_no_context_with_a_server_name(app):
    app.config["SERVER_NAME"] = "bridge.test"
    assert app.url_for("item", number=1) == "http://bridge.test/items/1"
    assert app.url_for("item", number=1, _scheme="https", _external=True) == (
        "https://bridge.test/items/1"
    )


def test_app_url_for_without_server_name_or_request_says_why(app):
    with pytest.raises(RuntimeError) as caught:
        app.url_for("item", number=1)
    assert "SERVER_NAME" in str(caught.value)


def test_url_for_goes_through_the_app_method():
    class Recording(Flask):
        def url_for(self, endpoint, **values):
            return "recorded:" + endpoint + ":" + ",".join(sorted(values))

    app = Recording("recording")
    with request_for(app):
        assert flaskcompat.url_for("anything", b=1, a=2) == "recorded:anything:a,b"
        rendered = flaskcompat.render_template_string("{{ url_for('x', q=1) }}")
        assert rendered == "recorded:x:q"


def test_blueprint_relative_endpoint_through_the_app_method(app):
    shelf = Blueprint("shelf", __name__)

    @shelf.route("/shelf")
    def index():
        return app.url_for(".index")

    app.register_blueprint(shelf)
    assert app.test_client().get("/shelf").data == b"/shelf"


# -- Flask.redirect and the aborter ------------------------------------------


def test_redirect_uses_the_app_response_class(app):
    class Custom(flaskcompat.Response):
        pass

    app.response_class = Custom
    with app.app_context():
        response = flaskcompat.redirect("/there", 307)
    assert type(response) is Custom
    assert (response.status_code, type(response)) == (307, Custom)
    assert response.headers["Location"] == "/there"
    direct = app.redirect("/a\r\nb")
    assert type(direct) is Custom
    assert direct.status_code == 302
    assert direct.headers["Location"] == "/a%0D%0Ab"


def test_redirect_outside_an_app_takes_the_given_class():
    response = flaskcompat.redirect("/x", Response=flaskcompat.Response)
    assert type(response) is flaskcompat.Response
    assert response.headers["Location"] == "/x"


class TeapotNotFound(NotFound):
    description = "No tea here."


class TeaAborter(Aborter):
    def __init__(self):
        Aborter.__init__(self, extra={404: TeapotNotFound})


def test_abort_goes_through_the_app_aborter():
    class TeaApp(Flask):
        aborter_class = TeaAborter

    app = TeaApp("tea")
    assert isinstance(app.aborter, TeaAborter)
    assert isinstance(app.make_aborter(), TeaAborter)

    @app.route("/")
    def index():
        flaskcompat.abort(404)

    answer = app.test_client().get("/")
    assert answer.status_code == 404
    assert b"No tea here." in answer.data


def test_abort_outside_an_app_is_werkzeugs():
    with pytest.raises(NotFound) as raised:
        flaskcompat.abort(404)
    assert raised.value.code == 404
    with pytest.raises(HTTPException) as caught:
        flaskcompat.abort(flaskcompat.Response("gone", 410))
    assert caught.value.response.status_code == 410


# -- class-based views built once --------------------------------------------


def test_init_every_request_false_reuses_one_instance(app):
    made = []

    class Counter(View):
        init_every_request = False

        def __init__(self, start):
            made.append(self)
            self.count = start

        def dispatch_request(self):
            self.count += 1
            return str(self.count)

    app.add_url_rule("/count", view_func=Counter.as_view("count", 10))
    browser = app.test_client()
    assert [browser.get("/count").data for _ in range(3)] == [b"11", b"12", b"13"]
    assert len(made) == 1


def test_init_every_request_default_builds_per_request(app):
    made = []

    class Fresh(MethodView):
        def __init__(self):
            made.append(self)

        def get(self):
            return "fresh"

    assert Fresh.init_every_request is True
    app.add_url_rule("/fresh", view_func=Fresh.as_view("fresh"))
    browser = app.test_client()
    browser.get("/fresh")
    browser.get("/fresh")
    assert len(made) == 2


# -- partitioned session cookie ----------------------------------------------


def session_cookie(app):
    @app.route("/set")
    def set_value():
        session["k"] = "v"
        return "set"

    response = app.test_client().get("/set")
    (cookie,) = response.headers.getlist("Set-Cookie")
    return cookie


def test_partitioned_session_cookie(app):
    assert app.config["SESSION_COOKIE_PARTITIONED"] is False
    app.config.update(SESSION_COOKIE_PARTITIONED=True, SESSION_COOKIE_SECURE=True)
    attributes = session_cookie(app).split("; ")[1:]
    assert attributes == ["Secure", "HttpOnly", "Path=/", "Partitioned"]
    interface = app.session_interface
    assert interface.get_cookie_partitioned(app) is True


def test_session_cookie_is_not_partitioned_by_default(app):
    attributes = session_cookie(app).split("; ")[1:]
    assert attributes == ["HttpOnly", "Path=/"]


# -- typing and sansio --------------------------------------------------------


def test_typing_aliases_are_usable_in_annotations_and_comments():
    from flaskcompat import typing as ft

    def view():  # type: () -> ft.ResponseReturnValue
        return "ok"

    assert view() == "ok"
    assert ft.ResponseClass.__bound__ is flaskcompat.Response
    assert ft.AppOrBlueprintKey is not None


def test_sansio_names_are_the_one_class_of_each_kind(app):
    from flaskcompat.sansio.app import App
    from flaskcompat.sansio.blueprints import Blueprint as SansioBlueprint
    from flaskcompat.sansio.blueprints import BlueprintSetupState
    from flaskcompat.sansio.scaffold import Scaffold

    assert isinstance(app, App)
    assert isinstance(app, Scaffold)
    assert isinstance(Blueprint("b", __name__), SansioBlueprint)
    assert BlueprintSetupState is flaskcompat.blueprints.BlueprintSetupState


# Every public name Flask 3.1 defines in each module (names it merely
# imports from the standard library, typing helpers or Werkzeug left out).
FLASK_31_NAMES = {
    "": (
        "Blueprint Config Flask Request Response abort after_this_request"
        " appcontext_popped appcontext_pushed appcontext_tearing_down"
        " before_render_template copy_current_request_context current_app"
        " flash g get_flashed_messages get_template_attribute got_request_exception"
        " has_app_context has_request_context json jsonify make_response"
        " message_flashed redirect render_template render_template_string request"
        " request_finished request_started request_tearing_down send_file"
        " send_from_directory session stream_template stream_template_string"
        " stream_with_context template_rendered url_for"
    ),
    "app": "Flask",
    "blueprints": "Blueprint BlueprintSetupState",
    "cli": (
        "AppGroup CertParamType FlaskGroup NoAppException ScriptInfo"
        " SeparatedPathType find_app_by_string find_best_app get_version"
        " load_dotenv locate_app main prepare_import routes_command run_command"
        " shell_command show_server_banner with_appcontext"
    ),
    "config": "Config ConfigAttribute",
    "ctx": (
        "AppContext RequestContext after_this_request copy_current_request_context"
        " has_app_context has_request_context"
    ),
    "debughelpers": (
        "DebugFilesKeyError FormDataRoutingRedirect UnexpectedUnicodeError"
        " attach_enctype_error_multidict explain_template_loading_attempts"
    ),
    "globals": "app_ctx current_app g request request_ctx session",
    "helpers": (
        "abort flash get_debug_flag get_flashed_messages get_load_dotenv"
        " get_root_path get_template_attribute make_response redirect send_file"
        " send_from_directory stream_with_context url_for"
    ),
    "json": "dump dumps jsonify load loads",
    "json.provider": "DefaultJSONProvider JSONProvider",
    "json.tag": (
        "JSONTag PassDict PassList TagBytes TagDateTime TagDict TagMarkup"
        " TagTuple TagUUID TaggedJSONSerializer"
    ),
    "logging": "create_logger default_handler has_level_handler wsgi_errors_stream",
    "sansio.app": "App",
    "sansio.blueprints": "Blueprint BlueprintSetupState",
    "sansio.scaffold": "Scaffold find_package get_root_path setupmethod",
    "sessions": (
        "NullSession SecureCookieSession SecureCookieSessionInterface"
        " SessionInterface SessionMixin session_json_serializer"
    ),
    "signals": (
        "appcontext_popped appcontext_pushed appcontext_tearing_down"
        " before_render_template got_request_exception message_flashed"
        " request_finished request_started request_tearing_down template_rendered"
    ),
    "templating": (
        "DispatchingJinjaLoader Environment render_template render_template_string"
        " stream_template stream_template_string"
    ),
    "testing": "EnvironBuilder FlaskCliRunner FlaskClient",
    "typing": (
        "AfterRequestCallable AppOrBlueprintKey BeforeFirstRequestCallable"
        " BeforeRequestCallable ErrorHandlerCallable HeaderValue HeadersValue"
        " ResponseClass ResponseReturnValue ResponseValue RouteCallable"
        " ShellContextProcessorCallable TeardownCallable"
        " TemplateContextProcessorCallable TemplateFilterCallable"
        " TemplateGlobalCallable TemplateTestCallable URLDefaultCallable"
        " URLValuePreprocessorCallable"
    ),
    "views": "MethodView View http_method_funcs",
    "wrappers": "Request Response",
}


@pytest.mark.parametrize("module", sorted(FLASK_31_NAMES))
def test_every_flask_31_public_name_is_there(module):
    imported = importlib.import_module("flaskcompat" + ("." + module if module else ""))
    missing = [name for name in FLASK_31_NAMES[module].split() if not hasattr(imported, name)]
    assert missing == []


FLASK_31_METHODS = {
    Flask: (
        "aborter aborter_class make_aborter redirect url_for get post put delete"
        " patch json json_provider_class ensure_sync async_to_sync"
    ),
    flaskcompat.Request: "max_content_length",
    flaskcompat.sessions.SessionInterface: "get_cookie_partitioned",
    View: "init_every_request",
    flaskcompat.Config: "from_file from_prefixed_env",
}


@pytest.mark.parametrize("cls", sorted(FLASK_31_METHODS, key=lambda cls: cls.__name__))
def test_flask_31_methods_are_there(cls, app):
    names = FLASK_31_METHODS[cls].split()
    holder = app if cls is Flask else cls
    assert [name for name in names if not hasattr(holder, name)] == []


def test_url_values_named_like_the_parameters(app):
    app.add_url_rule("/by/<self>", "by", lambda **kw: "")
    with request_for(app):
        assert flaskcompat.url_for("by", self="me") == "/by/me"
        assert app.url_for("by", self="me") == "/by/me"


def test_secret_key_fallbacks_open_cookies_signed_with_rotated_keys(app):
    @app.route("/get")
    def get_value():
        return session.get("k", "none")

    assert app.config["SECRET_KEY_FALLBACKS"] is None
    app.secret_key = "old key"
    browser = app.test_client()
    session_cookie(app)  # signed with "old key" by another client
    browser.get("/set")
    app.secret_key = "new key"
    assert browser.get("/get").data == b"none"
    app.config["SECRET_KEY_FALLBACKS"] = ["older key", "old key"]
    assert browser.get("/get").data == b"v"
    # A cookie written now is signed with the current key only.
    app.config["SECRET_KEY_FALLBACKS"] = []
    browser.get("/set")
    assert browser.get("/get").data == b"v"


def test_trusted_hosts_refuse_other_hosts_with_400(app):
    assert app.config["TRUSTED_HOSTS"] is None

    @app.route("/")
    def index():
        return flaskcompat.request.host

    app.config["TRUSTED_HOSTS"] = ["bridge.test", ".mirror.test"]
    browser = app.test_client()
    assert browser.get(base_url="http://bridge.test").data == b"bridge.test"
    assert browser.get(base_url="http://a.mirror.test:8080").data == b"a.mirror.test:8080"
    refused = browser.get(base_url="http://bad.test")
    assert refused.status_code == 400
    assert browser.get(base_url="http://bridge.test.bad").status_code == 400


def test_permanent_session_is_renewed_on_requests_that_do_not_use_it(app):
    # Flask 1.1 and 3.1 alike renew a permanent session's cookie on every
    # request; the response depends on the cookie, so it varies on it.
    @app.route("/login")
    def login():
        session["user"] = 1
        session.permanent = True
        return ""

    @app.route("/plain")
    def plain():
        return "plain"

    browser = app.test_client()
    browser.get("/login")
    renewed = browser.get("/plain")
    assert renewed.headers["Vary"] == "Cookie"
    (cookie,) = renewed.headers.getlist("Set-Cookie")
    assert cookie.startswith("session=")
    assert "Expires=" in cookie
    app.config.update(SESSION_REFRESH_EACH_REQUEST=False)
    untouched = browser.get("/plain")
    assert untouched.headers.getlist("Set-Cookie") == []
    assert "Vary" not in untouched.headers


def test_a_request_without_a_session_cookie_sets_none(app):
    @app.route("/plain")
    def plain():
        return "plain"

    response = app.test_client().get("/plain", headers={"Cookie": "other=1"})
    assert response.headers.getlist("Set-Cookie") == []
    assert "Vary" not in response.headers


def test_a_view_returning_none_is_named_in_the_error(app):
    @app.route("/nothing")
    def nothing():
        pass

    with pytest.raises(TypeError) as caught:
        app.test_client().get("/nothing")
    assert str(caught.value) == (
        "The view function for 'nothing' did not return a valid response: it"
        " returned None or ended without a return statement."
    )


def test_jsonify_refuses_args_and_kwargs_together(app):
    with app.app_context():
        with pytest.raises(TypeError) as caught:
            flaskcompat.jsonify(1, two=2)
    assert "args or kwargs, not both" in str(caught.value)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "latin-1"])
def test_open_resource_reads_text_in_the_given_encoding(tmpdir, encoding):
    app = Flask("resources", root_path=str(tmpdir), instance_path=str(tmpdir))
    tmpdir.join("note.txt").write_binary(u"caf\xe9".encode(encoding))
    with app.open_resource("note.txt", "rt", encoding=encoding) as stream:
        assert stream.read() == u"caf\xe9"
    with app.open_instance_resource("note.txt", "r", encoding=encoding) as stream:
        assert stream.read() == u"caf\xe9"
    with app.open_resource("note.txt") as stream:
        assert stream.read() == u"caf\xe9".encode(encoding)


def test_send_file_max_age_default_none_sends_no_max_age(app, tmpdir):
    # Flask 2.0's default: the browser revalidates (conditional requests).
    tmpdir.join("a.txt").write("a")
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = None
    assert app.send_file_max_age_default is None
    with request_for(app):
        response = flaskcompat.send_file(str(tmpdir.join("a.txt")))
    assert response.cache_control.max_age is None
    assert "Expires" not in response.headers
    response.close()
