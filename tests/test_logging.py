# -*- coding: utf-8 -*-
import logging
import sys

import pytest
from werkzeug.datastructures import MultiDict

import flaskcompat
from flaskcompat._compat import StringIO
from flaskcompat._compat import text_type
from flaskcompat.debughelpers import DebugFilesKeyError
from flaskcompat.debughelpers import FormDataRoutingRedirect
from flaskcompat.debughelpers import UnexpectedUnicodeError
from flaskcompat.debughelpers import attach_enctype_error_multidict
from flaskcompat.debughelpers import explain_ignored_app_run
from flaskcompat.debughelpers import explain_template_loading_attempts
from flaskcompat.logging import create_logger
from flaskcompat.logging import default_handler
from flaskcompat.logging import has_level_handler
from flaskcompat.logging import wsgi_errors_stream


@pytest.fixture(autouse=True)
def reset_logging(pytestconfig):
    """Run each test with bare root and app loggers, without pytest's
    capture handler (it would count as a handler for every level)."""
    root_handlers = logging.root.handlers[:]
    logging.root.handlers = []
    root_level = logging.root.level

    logger = logging.getLogger("flask_test")
    logger.handlers = []
    logger.setLevel(logging.NOTSET)

    logging_plugin = pytestconfig.pluginmanager.unregister(name="logging-plugin")

    yield

    logging.root.handlers[:] = root_handlers
    logging.root.setLevel(root_level)

    logger.handlers = []
    logger.setLevel(logging.NOTSET)

    if logging_plugin:
        pytestconfig.pluginmanager.register(logging_plugin, "logging-plugin")


def test_logger(app):
    assert app.logger is create_logger(app)
    assert app.logger.name == "flask_test"
    assert app.logger.level == logging.NOTSET
    assert app.logger.handlers == [default_handler]


def test_logger_debug(app):
    app.debug = True
    assert app.logger.level == logging.DEBUG
    assert app.logger.handlers == [default_handler]


def test_logger_keeps_configured_level(app):
    logging.getLogger("flask_test").setLevel(logging.ERROR)
    app.debug = True
    assert app.logger.level == logging.ERROR


def test_existing_handler(app):
    logging.root.addHandler(logging.StreamHandler())
    assert app.logger.level == logging.NOTSET
    assert not app.logger.handlers


def test_handler_for_a_higher_level_does_not_count(app):
    handler = logging.StreamHandler()
    handler.setLevel(logging.CRITICAL)
    logging.root.addHandler(handler)
    assert app.logger.handlers == [default_handler]


def test_has_level_handler():
    logger = logging.getLogger("flask_test.level")
    assert not has_level_handler(logger)

    handler = logging.StreamHandler()
    logging.root.addHandler(handler)
    assert has_level_handler(logger)

    logger.propagate = False
    try:
        assert not has_level_handler(logger)
    finally:
        logger.propagate = True

    handler.setLevel(logging.ERROR)
    assert not has_level_handler(logger)


def test_wsgi_errors_stream(app, client):
    @app.route("/")
    def index():
        app.logger.error(u"testing é")
        return ""

    stream = StringIO()
    client.get("/", errors_stream=stream)
    assert u"ERROR in test_logging: testing é" in stream.getvalue()

    assert wsgi_errors_stream._get_current_object() is sys.stderr

    with app.test_request_context(errors_stream=stream):
        assert wsgi_errors_stream._get_current_object() is stream


def test_log_view_exception(app, client):
    @app.route("/")
    def index():
        raise Exception("test")

    app.testing = False
    stream = StringIO()
    rv = client.get("/", errors_stream=stream)
    assert rv.status_code == 500
    assert rv.data
    err = stream.getvalue()
    assert "Exception on / [GET]" in err
    assert "Exception: test" in err


def test_warns_about_configuration_for_the_old_logger_name(app):
    old = logging.getLogger("flask.app")
    old.setLevel(logging.INFO)
    try:
        with pytest.warns(UserWarning) as record:
            create_logger(app)
    finally:
        old.setLevel(logging.NOTSET)
    message = str(record[0].message)
    assert "'flask.app'" in message
    assert "'flask_test'" in message


# -- debug helpers: errors and logs that explain mistakes -----------------------


