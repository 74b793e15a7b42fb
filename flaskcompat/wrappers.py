# -*- coding: utf-8 -*-
"""The request and response classes: Werkzeug's, held to Flask 1.1's
behaviour on every Werkzeug release from 1.0 to 3.1."""
import encodings
import os
import re
import sys

from werkzeug.datastructures import CombinedMultiDict
from werkzeug.datastructures import Headers
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import BadRequest
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.http import parse_options_header
from werkzeug.utils import cached_property
from werkzeug.wrappers import Request as RequestBase
from werkzeug.wrappers import Response as ResponseBase

from . import json
from ._compat import cookie_header_without_nameless
from ._compat import defer_environ_fields
from ._compat import direct_header_list
from ._compat import parse_cookie_header
from ._compat import PART_CHARSETS_HONOURED
from ._compat import RecursionLimitError
from ._compat import text_type
from ._compat import url_decode_pairs
from ._compat import use_urlencoded_parser
from ._compat import WerkzeugFormDataParser
from ._compat import wsgi_header_list
from ._compat import wsgi_to_text
from .globals import _app_ctx_stack
from .helpers import blueprint_chain


def _current_app():
    top = _app_ctx_stack.peek()
    return None if top is None else top.app


def _refuse_over(size, limit):
    """413 when both are known and ``size`` is past ``limit``."""
    if size is not None and limit is not None and size > limit:
        raise RequestEntityTooLarge()


def _config_value(key, fallback=None):
    # Read on every request that has a body: no helper call in between.
    top = _app_ctx_stack.peek()
    return fallback if top is None else top.app.config[key]


def _naive_utc(value):
    """Flask 1.1 (Werkzeug 1.0) gave HTTP dates as naive UTC datetimes;
    Werkzeug 2.0+ gives aware ones."""
    offset = getattr(value, "utcoffset", None)
    offset = offset() if offset is not None else None
    if offset is None:
        return value
    return (value - offset).replace(tzinfo=None)


def _naive_date_attribute(base, name, writable):
    inherited = getattr(base, name)

    def read(self):
        return _naive_utc(inherited.__get__(self, type(self)))

    if not writable:
        return property(read, doc=inherited.__doc__)

    def write(self, value):
        inherited.__set__(self, value)

    def remove(self):
        inherited.__delete__(self)

    return property(read, write, remove, inherited.__doc__)


# -- User-Agent ---------------------------------------------------------------
# Werkzeug 2.1 stopped parsing the header (platform, browser and version
# became None); Flask 1.1 apps read them, so one parser serves every release.
# The tables give the same answers as Werkzeug 1.0's parser.

_PLATFORM_PATTERNS = [
    (r" cros ", "chromeos"),
    (r"iphone|ios", "iphone"),
    (r"ipad", "ipad"),
    (r"darwin|mac|os\s*x", "macos"),
    (r"win", "windows"),
    (r"android", "android"),
    (r"netbsd", "netbsd"),
    (r"openbsd", "openbsd"),
    (r"freebsd", "freebsd"),
    (r"dragonfly", "dragonflybsd"),
    (r"(sun|i86)os", "solaris"),
    (r"x11|lin(\b|ux)?", "linux"),
    (r"blackberry|playbook", "blackberry"),
    (r"bsd", "bsd"),
]
_BROWSER_PATTERNS = [
    (r"googlebot", "google"),
    (r"bingbot", "bing"),
    (r"msnbot", "msn"),
    (r"yahoo", "yahoo"),
    (r"baiduspider", "baidu"),
    (r"opera|opr", "opera"),
    (r"edge|edg", "edge"),
    (r"chrome|crios", "chrome"),
    (r"seamonkey", "seamonkey"),
    (r"firefox|fxios|iceweasel", "firefox"),
    (r"safari|version", "safari"),
    (r"webkit", "webkit"),
    (r"konqueror", "konqueror"),
    (r"msie|trident/.+? rv:", "msie"),
    (r"lynx", "lynx"),
    (r"links", "links"),
    (r"mozilla", "mozilla"),
]
# a browser's name, then (after separators) an optional version
_VERSION_AFTER = r"[/\sa-z(]*(\d+[.\da-z]+)?"
_PLATFORMS = [(re.compile(p, re.I), name) for p, name in _PLATFORM_PATTERNS]
_BROWSERS = [
    (re.compile("(?:" + p + ")" + _VERSION_AFTER, re.I), name)
    for p, name in _BROWSER_PATTERNS
]
# a two-letter language (optionally with a region) standing alone between
# separators: "; en-US;" or "(de)"
_LANGUAGE_CODE = r"(\b\w{2}\b(?:-\b\w{2}\b)?)"
_LANGUAGE = re.compile(
    r"(?:;\s*|\s+)" + _LANGUAGE_CODE + r"\s*;"
    r"|(?:\(|\[|;)\s*" + _LANGUAGE_CODE + r"\s*(?:\]|\)|;)"
)


def _first_match(table, text):
    for regex, name in table:
        match = regex.search(text)
        if match is not None:
            return name, match
    return None, None


class UserAgent(object):
    """The ``User-Agent`` header: :attr:`string`, and :attr:`platform`,
    :attr:`browser`, :attr:`version`, :attr:`language` when recognised
    (``None`` when not)."""

    def __init__(self, string):
        self.string = string or u""
        self.platform = _first_match(_PLATFORMS, self.string)[0]
        self.browser, found = _first_match(_BROWSERS, self.string)
        self.version = None if found is None else found.group(1)
        found = _LANGUAGE.search(self.string)
        self.language = None if found is None else (found.group(1) or found.group(2))

    def to_header(self):
        return self.string

    def __str__(self):
        return self.string

    def __bool__(self):
        return bool(self.browser)

    __nonzero__ = __bool__

    def __repr__(self):
        return "<%s %r/%s>" % (type(self).__name__, self.browser, self.version)


