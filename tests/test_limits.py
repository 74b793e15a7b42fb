# -*- coding: utf-8 -*-
"""Request-size limits: ``MAX_CONTENT_LENGTH``, ``MAX_FORM_MEMORY_SIZE``
and ``MAX_FORM_PARTS`` answer 413 the same way on every interpreter and
Werkzeug release, without reading the body past the limit; the limits can
be set per request class or per request; a body that stops early ends the
request with a 400.

Requests go through raw WSGI environs whose ``wsgi.input`` records how
many bytes the framework read.
"""
from __future__ import unicode_literals

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from werkzeug.test import EnvironBuilder

import flaskcompat
from flaskcompat import request
from bounded import bounded

BOUNDARY = "limitsboundary"
MULTIPART = "multipart/form-data; boundary=" + BOUNDARY
FORM_TYPE = "application/x-www-form-urlencoded"


class RecordingInput(object):
    """A WSGI input stream that counts the bytes handed out; with
    ``stop_after`` it sends that many bytes and then nothing (a client that
    stopped sending), and fails the test if it is read forever."""

    def __init__(self, data, stop_after=None):
        if stop_after is not None:
            data = data[:stop_after]
        self._data = io.BytesIO(data)
        self.consumed = 0
        self.empty_reads = 0

    def _record(self, chunk):
        self.consumed += len(chunk)
        if not chunk:
            self.empty_reads += 1
            assert self.empty_reads < 1000, "read again and again after the end"
        return chunk

    def read(self, size=-1):
        if size is None or size < 0:
            return self._record(self._data.read())
        return self._record(self._data.read(size))

    def readline(self, size=-1):
        return self._record(self._data.readline(size))

    def __iter__(self):
        return iter(self.readline, b"")


def field_part(name, value):
    return (
        b"--" + BOUNDARY.encode("ascii") + b"\r\n"
        b'Content-Disposition: form-data; name="' + name.encode("ascii") + b'"'
        b"\r\n\r\n" + value + b"\r\n"
    )


def file_part(name, filename, value):
    return (
        b"--" + BOUNDARY.encode("ascii") + b"\r\n"
        b'Content-Disposition: form-data; name="' + name.encode("ascii") + b'"; '
        b'filename="' + filename.encode("ascii") + b'"\r\n'
        b"Content-Type: application/octet-stream\r\n\r\n" + value + b"\r\n"
    )


def multipart(*parts):
    return b"".join(parts) + b"--" + BOUNDARY.encode("ascii") + b"--\r\n"


def many_fields(count):
    return multipart(*[field_part("f%d" % i, b"v") for i in range(count)])


def send(app, body, content_type=MULTIPART, path="/form", announce=True, stop_after=None):
    """POST ``body`` through the WSGI app; return (status, stream)."""
    builder = EnvironBuilder(path=path, method="POST")
    try:
        environ = dict(builder.get_environ())
    finally:
        builder.close()
    environ["CONTENT_TYPE"] = content_type
    stream = RecordingInput(body, stop_after)
    environ["wsgi.input"] = stream
    if announce:
        environ["CONTENT_LENGTH"] = str(len(body))
    else:
        environ.pop("CONTENT_LENGTH", None)
        environ["wsgi.input_terminated"] = True
    started = []

    def start_response(status, headers, exc_info=None):
        started.append(status)

    app_iter = app(environ, start_response)
    b"".join(app_iter)
    getattr(app_iter, "close", lambda: None)()
    return int(started[0].split()[0]), stream


@pytest.fixture
def form_app(app):
    @app.route("/form", methods=["POST"])
    def form():
        return "%d fields, %d files" % (
            len(list(request.form.items(multi=True))),
            len(list(request.files.items(multi=True))),
        )

    @app.route("/data", methods=["POST"])
    def data():
        return "%d bytes" % len(request.get_data())

    @app.route("/json", methods=["POST"])
    def json_view():
        return "%r" % (request.get_json(force=True),)

    return app


# -- the defaults ---------------------------------------------------------------


