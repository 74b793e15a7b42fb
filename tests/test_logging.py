# -*- coding: utf-8 -*-
"""The application logger, the WSGI error stream, and the debug-mode helpers
that explain common mistakes."""
import logging
import sys

import pytest
from werkzeug.datastructures import MultiDict

import flaskcompat
from flaskcompat import debughelpers
from flaskcompat import logging as fc_logging
from flaskcompat._compat import StringIO
from flaskcompat._compat import text_type


@pytest.fixture(autouse=True)
def bare_loggers(pytestconfig):
    """Give every test a root logger and an app logger with nothing attached.

    pytest's own capture handler sits on the root logger at level 0, which
    would look like a configured handler, so its plugin is parked too.
    """
    saved_root = (list(logging.root.handlers), logging.root.level)
    named = logging.getLogger("flask_test")
    for holder in (logging.root, named):
        del holder.handlers[:]
    named.setLevel(logging.NOTSET)
    parked = pytestconfig.pluginmanager.unregister(name="logging-plugin")
    try:
        yield named
    finally:
        logging.root.handlers[:] = saved_root[0]
        logging.root.setLevel(saved_root[1])
        del named.handlers[:]
        named.setLevel(logging.NOTSET)
        if parked:
            pytestconfig.pluginmanager.register(parked, "logging-plugin")


class RecordList(logging.Handler):
    def __init__(self):
        logging.Handler.__init__(self)
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


# -- the app logger ------------------------------------------------------------


def test_app_logger_is_the_named_logger_with_the_default_handler(app):
    log = app.logger
    assert log is logging.getLogger("flask_test")
    assert fc_logging.create_logger(app) is log
    assert log.level == logging.NOTSET
    assert log.handlers == [fc_logging.default_handler]


@pytest.mark.parametrize(
    ("preset", "debug", "expected"),
    [
        (logging.NOTSET, False, logging.NOTSET),
        (logging.NOTSET, True, logging.DEBUG),
        (logging.ERROR, True, logging.ERROR),
        (logging.WARNING, False, logging.WARNING),
    ],
)
def test_debug_lowers_the_level_only_when_none_was_set(
    app, bare_loggers, preset, debug, expected
):
    bare_loggers.setLevel(preset)
    app.debug = debug
    assert app.logger.level == expected
    assert app.logger.handlers == [fc_logging.default_handler]


def test_a_root_handler_replaces_the_default_one(app):
    logging.root.addHandler(logging.StreamHandler(StringIO()))
    assert app.logger.handlers == []
    assert app.logger.getEffectiveLevel() == logging.WARNING
    assert not app.logger.level


def test_a_root_handler_above_the_effective_level_is_ignored(app):
    quiet = logging.StreamHandler(StringIO())
    quiet.setLevel(logging.CRITICAL)
    logging.root.addHandler(quiet)
    assert app.logger.handlers == [fc_logging.default_handler]


def test_has_level_handler_walks_the_propagation_chain():
    child = logging.getLogger("flask_test.child")
    check = fc_logging.has_level_handler
    outcomes = [check(child)]

    on_root = logging.StreamHandler(StringIO())
    logging.root.addHandler(on_root)
    outcomes.append(check(child))

    child.propagate = False
    outcomes.append(check(child))
    child.propagate = True

    on_root.setLevel(logging.ERROR)
    outcomes.append(check(child))

    child.addHandler(logging.StreamHandler(StringIO()))
    outcomes.append(check(child))
    del child.handlers[:]

    assert outcomes == [False, True, False, False, True]


def test_old_logger_name_configuration_triggers_a_warning(app):
    legacy = logging.getLogger("flask.app")
    legacy.setLevel(logging.DEBUG)
    try:
        with pytest.warns(UserWarning) as caught:
            fc_logging.create_logger(app)
    finally:
        legacy.setLevel(logging.NOTSET)
    text = str(caught[0].message)
    assert "'flask.app'" in text
    assert "'flask_test'" in text


# -- where log output goes -----------------------------------------------------


def test_errors_stream_follows_the_request(app):
    sink = StringIO()
    assert fc_logging.wsgi_errors_stream._get_current_object() is sys.stderr
    with app.test_request_context(errors_stream=sink):
        assert fc_logging.wsgi_errors_stream._get_current_object() is sink
    assert fc_logging.wsgi_errors_stream._get_current_object() is sys.stderr


def test_default_handler_writes_level_module_and_text(app, client):
    @app.route("/log")
    def log_something():
        app.logger.error(u"naïve café")
        app.logger.debug(u"not shown")
        return u"ok"

    sink = StringIO()
    client.get("/log", errors_stream=sink)
    written = sink.getvalue()
    assert u"ERROR in test_logging: naïve café" in written
    assert u"not shown" not in written


def test_unhandled_view_error_is_logged_with_method_and_path(app, client):
    @app.route("/boom", methods=["POST"])
    def boom():
        raise LookupError("kaboom")

    app.testing = False
    sink = StringIO()
    failed = client.post("/boom", errors_stream=sink)
    assert (failed.status_code, len(failed.data) > 0) == (500, True)
    written = sink.getvalue()
    assert "Exception on /boom [POST]" in written
    assert "LookupError: kaboom" in written


