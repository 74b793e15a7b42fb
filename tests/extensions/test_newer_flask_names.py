# -*- coding: utf-8 -*-
"""Names from Flask 2.x and later that current extensions probe for, added
next to the Flask 1.1 API without changing it."""
import sys

import pytest

import flaskcompat

try:
    import asgiref.sync
except ImportError:
    asgiref = None


@pytest.fixture
def app():
    app = flaskcompat.Flask("newer_names")
    app.testing = True
    return app


def test_ensure_sync_returns_plain_functions_unchanged(app):
    def view():
        return "sync"

    assert app.ensure_sync(view) is view
    assert app.ensure_sync(len) is len


ASYNC_SOURCE = '''
import asyncio

async def view(name):
    await asyncio.sleep(0)
    return "hello " + request.args["who"] + " from " + name
'''


def run_async_view(app):
    namespace = {"request": flaskcompat.request}
    exec(ASYNC_SOURCE, namespace)
    view = namespace["view"]
    wrapped = app.ensure_sync(view)
    assert wrapped is not view
    # The asgiref path, not some fallback: the wrapper is asgiref's own.
    assert isinstance(wrapped, asgiref.sync.AsyncToSync)
    with app.test_request_context("/?who=you"):
        assert wrapped("flaskcompat") == "hello you from flaskcompat"


def test_coroutine_views_run_through_asgiref_from_python_3_7(app):
    # One outcome per interpreter. The default test matrix installs asgiref
    # on 3.7+ (on 3.6 asgiref's worker thread would not see the request
    # context), so there coroutine views must really run through it.
    # Elsewhere nothing can run a coroutine and asking for it says what is
    # missing; on 2.7 ``async def`` does not even parse.
    if sys.version_info >= (3, 7):
        assert asgiref is not None, "the test environment must install asgiref on 3.7+"
        run_async_view(app)
    else:
        assert asgiref is None
        with pytest.raises(RuntimeError) as caught:
            app.async_to_sync(lambda: None)
        assert "asgiref" in str(caught.value)


def test_async_def_is_a_syntax_error_only_on_python2():
    if sys.version_info < (3,):
        pytest.raises(SyntaxError, compile, ASYNC_SOURCE, "<async view>", "exec")
    else:
        assert compile(ASYNC_SOURCE, "<async view>", "exec") is not None
