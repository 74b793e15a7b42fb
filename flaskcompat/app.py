# -*- coding: utf-8 -*-
"""The application object.

What an app registers (routes, hooks, error handlers, template helpers) is
recorded by :class:`~flaskcompat.scaffold.Scaffold`, shared with blueprints.
This module adds configuration, the Jinja environment and the WSGI half:
a request comes in, is matched, dispatched to a view, the view's return value
becomes a response, and the hooks of the request's scopes run around it.

The request path pays only for what an app uses: an empty hook registry costs
one truth test, the chain of scopes of a blueprint name is computed once, the
session is opened only when touched and signals are sent only to listeners.
"""
import io
import os
import re
import sys
import weakref
from datetime import timedelta
from operator import itemgetter
from threading import Lock
from types import GeneratorType

from werkzeug.datastructures import Headers
from werkzeug.datastructures import ImmutableDict
from werkzeug.exceptions import BadRequest
from werkzeug.exceptions import BadRequestKeyError
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import InternalServerError
from werkzeug.routing import BuildError
from werkzeug.routing import Map
from werkzeug.routing import RequestRedirect
from werkzeug.routing import RoutingException
from werkzeug.routing import Rule

from . import _pages
from . import cli
from . import json
from ._compat import Aborter
from ._compat import abc_Iterator
from ._compat import asgiref_sync_wrapper
from ._compat import exc_info
from ._compat import FloatConverter
from ._compat import integer_types
from ._compat import is_coroutine_function
from ._compat import jinja_finalize
from ._compat import quote_bytes
from ._compat import reraise
from ._compat import string_types
from ._compat import text_type
from ._compat import to_text
from ._compat import WerkzeugResponseBase
from ._compat import url_quote
from ._compat import wsgi_bytes
from ._compat import wsgi_to_text
from .config import Config
from .config import ConfigAttribute
from .ctx import _AppCtxGlobals
from .ctx import _notify
from .ctx import AppContext
from .ctx import RequestContext
from .globals import _request_ctx_stack
from .globals import g
from .globals import request
from .globals import session
from .helpers import _endpoint_from_view_func
from .helpers import _redirect_response
from .helpers import _url_for
from .helpers import find_package
from .helpers import get_debug_flag
from .helpers import get_env
from .helpers import get_flashed_messages
from .helpers import get_load_dotenv
from .helpers import locked_cached_property
from .helpers import url_for
from .json import jsonify
from .json.provider import DefaultJSONProvider
from .logging import create_logger
from .scaffold import Scaffold
from .scaffold import setupmethod  # noqa: F401 (Flask 1.1's flask.app name)
from .scaffold import template_helper_adder
from .scaffold import template_helper_decorator
from . import sessions
from .signals import appcontext_tearing_down
from .signals import got_request_exception
from .signals import request_finished
from .signals import request_started
from .signals import request_tearing_down
from .templating import _default_template_ctx_processor
from .templating import DispatchingJinjaLoader
from .templating import Environment
from .wrappers import header_text
from .wrappers import make_body_response
from .wrappers import Request
from .wrappers import Response

#: Tells "no exception given" apart from ``None`` in teardown calls.
_sentinel = object()


# Scopes ---------------------------------------------------------------------

_SCOPE_CHAINS = {}

#: What _static_route answers for a request the matcher answers with a 404.
_NO_RULE = (None, None)

_COUNTING_MAPS = {}


def _counting_map_class(base):
    """``base`` (the app's ``url_map_class``) with a count of the rules
    added to it, which tells the request path when its tables of answers
    are out of date. Same name, one subclass per class."""
    try:
        return _COUNTING_MAPS[base]
    except KeyError:
        pass

    def add(self, rulefactory):
        base.add(self, rulefactory)
        self._added_rules += 1

    counting = type(
        base.__name__,
        (base,),
        {"add": add, "_added_rules": 0, "__module__": base.__module__, "__doc__": base.__doc__},
    )
    _COUNTING_MAPS[base] = counting
    return counting


def _builtin_converters_only(url_map):
    builtin = set(Map.default_converters.values())
    builtin.add(FloatConverter)
    return all(converter in builtin for converter in url_map.converters.values())



def _scope_chain(blueprint):
    """The scopes whose hooks apply to a request of ``blueprint``, the app
    first and then every blueprint from the outermost one in:
    ``"a.b"`` gives ``(None, "a", "a.b")``. Computed once per name."""
    try:
        return _SCOPE_CHAINS[blueprint]
    except KeyError:
        scopes = [None]
        if blueprint:
            parts = blueprint.split(".")
            scopes.extend(".".join(parts[: n + 1]) for n in range(len(parts)))
        _SCOPE_CHAINS[blueprint] = scopes = tuple(scopes)
        return scopes


def _forward(registry, blueprint):
    """Functions of ``registry`` for ``blueprint``: the app's first, each
    scope's in registration order."""
    for scope in _scope_chain(blueprint):
        for func in registry.get(scope) or ():
            yield func


def _backward(registry, scopes):
    """Functions of ``registry`` for ``scopes`` (in that order), each
    scope's newest first."""
    for scope in scopes:
        for func in reversed(registry.get(scope) or ()):
            yield func


# Return values of views -------------------------------------------------------


def _split_view_tuple(rv):
    """``(body, status, headers)`` from a view's tuple."""
    if len(rv) == 3:
        return rv
    if len(rv) == 2:
        body, extra = rv
        if isinstance(extra, (Headers, dict, tuple, list)):
            return body, None, extra
        return body, extra, None
    raise TypeError(
        "The view function did not return a valid response tuple. The tuple"
        " must have the form (body, status, headers), (body, status), or"
        " (body, headers); it had {0} items.".format(len(rv))
    )


def _view_status(status):
    """A view's status as an ``int`` or a whole status line (text). Digits
    alone are a code, so every Werkzeug release adds the reason phrase; bytes
    are latin-1 like the rest of the status line."""
    if isinstance(status, (bytes, bytearray)):
        status = to_text(status, "latin-1")
    if isinstance(status, text_type):
        status = status.strip()
        return int(status) if status.isdigit() else status
    if isinstance(status, integer_types) and not isinstance(status, bool):
        return status
    raise TypeError(
        "The view function returned a status of type {0}; it must be an"
        " int or a string such as '404 NOT FOUND'.".format(type(status).__name__)
    )


def _header_text(value):
    value = header_text(value)
    if isinstance(value, text_type) and ("\r" in value or "\n" in value):
        raise ValueError("Header names and values must not contain newlines.")
    return value


