# -*- coding: utf-8 -*-
"""The published advisories against Flask and Werkzeug, each reproduced
through the public API and closed on every interpreter, including Python
2.7 where Werkzeug 1.0.1 has none of the fixes (docs/manual/security.rst
lists them)."""
from __future__ import unicode_literals

import io
import os

import pytest
from werkzeug.exceptions import NotFound
from werkzeug.test import EnvironBuilder

import flaskcompat
from flaskcompat import flash
from flaskcompat import get_flashed_messages
from flaskcompat import request
from flaskcompat import safe_join
from flaskcompat import send_from_directory
from flaskcompat import session

# -- CVE-2023-25577: unlimited multipart parts ---------------------------------------


class CountingInput(io.BytesIO):
    consumed = 0

    def read(self, size=-1):
        chunk = io.BytesIO.read(self, size)
        self.consumed += len(chunk)
        return chunk

    def readline(self, size=-1):
        chunk = io.BytesIO.readline(self, size)
        self.consumed += len(chunk)
        return chunk


def parts_body(count, value=b"v"):
    part = b'--x\r\nContent-Disposition: form-data; name="p"\r\n\r\n' + value + b"\r\n"
    return part * count + b"--x--\r\n"


def post_raw(app, body, content_type):
    builder = EnvironBuilder(path="/", method="POST")
    try:
        environ = dict(builder.get_environ())
    finally:
        builder.close()
    stream = CountingInput(body)
    environ.update(
        {
            "wsgi.input": stream,
            "CONTENT_TYPE": content_type,
            "CONTENT_LENGTH": str(len(body)),
        }
    )
    statuses = []
    app_iter = app(environ, lambda status, headers, exc_info=None: statuses.append(status))
    b"".join(app_iter)
    return int(statuses[0].split()[0]), stream.consumed


@pytest.fixture
def parts_app(app):
    @app.route("/", methods=["POST"])
    def count():
        return "%d" % len(request.form.getlist("p"))

    return app


def test_cve_2023_25577_many_parts_are_refused(parts_app):
    body = parts_body(5000, b"v" * 100)
    status, consumed = post_raw(parts_app, body, "multipart/form-data; boundary=x")
    assert status == 413
    # parsing stopped near part 1001, long before the end of the body
    assert consumed < len(body) // 2


def test_cve_2023_25577_the_default_allows_1000_parts(parts_app):
    client = parts_app.test_client()
    body = parts_body(1000)
    rv = client.post("/", data=body, content_type="multipart/form-data; boundary=x")
    assert rv.data == b"1000"


# -- CVE-2023-23934: cookies without a name ----------------------------------------


@pytest.mark.parametrize(
    "header",
    ["=__Host-test=bad", "a=1;=__Host-test=bad", "=__Host-test=bad; a=1", "==__Host-test=bad"],
)
def test_cve_2023_23934_nameless_cookie_is_not_read(app, header):
    with app.test_request_context(headers={"Cookie": header}):
        assert "__Host-test" not in request.cookies
        assert "" not in request.cookies


def test_cve_2023_23934_named_cookies_around_it_stay(app):
    header = '=__Host-test=bad;a=1; b="x;=y"; c=3'
    with app.test_request_context(headers={"Cookie": header}):
        assert sorted(request.cookies.items()) == [("a", "1"), ("b", "x;=y"), ("c", "3")]


def test_cve_2023_23934_session_cookie_cannot_be_planted(app):
    @app.route("/")
    def index():
        return "%r" % (session.get("user"),)

    with app.test_request_context(path="/"):
        signed = app.session_interface.get_signing_serializer(app).dumps({"user": "admin"})
    # without a cookie jar, which would write the Cookie header itself
    client = app.test_client(use_cookies=False)
    rv = client.get("/", headers={"Cookie": "=session=" + signed})
    assert rv.data == b"None"


# -- safe_join: Windows device names, UNC paths, drives (CVE-2024-49766 ...) -------

