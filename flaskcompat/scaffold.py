# -*- coding: utf-8 -*-
"""The registration layer that an application and its blueprints share.

Routes, request hooks, error handlers and template helpers are recorded here,
once, for both. A subclass decides two things only: how an action that
concerns the whole application is carried out (:meth:`Scaffold._on_app`: an
app runs it at once, a blueprint keeps it until it is registered), and
whether setup is still allowed (:meth:`Scaffold._check_setup_finished`).

Registries are dictionaries keyed by scope: ``None`` is the object's own
scope (for an app, the application; for a blueprint, the blueprint), and a
dotted blueprint name is that blueprint's scope once merged into an app.
"""
from functools import update_wrapper

from werkzeug.exceptions import HTTPException

from ._compat import http_error_class
from ._compat import integer_types
from .helpers import _PackageBoundObject

#: Registries that map a scope to a list of functions, by attribute name.
HOOK_REGISTRIES = (
    "before_request_funcs",
    "after_request_funcs",
    "teardown_request_funcs",
    "url_value_preprocessors",
    "url_default_functions",
    "template_context_processors",
)

#: Every per-scope registry, error handlers and endpoints included.
SCOPED_REGISTRIES = HOOK_REGISTRIES + ("error_handler_spec", "view_functions")


# Bad error handler keys raise what Flask 1.1 raised and what Flask 3.1
# raises at once, so handlers written for either catch them.
class _InstanceNotClass(TypeError, ValueError):
    pass


class _UnknownCode(KeyError, ValueError):
    def __str__(self):
        # KeyError would show the message quoted, as a key.
        return ValueError.__str__(self)


class _NotAnException(AssertionError, ValueError):
    pass


def setupmethod(method):
    """Mark ``method`` as changing setup, so the object can refuse it once
    it serves requests."""

    def checked(self, *args, **kwargs):
        self._check_setup_finished(method.__name__)
        return method(self, *args, **kwargs)

    return update_wrapper(checked, method)


def _renamed(func, name):
    # generated methods show their public name in tracebacks and API docs
    func.__name__ = func.__qualname__ = name
    return func


def template_helper_adder(namespace, method_name):
    """A setup method ``(f, name=None)`` that puts ``f`` into the app's
    Jinja ``namespace`` (``filters``, ``tests`` or ``globals``)."""

    def add(self, f, name=None):
        key = name or f.__name__

        def install(app):
            getattr(app.jinja_env, namespace)[key] = f

        self._on_app(install)

    return setupmethod(_renamed(add, method_name))


def template_helper_decorator(adder_name, method_name):
    """A decorator factory ``(name=None)`` calling the adder ``adder_name``."""

    def decorator_factory(self, name=None):
        def decorate(f):
            getattr(self, adder_name)(f, name=name)
            return f

        return decorate

    return setupmethod(_renamed(decorator_factory, method_name))