def _view_headers(headers):
    """A view's headers as a list of text pairs: bytes are the bytes on the
    wire and newlines are refused (header injection), on every Werkzeug
    release."""
    if not headers:
        return headers
    pairs = headers.items() if isinstance(headers, (dict, Headers)) else headers
    return [(_header_text(name), _header_text(value)) for name, value in pairs]


def _streamed(iterable):
    """A view's iterator as a body: bytearrays become bytes (Werkzeug 1.0
    passes them to the server, 2.0+ refuses them), and the iterator is closed
    with the response, which ``stream_with_context`` relies on."""
    try:
        for chunk in iterable:
            yield bytes(chunk) if isinstance(chunk, bytearray) else chunk
    finally:
        close = getattr(iterable, "close", None)
        if close is not None:
            close()


def _naming_the_view():
    top = _request_ctx_stack.peek()
    endpoint = top.request.endpoint if top is not None else None
    return "" if endpoint is None else " for '{0}'".format(to_text(endpoint))


def _not_a_response(rv):
    return (
        "The view function{0} did not return a valid response. The return type"
        " must be a string, dict, tuple, Response instance, or WSGI callable,"
        " but it was a {1}.".format(_naming_the_view(), type(rv).__name__)
    )


def _as_timedelta(value):
    # None is Flask 2.0's SEND_FILE_MAX_AGE_DEFAULT: no max-age at all.
    if isinstance(value, (timedelta, type(None))):
        return value
    return timedelta(0, value)


_config_key = ConfigAttribute

_APP_FUNCTION_LISTS = (
    "url_build_error_handlers",
    "before_first_request_funcs",
    "teardown_appcontext_funcs",
    "shell_context_processors",
)

_AUTOESCAPED_SUFFIXES = (".html", ".htm", ".xml", ".xhtml")

#: What a view may return as the body itself.
_BODY_TYPES = (text_type, bytes, bytearray)

#: Ports a Host header may carry that a URL leaves out.
_DEFAULT_PORTS = {"http": ":80", "https": ":443"}

# -- what a request line or Host header may hold ------------------------------
_COMMON_METHODS = frozenset(
    ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"]
)
# RFC 9110 token characters
_METHOD_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+\Z")
# a host name, IP literal and port: printable ASCII, or UTF-8 for an
# internationalized name that was not IDNA-encoded
_plain_host = re.compile(r"[\x21-\x7e]*\Z").match
_CONTROL_OR_SPACE = re.compile(u"[\x00-\x20\x7f]")
# Query bytes echoed as they are by a routing redirect; everything else is
# percent-encoded (raw bytes included, so nothing is decoded or replaced).
_REDIRECT_QUERY_SAFE = "!$&'()*+,-./:;=?@_~%[]"
# a static rule's path the table of static routes may hold: printable ASCII,
# one slash at a time
_plain_path = re.compile(r"/(?:[\x21-\x2e\x30-\x7e]+/)*[\x21-\x2e\x30-\x7e]*\Z").match
_plain_query = re.compile(r"[A-Za-z0-9!$&'()*+,\-./:;=?@_~%\[\]]*\Z").match
_NOT_URL_TEXT = re.compile(u'[^\x21-\x7e]|["<>\\\\^`{|}]')


def _refuse_malformed_method(method):
    if _METHOD_TOKEN.match(method) is None:
        raise BadRequest(u"The request method is not valid.")


def _host_text(host):
    """A Host header that is not plain ASCII as text (Werkzeug 1.0 cannot
    read its UTF-8 bytes); a 400 when it is not a host name at all."""
    if _CONTROL_OR_SPACE.search(host) is None:
        try:
            return wsgi_bytes(host).decode("utf-8")
        except UnicodeEncodeError:
            return host  # already text (a test client's international name)
        except UnicodeDecodeError:
            pass
    raise BadRequest(u"The Host header is not valid.")


def _quoted_query(query):
    return quote_bytes(wsgi_bytes(query), safe=_REDIRECT_QUERY_SAFE)


def _quote_unsafe(match):
    return url_quote(match.group(), safe="")


def _safe_location(url):
    """``url`` with whatever cannot stand in a header or a URL quoted."""
    if isinstance(url, bytes):
        url = url.decode("latin-1")
    return _NOT_URL_TEXT.sub(_quote_unsafe, url)


_DEFAULT_CONFIG = {
    "APPLICATION_ROOT": "/",
    "DEBUG": None,
    "ENV": None,
    "EXPLAIN_TEMPLATE_LOADING": False,
    "JSONIFY_MIMETYPE": "application/json",
    "JSONIFY_PRETTYPRINT_REGULAR": False,
    "JSON_AS_ASCII": True,
    "JSON_SORT_KEYS": True,
    "MAX_CONTENT_LENGTH": None,
    "MAX_COOKIE_SIZE": 4093,
    "MAX_FORM_MEMORY_SIZE": 500000,
    "MAX_FORM_PARTS": 1000,
    "PERMANENT_SESSION_LIFETIME": timedelta(31),
    "PREFERRED_URL_SCHEME": "http",
    "PRESERVE_CONTEXT_ON_EXCEPTION": None,
    "PROPAGATE_EXCEPTIONS": None,
    "SECRET_KEY": None,
    "SECRET_KEY_FALLBACKS": None,
    "SEND_FILE_MAX_AGE_DEFAULT": timedelta(0, 12 * 3600),
    "SERVER_NAME": None,
    "SESSION_COOKIE_DOMAIN": None,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_NAME": "session",
    "SESSION_COOKIE_PATH": None,
    "SESSION_COOKIE_SAMESITE": None,
    "SESSION_COOKIE_PARTITIONED": False,
    "SESSION_COOKIE_SECURE": False,
    "SESSION_REFRESH_EACH_REQUEST": True,
    "TEMPLATES_AUTO_RELOAD": None,
    "TESTING": False,
    "TRAP_BAD_REQUEST_ERRORS": None,
    "TRAP_HTTP_EXCEPTIONS": False,
    "TRUSTED_HOSTS": None,
    "USE_X_SENDFILE": False,
}



def _static_view(app):
    """The view of the app's static route: ``app.send_static_file``, found
    through a weak reference so that the app, which holds its views, is not
    kept alive by one of them (Flask 3.1 frees an unused app at once)."""
    app_ref = weakref.ref(app)

    def send_static_file(**values):
        return app_ref().send_static_file(**values)

    return send_static_file


