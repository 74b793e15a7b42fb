# -*- coding: utf-8 -*-
"""Helpers: flashing, static files, send_file, send_from_directory,
safe_join, environment flags."""
from __future__ import unicode_literals

import datetime
import io
import os

import pytest
from werkzeug.exceptions import NotFound
from werkzeug.http import http_date
from werkzeug.http import parse_date

import flaskcompat
from flaskcompat import flash
from flaskcompat import get_flashed_messages
from flaskcompat.helpers import get_debug_flag
from flaskcompat.helpers import get_env

HERE = os.path.dirname(os.path.abspath(__file__))
STATIC = os.path.join(HERE, "static")


def read_static(name):
    with open(os.path.join(STATIC, name), "rb") as f:
        return f.read()


# ---------------------------------------------------------------------------
# Flashing
# ---------------------------------------------------------------------------


@pytest.fixture
def flash_app(app):
    @app.route("/flash")
    def flash_some():
        flash("plain")
        flash("bad <thing>", "error")
        flash(flaskcompat.Markup("<b>careful</b>"), "warning")
        flash("ünïcode", "info")
        return ""

    @app.route("/all")
    def show_all():
        return flaskcompat.render_template("flashes.html")

    @app.route("/filtered")
    def show_filtered():
        return flaskcompat.render_template("filtered_flashes.html")

    @app.route("/python")
    def show_python():
        first = get_flashed_messages()
        again = get_flashed_messages(with_categories=True)
        errors = get_flashed_messages(category_filter=["error"])
        both = get_flashed_messages(True, ["error", "info"])
        return {"first": first, "again": again, "errors": errors, "both": both}

    return app


def test_flash_with_categories_through_client(flash_app, client):
    client.get("/flash")
    rv = client.get("/all")
    assert rv.data.decode("utf-8") == (
        "[message:plain][error:bad &lt;thing&gt;][warning:<b>careful</b>]"
        "[info:ünïcode]"
    )
    # Messages are shown once.
    assert client.get("/all").data == b""


def test_flash_category_filter_in_template(flash_app, client):
    client.get("/flash")
    rv = client.get("/filtered")
    assert rv.data == b"[bad &lt;thing&gt;][<b>careful</b>]"
    # Reading a filtered list still consumes every message.
    assert client.get("/all").data == b""


def test_get_flashed_messages_in_python(flash_app, client):
    client.get("/flash")
    data = client.get("/python").get_json()
    assert data["first"] == ["plain", "bad <thing>", "<b>careful</b>", "ünïcode"]
    assert data["again"] == [
        ["message", "plain"],
        ["error", "bad <thing>"],
        ["warning", "<b>careful</b>"],
        ["info", "ünïcode"],
    ]
    assert data["errors"] == ["bad <thing>"]
    assert data["both"] == [["error", "bad <thing>"], ["info", "ünïcode"]]


def test_flash_keeps_markup(app, client):
    @app.route("/set")
    def set_flash():
        flash(flaskcompat.Markup("<em>hi</em>"))
        return ""

    @app.route("/get")
    def get_flash():
        message = get_flashed_messages()[0]
        return repr(isinstance(message, flaskcompat.Markup))

    client.get("/set")
    assert client.get("/get").data == b"True"


def test_flash_bytes_is_utf8_text(flash_app, client):
    # Python 2 code flashes native strings (bytes); they are shown as text.
    @flash_app.route("/set")
    def set_flash():
        flash(b"saved")
        flash("café".encode("utf-8"), b"info")
        return ""

    client.get("/set")
    rv = client.get("/all")
    assert rv.data.decode("utf-8") == "[message:saved][info:café]"


def test_no_flashes_leaves_session_alone(app, client):
    @app.route("/")
    def index():
        return repr(get_flashed_messages())

    rv = client.get("/")
    assert rv.data == b"[]"


def test_checking_for_flashes_varies_on_cookie_but_sets_none(app, client):
    # Looking for flashed messages reads the session: the page depends on the
    # cookie, so a cache must key on it (Vary: Cookie), but with nothing
    # stored no cookie is set. A page that never touches the session stays
    # free of both.
    @app.route("/")
    def index():
        return flaskcompat.render_template("flashes.html")

    @app.route("/plain")
    def plain():
        return "plain"

    rv = client.get("/")
    assert rv.data == b""
    assert "Set-Cookie" not in rv.headers
    assert "Cookie" in rv.headers.get("Vary", "")

    rv = client.get("/plain")
    assert "Set-Cookie" not in rv.headers
    assert "Vary" not in rv.headers


