# -*- coding: utf-8 -*-
"""Route families, request generators and the property every answer keeps.

A generated request is plain data (method, path, query, headers, body)
turned into a WSGI environ the way a server builds one (PEP 3333): every
value a native string carrying the raw bytes, latin-1 code points on
Python 3 and bytes on Python 2. Nothing is cleaned up on the way in, so
the application sees undecodable bytes, control characters and odd
methods exactly as a server would pass them on.

The property (:func:`answer`): ``wsgi_app`` returns (no exception escapes
it or its body), calls ``start_response`` once with a status below 500,
and sends header names and values free of CR, LF and NUL whose values
encode as latin-1.
"""
from __future__ import unicode_literals

import sys

from hypothesis import strategies as st

from flaskcompat._compat import BytesIO
from flaskcompat._compat import text_to_wsgi

from .app import make_app

APP = make_app()
PY2 = str is bytes
CONTROL = frozenset("\r\n\x00")
# where a server sends what the app logs for the operator
ERROR_STREAM = sys.stderr


class Problem(AssertionError):
    """An answer that breaks the property; ``kind`` groups alike ones."""

    def __init__(self, kind, detail):
        AssertionError.__init__(self, "%s: %s" % (kind, detail))
        self.kind = kind


# -- environ ------------------------------------------------------------------


