# -*- coding: utf-8 -*-
"""Error handlers: lookup by code and by class (along the MRO), the
generic HTTPException / Exception / 500 handlers, blueprints, trapping
settings and how registration refuses bad keys."""
from __future__ import unicode_literals

import logging

import pytest
from werkzeug.exceptions import BadRequest
from werkzeug.exceptions import Forbidden
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import InternalServerError
from werkzeug.exceptions import MethodNotAllowed
from werkzeug.exceptions import NotFound

import flaskcompat
from flaskcompat import abort
from flaskcompat import request
from flaskcompat._compat import StringIO


class ParentError(Exception):
    pass


class ChildError(ParentError):
    pass


class GrandchildError(ChildError):
    pass


class UnrelatedError(Exception):
    pass


class Teapot(HTTPException):
    code = 418
    description = "I'm a teapot, not a coffee machine."


class PaymentRequired(HTTPException):
    code = 402
    description = "Pay first."


class KnownForbidden(Forbidden):
    pass


class OtherForbidden(Forbidden):
    pass


RAISED = {
    "parent": ParentError,
    "child": ChildError,
    "grandchild": GrandchildError,
    "unrelated": UnrelatedError,
    "keyerror": KeyError,
    "teapot": Teapot,
    "payment": PaymentRequired,
    "forbidden": Forbidden,
    "known-forbidden": KnownForbidden,
    "other-forbidden": OtherForbidden,
    "server-error": InternalServerError,
}


def add_trouble_routes(target):
    """``/raise/<kind>`` raises ``RAISED[kind]()``; ``/abort/<code>``
    calls ``abort(code)``; ``/post-only`` accepts only POST."""

    @target.route("/raise/<kind>")
    def raise_kind(kind):
        raise RAISED[kind]()

    @target.route("/abort/<int:code>")
    def abort_with(code):
        abort(code)

    @target.route("/post-only", methods=["POST"])
    def post_only():
        return "posted"


@pytest.fixture
def trouble(app):
    add_trouble_routes(app)
    return app


def text(client, path, **kwargs):
    return client.get(path, **kwargs).get_data(as_text=True)


def status_and_text(reply):
    return reply.status_code, reply.get_data(as_text=True)


def describe(e):
    """What a generic handler answers: the original error when the 500 it
    got wraps one, else the class of what it got."""
    wrapped = getattr(e, "original_exception", None)
    if wrapped is None:
        return "direct %s" % type(e).__name__
    return "wrapped " + type(wrapped).__name__


# -- lookup by code and by class --------------------------------------------------


@pytest.mark.parametrize("key", [404, NotFound])
def test_not_found_handler_by_code_or_class(trouble, client, key):
    @trouble.errorhandler(key)
    def missing(e):
        assert type(e) is NotFound
        return "missing " + request.path, 404

    assert status_and_text(client.get("/abort/404")) == (404, "missing /abort/404")
    assert text(client, "/no/such/page") == "missing /no/such/page"


@pytest.mark.parametrize("key", [403, Forbidden])
def test_forbidden_raised_or_aborted(trouble, client, key):
    @trouble.errorhandler(key)
    def denied(e):
        return "denied " + type(e).__name__, 403

    assert status_and_text(client.get("/abort/403")) == (403, "denied Forbidden")
    assert text(client, "/raise/forbidden") == "denied Forbidden"


def test_http_subclass_uses_own_handler_or_the_codes(trouble, client):
    @trouble.errorhandler(403)
    def by_code(e):
        return "by code: %s" % type(e).__name__

    @trouble.errorhandler(KnownForbidden)
    def by_class(e):
        return "by class: %s" % type(e).__name__

    expected = [
        ("/raise/forbidden", "by code: Forbidden"),
        ("/raise/other-forbidden", "by code: OtherForbidden"),
        ("/raise/known-forbidden", "by class: KnownForbidden"),
    ]
    assert [(path, text(client, path)) for path, _ in expected] == expected


def test_register_error_handler_is_the_decorator(trouble, client):
    def named(e):
        return "registered " + type(e).__name__, 400

    trouble.register_error_handler(400, named)
    trouble.register_error_handler(ParentError, named)
    assert text(client, "/abort/400") == "registered BadRequest"
    assert text(client, "/raise/parent") == "registered ParentError"


