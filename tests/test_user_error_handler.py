# -*- coding: utf-8 -*-
"""Error handlers registered by code and by class: HTTPException
subclasses, lookup along the MRO, trapping options."""
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


class ImATeapotError(HTTPException):
    code = 418
    description = "I'm a teapot, not a coffee machine."


class PaymentRequired(HTTPException):
    code = 402
    description = "Pay first."


def test_handler_by_code(app, client):
    @app.errorhandler(404)
    def not_found(e):
        assert isinstance(e, NotFound)
        return "custom 404: " + request.path, 404

    @app.route("/abort")
    def do_abort():
        abort(404)

    assert client.get("/abort").data == b"custom 404: /abort"
    assert client.get("/unknown").data == b"custom 404: /unknown"


def test_handler_by_http_exception_class(app, client):
    @app.errorhandler(Forbidden)
    def forbidden(e):
        return "forbidden by class", 403

    @app.route("/")
    def index():
        abort(403)

    rv = client.get("/")
    assert rv.status_code == 403
    assert rv.data == b"forbidden by class"


def test_handler_for_code_also_handles_class_instances(app, client):
    @app.errorhandler(403)
    def forbidden(e):
        return "forbidden by code", 403

    @app.route("/")
    def index():
        raise Forbidden()

    assert client.get("/").data == b"forbidden by code"


def test_register_error_handler(app, client):
    def handler(e):
        return "registered " + type(e).__name__, 400

    app.register_error_handler(400, handler)
    app.register_error_handler(ParentError, handler)

    @app.route("/bad")
    def bad():
        abort(400)

    @app.route("/parent")
    def parent():
        raise ParentError()

    assert client.get("/bad").data == b"registered BadRequest"
    assert client.get("/parent").data == b"registered ParentError"


def test_handler_receives_the_raised_instance(app, client):
    raised = ChildError("payload")
    seen = []

    @app.errorhandler(ChildError)
    def handler(e):
        seen.append(e)
        return "ok"

    @app.route("/")
    def index():
        raise raised

    client.get("/")
    assert seen == [raised]


def test_mro_lookup_prefers_most_specific(app, client):
    @app.errorhandler(ParentError)
    def parent_handler(e):
        return "parent handled " + type(e).__name__

    @app.errorhandler(ChildError)
    def child_handler(e):
        return "child handled " + type(e).__name__

    @app.route("/<kind>")
    def index(kind):
        raise {
            "parent": ParentError,
            "child": ChildError,
            "grandchild": GrandchildError,
            "unrelated": UnrelatedError,
        }[kind]()

    assert client.get("/parent").data == b"parent handled ParentError"
    assert client.get("/child").data == b"child handled ChildError"
    assert client.get("/grandchild").data == b"child handled GrandchildError"
    with pytest.raises(UnrelatedError):
        client.get("/unrelated")


def test_http_exception_handler_catches_every_http_error(app, client):
    @app.errorhandler(HTTPException)
    def http_error(e):
        return "%d %s" % (e.code, e.name), e.code

    @app.route("/teapot")
    def teapot():
        raise ImATeapotError()

    @app.route("/post", methods=["POST"])
    def post_only():
        return ""

    assert client.get("/missing").data == b"404 Not Found"
    assert client.get("/post").data == b"405 Method Not Allowed"
    assert client.get("/teapot").data == b"418 I'm a teapot"


def test_specific_http_handler_wins_over_generic(app, client):
    @app.errorhandler(HTTPException)
    def generic(e):
        return "generic", e.code

    @app.errorhandler(404)
    def specific(e):
        return "specific", 404

    @app.route("/forbidden")
    def forbidden():
        abort(403)

    assert client.get("/missing").data == b"specific"
    assert client.get("/forbidden").data == b"generic"


def test_exception_handler_catches_http_errors_too(app, client):
    @app.errorhandler(Exception)
    def everything(e):
        return "caught " + type(e).__name__, 500

    @app.route("/error")
    def error():
        raise UnrelatedError()

    assert client.get("/error").data == b"caught UnrelatedError"
    assert client.get("/missing").data == b"caught NotFound"


def test_custom_http_exception_subclass(app, client):
    @app.errorhandler(PaymentRequired)
    def pay(e):
        return "please pay: " + e.description, 402

    @app.route("/")
    def index():
        raise PaymentRequired()

    rv = client.get("/")
    assert rv.status_code == 402
    assert rv.data == b"please pay: Pay first."


def test_unhandled_custom_http_exception_is_its_own_response(app, client):
    @app.route("/")
    def index():
        raise ImATeapotError()

    rv = client.get("/")
    assert rv.status_code == 418
    assert b"not a coffee machine" in rv.data


def test_handler_return_values_are_coerced(app, client):
    @app.errorhandler(404)
    def as_json(e):
        return {"error": e.name, "path": request.path}, 404

    @app.errorhandler(ParentError)
    def as_response(e):
        return flaskcompat.Response("resp", status=409, headers={"X-E": "1"})

    @app.route("/")
    def index():
        raise ParentError()

    rv = client.get("/nope")
    assert rv.status_code == 404
    assert rv.get_json() == {"error": "Not Found", "path": "/nope"}
    rv = client.get("/")
    assert rv.status_code == 409
    assert rv.headers["X-E"] == "1"


