# -*- coding: utf-8 -*-
"""Application and request contexts.

A request context wraps one WSGI environ; pushing it makes ``request`` and
``session`` work and, when the right application context is not active
already, pushes one for ``current_app`` and ``g``. Creating and pushing a
context is cheap: the session is opened the first time it is read, and the
application context builds its URL adapter only when ``url_for`` needs it.
"""
from functools import update_wrapper

from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import NotFound
from werkzeug.wrappers import Request as _WerkzeugRequest

from ._compat import exc_info
from ._compat import forget_traceback
from ._flask_alias import is_installed as _flask_alias_installed
from .globals import _app_ctx_stack as _app_contexts
from .globals import _current_request_ctx
from .globals import _request_ctx_stack as _request_contexts
from .signals import appcontext_popped
from .signals import appcontext_pushed

# Default for ``exc`` arguments: "take the exception being handled, if any".
_UNSET = object()


def _notify(signal, sender, **extra):
    """Send ``signal`` only when it has receivers, so that requests nobody
    observes skip the keyword packing and blinker's dispatch."""
    if getattr(signal, "receivers", None):
        signal.send(sender, **extra)


def _ensure_sync(app, func):
    # Flask 2's hook for coroutine functions, where the application has it.
    convert = getattr(app, "ensure_sync", None)
    return func if convert is None else convert(func)


class _AppCtxGlobals(object):
    """The namespace behind ``g``: one per application context. Besides
    attributes it offers a small dict-like interface (``get``, ``pop``,
    ``setdefault``, ``in``, iteration over the names)."""

    def get(self, name, default=None):
        return vars(self).get(name, default)

    def pop(self, name, default=_UNSET):
        """Remove ``name`` and return its value; ``KeyError`` when it is
        missing and no default was given."""
        values = vars(self)
        if default is _UNSET:
            return values.pop(name)
        return values.pop(name, default)

    def setdefault(self, name, default=None):
        return vars(self).setdefault(name, default)

    def __contains__(self, name):
        return name in vars(self)

    def __iter__(self):
        return iter(list(vars(self)))

    def __repr__(self):
        active = _app_contexts.peek()
        if active is None:
            return super(_AppCtxGlobals, self).__repr__()
        # Named after the package the application imported us as.
        package = "flask" if _flask_alias_installed() else "flaskcompat"
        return "<%s.g of %r>" % (package, active.app.name)


def has_request_context():
    """``True`` inside a request context (a request, or a test one)."""
    return len(_request_contexts) > 0


def has_app_context():
    """``True`` while an application context is active."""
    return len(_app_contexts) > 0


def after_this_request(f):
    """Register ``f(response)`` to run on this request's response (before
    the application's ``after_request`` functions); returns ``f``."""
    _current_request_ctx()._after_request_functions.append(f)
    return f


def copy_current_request_context(f):
    """Wrap ``f`` so that it runs inside a copy of the current request
    context, e.g. in a greenlet started by a view."""
    current = _request_contexts.peek()
    if current is None:
        raise RuntimeError(
            "copy_current_request_context needs an active request context:"
            " decorate a function defined where one exists, such as inside"
            " a view function."
        )
    copied = current.copy()

    def run_in_copied_context(*args, **kwargs):
        with copied:
            return _ensure_sync(copied.app, f)(*args, **kwargs)

    return update_wrapper(run_in_copied_context, f)


# Request class -> whether its close() is Werkzeug's, which closes the
# uploaded files and nothing else.
_WERKZEUG_CLOSE = getattr(_WerkzeugRequest.close, "__func__", _WerkzeugRequest.close)
_CLOSES_FILES_ONLY = {}


def _closes_files_only(request_class):
    close = getattr(request_class, "close", None)
    plain = getattr(close, "__func__", close) is _WERKZEUG_CLOSE
    _CLOSES_FILES_ONLY[request_class] = plain
    return plain


def _close_request(request):
    """``request.close()``, skipped when it would have nothing to close
    (the request path checks the known classes itself first)."""
    plain = _CLOSES_FILES_ONLY.get(type(request))
    if plain is None:
        plain = _closes_files_only(type(request))
    if plain and "files" not in request.__dict__:
        return
    close = getattr(request, "close", None)
    if close is not None:
        close()


