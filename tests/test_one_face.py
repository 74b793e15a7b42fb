# -*- coding: utf-8 -*-
"""One face on every interpreter: the pages an unhandled HTTP error or a
routing redirect answers with, and what the development server prints when
it starts, are the same bytes on Python 2.7 and 3.x whatever Werkzeug
release sits underneath."""
import os
import socket
import subprocess
import sys
import time

import pytest
from werkzeug.exceptions import BadRequest
from werkzeug.exceptions import HTTPException

import flaskcompat

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
HTML = "text/html; charset=utf-8"

NOT_FOUND = (
    b"<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n"
    b"<h1>Not Found</h1>\n<p>The requested URL was not found on the server."
    b" If you entered the URL manually please check your spelling and try"
    b" again.</p>\n"
)
METHOD_NOT_ALLOWED = (
    b"<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n"
    b"<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the"
    b" requested URL.</p>\n"
)
INTERNAL_ERROR = (
    b"<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n"
    b"<h1>Internal Server Error</h1>\n<p>The server encountered an internal"
    b" error and was unable to complete your request. Either the server is"
    b" overloaded or there is an error in the application.</p>\n"
)
BAD_REQUEST_WITH_HTML = (
    b"<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n"
    b"<h1>Bad Request</h1>\n<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
    b" &amp; &#34;quotes&#34;<br>caf\xc3\xa9 on a second line</p>\n"
)
SLASH_REDIRECT = (
    b"<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n"
    b"<h1>Redirecting...</h1>\n<p>You should be redirected automatically to"
    b' the target URL: <a href="http://localhost/tools/">'
    b"http://localhost/tools/</a>. If not, click the link.\n"
)


@pytest.fixture
def pages_app(app, monkeypatch):
    app.testing = False

    @app.route("/tools/", methods=["GET", "POST"])
    def tools():
        return "tools"

    @app.route("/lend", methods=["PUT"])
    def lend():
        return "lent"

    @app.route("/broken")
    def broken():
        raise ZeroDivisionError("deliberately")

    @app.route("/refuse")
    def refuse():
        flaskcompat.abort(
            400, u"<script>alert('x')</script> & \"quotes\"\ncaf\xe9 on a second line"
        )

    # the 500 test's traceback is expected: keep it out of the output
    monkeypatch.setattr(app.logger, "disabled", True)
    return app


def test_not_found_page(pages_app):
    reply = pages_app.test_client().get("/missing")
    assert reply.status_code == 404
    assert reply.headers["Content-Type"] == HTML
    assert reply.data == NOT_FOUND
    assert reply.headers["Content-Length"] == str(len(NOT_FOUND))


def test_method_not_allowed_page_lists_methods_in_one_order(pages_app):
    reply = pages_app.test_client().delete("/lend")
    assert reply.status_code == 405
    assert reply.headers["Content-Type"] == HTML
    assert reply.headers["Allow"] == "OPTIONS, PUT"
    assert reply.data == METHOD_NOT_ALLOWED

    reply = pages_app.test_client().delete("/tools/")
    assert reply.headers["Allow"] == "GET, HEAD, OPTIONS, POST"
    assert reply.data == METHOD_NOT_ALLOWED


def test_internal_error_page(pages_app):
    reply = pages_app.test_client().get("/broken")
    assert reply.status_code == 500
    assert reply.headers["Content-Type"] == HTML
    assert reply.data == INTERNAL_ERROR


def test_abort_description_is_escaped(pages_app):
    reply = pages_app.test_client().get("/refuse")
    assert reply.status_code == 400
    assert reply.headers["Content-Type"] == HTML
    assert reply.data == BAD_REQUEST_WITH_HTML


def test_strict_slash_redirect_page(pages_app):
    reply = pages_app.test_client().get("/tools")
    assert reply.status_code == 308
    assert reply.headers["Location"] == "http://localhost/tools/"
    assert reply.headers["Content-Type"] == HTML
    assert reply.data == SLASH_REDIRECT


def test_error_returned_by_handler_gets_the_same_page(pages_app):
    @pages_app.errorhandler(404)
    def pass_through(error):
        return error

    reply = pages_app.test_client().get("/missing")
    assert reply.status_code == 404
    assert reply.data == NOT_FOUND


class Teapot(HTTPException):
    code = 418
    description = "Short and stout."


class PlainBody(HTTPException):
    code = 409

    def get_body(self, environ=None, *args):
        return u"conflict, plainly"

    def get_headers(self, environ=None, *args):
        return [("Content-Type", "text/plain; charset=utf-8")]


class ListedDescription(BadRequest):
    def get_description(self, environ=None, *args):
        return u"<ul><li>one</li><li>two</li></ul>"


class WholeResponse(HTTPException):
    code = 402

    def get_response(self, environ=None, *args):
        return flaskcompat.Response("pay first", 402, mimetype="text/plain")