def test_default_config():
    config = flaskcompat.Flask(__name__).config
    assert config["MAX_CONTENT_LENGTH"] is None
    assert config["MAX_FORM_MEMORY_SIZE"] == 500000
    assert config["MAX_FORM_PARTS"] == 1000


def test_request_reads_the_config(app):
    app.config.update(MAX_CONTENT_LENGTH=10, MAX_FORM_MEMORY_SIZE=20, MAX_FORM_PARTS=30)
    with app.test_request_context(path="/"):
        assert request.max_content_length == 10
        assert request.max_form_memory_size == 20
        assert request.max_form_parts == 30


def test_request_outside_an_app_has_the_defaults():
    environ = EnvironBuilder(path="/").get_environ()
    req = flaskcompat.Request(environ)
    assert req.max_content_length is None
    assert req.max_form_memory_size == 500000
    assert req.max_form_parts == 1000


# -- MAX_FORM_PARTS ---------------------------------------------------------------


def test_parts_up_to_the_limit_are_parsed(form_app):
    form_app.config["MAX_FORM_PARTS"] = 20
    assert send(form_app, many_fields(20))[0] == 200


def test_one_part_over_the_limit_is_413(form_app):
    form_app.config["MAX_FORM_PARTS"] = 20
    assert send(form_app, many_fields(21))[0] == 413


def test_file_parts_count_too(form_app):
    form_app.config["MAX_FORM_PARTS"] = 2
    body = multipart(
        field_part("a", b"1"), file_part("b", "b.txt", b"2"), file_part("c", "c.txt", b"3")
    )
    assert send(form_app, body)[0] == 413


def test_too_many_parts_stop_the_reading(form_app):
    form_app.config["MAX_FORM_PARTS"] = 100
    body = many_fields(20000)
    status, stream = send(form_app, body)
    assert status == 413
    assert stream.consumed < len(body) // 4


def test_parts_limit_without_content_length(form_app):
    form_app.config["MAX_FORM_PARTS"] = 10
    assert send(form_app, many_fields(11), announce=False)[0] == 413
    assert send(form_app, many_fields(10), announce=False)[0] == 200


def test_no_parts_limit(form_app):
    form_app.config["MAX_FORM_PARTS"] = None
    assert send(form_app, many_fields(1500))[0] == 200


# -- MAX_FORM_MEMORY_SIZE ------------------------------------------------------


def test_field_at_the_limit_is_parsed(form_app):
    form_app.config["MAX_FORM_MEMORY_SIZE"] = 1000
    body = multipart(field_part("a", b"x" * 1000), field_part("b", b"y" * 1000))
    assert send(form_app, body)[0] == 200


def test_field_past_the_limit_is_413(form_app):
    form_app.config["MAX_FORM_MEMORY_SIZE"] = 1000
    body = multipart(field_part("a", b"x" * 10), field_part("b", b"y" * 1001))
    assert send(form_app, body)[0] == 413


def test_default_field_limit(form_app):
    assert send(form_app, multipart(field_part("a", b"x" * 500000)))[0] == 200
    assert send(form_app, multipart(field_part("a", b"x" * 500001)))[0] == 413


def test_files_are_not_fields(form_app):
    form_app.config["MAX_FORM_MEMORY_SIZE"] = 1000
    body = multipart(field_part("a", b"x" * 900), file_part("f", "f.bin", b"z" * 50000))
    assert send(form_app, body)[0] == 200


def test_a_large_field_stops_the_reading(form_app):
    form_app.config["MAX_FORM_MEMORY_SIZE"] = 1000
    body = multipart(field_part("a", b"x" * 4000000))
    status, stream = send(form_app, body)
    assert status == 413
    assert stream.consumed < 500000


