# -*- coding: utf-8 -*-
"""
    flaskcompat._compat
    ~~~~~~~~~~~~~~~~~~~

    The compatibility layer. This is the only module of the framework that
    looks at the interpreter or at the version of a dependency; everything else
    imports the names defined here.

    It is written in the idioms pyupgrade already rewrites (``six.text_type``,
    ``six.iteritems``, ``six.reraise``, ``if six.PY2: ... else: ...``) so that
    dropping Python 2 is a mechanical ``flaskcompat-migrate --target 3`` run.

    Dependency differences are bridged by feature detection (try the new name,
    fall back to the old one); each shim names the versions involved. The
    stacks pip resolves are Werkzeug 1.0.1 / Jinja2 2.11.3 / MarkupSafe 1.1.1 /
    itsdangerous 1.1.0 / click 7.1.2 on 2.7 up to Werkzeug 3.1 / Jinja2 3.1 /
    MarkupSafe 3.0 / itsdangerous 2.2 / click 8.x on 3.9+.
"""
import sys
import threading
from functools import partial

import six

# ---------------------------------------------------------------------------
# Interpreter
# ---------------------------------------------------------------------------

PY2 = six.PY2

text_type = six.text_type
binary_type = six.binary_type
string_types = six.string_types
integer_types = six.integer_types
iterkeys = six.iterkeys
itervalues = six.itervalues
iteritems = six.iteritems
reraise = six.reraise
with_metaclass = six.with_metaclass
implements_to_string = six.python_2_unicode_compatible
StringIO = six.StringIO
BytesIO = six.BytesIO

#: The encoding used wherever the framework turns text into bytes or back
#: and the protocol does not name another one. Never
#: ``sys.getdefaultencoding()``, which is ASCII on Python 2.
DEFAULT_ENCODING = "utf-8"

#: PEP 3333: on Python 3 the WSGI environ and the response headers carry
#: "native strings" whose code points are the latin-1 decoding of the bytes.
WSGI_ENCODING = "latin-1"


def to_bytes(value, encoding=DEFAULT_ENCODING, errors="strict"):
    """Return ``value`` as bytes: text is encoded with ``encoding``, bytes and
    ``bytearray``/``memoryview`` are returned as bytes, ``None`` stays ``None``.
    Anything else is a :exc:`TypeError`, never an implicit ``str()``.
    """
    if value is None or isinstance(value, binary_type):
        return value
    if isinstance(value, text_type):
        return value.encode(encoding, errors)
    if isinstance(value, (bytearray, memoryview)):
        return binary_type(value)
    raise TypeError("expected text or bytes, got %s" % type(value).__name__)


def to_text(value, encoding=DEFAULT_ENCODING, errors="strict"):
    """Return ``value`` as text: bytes are decoded with ``encoding``, text is
    returned as is, ``None`` stays ``None``. Anything else is a :exc:`TypeError`.
    """
    if value is None or isinstance(value, text_type):
        return value
    if isinstance(value, (binary_type, bytearray, memoryview)):
        return binary_type(value).decode(encoding, errors)
    raise TypeError("expected text or bytes, got %s" % type(value).__name__)


if six.PY2:

    def to_native(value, encoding=DEFAULT_ENCODING, errors="strict"):
        """Return ``value`` as the native ``str`` type: bytes on Python 2
        (text is encoded with ``encoding``), text on Python 3 (bytes are
        decoded with ``encoding``).
        """
        return to_bytes(value, encoding, errors)

    def wsgi_to_text(value, encoding=DEFAULT_ENCODING, errors="replace"):
        """Decode a WSGI environ value (``PATH_INFO``, ``QUERY_STRING``, a
        header...) to text. On Python 2 it holds the raw bytes."""
        if isinstance(value, text_type):
            return value
        return value.decode(encoding, errors)

    def text_to_wsgi(value, encoding=DEFAULT_ENCODING, errors="strict"):
        """Encode text for the WSGI environ or a response header: raw bytes
        on Python 2."""
        if isinstance(value, binary_type):
            return value
        return value.encode(encoding, errors)


else:

    def to_native(value, encoding=DEFAULT_ENCODING, errors="strict"):
        """Return ``value`` as the native ``str`` type: bytes on Python 2
        (text is encoded with ``encoding``), text on Python 3 (bytes are
        decoded with ``encoding``).
        """
        return to_text(value, encoding, errors)

    def wsgi_to_text(value, encoding=DEFAULT_ENCODING, errors="replace"):
        """Decode a WSGI environ value (``PATH_INFO``, ``QUERY_STRING``, a
        header...) to text. On Python 3 it is a latin-1 native string holding
        the raw bytes (PEP 3333)."""
        if isinstance(value, binary_type):
            return value.decode(encoding, errors)
        return value.encode(WSGI_ENCODING).decode(encoding, errors)

    def text_to_wsgi(value, encoding=DEFAULT_ENCODING, errors="strict"):
        """Encode text for the WSGI environ or a response header: a latin-1
        native string carrying the ``encoding`` bytes on Python 3."""
        if isinstance(value, binary_type):
            return value.decode(WSGI_ENCODING)
        return value.encode(encoding, errors).decode(WSGI_ENCODING)


if six.PY2:
    from urllib import quote as _quote

    def url_quote(value, safe="/"):
        """Percent-encode text as UTF-8, keeping the characters in ``safe``."""
        return text_type(_quote(to_bytes(value), safe=to_bytes(safe)))


else:
    from urllib.parse import quote as _quote

    def url_quote(value, safe="/"):
        """Percent-encode text as UTF-8, keeping the characters in ``safe``."""
        return _quote(to_text(value), safe=safe)


if six.PY2:
    from urllib import unquote as _unquote_to_bytes  # bytes in, bytes out

    _PERCENT = b"%"
else:
    from urllib.parse import unquote_to_bytes as _unquote_to_bytes

    # "%" as the byte value: Python 3 first tries a bytes operand of "in"
    # as an integer, and pays for the TypeError before searching.
    _PERCENT = ord("%")


def url_decode_pairs(data, encoding=DEFAULT_ENCODING, errors="replace"):
    """Decode a query string or an ``application/x-www-form-urlencoded``
    body (bytes, or a WSGI native string) into a list of ``(key, value)``
    text pairs. Percent-escapes and raw bytes that are not valid
    ``encoding`` become U+FFFD on every interpreter and Werkzeug release
    (Werkzeug 1.0 replaced them, 2.3+ re-quotes them as ``%FF``).
    """
    if isinstance(data, text_type):
        data = data.encode(WSGI_ENCODING)
    pairs = []
    for piece in data.replace(b"+", b" ").split(b"&"):
        if not piece:
            continue
        key, _, value = piece.partition(b"=")
        # only a part with an escape needs unquoting
        if _PERCENT in key:
            key = _unquote_to_bytes(key)
        if _PERCENT in value:
            value = _unquote_to_bytes(value)
        pairs.append((key.decode(encoding, errors), value.decode(encoding, errors)))
    return pairs


