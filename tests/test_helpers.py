# -*- coding: utf-8 -*-
"""Message flashing, the static route, send_file / send_from_directory,
safe_join, the environment flags and open_resource."""
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

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
STATIC_DIR = os.path.join(TESTS_DIR, "static")
CSS = os.path.join(STATIC_DIR, "style.css")
NESTED_TEXT = "nested static text ü\n"


def static_bytes(*parts):
    with io.open(os.path.join(STATIC_DIR, *parts), "rb") as handle:
        return handle.read()


def fetch(client, path, **headers):
    """GET ``path`` and return (status, headers, body) with the response closed."""
    response = client.get(path, headers=headers)
    try:
        return response.status_code, response.headers, response.get_data()
    finally:
        response.close()


def open_fds_for(path):
    """The descriptors of this process that point at ``path`` (Linux)."""
    found = []
    fd_dir = "/proc/self/fd"
    for entry in os.listdir(fd_dir):
        try:
            target = os.readlink(os.path.join(fd_dir, entry))
        except OSError:
            continue
        if target == os.path.realpath(path):
            found.append(entry)
    return found


# -- flashing ----------------------------------------------------------------


@pytest.fixture
def flashing(app):
    @app.route("/add")
    def add():
        flash("first")
        flash("a <tag>", "error")
        flash(flaskcompat.Markup("<i>safe</i>"), "warning")
        flash("ĉapelo", "info")
        return ""

    @app.route("/page")
    def page():
        return flaskcompat.render_template("flashes.html")

    @app.route("/filtered")
    def filtered():
        return flaskcompat.render_template("filtered_flashes.html")

    @app.route("/api")
    def api():
        return {
            "bare": get_flashed_messages(),
            "pairs": get_flashed_messages(with_categories=True),
            "errors": get_flashed_messages(category_filter=["error"]),
            "positional": get_flashed_messages(True, ["error", "info"]),
        }

    return app


def test_flashes_render_once_with_categories_and_escaping(flashing, client):
    client.get("/add")
    shown = client.get("/page").data.decode("utf-8")
    again = client.get("/page").data
    assert shown == (
        "[message:first][error:a &lt;tag&gt;][warning:<i>safe</i>][info:ĉapelo]"
    )
    assert again == b""


def test_filtered_template_view_still_consumes_everything(flashing, client):
    client.get("/add")
    assert client.get("/filtered").data == b"[a &lt;tag&gt;][<i>safe</i>]"
    assert client.get("/page").data == b""


def test_get_flashed_messages_arguments(flashing, client):
    client.get("/add")
    got = client.get("/api").get_json()
    assert got == {
        "bare": ["first", "a <tag>", "<i>safe</i>", "ĉapelo"],
        "pairs": [
            ["message", "first"],
            ["error", "a <tag>"],
            ["warning", "<i>safe</i>"],
            ["info", "ĉapelo"],
        ],
        "errors": ["a <tag>"],
        "positional": [["error", "a <tag>"], ["info", "ĉapelo"]],
    }


def test_flashed_markup_comes_back_as_markup(app, client):
    app.add_url_rule("/in", "in", lambda: flash(flaskcompat.Markup("<u>x</u>")) or "")
    app.add_url_rule(
        "/out",
        "out",
        lambda: type(get_flashed_messages()[0]).__name__,
    )
    client.get("/in")
    assert client.get("/out").data == b"Markup"


def test_flashed_bytes_are_shown_as_utf8_text(flashing, client):
    # Native strings are bytes on Python 2; both message and category decode.
    @flashing.route("/native")
    def native():
        flash(b"stored")
        flash("déjà".encode("utf-8"), b"note")
        return ""

    client.get("/native")
    assert client.get("/page").data.decode("utf-8") == "[message:stored][note:déjà]"


def test_nothing_flashed_gives_an_empty_list(app, client):
    app.add_url_rule("/", "home", lambda: "%d" % len(get_flashed_messages()))
    assert client.get("/").data == b"0"


def test_reading_flashes_varies_on_cookie_without_setting_one(app, client):
    app.add_url_rule("/reads", "reads", lambda: flaskcompat.render_template("flashes.html"))
    app.add_url_rule("/ignores", "ignores", lambda: "static text")

    status, headers, body = fetch(client, "/reads")
    assert (status, body, headers.get("Set-Cookie")) == (200, b"", None)
    assert "Cookie" in headers.get("Vary", "")

    status, headers, body = fetch(client, "/ignores")
    assert (headers.get("Set-Cookie"), headers.get("Vary")) == (None, None)