@pytest.mark.parametrize("newline", [b"\r\n", b"\n", b"\r"], ids=["crlf", "lf", "cr"])
def test_any_newline_is_measured(form_app, newline):
    form_app.config["MAX_FORM_MEMORY_SIZE"] = 100
    marker = b"--" + BOUNDARY.encode("ascii")
    body = (
        marker + newline + b'Content-Disposition: form-data; name="a"' + newline
        + newline + b"x" * 200 + newline + marker + b"--" + newline
    )
    assert send(form_app, body)[0] == 413


def test_delimiter_lookalike_is_content(form_app):
    # "--boundaryX" is no delimiter: the file headers after it are still
    # the field's content, and so is everything after them
    form_app.config["MAX_FORM_MEMORY_SIZE"] = 1000
    fake = file_part("f", "f.bin", b"z" * 5000).replace(
        BOUNDARY.encode("ascii"), BOUNDARY.encode("ascii") + b"X", 1
    )
    body = multipart(field_part("a", b"x\r\n" + fake))
    assert send(form_app, body)[0] == 413


def test_urlencoded_body_past_the_limit_is_413(form_app):
    form_app.config["MAX_FORM_MEMORY_SIZE"] = 100
    body = b"a=" + b"x" * 200
    assert send(form_app, body, content_type=FORM_TYPE)[0] == 413
    assert send(form_app, b"a=" + b"x" * 98, content_type=FORM_TYPE)[0] == 200


def test_urlencoded_body_without_length_is_read_up_to_the_limit(form_app):
    form_app.config["MAX_FORM_MEMORY_SIZE"] = 100
    body = b"a=" + b"x" * 100000
    status, stream = send(form_app, body, content_type=FORM_TYPE, announce=False)
    assert status == 413
    assert stream.consumed <= 101


# -- MAX_CONTENT_LENGTH -------------------------------------------------------------


@pytest.mark.parametrize("path", ["/form", "/data", "/json"])
def test_announced_body_past_the_limit_is_not_read(form_app, path):
    form_app.config["MAX_CONTENT_LENGTH"] = 100
    status, stream = send(form_app, many_fields(50), path=path)
    assert status == 413
    assert stream.consumed == 0


@pytest.mark.parametrize("path", ["/form", "/data", "/json"])
def test_unannounced_body_is_read_up_to_the_limit(form_app, path):
    form_app.config["MAX_CONTENT_LENGTH"] = 100
    status, stream = send(form_app, many_fields(50), path=path, announce=False)
    assert status == 413
    assert stream.consumed <= 101


# -- set on the request class or the request ---------------------------------------


def test_limits_on_a_request_class(form_app):
    class SmallRequests(flaskcompat.Request):
        max_content_length = 5000
        max_form_memory_size = 10
        max_form_parts = 3

    form_app.request_class = SmallRequests
    assert send(form_app, many_fields(3))[0] == 200
    assert send(form_app, many_fields(4))[0] == 413
    assert send(form_app, multipart(field_part("a", b"x" * 11)))[0] == 413
    assert send(form_app, multipart(file_part("a", "a", b"x" * 6000)))[0] == 413


def test_limits_on_one_request(app):
    @app.before_request
    def per_view():
        if request.endpoint == "small":
            request.max_form_parts = 2
            request.max_form_memory_size = 5

    @app.route("/small", methods=["POST"])
    def small():
        return "%d" % len(request.form)

    @app.route("/form", methods=["POST"])
    def form():
        return "%d" % len(request.form)

    assert send(app, many_fields(3), path="/small")[0] == 413
    assert send(app, multipart(field_part("a", b"123456")), path="/small")[0] == 413
    assert send(app, many_fields(3), path="/form")[0] == 200


# -- bodies that end early --------------------------------------------------------


@pytest.mark.parametrize(
    "path, content_type, body",
    [
        ("/form", MULTIPART, many_fields(40)),
        ("/form", FORM_TYPE, b"a=" + b"x" * 400),
        ("/data", "application/octet-stream", b"x" * 400),
        ("/json", "application/json", b'["' + b"x" * 400 + b'"]'),
    ],
    ids=["multipart", "urlencoded", "data", "json"],
)
@pytest.mark.parametrize("sent", [0, 1, 100])
def test_truncated_body_is_400(form_app, path, content_type, body, sent):
    status, _ = send(form_app, body, content_type=content_type, path=path, stop_after=sent)
    assert status == 400