def test_handler_gets_the_raised_object(app, client):
    payload = ChildError("payload")
    received = []

    @app.errorhandler(ChildError)
    def keep(e):
        received.append(e)
        return "kept"

    @app.route("/")
    def fail():
        raise payload

    assert text(client, "/") == "kept"
    assert received == [payload]


def test_most_specific_class_in_the_mro_wins(trouble, client):
    @trouble.errorhandler(ParentError)
    def on_parent(e):
        return "parent got " + type(e).__name__

    @trouble.errorhandler(ChildError)
    def on_child(e):
        return "child got " + type(e).__name__

    answers = dict(
        (kind, text(client, "/raise/" + kind)) for kind in ("parent", "child", "grandchild")
    )
    assert answers == {
        "parent": "parent got ParentError",
        "child": "child got ChildError",
        "grandchild": "child got GrandchildError",
    }
    # testing mode: an error without a handler reaches the test
    with pytest.raises(UnrelatedError):
        client.get("/raise/unrelated")


# -- generic handlers -------------------------------------------------------------


def test_http_exception_handler_sees_every_http_error(trouble, client):
    @trouble.errorhandler(HTTPException)
    def any_http(e):
        return "%d %s" % (e.code, e.name), e.code

    assert status_and_text(client.get("/nowhere")) == (404, "404 Not Found")
    assert status_and_text(client.get("/post-only")) == (405, "405 Method Not Allowed")
    assert status_and_text(client.get("/raise/teapot")) == (418, "418 I'm a teapot")


def test_specific_http_handler_beats_the_generic_one(trouble, client):
    @trouble.errorhandler(HTTPException)
    def generic(e):
        return "generic", e.code

    @trouble.errorhandler(404)
    def specific(e):
        return "specific", 404

    assert (text(client, "/nowhere"), text(client, "/abort/403")) == ("specific", "generic")


@pytest.mark.parametrize("key", [InternalServerError, 500])
def test_500_handler_gets_unhandled_errors_wrapped(trouble, client, key):
    trouble.config["PROPAGATE_EXCEPTIONS"] = False

    @trouble.errorhandler(key)
    def server_error(e):
        return describe(e) if isinstance(e, InternalServerError) else "unexpected"

    results = [text(client, path) for path in (
        "/raise/parent", "/raise/keyerror", "/abort/500", "/raise/server-error"
    )]
    assert results == [
        "wrapped ParentError",
        "wrapped KeyError",
        "direct InternalServerError",
        "direct InternalServerError",
    ]


def test_500_handler_outside_testing_mode(trouble, client):
    trouble.testing = False

    @trouble.errorhandler(ParentError)
    def parent(e):
        return "custom"

    @trouble.errorhandler(500)
    def server_error(e):
        return describe(e)

    assert text(client, "/raise/child") == "custom"
    assert text(client, "/raise/keyerror") == "wrapped KeyError"
    assert text(client, "/abort/500") == "direct InternalServerError"


def test_http_exception_handler_gets_500_for_plain_errors(trouble, client):
    trouble.config["PROPAGATE_EXCEPTIONS"] = False

    @trouble.errorhandler(HTTPException)
    def any_http(e):
        return str(e.code) if isinstance(e, HTTPException) else "not http"

    codes = [text(client, p) for p in ("/raise/keyerror", "/abort/500", "/gone")]
    assert codes == ["500", "500", "404"]


def test_exception_handler_gets_everything_directly(trouble, client):
    trouble.config["PROPAGATE_EXCEPTIONS"] = False

    @trouble.errorhandler(Exception)
    def everything(e):
        return describe(e), 500

    got = [text(client, p) for p in (
        "/raise/unrelated", "/raise/keyerror", "/abort/500", "/gone"
    )]
    assert got == [
        "direct UnrelatedError",
        "direct KeyError",
        "direct InternalServerError",
        "direct NotFound",
    ]


# -- custom HTTP exceptions and handler results ------------------------------------


def test_custom_http_exception_with_a_handler(trouble, client):
    @trouble.errorhandler(PaymentRequired)
    def pay(e):
        return "please pay: " + e.description, 402

    assert status_and_text(client.get("/raise/payment")) == (402, "please pay: Pay first.")


def test_custom_http_exception_without_a_handler(trouble, client):
    reply = client.get("/raise/teapot")
    assert reply.status_code == 418
    assert "not a coffee machine" in reply.get_data(as_text=True)


