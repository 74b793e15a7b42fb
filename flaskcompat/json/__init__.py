# -*- coding: utf-8 -*-
"""JSON for applications: the standard library's :mod:`json`, configured by
the current application (encoder and decoder classes, ``JSON_AS_ASCII``,
``JSON_SORT_KEYS``) and taught a few more types (dates, UUIDs, dataclasses,
markup, UTF-8 bytes).

Every interpreter gives the same text: the functions return ``unicode`` on
Python 2 as well, floats print as Python 3 prints them, bytes are written as
their UTF-8 text, and bytes that are not UTF-8 raise :exc:`TypeError`.
"""
import codecs
import json as _json
from calendar import timegm
from decimal import Decimal
from datetime import date
from datetime import datetime
from datetime import timedelta
from email.utils import formatdate
from email.utils import parsedate_tz
from uuid import UUID

from .._compat import JSONEncoderBase
from .._compat import Markup
from .._compat import binary_type
from .._compat import dataclass_as_dict
from .._compat import exc_info
from .._compat import json_writer
from .._compat import reraise
from .._compat import text_type
from .._compat import undecodable_bytes_error
from ..globals import _app_ctx_stack
from ..globals import _request_ctx_stack
from ..globals import current_app

__all__ = [
    "dump",
    "dumps",
    "load",
    "loads",
    "htmlsafe_dump",
    "htmlsafe_dumps",
    "JSONDecoder",
    "JSONEncoder",
    "jsonify",
]

_UTF8 = "utf-8"

#: What ``htmlsafe_dumps`` escapes, so JSON can sit inside ``<script>``
#: or a single-quoted attribute.
_HTML_UNSAFE = (
    (u"<", u"\\u003c"),
    (u">", u"\\u003e"),
    (u"&", u"\\u0026"),
    (u"'", u"\\u0027"),
)


def http_date(value):
    """An HTTP date (``Sun, 06 Nov 1994 08:49:37 GMT``) for a datetime or a
    date. Naive datetimes are UTC, aware ones are converted, a date is its
    midnight.

    Formatted here, not by Werkzeug, whose reading of time tuples changed in
    2.0: the same value gives the same text everywhere.
    """
    # A date has no utcoffset; a naive datetime's is None.
    offset = getattr(value, "utcoffset", lambda: None)()
    if offset is not None:
        value = value.replace(tzinfo=None) - offset
    seconds = timegm(value.timetuple())
    return formatdate(seconds, usegmt=True)


def parse_http_date(value):
    """The naive UTC datetime an HTTP date names; :exc:`ValueError` if
    ``value`` is not one."""
    fields = parsedate_tz(value)
    if fields is None:
        raise ValueError("%r is not an HTTP date" % (value,))
    local = datetime(*fields[:6])
    return local - timedelta(seconds=fields[9] or 0)


class JSONEncoder(JSONEncoderBase):
    """The application's default encoder. Besides JSON's own types it
    writes dates and datetimes as HTTP dates, UUIDs and decimals as text, dataclass
    instances as objects, anything with ``__html__`` as its HTML, and
    UTF-8 bytes as text.

    Subclass it and override :meth:`default` for more types, falling back
    to ``JSONEncoder.default(self, o)``.
    """

    def default(self, o):
        """A JSON-ready stand-in for ``o``, or :exc:`TypeError`."""
        if isinstance(o, date):
            return http_date(o)
        if isinstance(o, (UUID, Decimal)):
            # Decimal as its exact text (Flask 2.0.2); a float would round
            return text_type(o)
        if isinstance(o, (binary_type, bytearray)):
            return _bytes_as_text(o)
        fields = dataclass_as_dict(o)
        if fields is not None:
            return fields
        html = getattr(o, "__html__", None)
        if html is not None:
            return text_type(html())
        return JSONEncoderBase.default(self, o)


def _bytes_as_text(value):
    raw = binary_type(value)
    try:
        return raw.decode(_UTF8)
    except ValueError:
        raise undecodable_bytes_error(raw)


class JSONDecoder(_json.JSONDecoder):
    """The application's default decoder: the standard library's, unchanged.
    Requests use it too (``request.get_json``)."""


def _active_app(app):
    """``app``, else the application of the pushed context, else ``None``."""
    if app is not None:
        return app
    top = _app_ctx_stack.peek()
    return None if top is None else top.app