from werkzeug.routing import FloatConverter as _WerkzeugFloatConverter  # noqa: E402

if six.PY2:

    def float_text(value):
        """The text of a float as Python 3 writes it: the shortest repr that
        round-trips (Python 2's ``str()`` keeps only 12 digits)."""
        return text_type(repr(value))

    class FloatConverter(_WerkzeugFloatConverter):
        """Werkzeug 1.0's float converter with Python 3's float text, so a
        URL built on 2.7 parses back to the same float."""

        def to_url(self, value):
            return float_text(float(value))


else:

    def float_text(value):
        """The text of a float: its shortest repr that round-trips."""
        return str(value)

    FloatConverter = _WerkzeugFloatConverter


def jinja_finalize(value, _type=type, _text=text_type, _bytes=binary_type):
    """What a template prints for a value: bytes (Python 2's native
    strings) as UTF-8 text, floats as Python 3 writes them; the same page on
    every interpreter. Called for every ``{{ }}``: text, the usual value,
    is answered first, and the names are local."""
    if value.__class__ is _text:  # a proxy of text is printed as its text
        return value
    kind = _type(value)
    if isinstance(value, _bytes):
        return value.decode(DEFAULT_ENCODING, "replace")
    if kind is float:
        return float_text(value)
    return value


# ---------------------------------------------------------------------------
# Context-local storage
# ---------------------------------------------------------------------------

try:
    # Python 3.7+ (or the backport on 3.6): a context is per thread, per
    # asyncio task and per greenlet with greenlet >= 1.0.
    from contextvars import ContextVar
except ImportError:
    ContextVar = None

try:
    # Python 2.7 and 3.6: greenlet-based servers (gevent, eventlet) give
    # each greenlet its own stack, as Werkzeug's locals did.
    from greenlet import getcurrent as _get_ident
except ImportError:
    try:
        from thread import get_ident as _get_ident
    except ImportError:
        from threading import get_ident as _get_ident


class _ContextStackBase(object):
    """A stack of context objects local to the current thread, greenlet or
    task. Offers what Werkzeug's ``LocalStack`` offered the Flask 1.x
    ecosystem: :meth:`push`, :meth:`pop` and :attr:`top`. The stack is an
    immutable tuple, so a copied context (a new task or thread) never shares
    pushes."""

    __slots__ = ()

    def __len__(self):
        return len(self._get())

    def __repr__(self):
        return "<%s %s depth=%d>" % (type(self).__name__, self.name, len(self))


if ContextVar is not None:

    # Under a None pushed on an empty stack (so that the stack is not empty);
    # only ever the first of the entries below the top.
    _BOTTOM = object()

    def _entries(below):
        return below[1:] if below and below[0] is _BOTTOM else below

    class ContextStack(_ContextStackBase):
        """A stack of context objects local to the current thread, greenlet
        or task, kept in a :class:`contextvars.ContextVar`. Offers what
        Werkzeug's ``LocalStack`` offered the Flask 1.x ecosystem:
        :meth:`push`, :meth:`pop` and :attr:`top`."""

        __slots__ = ("name", "_top", "_below", "peek")

        def __init__(self, name):
            self.name = name
            # The top object in a context variable of its own, so that
            # reading it is one call into C (:attr:`peek`), no Python frame;
            # the objects under it in another, set only when contexts nest
            # (a request pushes and pops with one set each).
            self._top = ContextVar("flaskcompat." + name)
            self._below = ContextVar("flaskcompat." + name + ".below")
            #: ``peek()`` is :attr:`top`, for code that reads it often.
            self.peek = partial(self._top.get, None)

        def _get(self):
            top, below = self._top.get(None), self._below.get(())
            if top is None and not below:
                return ()
            return _entries(below) + (top,)

        def push(self, obj):
            """Push ``obj`` on top of the stack and return the new stack."""
            current, below = self._top.get(None), self._below.get(())
            if current is not None or below:
                # the top is an entry (a pushed None too, when entries are
                # under it): it goes under the new one
                below += (current,)
                self._below.set(below)
            elif obj is None:
                # None on an empty stack: marked, or it would read as empty
                self._below.set((_BOTTOM,))
            else:
                self._top.set(obj)  # the first entry: nothing under it
                return (obj,)
            self._top.set(obj)
            return _entries(below) + (obj,)

        def pop(self):
            """Remove the topmost object and return it, or ``None`` if the
            stack is empty."""
            current, below = self._top.get(None), self._below.get(())
            if below:
                under = below[-1]
                self._top.set(None if under is _BOTTOM else under)
                self._below.set(below[:-1])
            elif current is not None:
                self._top.set(None)
            return current

        @property
        def top(self):
            """The topmost object, or ``None`` if the stack is empty."""
            return self._top.get(None)


else:

    class ContextStack(_ContextStackBase):
        """A stack of context objects local to the current thread or
        greenlet. Offers what Werkzeug's ``LocalStack`` offered the Flask 1.x
        ecosystem: :meth:`push`, :meth:`pop` and :attr:`top`."""

        __slots__ = ("name", "_stacks", "_lock")

        def __init__(self, name):
            self.name = name
            self._stacks = {}
            self._lock = threading.Lock()

        def _get(self):
            return self._stacks.get(_get_ident(), ())

        def _set(self, stack):
            ident = _get_ident()
            if stack:
                self._stacks[ident] = stack
            else:
                # Drop the slot so finished threads or greenlets leave
                # nothing behind.
                with self._lock:
                    self._stacks.pop(ident, None)

        def push(self, obj):
            """Push ``obj`` on top of the stack and return the new stack."""
            stack = self._get() + (obj,)
            self._set(stack)
            return stack

        def pop(self):
            """Remove the topmost object and return it, or ``None`` if the
            stack is empty."""
            stack = self._get()
            if not stack:
                return None
            self._set(stack[:-1])
            return stack[-1]

        @property
        def top(self):
            """The topmost object, or ``None`` if the stack is empty."""
            stack = self._stacks.get(_get_ident(), ())
            return stack[-1] if stack else None

        def peek(self):
            """:attr:`top`, as a method."""
            stack = self._stacks.get(_get_ident(), ())
            return stack[-1] if stack else None


# ---------------------------------------------------------------------------
# Werkzeug: 1.0.1 (2.7), 2.0 (3.6), 2.2 (3.7), 3.0 (3.8), 3.1 (3.9+)
# ---------------------------------------------------------------------------

from werkzeug.local import LocalProxy  # noqa: E402  (every version)


try:
    # Werkzeug >= 2.0 split the wrappers into sans-IO and WSGI halves;
    # ``Response`` is the base of every response class there, and
    # ``BaseResponse`` is a deprecated alias (removed in 2.1).
    import werkzeug.sansio.response  # noqa: F401
    from werkzeug.wrappers import Response as WerkzeugResponseBase