def test_flash_sends_message_flashed(app, client):
    heard = []

    def listener(sender, message, category, **kw):
        heard.append((sender, message, category))

    app.add_url_rule("/", "home", lambda: flash("ping", "beacon") or "")
    with flaskcompat.message_flashed.connected_to(listener, app):
        client.get("/")
    assert heard == [(app, "ping", "beacon")]


# -- the static route ------------------------------------------------------------


def test_static_route_serves_with_cache_headers(app, client):
    status, headers, body = fetch(client, "/static/style.css")
    expected = static_bytes("style.css")
    resp = client.get("/static/style.css")
    cache = resp.cache_control
    resp.close()
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert body == expected
    assert headers["Content-Length"] == "%d" % len(expected)
    assert (cache.public, cache.max_age) == (True, 43200)
    assert headers["ETag"] != ""
    assert headers["Last-Modified"] == http_date(int(os.path.getmtime(CSS)))


def test_static_route_serves_nested_files(client):
    status, headers, body = fetch(client, "/static/sub/data.txt")
    assert status == 200
    assert headers["Content-Type"].split(";")[0] == "text/plain"
    assert body == NESTED_TEXT.encode("utf-8")


def test_static_url_for(req_ctx):
    assert flaskcompat.url_for("static", filename="sub/data.txt") == "/static/sub/data.txt"


@pytest.mark.parametrize(
    ("setting", "seconds"),
    [(90, 90), (datetime.timedelta(minutes=3), 180), (0, 0)],
)
def test_static_max_age_follows_config(app, client, setting, seconds):
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = setting
    resp = client.get("/static/index.html")
    age = resp.cache_control.max_age
    resp.close()
    assert age == seconds


def test_app_subclass_chooses_max_age_per_file():
    class PerFileAges(flaskcompat.Flask):
        def get_send_file_max_age(self, filename):
            return 5 if filename.endswith(".css") else 50

    tester = PerFileAges("flask_test", root_path=TESTS_DIR).test_client()
    ages = []
    for path in ("/static/style.css", "/static/index.html"):
        resp = tester.get(path)
        ages.append(resp.cache_control.max_age)
        resp.close()
    assert ages == [5, 50]


def test_static_revalidation(client):
    _, first, _ = fetch(client, "/static/style.css")
    tag, stamp = first["ETag"], first["Last-Modified"]

    by_tag = fetch(client, "/static/style.css", **{"If-None-Match": tag})
    by_date = fetch(client, "/static/style.css", **{"If-Modified-Since": stamp})
    other_tag = fetch(client, "/static/style.css", **{"If-None-Match": '"nope"'})

    assert (by_tag[0], by_tag[2]) == (304, b"")
    assert by_date[0] == 304
    assert other_tag[0] == 200


def test_static_byte_ranges(client):
    full = static_bytes("style.css")
    status, headers, body = fetch(client, "/static/style.css", Range="bytes=0-4")
    assert (status, body) == (206, full[:5])
    assert headers["Content-Range"] == "bytes 0-4/%d" % len(full)
    assert headers["Content-Length"] == "5"
    assert headers["Accept-Ranges"] == "bytes"

    status, _, body = fetch(client, "/static/style.css", Range="bytes=-3")
    assert (status, body) == (206, full[-3:])


# Each row: request headers, then the expected status, Content-Range and
# Content-Length ("-" where the header is not checked). Templates are filled
# from the file's first response.
CONDITIONAL_ROWS = [
    ("open-ended", {"Range": "bytes=0-"}, 206, "bytes 0-{last}/{size}", "{size}"),
    ("past-the-end", {"Range": "bytes=0-99999"}, 206, "bytes 0-{last}/{size}", "{size}"),
    ("if-range-other", {"Range": "bytes=0-4", "If-Range": '"zzz"'}, 200, "-", "{size}"),
    ("if-range-etag", {"Range": "bytes=0-4", "If-Range": "{etag}"}, 206, "bytes 0-4/{size}", "5"),
    ("if-range-date", {"Range": "bytes=0-4", "If-Range": "{modified}"}, 206, "-", "5"),
    ("star-etag", {"If-None-Match": "*"}, 304, "-", "-"),
    ("weak-etag", {"If-None-Match": "W/{etag}"}, 304, "-", "-"),
    ("garbage-date", {"If-Modified-Since": "yesterday-ish"}, 200, "-", "{size}"),
]