def test_message_flashed_signal(app, client):
    recorded = []

    def record(sender, message, category):
        recorded.append((message, category))

    @app.route("/")
    def index():
        flash("sig", "cat")
        return ""

    flaskcompat.message_flashed.connect(record, app)
    try:
        client.get("/")
    finally:
        flaskcompat.message_flashed.disconnect(record, app)
    assert recorded == [("sig", "cat")]


# ---------------------------------------------------------------------------
# Static files
# ---------------------------------------------------------------------------


def test_static_file(app, client):
    rv = client.get("/static/style.css")
    try:
        assert rv.status_code == 200
        assert rv.mimetype == "text/css"
        assert rv.data == read_static("style.css")
        assert rv.headers["Content-Length"] == str(len(read_static("style.css")))
        assert rv.cache_control.public
        assert rv.cache_control.max_age == 12 * 60 * 60
        assert rv.headers["ETag"]
        mtime = os.path.getmtime(os.path.join(STATIC, "style.css"))
        assert rv.headers["Last-Modified"] == http_date(int(mtime))
    finally:
        rv.close()


def test_static_file_in_subfolder(app, client):
    rv = client.get("/static/sub/data.txt")
    assert rv.status_code == 200
    assert rv.mimetype == "text/plain"
    assert rv.data == "nested static text ü\n".encode("utf-8")
    rv.close()


def test_static_cache_timeout_config(app, client):
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = 60
    rv = client.get("/static/index.html")
    assert rv.cache_control.max_age == 60
    rv.close()
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = datetime.timedelta(minutes=2)
    rv = client.get("/static/index.html")
    assert rv.cache_control.max_age == 120
    rv.close()


def test_get_send_file_max_age_override(tmpdir):
    class StaticFlask(flaskcompat.Flask):
        def get_send_file_max_age(self, filename):
            return 10 if filename.endswith(".css") else 20

    app = StaticFlask("flask_test", root_path=HERE)
    client = app.test_client()
    rv = client.get("/static/style.css")
    assert rv.cache_control.max_age == 10
    rv.close()
    rv = client.get("/static/index.html")
    assert rv.cache_control.max_age == 20
    rv.close()


def test_static_conditional_etag(app, client):
    rv = client.get("/static/style.css")
    etag = rv.headers["ETag"]
    last_modified = rv.headers["Last-Modified"]
    rv.close()

    rv = client.get("/static/style.css", headers={"If-None-Match": etag})
    assert rv.status_code == 304
    assert rv.data == b""
    rv.close()

    rv = client.get("/static/style.css", headers={"If-Modified-Since": last_modified})
    assert rv.status_code == 304
    rv.close()

    rv = client.get("/static/style.css", headers={"If-None-Match": '"other"'})
    assert rv.status_code == 200
    rv.close()


def test_static_range_request(app, client):
    content = read_static("style.css")
    rv = client.get("/static/style.css", headers={"Range": "bytes=0-4"})
    assert rv.status_code == 206
    assert rv.data == content[:5]
    assert rv.headers["Content-Range"] == "bytes 0-4/%d" % len(content)
    assert rv.headers["Content-Length"] == "5"
    assert rv.headers["Accept-Ranges"] == "bytes"
    rv.close()

    rv = client.get("/static/style.css", headers={"Range": "bytes=-3"})
    assert rv.status_code == 206
    assert rv.data == content[-3:]
    rv.close()


@pytest.fixture
def opened_files(monkeypatch):
    """Every file that ``flaskcompat.helpers`` opens during the test."""
    files = []

    def tracking_open(*args, **kwargs):
        f = io.open(*args, **kwargs)
        files.append(f)
        return f

    monkeypatch.setattr(flaskcompat.helpers, "open", tracking_open, raising=False)
    yield files
    # A leak fails the test that found it, not a later one through a
    # ResourceWarning at garbage collection.
    for f in files:
        f.close()


