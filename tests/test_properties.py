# -*- coding: utf-8 -*-
"""Properties checked on generated input (a bounded, fixed-seed run, so the
suite stays fast and gives the same examples every time).

Whatever bytes arrive in the method, path, query, headers, cookies or body,
``wsgi_app`` answers: no exception escapes it, it never answers 500, and no
header name or value it sends holds CR, LF or NUL. The text/bytes helpers
and the session's value types round-trip (a cookie that was tampered
with, cut short or signed with another key is tried in
``test_fuzz_properties.py``, on the whole trip through a browser).
"""
from __future__ import unicode_literals

import uuid
from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

import flaskcompat
from flaskcompat import request
from flaskcompat import session
from flaskcompat._compat import quote_bytes
from flaskcompat._compat import text_to_wsgi
from flaskcompat._compat import to_bytes
from flaskcompat._compat import to_native
from flaskcompat._compat import to_text
from flaskcompat._compat import url_decode_pairs
from flaskcompat._compat import wsgi_bytes
from flaskcompat._compat import wsgi_to_text
from fuzz import families
from bounded import bounded

BOUNDED = bounded(150, filtering=True)


def make_app():
    app = flaskcompat.Flask(__name__)
    app.secret_key = "property key"
    # Exceptions propagate: a 500 would be an exception escaping wsgi_app.
    app.config["TESTING"] = True

    @app.route("/args")
    def args():
        return {"args": request.args.to_dict(flat=False)}

    @app.route("/form", methods=["POST"])
    def form():
        return {
            "form": request.form.to_dict(flat=False),
            "files": sorted(request.files),
        }

    @app.route("/upload", methods=["POST", "PUT"])
    def upload():
        sizes = {}
        for name, storage in request.files.items(multi=True):
            sizes[name] = [storage.filename, len(storage.read())]
        return {"files": sizes}

    @app.route("/json", methods=["POST", "PUT", "PATCH"])
    def json_view():
        return {"type": type(request.get_json()).__name__}

    @app.route("/item/<int:number>")
    def item(number):
        return {"number": number}

    @app.route("/files/<path:name>")
    def files(name):
        return {"name": name}

    @app.route("/session", methods=["GET", "POST"])
    def session_view():
        before = dict(session)
        session["seen"] = request.args.get("v", "")
        flaskcompat.flash(request.args.get("m", "hello"))
        return {"session": sorted(before), "flashes": len(flaskcompat.get_flashed_messages())}

    @app.route("/cookies")
    def cookies():
        response = flaskcompat.jsonify(request.cookies.to_dict())
        response.set_cookie("echo", request.args.get("c", ""))
        return response

    return app


APP = make_app()

PREFIXES = [
    b"/args",
    b"/form",
    b"/upload",
    b"/json",
    b"/item/",
    b"/files/",
    b"/files//",
    b"//files/x/",
    b"/session",
    b"/cookies",
    b"/static/",
    b"/",
]
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"]
CONTENT_TYPES = [
    b"",
    b"application/x-www-form-urlencoded",
    b"multipart/form-data; boundary=B",
    b"multipart/form-data",
    b"application/json",
    b"text/plain; charset=\xff",
    b"application/json; charset=latin-1",
]
CONTROL = set("\r\n\x00")
def environ_for(method, path, query=b"", headers=None, body=b"", content_type=b""):
    """A WSGI environ as a server hands it over: native strings carrying the
    raw bytes (the generated requests' builder, tests/fuzz)."""
    spec = {"method": method, "path": path, "query": query, "body": body}
    if content_type:
        spec["content_type"] = content_type
    spec["headers"] = sorted((headers or {}).items())
    return families.environ_for(spec)


def answer(environ):
    """Run the app like a server; check the response and return its status."""
    started = []

    def start_response(status, headers, exc_info=None):
        started.append((status, headers))

    body = APP.wsgi_app(environ, start_response)
    try:
        for _chunk in body:
            pass
    finally:
        close = getattr(body, "close", None)
        if close is not None:
            close()
    status, headers = started[0]
    for header_name, header_value in headers:
        assert not CONTROL & set(header_name + header_value), header_name
    code = int(status[:3])
    assert code != 500
    return code


