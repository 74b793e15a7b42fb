# -*- coding: utf-8 -*-
"""
    flaskcompat.testing
    ~~~~~~~~~~~~~~~~~~~

    The test client, the environ builder and the CLI runner, the same on
    every supported Werkzeug release.
"""
import warnings
from contextlib import contextmanager

import werkzeug.datastructures
import werkzeug.test
from click.testing import CliRunner
from six.moves.urllib.parse import urlsplit
from werkzeug.test import Client

from . import _compat
from .cli import ScriptInfo
from .globals import _request_ctx_stack
from .json import dumps as json_dumps


class EnvironBuilder(werkzeug.test.EnvironBuilder):
    """An :class:`~werkzeug.test.EnvironBuilder`, that takes defaults from the
    application.

    :param app: The Flask application to configure the environment from.
    :param path: URL path being requested.
    :param base_url: Base URL where the app is being served, which
        ``path`` is relative to. If not given, built from
        :data:`PREFERRED_URL_SCHEME`, ``subdomain``,
        :data:`SERVER_NAME`, and :data:`APPLICATION_ROOT`.
    :param subdomain: Subdomain name to append to :data:`SERVER_NAME`.
    :param url_scheme: Scheme to use instead of
        :data:`PREFERRED_URL_SCHEME`.
    :param json: If given, this is serialized as JSON and passed as
        ``data``. Also defaults ``content_type`` to
        ``application/json``.
    :param args: other positional arguments passed to
        :class:`~werkzeug.test.EnvironBuilder`.
    :param kwargs: other keyword arguments passed to
        :class:`~werkzeug.test.EnvironBuilder`.
    """

    def __init__(
        self, app, path="/", base_url=None, subdomain=None, url_scheme=None, *args, **kwargs
    ):
        path = self._native_arguments(path, kwargs)
        assert not (base_url or subdomain or url_scheme) or (
            base_url is not None
        ) != bool(
            subdomain or url_scheme
        ), 'Cannot pass "subdomain" or "url_scheme" with "base_url".'

        if base_url is None:
            http_host = app.config.get("SERVER_NAME") or "localhost"
            app_root = app.config["APPLICATION_ROOT"]

            if subdomain:
                http_host = "{0}.{1}".format(subdomain, http_host)

            if url_scheme is None:
                url_scheme = app.config["PREFERRED_URL_SCHEME"]

            url = urlsplit(path)
            base_url = "{scheme}://{netloc}/{path}".format(
                scheme=url.scheme or url_scheme,
                netloc=url.netloc or http_host,
                path=app_root.lstrip("/"),
            )
            path = url.path

            if url.query:
                sep = b"?" if isinstance(url.query, bytes) else "?"
                path += sep + url.query

        self.app = app
        self._created_streams = []
        werkzeug.test.EnvironBuilder.__init__(self, path, base_url, *args, **kwargs)

    @staticmethod
    def _native_arguments(path, kwargs):
        """Test suites written for Python 2 pass native strings (bytes):
        a path is UTF-8; a query string, header names and values and a
        content type are the bytes on the wire."""
        if isinstance(path, bytes):
            path = path.decode("utf-8")
        for key in ("query_string", "content_type", "mimetype"):
            if isinstance(kwargs.get(key), bytes):
                kwargs[key] = _compat.to_native(kwargs[key], "latin-1")
        headers = kwargs.get("headers")
        if headers and not isinstance(headers, werkzeug.datastructures.Headers):
            items = headers.items() if isinstance(headers, dict) else headers
            kwargs["headers"] = [
                (
                    k.decode("latin-1") if isinstance(k, bytes) else k,
                    v.decode("latin-1") if isinstance(v, bytes) else v,
                )
                for k, v in items
            ]
        return path

    def get_environ(self):
        """Return the WSGI environ. Body streams the builder had to create
        (a large form is spooled to a temporary file) are remembered, so the
        test client can close them once its request is done."""
        environ = werkzeug.test.EnvironBuilder.get_environ(self)
        stream = environ.get("wsgi.input")
        if stream is not None and stream is not self.input_stream:
            self._created_streams.append(stream)
        return environ

    def close_created_streams(self):
        """Close the body streams :meth:`get_environ` created."""
        while self._created_streams:
            self._created_streams.pop().close()

    def json_dumps(self, obj, **kwargs):
        """Serialize ``obj`` to a JSON-formatted string.

        The serialization will be configured according to the config associated
        with this EnvironBuilder's ``app``.
        """
        kwargs.setdefault("app", self.app)
        return json_dumps(obj, **kwargs)


