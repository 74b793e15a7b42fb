# -*- coding: utf-8 -*-
"""Names from Flask 2.x and later that current extensions probe for, added
next to the Flask 1.1 API without changing it."""
import pytest

import flaskcompat

try:
    import asgiref  # noqa: F401
except ImportError:
    asgiref = None


@pytest.fixture
def app():
    app = flaskcompat.Flask(__name__)
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


def test_coroutine_functions_run_with_asgiref_or_fail_clearly(app):
    if asgiref is None:
        # Without asgiref (always on Python 2) nothing can run a coroutine,
        # and asking for it says what is missing.
        with pytest.raises(RuntimeError) as excinfo:
            app.async_to_sync(lambda: None)
        assert "asgiref" in str(excinfo.value)
        return
    namespace = {"request": flaskcompat.request}
    exec(ASYNC_SOURCE, namespace)
    view = namespace["view"]
    wrapped = app.ensure_sync(view)
    assert wrapped is not view
    with app.test_request_context("/?who=you"):
        assert wrapped("flaskcompat") == "hello you from flaskcompat"