def test_explain_template_loading_attempts(app):
    app.config["EXPLAIN_TEMPLATE_LOADING"] = True
    stream = StringIO()
    handler = logging.StreamHandler(stream)
    app.logger.addHandler(handler)
    app.logger.setLevel(logging.INFO)

    with app.test_request_context():
        with pytest.raises(Exception):
            flaskcompat.render_template("missing.html")

    log = stream.getvalue()
    assert 'Locating template "missing.html":' in log
    assert 'trying loader of application "flask_test"' in log
    assert "-> no match" in log
    assert "Error: the template could not be found." in log


def test_explain_template_loading_found_twice(app):
    class Loader(object):
        def __init__(self):
            self.searchpath = ["/a", "/b"]
            self.encoding = "utf-8"
            self.followlinks = False
            self._private = "hidden"
            self.mapping = {"skipped": "dicts are not shown"}

    messages = []
    app.logger.addHandler(logging.Handler())
    app.logger.handlers[-1].emit = lambda record: messages.append(record.getMessage())
    app.logger.setLevel(logging.INFO)
    attempts = [
        (Loader(), app, ("source", "/a/page.html", None)),
        (Loader(), "other", ("source", None, None)),
    ]
    explain_template_loading_attempts(app, "page.html", attempts)
    log = messages[0]
    assert "found ('/a/page.html')" in log.replace("u'", "'")
    assert "found ('<string>')" in log
    assert "  - /a" in log and "  - /b" in log
    assert "encoding: " in log
    assert "_private" not in log and "mapping" not in log
    assert "trying loader of 'other'" in log
    assert "Warning: multiple loaders returned a match for the template." in log


def test_debug_files_key_error(app):
    @app.route("/upload", methods=["POST"])
    def upload():
        return flaskcompat.request.files["photo"].filename

    app.debug = True
    app.config["PRESERVE_CONTEXT_ON_EXCEPTION"] = False
    client = app.test_client()
    with pytest.raises(KeyError) as excinfo:
        client.post("/upload", data={"photo": u"été.jpg"})
    error = excinfo.value
    assert isinstance(error, DebugFilesKeyError)
    message = text_type(error)
    assert u'You tried to access the file "photo"' in message
    assert u'"application/x-www-form-urlencoded"' in message
    assert u'This was submitted: "été.jpg"' in message


def test_attach_enctype_error_multidict_keeps_other_errors(app):
    with app.test_request_context(method="POST", data={"name": "x"}):
        request = flaskcompat.request
        original_class = request.files.__class__
        attach_enctype_error_multidict(request)
        assert request.files.__class__.__name__ == original_class.__name__
        assert isinstance(request.files, original_class)
        with pytest.raises(KeyError) as excinfo:
            request.files["other"]
        assert not isinstance(excinfo.value, DebugFilesKeyError)
        with pytest.raises(DebugFilesKeyError):
            request.files["name"]


def test_form_data_routing_redirect(app):
    @app.route("/folder/", methods=["GET", "POST"])
    def folder():
        return ""

    app.debug = True
    app.config["PRESERVE_CONTEXT_ON_EXCEPTION"] = False
    client = app.test_client()
    with pytest.raises(AssertionError) as excinfo:
        client.post("/folder", data={"a": u"é"})
    error = excinfo.value
    assert isinstance(error, FormDataRoutingRedirect)
    message = str(error)
    assert "http://localhost/folder" in message
    assert "defined with a trailing slash" in message
    assert "send your POST-request" in message
    assert "b'" not in message


def test_unexpected_unicode_error():
    error = UnexpectedUnicodeError("bad")
    assert isinstance(error, AssertionError)
    assert isinstance(error, UnicodeError)


def test_debug_files_key_error_is_a_key_error():
    class Request(object):
        form = MultiDict([("f", "a.txt"), ("f", "b.txt")])
        mimetype = "text/plain"

    error = DebugFilesKeyError(Request(), "f")
    assert isinstance(error, KeyError)
    assert str(error).count('"a.txt", "b.txt"') == 1


def test_explain_ignored_app_run(monkeypatch):
    monkeypatch.delenv("WERKZEUG_RUN_MAIN", raising=False)
    with pytest.warns(Warning) as record:
        explain_ignored_app_run()
    assert "Silently ignoring app.run()" in str(record[0].message)

    monkeypatch.setenv("WERKZEUG_RUN_MAIN", "true")
    # The reloader's child process: no warning (warnings are errors here).
    explain_ignored_app_run()