# -- request bodies -----------------------------------------------------------


class _InputView(object):
    """The file-like half of a wrapper around a request body: lines,
    iteration and close come from ``read``, ``readline`` and the stream."""

    def __iter__(self):
        return iter(self.readline, b"")

    def readlines(self, hint=-1):
        return list(self)

    def readable(self):
        return True

    def close(self):
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


class _BoundedInput(_InputView):
    """A body of unannounced length (chunked, ``wsgi.input_terminated``)
    read under a limit: one byte over it is a 413, never a body silently
    cut short."""

    def __init__(self, stream, limit):
        self._stream = stream
        self._limit = limit
        self._consumed = 0

    def _counted(self, data):
        self._consumed += len(data)
        _refuse_over(self._consumed, self._limit)
        return data

    def _allowance(self, size):
        # One byte past the limit is enough to know it was exceeded.
        room = self._limit - self._consumed + 1
        if size is None or size < 0 or size > room:
            return room
        return size

    def read(self, size=-1):
        if size is not None and size >= 0:
            return self._counted(self._stream.read(self._allowance(size)))
        pieces = []
        piece = self._counted(self._stream.read(self._allowance(None)))
        while piece:
            pieces.append(piece)
            piece = self._counted(self._stream.read(self._allowance(None)))
        return b"".join(pieces)

    def readline(self, size=-1):
        return self._counted(self._stream.readline(self._allowance(size)))


class FormDataParser(WerkzeugFormDataParser):
    """Werkzeug's form parser, alike on every release: bytes that are not
    UTF-8 in a URL-encoded body become U+FFFD, a body that cannot be parsed
    is an error (a 400) rather than an empty form, and the form limits
    (:attr:`max_form_memory_size`, :attr:`max_form_parts`) mean what they
    mean in Flask 3.1."""

    #: More parts than this in a multipart body is a 413 (``None``: no limit).
    max_form_parts = None

    def __init__(self, *args, **kwargs):
        kwargs["silent"] = False
        WerkzeugFormDataParser.__init__(self, *args, **kwargs)
        # Kept out of Werkzeug's hands: each release reads it differently
        # (the whole form on 1.0, a read buffer on 2.x and 3.x).
        self.form_field_limit = self.max_form_memory_size
        self.max_form_memory_size = None

    def parse(self, stream, mimetype, content_length, options=None):
        # Media types are case-insensitive; Werkzeug 1.0 compared them as
        # sent (and parsed no form from "Multipart/Form-Data").
        mimetype = mimetype.lower() if mimetype else mimetype
        multipart = mimetype == "multipart/form-data"
        if multipart:
            boundary = (options or {}).get("boundary")
            if not boundary:
                # Werkzeug 2.0 - 2.2 fail on an empty one with AttributeError.
                raise ValueError("Missing boundary")
            stream = _guard_multipart(stream, boundary, self)
        return WerkzeugFormDataParser.parse(
            self, stream, mimetype, content_length, options
        )

    def _parse_urlencoded(self, stream, mimetype, content_length, options):
        body = _read_form_body(stream, content_length, self.form_field_limit)
        fields = self.cls(url_decode_pairs(body))
        return stream, fields, self.cls()


use_urlencoded_parser(FormDataParser)


# -- form limits (CVE-2023-25577, MAX_FORM_MEMORY_SIZE) ----------------------
# Werkzeug 1.0 and 2.0 cannot count multipart parts, and each release reads
# max_form_memory_size its own way; the multipart body is therefore watched
# as the parser reads it, the same way on every release: the parts are
# counted and each non-file field is measured, and the read that goes past
# a limit is a 413 (the parser stops there, the rest is never read).

#: One part's headers longer than this are a 413 (no client sends them).
_PART_HEADERS_MAX = 16384
#: Spaces after a boundary beyond this many make it content, not a delimiter.
_DELIMITER_PADDING_MAX = 1024
# Werkzeug 1.0 - 3.1 all end a line at CRLF, LF or a lone CR, inside part
# headers and around delimiters alike.
_NEWLINE = re.compile(br"\r\n|\n|\r")
_PADDING = re.compile(br"[ \t]*")


def _delimiter_ending(buf, end):
    """Where the delimiter whose ``--boundary`` ends at ``end`` ends (past
    its newline, or past ``--`` for the last one), and whether that newline
    is a CRLF: ``(-1, False)`` when ``buf`` stops too early to tell,
    ``(None, False)`` when those bytes are content."""
    at = _PADDING.match(buf, end).end()
    if at - end > _DELIMITER_PADDING_MAX:
        return None, False
    following = buf[at : at + 2]
    if following == b"\r\n":
        return at + 2, True
    if following[:1] == b"\n":
        return at + 1, False
    if following == b"--":
        return at + 2, at == end
    if len(following) < 2 and following in (b"", b"\r", b"-"):
        return -1, False
    if following[:1] == b"\r":
        return at + 1, False
    return None, False


def _read_form_body(stream, content_length, limit):
    """A URL-encoded body, 413 when it is longer than ``limit``."""
    _refuse_over(content_length, limit)
    if content_length is None:  # chunked
        return _read_unannounced_body(stream, limit)
    # Asked for its length, the stream answers in one read as a rule; read()
    # alone would go on asking until it is empty.
    pieces, size = [], 0
    while size < content_length:
        piece = stream.read(content_length - size)
        if not piece:
            break
        pieces.append(piece)
        size += len(piece)
    return pieces[0] if len(pieces) == 1 else b"".join(pieces)


