# -*- coding: utf-8 -*-
"""Helpers for testing an application without a server: a request builder
that knows the app's URL settings, a test client, and a CLI runner."""
import warnings
from contextlib import contextmanager

import werkzeug.test
from click.testing import CliRunner
from werkzeug.datastructures import Headers

from . import _compat
from .cli import ScriptInfo
from .globals import _request_ctx_stack
from .json import dumps as _app_json_dumps

#: environ key that tells the request context to stay pushed after the
#: request (read by the context's pop)
_PRESERVE_KEY = "flask._preserve_context"


def _latin1_text(value):
    return value.decode("latin-1") if isinstance(value, bytes) else value


def _ascii_query(raw):
    """Query-string bytes as a client sends them: bytes outside ASCII are
    percent-encoded, so the app decodes them with its own URL charset."""
    return "".join(chr(byte) if byte < 0x80 else "%%%02X" % byte for byte in bytearray(raw))


def _text_arguments(path, kwargs):
    """Accept Python 2 native strings: the path part of a bytes path is
    UTF-8 and its query part raw bytes in any charset; bytes in the query
    string, content type and headers are wire bytes (latin-1)."""
    if isinstance(path, bytes):
        raw_path, question, raw_query = path.partition(b"?")
        path = raw_path.decode("utf-8")
        if question:
            path += "?" + _ascii_query(raw_query)
    for name in ("query_string", "content_type", "mimetype"):
        if isinstance(kwargs.get(name), bytes):
            kwargs[name] = _compat.to_native(kwargs[name], "latin-1")
    headers = kwargs.get("headers")
    if headers and not isinstance(headers, Headers):
        pairs = headers.items() if isinstance(headers, dict) else headers
        kwargs["headers"] = [(_latin1_text(k), _latin1_text(v)) for k, v in pairs]
    return path


class EnvironBuilder(werkzeug.test.EnvironBuilder):
    """Werkzeug's environ builder, with the base URL taken from the app's
    ``SERVER_NAME``, ``APPLICATION_ROOT`` and ``PREFERRED_URL_SCHEME`` and
    ``json=`` serialized by the app's JSON settings."""

    def __init__(
        self, app, path="/", base_url=None, subdomain=None, url_scheme=None, *args, **kwargs
    ):
        if base_url is not None and (subdomain or url_scheme):
            raise AssertionError('Cannot pass "subdomain" or "url_scheme" with "base_url".')
        path = _text_arguments(path, kwargs)
        if base_url is None:
            base_url, path = self._split_against_app(app, path, subdomain, url_scheme)
        self.app = app
        self._created_streams = []
        werkzeug.test.EnvironBuilder.__init__(self, path, base_url, *args, **kwargs)

    @staticmethod
    def _split_against_app(app, path, subdomain, url_scheme):
        """``(base_url, path)`` for ``path``: a full URL keeps its own
        scheme and host, anything missing comes from the config."""
        config = app.config
        host = config.get("SERVER_NAME") or "localhost"
        if subdomain:
            host = subdomain + "." + host
        parts = _compat.urlsplit(path)
        base = "%s://%s/%s" % (
            parts.scheme or url_scheme or config["PREFERRED_URL_SCHEME"],
            parts.netloc or host,
            config["APPLICATION_ROOT"].lstrip("/"),
        )
        rest = parts.path
        if parts.query:
            rest = rest + "?" + parts.query
        return base, rest

    def json_dumps(self, obj, **kwargs):
        """Serialize ``obj`` with the app's JSON configuration."""
        options = {"app": self.app}
        options.update(kwargs)
        return _app_json_dumps(obj, **options)

    def get_environ(self):
        # Werkzeug may spool a large body to a temporary file it never
        # closes; remember such streams so the client can close them.
        environ = werkzeug.test.EnvironBuilder.get_environ(self)
        body = environ.get("wsgi.input")
        if body is not None and body is not self.input_stream:
            self._created_streams.append(body)
        return environ

    def close_created_streams(self):
        """Close the bodies :meth:`get_environ` made."""
        streams, self._created_streams = self._created_streams, []
        for stream in reversed(streams):
            stream.close()


def make_test_environ_builder(*args, **kwargs):
    """Deprecated since 1.1: build an :class:`EnvironBuilder` directly."""
    made = EnvironBuilder(*args, **kwargs)
    warnings.warn(
        DeprecationWarning(
            '"make_test_environ_builder()" is deprecated and will be'
            ' removed in 2.0. Construct "flaskcompat.testing.EnvironBuilder"'
            " directly instead."
        ),
        stacklevel=2,
    )
    return made