class Flask(Scaffold):
    """A WSGI application: the registry of views, hooks, handlers and
    configuration for the package or module ``import_name``."""

    request_class = Request
    response_class = Response
    #: The Jinja environment class (a Jinja ``Environment`` that knows the app).
    jinja_environment = Environment
    #: The class of :data:`~flaskcompat.g`.
    app_ctx_globals_class = _AppCtxGlobals
    config_class = Config

    # Attributes that read and write a config key.
    env, testing = _config_key("ENV"), _config_key("TESTING")
    secret_key, use_x_sendfile = _config_key("SECRET_KEY"), _config_key("USE_X_SENDFILE")
    session_cookie_name = _config_key("SESSION_COOKIE_NAME")
    permanent_session_lifetime = _config_key(
        "PERMANENT_SESSION_LIFETIME", get_converter=_as_timedelta
    )
    send_file_max_age_default = _config_key(
        "SEND_FILE_MAX_AGE_DEFAULT", get_converter=_as_timedelta
    )

    json_encoder = json.JSONEncoder
    json_decoder = json.JSONDecoder
    #: The class of :attr:`json`, made for each app (Flask 2.2's interface).
    json_provider_class = DefaultJSONProvider

    #: Extra keyword arguments for the Jinja environment.
    jinja_options = ImmutableDict()

    #: Configuration every app starts from (Flask 1.1's keys and values).
    default_config = ImmutableDict(_DEFAULT_CONFIG)

    url_rule_class, url_map_class = Rule, Map
    #: ``None`` means :class:`flaskcompat.testing.FlaskClient` and
    #: :class:`flaskcompat.testing.FlaskCliRunner`.
    test_client_class = test_cli_runner_class = None
    #: What :meth:`make_aborter` instantiates (Flask 2.2).
    aborter_class = Aborter
    #: Opens and saves sessions; shared by every app unless replaced.
    session_interface = sessions.SecureCookieSessionInterface()

    def __init__(
        self, import_name, static_url_path=None, static_folder="static",
        static_host=None, host_matching=False, subdomain_matching=False,
        template_folder="templates", instance_path=None,
        instance_relative_config=False, root_path=None,
    ):
        Scaffold.__init__(
            self, import_name, static_folder, static_url_path, template_folder, root_path
        )
        if instance_path is not None and not os.path.isabs(instance_path):
            raise ValueError(
                "The instance path must be absolute; a relative path was given."
            )
        self.instance_path = instance_path or self.auto_find_instance_path()
        self.config = self.make_config(instance_relative=instance_relative_config)
        #: JSON for this app: ``app.json.dumps``, ``loads``, ``response``
        #: (what ``jsonify`` calls). Flask 1.1's encoder classes and JSON
        #: settings stay in force through it.
        self.json = self.json_provider_class(self)
        #: Raises the HTTP exception for a status code; what
        #: :func:`~flaskcompat.abort` calls inside this app's context.
        make_aborter = self.make_aborter
        self.aborter = make_aborter()
        # views, hooks and error handlers as ensure_sync made them, by function
        self._sync_callables = {}

        self.template_context_processors[None] = [_default_template_ctx_processor]

        # App-wide functions, in registration order; url_build_error_handlers
        # are called as ``handler(error, endpoint, values)`` when ``url_for``
        # cannot build a URL, and a value other than ``None`` is the URL.
        for attribute in _APP_FUNCTION_LISTS:
            setattr(self, attribute, [])
        #: Registered blueprints by registration name (a blueprint registered
        #: under two names appears twice), and each blueprint once, in order.
        self.blueprints, self._blueprint_order = {}, []
        #: Per-extension state, by the extension's name.
        self.extensions = {}

        url_map = self.url_map = _counting_map_class(self.url_map_class)()
        url_map.converters["float"] = FloatConverter
        # Query arguments of built URLs in one order on every interpreter
        # (Python 2 dicts have none of their own).
        url_map.sort_parameters, url_map.sort_key = True, itemgetter(0)
        url_map.host_matching, self.subdomain_matching = (
            host_matching,
            subdomain_matching,
        )
        self._got_first_request, self._before_request_lock = False, Lock()
        # What the request path knows before the URL matcher (see
        # _static_route); rebuilt when a rule is added.
        self._static_routes, self._good_hosts = None, set()
        self._add_static_route(static_host, host_matching)
        command_group = self.cli
        command_group.name = self.name

    def _add_static_route(self, static_host, host_matching):
        folder = self.static_folder
        if folder is None:
            return
        # with host matching, every rule needs a host, the static one too
        assert host_matching == bool(static_host), (
            "Invalid static_host/host_matching combination: static_host"
            " is required with host_matching=True and refused without it."
        )
        static_rule = "%s/<path:filename>" % self.static_url_path
        self.add_url_rule(static_rule, "static", _static_view(self), host=static_host)

    def __repr__(self):
        return "<%s %r>" % (type(self).__name__, self.name)

    # Scaffold's two questions ------------------------------------------------

    def _check_setup_finished(self, method_name):
        if self._got_first_request and self.debug:
            raise AssertionError(
                "A setup function was called after the first request was"
                " handled (%s). Import every module that registers views,"
                " hooks or handlers before the app serves requests; in debug"
                " mode a late registration is refused because it would be"
                " missing from the requests already served." % method_name
            )

    def _on_app(self, action):
        action(self)

    # Properties and configuration ------------------------------------------------

    @locked_cached_property
    def name(self):
        """The import name, or for ``__main__`` the running script's name."""
        if self.import_name != "__main__":
            return self.import_name
        script = getattr(sys.modules["__main__"], "__file__", None)
        if script is None:
            return "__main__"
        return os.path.splitext(os.path.basename(script))[0]

    @property
    def propagate_exceptions(self):
        """``PROPAGATE_EXCEPTIONS``, or when unset, testing or debug mode."""
        configured = self.config["PROPAGATE_EXCEPTIONS"]
        return (self.testing or self.debug) if configured is None else configured

    @property
    def preserve_context_on_exception(self):
        """``PRESERVE_CONTEXT_ON_EXCEPTION``, or when unset, debug mode."""
        configured = self.config["PRESERVE_CONTEXT_ON_EXCEPTION"]
        return self.debug if configured is None else configured

    @locked_cached_property
    def logger(self):
        """The ``logging`` logger named after the app."""
        return create_logger(app=self)

    @locked_cached_property
    def jinja_env(self):
        """The Jinja environment, created on first use."""
        return self.create_jinja_environment()

    @property
    def got_first_request(self):
        return bool(self._got_first_request)

    def make_config(self, instance_relative=False):
        """The app's :class:`Config`, filled from :attr:`default_config` and
        the ``FLASK_ENV``/``FLASK_DEBUG`` environment variables."""
        values = dict(self.default_config, ENV=get_env(), DEBUG=get_debug_flag())
        base = self.instance_path if instance_relative else self.root_path
        return self.config_class(base, values)

    def auto_find_instance_path(self):
        """``instance`` next to the package, or ``<prefix>/var/<name>-instance``
        for an installed one."""
        prefix, package_dir = find_package(self.import_name)
        if prefix is not None:
            return os.path.join(prefix, "var", "%s-instance" % self.name)
        return os.path.join(package_dir, "instance")

    def open_instance_resource(self, resource, mode="rb", encoding="utf-8"):
        """Open ``resource`` relative to :attr:`instance_path`, in any mode
        (text in ``encoding``)."""
        full_path = os.path.join(self.instance_path, resource)
        if "b" in mode:
            return open(full_path, mode)
        return io.open(full_path, mode, encoding=encoding)

    @property
    def debug(self):
        """The ``DEBUG`` config key; setting it also updates template
        auto-reloading."""
        return self.config.get("DEBUG")

    @debug.setter
    def debug(self, value):
        self.config.update(DEBUG=value)
        environment = self.jinja_env
        environment.auto_reload = self.templates_auto_reload

    @property
    def templates_auto_reload(self):
        """``TEMPLATES_AUTO_RELOAD``, or when unset, debug mode."""
        configured = self.config["TEMPLATES_AUTO_RELOAD"]
        return self.debug if configured is None else configured

    @templates_auto_reload.setter
    def templates_auto_reload(self, value):
        self.config.update(TEMPLATES_AUTO_RELOAD=value)

    # Templates --------------------------------------------------------------------

    def create_jinja_environment(self):
        """Build :attr:`jinja_env` from :attr:`jinja_options` and the app's
        template globals."""
        options = {
            "autoescape": self.select_jinja_autoescape,
            "auto_reload": self.templates_auto_reload,
            "finalize": jinja_finalize,
        }
        options.update(self.jinja_options)
        env = self.jinja_environment(self, **options)
        env.globals.update(
            {
                "config": self.config,
                "g": g,
                "get_flashed_messages": get_flashed_messages,
                "request": request,
                "session": session,
                "url_for": url_for,
            }
        )
        env.filters.update(tojson=json.tojson_filter)
        env.policies.update({"json.dumps_function": json.dumps})
        return env

    def create_global_jinja_loader(self):
        """The loader that searches the app's templates, then blueprints'."""
        loader_class = DispatchingJinjaLoader
        return loader_class(self)

    def select_jinja_autoescape(self, filename):
        """Autoescape templates from strings and HTML/XML files."""
        return filename is None or filename.endswith(_AUTOESCAPED_SUFFIXES)

    def update_template_context(self, context):
        """Add the context processors' values to ``context``; values the
        caller passed win."""
        top = _request_ctx_stack.peek()
        blueprint = top.request.blueprint if top is not None else None
        given = dict(context)
        for processor in _forward(self.template_context_processors, blueprint):
            context.update(processor())
        context.update(given)

    add_template_filter = template_helper_adder("filters", "add_template_filter")
    add_template_test = template_helper_adder("tests", "add_template_test")
    add_template_global = template_helper_adder("globals", "add_template_global")
    template_filter = template_helper_decorator(
        "add_template_filter", "template_filter"
    )
    template_test = template_helper_decorator("add_template_test", "template_test")
    template_global = template_helper_decorator(
        "add_template_global", "template_global"
    )

    # Shell, server, test helpers ------------------------------------------------

    def make_shell_context(self):
        """Names for ``flask shell``: ``app``, ``g`` and the processors'."""
        names = {"app": self, "g": g}
        for more_names in self.shell_context_processors:
            names.update(more_names())
        return names

    def run(self, host=None, port=None, debug=None, load_dotenv=True, **options):
        """Serve the app with Werkzeug's development server."""
        environ = os.environ
        if environ.get("FLASK_RUN_FROM_CLI", "") == "true":
            # ``flask run`` serves the app itself; a module-level app.run()
            # must not start a second server.
            from . import debughelpers

            debughelpers.explain_ignored_app_run()
            return
        read_dotenv = get_load_dotenv(load_dotenv)
        if read_dotenv:
            cli.load_dotenv()
            if "FLASK_ENV" in environ:
                self.env = get_env()
            if "FLASK_ENV" in environ or "FLASK_DEBUG" in environ:
                self.debug = bool(get_debug_flag())
        if debug is not None:
            self.debug = bool(debug)

        configured_host, _, configured_port = (
            self.config.get("SERVER_NAME") or ""
        ).partition(":")
        host = host or configured_host or "127.0.0.1"
        if port is None:
            port = configured_port or 5000
        port = int(port)
        defaults = (
            ("use_reloader", self.debug),
            ("use_debugger", self.debug),
            ("threaded", True),
        )
        for option, value in defaults:
            options.setdefault(option, value)

        address = cli.server_address(host, port, options.get("ssl_context"))
        # the app is loaded already: nothing is lazy here
        cli.show_server_banner(self.env, self.debug, self.name, True, address=address)
        from werkzeug import serving

        try:
            serving.run_simple(host, port, self, **options)
        finally:
            # a reloaded or restarted server starts its setup afresh
            self._got_first_request = False

    def test_client(self, use_cookies=True, **kwargs):
        """A client that calls the app without a server."""
        client_class = self.test_client_class
        if client_class is None:
            from .testing import FlaskClient as client_class
        return client_class(self, self.response_class, use_cookies=use_cookies, **kwargs)

    def test_cli_runner(self, **kwargs):
        """A runner for the app's CLI commands."""
        runner_class = self.test_cli_runner_class
        if runner_class is None:
            from .testing import FlaskCliRunner as runner_class
        return runner_class(self, **kwargs)

    def ensure_sync(self, func):
        """``func``, made callable from synchronous code if it is a
        coroutine function."""
        coroutine = is_coroutine_function is not None and is_coroutine_function(func)
        return self.async_to_sync(func) if coroutine else func

    def _sync(self, func):
        """:meth:`ensure_sync` of a view, hook or handler, worked out once
        per function: a plain function costs a dictionary lookup."""
        cache = self._sync_callables
        try:
            made = cache.get(func)
        except TypeError:  # an unhashable callable
            return self.ensure_sync(func)
        if made is None:
            made = cache[func] = self.ensure_sync(func)
        return made

    def async_to_sync(self, func):
        """Wrap a coroutine function with asgiref so it runs to completion."""
        if asgiref_sync_wrapper is None:
            raise RuntimeError(
                "Async views need asgiref ('pip install asgiref'; Python 3"
                " only)."
            )
        return asgiref_sync_wrapper(func)

    # Sessions (Flask 1.1 delegates; the session interface does the work) -----------

    def open_session(self, request):
        interface = self.session_interface
        return interface.open_session(self, request)

    def save_session(self, session, response):
        interface = self.session_interface
        return interface.save_session(self, session, response)

    def make_null_session(self):
        interface = self.session_interface
        return interface.make_null_session(self)


    # Registration ---------------------------------------------------------------------

    @setupmethod
    def register_blueprint(self, blueprint, **options):
        """Register ``blueprint``; ``name=`` registers it under another name
        (Flask 2.0), the other options override the blueprint's own."""
        own_name = options.get("name") or blueprint.name
        prefix = options.get("name_prefix")
        name = "%s.%s" % (prefix, own_name) if prefix else own_name
        known = self.blueprints.get(name)
        if known is not None and known is not blueprint:
            raise AssertionError(
                "A name collision occurred between blueprints %r and %r: both"
                " are named %r. Give a blueprint created on the fly a unique"
                " name, or register it with name=..." % (blueprint, known, name)
            )
        if known is None:
            self.blueprints[name] = blueprint
            if blueprint not in self._blueprint_order:
                self._blueprint_order += [blueprint]
        # the third argument: whether this name is new (record_once runs)
        blueprint.register(self, options, known is None)

    def iter_blueprints(self):
        """Registered blueprints, each once, in registration order."""
        return iter(tuple(self._blueprint_order))

    @setupmethod
    def add_url_rule(
        self, rule, endpoint=None, view_func=None, provide_automatic_options=None,
        **options
    ):
        """Serve ``rule`` with ``view_func`` under ``endpoint`` (by default
        the function's name). The remaining options go to the URL rule."""
        endpoint = _endpoint_from_view_func(view_func) if endpoint is None else endpoint
        options.update(endpoint=endpoint)

        listed = options.pop("methods", None)
        if listed is None:
            listed = getattr(view_func, "methods", None) or ["GET"]
        if isinstance(listed, string_types):
            raise TypeError(
                "Allowed methods have to be iterables of strings, for example:"
                ' @app.route(..., methods=["POST"]), not %r.' % (listed,)
            )
        methods = set(name.upper() for name in listed)

        automatic = provide_automatic_options
        if automatic is None:
            automatic = getattr(view_func, "provide_automatic_options", None)
        if automatic is None:
            # answer OPTIONS ourselves unless the view lists it
            automatic = "OPTIONS" not in methods
            if automatic:
                methods.add("OPTIONS")
        methods.update(getattr(view_func, "required_methods", ()))

        url_rule = self.url_rule_class(rule, methods=methods, **options)
        url_rule.provide_automatic_options = automatic
        self.url_map.add(url_rule)

        self._set_view(endpoint, view_func)

    def _set_view(self, endpoint, view_func):
        if view_func is None:
            return
        views = self.view_functions
        registered = views.get(endpoint)
        if registered is not None and registered != view_func:
            raise AssertionError(
                "View function mapping is overwriting an existing endpoint"
                " function: %s" % endpoint
            )
        views[endpoint] = view_func

    def _add_app_function(self, attribute, f):
        getattr(self, attribute).append(f)
        return f

    @setupmethod
    def before_first_request(self, f):
        """Run ``f()`` once, before the app's first request."""
        return self._add_app_function("before_first_request_funcs", f)

    @setupmethod
    def teardown_appcontext(self, f):
        """Run ``f(error_or_None)`` whenever an app context is popped."""
        return self._add_app_function("teardown_appcontext_funcs", f)

    @setupmethod
    def shell_context_processor(self, f):
        """``f()`` returns a dict of names for ``flask shell``."""
        return self._add_app_function("shell_context_processors", f)


    # Errors -------------------------------------------------------------------------------

    def _find_error_handler(self, e):
        """The handler for ``e`` in the request's scopes, innermost scope
        first: handlers for its HTTP code anywhere beat handlers for its
        class; within a map, the nearest class in the MRO wins."""
        spec = self.error_handler_spec
        if not spec:
            return None
        # _get_exc_class_and_code, for a class known to be an exception's
        error_class = e.__class__
        code = error_class.code if issubclass(error_class, HTTPException) else None
        top = _request_ctx_stack.peek()
        blueprint = top.request.blueprint if top is not None else None
        scopes = _scope_chain(blueprint)[::-1]
        for key in (code, None) if code is not None else (None,):
            for scope in scopes:
                by_class = spec.get(scope, {}).get(key)
                if by_class:
                    for base in error_class.__mro__:
                        if base in by_class:
                            return by_class[base]
        return None

    def handle_http_exception(self, e):
        """The registered handler's response for an HTTP error, or the
        error itself (routing redirects and code-less errors are never
        handled)."""
        if e.code is None or isinstance(e, RoutingException):
            return e
        found = self._find_error_handler(e)
        return e if found is None else self._sync(found)(e)

    def trap_http_exception(self, e):
        """Whether an HTTP error is raised instead of handled:
        ``TRAP_HTTP_EXCEPTIONS``, or ``TRAP_BAD_REQUEST_ERRORS`` for bad
        requests (unset: key errors in debug mode)."""
        config = self.config
        if config["TRAP_HTTP_EXCEPTIONS"]:
            return True
        trap_bad = config["TRAP_BAD_REQUEST_ERRORS"]
        if trap_bad is None:
            return isinstance(e, BadRequestKeyError) and bool(self.debug)
        return bool(trap_bad) and isinstance(e, BadRequest)

    def handle_user_exception(self, e):
        """Handle an exception raised while dispatching; re-raise it when
        no handler exists."""
        current = exc_info()
        assert current[1] is e
        # say which key was missing when the developer wants to know
        missing_key = isinstance(e, BadRequestKeyError)
        if missing_key and (self.debug or self.config["TRAP_BAD_REQUEST_ERRORS"]):
            e.show_exception = True
        http_error = isinstance(e, HTTPException)
        if http_error and not self.trap_http_exception(e):
            return self.handle_http_exception(e)
        found = self._find_error_handler(e)
        if found is None:
            reraise(*current)
        return self._sync(found)(e)

    def handle_exception(self, e):
        """An unhandled exception: re-raised when exceptions propagate,
        otherwise logged and answered with a 500 (through its handler, if
        one exists)."""
        current = exc_info()
        _notify(got_request_exception, self, exception=e)
        propagate = self.propagate_exceptions
        if propagate:
            if current[1] is e:
                reraise(*current)
            raise e
        self.log_exception(current)
        # Werkzeug 1.0+ keeps the cause on the 500 for its handler
        internal = InternalServerError(original_exception=e)
        found = self._find_error_handler(internal)
        rv = internal if found is None else self._sync(found)(internal)
        return self.finalize_request(rv, from_error_handler=True)

    def log_exception(self, exc_info):
        """Log an unhandled exception at ERROR level."""
        message = "Exception on %s [%s]" % (request.path, request.method)
        self.logger.error(message, exc_info=exc_info)

    def raise_routing_exception(self, request):
        """Raise the request's routing error; in debug mode a redirect that
        would lose a form body is reported instead."""
        error = request.routing_exception
        if (
            isinstance(error, RequestRedirect)
            and self.debug
            and request.method not in ("GET", "HEAD", "OPTIONS")
        ):
            from . import debughelpers

            raise debughelpers.FormDataRoutingRedirect(request)
        if isinstance(error, RequestRedirect):
            error.new_url = _safe_location(error.new_url)
        raise error

    def should_ignore_error(self, error):
        """Whether teardown should see ``error`` as ``None``."""
        return False

    # The request path -------------------------------------------------------------------

    def try_trigger_before_first_request_functions(self):
        """Run the before-first-request functions, once per app."""
        if self.got_first_request:
            return
        lock = self._before_request_lock
        with lock:
            # another thread may have run them while this one waited
            if not self.got_first_request:
                for setup in self.before_first_request_funcs:
                    setup()
                self._got_first_request = True


    def preprocess_request(self):
        """Run the URL value preprocessors and before-request hooks of the
        request's scopes; the first hook that returns a value ends the
        request with it."""
        preprocessors = self.url_value_preprocessors
        before = self.before_request_funcs
        if not preprocessors and not before:
            return None
        req = _request_ctx_stack.peek().request
        if preprocessors:
            for func in _forward(preprocessors, req.blueprint):
                func(req.endpoint, req.view_args)
        for func in _forward(before, req.blueprint):
            rv = self._sync(func)()
            if rv is not None:
                return rv
        return None

    def dispatch_request(self):
        """Call the matched view (or answer an automatic OPTIONS request)."""
        current = _request_ctx_stack.peek().request
        if current.routing_exception is not None:
            self.raise_routing_exception(current)
        rule = current.url_rule
        if current.method == "OPTIONS":
            if getattr(rule, "provide_automatic_options", False):
                return self.make_default_options_response()
        view = self.view_functions[rule.endpoint]
        try:
            runner = self._sync_callables[view]
        except (KeyError, TypeError):  # first call, or an unhashable view
            runner = self._sync(view)
        return runner(**current.view_args)

    def full_dispatch_request(self):
        """Dispatch with hooks, error handling and response processing."""
        if self._got_first_request is False:
            self.try_trigger_before_first_request_functions()
        try:
            if request_started.receivers:
                request_started.send(self)
            result = self.preprocess_request()
            if result is None:
                result = self.dispatch_request()
        except Exception as raised:
            result = self.handle_user_exception(raised)
        return self.finalize_request(result)

    def finalize_request(self, rv, from_error_handler=False):
        """Turn ``rv`` into the processed response. An error in processing
        the response for an error handler is logged, not raised."""
        processed = self.make_response(rv)
        try:
            processed = self.process_response(processed)
            if request_finished.receivers:
                request_finished.send(self, response=processed)
        except Exception:
            if from_error_handler:
                # the error response is sent all the same
                self.logger.exception(
                    "Request finalizing failed with an error while handling"
                    " an error"
                )
            else:
                raise
        return processed

    def make_default_options_response(self):
        """The response to an automatic OPTIONS request: its ``Allow``
        header lists the URL's methods."""
        adapter = _request_ctx_stack.peek().url_adapter
        response = self.response_class()
        response.allow.update(adapter.allowed_methods())
        return response

    def make_response(self, rv):
        """Turn a view's return value into a :attr:`response_class`.

        Accepted: a response object, text or bytes (the body), a dict
        (JSON), a generator or iterator (a streamed body), any WSGI callable,
        or a tuple ``(body, status, headers)``, ``(body, status)`` or
        ``(body, headers)`` of those.
        """
        status = headers = None
        if isinstance(rv, tuple):  # tuple subclasses too, as in Flask 1.1
            rv, status, headers = _split_view_tuple(rv)
        if status is not None:
            status = _view_status(status)
        if rv is None:
            raise TypeError(
                "The view function{0} did not return a valid response: it"
                " returned None or ended without a return statement.".format(
                    _naming_the_view()
                )
            )
        response_class = self.response_class
        if not isinstance(rv, response_class):
            if isinstance(rv, _BODY_TYPES):
                if headers:
                    rv = response_class(rv, status, _view_headers(headers))
                else:
                    rv = make_body_response(
                        response_class, rv, status, response_class.default_mimetype
                    )
                return rv
            if isinstance(rv, dict):
                rv = jsonify(rv)
            elif isinstance(rv, HTTPException):
                rv = _pages.error_response(rv, request.environ, response_class)
            elif isinstance(rv, (GeneratorType, abc_Iterator)):
                return response_class(_streamed(rv), status, _view_headers(headers))
            elif isinstance(rv, WerkzeugResponseBase) or callable(rv):
                try:
                    rv = response_class.force_type(rv, request.environ)
                except TypeError as error:
                    reraise(
                        TypeError,
                        TypeError("%s\n%s" % (error, _not_a_response(rv))),
                        exc_info()[2],
                    )
            else:
                raise TypeError(_not_a_response(rv))
        if status is not None:
            if isinstance(status, text_type):
                rv.status = status
            else:
                rv.status_code = status
        if headers:
            rv.headers.extend(_view_headers(headers))
        return rv

    def process_response(self, response):
        """Run the after-request functions (this request's own, then the
        innermost scope's to the app's, newest first) and save the session
        if the request opened it."""
        top = _request_ctx_stack.peek()
        for callback in top._after_request_functions:
            response = callback(response)
        registry = self.after_request_funcs
        if registry:
            scopes = _scope_chain(top.request.blueprint)[::-1]
            for callback in _backward(registry, scopes):
                response = self._sync(callback)(response)
        if top._session is not None or (  # the session was opened
            "HTTP_COOKIE" in top.request.environ and self._session_needs_refresh(top.request)
        ):
            interface = self.session_interface
            session = top.session
            if not interface.is_null_session(session):
                interface.save_session(self, session, response)
        return response

    def _session_needs_refresh(self, request):
        # The session opens on first use, but a permanent session's cookie
        # is renewed on every request (SESSION_REFRESH_EACH_REQUEST), used
        # or not: open it now when the request brought one.
        if not self.config["SESSION_REFRESH_EACH_REQUEST"]:
            return False
        return self.session_interface.get_cookie_name(self) in request.cookies

    def do_teardown_request(self, exc=_sentinel):
        """Run the teardown functions of the request's scopes (the app's,
        then the blueprint's from the innermost, newest first)."""
        if exc is _sentinel:
            exc = exc_info()[1]
        registry = self.teardown_request_funcs
        if registry:
            scopes = _scope_chain(_request_ctx_stack.peek().request.blueprint)
            scopes = scopes[:1] + scopes[:0:-1]
            for func in _backward(registry, scopes):
                self._sync(func)(exc)
        if request_tearing_down.receivers:
            request_tearing_down.send(self, exc=exc)

    def do_teardown_appcontext(self, exc=_sentinel):
        """Run the app context teardown functions, newest first (a
        coroutine function through :meth:`ensure_sync`, as Flask 2.0 does:
        Flask-SQLAlchemy-Lite closes its async sessions this way)."""
        if exc is _sentinel:
            exc = exc_info()[1]
        funcs = self.teardown_appcontext_funcs
        if funcs:
            for func in funcs[::-1]:
                self._sync(func)(exc)
        if appcontext_tearing_down.receivers:
            appcontext_tearing_down.send(self, exc=exc)

    # URLs -----------------------------------------------------------------------------------

    def create_url_adapter(self, request):
        """A URL adapter bound to ``request``, or without one to
        ``SERVER_NAME`` (``None`` when that is unset)."""
        config, url_map = self.config, self.url_map
        server_name = config["SERVER_NAME"]
        if request is None:
            if server_name is None:
                return None
            root, scheme = config["APPLICATION_ROOT"], config["PREFERRED_URL_SCHEME"]
            return url_map.bind(server_name, script_name=root, url_scheme=scheme)
        trusted = config["TRUSTED_HOSTS"]
        if trusted:
            # Werkzeug checks the host when it is read and raises its
            # SecurityError (a 400) for one not on the list (Flask 3.1).
            request.trusted_hosts = trusted
            request.host
        environ = request.environ
        method = environ.get("REQUEST_METHOD", "GET")
        if method not in _COMMON_METHODS:
            _refuse_malformed_method(method)
        sent_host = environ.get("HTTP_HOST")
        if sent_host and _plain_host(sent_host) is None:
            environ = dict(environ, HTTP_HOST=_host_text(sent_host))
        if (
            server_name is None
            and not self.subdomain_matching
            and not url_map.host_matching
            and "HTTP_HOST" in environ
            and "HTTP_UPGRADE" not in environ
        ):
            return self._bind_to_host(environ)
        # Without subdomain matching, every request is for the default
        # subdomain, whatever its host says.
        subdomain = (
            None if self.subdomain_matching else (url_map.default_subdomain or None)
        )
        query = environ.get("QUERY_STRING")
        if query and _plain_query(query) is None:
            # Werkzeug echoes the query into its redirects as it is.
            environ = dict(environ, QUERY_STRING=str(_quoted_query(query)))
        return url_map.bind_to_environ(
            environ, server_name=server_name, subdomain=subdomain
        )

    def _static_route(self, environ):
        """What the URL matcher would say about the request, when the app
        knows it without the matcher: ``(rule, view_args)`` for a static
        rule, found by one dict lookup, or for a path and method the matcher
        answered recently (one of the last 512), or ``(None, None)`` for one
        it answered with a plain 404. ``None`` sends the request the usual
        way (binding and matching through Werkzeug).

        The table of static rules holds only what Werkzeug itself answered
        when it was built; answers are remembered only when the map has no
        converter of the app's own (whose answers could change) and never
        for a redirect or a 405; both are dropped when a rule is added to
        the map, and only hosts Werkzeug has already bound are trusted: a
        hit gives what the matcher would."""
        routes = self._static_routes
        url_map = self.url_map
        if (
            routes is None
            or routes[0] is not url_map
            or routes[1] != getattr(url_map, "_added_rules", None)
        ):  # not current: see _routes_current
            routes = self._static_routes = self._static_route_table()
        wanted = environ.get("PATH_INFO")
        found = routes[2].get(wanted)
        method = environ.get("REQUEST_METHOD", "GET")
        if found is None:
            remembered = routes[3]
            if remembered is None:
                return None
            hit = remembered.get((wanted, method))
            if hit is None:
                return None
        else:
            hit = found.get(method)
            if hit is None:
                return None
        # _plain_binding, spelled out: this runs on every request
        config = self.config
        if (
            environ.get("HTTP_HOST") in self._good_hosts
            and "HTTP_UPGRADE" not in environ
            and config["SERVER_NAME"] is None
            and not config["TRUSTED_HOSTS"]
            and not self.subdomain_matching
            and not url_map.host_matching
        ):
            return hit
        return None

    def _routes_current(self, routes):
        # Whether the tables of _static_route_table still describe the
        # app's map: the same map, with no rule added since.
        url_map = self.url_map
        return (
            routes is not None
            and routes[0] is url_map
            and routes[1] == getattr(url_map, "_added_rules", None)
        )

    def _plain_binding(self, environ):
        # Whether binding the request's URL adapter depends on nothing but
        # its path and method: a host Werkzeug accepted before, no server
        # name, host or subdomain matching, no trusted hosts, no upgrade.
        config = self.config
        return (
            environ.get("HTTP_HOST") in self._good_hosts
            and "HTTP_UPGRADE" not in environ
            and config["SERVER_NAME"] is None
            and not config["TRUSTED_HOSTS"]
            and not self.subdomain_matching
            and not self.url_map.host_matching
        )

    def _note_match(self, environ, rule, view_args):
        """Remember what the matcher answered for the request's path and
        method: ``rule`` and a copy of ``view_args``, or ``None`` for a
        plain 404 (see :meth:`_static_route`)."""
        routes = self._static_routes
        if not self._routes_current(routes) or routes[3] is None:
            return
        path, method = environ.get("PATH_INFO"), environ.get("REQUEST_METHOD")
        if (
            type(path) is not str
            or _plain_path(path) is None
            or method not in _COMMON_METHODS
            or not self._plain_binding(environ)
        ):
            return
        remembered = routes[3]
        if len(remembered) >= 512:
            remembered.clear()
        if rule is None:
            remembered[path, method] = _NO_RULE
        else:
            remembered[path, method] = (rule, dict(view_args))

    def _static_route_table(self):
        """``(url map, rules added, {path: {method: (rule, view_args)}},
        {(path, method): remembered answer} or None)``"""
        url_map = self.url_map
        added = getattr(url_map, "_added_rules", None)
        table = {}
        remembered = {} if _builtin_converters_only(url_map) else None
        own_adapter = "create_url_adapter" in vars(self) or any(
            "create_url_adapter" in vars(owner)
            for owner in type(self).__mro__[: type(self).__mro__.index(Flask)]
        )
        if (
            added is None
            or own_adapter
            or url_map.host_matching
            or url_map.default_subdomain
        ):
            return url_map, added, table, None
        adapter = url_map.bind("localhost")
        for rule in url_map.iter_rules():
            path = rule.rule
            if (
                rule.arguments
                or rule.build_only
                or rule.redirect_to is not None
                or rule.subdomain
                or getattr(rule, "websocket", False)
                or _plain_path(path) is None
            ):
                continue
            answers = {}
            for method in rule.methods or _COMMON_METHODS:
                try:
                    matched, args = adapter.match(path, method, return_rule=True)
                except (HTTPException, RoutingException):
                    continue  # a redirect, a 405: left to the matcher
                except Exception:
                    # A rule class of the app's own that fails when matched
                    # outside a request: no shortcuts at all for this map.
                    return url_map, added, {}, None
                if matched is rule:
                    answers[method] = (rule, args)
            if answers:
                table.setdefault(str(path), {}).update(answers)
        return url_map, added, table, remembered

    def _bind_to_host(self, environ):
        # The common case (no SERVER_NAME, no subdomain or host matching)
        # without bind_to_environ's server name checks; WSGI strings are
        # decoded here, once.
        url_map = self.url_map
        scheme = environ.get("wsgi.url_scheme", "http")
        host = environ["HTTP_HOST"].lower()
        default_port = _DEFAULT_PORTS.get(scheme)
        if default_port and host.endswith(default_port):
            host = host[: -len(default_port)]
        script_name = environ.get("SCRIPT_NAME")
        if script_name is not None:
            script_name = wsgi_to_text(script_name)
        query = environ.get("QUERY_STRING")
        if not query:
            query = u""
        elif _plain_query(query) is None:
            query = _quoted_query(query)
        else:
            query = text_type(query)  # ASCII: the same text everywhere
        raw_host = environ["HTTP_HOST"]
        adapter = url_map.bind(
            host,
            script_name,
            url_map.default_subdomain or None,
            scheme,
            environ.get("REQUEST_METHOD", "GET"),
            wsgi_to_text(environ.get("PATH_INFO", "")),
            query,
        )
        # Werkzeug accepted the host: static routes may skip binding for it
        known = self._good_hosts
        if raw_host not in known and _plain_host(raw_host) is not None:
            if len(known) >= 256:
                known.clear()
            known.add(raw_host)
        return adapter

    def inject_url_defaults(self, endpoint, values):
        """Let the URL default functions of the endpoint's scopes fill
        ``values`` in place."""
        registry = self.url_default_functions
        if not registry:
            return
        blueprint = endpoint.rpartition(".")[0] or None
        for func in _forward(registry, blueprint):
            func(endpoint, values)

    def url_for(*args, **values):
        """``url_for(endpoint, **values)``: build the URL of ``endpoint``
        (Flask 2.2); what :func:`~flaskcompat.url_for` calls. Outside any
        request it builds an absolute URL from ``SERVER_NAME``, even without
        an app context."""
        # Positional only, so ``self`` and ``endpoint`` can be URL values.
        self, endpoint = args
        return _url_for(self, endpoint, values)

    def redirect(self, location, code=302):
        """A redirect response of :attr:`response_class` (Flask 2.2); what
        :func:`~flaskcompat.redirect` calls inside this app's context."""
        return _redirect_response(location, code, self.response_class)

    def make_aborter(self):
        """The object stored as :attr:`aborter` (Flask 2.2)."""
        aborter_class = self.aborter_class
        return aborter_class()

    def handle_url_build_error(self, error, endpoint, values):
        """Ask :attr:`url_build_error_handlers` for a URL ``url_for`` could
        not build; re-raise the last error when none answers."""
        current = exc_info()
        for fallback in self.url_build_error_handlers:
            try:
                url = fallback(error, endpoint, values)
            except BuildError as fallback_error:
                error = fallback_error
                continue
            if url is not None:
                return url
        if error is current[1]:
            reraise(*current)
        raise error

    # Contexts and WSGI --------------------------------------------------------------------------

    def app_context(self):
        """A new :class:`~flaskcompat.ctx.AppContext` for this app."""
        return AppContext(self)

    def request_context(self, environ):
        """A new :class:`~flaskcompat.ctx.RequestContext` for ``environ``."""
        return RequestContext(self, environ=environ)

    def test_request_context(self, *args, **kwargs):
        """A request context for an environ built from the arguments of
        :class:`~flaskcompat.testing.EnvironBuilder`."""
        from . import testing

        builder = testing.EnvironBuilder(self, *args, **kwargs)
        try:
            built = builder.get_environ()
        finally:
            builder.close()
        return self.request_context(built)



    def wsgi_app(self, environ, start_response):
        """The WSGI application; :meth:`__call__` calls it, so middleware
        can wrap this attribute and keep the app object."""
        context = self.request_context(environ)
        error = None
        try:
            try:
                context.push()
                outcome = self.full_dispatch_request()
            except Exception as unhandled:
                error = unhandled
                outcome = self.handle_exception(unhandled)
            except:  # noqa: E722 (KeyboardInterrupt and the like: teardown sees them)
                error = exc_info()[1]
                raise
            return outcome(environ, start_response)
        finally:
            context.auto_pop(None if self.should_ignore_error(error) else error)

    def __call__(self, environ, start_response):
        """WSGI entry point: hands over to :attr:`wsgi_app`."""
        application = self.wsgi_app
        return application(environ, start_response)