except ImportError:  # Werkzeug 1.0
    from werkzeug.wrappers import BaseResponse as WerkzeugResponseBase

import hmac  # noqa: E402


# -- the request's environ fields, set when first read -----------------------
# Werkzeug 2.0+ builds a request by reading its method, scheme, server, paths,
# query string, headers and remote address out of the environ at once (1.0
# reads each of them when it is first used). An app that answers from a
# static route may never read most of them.

try:
    import werkzeug.sansio.request  # noqa: F401
except ImportError:  # Werkzeug 1.0
    _EAGER_REQUEST_BASE = None
else:
    from werkzeug.wrappers import Request as _EAGER_REQUEST_BASE

_PROBE_ENVIRON = {
    "REQUEST_METHOD": "GET",
    "SERVER_NAME": "localhost",
    "SERVER_PORT": "80",
    "wsgi.url_scheme": "http",
}


def _environ_field_names(base):
    # What Werkzeug's constructor sets, found by running it once.
    probe = base.__new__(base)
    base.__init__(probe, dict(_PROBE_ENVIRON), populate_request=False)
    return tuple(sorted(set(vars(probe)) - {"environ", "shallow"}))


class _EnvironField(object):
    """A request attribute that Werkzeug's constructor would have set from
    the environ. The first read of any of them runs that constructor, which
    sets them all in the instance; values assigned before are kept."""

    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def __get__(self, request, owner=None):
        if request is None:
            return self
        state = vars(request)
        if "environ" not in state:
            # a subclass that never called the constructor: nothing to read
            raise AttributeError(self.name)
        assigned = [(name, state[name]) for name in _ENVIRON_FIELDS if name in state]
        _EAGER_REQUEST_BASE.__init__(
            request,
            state["environ"],
            populate_request=False,
            shallow=state.get("shallow", False),
        )
        state.update(assigned)
        return state[self.name]

    def __repr__(self):
        return "<environ field %s>" % self.name


_ENVIRON_FIELDS = ()
if _EAGER_REQUEST_BASE is not None:
    _ENVIRON_FIELDS = _environ_field_names(_EAGER_REQUEST_BASE)

#: request class -> whether its instances may defer the environ fields (no
#: class between it and the one :func:`defer_environ_fields` set up defines
#: one of them).
_DEFERS_FIELDS = {}


def _defers_fields(cls, owner):
    answer = not any(
        name in vars(klass)
        for klass in cls.__mro__[: cls.__mro__.index(owner)]
        for name in _ENVIRON_FIELDS
    )
    if len(_DEFERS_FIELDS) < 256:
        _DEFERS_FIELDS[cls] = answer
    return answer


def defer_environ_fields(cls):
    """Class decorator for a subclass of Werkzeug's request: on Werkzeug
    2.0+, its constructor keeps the environ, sets the method, and leaves the
    other fields Werkzeug reads from it (``path``, ``headers``...) to be set
    on first read, all at once and by Werkzeug. Werkzeug 1.0 reads them
    lazily already: the class is returned as it is."""
    if _EAGER_REQUEST_BASE is None:
        return cls
    for name in _ENVIRON_FIELDS:
        if name != "method":
            setattr(cls, name, _EnvironField(name))
    eager_init = _EAGER_REQUEST_BASE.__init__

    def __init__(self, environ, populate_request=True, shallow=False):
        defers = _DEFERS_FIELDS.get(type(self))
        if defers is None:
            defers = _defers_fields(type(self), cls)
        if not defers:
            eager_init(self, environ, populate_request, shallow)
            return
        state = vars(self)
        if state:
            # Set by a subclass before calling this: Werkzeug's constructor
            # would replace them with the environ's.
            for name in _ENVIRON_FIELDS:
                state.pop(name, None)
        state["environ"] = environ
        state["shallow"] = shallow
        # Read on every dispatch: set now, as Werkzeug sets it.
        state["method"] = environ.get("REQUEST_METHOD", "GET").upper()
        if not shallow and populate_request:
            environ["werkzeug.request"] = self

    __init__.__doc__ = eager_init.__doc__
    cls.__init__ = __init__
    return cls

from werkzeug.formparser import FormDataParser as WerkzeugFormDataParser  # noqa: E402
from werkzeug.http import parse_cookie as _werkzeug_parse_cookie  # noqa: E402


def use_urlencoded_parser(parser_class):
    """Make ``parser_class._parse_urlencoded`` the parser for URL-encoded
    bodies. Werkzeug 3.x looks the method up by name; 1.0 - 2.2 keep a
    ``parse_functions`` table of plain functions bound at class creation."""
    table = getattr(WerkzeugFormDataParser, "parse_functions", None)
    if table is not None:
        table = dict(table)
        for mimetype, func in list(table.items()):
            if func is WerkzeugFormDataParser.__dict__.get("_parse_urlencoded"):
                table[mimetype] = parser_class.__dict__["_parse_urlencoded"]
        parser_class.parse_functions = table
    return parser_class


def cookie_header_is_parsable(set_cookie_header):
    """Whether Werkzeug can read the name and value of a ``Set-Cookie``
    header value."""
    return bool(_werkzeug_parse_cookie(set_cookie_header.split(";", 1)[0]))


def parse_cookie_header(header, cls):
    """Parse a ``Cookie`` header (a WSGI native string) into ``cls``; bytes
    that are not UTF-8 become U+FFFD on every Werkzeug release (1.0 replaced
    them, 3.x re-quotes them as ``%FF``)."""
    header = text_to_wsgi(wsgi_to_text(header or ""))
    return _werkzeug_parse_cookie(header, cls=cls)

#: Constant-time comparison (``werkzeug.security.safe_str_cmp`` was removed
#: in Werkzeug 2.1; :func:`hmac.compare_digest` exists on 2.7.7+ and 3.x).
safe_str_cmp = hmac.compare_digest


from werkzeug.test import Client as WerkzeugClient  # noqa: E402

#: Werkzeug >= 2.3 keeps test cookies in ``Client._cookies`` and
#: ``set_cookie(key, value, *, domain=...)``; 1.0 - 2.2 used a cookie jar and
#: ``set_cookie(server_name, key, value, ...)``.
_NEW_TEST_COOKIES = hasattr(WerkzeugClient, "_add_cookies_to_wsgi")


def test_client_set_cookie(client, key, value="", domain="localhost", **kwargs):
    """Store a cookie in a Werkzeug test client's jar."""
    if _NEW_TEST_COOKIES:
        WerkzeugClient.set_cookie(client, key, value, domain=domain, **kwargs)
    else:
        WerkzeugClient.set_cookie(client, domain, key, value, **kwargs)


