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


ASYNC_APP_SOURCE = '''
async def before():
    g.order = ["before"]

async def index():
    g.order.append("view")
    return "-".join(g.order)

async def after(response):
    response.headers["X-After"] = "yes"
    return response

async def boom():
    raise LookupError("lost")

async def handler(error):
    return "handled " + str(error), 418
'''


def test_coroutine_routes_hooks_and_handlers_through_the_client(app):
    # Flask 2.0: views, before/after-request hooks and error handlers may all
    # be coroutine functions. One outcome per interpreter, as above.
    if sys.version_info < (3,):
        pytest.raises(SyntaxError, compile, ASYNC_APP_SOURCE, "<async app>", "exec")
    else:
        check_coroutine_app(app)


def check_coroutine_app(app):
    namespace = {"g": flaskcompat.g}
    exec(ASYNC_APP_SOURCE, namespace)
    app.before_request(namespace["before"])
    app.after_request(namespace["after"])
    app.add_url_rule("/", "index", namespace["index"])
    app.add_url_rule("/boom", "boom", namespace["boom"])
    app.register_error_handler(LookupError, namespace["handler"])
    client = app.test_client()
    if sys.version_info >= (3, 7):
        rv = client.get("/")
        assert rv.data == b"before-view"
        assert rv.headers["X-After"] == "yes"
        rv = client.get("/boom")
        assert (rv.status_code, rv.data) == (418, b"handled lost")
    else:
        with pytest.raises(RuntimeError) as caught:
            client.get("/")
        assert "asgiref" in str(caught.value)


ASYNC_TEARDOWN_SOURCE = '''
import asyncio

async def close_sessions(error):
    await asyncio.sleep(0)
    closed.append(("app", error))

async def end_request(error):
    await asyncio.sleep(0)
    closed.append(("request", error))
'''


def test_coroutine_teardown_functions_run_to_completion(app):
    # Flask 2.0 runs teardown_appcontext and teardown_request functions
    # through ensure_sync too (Flask-SQLAlchemy-Lite's async session
    # cleanup is one). One outcome per interpreter, as above.
    if sys.version_info < (3,):
        pytest.raises(SyntaxError, compile, ASYNC_TEARDOWN_SOURCE, "<async teardown>", "exec")
    else:
        check_coroutine_teardowns(app)


def check_coroutine_teardowns(app):
    closed = []
    namespace = {"closed": closed}
    exec(ASYNC_TEARDOWN_SOURCE, namespace)
    app.teardown_appcontext(namespace["close_sessions"])
    app.teardown_request(namespace["end_request"])
    app.add_url_rule("/", "index", lambda: "ok")
    if sys.version_info >= (3, 7):
        with app.app_context():
            pass
        assert closed == [("app", None)]
        assert app.test_client().get("/").data == b"ok"
        assert closed == [("app", None), ("request", None), ("app", None)]
    else:
        with pytest.raises(RuntimeError) as caught:
            with app.app_context():
                pass
        assert "asgiref" in str(caught.value)
        assert not flaskcompat.has_app_context()


ASYNC_CLASS_VIEW_SOURCE = '''
import asyncio

class Greeting(View):
    async def dispatch_request(self, who):
        await asyncio.sleep(0)
        return "greetings, " + who

class Stock(MethodView):
    async def get(self):
        await asyncio.sleep(0)
        return "in stock"
'''


def test_class_based_views_with_coroutine_methods(app):
    # Flask 2.0: an ``async def dispatch_request`` of a View, like a
    # MethodView's ``async def get``, runs through ensure_sync. One outcome
    # per interpreter, as above.
    if sys.version_info < (3,):
        pytest.raises(SyntaxError, compile, ASYNC_CLASS_VIEW_SOURCE, "<async views>", "exec")
    else:
        check_coroutine_class_views(app)


def check_coroutine_class_views(app):
    from flaskcompat.views import MethodView, View

    namespace = {"View": View, "MethodView": MethodView}
    exec(ASYNC_CLASS_VIEW_SOURCE, namespace)
    app.add_url_rule("/hello/<who>", view_func=namespace["Greeting"].as_view("greeting"))
    app.add_url_rule("/stock", view_func=namespace["Stock"].as_view("stock"))
    browser = app.test_client()
    if sys.version_info >= (3, 7):
        assert browser.get("/hello/ada").data == b"greetings, ada"
        assert browser.get("/stock").data == b"in stock"
    else:
        for path in ("/hello/ada", "/stock"):
            with pytest.raises(RuntimeError) as caught:
                browser.get(path)
            assert "asgiref" in str(caught.value)