def environ_for(spec):
    """The WSGI environ for a generated request ``spec`` (a dict of bytes)."""
    body = spec.get("body", b"")
    environ = {
        "REQUEST_METHOD": text_to_wsgi(spec.get("method", b"GET")),
        "SCRIPT_NAME": str(""),
        "PATH_INFO": text_to_wsgi(spec.get("path", b"/")),
        "QUERY_STRING": text_to_wsgi(spec.get("query", b"")),
        "SERVER_NAME": str("localhost"),
        "SERVER_PORT": str("80"),
        "SERVER_PROTOCOL": str("HTTP/1.1"),
        "HTTP_HOST": str("localhost"),
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": str("http"),
        "wsgi.input": BytesIO(body),
        "wsgi.errors": ERROR_STREAM,
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    content_type = spec.get("content_type")
    if content_type is not None:
        environ["CONTENT_TYPE"] = text_to_wsgi(content_type)
    for key, value in spec.get("headers", ()):
        if value is None:
            environ.pop(str(key), None)
        else:
            environ[str(key)] = text_to_wsgi(value)
    if spec.get("terminated"):
        environ.pop("CONTENT_LENGTH", None)
        environ["wsgi.input_terminated"] = True
    return environ


# -- the property -------------------------------------------------------------


def _check_header_text(kind, text):
    if not isinstance(text, str):
        raise Problem("%s not a native string" % kind, repr(text))
    if CONTROL & set(text):
        raise Problem("%s with CR, LF or NUL" % kind, repr(text))
    if not PY2:
        try:
            text.encode("latin-1")
        except UnicodeEncodeError:
            raise Problem("%s not latin-1" % kind, repr(text))


def answer(environ, app=APP):
    """Call ``app.wsgi_app`` as a server would and check the answer;
    return its status code. A broken property raises :class:`Problem`; an
    exception from the application propagates as it is."""
    started = []

    def start_response(status, headers, exc_info=None):
        started.append((status, headers, exc_info))
        return lambda data: None

    body = app.wsgi_app(environ, start_response)
    try:
        for chunk in body:
            if not isinstance(chunk, bytes):
                raise Problem("body chunk not bytes", repr(chunk)[:80])
    finally:
        close = getattr(body, "close", None)
        if close is not None:
            close()
    if len(started) != 1:
        raise Problem("start_response called %d times" % len(started), "")
    status, headers, _ = started[0]
    _check_header_text("status", status)
    code = int(status[:3])
    for name, value in headers:
        _check_header_text("header name", name)
        _check_header_text("header value", value)
    if code >= 500:
        raise Problem("status %d" % code, status)
    return code


# -- bytes --------------------------------------------------------------------

# pieces a URL, header or body is likely to break on
TRICKY = [
    b"\r", b"\n", b"\r\n", b"\x00", b"\t", b" ", b"\x7f", b"\xff", b"\xfe",
    b"\xc3", b"\xc3\xa9", "\u20ac".encode("utf-8"), b"\xed\xa0\x80",
    b"%", b"%0", b"%00", b"%0D%0A", b"%FF", b"%C3%A9", b"%2F", b"%25", b"+",
    b"/", b"//", b"/../", b"..", b"\\", b"?", b"#", b"&", b"=", b";", b",",
    b'"', b"'", b"<", b">", b"{", b"|", b"^", b"`", b"@", b":",
    b"javascript:", b"http://evil.example", b"//evil.example", b"\\\\evil",
    b"a" * 300, b"9" * 25, b"-1", b"0", b"1",
]
tricky = st.one_of(st.sampled_from(TRICKY), st.binary(min_size=1, max_size=8))
odd_bytes = st.lists(tricky, max_size=8).map(b"".join)
words = st.one_of(
    st.sampled_from([b"a", b"q", b"next", b"v", b"m", b"c", b"p", b"name", b"x"]),
    odd_bytes,
)

COMMON_METHODS = [b"GET", b"POST", b"PUT", b"PATCH", b"DELETE", b"HEAD", b"OPTIONS"]
ODD_METHODS = [
    b"get", b"TRACE", b"CONNECT", b"PROPFIND", b"M-SEARCH", b"BREW", b"PRI",
    b"G\xc9T", "G\u00c9T".encode("utf-8"), b"GET ", b" GET", b"GE\tT", b"GET\r\n",
    b"\x00", b"", b"(GET)", b"G/T", b"\xff" * 3, b"X" * 100,
]


@st.composite
def methods(draw, usual):
    # mostly a method the route takes, so most requests reach the view
    if draw(st.integers(0, 7)) == 0:
        return draw(st.one_of(st.sampled_from(COMMON_METHODS + ODD_METHODS), st.binary(max_size=10)))
    return draw(st.sampled_from(usual))


def queries():
    pair = st.tuples(words, st.sampled_from([b"=", b"", b"=="]), odd_bytes).map(b"".join)
    return st.one_of(
        st.lists(pair, max_size=5).map(b"&".join),
        odd_bytes,
    )


HEADER_KEYS = [
    "HTTP_HOST", "HTTP_ACCEPT", "HTTP_ACCEPT_LANGUAGE", "HTTP_ACCEPT_ENCODING",
    "HTTP_ACCEPT_CHARSET", "HTTP_USER_AGENT", "HTTP_REFERER", "HTTP_ORIGIN",
    "HTTP_AUTHORIZATION", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MATCH", "HTTP_IF_RANGE", "HTTP_IF_UNMODIFIED_SINCE", "HTTP_RANGE",
    "HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST",
    "HTTP_CONTENT_ENCODING", "HTTP_TRANSFER_ENCODING", "HTTP_CONNECTION",
    "HTTP_UPGRADE", "HTTP_CACHE_CONTROL", "HTTP_PRAGMA", "HTTP_COOKIE",
    "HTTP_X_REQUESTED_WITH", "HTTP_X_CUSTOM", "CONTENT_TYPE", "CONTENT_LENGTH",
]
HEADER_VALUES = [
    b"", b"*/*", b"text/html;q=0.9, */*;q=x", b"gzip, deflate", b"en-US,en;q=0.5",
    b"bytes=0-1", b"bytes=5-2", b"bytes=-0", b"bytes=0-1,3-4", b"bytes=x",
    b'"etag"', b'W/"a", "b"', b"*", b"Mon, 01 Jan 1900 00:00:00 GMT",
    b"Thu, 01 Jan 2099 00:00:00 GMT", b"not a date", b"Basic !!!",
    b"Basic " + b"YTpi", b"Digest username=\"a\", realm=", b"Bearer \xff",
    b"chunked", b"websocket", b"https", b"localhost:80", b"localhost:x",
    b"[::1]:80", b"a.example, b.example", b"null", b"0", b"-1", b"1e9",
]
header_values = st.one_of(st.sampled_from(HEADER_VALUES), odd_bytes)
noise_headers = st.lists(
    st.tuples(st.sampled_from(HEADER_KEYS), header_values), max_size=3
)


def _noisy_path(path, extra, where):
    # extra bytes at the end, or spliced in at a position
    if where is None:
        return path + extra
    where = where % (len(path) + 1)
    return path[:where] + extra + path[where:]


@st.composite
def requests(draw, paths, usual_methods, bodies=None, queries=queries()):
    """A request for one of ``paths`` with noise added to every part."""
    spec = {
        "method": draw(methods(usual_methods)),
        "path": draw(paths),
        "query": draw(queries),
    }
    if draw(st.integers(0, 5)) == 0:
        spec["path"] = _noisy_path(
            spec["path"], draw(odd_bytes), draw(st.one_of(st.none(), st.integers(0, 40)))
        )
    if bodies is not None:
        content_type, body = draw(bodies)
        spec["content_type"], spec["body"] = content_type, body
    headers = draw(noise_headers) if draw(st.integers(0, 2)) == 0 else []
    if draw(st.integers(0, 5)) == 0:
        headers.append(("CONTENT_LENGTH", draw(st.one_of(
            st.sampled_from([b"", b"-1", b"abc", b"1e3", b"\xb2", b"9" * 30, b"3", b" 4", b"0x10"]),
            st.integers(0, 200).map(lambda number: str(number).encode("ascii")),
        ))))
    spec["headers"] = headers
    spec["terminated"] = draw(st.integers(0, 9)) == 0
    return spec


# -- family 1: query arguments ------------------------------------------------

query_family = requests(
    st.sampled_from([b"/args"] * 3 + [b"/go", b"/search"] * 2 + [b"/args/", b"//args", b"/args//x", b"/"]),
    [b"GET", b"POST", b"HEAD"],
)

# -- family 2: urlencoded and multipart forms ---------------------------------

FORM_TYPES = [
    b"application/x-www-form-urlencoded",
    b"application/x-www-form-urlencoded; charset=latin-1",
    b"application/x-www-form-urlencoded; charset=\xff",
    b"multipart/form-data; boundary=B",
    b'multipart/form-data; boundary="B"',
    b"multipart/form-data; boundary=B; charset=utf-16",
    b"multipart/form-data",
    b"multipart/form-data; boundary=",
    b"multipart/form-data; boundary=" + b"B" * 200,
    b"multipart/form-data; boundary=\xff",
    b"multipart/mixed; boundary=B",
    b"text/plain",
]
DISPOSITIONS = [
    b"form-data", b'form-data; name="f"', b"form-data; name=f", b"form-data; name=\xaf",
    b'form-data; name="\xc3\xa9"', b'form-data; name="\xff"', b'form-data; name=""',
    b'form-data; name="a\\"b"', b"form-data; name*=utf-8''%C3%A9",
    b'form-data; name="up"; filename="a.txt"', b'form-data; filename="\xff.txt"',
    b'form-data; name="up"; filename=""', b'form-data; name="up"; filename="../../etc/passwd"',
    b'form-data; name="up"; filename="C:\\\\x\\\\a.txt"', b'form-data; name="up"; filename="a\x00b"',
    b"form-data; name=\"up\"; filename*=utf-8''%E2%82%AC.txt", b"attachment", b"", b";;;",
]
PART_EXTRAS = [
    b"", b"Content-Type: text/plain\r\n", b"Content-Type: text/plain; charset=\xff\r\n",
    b"Content-Type: text/plain; charset=utf-16\r\n", b"Content-Type: text/plain; charset=nope\r\n",
    b"Content-Type: text/plain; charset=zlib_codec\r\n", b"Content-Type: text/plain; charset=hex\r\n",
    b"Content-Type: text/plain; charset=string_escape\r\n", b"Content-Type: text/plain; charset=rot13\r\n",
    b"Content-Type: text/plain; charset=utf-7\r\n", b"Content-Type: text/plain; charset=idna\r\n",
    b"Content-Transfer-Encoding: base64\r\n",
    b"Content-Transfer-Encoding: quoted-printable\r\n", b"Content-Type\r\n",
    b"X: " + b"y" * 2000 + b"\r\n", b"\xff\xfe: \xff\r\n",
]
parts = st.tuples(
    st.sampled_from(DISPOSITIONS),
    st.sampled_from(PART_EXTRAS),
    st.one_of(odd_bytes, st.binary(max_size=60)),
)
ENDINGS = [b"--B--\r\n", b"--B--", b"", b"--B", b"--C--\r\n", b"--B--\r\nepilogue", b"\r\n--B--\r\n"]


@st.composite
def multipart_bodies(draw, content_types):
    chosen = draw(st.lists(parts, max_size=5))
    pieces = [draw(st.sampled_from([b"", b"preamble\r\n", b"\r\n"]))]
    for disposition, extra, value in chosen:
        pieces.append(
            b"--B\r\nContent-Disposition: " + disposition + b"\r\n" + extra + b"\r\n"
            + value + b"\r\n"
        )
    pieces.append(draw(st.sampled_from(ENDINGS)))
    body = b"".join(pieces)
    cut = draw(st.integers(0, 4))
    if cut == 4:
        cut = draw(st.integers(0, len(body)))
    return draw(st.sampled_from(content_types)), body[: len(body) - cut]


urlencoded_bodies = st.tuples(st.sampled_from(FORM_TYPES[:3] + FORM_TYPES[-1:]), queries())
form_family = requests(
    st.sampled_from([b"/form"] * 4 + [b"/form/", b"//form"]),
    [b"POST", b"PUT"],
    st.one_of(
        urlencoded_bodies,
        multipart_bodies(FORM_TYPES[3:4] * 4 + FORM_TYPES),
        multipart_bodies(FORM_TYPES[3:4]),
        st.tuples(st.none(), odd_bytes),
    ),
)

# -- family 3: JSON -----------------------------------------------------------

JSON_PIECES = [
    b"[", b"]", b"{", b"}", b'"a"', b":", b",", b"1", b"-0", b"1e999", b"1" * 50, b"-",
    b"null", b"true", b"NaN", b"Infinity", b"\xff", b"\\u", b'"\\ud800"', b'"\\u0000"',
    b" ", b"\xef\xbb\xbf", b"\x00", b'"\xc3\xa9"', b'"\xff"', b"9" * 5000, b"1.5e-400",
]
JSON_TYPES = [
    b"application/json", b"application/json; charset=utf-8", b"application/json; charset=latin-1",
    b"application/json; charset=\xff", b"application/problem+json", b"application/x+json",
    b"text/plain", None,
]


@st.composite
def json_bodies(draw):
    opening = draw(st.sampled_from([b"", b"[", b'{"a":', b'[{"a": ']))
    depth = draw(st.sampled_from([0, 1, 10, 499, 500, 501, 5000, 100000]))
    body = opening * depth + b"".join(draw(st.lists(st.sampled_from(JSON_PIECES), max_size=30)))
    if draw(st.booleans()):
        body += b"".join(
            closing * depth for closing in [draw(st.sampled_from([b"]", b"}", b""]))]
        )
    encoding = draw(st.sampled_from([None, None, "utf-16", "utf-16-le", "utf-32-be"]))
    if encoding is not None:
        body = body.decode("latin-1").encode(encoding)
    return draw(st.sampled_from(JSON_TYPES)), body


json_family = requests(
    st.sampled_from([b"/json"] * 3 + [b"/json/silent"] * 2 + [b"//json"]),
    [b"POST", b"PUT", b"PATCH"],
    json_bodies(),
)

# -- family 4: <int:> and <path:> converters, strict and merged slashes ------

segment = st.one_of(
    st.sampled_from([b"1", b"0", b"-1", b"01", b"9" * 30, b"1.5", b"\xd9\xa1", b"\xb2", b"x", b""]),
    odd_bytes,
)
converter_paths = st.tuples(
    st.sampled_from(
        [b"/item/", b"/files/", b"/files//", b"//files/", b"/user/", b"/dir", b"/dir/", b"//dir",
         b"/static/", b"/static//", b"/static/../", b"/static/index.html", b"/static/style.css",
         b"/static/index.html", b"/"]
    ),
    segment,
    st.sampled_from([b"", b"/", b"//", b"/x", b"//x/"]),
).map(b"".join)
CONDITIONAL_KEYS = ["HTTP_RANGE", "HTTP_IF_RANGE", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE"]


@st.composite
def converter_requests(draw):
    spec = draw(requests(converter_paths, [b"GET", b"GET", b"HEAD", b"OPTIONS"]))
    # ranges and validators, which static files answer
    spec["headers"].extend(
        draw(st.lists(st.tuples(st.sampled_from(CONDITIONAL_KEYS), header_values), max_size=2))
    )
    return spec


converters_family = converter_requests()

# -- family 5: session and flash ----------------------------------------------


def _signed(value, secret_key):
    app = make_app()
    app.secret_key = secret_key
    with app.test_request_context(path="/"):
        serializer = app.session_interface.get_signing_serializer(app)
        return serializer.dumps(value).encode("ascii")


GOOD_SESSION = _signed(
    {"user": "alice", "count": 3, "_flashes": [("message", "hi")], "t": (1, b"\xff")},
    make_app().secret_key,
)
ODD_SESSION = _signed({"count": "not a number", "_flashes": "not a list"}, make_app().secret_key)
FOREIGN_SESSION = _signed({"user": "mallory"}, "another key")


@st.composite
def session_cookies(draw):
    cookie = draw(st.sampled_from([GOOD_SESSION, ODD_SESSION, FOREIGN_SESSION]))
    change = draw(st.integers(0, 3))
    if change == 1:
        cookie = cookie[: draw(st.integers(0, len(cookie)))]
    elif change == 2:
        where = draw(st.integers(0, len(cookie) - 1))
        cookie = cookie[:where] + draw(tricky) + cookie[where + 1 :]
    elif change == 3:
        cookie = draw(odd_bytes)
    name = draw(st.sampled_from([b"session", b"session", b"Session", b" session", b"session "]))
    extra = draw(st.sampled_from([b"", b"; other=1", b"; session=second", b",x=1"]))
    return name + b"=" + cookie + extra


@st.composite
def session_requests(draw):
    spec = draw(
        requests(
            st.sampled_from([b"/session"] * 3 + [b"/flashes"] * 2 + [b"/session/"]),
            [b"GET", b"POST"],
            queries=st.lists(
                st.tuples(st.sampled_from([b"v", b"m", b"c", b"p"]), odd_bytes).map(b"=".join),
                max_size=4,
            ).map(b"&".join),
        )
    )
    spec["headers"].insert(0, ("HTTP_COOKIE", draw(session_cookies())))
    return spec


session_family = session_requests()

# -- family 6: file upload ----------------------------------------------------

UPLOAD_DISPOSITIONS = [
    b'form-data; name="up"; filename="',
    b'form-data; name="up"; filename=',
    b"form-data; name=\"up\"; filename*=utf-8''",
    b'form-data; filename="',
    b'form-data; name="\xff"; filename="',
    b'form-data; name="up"; filename="a"; filename="',
]
FILENAMES = [
    b"a.txt", b"", b"../../etc/passwd", b"..\\..\\boot.ini", b"C:\\a.txt", b"\\\\host\\share\\x",
    b"CON", b"nul.txt", b"\xff\xfe.txt", b"\xc3\xa9t\xc3\xa9.txt", b"a\x00b.txt", b"a\r\nb.txt",
    b"a\"b.txt", b"x" * 500, b".", b"..", b"/", b"%00.txt",
]
upload_parts = st.tuples(
    st.sampled_from(UPLOAD_DISPOSITIONS),
    st.one_of(st.sampled_from(FILENAMES), st.sampled_from(FILENAMES), odd_bytes),
    st.sampled_from([b'"', b"", b'"; x="y"']),
    st.sampled_from(
        [b"", b"Content-Type: image/png\r\n", b"Content-Type: \xff\r\n",
         b"Content-Type: text/plain; charset=utf-8\r\n", b"Content-Length: 999\r\n",
         b"Content-Transfer-Encoding: base64\r\n"]
    ),
    st.binary(max_size=200),
)


@st.composite
def upload_bodies(draw):
    chosen = draw(st.lists(upload_parts, min_size=1, max_size=4))
    pieces = []
    for disposition, filename, close, extra, content in chosen:
        pieces.append(
            b"--B\r\nContent-Disposition: " + disposition + filename + close + b"\r\n"
            + extra + b"\r\n" + content + b"\r\n"
        )
    if draw(st.booleans()):
        pieces.append(b'--B\r\nContent-Disposition: form-data; name="note"\r\n\r\n' + draw(odd_bytes) + b"\r\n")
    pieces.append(draw(st.sampled_from(ENDINGS)))
    body = b"".join(pieces)
    cut = draw(st.sampled_from([0, 0, 0, 1, 2, 5, 20]))
    content_type = draw(st.sampled_from(FORM_TYPES[3:4] * 4 + FORM_TYPES[3:8]))
    return content_type, body[: max(0, len(body) - cut)]


upload_family = requests(
    st.sampled_from([b"/upload"] * 4 + [b"/upload/", b"//upload"]), [b"POST", b"PUT"], upload_bodies()
)

# -- family 7: cookies ----------------------------------------------------------

COOKIE_NAMES = [
    b"a", b"echo", b"__Host-x", b"__Secure-x", b"=__Host-x", b"", b"a b", b"a\tb", b"\xff",
    b"$Version", b"Path", b"a,b", b'"q"', b"session",
]
COOKIE_VALUES = [
    b"1", b"", b'"quoted"', b'"\\012\\"x"', b'"unterminated', b"a=b", b"\xff\xfe",
    b"\xc3\xa9", b"x" * 5000, b"a;b", b"%00", b"\\", b"\x00", b"\r\n",
]
cookie_pairs = st.tuples(
    st.one_of(st.sampled_from(COOKIE_NAMES), odd_bytes),
    st.sampled_from([b"=", b"", b"=="]),
    st.one_of(st.sampled_from(COOKIE_VALUES), odd_bytes),
).map(b"".join)
cookie_headers = st.tuples(
    st.lists(cookie_pairs, max_size=5), st.sampled_from([b"; ", b";", b", ", b" ; "])
).map(lambda pair: pair[1].join(pair[0]))


@st.composite
def cookie_requests(draw):
    spec = draw(
        requests(
            st.sampled_from([b"/cookies"] * 4 + [b"/cookies/", b"//cookies"]),
            [b"GET", b"POST"],
            queries=st.tuples(st.sampled_from([b"c=", b"x="]), odd_bytes).map(b"".join),
        )
    )
    spec["headers"].insert(0, ("HTTP_COOKIE", draw(cookie_headers)))
    return spec


cookies_family = cookie_requests()

FAMILIES = [
    ("query", query_family),
    ("forms", form_family),
    ("json", json_family),
    ("converters", converters_family),
    ("session", session_family),
    ("upload", upload_family),
    ("cookies", cookies_family),
]