# -- debug helpers ---------------------------------------------------------------


def test_explain_template_loading_logs_a_miss(app):
    app.config["EXPLAIN_TEMPLATE_LOADING"] = True
    recorder = RecordList()
    app.logger.addHandler(recorder)
    app.logger.setLevel(logging.INFO)

    with app.test_request_context("/page"):
        with pytest.raises(LookupError):
            flaskcompat.render_template("nowhere-to-be-found.html")

    text = "\n".join(recorder.lines)
    for piece in (
        'Locating template "nowhere-to-be-found.html":',
        'trying loader of application "flask_test"',
        "-> no match",
        "Error: the template could not be found.",
    ):
        assert piece in text


def test_explain_template_loading_reports_two_matches(app):
    class FakeLoader(object):
        def __init__(self):
            self.searchpath = ["/first", "/second"]
            self.encoding = "utf-8"
            self.followlinks = False
            self._hidden = "private"
            self.table = {"dicts": "are not listed"}

    recorder = RecordList()
    app.logger.addHandler(recorder)
    app.logger.setLevel(logging.INFO)
    attempts = [
        (FakeLoader(), app, ("body", "/first/page.html", None)),
        (FakeLoader(), "someplace", ("body", None, None)),
    ]
    debughelpers.explain_template_loading_attempts(app, "page.html", attempts)

    text = recorder.lines[0]
    assert "found ('/first/page.html')" in text.replace("u'", "'")
    assert "found ('<string>')" in text
    assert "  - /first" in text
    assert "  - /second" in text
    assert "encoding: " in text
    assert "_hidden" not in text
    assert "table" not in text
    assert "trying loader of 'someplace'" in text
    assert "Warning: multiple loaders returned a match for the template." in text


def test_files_lookup_without_multipart_explains_the_enctype(app):
    @app.route("/photo", methods=["POST"])
    def photo():
        return flaskcompat.request.files["picture"].filename

    app.debug = True
    app.config["PRESERVE_CONTEXT_ON_EXCEPTION"] = False
    with pytest.raises(KeyError) as caught:
        app.test_client().post("/photo", data={"picture": u"été.png"})

    assert isinstance(caught.value, debughelpers.DebugFilesKeyError)
    text = text_type(caught.value)
    assert u'You tried to access the file "picture"' in text
    assert u'"application/x-www-form-urlencoded"' in text
    assert u'This was submitted: "été.png"' in text


def test_enctype_helper_only_explains_keys_present_in_the_form(app):
    with app.test_request_context(method="POST", data={"field": "v"}):
        req = flaskcompat.request
        before = type(req.files)
        debughelpers.attach_enctype_error_multidict(req)
        assert isinstance(req.files, before)
        assert type(req.files).__name__ == before.__name__

        with pytest.raises(KeyError) as plain:
            req.files["absent"]
        assert not isinstance(plain.value, debughelpers.DebugFilesKeyError)

        with pytest.raises(debughelpers.DebugFilesKeyError):
            req.files["field"]


def test_files_key_error_lists_every_submitted_value_once():
    class StubRequest(object):
        form = MultiDict([("doc", "one.txt"), ("doc", "two.txt")])
        mimetype = "text/plain"

    err = debughelpers.DebugFilesKeyError(StubRequest(), "doc")
    assert isinstance(err, KeyError)
    assert isinstance(err, AssertionError)
    assert str(err).count('"one.txt", "two.txt"') == 1


def test_post_to_slash_redirect_raises_in_debug(app):
    @app.route("/inbox/", methods=["GET", "POST"])
    def inbox():
        return u""

    app.debug = True
    app.config["PRESERVE_CONTEXT_ON_EXCEPTION"] = False
    with pytest.raises(AssertionError) as caught:
        app.test_client().post("/inbox", data={"k": u"ü"})

    assert isinstance(caught.value, debughelpers.FormDataRoutingRedirect)
    text = str(caught.value)
    assert "http://localhost/inbox" in text
    assert "defined with a trailing slash" in text
    assert "send your POST-request" in text
    assert "b'" not in text


def test_unexpected_unicode_error_bases():
    err = debughelpers.UnexpectedUnicodeError("oops")
    assert isinstance(err, AssertionError)
    assert isinstance(err, UnicodeError)


def test_app_run_warning_depends_on_the_reloader_child(monkeypatch):
    monkeypatch.delenv("WERKZEUG_RUN_MAIN", raising=False)
    with pytest.warns(Warning) as caught:
        debughelpers.explain_ignored_app_run()
    assert "Silently ignoring app.run()" in str(caught[0].message)


def test_app_run_is_silent_inside_the_reloader_child(monkeypatch, recwarn):
    monkeypatch.setenv("WERKZEUG_RUN_MAIN", "true")
    debughelpers.explain_ignored_app_run()
    assert len(recwarn) == 0
