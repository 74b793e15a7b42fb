# -*- coding: utf-8 -*-
"""Class-based views.

``SomeView.as_view(name)`` turns a class into an ordinary view function that
builds a fresh instance for every request; :class:`MethodView` routes each
HTTP method to the instance method of the same (lower-case) name.
"""
from ._compat import to_native
from ._compat import with_metaclass
from .globals import current_app
from .globals import request

#: Lower-case names of the HTTP methods a :class:`MethodView` can implement.
http_method_funcs = frozenset("get post put patch delete head options trace".split())

# What as_view copies from the class onto the function it returns.
_COPIED_SETTINGS = ("methods", "provide_automatic_options")


def _run(method, args, kwargs):
    """``method(*args, **kwargs)`` through the app's ``ensure_sync``, as
    Flask 2.0 calls a view's methods: an ``async def`` one runs to
    completion."""
    ensure_sync = getattr(current_app._get_current_object(), "ensure_sync", None)
    if ensure_sync is not None:
        method = ensure_sync(method)
    return method(*args, **kwargs)


class View(object):
    """Subclass and implement :meth:`dispatch_request`; register the result
    of :meth:`as_view` as the view function."""

    #: HTTP methods handled; ``None`` leaves the choice to the URL rule.
    methods = None

    #: ``True``/``False`` forces the automatic ``OPTIONS`` response on or
    #: off; ``None`` leaves it to the application.
    provide_automatic_options = None  # type: bool or None

    #: Decorators applied, first to last, to the function :meth:`as_view`
    #: builds (decorating the class itself would not wrap the view).
    decorators = ()

    #: ``False`` builds one instance in :meth:`as_view` and serves every
    #: request with it (Flask 2.2); keep per-request state off ``self`` then.
    init_every_request = True

    def dispatch_request(self):
        """Handle one request; receives the URL's view arguments."""
        raise NotImplementedError("%s.dispatch_request" % type(self).__name__)

    @classmethod
    def as_view(cls, name, *class_args, **class_kwargs):
        """A view function named ``name`` that instantiates the class with
        ``class_args``/``class_kwargs`` on every call and dispatches."""
        # Function names are the native str on every interpreter.
        func_name = to_native(name)

        per_request = cls.init_every_request
        if per_request:

            def view(*args, **kwargs):
                # Looked up on the function, so tests can swap the class.
                instance = view.view_class(*class_args, **class_kwargs)
                return _run(instance.dispatch_request, args, kwargs)

        else:
            shared = cls(*class_args, **class_kwargs)

            def view(*args, **kwargs):
                return _run(shared.dispatch_request, args, kwargs)

        if cls.decorators:
            # Decorators that use functools.wraps copy these names.
            view.__name__, view.__module__ = func_name, cls.__module__
            for decorate in cls.decorators:
                # Rebinding ``view`` makes the lookup above see the class
                # stored on the decorated function.
                view = decorate(view)

        for attribute, value in (
            ("view_class", cls),
            ("__name__", func_name),
            ("__doc__", cls.__doc__),
            ("__module__", cls.__module__),
        ):
            setattr(view, attribute, value)
        for setting in _COPIED_SETTINGS:
            setattr(view, setting, getattr(cls, setting))
        return view


class MethodViewType(type):
    """Collects the HTTP methods a :class:`MethodView` subclass implements
    into its ``methods`` attribute, unless the class sets one itself."""

    def __init__(cls, name, bases, namespace):
        super(MethodViewType, cls).__init__(name, bases, namespace)
        if "methods" in namespace:
            return
        found = set()
        for base in bases:
            found.update(getattr(base, "methods", None) or ())
        found.update(
            method.upper() for method in http_method_funcs if hasattr(cls, method)
        )
        # A class implementing nothing keeps the inherited value (None on
        # the base class), so the URL rule decides.
        if found:
            cls.methods = found


class MethodView(with_metaclass(MethodViewType, View)):
    """Dispatches ``GET`` to ``self.get``, ``POST`` to ``self.post`` and so
    on; ``HEAD`` falls back to ``get``."""

    def dispatch_request(self, *args, **kwargs):
        verb = request.method
        handler = getattr(self, verb.lower(), None)
        if handler is None and verb == "HEAD":
            handler = getattr(self, "get", None)
        assert handler is not None, "Unimplemented method %r" % verb
        return _run(handler, args, kwargs)