class AppContext(object):
    """Makes ``app`` the current application (``current_app``, ``g``).
    Pushed automatically with each request context, or by
    ``with app.app_context():``. It may be pushed several times; teardown
    runs when the last push is popped."""

    def __init__(self, app):
        self.app = app
        self.g = self.app.app_ctx_globals_class()
        self._url_adapter = _UNSET
        self._depth = 0

    @property
    def url_adapter(self):
        """URL adapter for building URLs without a request (``None`` when
        ``SERVER_NAME`` is not configured); built on first use."""
        if self._url_adapter is _UNSET:
            self._url_adapter = self.app.create_url_adapter(None)
        return self._url_adapter

    @url_adapter.setter
    def url_adapter(self, value):
        self._url_adapter = value

    def push(self):
        self._depth += 1
        _app_contexts.push(self)
        if appcontext_pushed.receivers:
            appcontext_pushed.send(self.app)

    def pop(self, exc=_UNSET):
        """Undo one :meth:`push`; the last one runs the app's
        ``teardown_appcontext`` functions with ``exc``."""
        self._depth -= 1
        try:
            if self._depth < 1:
                if exc is _UNSET:
                    exc = exc_info()[1]
                app = self.app
                app.do_teardown_appcontext(exc)
        finally:
            removed = _app_contexts.pop()
        if removed is not self:
            raise AssertionError(
                "Popped wrong app context. (%r is not %r)" % (removed, self)
            )
        if appcontext_popped.receivers:
            appcontext_popped.send(self.app)

    def __enter__(self):
        self.push()
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self.pop(exc_value)