@pytest.mark.parametrize(
    ("headers", "status", "content_range", "length"),
    [
        ({"Range": "bytes=0-"}, 206, "bytes 0-{last}/{size}", "{size}"),
        ({"Range": "bytes=0-99999"}, 206, "bytes 0-{last}/{size}", "{size}"),
        ({"Range": "bytes=0-4", "If-Range": '"other"'}, 200, None, "{size}"),
        ({"Range": "bytes=0-4", "If-Range": "{etag}"}, 206, "bytes 0-4/{size}", "5"),
        ({"Range": "bytes=0-4", "If-Range": "{last_modified}"}, 206, None, "5"),
        ({"If-None-Match": "*"}, 304, None, None),
        ({"If-None-Match": "W/{etag}"}, 304, None, None),
        ({"If-Modified-Since": "not a date"}, 200, None, "{size}"),
    ],
    ids=[
        "open-range",
        "past-the-end",
        "if-range-mismatch",
        "if-range-etag",
        "if-range-date",
        "any-etag",
        "weak-etag",
        "bad-date",
    ],
)
def test_static_conditional_and_range_variants(
    app, client, headers, status, content_range, length
):
    content = read_static("style.css")
    rv = client.get("/static/style.css")
    values = {
        "etag": rv.headers["ETag"],
        "last_modified": rv.headers["Last-Modified"],
        "size": len(content),
        "last": len(content) - 1,
    }
    rv.close()
    headers = dict((k, v.format(**values)) for k, v in headers.items())
    rv = client.get("/static/style.css", headers=headers)
    assert rv.status_code == status
    if content_range is not None:
        assert rv.headers["Content-Range"] == content_range.format(**values)
    if length is not None:
        assert rv.headers["Content-Length"] == length.format(**values)
    rv.close()


def test_static_files_are_closed(app, client, opened_files):
    rv = client.get("/static/style.css")
    rv.close()
    rv = client.get("/static/style.css", headers={"If-None-Match": rv.headers["ETag"]})
    assert rv.status_code == 304
    rv.close()
    assert len(opened_files) == 2
    assert all(f.closed for f in opened_files)


def test_static_range_not_satisfiable_closes_the_file(app, client, opened_files):
    size = len(read_static("style.css"))
    rv = client.get("/static/style.css", headers={"Range": "bytes=%d-" % (size + 10)})
    assert rv.status_code == 416
    assert rv.headers["Content-Range"] == "bytes */%d" % size
    rv.close()
    assert len(opened_files) == 1
    assert opened_files[0].closed


def test_static_missing_file(app, client):
    assert client.get("/static/missing.css").status_code == 404
    assert client.get("/static/sub").status_code == 404
    assert client.get("/static/sub/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/static/../test_helpers.py",
        "/static/..%2ftest_helpers.py",
        "/static/sub/../../test_helpers.py",
        "/static/..%5ctest_helpers.py",
        "/static/sub%5c..%5c..%5ctest_helpers.py",
        "/static/C:%5cwindows",
        "/static/CON",
        "/static/nul.txt",
        "/static/sub/aux.css",
        "/static/%00",
    ],
)
def test_static_refuses_unsafe_paths(app, client, path):
    rv = client.get(path)
    assert rv.status_code == 404
    rv.close()


def test_send_static_file_directly(app):
    with app.test_request_context():
        rv = app.send_static_file("index.html")
        rv.direct_passthrough = False
        try:
            assert rv.status_code == 200
            assert rv.get_data() == read_static("index.html")
            assert rv.mimetype == "text/html"
        finally:
            rv.close()


def test_send_static_file_without_static_folder():
    app = flaskcompat.Flask("flask_test", root_path=HERE, static_folder=None)
    assert "static" not in app.view_functions
    with app.test_request_context():
        with pytest.raises(RuntimeError):
            app.send_static_file("index.html")


def test_custom_static_folder_and_url(tmpdir):
    folder = tmpdir.mkdir("assets")
    folder.join("app.txt").write_binary(b"asset")
    app = flaskcompat.Flask(
        "flask_test",
        root_path=str(tmpdir),
        static_folder="assets",
        static_url_path="/s",
    )
    client = app.test_client()
    rv = client.get("/s/app.txt")
    assert rv.data == b"asset"
    rv.close()
    assert client.get("/static/app.txt").status_code == 404


# ---------------------------------------------------------------------------
# send_file
# ---------------------------------------------------------------------------


def test_send_file_path(app):
    with app.test_request_context():
        rv = flaskcompat.send_file(os.path.join("static", "index.html"))
        rv.direct_passthrough = False
        try:
            assert rv.mimetype == "text/html"
            assert rv.get_data() == read_static("index.html")
            assert "Content-Disposition" not in rv.headers
        finally:
            rv.close()


def test_send_file_object_needs_name_or_mimetype(app):
    with app.test_request_context():
        with pytest.raises(ValueError) as excinfo:
            flaskcompat.send_file(io.BytesIO(b"data"))
        assert "mimetype" in str(excinfo.value).lower()

        rv = flaskcompat.send_file(io.BytesIO(b"data"), mimetype="text/plain")
        rv.direct_passthrough = False
        assert rv.get_data() == b"data"
        assert rv.mimetype == "text/plain"
        rv.close()

        rv = flaskcompat.send_file(io.BytesIO(b"png"), attachment_filename="x.png")
        assert rv.mimetype == "image/png"
        rv.close()