def test_client_delete_cookie(client, key, domain="localhost", path="/"):
    """Remove a cookie from a Werkzeug test client's jar."""
    if _NEW_TEST_COOKIES:
        WerkzeugClient.delete_cookie(client, key, domain=domain, path=path)
    else:
        # Werkzeug 1.0 - 2.2 delete by storing an expired cookie; call the
        # base implementation so a subclass's set_cookie is not involved.
        WerkzeugClient.set_cookie(
            client, domain, key, expires=0, max_age=0, path=path
        )


import werkzeug.test  # noqa: E402

#: Werkzeug >= 2.0 returns a ``TestResponse`` that knows its ``request``;
#: ``as_tuple`` was deprecated in 2.0 and removed in 2.1.
_HAS_TEST_RESPONSE = hasattr(werkzeug.test, "TestResponse")


def test_client_open(client, builder, as_tuple=False, **kwargs):
    """Run a request through a Werkzeug test client; with ``as_tuple``
    return ``(environ, response)`` on every release."""
    if not as_tuple:
        return WerkzeugClient.open(client, builder, **kwargs)
    if _HAS_TEST_RESPONSE:
        response = WerkzeugClient.open(client, builder, **kwargs)
        return response.request.environ, response
    return WerkzeugClient.open(client, builder, as_tuple=True, **kwargs)


def wsgi_header_list(headers):
    """``headers.to_wsgi_list()``, refusing values that are not latin-1:
    PEP 3333 allows only those, and Werkzeug 1.0 on Python 2 refused them
    too, so an app fails here rather than in the server on every
    interpreter."""
    items = headers.to_wsgi_list()
    if not six.PY2:
        for _name, value in items:
            value.encode(WSGI_ENCODING)
    return items


# header name as a response holds it -> 0 (sent as it is), 1 (the
# Content-Length) or 2 (Location or Content-Location, which Werkzeug fixes
# up before sending); learnt name by name, at most 512 of them.
_HEADER_ROLES = {}
_LOCATION_NAMES = ("location", "content-location")


def _header_role(name):
    lowered = name.lower()
    if lowered in _LOCATION_NAMES:
        role = 2
    else:
        role = 1 if lowered == "content-length" else 0
    if len(_HEADER_ROLES) < 512:
        _HEADER_ROLES[name] = role
    return role


if six.PY2:

    def direct_header_list(headers, pairs):
        """:func:`wsgi_header_list` of ``headers``, whose pairs are
        ``pairs``, when they need none of Werkzeug's fix-ups (they hold a
        Content-Length, no Location and no Content-Location); else
        ``None``. Werkzeug 1.0 makes them native strings on Python 2."""
        sized = False
        for name, _value in pairs:
            role = _HEADER_ROLES.get(name)
            if role is None:
                role = _header_role(name)
            if role == 2:
                return None
            if role:
                sized = True
        return wsgi_header_list(headers) if sized else None


else:

    def direct_header_list(headers, pairs):
        """:func:`wsgi_header_list` of ``headers``, whose pairs are
        ``pairs``, when they need none of Werkzeug's fix-ups (they hold a
        Content-Length, no Location and no Content-Location); else
        ``None``. One walk reads the names and checks that each value is
        latin-1, as :func:`wsgi_header_list` would."""
        sized = False
        roles = _HEADER_ROLES
        for name, text in pairs:
            role = roles.get(name)
            if role is None:
                role = _header_role(name)
            if role:
                if role == 2:
                    return None  # fixed up by Werkzeug, then checked
                sized = True
            text.encode(WSGI_ENCODING)
        return list(pairs) if sized else None


def test_client_cookies_enabled(client):
    """Whether a Werkzeug test client keeps cookies between requests."""
    if _NEW_TEST_COOKIES:
        return client._cookies is not None
    return client.cookie_jar is not None


def test_client_inject_cookies(client, environ):
    """Add the client's cookies to ``environ`` (a ``Cookie`` header)."""
    if _NEW_TEST_COOKIES:
        client._add_cookies_to_wsgi(environ)
    elif client.cookie_jar is not None:  # Werkzeug 1.0 - 2.2
        client.cookie_jar.inject_wsgi(environ)


def test_client_extract_cookies(client, environ, headers):
    """Store the ``Set-Cookie`` headers of a response in the client's jar."""
    if _NEW_TEST_COOKIES:
        client._update_cookies_from_response(
            environ.get("HTTP_HOST", "localhost").partition(":")[0],
            environ.get("PATH_INFO") or "/",
            headers.getlist("Set-Cookie"),
        )
    elif client.cookie_jar is not None:  # Werkzeug 1.0 - 2.2
        client.cookie_jar.extract_wsgi(environ, headers)


# ---------------------------------------------------------------------------
# Jinja2: 2.11 (2.7), 3.0 (3.6), 3.1 (3.7+); MarkupSafe 1.1 - 3.0
# ---------------------------------------------------------------------------

from markupsafe import Markup, escape  # noqa: E402  (every version)

try:
    # MarkupSafe >= 2.0
    from markupsafe import soft_str
except ImportError:  # MarkupSafe 1.1
    from markupsafe import soft_unicode as soft_str

try:
    # Jinja2 >= 3.0; the old decorators were removed in 3.1.
    from jinja2 import pass_context, pass_environment, pass_eval_context
except ImportError:  # Jinja2 2.11
    from jinja2 import contextfunction as pass_context
    from jinja2 import environmentfunction as pass_environment
    from jinja2 import evalcontextfunction as pass_eval_context


# ---------------------------------------------------------------------------
# Standard library
# ---------------------------------------------------------------------------

try:
    import dataclasses as _dataclasses  # Python 3.7+
except ImportError:
    _dataclasses = None


def dataclass_as_dict(value):
    """Return the fields of a dataclass instance as a dict, or ``None`` if
    ``value`` is not one (or the interpreter has no dataclasses)."""
    if _dataclasses is not None and _dataclasses.is_dataclass(value):
        if not isinstance(value, type):
            return _dataclasses.asdict(value)
    return None


if six.PY2:
    from collections import Iterator as abc_Iterator  # noqa: F401
else:
    from collections.abc import Iterator as abc_Iterator  # noqa: F401


import os  # noqa: E402

try:
    fspath = os.fspath  # Python 3.6+: accepts os.PathLike objects
except AttributeError:

    def fspath(path):
        """Return the file system representation of ``path``."""
        return path


#: ``sys.exc_info`` as a name the rest of the code can import without
#: reaching into ``sys`` for interpreter details.
exc_info = sys.exc_info


# ---------------------------------------------------------------------------
# JSON: the standard library encoder (used by flaskcompat.json)
# ---------------------------------------------------------------------------

import importlib  # noqa: E402

# Not ``import json``: without absolute_import, Python 2 would find the
# framework's own ``json`` package next to this module.
_stdlib_json = importlib.import_module("json")


def undecodable_bytes_error(value):
    """The :exc:`TypeError` for bytes that cannot be written as JSON text
    because they are not valid UTF-8 (the same message on every
    interpreter)."""
    return TypeError(
        "Object of type bytes is not JSON serializable: %r is not valid UTF-8"
        " (encode it, for example with base64, or decode it first)"
        % (binary_type(value),)
    )


