# -*- coding: utf-8 -*-
"""
    flaskcompat.json
    ~~~~~~~~~~~~~~~~

    JSON support built on the standard library's :mod:`json` module, with
    the same output on every interpreter: functions return text (``unicode``
    on Python 2 as well), bytes are written as their UTF-8 text, and a byte
    string that is not UTF-8 is a :exc:`TypeError` everywhere.
"""
import calendar
import codecs
import json as _json
import uuid
from datetime import date
from datetime import datetime
from datetime import timedelta
from email.utils import formatdate
from email.utils import parsedate_tz

from .._compat import JSONEncoderBase
from .._compat import Markup
from .._compat import binary_type
from .._compat import dataclass_as_dict
from .._compat import exc_info
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


def _utc_naive(value):
    """Return the datetime ``value`` in UTC without tzinfo (naive values
    are taken to be UTC already)."""
    offset = value.utcoffset()
    if offset is not None:
        value = (value - offset).replace(tzinfo=None)
    return value


def http_date(value):
    """Format a :class:`~datetime.datetime` or :class:`~datetime.date` as
    an HTTP date (RFC 822, ``Wed, 21 Oct 2015 07:28:00 GMT``). A naive
    datetime is taken to be UTC, an aware one is converted to UTC; a date
    means midnight UTC.

    Formatted here rather than by Werkzeug, whose ``http_date`` changed how
    it reads time tuples between 1.0 and 2.0, so the same value gives the
    same text on every interpreter.
    """
    if isinstance(value, datetime):
        value = _utc_naive(value)
    return formatdate(calendar.timegm(value.timetuple()), usegmt=True)


def parse_http_date(value):
    """Parse an HTTP date into a naive :class:`~datetime.datetime` in UTC.
    Raises :exc:`ValueError` if ``value`` is not a date."""
    parsed = parsedate_tz(value)
    if parsed is None:
        raise ValueError("%r is not an HTTP date" % (value,))
    return datetime(*parsed[:6]) - timedelta(seconds=parsed[9] or 0)


class JSONEncoder(JSONEncoderBase):
    """The default JSON encoder. This one extends the default encoder by
    also supporting ``datetime``, ``date``, ``UUID``, ``dataclasses``,
    bytes and ``Markup`` objects.

    ``datetime`` objects are serialized as RFC 822 datetime strings (the
    HTTP date format), ``date`` objects as midnight UTC of that day. Bytes
    are written as their UTF-8 text, as Python 2 writes a ``str``; bytes
    that are not UTF-8 raise a :exc:`TypeError` on every interpreter.

    In order to support more data types, override the :meth:`default`
    method.
    """

    def default(self, o):
        """Implement this method in a subclass such that it returns a
        serializable object for ``o``, or calls the base implementation (to
        raise a :exc:`TypeError`).

        For example, to support arbitrary iterators, you could implement
        default like this::

            def default(self, o):
                try:
                    iterable = iter(o)
                except TypeError:
                    pass
                else:
                    return list(iterable)
                return JSONEncoder.default(self, o)
        """
        if isinstance(o, date):
            return http_date(o)
        if isinstance(o, uuid.UUID):
            return text_type(o)
        if isinstance(o, (binary_type, bytearray)):
            try:
                return binary_type(o).decode("utf-8")
            except UnicodeDecodeError:
                raise undecodable_bytes_error(o)
        fields = dataclass_as_dict(o)
        if fields is not None:
            return fields
        if hasattr(o, "__html__"):
            return text_type(o.__html__())
        return JSONEncoderBase.default(self, o)


class JSONDecoder(_json.JSONDecoder):
    """The default JSON decoder. It does not change the behavior of the
    standard library's decoder; consult the :mod:`json` documentation for
    more information. This decoder is not only used for the load functions
    of this module but also :attr:`~flaskcompat.Request`.
    """


def _current_app_or_none():
    top = _app_ctx_stack.top
    return top.app if top is not None else None


def _current_blueprint(app):
    """The blueprint handling the current request of ``app``, if any."""
    reqctx = _request_ctx_stack.top
    if reqctx is None or not getattr(app, "blueprints", None):
        return None
    return app.blueprints.get(getattr(reqctx.request, "blueprint", None))


def _dump_arg_defaults(kwargs, app=None):
    """Inject default arguments for dump functions."""
    if app is None:
        app = _current_app_or_none()

    if app is not None:
        bp = _current_blueprint(app)
        encoder = getattr(bp, "json_encoder", None) or app.json_encoder
        kwargs.setdefault("cls", encoder)
        if not app.config["JSON_AS_ASCII"]:
            kwargs.setdefault("ensure_ascii", False)
        kwargs.setdefault("sort_keys", app.config["JSON_SORT_KEYS"])
    else:
        kwargs.setdefault("sort_keys", True)
        kwargs.setdefault("cls", JSONEncoder)

    # Python 2 puts a space after the item separator when indenting,
    # Python 3 does not: use the Python 3 default everywhere.
    if kwargs.get("indent") is not None:
        kwargs.setdefault("separators", (",", ": "))