def test_send_file_text_stream_content_length(app, client):
    # A text stream is sent UTF-8 encoded; its Content-Length, if any, must
    # count bytes, not characters, or clients truncate the body.
    @app.route("/text")
    def text():
        return flaskcompat.send_file(io.StringIO("héllo wörld"), mimetype="text/plain")

    rv = client.get("/text")
    assert rv.data == "héllo wörld".encode("utf-8")
    assert rv.headers.get("Content-Length") in (None, str(len(rv.data)))
    rv.close()


def test_send_file_as_attachment(app):
    with app.test_request_context():
        rv = flaskcompat.send_file(
            io.BytesIO(b"x"), as_attachment=True, attachment_filename="report.txt"
        )
        # Flask 1.1 quotes the name only when it is not an HTTP token.
        assert rv.headers["Content-Disposition"] == "attachment; filename=report.txt"
        rv.close()

        rv = flaskcompat.send_file(
            os.path.join(STATIC, "index.html"), as_attachment=True
        )
        assert rv.headers["Content-Disposition"] == "attachment; filename=index.html"
        rv.close()


def test_send_file_non_ascii_attachment_name(app):
    with app.test_request_context():
        rv = flaskcompat.send_file(
            io.BytesIO(b"x"),
            as_attachment=True,
            attachment_filename="Ünicöde €.txt",
        )
        assert rv.headers["Content-Disposition"] == (
            "attachment; filename=\"Unicode .txt\";"
            " filename*=UTF-8''%C3%9Cnic%C3%B6de%20%E2%82%AC.txt"
        )
        rv.close()


def test_send_file_as_attachment_without_name(app):
    with app.test_request_context():
        with pytest.raises(TypeError):
            flaskcompat.send_file(
                io.BytesIO(b"x"), mimetype="text/plain", as_attachment=True
            )


def test_send_file_missing_path_is_404(app):
    with app.test_request_context():
        with pytest.raises(NotFound):
            flaskcompat.send_file("static/does-not-exist.txt")


def test_send_file_x_sendfile(app):
    app.use_x_sendfile = True
    with app.test_request_context():
        path = os.path.join(STATIC, "index.html")
        rv = flaskcompat.send_file(path)
        assert rv.headers["X-Sendfile"] == path
        assert rv.mimetype == "text/html"
        rv.direct_passthrough = False
        assert rv.get_data() == b""


def test_send_file_cache_timeout_and_etag_options(app):
    with app.test_request_context():
        path = os.path.join(STATIC, "index.html")
        rv = flaskcompat.send_file(path, cache_timeout=7, add_etags=False)
        assert rv.cache_control.max_age == 7
        assert "ETag" not in rv.headers
        rv.close()


def test_send_file_etag_is_the_same_on_every_interpreter(app, tmpdir):
    # The same file must get the same ETag whichever interpreter serves it,
    # or caches revalidate everything while a site moves from 2.7 to 3.x.
    path = tmpdir.join("etag.txt")
    path.write_binary(b"hi\n")
    os.utime(str(path), (1700000000.123456, 1700000000.123456))
    with app.test_request_context():
        rv = flaskcompat.send_file(str(path), mimetype="text/plain")
        rv.close()
    mtime, size, checksum = rv.headers["ETag"].strip('"').split("-")
    assert mtime == "1700000000.123456"
    assert size == "3"


def test_send_file_conditional_through_client(app, client):
    path = os.path.join(STATIC, "style.css")
    last_modified = datetime.datetime(2020, 2, 3, 4, 5, 6)

    @app.route("/file")
    def the_file():
        return flaskcompat.send_file(
            path, conditional=True, last_modified=last_modified
        )

    rv = client.get("/file")
    assert parse_date(rv.headers["Last-Modified"]).replace(tzinfo=None) == (
        last_modified
    )
    rv.close()
    rv = client.get("/file", headers={"If-Modified-Since": http_date(last_modified)})
    assert rv.status_code == 304
    rv.close()
    rv = client.get("/file", headers={"Range": "bytes=5-9"})
    assert rv.status_code == 206
    assert rv.data == read_static("style.css")[5:10]
    rv.close()


def test_send_file_object_through_client(app, client):
    @app.route("/stream")
    def stream():
        return flaskcompat.send_file(io.BytesIO(b"0123456789"), mimetype="text/plain")

    rv = client.get("/stream")
    assert rv.data == b"0123456789"
    assert rv.headers["Content-Length"] == "10"
    rv.close()


# ---------------------------------------------------------------------------
# send_from_directory and safe_join
# ---------------------------------------------------------------------------