class RequestContext(object):
    """Everything about one request: the request object, its URL match,
    its session and flashed messages. Applications create them with
    ``app.request_context(environ)`` or ``app.test_request_context()``.

    Popping the last push runs the ``teardown_request`` functions. A context
    left with an exception while ``PRESERVE_CONTEXT_ON_EXCEPTION`` applies,
    or whose environ sets ``flask._preserve_context`` (the test client in a
    ``with`` block), stays pushed so it can be inspected; the next push or
    the end of the ``with client:`` block removes it.
    """

    #: The flashed messages, read from the session on first use.
    flashes = None
    #: Whether :meth:`auto_pop` kept the context pushed for inspection, and
    #: the exception it was left with.
    preserved, _preserved_exc = False, None
    # How many pops auto_pop held back while preserving the context.
    _held_pops = 0

    def __init__(self, app, environ, request=None, session=None):
        self.app = app
        if request is None:
            request = self.app.request_class(environ)
        self.request = request
        self._session = session
        # One entry per push: the app context it pushed, or None.
        self._pushed_app_ctxs = []
        self._after_request_functions = []  # run before after_request's
        # A static rule answers the request without binding a URL adapter
        # (built later, if url_for needs it); otherwise bind and match as
        # usual.
        self._static_match = app._static_route(request.environ)
        self._url_adapter = _UNSET
        if self._static_match is None:
            self._bind_url_adapter()

    def _bind_url_adapter(self):
        request = self.request
        try:
            self._url_adapter = self.app.create_url_adapter(request)
        except HTTPException as error:
            # Reported when the request is dispatched, not here.
            request.routing_exception = error
            self._url_adapter = None

    @property
    def url_adapter(self):
        """The URL adapter bound to this request (``None`` when binding
        failed: the error is the request's routing exception)."""
        if self._url_adapter is _UNSET:
            self._bind_url_adapter()
        return self._url_adapter

    @url_adapter.setter
    def url_adapter(self, value):
        self._url_adapter = value

    @property
    def g(self):
        return _app_contexts.peek().g  # the app context pushed with us

    @g.setter
    def g(self, value):
        setattr(_app_contexts.peek(), "g", value)

    @property
    def session(self):
        """The session, opened by the app's ``session_interface`` on first
        access; a null session when it cannot be opened."""
        current = self._session
        if current is None:
            app = self.app
            interface = app.session_interface
            current = interface.open_session(app, self.request)
            if current is None:
                current = interface.make_null_session(app)
            self._session = current
        return current

    @session.setter
    def session(self, value):
        self._session = value

    @property
    def session_opened(self):
        """Whether anything opened (or assigned) the session so far."""
        return self._session is not None

    def copy(self):
        """A new context for the same request object and session, for use
        in another greenlet (the request object itself is not locked)."""
        request = self.request
        return type(self)(
            self.app, request.environ, request=request, session=self.session
        )

    def match_request(self):
        """Match the URL, storing the rule and view arguments on the request
        (or the routing error, raised at dispatch). Subclasses may hook
        in here."""
        found = self._static_match
        if found is not None:
            request = self.request
            if found[0] is None:  # a plain 404 the matcher gave before
                request.routing_exception = NotFound()
            else:
                request.url_rule, request.view_args = found[0], dict(found[1])
            return
        try:
            rule, view_args = self.url_adapter.match(return_rule=True)
        except HTTPException as error:
            self.request.routing_exception = error
            if type(error) is NotFound and error.description == NotFound.description:
                self.app._note_match(self.request.environ, None, None)
        else:
            self.app._note_match(self.request.environ, rule, view_args)
            self.request.url_rule = rule
            self.request.view_args = view_args

    def push(self):
        stale = _request_contexts.peek()
        if stale is not None and stale.preserved:
            # Contexts kept for inspection last until the next request.
            stale.pop(stale._preserved_exc)

        active_app_ctx = _app_contexts.peek()
        if active_app_ctx is not None and active_app_ctx.app is self.app:
            self._pushed_app_ctxs.append(None)
        else:
            implicit = self.app.app_context()
            implicit.push()
            self._pushed_app_ctxs.append(implicit)

        _request_contexts.push(self)
        if self._url_adapter is None:
            return  # the routing error is already on the request
        self.match_request()

    def pop(self, exc=_UNSET):
        """Undo one :meth:`push` (the last one runs ``teardown_request``
        functions and pops the app context pushed with it). On a preserved
        context this also performs the pops that were held back."""
        if not self.preserved:
            return self._pop_once(exc)
        levels = max(1, min(self._held_pops, len(self._pushed_app_ctxs)))
        for _ in range(levels):
            self._pop_once(exc)

    def _pop_once(self, exc):
        app_ctx = self._pushed_app_ctxs.pop()
        last = not self._pushed_app_ctxs
        closed = False
        try:
            if last:
                if self.preserved:
                    self.preserved, self._preserved_exc = False, None
                    self._held_pops = 0
                if exc is _UNSET:
                    exc = exc_info()[1]
                app = self.app
                app.do_teardown_request(exc)
                request = self.request
                if not _CLOSES_FILES_ONLY.get(type(request)) or "files" in request.__dict__:
                    _close_request(request)
                closed = True
        finally:
            removed = _request_contexts.pop()
            if closed:
                # Break the request's cycles without waiting for gc: environ
                # <-> request, and request -> routing error -> traceback ->
                # the frames that raised it, which hold the request.
                request = self.request
                request.environ["werkzeug.request"] = None
                failure = getattr(request, "routing_exception", None)
                if failure is not None:
                    forget_traceback(failure)
            if app_ctx is not None:
                app_ctx.pop(exc)
        if removed is not self:
            raise AssertionError(
                "Popped wrong request context. (%r is not %r)" % (removed, self)
            )

    def auto_pop(self, exc):
        """Pop at the end of a request, unless the context is to be kept
        for inspection (see the class description)."""
        if self.request.environ.get("flask._preserve_context"):
            keep = True
        else:
            keep = exc is not None and self.app.preserve_context_on_exception
        if not keep:
            self.pop(exc)
            return
        self.preserved, self._preserved_exc = True, exc
        self._held_pops += 1

    def __enter__(self):
        self.push()
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self.auto_pop(exc_value)

    def __repr__(self):
        request = self.request
        return "<{0} '{1}' [{2}] of {3}>".format(
            type(self).__name__, request.url, request.method, self.app.name
        )