@pytest.mark.parametrize(
    ("sent", "status", "content_range", "length"),
    [row[1:] for row in CONDITIONAL_ROWS],
    ids=[row[0] for row in CONDITIONAL_ROWS],
)
def test_static_conditional_table(client, sent, status, content_range, length):
    _, first, body = fetch(client, "/static/style.css")
    facts = {
        "etag": first["ETag"],
        "modified": first["Last-Modified"],
        "size": len(body),
        "last": len(body) - 1,
    }
    sent = dict((name, value.format(**facts)) for name, value in sent.items())
    got_status, got, _ = fetch(client, "/static/style.css", **sent)
    observed = (
        got_status,
        got.get("Content-Range") if content_range != "-" else "-",
        got.get("Content-Length") if length != "-" else "-",
    )
    assert observed == (status, content_range.format(**facts), length.format(**facts))


def test_static_responses_release_the_file(client):
    _, first, _ = fetch(client, "/static/style.css")
    not_modified = fetch(client, "/static/style.css", **{"If-None-Match": first["ETag"]})
    assert not_modified[0] == 304
    assert open_fds_for(CSS) == []


def test_unsatisfiable_range_is_416_and_releases_the_file(client):
    size = len(static_bytes("style.css"))
    status, headers, _ = fetch(client, "/static/style.css", Range="bytes=%d-" % (size + 5))
    assert status == 416
    assert headers["Content-Range"] == "bytes */%d" % size
    assert open_fds_for(CSS) == []


@pytest.mark.parametrize("path", ["/static/absent.css", "/static/sub", "/static/sub/"])
def test_static_missing_or_directory_is_404(client, path):
    assert fetch(client, path)[0] == 404


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
def test_static_rejects_escaping_and_device_paths(client, path):
    assert fetch(client, path)[0] == 404


def test_send_static_file_by_hand(app, req_ctx):
    resp = app.send_static_file("index.html")
    resp.direct_passthrough = False
    try:
        assert (resp.status_code, resp.mimetype) == (200, "text/html")
        assert resp.get_data() == static_bytes("index.html")
    finally:
        resp.close()


def test_no_static_folder_means_no_static_route():
    bare = flaskcompat.Flask("flask_test", root_path=TESTS_DIR, static_folder=None)
    assert "static" not in bare.view_functions
    with bare.test_request_context():
        pytest.raises(RuntimeError, bare.send_static_file, "index.html")


def test_static_folder_and_url_path_are_configurable(tmpdir):
    tmpdir.mkdir("public").join("hello.txt").write_binary(b"from public")
    custom = flaskcompat.Flask(
        "flask_test",
        root_path=str(tmpdir),
        static_folder="public",
        static_url_path="/files",
    )
    tester = custom.test_client()
    assert fetch(tester, "/files/hello.txt")[2] == b"from public"
    assert fetch(tester, "/static/hello.txt")[0] == 404


# -- send_file -------------------------------------------------------------------


def body_of(resp):
    resp.direct_passthrough = False
    try:
        return resp.get_data()
    finally:
        resp.close()


def test_send_file_resolves_relative_paths_against_the_app(req_ctx):
    resp = flaskcompat.send_file(os.path.join("static", "index.html"))
    disposition = resp.headers.get("Content-Disposition")
    assert (resp.mimetype, disposition) == ("text/html", None)
    assert body_of(resp) == static_bytes("index.html")


def test_send_file_object_without_a_type_is_refused(req_ctx):
    with pytest.raises(ValueError) as caught:
        flaskcompat.send_file(io.BytesIO(b"raw"))
    assert "mimetype" in str(caught.value).lower()


@pytest.mark.parametrize(
    ("kwargs", "mimetype"),
    [
        ({"mimetype": "text/plain"}, "text/plain"),
        ({"attachment_filename": "chart.png"}, "image/png"),
        ({"attachment_filename": "data.json"}, "application/json"),
    ],
)
def test_send_file_object_type_from_argument_or_name(req_ctx, kwargs, mimetype):
    resp = flaskcompat.send_file(io.BytesIO(b"raw"), **kwargs)
    assert resp.mimetype == mimetype
    assert body_of(resp) == b"raw"


