# -*- coding: utf-8 -*-
"""A URL-encoded body is read without building a form parser when the
request class loads forms the framework's way. Each test here reads the same
request twice: through that shortcut, and through a request class that
overrides ``make_form_data_parser`` (so Werkzeug's own loading runs), and
the two must agree on everything the view can see."""
from __future__ import unicode_literals

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.exceptions import RequestEntityTooLarge

import flaskcompat
from flaskcompat._compat import text_to_wsgi
from flaskcompat.wrappers import Request
from bounded import bounded

BOUNDED = bounded(120, filtering=True)
FORM_TYPE = "application/x-www-form-urlencoded"


class ParserRequest(Request):
    """Loads every form through Werkzeug's parser."""

    def make_form_data_parser(self):
        return Request.make_form_data_parser(self)


class Fields(ImmutableMultiDict):
    """A storage class of the application's own."""


class FieldsRequest(Request):
    parameter_storage_class = Fields


def environ_for(body, content_type=FORM_TYPE, length=True):
    environ = {
        "REQUEST_METHOD": "POST",
        "SCRIPT_NAME": "",
        "PATH_INFO": "/",
        "QUERY_STRING": "",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "HTTP_HOST": "localhost",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "CONTENT_TYPE": content_type,
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": io.StringIO() if str is not bytes else io.BytesIO(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    if length:
        environ["CONTENT_LENGTH"] = str(len(body))
    return environ


def terminated_environ(body, **extra):
    # what gunicorn hands over: it ends the body itself
    extra["wsgi.input_terminated"] = True
    environ = environ_for(body)
    environ.update(extra)
    return environ


def seen(request_class, environ, app, data_first=False):
    """What a view can see of the body: the form, the files, what is left
    in the stream, or the error raised."""
    with app.app_context():
        request = request_class(environ)
        try:
            before = request.get_data() if data_first else None
            form = request.form
        except RequestEntityTooLarge as error:
            return ("error", error.code)
        return (
            type(form),
            list(form.items(multi=True)),
            list(request.files.items(multi=True)),
            before,
            request.stream.read(),
        )


def both(environ_maker, app, **kwargs):
    return (
        seen(Request, environ_maker(), app, **kwargs),
        seen(ParserRequest, environ_maker(), app, **kwargs),
    )


@pytest.fixture
def app():
    return flaskcompat.Flask(__name__)


pieces = st.one_of(
    st.binary(max_size=12),
    st.sampled_from([b"&", b"=", b"+", b"%", b"%2", b"%C3%A9", b"%ff", b"\xc3\xa9", b"\xff"]),
)


@BOUNDED
@given(parts=st.lists(pieces, max_size=12), data_first=st.booleans())
def test_any_body_reads_the_same_both_ways(parts, data_first):
    app = flaskcompat.Flask(__name__)
    body = b"".join(parts)
    shortcut, parser = both(lambda: environ_for(body), app, data_first=data_first)
    assert shortcut == parser


def test_a_body_of_unannounced_length_reads_the_same_both_ways(app):
    body = b"a=1&b=%C3%A9&c"
    shortcut, parser = both(lambda: environ_for(body, length=False), app)
    assert shortcut == parser


@pytest.mark.parametrize(
    "body, kind, expected",
    [
        (
            b"name=Zo%C3%AB",
            "Application/X-WWW-Form-Urlencoded; charset=utf-8",
            [("name", "Zo\xeb")],
        ),
        (
            b"--xx\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--xx--\r\n",
            "Multipart/Form-Data; boundary=xx",
            [("a", "1")],
        ),
    ],
)
def test_a_mimetype_in_capitals_is_parsed_both_ways(app, body, kind, expected):
    shortcut, parser = both(lambda: environ_for(body, content_type=kind), app)
    assert shortcut == parser
    assert shortcut[1] == expected


def test_the_form_field_limit_is_a_413_both_ways(app):
    app.config["MAX_FORM_MEMORY_SIZE"] = 10
    shortcut, parser = both(lambda: environ_for(b"a=" + b"x" * 20), app)
    assert shortcut == parser == ("error", 413)


@pytest.mark.parametrize("make_environ", [environ_for, terminated_environ])
def test_the_content_length_limit_is_a_413_both_ways(app, make_environ):
    app.config["MAX_CONTENT_LENGTH"] = 10
    shortcut, parser = both(lambda: make_environ(b"a=" + b"x" * 20), app)
    assert shortcut == parser == ("error", 413)


def test_the_request_class_storage_class_is_kept(app):
    found = seen(FieldsRequest, environ_for(b"b=2&a=1&b=3"), app)
    assert found[0] is Fields
    assert sorted(found[1]) == [("a", "1"), ("b", "2"), ("b", "3")]


def test_a_request_class_with_its_own_parser_class_keeps_it(app):
    parsed = []

    class CountingParser(Request.form_data_parser_class):
        def parse(self, *args, **kwargs):
            parsed.append(True)
            return Request.form_data_parser_class.parse(self, *args, **kwargs)

    class CountingRequest(Request):
        form_data_parser_class = CountingParser

    found = seen(CountingRequest, environ_for(b"a=1"), app)
    assert found[1] == [("a", "1")]
    assert parsed == [True]


def test_a_request_class_with_its_own_mimetype_is_asked(app):
    # A class that reads every body as JSON, though the header says
    # URL-encoded: its form is what Werkzeug's parser makes of that (empty
    # on Werkzeug 2.0+, which asks the property; 1.0 reads the header).
    class JSONOnly(Request):
        @property
        def mimetype(self):
            return "application/json"

    class JSONOnlyParser(ParserRequest):
        @property
        def mimetype(self):
            return "application/json"

    assert seen(JSONOnly, environ_for(b"a=1"), app) == seen(JSONOnlyParser, environ_for(b"a=1"), app)


def test_in_debug_mode_empty_files_still_explain_themselves(app):
    app.debug = True

    @app.route("/", methods=["POST"])
    def upload():
        return flaskcompat.request.files["photo"]

    with app.test_client() as browser:
        with pytest.raises(KeyError) as raised:
            browser.post("/", data={"photo": "not a file"})
    assert "enctype" in str(raised.value)


# -- the multidicts and the stream the shortcut hands over ---------------------

texts = st.text(max_size=4)


@BOUNDED
@given(pairs=st.lists(st.tuples(texts, texts), max_size=10))
def test_a_multidict_built_from_pairs_is_the_one_werkzeug_builds(pairs):
    from werkzeug.datastructures import MultiDict

    from flaskcompat.wrappers import multidict_of

    for storage in (ImmutableMultiDict, MultiDict, Fields):
        built, expected = multidict_of(storage, pairs), storage(pairs)
        assert type(built) is storage
        assert built == expected
        assert list(built.lists()) == list(expected.lists())
        assert list(built.items(multi=True)) == list(expected.items(multi=True))
        assert built.to_dict() == expected.to_dict()


def test_a_built_immutable_multidict_stays_immutable_and_hashable():
    from flaskcompat.wrappers import multidict_of

    built = multidict_of(ImmutableMultiDict, [("a", "1"), ("a", "2")])
    for change in (lambda: built.__setitem__("b", "3"), lambda: built.add("a", "3")):
        pytest.raises(TypeError, change)
    assert hash(built) == hash(ImmutableMultiDict([("a", "1"), ("a", "2")]))
    assert built.getlist("a") == ["1", "2"]


@pytest.mark.parametrize("limit", [None, 100])
def test_a_server_ended_body_is_the_stream_werkzeug_gives(app, limit):
    from werkzeug.wrappers import Request as WerkzeugRequest

    app.config["MAX_CONTENT_LENGTH"] = limit
    with app.app_context():
        environ = terminated_environ(b"a=1&b=2")
        ours = Request(environ).stream
        werkzeugs = WerkzeugRequest(dict(environ)).stream
        assert ours is werkzeugs is environ["wsgi.input"]
        assert ours.read() == b"a=1&b=2"


def test_a_chunked_server_ended_body_is_still_held_to_the_limit(app):
    app.config["MAX_CONTENT_LENGTH"] = 10
    body = b"a=" + b"x" * 20
    environ = terminated_environ(body, HTTP_TRANSFER_ENCODING="chunked")
    with app.app_context():
        with pytest.raises(RequestEntityTooLarge):
            Request(environ).stream.read()


@BOUNDED
@given(parts=st.lists(pieces, max_size=12))
def test_a_server_ended_body_reads_the_same_both_ways(parts):
    app = flaskcompat.Flask(__name__)
    body = b"".join(parts)
    shortcut, parser = both(lambda: terminated_environ(body), app)
    assert shortcut == parser


@BOUNDED
@given(
    announced=st.one_of(
        st.from_regex(r"\A[0-9]{1,25}\Z"),
        # latin-1 only: a WSGI environ holds the header's bytes as code points
        st.text(alphabet="0123456789 \t+-x\xb2\xb9", max_size=6),
    ),
    chunked=st.sampled_from([None, "chunked", "gzip"]),
)
def test_the_content_length_is_the_one_werkzeug_reads(announced, chunked):
    from werkzeug.wrappers import Request as WerkzeugRequest

    environ = environ_for(b"")
    environ["CONTENT_LENGTH"] = text_to_wsgi(announced)
    if chunked is not None:
        environ["HTTP_TRANSFER_ENCODING"] = chunked
    assert Request(dict(environ)).content_length == (
        WerkzeugRequest(dict(environ)).content_length
    )