def test_handler_for_a_code_werkzeug_does_not_know(trouble, client):
    @trouble.errorhandler(Teapot)
    def short_and_stout(e):
        return "short and stout", 418

    assert text(client, "/raise/teapot") == "short and stout"
    assert trouble.error_handler_spec[None][418][Teapot] is short_and_stout


def test_handler_results_become_responses(trouble, client):
    @trouble.errorhandler(404)
    def as_json(e):
        return {"error": e.name, "path": request.path}, 404

    @trouble.errorhandler(ParentError)
    def as_response(e):
        return flaskcompat.Response("resp", status=409, headers={"X-E": "1"})

    missing = client.get("/nope")
    assert (missing.status_code, missing.get_json()) == (
        404, {"error": "Not Found", "path": "/nope"}
    )
    conflict = client.get("/raise/parent")
    assert (conflict.status_code, conflict.headers["X-E"]) == (409, "1")


def test_handler_returning_nothing_is_an_error(app, client):
    @app.errorhandler(404)
    def forgot_to_return(e):
        pass

    with pytest.raises(TypeError, match="did not return a valid response"):
        client.get("/missing")


def test_405_handler_sees_the_allowed_methods(trouble, client):
    @trouble.errorhandler(405)
    def not_allowed(e):
        assert isinstance(e, MethodNotAllowed)
        return ",".join(sorted(e.valid_methods)), 405

    assert text(client, "/post-only") == "OPTIONS,POST"


def test_abort_with_a_response_skips_handlers(app, client):
    @app.errorhandler(HTTPException)
    def never(e):
        return "handler", 500

    @app.route("/")
    def direct():
        abort(flaskcompat.Response("direct", status=400))

    assert status_and_text(client.get("/")) == (400, "direct")


def test_missing_form_key(app, client):
    @app.route("/", methods=["POST"])
    def need_field():
        return request.form["missing"]

    assert client.post("/", data={"other": "x"}).status_code == 400

    @app.errorhandler(KeyError)
    def key_error(e):
        return "key error " + type(e).__name__, 400

    # BadRequestKeyError is both a KeyError and a BadRequest
    assert client.post("/", data={}).data == b"key error BadRequestKeyError"


# -- trapping ----------------------------------------------------------------------


def test_debug_mode_traps_missing_form_keys(app, client):
    app.debug = True
    app.config["PRESERVE_CONTEXT_ON_EXCEPTION"] = False

    @app.route("/", methods=["POST"])
    def need_field():
        return request.form["missing"]

    with pytest.raises(KeyError) as caught:
        client.post("/", data={})
    assert isinstance(caught.value, BadRequest)


@pytest.mark.parametrize(
    ("setting", "code", "raised"),
    [
        ("TRAP_BAD_REQUEST_ERRORS", 400, BadRequest),
        ("TRAP_HTTP_EXCEPTIONS", 404, NotFound),
        ("TRAP_HTTP_EXCEPTIONS", 403, Forbidden),
    ],
)
def test_trap_settings_let_the_exception_out(trouble, client, setting, code, raised):
    trouble.config[setting] = True
    with pytest.raises(raised):
        client.get("/abort/%d" % code)


@pytest.mark.parametrize("key", [404, NotFound, HTTPException])
def test_trapped_http_exception_still_finds_handlers(trouble, client, key):
    # trapping skips the HTTP error path; like any other exception it is
    # then looked up among the registered handlers (Flask 1.1)
    trouble.config["TRAP_HTTP_EXCEPTIONS"] = True

    @trouble.errorhandler(key)
    def handled(e):
        return "handler", 404

    assert text(client, "/abort/404") == "handler"


# -- registration errors --------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "errors", "message"),
    [
        # What Flask 1.1 raised, then what Flask 3.1 raises: the same error
        # is both, so handlers written for either release catch it.
        (999, (KeyError, ValueError), "999 is not a recognized HTTP error code."),
        (NotFound(), (ValueError, TypeError), "is an instance, not a class."),
        (str, (AssertionError, ValueError), "'str' is not a subclass of Exception."),
    ],
)
def test_bad_registration_keys(app, key, errors, message):
    for error in errors:
        with pytest.raises(error) as caught:
            app.register_error_handler(key, lambda e: "")
        assert message in str(caught.value)