if six.PY2:

    def bytes_as_json_text(value):
        """On Python 2 a ``str`` is the native string: the stdlib ``json``
        module treats it as UTF-8 text, and so does the framework. Return it
        decoded, or ``None`` if it is not valid UTF-8 (then it is binary
        data). On Python 3 bytes are never text and this returns ``None``.
        """
        if isinstance(value, str):
            try:
                return value.decode(DEFAULT_ENCODING)
            except UnicodeDecodeError:
                return None
        return None

    _stdlib_json_encoder = importlib.import_module("json.encoder")

    def _plain_json_text(value):
        """A string value as plain ``unicode``: ``str`` decoded as UTF-8,
        subclasses such as ``Markup`` copied, so the encoder's own string
        concatenation cannot call their methods (``Markup.__radd__`` would
        escape the quotes)."""
        if isinstance(value, str):
            return value.decode(DEFAULT_ENCODING)
        return unicode(value)  # noqa: F821 (Python 2 only)

    class JSONEncoderBase(_stdlib_json.JSONEncoder):
        """:class:`json.JSONEncoder` that produces text on Python 2 too.

        Python 2's encoder takes ``str`` values as UTF-8 text without calling
        ``default``; with ``ensure_ascii=False`` it emits them undecoded
        (failing when they meet ``unicode`` chunks) and builds strings by
        concatenation, which ``Markup`` values turn into escaping. Here
        chunks come out as ``unicode``, strings are encoded as plain text,
        and a ``str`` that is not UTF-8 raises the same :exc:`TypeError` that
        undecodable bytes raise on Python 3.
        """

        def _encode_string(self, value):
            return _stdlib_json_encoder.encode_basestring(_plain_json_text(value))

        def _floatstr(self, value):
            if value != value:
                text = "NaN"
            elif value == float("inf"):
                text = "Infinity"
            elif value == -float("inf"):
                text = "-Infinity"
            else:
                return repr(value)
            if not self.allow_nan:
                raise ValueError(
                    "Out of range float values are not JSON compliant: "
                    + repr(value)
                )
            return text

        def _text_chunks(self, o):
            return _stdlib_json_encoder._make_iterencode(
                {} if self.check_circular else None,
                self.default,
                self._encode_string,
                self.indent,
                self._floatstr,
                self.key_separator,
                self.item_separator,
                self.sort_keys,
                self.skipkeys,
                False,
            )(o, 0)

        def encode(self, o):
            # Joined once and decoded once: decoding chunk by chunk (as
            # iterencode must) costs more than the encoding itself.
            try:
                if self.ensure_ascii:
                    if isinstance(o, basestring):  # noqa: F821
                        rv = _stdlib_json.JSONEncoder.encode(self, o)
                    else:
                        # Every chunk is ASCII str: the C string encoder
                        # escapes everything else.
                        rv = "".join(
                            _stdlib_json.JSONEncoder.iterencode(self, o, True)
                        )
                    return rv.decode("ascii")
                if isinstance(o, basestring):  # noqa: F821
                    return self._encode_string(o)
                return u"".join(self._text_chunks(o))
            except UnicodeDecodeError as e:
                raise undecodable_bytes_error(e.object)

        def iterencode(self, o, _one_shot=False):
            if self.ensure_ascii:
                chunks = _stdlib_json.JSONEncoder.iterencode(self, o, _one_shot)
            else:
                chunks = self._text_chunks(o)
            try:
                for chunk in chunks:
                    if isinstance(chunk, str):
                        chunk = chunk.decode(DEFAULT_ENCODING)
                    yield chunk
            except UnicodeDecodeError as e:
                raise undecodable_bytes_error(e.object)

else:

    def bytes_as_json_text(value):
        """On Python 2 a ``str`` is the native string: the stdlib ``json``
        module treats it as UTF-8 text, and so does the framework. Return it
        decoded, or ``None`` if it is not valid UTF-8 (then it is binary
        data). On Python 3 bytes are never text and this returns ``None``.
        """
        return None

    JSONEncoderBase = _stdlib_json.JSONEncoder

try:
    from collections import ChainMap as _ChainMap
except ImportError:  # Python 2: Jinja 2.11 copies the globals into a dict
    _ChainMap = None


def flat_template_globals(found):
    """A template's globals as one dict. Jinja 3 keeps them as a
    ``ChainMap`` of the template's own over the environment's; a dict with
    the same keys and values (the template's own winning) is what every
    new context copies them into, but without a Python call per name.
    Anything else is returned as it is."""
    if _ChainMap is not None and type(found) is _ChainMap and len(found.maps) == 2:
        own, shared = found.maps
        flat = dict(shared)
        flat.update(own)
        return flat
    return found


_json_encoder_module = importlib.import_module("json.encoder")
_c_make_encoder = getattr(_json_encoder_module, "c_make_encoder", None)


def json_writer(encoder, acyclic=False):
    """A function that returns ``encoder.encode(obj)``, calling the C
    encoder that ``encode`` itself would build, with the same settings;
    ``None`` when ``encode`` does not go that way (Python 2, an indent, no
    C accelerator, or a class that changes ``encode`` or ``iterencode``).

    ``encode`` builds the C encoder anew on every call. For data that is
    known to hold no reference cycle (``acyclic``) one C encoder without
    the cycle check is kept; otherwise each call builds one with its own
    cycle bookkeeping, as ``encode`` does.
    """
    kind = type(encoder)
    if (
        six.PY2
        or _c_make_encoder is None
        or encoder.indent is not None
        or kind.encode is not _stdlib_json.JSONEncoder.encode
        or kind.iterencode is not _stdlib_json.JSONEncoder.iterencode
    ):
        return None
    module = _json_encoder_module
    strings = (
        module.encode_basestring_ascii
        if encoder.ensure_ascii
        else module.encode_basestring
    )
    settings = (
        encoder.default,
        strings,
        None,
        encoder.key_separator,
        encoder.item_separator,
        encoder.sort_keys,
        encoder.skipkeys,
        encoder.allow_nan,
    )
    join = u"".join
    if acyclic or not encoder.check_circular:
        kept = _c_make_encoder(None, *settings)

        def write(obj):
            return join(kept(obj, 0))

    else:
        make = _c_make_encoder

        def write(obj):
            return join(make({}, *settings)(obj, 0))

    return write


import inspect  # noqa: E402

if six.PY2:

    def getargspec(func):
        """``(names, defaults)`` of ``func``'s positional parameters
        (``([], None)`` if it has no inspectable signature)."""
        try:
            spec = inspect.getargspec(func)
        except TypeError:
            return [], None
        return spec.args, spec.defaults


else:

    def getargspec(func):
        """``(names, defaults)`` of ``func``'s positional parameters
        (``([], None)`` if it has no inspectable signature)."""
        try:
            spec = inspect.getfullargspec(func)
        except TypeError:
            return [], None
        return spec.args, spec.defaults