def _read_unannounced_body(stream, limit):
    # A body without a Content-Length (chunked): read up to one byte past
    # the limit, which is then a 413.
    if limit is None:
        return stream.read()
    pieces, size = [], 0
    while size <= limit:
        piece = stream.read(limit + 1 - size)
        if not piece:
            break
        pieces.append(piece)
        size += len(piece)
    _refuse_over(size, limit)
    return b"".join(pieces)


def _plain_headers(headers):
    """Whether a part's headers (ending in the empty line) are CRLF lines,
    none continued: where every Werkzeug release sees them end."""
    lines = headers.split(b"\r\n")
    if lines[-2:] != [b"", b""]:
        return False
    return not any(
        b"\r" in line or b"\n" in line or line[:1] in (b" ", b"\t") for line in lines
    )


def _names_a_file(headers):
    """Whether plain part headers have one Content-Disposition, with a
    filename: what makes every Werkzeug release store the part as a file."""
    found = []
    for line in headers.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-disposition":
            found.append(value)
    if len(found) != 1:
        return False
    return "filename" in parse_options_header(found[0].decode("latin-1"))[1]


def _guard_multipart(stream, boundary, parser):
    parts, field = parser.max_form_parts, parser.form_field_limit
    if parts is None and field is None:
        return stream
    if not isinstance(boundary, bytes):
        boundary = boundary.encode("latin-1")
    return _MultipartGuard(stream, boundary, parts, field)


class _MultipartGuard(_InputView):
    """A multipart body handed to the parser unchanged, read through a
    scanner that counts the parts and measures the non-file fields: 413 as
    soon as there are more than ``max_parts`` parts or a field is longer
    than ``max_field`` bytes.

    Werkzeug's parsers (a different one in 1.0, 2.x and 3.x) agree on
    bodies as clients write them, CRLF everywhere, and differ on odd ones.
    The scanner therefore errs one way only: every ``--boundary`` after a
    newline counts as a part, and content counts against the field limit
    unless it is surely a file's, that is, its part began with a
    ``CRLF--boundary CRLF`` delimiter, its headers are CRLF lines ending in
    an empty one, and its one Content-Disposition names a file. A stray
    ``--boundary`` in a file's content makes the rest of it count, and the
    parts after an odd delimiter count together."""

    CONTENT, HEADERS = range(2)

    def __init__(self, stream, boundary, max_parts, max_field):
        self._stream = stream
        self._marker = b"--" + boundary
        self._max_parts = max_parts
        self._max_field = max_field
        self._state = self.CONTENT
        # bytes not classified yet, and the two before them (the body's
        # start counts as a newline)
        self._behind = b"\r\n"
        self._held = b""
        self._parts = 0
        # the current part: measured (not surely a file), its size so far,
        # no content seen yet, begun by a CRLF delimiter
        self._measured = max_field is not None
        self._size = 0
        self._fresh = False
        self._plain_start = False
        self._plain_part = True
        self._header_bytes = 0

    # -- the stream the parser reads

    def read(self, size=-1):
        return self._scanned(self._stream.read(size))

    def readline(self, size=-1):
        return self._scanned(self._stream.readline(size))

    # -- the scanner

    def _scanned(self, data):
        if data:
            buf = self._behind + self._held + data
            pos = len(self._behind)
            while pos is not None:
                if self._state == self.HEADERS:
                    pos = self._scan_headers(buf, pos)
                else:
                    pos = self._scan_content(buf, pos)
        return data

    def _hold(self, buf, start):
        # the two bytes before stay in view: they may be the newline that
        # begins a delimiter
        self._behind = buf[max(start - 2, 0) : start]
        self._held = buf[start:]

    def _count(self, size):
        if size > 0:
            self._fresh = False
            if self._measured:
                self._size += size
                _refuse_over(self._size, self._max_field)

    def _measure_from_here(self):
        if self._max_field is not None and not self._measured:
            self._measured = True
            self._size = 0

    def _content(self, buf, pos, end):
        # a "--boundary" in a file's content: a parser may split there
        if not self._measured and self._max_field is not None:
            stray = buf.find(self._marker, pos, end)
            if stray >= 0:
                self._measure_from_here()
                pos = stray
        self._count(end - pos)

    def _scan_content(self, buf, pos):
        marker = self._marker
        search = pos
        # where "\n--boundary" and "\r--boundary" come next (-1: nowhere)
        after_lf = after_cr = -2
        while True:
            newline_from = max(search - 1, 0)
            if -1 != after_lf < newline_from:
                after_lf = buf.find(b"\n" + marker, newline_from)
            if -1 != after_cr < newline_from:
                after_cr = buf.find(b"\r" + marker, newline_from)
            if after_lf < 0 and after_cr < 0:
                # keep what could still become "<newline>--boundary"
                cut = max(pos, len(buf) - len(marker) - 1)
                self._content(buf, pos, cut)
                self._hold(buf, cut)
                return None
            found = min(at for at in (after_lf, after_cr) if at >= 0) + 1
            search = found + 1
            before = buf[max(found - 2, 0) : found]
            start = max(pos, found - (2 if before == b"\r\n" else 1))
            ending, plain = _delimiter_ending(buf, found + len(marker))
            if ending is not None and ending < 0:
                # too few bytes to tell: decide with the next read
                self._content(buf, pos, start)
                self._hold(buf, start)
                return None
            self._content(buf, pos, start)
            pos = start
            # a CRLF of its own before it (not the one ending the headers)
            plain = (
                plain
                and self._plain_part
                and before == b"\r\n"
                and (found - 2 >= pos or not self._fresh)
            )
            if ending is None:
                # "--boundary" then something else: content, but a part
                # for the count, and no file's any more
                self._add_part()
                self._measure_from_here()
                self._count(found + len(marker) - pos)
                pos = search = found + len(marker)
                continue
            if buf[ending - 2 : ending] == b"--":
                after = buf[ending : ending + 2]
                if after in (b"", b"\r"):
                    self._hold(buf, start)
                    return None
                if plain and after == b"\r\n":
                    # the last delimiter as clients write it: every parser
                    # stops there, and what follows is measured on its own
                    self._size = 0
                    self._measure_from_here()
                else:
                    self._measure_from_here()
                    self._count(ending - pos)
                return ending
            if not plain:
                # an odd delimiter may be content to the parser
                self._measure_from_here()
                self._count(ending - pos)
            self._next_part(plain)
            return ending

    def _add_part(self):
        self._parts += 1
        _refuse_over(self._parts, self._max_parts)

    def _next_part(self, plain):
        self._add_part()
        # after an odd delimiter the field goes on being measured, in case
        # the parser saw no delimiter there
        if plain or not self._measured:
            self._size = 0
        self._plain_start = plain
        self._header_bytes = 0
        self._state = self.HEADERS

    def _scan_headers(self, buf, pos):
        line_start = pos
        for newline in _NEWLINE.finditer(buf, pos):
            _refuse_over(newline.start() - pos, _PART_HEADERS_MAX)
            if newline.group() == b"\r" and newline.end() == len(buf):
                break  # the "\n" of a CRLF may come next
            if newline.start() == line_start:
                headers = buf[pos : newline.end()]
                self._begin_content(headers)
                return newline.end()
            line_start = newline.end()
        _refuse_over(len(buf) - pos, _PART_HEADERS_MAX)
        self._headers_seen(len(buf) - pos)
        self._hold(buf, pos)
        return None

    def _headers_seen(self, size):
        # After an odd delimiter the headers may be content to the parser:
        # they count as they arrive (held bytes are seen again).
        if not self._plain_start:
            self._count(size - self._header_bytes)
            self._header_bytes = max(size, self._header_bytes)

    def _begin_content(self, headers):
        plain = _plain_headers(headers)
        # where a parser may have seen the part start elsewhere, it may
        # also see no end at the next delimiter
        self._plain_part = plain and self._plain_start
        if self._max_field is None or (
            plain and self._plain_start and _names_a_file(headers)
        ):
            self._measured = False
        elif not self._plain_start:
            self._headers_seen(len(headers))
        else:
            if not self._measured:
                self._measured = True
                self._size = 0
            if not plain:
                # a parser may take some of these bytes for content
                self._count(len(headers))
        self._fresh = True
        self._state = self.CONTENT