class FlaskClient(werkzeug.test.Client):
    """Werkzeug's test client for an app. Inside ``with client:`` the
    context of the last request stays pushed until the block ends, so the
    test can inspect ``request``, ``session`` and ``g`` afterwards."""

    preserve_context = False

    def __init__(self, *args, **kwargs):
        werkzeug.test.Client.__init__(self, *args, **kwargs)
        self.environ_base = {
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_USER_AGENT": "werkzeug/" + _compat.WERKZEUG_VERSION,
        }
        # bodies of requests whose context is still in use by the test
        self._bodies_in_use = []

    @property
    def use_cookies_enabled(self):
        """Whether the client keeps cookies between requests."""
        return _compat.test_client_cookies_enabled(self)

    def set_cookie(self, *args, **kwargs):
        """Store a cookie: ``set_cookie(server_name, key, value, ...)`` as
        in Flask 1.x, or ``set_cookie(key, value, domain=..., ...)``."""
        if len(args) > 3:
            raise TypeError("set_cookie() takes at most 3 positional arguments")
        if len(args) == 3:
            kwargs.setdefault("domain", args[0])
            args = args[1:]
        return _compat.test_client_set_cookie(self, *args, **kwargs)

    def delete_cookie(self, *args, **kwargs):
        """Drop a cookie: ``delete_cookie(server_name, key)`` or
        ``delete_cookie(key, domain=...)``."""
        if len(args) >= 2:
            kwargs.setdefault("domain", args[0])
            args = args[1:]
        return _compat.test_client_delete_cookie(self, *args, **kwargs)

    def _update_cookies_from_response(self, server_name, path, headers):
        # Werkzeug 2.3+ raises StopIteration on a Set-Cookie whose name it
        # cannot parse; browsers skip such a cookie, and so do we.
        kept = [value for value in headers if _compat.cookie_header_is_parsable(value)]
        return werkzeug.test.Client._update_cookies_from_response(
            self, server_name, path, kept
        )

    def _request_environ_base(self, extra=None):
        environ = dict(self.environ_base)
        if extra:
            environ.update(extra)
        environ[_PRESERVE_KEY] = self.preserve_context
        return environ

    def _builder(self, args, kwargs):
        if len(args) == 1 and not kwargs:
            given = args[0]
            if isinstance(given, werkzeug.test.EnvironBuilder):
                given = given.get_environ()
            if isinstance(given, dict):
                return werkzeug.test.EnvironBuilder.from_environ(
                    given, environ_base=self._request_environ_base()
                )
        kwargs["environ_base"] = self._request_environ_base(kwargs.get("environ_base"))
        return EnvironBuilder(self.application, *args, **kwargs)

    def open(self, *args, **kwargs):
        """Send a request to the app. Takes :class:`EnvironBuilder`'s
        arguments, or one builder or environ dict; ``follow_redirects``,
        ``buffered`` and ``as_tuple`` (``(environ, response)``) as in
        Werkzeug 1.0."""
        options = dict(
            (name, kwargs.pop(name, False))
            for name in ("as_tuple", "buffered", "follow_redirects")
        )
        builder = self._builder(args, kwargs)
        try:
            return _compat.test_client_open(self, builder, **options)
        finally:
            builder.close()
            if isinstance(builder, EnvironBuilder):
                self._settle_bodies(builder)

    def _settle_bodies(self, builder):
        # a preserved request may still read its body (request.form after
        # the response): close it when the ``with`` block ends instead
        if not self.preserve_context:
            builder.close_created_streams()
            return
        self._bodies_in_use.extend(builder._created_streams)
        builder._created_streams = []

    def _preserving(self, flag):
        if flag and self.preserve_context:
            raise RuntimeError("Cannot nest client invocations")
        self.preserve_context = flag

    def __enter__(self):
        self._preserving(True)
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self._preserving(False)
        # a streamed response can leave several preserved contexts
        # stacked on top of each other: pop all of them
        while True:
            ctx = _request_ctx_stack.top
            if ctx is None or not ctx.preserved:
                break
            ctx.pop()
        bodies, self._bodies_in_use = self._bodies_in_use, []
        for body in bodies:
            body.close()

    @contextmanager
    def session_transaction(self, *args, **kwargs):
        """``with client.session_transaction() as sess:`` opens the session
        the client's cookies point at and saves it back when the block
        ends. Arguments go to :meth:`Flask.test_request_context`."""
        if not self.use_cookies_enabled:
            raise RuntimeError(
                "Session transactions only make sense with cookies enabled."
            )
        ctx = self.application.test_request_context(*args, **kwargs)
        _compat.test_client_inject_cookies(self, ctx.request.environ)
        caller_ctx = _request_ctx_stack.top
        with ctx:
            session = self._open_session(ctx.request)
            with _stacked(caller_ctx):
                yield session
            self._save_session(session, ctx.request.environ)

    def _open_session(self, request):
        app = self.application
        opened = app.session_interface.open_session(app, request)
        if opened is None:
            raise RuntimeError(
                "Session backend did not open a session. Check the configuration"
            )
        return opened

    def _save_session(self, session, environ):
        app = self.application
        carrier = app.response_class()
        if not app.session_interface.is_null_session(session):
            app.session_interface.save_session(app, session, carrier)
        _compat.test_client_extract_cookies(
            self, environ, carrier.get_wsgi_headers(environ)
        )


@contextmanager
def _stacked(ctx):
    """Show ``ctx`` (or nothing) as the current request while the body
    runs. The raw stack entry is pushed, so no context hooks run."""
    _request_ctx_stack.push(ctx)
    try:
        yield
    finally:
        _request_ctx_stack.pop()


class FlaskCliRunner(CliRunner):
    """click's test runner, invoking the app's command group by default."""

    def __init__(self, app, **kwargs):
        self.app = app
        CliRunner.__init__(self, **kwargs)

    def invoke(self, cli=None, args=None, **kwargs):
        """Run ``cli`` (default: ``app.cli``) with ``args``; unless ``obj``
        is given, commands get a :class:`ScriptInfo` that loads this app."""
        if cli is None:
            cli = self.app.cli
        if "obj" not in kwargs:
            app = self.app
            kwargs["obj"] = ScriptInfo(create_app=lambda *ignored: app)
        return CliRunner.invoke(self, cli, args, **kwargs)
