# -*- coding: utf-8 -*-
"""
    flaskcompat.wrappers
    ~~~~~~~~~~~~~~~~~~~~

    The request and response objects: Werkzeug's, with Flask 1.1's JSON
    handling, routing information and limits, identical on every supported
    Werkzeug release.
"""
import re

from werkzeug.datastructures import CombinedMultiDict
from werkzeug.datastructures import Headers
from werkzeug.exceptions import BadRequest
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.utils import cached_property
from werkzeug.wrappers import Request as RequestBase
from werkzeug.wrappers import Response as ResponseBase

from . import json
from .helpers import blueprint_chain
from ._compat import parse_cookie_header
from ._compat import url_decode_pairs
from ._compat import use_urlencoded_parser
from ._compat import WerkzeugFormDataParser
from ._compat import wsgi_header_list
from ._compat import wsgi_to_text
from .globals import _app_ctx_stack


#: (pattern, name) pairs tried in order on the User-Agent string. Werkzeug
#: 2.1 dropped its parser (``platform``, ``browser``... became ``None``);
#: Flask 1.1 apps read them, so flaskcompat keeps one parser everywhere.
_UA_PLATFORMS = [
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
_UA_BROWSERS = [
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
_UA_PLATFORM_RES = [(re.compile(pattern, re.I), name) for pattern, name in _UA_PLATFORMS]
_UA_BROWSER_RES = [
    (re.compile(r"(?:%s)[/\sa-z(]*(\d+[.\da-z]+)?" % pattern, re.I), name)
    for pattern, name in _UA_BROWSERS
]
_UA_LANGUAGE_RE = re.compile(
    r"(?:;\s*|\s+)(\b\w{2}\b(?:-\b\w{2}\b)?)\s*;|"
    r"(?:\(|\[|;)\s*(\b\w{2}\b(?:-\b\w{2}\b)?)\s*(?:\]|\)|;)"
)


class UserAgent(object):
    """The parsed ``User-Agent`` header: :attr:`string` and, where
    recognised, :attr:`platform`, :attr:`browser`, :attr:`version` and
    :attr:`language` (``None`` otherwise), the same on every Werkzeug
    release."""

    def __init__(self, string):
        self.string = string or u""
        self.platform = self.browser = self.version = self.language = None
        for regex, name in _UA_PLATFORM_RES:
            if regex.search(self.string):
                self.platform = name
                break
        for regex, name in _UA_BROWSER_RES:
            match = regex.search(self.string)
            if match is not None:
                self.browser, self.version = name, match.group(1)
                break
        match = _UA_LANGUAGE_RE.search(self.string)
        if match is not None:
            self.language = match.group(1) or match.group(2)

    def to_header(self):
        return self.string

    def __str__(self):
        return self.string

    def __bool__(self):
        return bool(self.browser)

    __nonzero__ = __bool__

    def __repr__(self):
        return "<%s %r/%s>" % (type(self).__name__, self.browser, self.version)


class _BoundedInput(object):
    """A request body of unannounced length (chunked, ``wsgi.input_terminated``)
    read with a limit: more than ``limit`` bytes is a 413, never a body
    silently cut at the limit."""

    def __init__(self, stream, limit):
        self._stream = stream
        self._limit = limit
        self._count = 0

    def _account(self, data):
        self._count += len(data)
        if self._count > self._limit:
            raise RequestEntityTooLarge()
        return data

    def read(self, size=-1):
        if size is not None and size >= 0:
            return self._account(self._stream.read(min(size, self._limit - self._count + 1)))
        chunks = []
        while True:
            chunk = self._account(self._stream.read(self._limit - self._count + 1))
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)

    def readline(self, size=-1):
        room = self._limit - self._count + 1
        if size is None or size < 0 or size > room:
            size = room
        return self._account(self._stream.readline(size))

    def readlines(self, hint=-1):
        return list(iter(self.readline, b""))

    def __iter__(self):
        return iter(self.readline, b"")

    def readable(self):
        return True

    def close(self):
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


def _current_app():
    top = _app_ctx_stack.top
    return top.app if top is not None else None


class JSONMixin(object):
    """Common mixin for both request and response objects to provide JSON
    parsing capabilities.

    Werkzeug 2.1 and later raise ``415 Unsupported Media Type`` when the
    body is not declared as JSON; this mixin keeps Flask 1.1's behaviour on
    every Werkzeug release: :meth:`get_json` returns ``None`` then.
    """

    _cached_json = (Ellipsis, Ellipsis)

    @property
    def is_json(self):
        """Check if the mimetype indicates JSON data, either
        :mimetype:`application/json` or :mimetype:`application/*+json`.
        """
        mt = self.mimetype
        return (
            mt == "application/json"
            or mt.startswith("application/")
            and mt.endswith("+json")
        )

    @property
    def json(self):
        """The parsed JSON data if :attr:`mimetype` indicates JSON
        (:mimetype:`application/json`, see :meth:`is_json`), otherwise
        ``None``.
        """
        return self.get_json()

    def _get_data_for_json(self, cache):
        return self.get_data(cache=cache)

    def get_json(self, force=False, silent=False, cache=True):
        """Parse and return the data as JSON. If the mimetype does not
        indicate JSON (:mimetype:`application/json`, see :meth:`is_json`),
        this returns ``None`` unless ``force`` is true. If parsing fails,
        :meth:`on_json_loading_failed` is called and its return value is used
        as the return value.

        :param force: Ignore the mimetype and always try to parse JSON.
        :param silent: Silence parsing errors and return ``None`` instead.
        :param cache: Store the parsed JSON to return for subsequent calls.
        """
        if cache and self._cached_json[silent] is not Ellipsis:
            return self._cached_json[silent]

        if not (force or self.is_json):
            return None

        data = self._get_data_for_json(cache=cache)

        try:
            rv = json.loads(data)
        except ValueError as e:
            if silent:
                rv = None

                if cache:
                    normal_rv, _ = self._cached_json
                    self._cached_json = (normal_rv, rv)
            else:
                rv = self.on_json_loading_failed(e)

                if cache:
                    _, silent_rv = self._cached_json
                    self._cached_json = (rv, silent_rv)
        else:
            if cache:
                self._cached_json = (rv, rv)

        return rv

    def on_json_loading_failed(self, e):
        """Called if :meth:`get_json` parsing fails and isn't silenced. If
        this method returns a value, it is used as the return value for
        :meth:`get_json`. The default implementation raises a
        :class:`~werkzeug.exceptions.BadRequest` that names the problem.
        """
        raise BadRequest("Failed to decode JSON object: {0}".format(e))


class FormDataParser(WerkzeugFormDataParser):
    """Werkzeug's form parser with one behaviour on every release: bytes
    that are not UTF-8 in a URL-encoded body become U+FFFD, and a body that
    cannot be parsed at all is an error (a 400), not a silently empty form.
    """

    def __init__(self, *args, **kwargs):
        kwargs["silent"] = False
        WerkzeugFormDataParser.__init__(self, *args, **kwargs)

    def _parse_urlencoded(self, stream, mimetype, content_length, options):
        limit = self.max_form_memory_size
        if limit is not None and content_length is not None and content_length > limit:
            raise RequestEntityTooLarge()
        return stream, self.cls(url_decode_pairs(stream.read())), self.cls()


use_urlencoded_parser(FormDataParser)


class Request(JSONMixin, RequestBase):
    """The request object used by default in flaskcompat. Remembers the
    matched endpoint and view arguments.

    It is what ends up as :class:`~flaskcompat.request`. If you want to
    replace the request object used you can subclass this and set
    :attr:`~flaskcompat.Flask.request_class` to your subclass.

    The request object is a :class:`~werkzeug.wrappers.Request` subclass and
    provides all of the attributes Werkzeug defines plus a few Flask
    specific ones.
    """

    #: The internal URL rule that matched the request. This can be
    #: useful to inspect which methods are allowed for the URL from
    #: a before/after handler (``request.url_rule.methods``) etc.
    #: Though if the request's method was invalid for the URL rule,
    #: the valid list is available in ``routing_exception.valid_methods``
    #: instead (an attribute of the Werkzeug exception
    #: :exc:`~werkzeug.exceptions.MethodNotAllowed`)
    #: because the request was never internally bound.
    url_rule = None

    #: A dict of view arguments that matched the request. If an exception
    #: happened when matching, this will be ``None``.
    view_args = None

    #: If matching the URL failed, this is the exception that will be
    #: raised / was raised as part of the request handling. This is
    #: usually a :exc:`~werkzeug.exceptions.NotFound` exception or
    #: something similar.
    routing_exception = None

    form_data_parser_class = FormDataParser

    #: Flask 1.1's encoding attributes (Werkzeug 3.0 removed them; the
    #: request is always decoded as UTF-8 with replacement).
    charset = "utf-8"
    url_charset = "utf-8"
    encoding_errors = "replace"

    @cached_property
    def user_agent(self):
        """The parsed ``User-Agent`` header, a :class:`UserAgent`."""
        return UserAgent(self.headers.get("User-Agent", u""))

    @cached_property
    def values(self):
        """A :class:`~werkzeug.datastructures.CombinedMultiDict` of
        :attr:`args` and :attr:`form`, for every method (Werkzeug 2.0 left
        the form out for GET; Flask 1.1 did not)."""
        return CombinedMultiDict([self.args, self.form])

    @cached_property
    def stream(self):
        """The request body stream. A body without ``Content-Length`` that
        the server marks as complete (``wsgi.input_terminated``) is limited
        to ``MAX_CONTENT_LENGTH`` with a 413 on every Werkzeug release."""
        limit = self.max_content_length
        if (
            limit is not None
            and self.content_length is None
            and self.environ.get("wsgi.input_terminated")
        ):
            return _BoundedInput(self.environ["wsgi.input"], limit)
        return RequestBase.stream.__get__(self, type(self))

    @cached_property
    def args(self):
        """The parsed URL parameters (the part in the URL after the question
        mark), a :class:`~werkzeug.datastructures.MultiDict`. Bytes that are
        not UTF-8 become U+FFFD."""
        return self.parameter_storage_class(
            url_decode_pairs(self.environ.get("QUERY_STRING", ""))
        )

    @cached_property
    def cookies(self):
        """A :class:`dict` with the contents of all cookies transmitted with
        the request. Bytes that are not UTF-8 become U+FFFD."""
        return parse_cookie_header(
            self.environ.get("HTTP_COOKIE"), self.dict_storage_class
        )

    @property
    def full_path(self):
        """Requested path, including the query string (decoded, bytes that
        are not UTF-8 become U+FFFD)."""
        return self.path + u"?" + wsgi_to_text(self.environ.get("QUERY_STRING", ""))

    @property
    def max_content_length(self):
        """Read-only view of the ``MAX_CONTENT_LENGTH`` config key."""
        app = _current_app()
        if app is not None:
            return app.config["MAX_CONTENT_LENGTH"]

    @property
    def endpoint(self):
        """The endpoint that matched the request. This in combination with
        :attr:`view_args` can be used to reconstruct the same or a
        modified URL. If an exception happened when matching, this will
        be ``None``.
        """
        if self.url_rule is not None:
            return self.url_rule.endpoint

    @property
    def blueprint(self):
        """The name of the current blueprint"""
        if self.url_rule and "." in self.url_rule.endpoint:
            return self.url_rule.endpoint.rsplit(".", 1)[0]

    @property
    def blueprints(self):
        """The current blueprint and the blueprints it is nested in,
        innermost first (Flask 2.0.1's attribute)."""
        return list(blueprint_chain(self.blueprint))

    def _check_content_length(self):
        # Werkzeug 2.3+ refuses an over-long body when the stream is opened;
        # 1.0 - 2.2 only while parsing form data. Refuse it up front on all.
        limit = self.max_content_length
        if limit is not None:
            length = self.content_length
            if length is not None and length > limit:
                raise RequestEntityTooLarge()

    def get_data(self, cache=True, as_text=False, parse_form_data=False):
        """Read the buffered incoming data from the client into one bytes
        object (text with ``as_text``). A body larger than
        ``MAX_CONTENT_LENGTH`` raises :exc:`~werkzeug.exceptions.
        RequestEntityTooLarge` (413).
        """
        self._check_content_length()
        return RequestBase.get_data(
            self, cache=cache, as_text=as_text, parse_form_data=parse_form_data
        )

    def _refuse_undecodable_part_headers(self):
        # A multipart part header (field name, file name) that is not UTF-8
        # makes Werkzeug 2.0+ give up on the whole body; Werkzeug 1.0
        # replaced the bytes with U+FFFD. Refuse such a body on every
        # release, so an app sees the same 400 everywhere.
        names = list(self.form.keys()) + [
            key + u" " + (storage.filename or u"")
            for key, storage in self.files.items(multi=True)
        ]
        if any(u"\ufffd" in name for name in names):
            raise BadRequest(
                "The form data could not be parsed: a part header is not"
                " valid UTF-8."
            )

    def _load_form_data(self):
        self._check_content_length()
        try:
            RequestBase._load_form_data(self)
        except ValueError as e:
            raise BadRequest("The form data could not be parsed: %s" % e)
        if self.mimetype == "multipart/form-data":
            self._refuse_undecodable_part_headers()

        # In debug mode we're replacing the files multidict with an ad-hoc
        # subclass that raises a different error for key errors.
        app = _current_app()
        if (
            app is not None
            and app.debug
            and self.mimetype != "multipart/form-data"
            and not self.files
        ):
            from .debughelpers import attach_enctype_error_multidict

            attach_enctype_error_multidict(self)


def header_text(value):
    """A header name or value given as bytes (Python 2's native strings) as
    the bytes on the wire: latin-1 code points (PEP 3333). Text is returned
    unchanged."""
    if isinstance(value, (bytes, bytearray)):
        # the bytes on the wire: latin-1 code points (PEP 3333)
        return bytes(value).decode("latin-1")
    return value


class ResponseHeaders(Headers):
    """Response headers whose names and values may be given as bytes (Python
    2's native strings): they are the bytes on the wire on every Werkzeug
    release (Werkzeug 3 would send ``b'...'``). Every Werkzeug release routes
    ``setdefault``, ``extend`` and ``update`` through :meth:`set` and
    :meth:`add`, and item assignment with a text key through :meth:`set`."""

    def add(self, _key, _value, **kw):
        if _key.__class__ is not str or _value.__class__ is not str:
            _key, _value = header_text(_key), header_text(_value)
        Headers.add(self, _key, _value, **kw)

    def set(self, _key, _value, **kw):
        if _key.__class__ is not str or _value.__class__ is not str:
            _key, _value = header_text(_key), header_text(_value)
        Headers.set(self, _key, _value, **kw)

    def __setitem__(self, key, value):
        # Werkzeug 3.1 takes a key that is not str or int for a slice
        if key.__class__ is bytes:
            key = header_text(key)
        Headers.__setitem__(self, key, value)


class Response(JSONMixin, ResponseBase):
    """The response object that is used by default in flaskcompat. Works like
    the response object from Werkzeug but is set to have an HTML mimetype by
    default. Quite often you don't have to create this object yourself
    because :meth:`~flaskcompat.Flask.make_response` will take care of that
    for you.

    If you want to replace the response object used you can subclass this and
    set :attr:`~flaskcompat.Flask.response_class` to your subclass.
    """

    default_mimetype = "text/html"

    #: Flask 1.1's attribute (Werkzeug 3.0 removed it); bodies are UTF-8.
    charset = "utf-8"

    def __init__(self, response=None, status=None, headers=None, *args, **kwargs):
        if not isinstance(headers, Headers):
            headers = ResponseHeaders(headers)
        ResponseBase.__init__(self, response, status, headers, *args, **kwargs)

    #: Flask 1.1 sent absolute ``Location`` headers (Werkzeug 2.1 changed
    #: the default to relative ones); keep one behaviour on every release.
    autocorrect_location_header = True

    def _get_data_for_json(self, cache):
        return self.get_data()

    def __call__(self, environ, start_response):
        """Process this response as WSGI application.

        A buffered body of bytes with a ``Content-Length``, a 2xx status
        other than 204, no ``Location``/``Content-Location`` header, no
        ``call_on_close`` callbacks and a request other than ``HEAD`` needs
        none of Werkzeug's header fix-ups: it is started directly. Every
        other response goes through Werkzeug unchanged.
        """
        body = self.response
        if (
            type(body) is list
            and len(body) == 1
            and type(body[0]) is bytes
            and 200 <= self.status_code < 300
            and self.status_code != 204
            and not self.direct_passthrough
            and not self._on_close
            and environ.get("REQUEST_METHOD") != "HEAD"
        ):
            # One pass over the header list: ``in`` on Werkzeug's Headers
            # raises and catches an exception for every missing name.
            has_length = False
            for name, _value in self.headers:
                name = name.lower()
                if name == "content-length":
                    has_length = True
                elif name == "location" or name == "content-location":
                    has_length = False
                    break
            if has_length:
                start_response(self.status, wsgi_header_list(self.headers))
                return body
        app_iter, status, headers = self.get_wsgi_response(environ)
        start_response(status, headers)
        return app_iter

    def get_wsgi_response(self, environ):
        """Werkzeug's ``(app_iter, status, headers)``; header values that
        are not latin-1 are refused (:exc:`UnicodeEncodeError`) on every
        interpreter instead of failing later in the server."""
        headers = self.get_wsgi_headers(environ)
        app_iter = self.get_app_iter(environ)
        return app_iter, self.status, wsgi_header_list(headers)

    def set_cookie(self, key, value="", *args, **kwargs):
        """Werkzeug's ``set_cookie``; a key or value given as bytes (Python
        2's native strings) is UTF-8 text on every release."""
        if isinstance(key, bytes):
            key = key.decode("utf-8")
        if isinstance(value, bytes):
            value = value.decode("utf-8")
        return ResponseBase.set_cookie(self, key, value, *args, **kwargs)

    @property
    def max_cookie_size(self):
        """Read-only view of the ``MAX_COOKIE_SIZE`` config key.

        See :attr:`~werkzeug.wrappers.BaseResponse.max_cookie_size` in
        Werkzeug's docs.
        """
        app = _current_app()
        if app is not None:
            return app.config["MAX_COOKIE_SIZE"]

        # return Werkzeug's default when not in an app context
        return ResponseBase.max_cookie_size