def test_custom_exception_class_attributes_fill_the_page(pages_app):
    @pages_app.route("/teapot")
    def teapot():
        raise Teapot()

    reply = pages_app.test_client().get("/teapot")
    assert reply.status_code == 418
    assert reply.data == (
        b"<!doctype html>\n<html lang=en>\n<title>418 I&#39;m a teapot</title>\n"
        b"<h1>I&#39;m a teapot</h1>\n<p>Short and stout.</p>\n"
    )


def test_custom_get_body_and_headers_are_kept(pages_app):
    @pages_app.route("/conflict")
    def conflict():
        raise PlainBody()

    reply = pages_app.test_client().get("/conflict")
    assert reply.status_code == 409
    assert reply.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert reply.data == b"conflict, plainly"


def test_custom_get_description_is_kept_unescaped(pages_app):
    @pages_app.route("/listed")
    def listed():
        raise ListedDescription()

    reply = pages_app.test_client().get("/listed")
    assert reply.status_code == 400
    assert reply.data == (
        b"<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n"
        b"<h1>Bad Request</h1>\n<ul><li>one</li><li>two</li></ul>\n"
    )


def test_custom_get_response_is_kept(pages_app):
    @pages_app.route("/pay")
    def pay():
        raise WholeResponse()

    reply = pages_app.test_client().get("/pay")
    assert reply.status_code == 402
    assert reply.data == b"pay first"


def test_abort_with_a_response_sends_that_response(pages_app):
    @pages_app.route("/teapot-response")
    def teapot_response():
        flaskcompat.abort(flaskcompat.Response("brewing", 418))

    reply = pages_app.test_client().get("/teapot-response")
    assert reply.status_code == 418
    assert reply.data == b"brewing"


# The development server's start-up text -------------------------------------

WARNING = (
    "WARNING: This is a development server. Do not use it in a production"
    " deployment. Use a production WSGI server instead."
)


def _free_port():
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
    finally:
        probe.close()


def _accepting(port):
    try:
        connection = socket.create_connection(("127.0.0.1", port), timeout=1)
    except socket.error:
        return False
    connection.close()
    return True


def _startup_output(arguments, env_updates, port, cwd):
    """Start ``python ARGUMENTS`` and collect what it prints until its
    server accepts a connection on ``port`` (at most 60 seconds), then stop
    it: stdout and stderr together, as text lines."""
    env = dict(os.environ)
    for name in ("FLASK_APP", "FLASK_ENV", "FLASK_DEBUG", "FLASK_RUN_FROM_CLI"):
        env.pop(name, None)
    env.update(env_updates)
    env["PYTHONUNBUFFERED"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [ROOT, env_updates.get("PYTHONPATH"), os.environ.get("PYTHONPATH")])
    )
    env = dict((str(k), str(v)) for k, v in env.items())
    process = subprocess.Popen(
        [sys.executable] + arguments,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.time() + 60
        while time.time() < deadline and process.poll() is None:
            if _accepting(port):
                break
            time.sleep(0.1)
        served = process.poll() is None
    finally:
        if process.poll() is None:
            process.terminate()
        output = process.communicate()[0]
    assert served, output
    text = output.decode("utf-8").replace(str(port), "PORT")
    return text.splitlines()


def test_flaskcompat_run_prints_one_banner(tmpdir):
    port = _free_port()
    lines = _startup_output(
        ["-m", "flaskcompat", "run", "--port", str(port)],
        {"FLASK_APP": "hello_app.py"},
        port,
        _hello_app(tmpdir),
    )
    assert lines == [
        ' * Serving flaskcompat app "hello_app.py"',
        " * Environment: production",
        " * Debug mode: off",
        " * Running on http://127.0.0.1:PORT (Press CTRL+C to quit)",
        WARNING,
    ]
    assert sum(line.count("development server") for line in lines) == 1


def test_app_run_of_the_toolshed_example_prints_one_banner(tmpdir):
    port = _free_port()
    settings = tmpdir.join("settings.py")
    database = str(tmpdir.join("shed.sqlite"))
    settings.write("DATABASE = %r\n" % (str(database),))
    lines = _startup_output(
        ["-m", "toolshed", "--port", str(port)],
        {
            "TOOLSHED_SETTINGS": str(settings),
            "PYTHONPATH": os.path.join(ROOT, "examples", "toolshed"),
        },
        port,
        str(tmpdir),
    )
    assert lines == [
        "toolshed: created the database %s" % database,
        ' * Serving flaskcompat app "toolshed"',
        " * Environment: production",
        " * Debug mode: off",
        " * Running on http://127.0.0.1:PORT (Press CTRL+C to quit)",
        WARNING,
    ]


def _hello_app(tmpdir):
    tmpdir.join("hello_app.py").write(
        "from flaskcompat import Flask\n"
        "app = Flask(__name__)\n"
        "@app.route('/')\n"
        "def index():\n"
        "    return 'hello'\n"
    )
    return str(tmpdir)