def test_handler_for_405_sees_valid_methods(app, client):
    @app.errorhandler(405)
    def not_allowed(e):
        assert isinstance(e, MethodNotAllowed)
        return ",".join(sorted(e.valid_methods)), 405

    @app.route("/", methods=["POST"])
    def index():
        return ""

    assert client.get("/").data == b"OPTIONS,POST"


def test_500_handler_for_abort_500(app, client):
    @app.errorhandler(500)
    def server_error(e):
        assert isinstance(e, InternalServerError)
        return "500 handler: " + repr(getattr(e, "original_exception", None)), 500

    @app.route("/")
    def index():
        abort(500)

    assert client.get("/").data == b"500 handler: None"


def test_abort_with_response_bypasses_handlers(app, client):
    @app.errorhandler(HTTPException)
    def never(e):
        return "handler", 500

    @app.route("/")
    def index():
        abort(flaskcompat.Response("direct", status=400))

    rv = client.get("/")
    assert rv.status_code == 400
    assert rv.data == b"direct"


def test_key_error_handler_catches_bad_request_key_error(app, client):
    @app.errorhandler(KeyError)
    def key_error(e):
        return "key error handler", 400

    @app.route("/", methods=["POST"])
    def index():
        return request.form["missing"]

    assert client.post("/", data={}).data == b"key error handler"


def test_missing_form_key_is_400(app, client):
    @app.route("/", methods=["POST"])
    def index():
        return request.form["missing"]

    rv = client.post("/", data={"other": "x"})
    assert rv.status_code == 400


def test_trap_bad_request_errors_in_debug(app, client):
    app.debug = True
    app.config["PRESERVE_CONTEXT_ON_EXCEPTION"] = False

    @app.route("/", methods=["POST"])
    def index():
        return request.form["missing"]

    with pytest.raises(KeyError) as excinfo:
        client.post("/", data={})
    assert isinstance(excinfo.value, BadRequest)


def test_trap_bad_request_errors_config(app, client):
    app.config["TRAP_BAD_REQUEST_ERRORS"] = True

    @app.route("/")
    def index():
        abort(400)

    with pytest.raises(BadRequest):
        client.get("/")


def test_trap_http_exceptions(app, client):
    app.config["TRAP_HTTP_EXCEPTIONS"] = True

    @app.route("/")
    def index():
        abort(404)

    with pytest.raises(NotFound):
        client.get("/")


@pytest.mark.parametrize("key", [404, NotFound, HTTPException])
def test_trapped_http_exception_still_finds_handlers(app, client, key):
    # Trapping skips the HTTP exception path, but like any exception it is
    # then looked up among the registered handlers (Flask 1.1).
    app.config["TRAP_HTTP_EXCEPTIONS"] = True

    @app.errorhandler(key)
    def handled(e):
        return "handler", 404

    @app.route("/")
    def index():
        abort(404)

    assert client.get("/").data == b"handler"


def test_register_unknown_code_is_key_error(app):
    with pytest.raises(KeyError) as excinfo:
        app.register_error_handler(999, lambda e: "")
    assert "is not a recognized HTTP error code" in str(excinfo.value)


def test_register_instance_is_value_error(app):
    with pytest.raises(ValueError) as excinfo:
        app.register_error_handler(NotFound(), lambda e: "")
    assert "exception instance" in str(excinfo.value)


def test_register_non_exception_class_is_refused(app):
    with pytest.raises(AssertionError):
        app.register_error_handler(str, lambda e: "")


def test_handler_for_code_without_default_exception(app, client):
    @app.errorhandler(ImATeapotError)
    def teapot(e):
        return "short and stout", 418

    @app.route("/")
    def index():
        raise ImATeapotError()

    assert client.get("/").data == b"short and stout"
    assert app.error_handler_spec[None][418][ImATeapotError] is teapot


def test_error_in_before_request_is_handled(app, client):
    calls = []

    @app.before_request
    def check():
        if request.args.get("deny"):
            abort(403)

    @app.errorhandler(403)
    def forbidden(e):
        calls.append("handler")
        return "denied", 403

    @app.after_request
    def after(response):
        calls.append("after")
        return response

    @app.route("/")
    def index():
        calls.append("view")
        return "ok"

    assert client.get("/?deny=1").data == b"denied"
    assert calls == ["handler", "after"]


def test_handler_returning_none_is_type_error(app, client):
    @app.errorhandler(404)
    def forgot_to_return(e):
        pass

    with pytest.raises(TypeError) as excinfo:
        client.get("/missing")
    assert "did not return a valid response" in str(excinfo.value)


def test_error_in_after_request_becomes_500(app, client):
    app.testing = False

    @app.after_request
    def broken(response):
        raise RuntimeError("after request failed")

    @app.route("/")
    def index():
        return "ok"

    stream = StringIO()
    handler = logging.StreamHandler(stream)
    app.logger.addHandler(handler)
    try:
        rv = client.get("/")
    finally:
        app.logger.removeHandler(handler)
    assert rv.status_code == 500
    assert "RuntimeError: after request failed" in stream.getvalue()