DEVICE_NAMES = (
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + ["COM%d" % n for n in range(1, 10)]
    + ["LPT%d" % n for n in range(1, 10)]
    + ["COM\u00b9", "COM\u00b2", "COM\u00b3", "LPT\u00b9", "LPT\u00b2", "LPT\u00b3"]
)
REFUSED = sorted(
    set(
        [name for name in DEVICE_NAMES]
        + [name.lower() for name in DEVICE_NAMES]
        + [name.title() + ".txt" for name in DEVICE_NAMES]
        + [name + ".tar.gz" for name in DEVICE_NAMES]
        + [name + "." for name in DEVICE_NAMES]
        + [name + " " for name in DEVICE_NAMES]
        + [name + " .log" for name in DEVICE_NAMES]
        + [name + ":" for name in DEVICE_NAMES]
        + [name + ":stream" for name in DEVICE_NAMES]
        + ["reports/" + name for name in DEVICE_NAMES]
        + ["reports/" + name.lower() + ".csv/x" for name in DEVICE_NAMES]
        + [
            "\\\\server\\share",
            "\\\\server\\share\\file.txt",
            "\\\\?\\C:\\secret",
            "\\\\.\\PhysicalDrive0",
            "//server",
            "//server/share",
            "///server/share",
            "C:x",
            "c:secret.txt",
            "C:",
            "C:/x",
            "C:\\x",
            "z:..",
            "a\\..\\..\\x",
            "..",
            "../x",
            "x/../../y",
            "/etc/passwd",
            "secret.txt.",
            "secret.txt ",
            "dir./x",
            "x\x00y",
        ]
    )
)
ALLOWED = [
    "COM0",
    "LPT0",
    "COM10",
    "CONSOLE",
    "con-tents.txt",
    "my.con",
    "aux_data",
    "com",
    "reports/2024.pdf",
    "a/./b",
    "file.txt:stream",
]


@pytest.mark.parametrize("name", REFUSED)
def test_safe_join_refuses_on_every_os(name):
    with pytest.raises(NotFound):
        safe_join("/srv/files", name)


@pytest.mark.parametrize("name", ALLOWED)
def test_safe_join_keeps_ordinary_names(name):
    joined = safe_join("/srv/files", name)
    assert joined.startswith("/srv/files/")


@pytest.mark.parametrize("name", ["NUL", "com1.txt", "con.", "LPT\u00b2", "aux:x"])
def test_send_from_directory_refuses_device_names(app, tmpdir, name):
    folder = str(tmpdir)
    with io.open(os.path.join(folder, "ok.txt"), "w") as f:
        f.write("fine")
    with app.test_request_context(path="/"):
        with pytest.raises(NotFound):
            send_from_directory(folder, name)
        rv = send_from_directory(folder, "ok.txt")
        rv.direct_passthrough = False
        assert rv.get_data() == b"fine"
        rv.close()


# -- Flask CVE-2023-30861: Vary: Cookie on every session access ------------------


def _set_permanent():
    session.permanent = True
    return ""


SESSION_VIEWS = {
    "getitem": lambda: session["k"],
    "get": lambda: session.get("k", ""),
    "contains": lambda: "%s" % ("k" in session),
    "write": lambda: session.__setitem__("k", "w") or "",
    "delete": lambda: session.pop("k", "") or "",
    "setdefault": lambda: session.setdefault("k", "d"),
    "keys": lambda: ",".join(sorted(session.keys())),
    "iterate": lambda: ",".join(sorted(session)),
    "items": lambda: "%d" % len(list(session.items())),
    "length": lambda: "%d" % len(session),
    "truth": lambda: "%s" % bool(session),
    "flashed": lambda: ",".join(get_flashed_messages()),
    "flash": lambda: flash("hi") or "",
    "permanent-read": lambda: "%s" % session.permanent,
    "permanent-write": _set_permanent,
    "clear": lambda: session.clear() or "",
}


@pytest.fixture
def session_app(app):
    @app.route("/start")
    def start():
        session["k"] = "v"
        session.permanent = True
        return ""

    for name, view in SESSION_VIEWS.items():
        app.add_url_rule("/" + name, name, view)

    @app.route("/untouched")
    def untouched():
        return ""

    return app


def visit_with_session(app, name, refresh):
    """The response to ``/name`` once the session holds a permanent key."""
    app.config["SESSION_REFRESH_EACH_REQUEST"] = refresh
    client = app.test_client()
    client.get("/start")
    return client.get("/" + name)


@pytest.mark.parametrize("name", sorted(SESSION_VIEWS))
@pytest.mark.parametrize("refresh", [True, False], ids=["refresh", "no-refresh"])
def test_cve_2023_30861_every_access_varies_on_cookie(session_app, name, refresh):
    rv = visit_with_session(session_app, name, refresh)
    assert "Cookie" in rv.headers.get("Vary", "")


@pytest.mark.parametrize("name", sorted(SESSION_VIEWS) + ["start", "untouched"])
@pytest.mark.parametrize("refresh", [True, False], ids=["refresh", "no-refresh"])
def test_cve_2023_30861_no_set_cookie_without_vary(session_app, name, refresh):
    rv = visit_with_session(session_app, name, refresh)
    varies = "Cookie" in rv.headers.get("Vary", "")
    assert varies or not rv.headers.getlist("Set-Cookie")


def test_untouched_session_adds_no_vary(session_app):
    # (with SESSION_REFRESH_EACH_REQUEST a permanent session's cookie is
    # renewed, and varies, on every request)
    rv = visit_with_session(session_app, "untouched", False)
    assert rv.headers.get("Vary") is None
    assert rv.headers.getlist("Set-Cookie") == []