class Scaffold(_PackageBoundObject):
    """What an application and a blueprint register in the same way."""

    def __init__(
        self,
        import_name,
        static_folder=None,
        static_url_path=None,
        template_folder=None,
        root_path=None,
    ):
        _PackageBoundObject.__init__(self, import_name, template_folder, root_path)
        self.static_folder, self.static_url_path = static_folder, static_url_path
        for attribute in SCOPED_REGISTRIES:
            setattr(self, attribute, {})

    # What a subclass supplies --------------------------------------------

    def _check_setup_finished(self, method_name):
        """Raise if setup is no longer allowed (never, unless overridden)."""

    def _on_app(self, action):
        """Run ``action(app)`` against the application this object serves."""
        raise NotImplementedError("%s must define _on_app" % type(self).__name__)

    def add_url_rule(self, rule, endpoint=None, view_func=None, **options):
        """Serve ``rule`` with ``view_func`` under ``endpoint`` (by default
        the function's name)."""
        raise NotImplementedError("%s must define add_url_rule" % type(self).__name__)

    # Routes ----------------------------------------------------------------

    def _route(self, rule, methods, options):
        if methods is not None:
            if "methods" in options:
                raise TypeError(
                    "Use the 'route' decorator to use the 'methods' argument."
                )
            options["methods"] = methods
        endpoint = options.pop("endpoint") if "endpoint" in options else None

        def decorate(view_func):
            self.add_url_rule(rule, endpoint, view_func, **options)
            return view_func

        return decorate

    def route(self, rule, **options):
        """Decorate a view function to serve ``rule`` (see :meth:`add_url_rule`)."""
        return self._route(rule, None, options)

    def get(self, rule, **options):
        return self._route(rule, ["GET"], options)

    def post(self, rule, **options):
        return self._route(rule, ["POST"], options)

    def put(self, rule, **options):
        return self._route(rule, ["PUT"], options)

    def delete(self, rule, **options):
        return self._route(rule, ["DELETE"], options)

    def patch(self, rule, **options):
        return self._route(rule, ["PATCH"], options)

    @setupmethod
    def endpoint(self, endpoint):
        """Decorate the view function for ``endpoint`` (exactly as written:
        a blueprint does not prefix it)."""

        def decorate(f):
            self._on_app(lambda app: app.view_functions.__setitem__(endpoint, f))
            return f

        return decorate

    # Request hooks ---------------------------------------------------------

    def _scope_hook(self, registry, f):
        getattr(self, registry).setdefault(None, []).append(f)
        return f

    def _app_hook(self, registry, f):
        def install(app):
            getattr(app, registry).setdefault(None, []).append(f)

        self._on_app(install)
        return f

    @setupmethod
    def before_request(self, f):
        """Run ``f()`` before each request of this scope; a value other than
        ``None`` is the response and skips the view."""
        return self._scope_hook("before_request_funcs", f)

    @setupmethod
    def after_request(self, f):
        """Run ``f(response)`` after each request of this scope; it returns
        the response to send."""
        return self._scope_hook("after_request_funcs", f)

    @setupmethod
    def teardown_request(self, f):
        """Run ``f(error_or_None)`` when the request context of this scope
        is popped, whatever happened."""
        return self._scope_hook("teardown_request_funcs", f)

    @setupmethod
    def context_processor(self, f):
        """``f()`` returns a dict of names added to this scope's templates."""
        return self._scope_hook("template_context_processors", f)

    @setupmethod
    def url_value_preprocessor(self, f):
        """Run ``f(endpoint, view_args)`` before the before-request hooks."""
        return self._scope_hook("url_value_preprocessors", f)

    @setupmethod
    def url_defaults(self, f):
        """Run ``f(endpoint, values)`` when a URL of this scope is built."""
        return self._scope_hook("url_default_functions", f)

    # Error handlers --------------------------------------------------------

    @staticmethod
    def _get_exc_class_and_code(exc_class_or_code):
        """``(exception class, HTTP code or None)`` for a handler key."""
        by_code = isinstance(exc_class_or_code, integer_types)
        if by_code:
            try:
                cls = http_error_class(exc_class_or_code)
            except KeyError:
                raise _UnknownCode(
                    "{0!r} is not a recognized HTTP error code. Use a subclass of"
                    " HTTPException with that code instead.".format(exc_class_or_code)
                )
        else:
            cls = exc_class_or_code
        if not (isinstance(cls, type) and issubclass(cls, Exception)):
            raise _NotAnException(
                "{0!r} is not a subclass of Exception.".format(getattr(cls, "__name__", cls))
            )
        return cls, (cls.code if issubclass(cls, HTTPException) else None)

    @setupmethod
    def errorhandler(self, code_or_exception):
        """Decorate a handler for an HTTP status code or an exception class."""

        def decorate(handler):
            self.register_error_handler(code_or_exception, handler)
            return handler

        return decorate

    @setupmethod
    def register_error_handler(self, code_or_exception, f):
        """:meth:`errorhandler` without the decorator."""
        self._register_error_handler(None, code_or_exception, f=f)

    @setupmethod
    def _register_error_handler(self, key, code_or_exception, f):
        if isinstance(code_or_exception, BaseException):
            raise _InstanceNotClass(
                "{0!r} is an instance, not a class. Handlers can only be registered"
                " for exception classes or HTTP error codes.".format(code_or_exception)
            )
        cls, code = self._get_exc_class_and_code(code_or_exception)
        by_code = self.error_handler_spec.setdefault(key, {})
        by_code.setdefault(code, {})[cls] = f