# -- what the guard leaves alone, and part headers --------------------------------


def test_uploads_arrive_whole(app):
    @app.route("/upload", methods=["POST"])
    def upload():
        storage = request.files["f"]
        return storage.read()

    near_misses = b"\r\n--" + BOUNDARY.encode("ascii")[:-1] + b"\r\n\r\n--\n\r"
    content = (b"\x00\xff" * 1000 + near_misses) * 150
    app.config["MAX_FORM_MEMORY_SIZE"] = 10
    body = multipart(field_part("a", b"1234567890"), file_part("f", "f.bin", content))
    rv = app.test_client().post("/upload", data=body, content_type=MULTIPART)
    assert rv.status_code == 200, rv.data
    assert rv.data == content


def test_oversized_part_headers_are_413(form_app):
    header = b"X-Padding: " + b"p" * 20000 + b"\r\n"
    part = field_part("a", b"1").replace(b"\r\n\r\n", b"\r\n" + header + b"\r\n", 1)
    assert send(form_app, multipart(part))[0] == 413


# -- property: no form past the limits reaches a view -------------------------------
# Bodies built from what makes Werkzeug's parsers (1.0, 2.x, 3.x) differ: any
# newline, padding and lookalikes around the boundary, part headers that
# say file or field, stray headers in content. Whatever the release makes of
# such a body, a view never sees more parts or a longer field than allowed.

BOUNDED = bounded(150)
MARKER = b"--" + BOUNDARY.encode("ascii")
NEWLINES = st.sampled_from([b"\r\n", b"\n", b"\r"])
FIELD_HEADER = b'Content-Disposition: form-data; name="n"'
FILE_HEADER = b'Content-Disposition: form-data; name="f"; filename="a"'
PIECES = st.one_of(
    st.integers(0, 70).map(lambda size: b"x" * size),
    NEWLINES,
    st.sampled_from(
        [MARKER, MARKER + b"X", MARKER + b"--", b"--", b" ", b"\t", b"-", FIELD_HEADER, FILE_HEADER]
    ),
)


@st.composite
def odd_multipart(draw):
    chunks = [MARKER, draw(NEWLINES)]
    for _ in range(draw(st.integers(1, 5))):
        chunks.append(draw(st.sampled_from([FIELD_HEADER, FILE_HEADER])))
        chunks.extend([draw(NEWLINES), draw(NEWLINES)])
        chunks.extend(draw(st.lists(PIECES, max_size=10)))
        chunks.extend([draw(NEWLINES), MARKER, draw(st.sampled_from([b"", b" ", b"--"]))])
        chunks.append(draw(NEWLINES))
    chunks.extend(draw(st.lists(PIECES, max_size=4)))
    return b"".join(chunks)


@pytest.fixture(scope="module")
def sizes_app():
    app = flaskcompat.Flask(__name__)
    app.config.update(MAX_FORM_MEMORY_SIZE=60, MAX_FORM_PARTS=3)

    @app.route("/form", methods=["POST"])
    def form():
        fields = [len(item) for values in request.form.listvalues() for item in values]
        parts = len(fields) + len(list(request.files.items(multi=True)))
        return "%d %d" % (parts, max(fields or [0]))

    return app


@BOUNDED
@given(body=odd_multipart())
def test_no_form_past_the_limits_reaches_a_view(sizes_app, body):
    builder = EnvironBuilder(path="/form", method="POST", data=body, content_type=MULTIPART)
    try:
        environ = dict(builder.get_environ())
    finally:
        builder.close()
    environ["CONTENT_TYPE"] = MULTIPART
    response = sizes_app.test_client().open(environ)
    if response.status_code == 200:
        parts, largest = [int(number) for number in response.data.split()]
        assert parts <= 3
        assert largest <= 60
    else:
        assert 400 <= response.status_code < 500