def _blueprint_setting(app, name):
    """The blueprint's own ``json_encoder``/``json_decoder`` when a request
    of ``app`` is being handled by a blueprint that sets one."""
    blueprints = getattr(app, "blueprints", None)
    if not blueprints:
        return None
    request_ctx = _request_ctx_stack.peek()
    if request_ctx is None:
        return None
    owner = blueprints.get(getattr(request_ctx.request, "blueprint", None))
    return getattr(owner, name, None)


def _encoding_options(kwargs, app):
    """Fill in what ``kwargs`` leaves open from the app's JSON settings."""
    app = _active_app(app)
    if app is None:
        kwargs.setdefault("cls", JSONEncoder)
        kwargs.setdefault("sort_keys", True)
    else:
        config = app.config
        if "cls" not in kwargs:
            kwargs["cls"] = _blueprint_setting(app, "json_encoder") or app.json_encoder
        kwargs.setdefault("sort_keys", config["JSON_SORT_KEYS"])
        if not config["JSON_AS_ASCII"]:
            kwargs.setdefault("ensure_ascii", False)
    # Indented output: Python 2 would leave a space after each comma.
    if kwargs.get("indent") is not None:
        kwargs.setdefault("separators", (",", ": "))


def _decoding_options(kwargs, app):
    if "cls" in kwargs:
        return
    app = _active_app(app)
    if app is None:
        kwargs["cls"] = JSONDecoder
    else:
        kwargs["cls"] = _blueprint_setting(app, "json_decoder") or app.json_decoder


# Which codec a JSON document uses, from where its first bytes are NUL (its
# first character is ASCII): RFC 4627's table. Checked in this order.
_NUL_PATTERNS = (
    ((0, 1, 2), "utf-32-be"),
    ((0, 2), "utf-16-be"),
    ((1, 2, 3), "utf-32-le"),
    ((1, 3), "utf-16-le"),
)
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF16_BE, "utf-16"),
    (codecs.BOM_UTF16_LE, "utf-16"),
)


def detect_encoding(data):
    """The UTF codec of the JSON document ``data`` (bytes): UTF-8 with or
    without a byte order mark, or UTF-16/-32 in either byte order."""
    head = bytearray(data[:4])
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if 0 not in head:
        return _UTF8
    for mark, codec in _BYTE_ORDER_MARKS:
        if head.startswith(mark):
            return codec
    if len(head) == 4:
        for positions, codec in _NUL_PATTERNS:
            if all(head[i] == 0 for i in positions):
                return codec
    elif len(head) == 2:
        return "utf-16-be" if head[0] == 0 else "utf-16-le"
    return _UTF8


def dumps(obj, app=None, **kwargs):
    """``obj`` as JSON text, with :func:`json.dumps`'s arguments.

    Written by ``app.json`` of ``app`` or the current application (its
    encoder class and settings), or with :class:`JSONEncoder` outside one.
    The result is text on every interpreter; an ``encoding`` argument makes
    it bytes in that codec.
    """
    app = _active_app(app)
    codec = kwargs.pop("encoding", None)
    provider = getattr(app, "json", None)
    if provider is not None:
        text = provider.dumps(obj, **kwargs)
    else:
        _encoding_options(kwargs, None)
        text = _dumps_text(obj, kwargs)
    return text if codec is None else text.encode(codec)


# The encode functions of JSONEncoder instances, kept by their json.dumps
# settings (sort_keys, ensure_ascii, separators, indent, default), for
# jsonify and dumps alike.
_KEPT_ENCODERS = {}
_ENCODER_SETTINGS = frozenset(
    ["cls", "sort_keys", "ensure_ascii", "separators", "indent", "default"]
)


def _keep_encoder(key, kwargs):
    if len(_KEPT_ENCODERS) >= 32:
        _KEPT_ENCODERS.clear()
    settings = dict(kwargs)
    del settings["cls"]
    encoder = JSONEncoder(**settings)
    found = _KEPT_ENCODERS[key] = json_writer(encoder) or encoder.encode
    return found