def _load_arg_defaults(kwargs, app=None):
    """Inject default arguments for load functions."""
    if app is None:
        app = _current_app_or_none()

    if app is not None:
        bp = _current_blueprint(app)
        decoder = getattr(bp, "json_decoder", None) or app.json_decoder
        kwargs.setdefault("cls", decoder)
    else:
        kwargs.setdefault("cls", JSONDecoder)


def detect_encoding(data):
    """Detect which UTF codec was used to encode the given bytes.

    The latest JSON standard (:rfc:`8259`) suggests that only UTF-8 is
    accepted. Older documents allowed 8, 16, or 32. 16 and 32 can be big
    or little endian. Some editors or libraries may prepend a BOM.

    :param data: Bytes in unknown UTF encoding.
    :return: UTF encoding name
    """
    head = binary_type(data[:4])

    if head[:3] == codecs.BOM_UTF8:
        return "utf-8-sig"

    if b"\x00" not in head:
        return "utf-8"

    if head in (codecs.BOM_UTF32_BE, codecs.BOM_UTF32_LE):
        return "utf-32"

    if head[:2] in (codecs.BOM_UTF16_BE, codecs.BOM_UTF16_LE):
        return "utf-16"

    if len(head) == 4:
        if head[:3] == b"\x00\x00\x00":
            return "utf-32-be"

        if head[::2] == b"\x00\x00":
            return "utf-16-be"

        if head[1:] == b"\x00\x00\x00":
            return "utf-32-le"

        if head[1::2] == b"\x00\x00":
            return "utf-16-le"

    if len(head) == 2:
        return "utf-16-be" if head.startswith(b"\x00") else "utf-16-le"

    return "utf-8"


def dumps(obj, app=None, **kwargs):
    """Serialize ``obj`` to a JSON-formatted string. If there is an
    app context pushed, use the current app's configured encoder
    (:attr:`~flaskcompat.Flask.json_encoder`), or fall back to the default
    :class:`JSONEncoder`.

    Takes the same arguments as the built-in :func:`json.dumps`, and
    does some extra configuration based on the application.

    :param obj: Object to serialize to JSON.
    :param app: App instance to use to configure the JSON encoder.
        Uses ``current_app`` if not given, and falls back to the default
        encoder when not in an app context.
    :param kwargs: Extra arguments passed to :func:`json.dumps`. An
        ``encoding`` argument makes the result bytes in that encoding.

    The result is text on every interpreter (``unicode`` on Python 2).

    .. versionchanged:: 1.0.3
        ``app`` can be passed directly, rather than requiring an app
        context for configuration.
    """
    _dump_arg_defaults(kwargs, app=app)
    encoding = kwargs.pop("encoding", None)
    rv = _json.dumps(obj, **kwargs)
    if isinstance(rv, binary_type):
        # An encoder class that does not derive from JSONEncoder, on
        # Python 2: its ASCII or UTF-8 output.
        rv = rv.decode("utf-8")
    if encoding is not None:
        rv = rv.encode(encoding)
    return rv


def _write_text(fp, text, encoding):
    """Write ``text`` to ``fp``, encoded with ``encoding`` if ``fp`` only
    takes bytes."""
    try:
        fp.write(text)
    except TypeError:
        fp.write(text.encode(encoding))
    except UnicodeEncodeError:
        # A Python 2 file object encodes text as ASCII; give it UTF-8 bytes.
        # A text stream that cannot encode the text rejects bytes too, and
        # then its own error is the one to see.
        error = exc_info()
        try:
            fp.write(text.encode(encoding))
        except TypeError:
            reraise(*error)


def dump(obj, fp, app=None, **kwargs):
    """Like :func:`dumps` but writes into a file object. Text streams get
    text; binary streams get the bytes in ``encoding`` (UTF-8 unless an
    ``encoding`` argument says otherwise)."""
    encoding = kwargs.pop("encoding", None) or "utf-8"
    _write_text(fp, dumps(obj, app=app, **kwargs), encoding)