def test_text_stream_is_encoded_and_counted_in_bytes(app, client):
    app.add_url_rule(
        "/txt",
        "txt",
        lambda: flaskcompat.send_file(io.StringIO("ġrüß ŵorld"), mimetype="text/plain"),
    )
    status, headers, body = fetch(client, "/txt")
    assert body == "ġrüß ŵorld".encode("utf-8")
    assert headers["Content-Length"] == "%d" % len(body)


@pytest.mark.parametrize(
    ("source", "name", "header"),
    [
        # a name that is an HTTP token goes unquoted, as Flask 1.1 sends it
        ("stream", "summary.txt", "attachment; filename=summary.txt"),
        ("path", None, "attachment; filename=index.html"),
        (
            "stream",
            "Ŕésumé €.txt",
            "attachment; filename=\"Resume .txt\"; "
            "filename*=UTF-8''%C5%94%C3%A9sum%C3%A9%20%E2%82%AC.txt",
        ),
    ],
)
def test_attachment_disposition(req_ctx, source, name, header):
    target = io.BytesIO(b"z") if source == "stream" else os.path.join(STATIC_DIR, "index.html")
    kwargs = {"as_attachment": True}
    if name is not None:
        kwargs["attachment_filename"] = name
    resp = flaskcompat.send_file(target, **kwargs)
    resp.close()
    assert resp.headers["Content-Disposition"] == header


def test_attachment_of_a_nameless_stream_is_a_type_error(req_ctx):
    with pytest.raises(TypeError):
        flaskcompat.send_file(io.BytesIO(b"z"), as_attachment=True, mimetype="text/plain")


def test_send_file_of_a_missing_path_is_not_found(req_ctx):
    pytest.raises(NotFound, flaskcompat.send_file, "static/never-existed.txt")


def test_x_sendfile_leaves_the_body_to_the_server(app, req_ctx):
    app.config["USE_X_SENDFILE"] = True
    target = os.path.join(STATIC_DIR, "index.html")
    resp = flaskcompat.send_file(target)
    assert (resp.headers["X-Sendfile"], resp.mimetype) == (target, "text/html")
    assert body_of(resp) == b""


def test_send_file_cache_and_etag_switches(req_ctx):
    resp = flaskcompat.send_file(
        os.path.join(STATIC_DIR, "index.html"), cache_timeout=7, add_etags=False
    )
    resp.close()
    assert resp.cache_control.max_age == 7
    assert resp.headers.get("ETag") is None


def test_etag_is_identical_across_interpreters(req_ctx, tmpdir):
    # A site moving from 2.7 to 3.x must not invalidate every cached file.
    target = tmpdir.join("tagged.txt")
    target.write_binary(b"abc\n")
    os.utime(str(target), (1700000000.123456, 1700000000.123456))
    resp = flaskcompat.send_file(str(target), mimetype="text/plain")
    resp.close()
    stamp, size, digest = resp.headers["ETag"].strip('"').split("-")
    assert (stamp, size) == ("1700000000.123456", "4")
    assert len(digest) > 0


def test_send_file_with_explicit_last_modified(app, client):
    when = datetime.datetime(2021, 6, 7, 8, 9, 10)
    app.add_url_rule(
        "/css",
        "css",
        lambda: flaskcompat.send_file(CSS, conditional=True, last_modified=when),
    )
    _, headers, _ = fetch(client, "/css")
    assert parse_date(headers["Last-Modified"]).replace(tzinfo=None) == when
    assert fetch(client, "/css", **{"If-Modified-Since": http_date(when)})[0] == 304
    status, _, body = fetch(client, "/css", Range="bytes=5-9")
    assert (status, body) == (206, static_bytes("style.css")[5:10])


def test_bytes_stream_through_the_client(app, client):
    app.add_url_rule(
        "/bin",
        "bin",
        lambda: flaskcompat.send_file(io.BytesIO(b"abcdefghij"), mimetype="text/plain"),
    )
    status, headers, body = fetch(client, "/bin")
    assert (body, headers["Content-Length"]) == (b"abcdefghij", "10")


# -- send_from_directory and safe_join -----------------------------------------------


def test_send_from_directory_serves_subpaths_and_404s(app, client):
    @app.route("/dl/<path:name>")
    def download(name):
        return flaskcompat.send_from_directory("static", name)

    status, _, body = fetch(client, "/dl/sub/data.txt")
    assert (status, body) == (200, static_bytes("sub", "data.txt"))
    assert fetch(client, "/dl/ghost.txt")[0] == 404
    assert fetch(client, "/dl/sub")[0] == 404