def _dumps_text(obj, kwargs):
    """``json.dumps(obj, **kwargs)`` as text. For :class:`JSONEncoder`
    itself, the encoder json.dumps would build is built once per settings
    and kept (it holds nothing between calls), and so is its ``encode``
    (see :func:`~flaskcompat._compat.json_writer`)."""
    key = write = None
    if kwargs.get("cls") is JSONEncoder and _ENCODER_SETTINGS.issuperset(kwargs):
        get = kwargs.get
        key = (
            get("sort_keys", False),
            get("ensure_ascii", True),
            get("separators"),
            get("indent"),
            get("default"),
        )
        try:
            write = _KEPT_ENCODERS.get(key)
        except TypeError:  # unhashable settings (separators as a list)
            key = None
    if key is not None:
        if write is None:
            write = _keep_encoder(key, kwargs)
        text = write(obj)
    else:
        text = _json.dumps(obj, **kwargs)
    if isinstance(text, binary_type):
        # Python 2 with an encoder that does not derive from ours.
        text = text.decode(_UTF8)
    return text


def _decoded_document(document, codec):
    """``document`` as text: bytes decoded with ``codec``, or with the codec
    :func:`detect_encoding` finds."""
    if isinstance(document, (binary_type, bytearray)):
        raw = binary_type(document)
        return raw.decode(codec or detect_encoding(raw))
    return document


def _write(fp, text, encoding):
    """Write ``text`` to a text stream, or its bytes to a binary one."""
    try:
        fp.write(text)
    except TypeError:
        fp.write(text.encode(encoding))
    except UnicodeError:
        # A Python 2 file encodes as ASCII: give it bytes. A text stream
        # whose codec lacks a character refuses bytes as well; its own error
        # says more than ours would.
        first_error = exc_info()
        try:
            fp.write(text.encode(encoding))
        except TypeError:
            reraise(*first_error)


def dump(obj, fp, app=None, **kwargs):
    """:func:`dumps` into the file ``fp`` (text, or UTF-8 bytes unless an
    ``encoding`` argument names another codec)."""
    encoding = kwargs.pop("encoding", None) or _UTF8
    _write(fp, dumps(obj, app=app, **kwargs), encoding)


def loads(s, app=None, **kwargs):
    """The value of the JSON document ``s``, with :func:`json.loads`'s
    arguments, read by ``app.json`` of ``app`` or the current application.

    Bytes are decoded first, with the codec named by ``encoding`` or the one
    :func:`detect_encoding` finds.
    """
    app = _active_app(app)
    codec = kwargs.pop("encoding", None)
    provider = getattr(app, "json", None)
    if provider is not None:
        return provider.loads(_decoded_document(s, codec) if codec else s, **kwargs)
    _decoding_options(kwargs, None)
    return _json.loads(_decoded_document(s, codec), **kwargs)


def load(fp, app=None, **kwargs):
    """:func:`loads` of what the file ``fp`` holds (text or bytes)."""
    return loads(fp.read(), app=app, **kwargs)


def htmlsafe_dumps(obj, **kwargs):
    """:func:`dumps` with ``<``, ``>``, ``&`` and ``'`` written as escapes,
    so the result can go inside ``<script>`` or a single-quoted HTML
    attribute (not a double-quoted one) as it is. Templates have it as the
    ``|tojson`` filter."""
    text = dumps(obj, **kwargs)
    for char, escape in _HTML_UNSAFE:
        text = text.replace(char, escape)
    return text


def htmlsafe_dump(obj, fp, **kwargs):
    """:func:`htmlsafe_dumps` into the file ``fp``."""
    _write(fp, htmlsafe_dumps(obj, **kwargs), _UTF8)


def jsonify(*args, **kwargs):
    """A response holding ``args`` or ``kwargs`` as JSON, made by the
    current application's ``app.json.response``.

    One positional argument is the value itself; several become an array;
    keyword arguments become an object; both at once is a :exc:`TypeError`.
    The body ends with a newline and has the ``JSONIFY_MIMETYPE`` type. It
    is compact, or indented when ``JSONIFY_PRETTYPRINT_REGULAR`` is set or
    the application is in debug mode. Needs an application context.
    """
    top = _app_ctx_stack.peek()  # the context's app directly, not a proxy's
    app = top.app if top is not None else current_app
    return app.json.response(*args, **kwargs)


def tojson_filter(obj, **kwargs):
    """The templates' ``|tojson``: :func:`htmlsafe_dumps`, marked safe."""
    safe = htmlsafe_dumps(obj, **kwargs)
    return Markup(safe)