try:
    # Python 3.8+: entry points without pkg_resources (which warns on
    # import in setuptools >= 67).
    from importlib import metadata as _importlib_metadata
except ImportError:
    _importlib_metadata = None


def iter_entry_points(group):
    """The installed entry points of ``group`` (objects with ``name`` and
    ``load()``)."""
    if _importlib_metadata is not None:
        eps = _importlib_metadata.entry_points()
        if hasattr(eps, "select"):  # Python 3.10+
            return list(eps.select(group=group))
        return list(eps.get(group, ()))
    # Python < 3.8: pkg_resources (recent setuptools warn on its import;
    # there is nothing else on these interpreters)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            import pkg_resources
        except ImportError:
            return []
    return list(pkg_resources.iter_entry_points(group))


# ---------------------------------------------------------------------------
# Command line (flaskcompat.cli): optional modules, versions for --version,
# and the URL rule order of Werkzeug 1.0 for ``routes --sort match``
# ---------------------------------------------------------------------------
import re  # noqa: E402

try:
    import ssl
except ImportError:  # an interpreter built without OpenSSL
    ssl = None

try:
    import dotenv
except ImportError:  # python-dotenv is the optional "dotenv" extra
    dotenv = None


def can_import(name):
    """Whether ``import name`` works now (a ``None`` entry in
    ``sys.modules`` counts as missing, as the import system treats it)."""
    try:
        importlib.import_module(name)
    except ImportError:
        return False
    return True


def werkzeug_version():
    """The installed Werkzeug release, as text."""
    # Werkzeug 3.0 deprecates werkzeug.__version__ and 3.1 removes it; the
    # package metadata (Python 3.8+) has it on every release.
    if _importlib_metadata is not None:
        return _importlib_metadata.version("werkzeug")
    import werkzeug

    return werkzeug.__version__


def flask_api_version():
    """The Flask release whose API flaskcompat provides (what ``import flask``
    reports under ``install_as_flask()``)."""
    from ._flask_alias import FlaskModule

    return FlaskModule.__version__


_RULE_VARIABLE = re.compile(r"<(?:([A-Za-z_]\w*)(?:\([^)]*\))?:)?[A-Za-z_]\w*>")


def rule_match_key(rule):
    """Sort key that puts URL rules in the order Werkzeug 1.0 tries them."""
    own_key = getattr(rule, "match_compare_key", None)
    if own_key is not None:  # Werkzeug 1.0 and 2.0
        return own_key()
    # Werkzeug 2.2+ matches with a state machine and has no such key, so
    # rebuild 1.0's: rules without variables first, then rules with more
    # static path segments, longer segments earlier, then fewer and lighter
    # converters.
    converters = rule.map.converters if rule.map is not None else {}
    pieces = []
    position = 0
    for found in _RULE_VARIABLE.finditer(rule.rule):
        pieces.append((None, rule.rule[position : found.start()]))
        pieces.append((found.group(1) or "default", None))
        position = found.end()
    pieces.append((None, rule.rule[position:]))
    pieces = [piece for piece in pieces if piece[0] is not None or piece[1]]
    segments = []
    weights = []
    for index, (converter, text) in enumerate(pieces):
        if converter is None:
            segments.extend((index, -len(part)) for part in text.split("/") if part)
        else:
            weights.append(getattr(converters.get(converter), "weight", 100))
    return bool(rule.arguments), -len(segments), segments, -len(weights), weights


# ---------------------------------------------------------------------------
# Context stacks, signals, the flask alias (globals.py, signals.py,
# _flask_alias.py)
# ---------------------------------------------------------------------------

try:
    # blinker is optional on every interpreter: without it signals.py hands
    # out signals that refuse receivers.
    from blinker import Namespace as BlinkerNamespace
except ImportError:
    BlinkerNamespace = None

try:
    # Python 3.4+: the flask alias module carries a spec so that
    # importlib.util.find_spec("flask") works; Python 2 has no specs.
    from importlib.machinery import ModuleSpec
except ImportError:
    ModuleSpec = None


def context_ident():
    """The current greenlet or thread: what Werkzeug 1.0's ``LocalStack``
    keyed its storage by (``__ident_func__``)."""
    return _get_ident()


# ---------------------------------------------------------------------------
# Module lookup without importing (helpers: get_root_path, find_package)
# ---------------------------------------------------------------------------

try:
    from importlib.util import find_spec as _find_spec  # Python 3.4+
except ImportError:  # Python 2.7: PEP 302 loaders through pkgutil
    _find_spec = None
    import pkgutil as _pkgutil


def module_loader(import_name):
    """The loader that would import ``import_name``, or ``None`` when
    nothing would (its parent packages may get imported on the way)."""
    try:
        if _find_spec is None:
            return _pkgutil.get_loader(import_name)
        spec = _find_spec(import_name)
    except (ImportError, ValueError, AttributeError):
        return None
    return None if spec is None else spec.loader


# ---------------------------------------------------------------------------
# Sessions: the Domain attribute of the session cookie
# ---------------------------------------------------------------------------

import re as _re  # noqa: E402

from werkzeug.http import dump_cookie as _dump_cookie  # noqa: E402

# Werkzeug 1.0 - 2.2 write ``Domain=.example.com`` as given; 3.0 drops the
# leading dot. Flask 1.1 sent the dot (and its test suite looks for it), so
# the session cookie puts it back where Werkzeug removed it.
_COOKIE_DOMAIN_DOT_DROPPED = "Domain=.a.test" not in _dump_cookie(
    "k", "v", domain=".a.test"
)
_domain_attribute = _re.compile(r"(;\s*Domain=)\.*", _re.IGNORECASE)


# Werkzeug 3.0 writes the CHIPS attribute itself; older releases get it
# appended to the header they wrote.
_COOKIE_PARTITIONED_ARGUMENT = "partitioned" in getargspec(_dump_cookie)[0]


def _add_cookie_attribute(response, attribute):
    headers = response.headers.getlist("Set-Cookie")
    headers[-1] = headers[-1] + "; " + attribute
    response.headers.remove("Set-Cookie")
    for header in headers:
        response.headers.add("Set-Cookie", header)


def set_cookie_with_domain(response, key, value="", domain=None, **kwargs):
    """``response.set_cookie``, writing ``domain`` exactly as given (a leading
    dot included) on every Werkzeug release."""
    partitioned = kwargs.pop("partitioned", False)
    if partitioned and _COOKIE_PARTITIONED_ARGUMENT:
        kwargs["partitioned"] = True
    response.set_cookie(key, value, domain=domain, **kwargs)
    if partitioned and not _COOKIE_PARTITIONED_ARGUMENT:
        _add_cookie_attribute(response, "Partitioned")
    if not (_COOKIE_DOMAIN_DOT_DROPPED and domain and domain.startswith(".")):
        return
    headers = response.headers.getlist("Set-Cookie")
    headers[-1] = _domain_attribute.sub(r"\1.", headers[-1], count=1)
    response.headers.remove("Set-Cookie")
    for header in headers:
        response.headers.add("Set-Cookie", header)