def loads(s, app=None, **kwargs):
    """Deserialize an object from a JSON-formatted string ``s``. If
    there is an app context pushed, use the current app's configured
    decoder (:attr:`~flaskcompat.Flask.json_decoder`), or fall back to the
    default :class:`JSONDecoder`.

    Takes the same arguments as the built-in :func:`json.loads`, and
    does some extra configuration based on the application.

    :param s: JSON string to deserialize. Bytes are decoded first, as UTF-8,
        -16 or -32 (see :func:`detect_encoding`) unless an ``encoding``
        argument names the codec; on every interpreter.
    :param app: App instance to use to configure the JSON decoder.
        Uses ``current_app`` if not given, and falls back to the default
        encoder when not in an app context.
    :param kwargs: Extra arguments passed to :func:`json.loads`.

    .. versionchanged:: 1.0.3
        ``app`` can be passed directly, rather than requiring an app
        context for configuration.
    """
    _load_arg_defaults(kwargs, app=app)
    encoding = kwargs.pop("encoding", None)
    if isinstance(s, (binary_type, bytearray)):
        s = binary_type(s)
        s = s.decode(encoding or detect_encoding(s))
    return _json.loads(s, **kwargs)


def load(fp, app=None, **kwargs):
    """Like :func:`loads` but reads from a file object (text or binary)."""
    return loads(fp.read(), app=app, **kwargs)


def htmlsafe_dumps(obj, **kwargs):
    """Works exactly like :func:`dumps` but is safe for use in ``<script>``
    tags. It accepts the same arguments and returns a JSON string. Note that
    this is available in templates through the ``|tojson`` filter which will
    also mark the result as safe. Due to how this function escapes certain
    characters this is safe even if used outside of ``<script>`` tags.

    The following characters are escaped in strings:

    -   ``<``
    -   ``>``
    -   ``&``
    -   ``'``

    This makes it safe to embed such strings in any place in HTML with the
    notable exception of double quoted attributes. In that case single
    quote your attributes or HTML escape it in addition.

    .. versionchanged:: 0.10
       This function's return value is now always safe for HTML usage, even
       if outside of script tags or if used in XHTML. This rule does not
       hold true when using this function in HTML attributes that are double
       quoted. Always single quote attributes if you use the ``|tojson``
       filter. Alternatively use ``|tojson|forceescape``.
    """
    return (
        dumps(obj, **kwargs)
        .replace(u"<", u"\\u003c")
        .replace(u">", u"\\u003e")
        .replace(u"&", u"\\u0026")
        .replace(u"'", u"\\u0027")
    )


def htmlsafe_dump(obj, fp, **kwargs):
    """Like :func:`htmlsafe_dumps` but writes into a file object."""
    _write_text(fp, htmlsafe_dumps(obj, **kwargs), "utf-8")


def jsonify(*args, **kwargs):
    """This function wraps :func:`dumps` to add a few enhancements that make
    life easier. It turns the JSON output into a
    :class:`~flaskcompat.Response` object with the :mimetype:`application/json`
    mimetype. For convenience, it also converts multiple arguments into an
    array or multiple keyword arguments into a dict. This means that both
    ``jsonify(1,2,3)`` and ``jsonify([1,2,3])`` serialize to ``[1,2,3]``.

    For clarity, the JSON serialization behavior has the following
    differences from :func:`dumps`:

    1. Single argument: Passed straight through to :func:`dumps`.
    2. Multiple arguments: Converted to an array before being passed to
       :func:`dumps`.
    3. Multiple keyword arguments: Converted to a dict before being passed to
       :func:`dumps`.
    4. Both args and kwargs: Behavior undefined and will throw an exception.

    Example usage::

        from flaskcompat import jsonify

        @app.route('/_get_current_user')
        def get_current_user():
            return jsonify(username=g.user.username,
                           email=g.user.email,
                           id=g.user.id)

    This will send a JSON response like this to the browser::

        {
            "username": "admin",
            "email": "admin@localhost",
            "id": 42
        }

    This function's response will be pretty printed if the
    ``JSONIFY_PRETTYPRINT_REGULAR`` config parameter is set to True or the
    application is running in debug mode. Compressed (not pretty) formatting
    means no indents and no spaces after separators. The body always ends
    with a newline; the mimetype is ``JSONIFY_MIMETYPE``.

    .. versionchanged:: 0.11
       Added support for serializing top-level arrays. This introduces a
       security risk in ancient browsers.

    .. versionadded:: 0.2
    """
    app = current_app._get_current_object()
    indent = None
    separators = (",", ":")

    if app.config["JSONIFY_PRETTYPRINT_REGULAR"] or app.debug:
        indent = 2
        separators = (", ", ": ")

    if args and kwargs:
        raise TypeError("jsonify() behavior undefined when passed both args and kwargs")
    elif len(args) == 1:  # single args are passed directly to dumps()
        data = args[0]
    else:
        data = args or kwargs

    return app.response_class(
        dumps(data, app=app, indent=indent, separators=separators) + u"\n",
        mimetype=app.config["JSONIFY_MIMETYPE"],
    )


def tojson_filter(obj, **kwargs):
    """The ``|tojson`` template filter: :func:`htmlsafe_dumps` marked safe."""
    return Markup(htmlsafe_dumps(obj, **kwargs))