methods = st.sampled_from(METHODS).map(lambda name: name.encode("ascii"))
odd_bytes = st.binary(max_size=40)
paths = st.tuples(st.sampled_from(PREFIXES), odd_bytes).map(b"".join)


@BOUNDED
@given(method=methods, path=paths, query=odd_bytes)
def test_any_path_and_query(method, path, query):
    answer(environ_for(method, path, query))


@BOUNDED
@given(
    method=st.one_of(methods, st.binary(max_size=12)),
    path=st.sampled_from(PREFIXES),
)
def test_any_method(method, path):
    answer(environ_for(method, path + b"1"))


header_names = st.sampled_from(
    [
        "HTTP_HOST",
        "HTTP_COOKIE",
        "HTTP_ACCEPT",
        "HTTP_USER_AGENT",
        "HTTP_IF_MODIFIED_SINCE",
        "HTTP_AUTHORIZATION",
        "HTTP_X_FORWARDED_FOR",
        "HTTP_ORIGIN",
        "HTTP_UPGRADE",
        "CONTENT_LENGTH",
    ]
)


@BOUNDED
@given(
    method=methods,
    path=st.sampled_from(PREFIXES),
    headers=st.dictionaries(header_names, odd_bytes, max_size=4),
    content_type=st.sampled_from(CONTENT_TYPES),
    body=st.binary(max_size=30),
)
def test_any_headers(method, path, headers, content_type, body):
    answer(environ_for(method, path, b"c=1", headers, body, content_type))


cookie_names = st.sampled_from([b"session", b"echo", b"__Host-x", b"", b"a b"])
cookie_pairs = st.tuples(cookie_names, st.sampled_from([b"=", b"", b"=="]), odd_bytes)
cookie_headers = st.lists(cookie_pairs.map(b"".join), max_size=4).map(b"; ".join)


@BOUNDED
@given(
    path=st.sampled_from([b"/cookies", b"/session"]),
    cookie=cookie_headers,
    query=st.sampled_from([b"", b"c=%0D%0Ax", b"c=\xff", b"v=\xff&m=%00"]),
)
def test_any_cookies(path, cookie, query):
    answer(environ_for(b"GET", path, query, {"HTTP_COOKIE": cookie}))


dispositions = st.sampled_from(
    [
        b"form-data",
        b'form-data; name="f"',
        b"form-data; name=f",
        b"form-data; name=\xaf",
        b'form-data; name="\xc3\xa9"',
        b'form-data; name="up"; filename="a.txt"',
        b'form-data; filename="\xff.txt"',
        b'form-data; name="up"; filename=""',
        b"attachment",
        b"",
    ]
)
parts = st.tuples(dispositions, st.sampled_from([b"", b"Content-Type: text/plain\r\n"]), odd_bytes)


def multipart_body(chosen, ending):
    pieces = []
    for disposition, extra, value in chosen:
        pieces.append(
            b"--B\r\nContent-Disposition: " + disposition + b"\r\n" + extra + b"\r\n" + value + b"\r\n"
        )
    return b"".join(pieces) + ending


@BOUNDED
@given(
    path=st.sampled_from([b"/form", b"/upload"]),
    chosen=st.lists(parts, max_size=4),
    ending=st.sampled_from([b"--B--\r\n", b"--B--", b"", b"--B", b"--C--\r\n"]),
    content_type=st.sampled_from(CONTENT_TYPES[1:4]),
    cut=st.integers(min_value=0, max_value=3),
)
def test_any_multipart(path, chosen, ending, content_type, cut):
    body = multipart_body(chosen, ending)
    body = body[: len(body) - cut]
    answer(environ_for(b"POST", path, b"", None, body, content_type))


json_pieces = st.sampled_from(
    [b"[", b"]", b"{", b"}", b'"a"', b":", b",", b"1", b"1e999", b"-", b"null", b"\xff", b"\\u", b'"\\ud800"', b" "]
)