# ---------------------------------------------------------------------------
# testing: URL splitting and the Werkzeug release the test client names
# ---------------------------------------------------------------------------

from six.moves.urllib.parse import urlsplit  # noqa: E402,F401

import werkzeug as _werkzeug  # noqa: E402


def _installed_werkzeug_version():
    # Werkzeug 2.3 deprecated ``werkzeug.__version__`` and 3.1 removed it;
    # the distribution metadata has it on Python 3.8+, the attribute on
    # older interpreters (Werkzeug 1.0 - 2.2 there).
    if _importlib_metadata is not None:
        try:
            return _importlib_metadata.version("werkzeug")
        except _importlib_metadata.PackageNotFoundError:
            pass
    return vars(_werkzeug).get("__version__", "unknown")


#: The installed Werkzeug release, e.g. ``"3.1.9"``.
WERKZEUG_VERSION = _installed_werkzeug_version()

# Code written for Flask 1.x reads ``werkzeug.__version__`` (Flask 1.1's
# own tests build the test client's User-Agent from it). Werkzeug 3.1 has
# no such attribute; give it back. 2.3 - 3.0 still answer it through a
# module ``__getattr__`` (with a deprecation warning), left as it is.
if "__version__" not in vars(_werkzeug) and "__getattr__" not in vars(_werkzeug):
    _werkzeug.__version__ = WERKZEUG_VERSION


# ---------------------------------------------------------------------------
# --- app core: coroutine views ---------------------------------------------
# Flask 2.0's async views run through asgiref, an optional dependency that
# only installs on Python 3; asgiref_sync_wrapper is None where it is
# missing. Coroutine functions are recognised wherever they exist (3.5+), so
# one registered without asgiref fails with a message saying so;
# is_coroutine_function is None on Python 2, which has none.
try:
    from asgiref.sync import async_to_sync as asgiref_sync_wrapper
except ImportError:
    asgiref_sync_wrapper = None
is_coroutine_function = getattr(inspect, "iscoroutinefunction", None)


# ---------------------------------------------------------------------------
# Sessions (sessions.py)
# ---------------------------------------------------------------------------
# The abstract collections live in collections.abc on 3.3+ and in
# collections on 2.7.
MutableMapping = six.moves.collections_abc.MutableMapping


# ---------------------------------------------------------------------------
# Command line: click and Werkzeug features that came later
# ---------------------------------------------------------------------------


def enter_context_until_close(ctx, context_manager):
    """Enter ``context_manager`` and leave it when the click context closes
    (click 8's ``Context.with_resource``; click 7 has only
    ``call_on_close``)."""
    with_resource = getattr(ctx, "with_resource", None)
    if with_resource is not None:
        return with_resource(context_manager)
    entered = context_manager.__enter__()
    ctx.call_on_close(lambda: context_manager.__exit__(None, None, None))
    return entered


def reloader_exclude_option(patterns):
    """``run_simple``'s ``exclude_patterns`` argument (Werkzeug 2.1+) when
    there are patterns; on older Werkzeug they cannot be honoured."""
    if not patterns:
        return {}
    from werkzeug.serving import run_simple

    try:
        accepted = "exclude_patterns" in inspect.signature(run_simple).parameters
    except AttributeError:  # Python 2: no signatures, and Werkzeug 1.0
        accepted = False
    if not accepted:
        raise RuntimeError(
            "--exclude-patterns needs Werkzeug 2.1 or later; this is an older one."
        )
    return {"exclude_patterns": patterns}


# ---------------------------------------------------------------------------
# Password hashing (security.py)
# ---------------------------------------------------------------------------
# hashlib.pbkdf2_hmac exists on 2.7.8+ and 3.4+ (OpenSSL-backed where the
# build allows, pure Python otherwise). hashlib.scrypt needs Python 3.6+
# built against OpenSSL 1.1 or newer; it is None elsewhere.
import hashlib as _hashlib  # noqa: E402

pbkdf2_hmac = _hashlib.pbkdf2_hmac


def _working_scrypt():
    # Some builds have hashlib.scrypt but an OpenSSL that refuses it at
    # call time ("unsupported hash type"): try it once, on tiny parameters.
    kdf = getattr(_hashlib, "scrypt", None)
    if kdf is None:
        return None
    try:
        kdf(b"x", salt=b"y", n=2, r=1, p=1, dklen=8)
    except ValueError:
        return None
    return kdf


scrypt_kdf = _working_scrypt()


def describe_host():
    """This interpreter and its OpenSSL, for messages about a missing KDF
    (ssl is imported only then, not with the framework)."""
    try:
        from ssl import OPENSSL_VERSION as openssl
    except ImportError:
        openssl = "no ssl module"
    return "Python %s (%s)" % (sys.version.split()[0], openssl)


def _bytes_equal_loop(left, right):
    # Same work for every position, whatever the first difference.
    if len(left) != len(right):
        return False
    diff = 0
    for a, b in zip(bytearray(left), bytearray(right)):
        diff |= a ^ b
    return diff == 0


#: Constant-time equality of two byte strings (hmac.compare_digest exists
#: on 2.7.7+ and 3.3+; the loop covers older 2.7 releases).
bytes_equal = getattr(hmac, "compare_digest", None) or _bytes_equal_loop


# ---------------------------------------------------------------------------
# Request hardening (wrappers.py, app.py)
# ---------------------------------------------------------------------------
# What the JSON decoder raises on input nested past the interpreter's
# recursion limit (RecursionError is a RuntimeError subclass from 3.5 on).
if six.PY2:
    RecursionLimitError = RuntimeError

    def wsgi_bytes(value):
        """The raw bytes a WSGI environ value carries."""
        return value if isinstance(value, binary_type) else value.encode("utf-8")

    def quote_bytes(data, safe="/"):
        """Percent-encode raw bytes, keeping ``safe``; returns ASCII text."""
        return text_type(_quote(data, safe=to_bytes(safe)))


else:
    RecursionLimitError = RecursionError  # noqa: F821 (Python 3 only)

    def wsgi_bytes(value):
        """The raw bytes a WSGI environ value carries."""
        return value if isinstance(value, binary_type) else value.encode(WSGI_ENCODING)

    from urllib.parse import quote_from_bytes as _quote_from_bytes

    def quote_bytes(data, safe="/"):
        """Percent-encode raw bytes, keeping ``safe``; returns ASCII text."""
        return _quote_from_bytes(data, safe=safe)

# ---------------------------------------------------------------------------
# Type aliases (flaskcompat.typing)
# ---------------------------------------------------------------------------
# The standard module, not flaskcompat.typing (Python 2 imports relatively).
std_typing = importlib.import_module("typing")