def test_send_from_directory_passes_options_through(req_ctx):
    resp = flaskcompat.send_from_directory(
        STATIC_DIR, "index.html", as_attachment=True, mimetype="text/x-custom"
    )
    resp.close()
    assert resp.headers["Content-Disposition"] == "attachment; filename=index.html"
    assert resp.mimetype == "text/x-custom"


DEVICE_FILES = ["CON", "con", "nul.txt", "aux.tar.gz", "COM1", "lpt9.log", "sub/NUL"]


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
        "a\x00b",
    ]
    + DEVICE_FILES,
)
def test_send_from_directory_refuses_unsafe_names(req_ctx, tmpdir, name):
    # The Windows device names exist on disk here, so they must be refused by
    # name rather than for being missing.
    tmpdir.mkdir("sub")
    for device in DEVICE_FILES:
        tmpdir.join(device).write_binary(b"dev")
    pytest.raises(NotFound, flaskcompat.send_from_directory, str(tmpdir), name)


def test_native_bytes_paths_work(req_ctx):
    # Python 2 code passes native (bytes) strings; they keep working on 3.x.
    assert flaskcompat.safe_join(b"root", b"f.txt") == "root/f.txt"
    pytest.raises(NotFound, flaskcompat.safe_join, b"root", b"../f.txt")
    by_dir = flaskcompat.send_from_directory(b"static", b"index.html")
    by_path = flaskcompat.send_file(os.path.join(STATIC_DIR, "index.html").encode("utf-8"))
    by_dir.close()
    by_path.close()
    assert (by_dir.mimetype, by_path.mimetype) == ("text/html", "text/html")


@pytest.mark.parametrize(
    ("base", "parts", "joined"),
    [
        ("root", ("x", "y.txt"), "root/x/y.txt"),
        ("root", ("x/./y",), "root/x/y"),
        ("root", ("x/../y",), "root/y"),
        ("root", ("ŭnï.txt",), "root/ŭnï.txt"),
        ("/srv/site", ("page.txt",), "/srv/site/page.txt"),
        ("root", ("console.txt",), "root/console.txt"),
        ("root", ("community",), "root/community"),
    ],
)
def test_safe_join_joins_harmless_names(base, parts, joined):
    assert flaskcompat.safe_join(base, *parts) == joined


@pytest.mark.parametrize(
    "parts",
    [
        ("..",),
        ("../x",),
        ("x", "../../y"),
        ("/abs",),
        ("x\\y",),
        ("C:x",),
        ("CON",),
        ("nul.txt",),
        ("dir/Prn.html",),
        ("x\x00",),
        (None,),
    ],
)
def test_safe_join_refuses_dangerous_names(parts):
    pytest.raises(NotFound, flaskcompat.safe_join, "root", *parts)


# -- environment flags and resources ---------------------------------------------------


@pytest.mark.parametrize(
    ("flask_env", "flask_debug", "env", "debug"),
    [
        (None, None, "production", False),
        ("development", None, "development", True),
        ("development", "0", "development", False),
        (None, "1", "production", True),
        ("production", "yes", "production", True),
        (None, "false", "production", False),
    ],
)
def test_environment_flags(monkeypatch, flask_env, flask_debug, env, debug):
    # Variable names and values are native strings on every interpreter.
    for key, value in ((str("FLASK_ENV"), flask_env), (str("FLASK_DEBUG"), flask_debug)):
        if value is None:
            monkeypatch.delenv(key, raising=False)
        else:
            monkeypatch.setenv(key, str(value))
    assert (get_env(), bool(get_debug_flag())) == (env, debug)


@pytest.mark.parametrize(
    ("mode", "expected"),
    [("r", NESTED_TEXT), ("rt", NESTED_TEXT), ("rb", NESTED_TEXT.encode("utf-8"))],
)
def test_open_resource_reads_in_text_or_binary(app, mode, expected):
    with app.open_resource(os.path.join("static", "sub", "data.txt"), mode) as handle:
        assert handle.read() == expected


@pytest.mark.parametrize("mode", ["w", "a", "r+"])
def test_open_resource_is_read_only(app, mode):
    pytest.raises(ValueError, app.open_resource, "static/index.html", mode)