@BOUNDED
@given(
    pieces=st.lists(json_pieces, max_size=30),
    depth=st.sampled_from([0, 10, 5000, 100000]),
    content_type=st.sampled_from([b"application/json", b"application/x+json", b"text/plain"]),
)
def test_any_json(pieces, depth, content_type):
    body = b"[" * depth + b"".join(pieces)
    answer(environ_for(b"POST", b"/json", b"", None, body, content_type))


@BOUNDED
@given(
    body=odd_bytes,
    length=st.one_of(st.none(), st.sampled_from([b"", b"-1", b"abc", b"1e3", b"\xb2", b"99999999999999999999", b"3"])),
    path=st.sampled_from([b"/form", b"/json", b"/upload"]),
    content_type=st.sampled_from(CONTENT_TYPES),
)
def test_any_body_and_length(body, length, path, content_type):
    environ = environ_for(b"POST", path, b"", None, body, content_type)
    if length is not None:
        environ["CONTENT_LENGTH"] = text_to_wsgi(length)
    answer(environ)


# -- the text/bytes helpers -----------------------------------------------------

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)


@BOUNDED
@given(value=texts)
def test_text_round_trips_through_bytes_and_wsgi(value):
    assert to_text(to_bytes(value)) == value
    assert to_text(to_native(value)) == value
    assert wsgi_to_text(text_to_wsgi(value)) == value
    assert to_bytes(value, "utf-16-le").decode("utf-16-le") == value
    assert to_text(to_bytes(value, "utf-16-be"), "utf-16-be") == value


@BOUNDED
@given(value=st.binary(max_size=30))
def test_bytes_round_trip_through_text_and_wsgi(value):
    assert to_bytes(to_text(value, "latin-1"), "latin-1") == value
    native = text_to_wsgi(value)
    assert isinstance(native, str)
    assert wsgi_bytes(native) == value
    assert wsgi_to_text(native) == value.decode("utf-8", "replace")
    assert url_decode_pairs(b"k=" + quote_bytes(value, safe="").encode("ascii")) == [
        ("k", value.decode("utf-8", "replace"))
    ]


@BOUNDED
@given(pairs=st.lists(st.tuples(texts, texts), max_size=5))
def test_query_pairs_round_trip(pairs):
    query = "&".join(
        quote_bytes(to_bytes(key), safe="") + "=" + quote_bytes(to_bytes(value), safe="")
        for key, value in pairs
    )
    assert url_decode_pairs(text_to_wsgi(query.encode("ascii"))) == pairs


# -- sessions -----------------------------------------------------------------

plain_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    texts,
    st.binary(max_size=20),
    texts.map(Markup),
    st.uuids(),
    st.datetimes(
        min_value=datetime(1970, 1, 1), max_value=datetime(2200, 1, 1)
    ).map(lambda moment: moment.replace(microsecond=0)),
)
session_values = st.recursive(
    plain_values,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(texts, inner, max_size=3),
    ),
    max_leaves=8,
)


# Where bytes are the native string (Python 2), UTF-8 bytes are stored as
# text and read back as text, as that interpreter's literals mean.
NATIVE_BYTES = str is bytes


def read_back(value):
    """What the session gives back for a stored ``value``."""
    if NATIVE_BYTES and isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return value
    if type(value) in (list, tuple):
        return type(value)(read_back(item) for item in value)
    if type(value) is dict:
        return dict((key, read_back(item)) for key, item in value.items())
    return value


def same_value(left, right):
    if type(left) is not type(right):
        return False
    if isinstance(left, (list, tuple)):
        return len(left) == len(right) and all(map(same_value, left, right))
    if isinstance(left, dict):
        return sorted(left) == sorted(right) and all(
            same_value(left[key], right[key]) for key in left
        )
    return left == right


@BOUNDED
@given(value=session_values)
def test_every_session_value_type_round_trips(value):
    client = APP.test_client()
    with client.session_transaction() as stored:
        stored["value"] = value
    with client.session_transaction() as loaded:
        assert same_value(loaded["value"], read_back(value))
