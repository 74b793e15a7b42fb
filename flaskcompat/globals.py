# -*- coding: utf-8 -*-
"""Where the active contexts live, and the proxies that reach into them.

There is one stack per kind of context, local to the running thread,
greenlet or task. Flask 1.1 code reads it as ``_app_ctx_stack`` /
``_request_ctx_stack`` (``.top``, ``.push``, ``.pop``); Flask 2.2+ code reads
the same contexts through the ``app_ctx`` / ``request_ctx`` proxies.
"""
from ._compat import ContextStack as _BaseContextStack
from ._compat import LocalProxy
from ._compat import context_ident

_NO_REQUEST_CONTEXT = (
    "Working outside of request context.\n\n"
    "Something needed the current HTTP request, but none is being handled."
    " Code outside a view (a test, a script, a background job) can create"
    " one with app.test_request_context()."
)
_NO_APP_CONTEXT = (
    "Working outside of application context.\n\n"
    "Something needed the current application, but no application context"
    " is active. Create one with 'with app.app_context():' around the code."
)

# Flask 1.1's names for the messages, read by some extensions.
_request_ctx_err_msg = _NO_REQUEST_CONTEXT
_app_ctx_err_msg = _NO_APP_CONTEXT


class ContextStack(_BaseContextStack):
    __slots__ = ()

    # Werkzeug 1.0's LocalStack exposed this; Flask-SQLAlchemy 2.x scopes
    # its sessions by it.
    __ident_func__ = staticmethod(context_ident)


_app_ctx_stack = ContextStack("app")
_request_ctx_stack = ContextStack("request")


class _ContextVarView(object):
    """Flask 2.2+ keeps each context in a ``ContextVar`` (``_cv_app``,
    ``_cv_request``) that tests and extensions read with ``.get()``; this
    reads the same stack as the other names, as a ``ContextVar`` would."""

    __slots__ = ("_stack", "name")

    def __init__(self, stack, name):
        self._stack, self.name = stack, name

    def get(self, *default):
        found = self._stack.peek()
        if found is not None:
            return found
        if default:
            return default[0]
        raise LookupError(self.name)


_cv_app = _ContextVarView(_app_ctx_stack, "flask.app_ctx")
_cv_request = _ContextVarView(_request_ctx_stack, "flask.request_ctx")


def _current_app_ctx():
    found = _app_ctx_stack.peek()
    if found is None:
        raise RuntimeError(_NO_APP_CONTEXT)
    return found


def _current_request_ctx():
    found = _request_ctx_stack.peek()
    if found is None:
        raise RuntimeError(_NO_REQUEST_CONTEXT)
    return found


# Flask 1.1's lookup helpers, which some extensions call directly.
def _lookup_app_object(name):
    return getattr(_current_app_ctx(), name)


def _lookup_req_object(name):
    return getattr(_current_request_ctx(), name)


def _find_app():
    return _current_app_ctx().app


#: The active :class:`~flaskcompat.ctx.AppContext` (Flask 2.2+ name).
app_ctx = LocalProxy(_current_app_ctx)
#: The active :class:`~flaskcompat.ctx.RequestContext` (Flask 2.2+ name).
request_ctx = LocalProxy(_current_request_ctx)

current_app = LocalProxy(lambda: _current_app_ctx().app)
g = LocalProxy(lambda: _current_app_ctx().g)
request = LocalProxy(lambda: _current_request_ctx().request)
session = LocalProxy(lambda: _current_request_ctx().session)