def test_send_from_directory(app, client):
    @app.route("/files/<path:name>")
    def files(name):
        return flaskcompat.send_from_directory("static", name)

    rv = client.get("/files/sub/data.txt")
    assert rv.status_code == 200
    assert rv.data == read_static(os.path.join("sub", "data.txt"))
    rv.close()
    assert client.get("/files/nope.txt").status_code == 404
    assert client.get("/files/sub").status_code == 404


def test_send_from_directory_as_attachment(app):
    with app.test_request_context():
        rv = flaskcompat.send_from_directory(STATIC, "index.html", as_attachment=True)
        assert rv.headers["Content-Disposition"] == "attachment; filename=index.html"
        rv.close()


@pytest.mark.parametrize(
    "name",
    [
        "..",
        "../test_helpers.py",
        "sub/../../test_helpers.py",
        "/etc/passwd",
        "..\\test_helpers.py",
        "sub\\data.txt",
        "C:\\windows",
        "c:relative",
        "CON",
        "con",
        "nul.txt",
        "sub/NUL",
        "aux.tar.gz",
        "COM1",
        "lpt9.log",
        "a\x00b",
    ],
)
def test_send_from_directory_refuses_unsafe_names(app, tmpdir, name):
    # The device names exist as files here: they are refused by name, not
    # because they are missing.
    for device in ("CON", "con", "nul.txt", "aux.tar.gz", "COM1", "lpt9.log"):
        tmpdir.join(device).write_binary(b"device")
    tmpdir.mkdir("sub").join("NUL").write_binary(b"device")
    with app.test_request_context():
        with pytest.raises(NotFound):
            flaskcompat.send_from_directory(str(tmpdir), name)


def test_bytes_paths_are_accepted(app):
    # Native strings are bytes on Python 2; the same call keeps working on
    # Python 3 instead of answering 404 for a file that exists.
    assert flaskcompat.safe_join(b"base", b"x.txt") == "base/x.txt"
    with pytest.raises(NotFound):
        flaskcompat.safe_join(b"base", b"../x.txt")
    with app.test_request_context():
        rv = flaskcompat.send_from_directory(b"static", b"index.html")
        assert rv.mimetype == "text/html"
        rv.close()
        rv = flaskcompat.send_file(os.path.join(STATIC, "index.html").encode("utf-8"))
        assert rv.mimetype == "text/html"
        rv.close()


def test_safe_join_accepts_normal_paths():
    assert flaskcompat.safe_join("base", "a", "b.txt") == "base/a/b.txt"
    assert flaskcompat.safe_join("base", "a/./b") == "base/a/b"
    assert flaskcompat.safe_join("base", "a/../b") == "base/b"
    assert flaskcompat.safe_join("base", "ünï.txt") == "base/ünï.txt"
    assert flaskcompat.safe_join("/abs/base", "confusing.txt") == (
        "/abs/base/confusing.txt"
    )
    assert flaskcompat.safe_join("base", "console.txt") == "base/console.txt"


@pytest.mark.parametrize(
    "parts",
    [
        ("..",),
        ("../x",),
        ("a", "../../x"),
        ("/abs",),
        ("a\\b",),
        ("C:x",),
        ("CON",),
        ("nul.txt",),
        ("dir/Prn.html",),
        ("x\x00",),
        (None,),
    ],
)
def test_safe_join_refuses(parts):
    with pytest.raises(NotFound):
        flaskcompat.safe_join("base", *parts)


# ---------------------------------------------------------------------------
# Environment flags and open_resource
# ---------------------------------------------------------------------------


def test_get_env_and_debug_flag(monkeypatch):
    # Environment names and values are native strings on every interpreter.
    env, debug = str("FLASK_ENV"), str("FLASK_DEBUG")
    monkeypatch.delenv(env, raising=False)
    monkeypatch.delenv(debug, raising=False)
    assert get_env() == "production"
    assert not get_debug_flag()
    monkeypatch.setenv(env, str("development"))
    assert get_env() == "development"
    assert get_debug_flag()
    monkeypatch.setenv(debug, str("0"))
    assert not get_debug_flag()
    monkeypatch.setenv(debug, str("1"))
    assert get_debug_flag()


@pytest.mark.parametrize("mode", ["r", "rt", "rb"])
def test_open_resource(app, mode):
    with app.open_resource(os.path.join("static", "sub", "data.txt"), mode) as f:
        content = f.read()
    expected = "nested static text ü\n"
    if mode == "rb":
        expected = expected.encode("utf-8")
    assert content == expected


def test_open_resource_refuses_writing(app):
    with pytest.raises(ValueError):
        app.open_resource("static/index.html", "w")