if six.PY2:
    # The typing backport for 2.7 has no asynchronous protocols; nothing
    # runs coroutines there, so the awaitable half of an alias is Any.
    def awaitable_of(result):
        """``Awaitable[result]`` where the interpreter has it."""
        return std_typing.Any

    def async_iterable_of(item):
        """``AsyncIterable[item]`` where the interpreter has it."""
        return std_typing.Any


else:

    def awaitable_of(result):
        """``Awaitable[result]`` where the interpreter has it."""
        return std_typing.Awaitable[result]

    def async_iterable_of(item):
        """``AsyncIterable[item]`` where the interpreter has it."""
        return std_typing.AsyncIterable[item]


# ---------------------------------------------------------------------------
# One face on every interpreter (cli.py, app.run)
# ---------------------------------------------------------------------------
# Werkzeug's development server announces itself differently per release:
# 1.0 and 2.0 log " * Running on http://HOST:PORT/ (Press CTRL+C to quit)";
# 2.1 and later log a development-server warning, one or more
# " * Running on" lines and "Press CTRL+C to quit", in ANSI colours. The
# banner flaskcompat prints says all of it once, so those records are
# dropped; the request log and the reloader's and debugger's lines pass.
# (an absolute import: on 2.7 a plain ``import logging`` here would find
# flaskcompat/logging.py)
_logging = importlib.import_module("logging")

_SERVER_STARTUP_MARKS = (
    "* Running on",
    "This is a development server",
    "Press CTRL+C to quit",
)


class _ServerStartupFilter(_logging.Filter):
    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: let logging report it
            return True
        return not any(mark in message for mark in _SERVER_STARTUP_MARKS)


_server_startup_filter = _ServerStartupFilter()


def quiet_server_startup():
    """Drop the development server's own start-up lines from the
    ``werkzeug`` logger (idempotent)."""
    logger = _logging.getLogger("werkzeug")
    if _server_startup_filter not in logger.filters:
        logger.addFilter(_server_startup_filter)


# ---------------------------------------------------------------------------
# Advisories and request limits (wrappers.py)
# ---------------------------------------------------------------------------
import re as _re_limits  # noqa: E402

# Werkzeug 1.0 and 2.0 read a pair without a name at the start of the
# header or straight after ``;`` (``=__Host-test=bad``) as the cookie named
# by what follows the ``=`` (CVE-2023-23934); 2.2.3+ skip it. A space
# before that ``=`` makes the old releases skip it too. Quoted values are
# matched first so that a ``;=`` inside one is left alone.
_READS_NAMELESS_COOKIE = bool(_werkzeug_parse_cookie("=a=b"))
_NAMELESS_PAIR = _re_limits.compile(r'"(?:[^"\\]|\\.)*"|(?:^|;)=')


def _skip_nameless(found):
    text = found.group()
    return text if text[:1] == '"' else text[:-1] + " ="


def cookie_header_without_nameless(header):
    """``header`` (a ``Cookie`` header, native string) with every pair that
    has no name written so that each Werkzeug release skips it."""
    if _READS_NAMELESS_COOKIE and (header[:1] == "=" or ";=" in header):
        return _NAMELESS_PAIR.sub(_skip_nameless, header)
    return header


#: The dict methods that only Python 2 has and that read every key
#: (``iteritems``, ``viewkeys``...); the session records them as reads.
DICT_READERS_PY2_ONLY = tuple(
    name
    for name in ("iterkeys", "itervalues", "iteritems", "viewkeys", "viewvalues", "viewitems")
    if hasattr(dict, name)
)

# ---------------------------------------------------------------------------
# Generated requests (tests/fuzz): what they showed differs between releases
# ---------------------------------------------------------------------------
from werkzeug.datastructures import Headers as _Headers  # noqa: E402
from werkzeug.formparser import MultiPartParser as _MultiPartParser  # noqa: E402

# Werkzeug 1.0 - 2.2 decode a multipart field with the charset named by its
# part's Content-Type (a name no codec has raises LookupError); 2.3+ decode
# every field as UTF-8 whatever the part says.
PART_CHARSETS_HONOURED = (
    _MultiPartParser().get_part_charset(
        _Headers([("Content-Type", "text/plain; charset=latin-1")])
    )
    == "latin-1"
)


# ---------------------------------------------------------------------------
# Request teardown
# ---------------------------------------------------------------------------


def _forget_tracebacks(error):
    # ``error`` and the exceptions it was raised from or while handling
    waiting, seen = [error], set()
    while waiting:
        error = waiting.pop()
        if error is None or id(error) in seen:
            continue
        seen.add(id(error))
        if getattr(error, "__traceback__", None) is not None:
            error.__traceback__ = None
        waiting.append(getattr(error, "__cause__", None))
        waiting.append(getattr(error, "__context__", None))


if six.PY2:

    def forget_traceback(error):
        """Nothing to do: Python 2 exceptions hold no traceback."""


else:

    def forget_traceback(error):
        """Let ``error``, and the exceptions it was raised from or while
        handling, drop the tracebacks they were raised with. A routing error
        stored on the request and raised from frames that hold the request
        forms a cycle only the garbage collector could free."""
        try:
            alone = error.__cause__ is None and error.__context__ is None
        except AttributeError:  # not an exception at all
            alone = False
        if alone:
            # the usual case: one error, raised on its own
            error.__traceback__ = None
        else:
            _forget_tracebacks(error)


# ---------------------------------------------------------------------------
# HTTP errors: 421 on every release
# ---------------------------------------------------------------------------
from werkzeug import exceptions as _http_errors  # noqa: E402

if hasattr(_http_errors, "MisdirectedRequest"):
    # Werkzeug 2.0+ knows every code Flask 3.1 can abort with.
    Aborter = _http_errors.Aborter

    def http_error_class(code):
        """The HTTPException subclass Werkzeug raises for ``code``."""
        return _http_errors.default_exceptions[code]


else:

    class MisdirectedRequest(_http_errors.HTTPException):
        """421: the request reached a server that does not answer for its
        URL (HTTP/2 connection reuse). Werkzeug 1.0 has no class for it."""

        code = 421
        description = "The server is not able to produce a response."

    _ADDED_HTTP_ERRORS = {421: MisdirectedRequest}

    class Aborter(_http_errors.Aborter):
        """Werkzeug's ``Aborter``, with the codes Werkzeug 1.0 lacks."""

        def __init__(self, mapping=None, extra=None):
            if mapping is None:
                mapping = dict(_ADDED_HTTP_ERRORS)
                mapping.update(_http_errors.default_exceptions)
            _http_errors.Aborter.__init__(self, mapping, extra)

    def http_error_class(code):
        """The HTTPException subclass raised for ``code``."""
        found = _http_errors.default_exceptions.get(code)
        return found if found is not None else _ADDED_HTTP_ERRORS[code]


#: ``abort`` outside an application context.
abort_outside_app = Aborter()