# -- JSON ---------------------------------------------------------------------

_NOT_PARSED = object()

#: Arrays and objects nested deeper than this are a 400: the decoder
#: recurses, and past the interpreter's limit some releases abort instead
#: of raising.
MAX_JSON_NESTING = 500
_TOO_DEEP = "the JSON document is nested too deeply"
_JSON_STRUCTURE = re.compile(br'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.S)


def _nested_too_deeply(body):
    if not isinstance(body, bytes):
        body = body.encode("utf-8")
    if body.count(b"[") + body.count(b"{") <= MAX_JSON_NESTING:
        return False
    depth = 0
    for found in _JSON_STRUCTURE.finditer(body):
        token = found.group()
        if token in (b"[", b"{"):
            depth += 1
            if depth > MAX_JSON_NESTING:
                return True
        elif token in (b"]", b"}"):
            depth -= 1
    return False


class JSONMixin(object):
    """JSON bodies as Flask 1.1 reads them: ``None`` for a body that is not
    declared as JSON (Werkzeug 2.1+ would answer 415), and a 400 that says
    why for one that does not parse."""

    # the parsed body for get_json(silent=False) and (silent=True)
    _json_parsed = (_NOT_PARSED, _NOT_PARSED)

    @property
    def is_json(self):
        """Whether the mimetype is ``application/json`` or
        ``application/<something>+json``."""
        mimetype = self.mimetype
        if mimetype == "application/json":
            return True
        return mimetype.startswith("application/") and mimetype.endswith("+json")

    @property
    def json(self):
        """:meth:`get_json` with its defaults."""
        return self.get_json()

    def _get_data_for_json(self, cache):
        return self.get_data(cache)

    def get_json(self, force=False, silent=False, cache=True):
        """The body parsed as JSON. ``None`` when the mimetype is not JSON
        (unless ``force``) or, with ``silent``, when the body does not parse;
        otherwise a bad body goes to :meth:`on_json_loading_failed`."""
        slot = 1 if silent else 0
        if cache and self._json_parsed[slot] is not _NOT_PARSED:
            return self._json_parsed[slot]
        if not force and not self.is_json:
            return None

        body = self._get_data_for_json(cache=cache)
        try:
            if _nested_too_deeply(body):
                raise ValueError(_TOO_DEEP)
            try:
                value = json.loads(body)
            except RecursionLimitError:
                raise ValueError(_TOO_DEEP)
        except ValueError as problem:
            value = None if silent else self.on_json_loading_failed(problem)
            # Only this flavour failed: the other one must try again.
            remembered = list(self._json_parsed)
            remembered[slot] = value
        else:
            remembered = [value, value]
        if cache:
            self._json_parsed = tuple(remembered)
        return value

    def on_json_loading_failed(self, e):
        """Handle a body that is not valid JSON; a returned value becomes
        the result of :meth:`get_json`. Raises a 400 naming the problem."""
        raise BadRequest(u"Failed to decode JSON object: %s" % (e,))


# -- the request --------------------------------------------------------------


def _request_limit(key, fallback, doc):
    """A request limit as Flask 3.1 has it: the value set on the request
    (or its class), else the app's ``key``, else ``fallback`` outside an
    app."""
    slot = "_" + key.lower()

    def read(self):
        value = self.__dict__.get(slot)
        if value is not None:
            return value
        top = _app_ctx_stack.peek()
        return fallback if top is None else top.app.config[key]

    def write(self, value):
        self.__dict__[slot] = value

    return property(read, write, doc=doc)


# Request class -> whether it loads forms with the framework's own parser,
# unchanged: a URL-encoded body is then read without building the parser.
_PLAIN_FORM_LOADING = {}


def _loads_forms_plainly(request_class):
    def own(name):
        found = getattr(request_class, name, None)
        return getattr(found, "__func__", found)

    plain = (
        request_class.form_data_parser_class is FormDataParser
        and own("make_form_data_parser") is _request_function("make_form_data_parser")
        and own("want_form_data_parsed") is _request_function("want_form_data_parsed")
        and own("mimetype") is _request_function("mimetype")
    )
    _PLAIN_FORM_LOADING[request_class] = plain
    return plain


def _request_function(name):
    """The function behind ``Request.<name>`` (the framework's class)."""
    found = getattr(Request, name, None)
    return getattr(found, "__func__", found)


_URLENCODED = "application/x-www-form-urlencoded"

# Content-Length as RFC 9110 writes it (Werkzeug reads anything else as
# "no length" and parses an empty body).
_CONTENT_LENGTH = re.compile(r"[ \t]*[0-9]+[ \t]*\Z")
_PLAIN_DIGITS = re.compile(r"[0-9]+\Z").match
_UNDECODABLE_PART = (
    u"The form data could not be parsed: a part header is not valid UTF-8."
)


_CODEC_DIRECTORY = os.path.dirname(encodings.__file__)
_NOT_A_TEXT_CODEC = (
    u"The form data could not be parsed: a part names a charset that is not"
    u" a text encoding."
)


def _refuse_part_codec_failure(problem, traceback):
    # Werkzeug 1.0 - 2.2 decode a part with the charset its Content-Type
    # names: a name no codec has is a LookupError, and on Python 2 a bytes
    # codec (zlib, hex, ...) fails an assertion on the error handler.
    while traceback.tb_next is not None:
        traceback = traceback.tb_next
    in_codec = _CODEC_DIRECTORY in traceback.tb_frame.f_code.co_filename
    if type(problem) is LookupError or (isinstance(problem, AssertionError) and in_codec):
        raise BadRequest(_NOT_A_TEXT_CODEC)


def _refuse_fields_not_text(form):
    # ... and a codec that makes bytes (string_escape) leaves a value that
    # is not text.
    for value in form.values():
        if not isinstance(value, text_type):
            raise BadRequest(_NOT_A_TEXT_CODEC)


def _file_headers_as_text(files):
    # Werkzeug 1.0 keeps the header values of an uploaded part as the bytes
    # sent on Python 2; 2.0+ decode them as UTF-8 and refuse the body when
    # they are not. Text on every release, or the same 400.
    for _, upload in files.items(multi=True):
        pairs = list(upload.headers.items())
        if all(type(value) is not bytes or _ascii(value) for _, value in pairs):
            continue
        try:
            upload.headers = Headers(
                [(key, _utf8_text(value)) for key, value in pairs]
            )
        except UnicodeDecodeError:
            raise BadRequest(_UNDECODABLE_PART)


_ascii = re.compile(br"[\x00-\x7f]*\Z").match


def _part_name_text(name):
    # Werkzeug 1.0 gives the bytes of a part name on Python 2.
    if isinstance(name, text_type):
        return name
    try:
        return name.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest(_UNDECODABLE_PART)


@defer_environ_fields
class Request(JSONMixin, RequestBase):
    """The request class of flaskcompat (:data:`~flaskcompat.request`): the
    Werkzeug request plus what routing found. Set
    :attr:`Flask.request_class` to use a subclass."""

    #: the :class:`~werkzeug.routing.Rule` that matched, or ``None``
    url_rule = None
    #: the arguments the matched rule extracted, or ``None``
    view_args = None
    #: the routing error (404, 405, redirect) when matching failed
    routing_exception = None

    form_data_parser_class = FormDataParser

    # Flask 1.1's encoding attributes; Werkzeug 3.0 dropped them.
    charset = "utf-8"
    url_charset = "utf-8"
    encoding_errors = "replace"

    date = _naive_date_attribute(RequestBase, "date", False)
    if_modified_since = _naive_date_attribute(RequestBase, "if_modified_since", False)
    if_unmodified_since = _naive_date_attribute(
        RequestBase, "if_unmodified_since", False
    )

    max_content_length = _request_limit(
        "MAX_CONTENT_LENGTH",
        None,
        """The most bytes the body may have; more is a 413 before any is
        read. ``None``: no limit.""",
    )
    max_form_memory_size = _request_limit(
        "MAX_FORM_MEMORY_SIZE",
        500000,
        """The most bytes one non-file field of a form may have (for a
        URL-encoded body, the whole body); more is a 413.""",
    )
    max_form_parts = _request_limit(
        "MAX_FORM_PARTS",
        1000,
        """The most parts a multipart form may have; more is a 413.""",
    )

    def make_form_data_parser(self):
        """The :class:`FormDataParser` for this request, with its limits."""
        parser = RequestBase.make_form_data_parser(self)
        if "max_form_parts" not in vars(parser):
            # Werkzeug before 2.3 does not pass it on
            parser.max_form_parts = self.max_form_parts
        return parser

    @property
    def endpoint(self):
        """The endpoint of the matched rule, or ``None``."""
        rule = self.url_rule
        return None if rule is None else rule.endpoint

    @property
    def blueprint(self):
        """The (dotted) name of the blueprint whose view handles the
        request, or ``None``."""
        name, dot, _ = (self.endpoint or "").rpartition(".")
        return name if dot else None

    @property
    def blueprints(self):
        """The blueprint and those it is nested in, innermost first."""
        return list(blueprint_chain(self.blueprint))

    @cached_property
    def user_agent(self):
        """The parsed ``User-Agent`` header, a :class:`UserAgent`."""
        return UserAgent(self.headers.get("User-Agent", u""))

    @cached_property
    def args(self):
        """The query string as a multidict; undecodable bytes are U+FFFD."""
        query = self.environ.get("QUERY_STRING", "")
        if "%" in query or self.url_charset != "utf-8":
            pairs = url_decode_pairs(query, self.url_charset, self.encoding_errors)
        else:
            # Nothing to unquote: decode once, then split the text ("&" and
            # "=" are never part of a UTF-8 sequence, so this is the same).
            text = wsgi_to_text(query.replace("+", " "), "utf-8", self.encoding_errors)
            # (key, "=", value)[::2] is the pair; a piece without "=" has
            # an empty value
            pairs = [piece.partition(u"=")[::2] for piece in text.split(u"&") if piece]
        return multidict_of(self.parameter_storage_class, pairs)

    @cached_property
    def values(self):
        """:attr:`args` and :attr:`form` together, whatever the method
        (Werkzeug 2.0+ leaves the form out of GET requests)."""
        return CombinedMultiDict([self.args, self.form])

    @cached_property
    def cookies(self):
        """The request's cookies; undecodable bytes are U+FFFD."""
        header = self.environ.get("HTTP_COOKIE")
        if header:
            # a pair without a name is no cookie (CVE-2023-23934)
            header = cookie_header_without_nameless(header)
        return parse_cookie_header(header, self.dict_storage_class)

    @property
    def full_path(self):
        """The path and the (decoded) query string, joined by ``?``."""
        query = wsgi_to_text(self.environ.get("QUERY_STRING", ""))
        return u"%s?%s" % (self.path, query)

    @cached_property
    def content_length(self):
        """The body's length as announced by ``Content-Length`` (``None``
        without one, or for a chunked body): Werkzeug's answer, read
        straight from the environ when the header is plain digits."""
        environ = self.environ
        announced = environ.get("CONTENT_LENGTH")
        if (
            announced
            and "HTTP_TRANSFER_ENCODING" not in environ
            and _PLAIN_DIGITS(announced) is not None
        ):
            return int(announced)
        return RequestBase.content_length.__get__(self, type(self))

    @cached_property
    def stream(self):
        """The body stream; a body of unannounced length is held to
        ``MAX_CONTENT_LENGTH`` like one with a ``Content-Length``."""
        environ = self.environ
        announced = environ.get("CONTENT_LENGTH")
        if announced:
            if _CONTENT_LENGTH.match(announced) is None:
                raise BadRequest(u"The Content-Length header is not valid.")
            # A length no read can take (Werkzeug 2.0 raises OverflowError).
            if len(announced) > 18:
                _refuse_over(int(announced), sys.maxsize)
        server_ended = environ.get("wsgi.input_terminated")
        if server_ended:  # the server ends the body itself (gunicorn does)
            length, limit = self.content_length, self.max_content_length
            if length is None:
                if limit is not None:
                    return _BoundedInput(environ["wsgi.input"], limit)
            elif not self.shallow and (limit is None or length <= limit):
                # Every Werkzeug release gives the stream as it is, after
                # (2.3+) refusing a length past the limit, which the usual
                # way below still does.
                return environ["wsgi.input"]
        return RequestBase.stream.__get__(self, type(self))

    def _refuse_oversized_body(self):
        # Werkzeug 2.3+ refuses it when the stream opens, 1.0 - 2.2 only
        # while parsing a form: refuse it before either.
        _refuse_over(self.content_length, self.max_content_length)

    def get_data(self, cache=True, as_text=False, parse_form_data=False):
        """The raw body (text with ``as_text``); 413 past
        ``MAX_CONTENT_LENGTH``."""
        self._refuse_oversized_body()
        return RequestBase.get_data(
            self, cache=cache, as_text=as_text, parse_form_data=parse_form_data
        )

    def _get_file_stream(self, *args, **kwargs):
        stream = RequestBase._get_file_stream(self, *args, **kwargs)
        self.__dict__.setdefault("_part_streams", []).append(stream)
        return stream

    def _close_part_streams(self):
        # The parts a failed parse had already stored never reach
        # request.files, which close() empties.
        for stream in self.__dict__.pop("_part_streams", ()):
            stream.close()

    def _load_form_data(self):
        self._refuse_oversized_body()
        plain = _PLAIN_FORM_LOADING.get(type(self))
        if plain is None:
            plain = _loads_forms_plainly(type(self))
        if (
            plain
            and "form" not in self.__dict__
            # the header exactly as the mimetype reads, without parsing it
            and (
                self.environ.get("CONTENT_TYPE") == _URLENCODED
                or self.mimetype == _URLENCODED
            )
        ):
            # What FormDataParser.parse gives for this body, without
            # building a parser for it.
            stream = self._get_stream_for_parsing()
            body = _read_form_body(stream, self.content_length, self.max_form_memory_size)
            storage = self.parameter_storage_class
            loaded = self.__dict__
            loaded["stream"] = stream
            loaded["form"] = multidict_of(storage, url_decode_pairs(body))
            loaded["files"] = storage()
            self._explain_empty_files()
            return
        try:
            super(Request, self)._load_form_data()
        except ValueError as problem:
            self._close_part_streams()
            raise BadRequest(u"The form data could not be parsed: %s" % (problem,))
        except (LookupError, AssertionError) as problem:
            self._close_part_streams()
            _refuse_part_codec_failure(problem, sys.exc_info()[2])
            raise
        except Exception:
            self._close_part_streams()
            raise
        self.__dict__.pop("_part_streams", None)
        multipart = self.mimetype == "multipart/form-data"
        if multipart:
            self._keep_named_parts()
            self._refuse_undecodable_part_headers()
            if PART_CHARSETS_HONOURED:
                _refuse_fields_not_text(self.form)
            _file_headers_as_text(self.files)
        else:
            self._explain_empty_files()

    def _explain_empty_files(self):
        # In debug mode, a form that is not multipart explains why
        # request.files is empty.
        app = _current_app()
        if app is not None and app.debug and not self.files:
            from .debughelpers import attach_enctype_error_multidict

            attach_enctype_error_multidict(self)

    def _keep_named_parts(self):
        # A part without a name cannot be looked up, and would put None
        # among the keys; names are text on every interpreter.
        parsed = self.__dict__
        for attribute in ("form", "files"):
            found = parsed[attribute]
            if all(type(name) is text_type for name in found):
                continue
            named = []
            for name, value in found.items(multi=True):
                if name is not None:
                    named.append((_part_name_text(name), value))
                elif attribute == "files":
                    value.close()
            parsed[attribute] = type(found)(named)

    def _refuse_undecodable_part_headers(self):
        # Werkzeug 2.0+ drops the whole body when a part's field or file
        # name is not UTF-8, where 1.0 put U+FFFD in it: answer 400 on all.
        names = list(self.form)
        for field, upload in self.files.items(multi=True):
            names.extend((field, upload.filename or u""))
        if any(u"\ufffd" in name for name in names):
            raise BadRequest(_UNDECODABLE_PART)


# -- the response -------------------------------------------------------------


def header_text(value):
    """Header text for bytes (Python 2's native strings): their latin-1
    code points, the bytes on the wire under PEP 3333. Text is returned as
    it is."""
    if isinstance(value, (bytearray, bytes)):
        return bytes(value).decode("latin-1")
    return value


class ResponseHeaders(Headers):
    """Headers whose names and values may be bytes (Python 2's native
    strings), sent as those bytes on every release (Werkzeug 3 would send
    ``b'...'``). ``setdefault``, ``extend``, ``update`` and item assignment
    with a text key all go through :meth:`set` or :meth:`add`."""

    def add(self, _key, _value, **kw):
        if _key.__class__ is not str or _value.__class__ is not str:
            _key, _value = header_text(_key), header_text(_value)
        Headers.add(self, _key, _value, **kw)

    def set(self, _key, _value, **kw):
        if _key.__class__ is not str or _value.__class__ is not str:
            _key, _value = header_text(_key), header_text(_value)
        Headers.set(self, _key, _value, **kw)

    def __setitem__(self, key, value):
        # Werkzeug 3.1 takes a key that is neither str nor int for a slice.
        if key.__class__ is bytes:
            key = header_text(key)
        Headers.__setitem__(self, key, value)


# Header classes whose iteration is their ``_list`` of pairs, as it is.
_LISTED_HEADERS = (Headers, ResponseHeaders)


def multidict_of(storage, pairs):
    """``storage(pairs)`` for a list of ``(key, value)`` pairs. Werkzeug's
    own multidicts keep the values of each key in a list stored under the
    key, in the order the keys first appear; for those two classes that
    mapping is built here and put in place, without the constructor's
    checks of what it was given."""
    if storage is not ImmutableMultiDict and storage is not MultiDict:
        return storage(pairs)
    grouped = {}
    for key, value in pairs:
        values = grouped.get(key)
        if values is None:
            grouped[key] = [value]
        else:
            values.append(value)
    made = dict.__new__(storage)
    dict.update(made, grouped)
    return made


def add_plain_header(headers, name, value):
    """``headers.add(name, value)`` for a text name and value that the
    framework built without line breaks: appended straight to the pairs of
    a header class whose ``add`` would append them unchanged."""
    if type(headers) in _LISTED_HEADERS and type(name) is type(value) is text_type:
        headers._list.append((name, value))
    else:
        headers.add(name, value)


def _utf8_text(value):
    return value.decode("utf-8") if isinstance(value, bytes) else value


def _direct_headers(response, environ):
    """The WSGI header list of a response that needs none of Werkzeug's
    header fix-ups, or ``None``: one buffered bytes chunk, a status that has
    a body (not 1xx, 204 or 304), a Content-Length, no Location or
    Content-Location, no close callbacks, and not HEAD. Reads Werkzeug's
    own slots (``_status_code``, the headers' ``_list``, as every release
    since 1.0 keeps them) rather than calling their properties."""
    body = response.response
    if type(body) is not list or len(body) != 1 or type(body[0]) is not bytes:
        return None
    status = response._status_code
    if status < 200 or status == 204 or status == 304:
        return None
    if response.direct_passthrough or response._on_close:
        return None
    if environ.get("REQUEST_METHOD") == "HEAD":
        return None
    headers = response.headers
    pairs = headers._list if type(headers) in _LISTED_HEADERS else list(headers)
    return direct_header_list(headers, pairs)


class Response(JSONMixin, ResponseBase):
    """The response class of flaskcompat: Werkzeug's, HTML by default. Set
    :attr:`Flask.response_class` to use a subclass."""

    default_mimetype = "text/html"

    # Flask 1.1's attribute (Werkzeug 3.0 dropped it); bodies are UTF-8.
    charset = "utf-8"

    # Absolute Location headers, as Flask 1.1 sent them (Werkzeug 2.1 made
    # relative ones the default).
    autocorrect_location_header = True

    date = _naive_date_attribute(ResponseBase, "date", True)
    expires = _naive_date_attribute(ResponseBase, "expires", True)
    last_modified = _naive_date_attribute(ResponseBase, "last_modified", True)
    retry_after = _naive_date_attribute(ResponseBase, "retry_after", True)

    def __init__(self, response=None, status=None, headers=None, *args, **kwargs):
        if not isinstance(headers, Headers):
            headers = ResponseHeaders(headers)
        ResponseBase.__init__(self, response, status, headers, *args, **kwargs)

    @property
    def max_cookie_size(self):
        """The app's ``MAX_COOKIE_SIZE``; Werkzeug's default outside one."""
        return _config_value("MAX_COOKIE_SIZE", ResponseBase.max_cookie_size)

    def _get_data_for_json(self, cache):
        return self.get_data()

    def set_cookie(self, key, value="", *args, **kwargs):
        """Werkzeug's ``set_cookie``, reading a bytes key or value (Python
        2's native strings) as UTF-8 on every release."""
        key, value = _utf8_text(key), _utf8_text(value)
        return ResponseBase.set_cookie(self, key, value, *args, **kwargs)

    def get_wsgi_response(self, environ):
        """Werkzeug's ``(app_iter, status, headers)``, refusing header
        values that are not latin-1 here rather than later in the server."""
        headers = wsgi_header_list(self.get_wsgi_headers(environ))
        return self.get_app_iter(environ), self.status, headers

    def __call__(self, environ, start_response):
        # A simple buffered response skips Werkzeug's header processing,
        # which would change nothing in it.
        header_list = _direct_headers(self, environ)
        if header_list is not None:
            start_response(self._status, header_list)
            return self.response
        body, status, header_list = self.get_wsgi_response(environ)
        start_response(status, header_list)
        return body



# -- responses built by copying ------------------------------------------------

# The methods that decide what a new response holds: a subclass that defines
# one of them is always built by calling it.
_BUILDING_METHODS = ("__new__", "__init__", "set_data", "get_data")
_IMMUTABLE_STATE = (str, bytes, text_type, int, bool, type(None))


def _copy_source(cls, status, mimetype):
    """What ``cls(b"", status, mimetype=mimetype)`` holds, split into the
    state a copy shares, the names of its (empty) lists, its headers class
    and header pairs without the Content-Length; ``None`` when a copy could
    not stand for a new instance."""
    made = cls(b"", status, mimetype=mimetype)
    headers = made.headers
    pairs = list(headers)
    if (
        vars(headers) != {"_list": pairs}
        or not pairs
        or pairs[-1] != ("Content-Length", "0")
        or made.response != [b""]
    ):
        return None
    shared, fresh_lists = {}, []
    for name, value in vars(made).items():
        if name in ("headers", "response"):
            continue
        if type(value) is list and not value:
            fresh_lists.append(name)
        elif isinstance(value, _IMMUTABLE_STATE):
            shared[name] = value
        else:
            return None
    return shared, tuple(fresh_lists), type(headers), pairs[:-1]


def _copy_sources(cls):
    """The class's own cache of copy sources by (status, mimetype), or
    ``None`` when its instances must be built by calling it."""
    sources = cls.__dict__.get("_copy_sources_")
    if sources is not None:
        return sources or None
    copyable = (
        issubclass(cls, Response)
        and getattr(cls, "charset", "utf-8") == "utf-8"
        and cls.automatically_set_content_length
        and not any(
            name in vars(owner)
            for owner in cls.__mro__[: cls.__mro__.index(Response)]
            for name in _BUILDING_METHODS
        )
    )
    sources = {} if copyable else {None: None}
    setattr(cls, "_copy_sources_", sources)
    return sources if copyable else None


def make_body_response(cls, body, status=None, mimetype=None):
    """``cls(body, status, mimetype=mimetype)``. A text or bytes body with
    an ``int`` status (or none) gets a copy of a response Werkzeug built for
    the same class, status and type, with the body and its length put in:
    the same object, without running the constructor's header code on every
    request."""
    kind = type(body)
    if kind is text_type:
        data = body.encode("utf-8")
    elif kind is bytes:
        data = body
    else:
        return cls(body, status, mimetype=mimetype)
    sources = cls.__dict__.get("_copy_sources_") or _copy_sources(cls)
    if sources is None or (status is not None and type(status) is not int):
        return cls(body, status, mimetype=mimetype)
    key = (status, mimetype)
    try:
        source = sources[key]
    except KeyError:
        if len(sources) >= 64:
            return cls(body, status, mimetype=mimetype)
        source = sources[key] = _copy_source(cls, status, mimetype)
    if source is None:
        return cls(body, status, mimetype=mimetype)
    shared, fresh_lists, headers_class, pairs = source
    response = object.__new__(cls)
    state = vars(response)
    state.update(shared)
    for name in fresh_lists:
        state[name] = []
    headers = object.__new__(headers_class)
    vars(headers)["_list"] = pairs + [("Content-Length", str(len(data)))]
    state["headers"] = headers
    state["response"] = [data]
    return response