# -- blueprints ---------------------------------------------------------------------------


def test_blueprint_handler_covers_its_own_views(app, client):
    part = flaskcompat.Blueprint("part", __name__)

    @part.errorhandler(500)
    def part_error(e):
        return "bp-error"

    @app.errorhandler(500)
    def app_error(e):
        return "app-error"

    for target in (app, part):
        @target.route("/error")
        def error():
            raise InternalServerError("raised in " + request.path)

    app.register_blueprint(part, url_prefix="/bp")
    assert (text(client, "/error"), text(client, "/bp/error")) == ("app-error", "bp-error")


def test_blueprint_and_app_generic_http_handlers():
    part = flaskcompat.Blueprint("part", __name__)
    app = flaskcompat.Flask(__name__)

    for target, prefix in ((part, "bp-"), (app, "")):
        @target.errorhandler(HTTPException)
        def generic(e, prefix=prefix):
            return prefix + ("default" if type(e) is NotFound else "unexpected")

        @target.errorhandler(Forbidden)
        def forbidden(e, prefix=prefix):
            return prefix + "forbidden"

        @target.route("/undefined")
        def undefined():
            raise NotFound()

        @target.route("/forbidden")
        def refuse():
            raise Forbidden()

    @app.route("/slash/")
    def slash():
        return "slash"

    app.register_blueprint(part, url_prefix="/bp")
    visitor = app.test_client()
    pages = ["/bp/undefined", "/bp/forbidden", "/undefined", "/forbidden", "/nowhere"]
    assert [text(visitor, p) for p in pages] == [
        "bp-default", "bp-forbidden", "default", "forbidden", "default"
    ]
    # the redirect that adds a trailing slash is not an error to handle
    assert text(visitor, "/slash", follow_redirects=True) == "slash"


def test_blueprint_handler_for_its_own_exception(app, client):
    part = flaskcompat.Blueprint("part", __name__)
    add_trouble_routes(part)

    @part.errorhandler(ParentError)
    def in_part(e):
        return "part handled " + type(e).__name__

    add_trouble_routes(app)
    app.register_blueprint(part, url_prefix="/part")
    assert text(client, "/part/raise/child") == "part handled ChildError"
    # the same error from a view outside the blueprint is not its business
    with pytest.raises(ChildError):
        client.get("/raise/child")


# -- errors around the view ----------------------------------------------------------------


def test_abort_in_before_request_is_handled(app, client):
    calls = []

    @app.before_request
    def gate():
        if request.args.get("deny"):
            abort(403)

    @app.errorhandler(403)
    def refused(e):
        calls.append("handler")
        return "denied", 403

    @app.after_request
    def after(response):
        calls.append("after")
        return response

    @app.route("/")
    def view():
        calls.append("view")
        return "ok"

    assert status_and_text(client.get("/?deny=1")) == (403, "denied")
    assert calls == ["handler", "after"]
    assert text(client, "/") == "ok"
    assert calls[2:] == ["view", "after"]


def test_error_in_after_request_is_a_logged_500(app, client):
    app.testing = False

    @app.after_request
    def broken(response):
        raise RuntimeError("after request failed")

    @app.route("/")
    def view():
        return "ok"

    log = StringIO()
    handler = logging.StreamHandler(log)
    app.logger.addHandler(handler)
    try:
        reply = client.get("/")
    finally:
        app.logger.removeHandler(handler)
    assert reply.status_code == 500
    assert "RuntimeError: after request failed" in log.getvalue()


def test_misdirected_request_is_known_on_every_release():
    # 421 (Flask 2.0+, Werkzeug 2.0+): abort and errorhandler take the code
    # on the oldest Werkzeug too.
    site = flaskcompat.Flask(__name__)

    @site.errorhandler(421)
    def misdirected(error):
        return u"%d %s" % (error.code, error.name), 421

    @site.route("/elsewhere")
    def elsewhere():
        flaskcompat.abort(421)

    answer = site.test_client().get("/elsewhere")
    assert answer.status_code == 421
    assert answer.data == b"421 Misdirected Request"
    with pytest.raises(HTTPException) as raised:
        flaskcompat.abort(421)
    assert raised.value.code == 421
    assert raised.value.description == "The server is not able to produce a response."