def make_test_environ_builder(*args, **kwargs):
    """Create a :class:`flaskcompat.testing.EnvironBuilder`.

    .. deprecated:: 1.1
        Will be removed in 2.0. Construct
        ``flaskcompat.testing.EnvironBuilder`` directly instead.
    """
    warnings.warn(
        DeprecationWarning(
            '"make_test_environ_builder()" is deprecated and will be'
            ' removed in 2.0. Construct "flaskcompat.testing.EnvironBuilder"'
            " directly instead."
        ),
        stacklevel=2,
    )
    return EnvironBuilder(*args, **kwargs)


class FlaskClient(Client):
    """Works like a regular Werkzeug test client but has some knowledge about
    how Flask works to defer the cleanup of the request context stack to the
    end of a ``with`` body when used in a ``with`` statement.  For general
    information about how to use this class refer to
    :class:`werkzeug.test.Client`.

    Basic usage is outlined in :doc:`/manual/testing`.
    """

    preserve_context = False

    def __init__(self, *args, **kwargs):
        super(FlaskClient, self).__init__(*args, **kwargs)
        self.environ_base = {
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_USER_AGENT": "werkzeug/flaskcompat-test-client",
        }

    def _update_cookies_from_response(self, server_name, path, headers):
        # Werkzeug >= 2.3 fails with a bare StopIteration on a Set-Cookie
        # whose name it cannot parse (``a b``); a browser ignores such a
        # cookie, and so does this client, keeping the others.
        headers = [h for h in headers if _compat.cookie_header_is_parsable(h)]
        return Client._update_cookies_from_response(self, server_name, path, headers)

    def _copy_environ(self, other):
        environ = dict(self.environ_base)
        environ.update(other or {})
        environ["flask._preserve_context"] = self.preserve_context
        return environ

    def set_cookie(self, *args, **kwargs):
        """Set a cookie in the client's jar. Both spellings work on every
        Werkzeug release: Flask 1.x's ``set_cookie(server_name, key, value)``
        and the newer ``set_cookie(key, value, domain='localhost')``.
        """
        if len(args) >= 3:
            server_name, key, value = args[:3]
            extra = args[3:]
            if extra:
                raise TypeError("set_cookie() takes at most 3 positional arguments")
            kwargs.setdefault("domain", server_name)
            return _compat.test_client_set_cookie(self, key, value, **kwargs)
        return _compat.test_client_set_cookie(self, *args, **kwargs)

    def delete_cookie(self, *args, **kwargs):
        """Delete a cookie from the client's jar: ``delete_cookie(server_name,
        key)`` (Flask 1.x) or ``delete_cookie(key, domain='localhost')``."""
        if len(args) >= 2:
            server_name, key = args[:2]
            kwargs.setdefault("domain", server_name)
            return _compat.test_client_delete_cookie(self, key, **kwargs)
        return _compat.test_client_delete_cookie(self, *args, **kwargs)

    @contextmanager
    def session_transaction(self, *args, **kwargs):
        """When used in combination with a ``with`` statement this opens a
        session transaction.  This can be used to modify the session that
        the test client uses.  Once the ``with`` block is left the session is
        stored back.

        ::

            with client.session_transaction() as session:
                session['value'] = 42

        Internally this is implemented by going through a temporary test
        request context and since session handling could depend on
        request variables this function accepts the same arguments as
        :meth:`~flaskcompat.Flask.test_request_context` which are directly
        passed through.
        """
        if not self.use_cookies_enabled:
            raise RuntimeError(
                "Session transactions only make sense with cookies enabled."
            )
        app = self.application
        ctx = app.test_request_context(*args, **kwargs)
        _compat.test_client_inject_cookies(self, ctx.request.environ)
        outer_reqctx = _request_ctx_stack.top
        with ctx as c:
            session_interface = app.session_interface
            sess = session_interface.open_session(app, c.request)
            if sess is None:
                raise RuntimeError(
                    "Session backend did not open a session. Check the configuration"
                )

            # Since we have to open a new request context for the session
            # handling we want to make sure that we hide out own context
            # from the caller.  By pushing the original request context
            # (or None) on top of this and popping it we get exactly that
            # behavior.  It's important to not use the push and pop
            # methods of the actual request context object since that would
            # mean that cleanup handlers are called
            _request_ctx_stack.push(outer_reqctx)
            try:
                yield sess
            finally:
                _request_ctx_stack.pop()

            resp = app.response_class()
            if not session_interface.is_null_session(sess):
                session_interface.save_session(app, sess, resp)
            headers = resp.get_wsgi_headers(c.request.environ)
            _compat.test_client_extract_cookies(self, c.request.environ, headers)

    @property
    def use_cookies_enabled(self):
        """Whether this client keeps cookies between requests."""
        return _compat.test_client_cookies_enabled(self)

    def open(self, *args, **kwargs):
        """Open a request to the application: the arguments of
        :class:`EnvironBuilder` (``path``, ``method``, ``data``, ``json``,
        ``query_string``, ``headers``...), or an :class:`EnvironBuilder` or a
        WSGI environ dict. ``follow_redirects=True`` follows redirects,
        ``buffered=True`` reads the whole body before returning,
        ``as_tuple=True`` returns ``(environ, response)``.
        """
        as_tuple = kwargs.pop("as_tuple", False)
        buffered = kwargs.pop("buffered", False)
        follow_redirects = kwargs.pop("follow_redirects", False)

        if (
            not kwargs
            and len(args) == 1
            and isinstance(args[0], (werkzeug.test.EnvironBuilder, dict))
        ):
            arg = args[0]
            if isinstance(arg, werkzeug.test.EnvironBuilder):
                environ = arg.get_environ()
            else:
                environ = arg
            builder = werkzeug.test.EnvironBuilder.from_environ(
                environ, environ_base=self._copy_environ({})
            )
        else:
            kwargs["environ_base"] = self._copy_environ(kwargs.get("environ_base"))
            builder = EnvironBuilder(self.application, *args, **kwargs)

        try:
            return _compat.test_client_open(
                self,
                builder,
                as_tuple=as_tuple,
                buffered=buffered,
                follow_redirects=follow_redirects,
            )
        finally:
            builder.close()
            if isinstance(builder, EnvironBuilder):
                builder.close_created_streams()

    def __enter__(self):
        if self.preserve_context:
            raise RuntimeError("Cannot nest client invocations")
        self.preserve_context = True
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self.preserve_context = False

        # Normally the request context is preserved until the next
        # request in the same thread comes in.  See RequestGlobals.push()
        # for more information.
        top = _request_ctx_stack.top
        if top is not None and top.preserved:
            top.pop()


class FlaskCliRunner(CliRunner):
    """A :class:`~click.testing.CliRunner` for testing a Flask app's
    CLI commands. Typically created using
    :meth:`~flaskcompat.Flask.test_cli_runner`. See :doc:`/manual/testing`.
    """

    def __init__(self, app, **kwargs):
        self.app = app
        super(FlaskCliRunner, self).__init__(**kwargs)

    def invoke(self, cli=None, args=None, **kwargs):
        """Invokes a CLI command in an isolated environment. See
        :meth:`CliRunner.invoke <click.testing.CliRunner.invoke>` for
        full method documentation. See :doc:`/manual/testing` for examples.

        If the ``obj`` argument is not given, passes an instance of
        :class:`~flaskcompat.cli.ScriptInfo` that knows how to load the Flask
        app being tested.

        :param cli: Command object to invoke. Default is the app's
            :attr:`~flaskcompat.app.Flask.cli` group.
        :param args: List of strings to invoke the command with.

        :return: a :class:`~click.testing.Result` object.
        """
        if cli is None:
            cli = self.app.cli

        if "obj" not in kwargs:
            kwargs["obj"] = ScriptInfo(create_app=lambda *a: self.app)

        return super(FlaskCliRunner, self).invoke(cli, args, **kwargs)
