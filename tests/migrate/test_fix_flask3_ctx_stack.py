# migrate-tests: tool-only
"""flask3_ctx_stack (target flask3): the context stacks' public answers."""
from casekit import Case
from flask3kit import flask3_tests, migrate_flask3

RUNS_ON_FLASK3 = True

CASES = [
    Case(
        """
        from flask import Flask, _app_ctx_stack
        app = Flask('shop')
        def app_name():
            if _app_ctx_stack.top is None:
                return 'none'
            return _app_ctx_stack.top.app.name
        print(app_name())
        with app.app_context():
            print(app_name(), _app_ctx_stack.top is not None)
        """,
        """
        from flask import Flask, has_app_context, current_app
        app = Flask('shop')
        def app_name():
            if not has_app_context():
                return 'none'
            return current_app.name
        print(app_name())
        with app.app_context():
            print(app_name(), has_app_context())
        """,
        output="none\nshop True\n",
        id="app context: test and app",
    ),
    Case(
        """
        import flask
        app = flask.Flask(__name__)
        def where():
            if flask._request_ctx_stack.top:
                return flask._request_ctx_stack.top.request.path
            return '-'
        with app.test_request_context('/cart'):
            print(where())
        print(where())
        """,
        """
        import flask
        app = flask.Flask(__name__)
        def where():
            if flask.has_request_context():
                return flask.request.path
            return '-'
        with app.test_request_context('/cart'):
            print(where())
        print(where())
        """,
        output="/cart\n-\n",
        id="request context through the module",
    ),
    Case(
        """
        from flask import Flask, g, _app_ctx_stack
        site = Flask('shop')
        opened = []
        def get_db():
            top = _app_ctx_stack.top
            if not hasattr(top, 'db'):
                top.db = 'connection %d' % len(opened)
                opened.append(top.db)
            return top.db
        @site.teardown_appcontext
        def close_db(exception):
            top = _app_ctx_stack.top
            if hasattr(top, 'db'):
                print('closing ' + top.db)
        with site.app_context():
            print(get_db() + ', ' + get_db())
        with site.app_context():
            print(get_db())
        """,
        """
        from flask import Flask, g
        site = Flask('shop')
        opened = []
        def get_db():
            top = g
            if not hasattr(top, 'db'):
                top.db = 'connection %d' % len(opened)
                opened.append(top.db)
            return top.db
        @site.teardown_appcontext
        def close_db(exception):
            top = g
            if hasattr(top, 'db'):
                print('closing ' + top.db)
        with site.app_context():
            print(get_db() + ', ' + get_db())
        with site.app_context():
            print(get_db())
        """,
        output=(
            "connection 0, connection 0\nclosing connection 0\n"
            "connection 1\nclosing connection 1\n"
        ),
        id="a variable holding the context as storage: g",
    ),
    Case(
        """
        import flask
        shop = flask.Flask('shop')
        def remember(value):
            flask._app_ctx_stack.top.cart = value
        def recall():
            return getattr(flask._app_ctx_stack.top, 'cart', 'empty')
        with shop.app_context():
            print(recall())
            remember('apples')
            print(recall(), hasattr(flask._app_ctx_stack.top, 'cart'))
            del flask._app_ctx_stack.top.cart
            print(recall())
        """,
        """
        import flask
        shop = flask.Flask('shop')
        def remember(value):
            flask.g.cart = value
        def recall():
            return getattr(flask.g, 'cart', 'empty')
        with shop.app_context():
            print(recall())
            remember('apples')
            print(recall(), hasattr(flask.g, 'cart'))
            del flask.g.cart
            print(recall())
        """,
        output="empty\napples True\nempty\n",
        id="the context's attributes through the module: g",
    ),
    Case(
        """
        from flask import Flask, _app_ctx_stack
        site = Flask('shop')
        def connect():
            return 'db'
        def get_db():
            ctx = _app_ctx_stack.top
            if not hasattr(ctx, 'db'):
                ctx.db = connect()
            return ctx.db
        with site.app_context():
            print(get_db())
        """,
        """
        from flask import Flask, g
        site = Flask('shop')
        def connect():
            return 'db'
        def get_db():
            ctx = g
            if not hasattr(ctx, 'db'):
                ctx.db = connect()
            return ctx.db
        with site.app_context():
            print(get_db())
        """,
        output="db\n",
        id="g imported where it was not",
    ),
    Case(
        """
        from flask import _app_ctx_stack
        def current():
            ctx = _app_ctx_stack.top
            ctx.db = 1
            return ctx
        """,
        """
        from flask import _app_ctx_stack
        def current():
            ctx = _app_ctx_stack.top
            ctx.db = 1
            return ctx
        """,
        review="keep data on g instead of the context object",
        id="the context handed on: review",
    ),
    Case(
        """
        from flask import _app_ctx_stack
        def adapter():
            ctx = _app_ctx_stack.top
            ctx.cache = {}
            return ctx.url_adapter
        """,
        """
        from flask import _app_ctx_stack
        def adapter():
            ctx = _app_ctx_stack.top
            ctx.cache = {}
            return ctx.url_adapter
        """,
        review="keep data on g instead of the context object",
        id="an attribute of the context itself: review",
    ),
    Case(
        """
        from flask import _app_ctx_stack
        def keep(g):
            _app_ctx_stack.top.db = g
            setattr(_app_ctx_stack.top, '_private', g)
        """,
        """
        from flask import _app_ctx_stack
        def keep(g):
            _app_ctx_stack.top.db = g
            setattr(_app_ctx_stack.top, '_private', g)
        """,
        review="keep data on g instead of the context object",
        id="g is a local, a private name: review",
    ),
    Case(
        """
        from flask import _request_ctx_stack
        def remember(user):
            _request_ctx_stack.top.user = user
        """,
        """
        from flask import _request_ctx_stack
        def remember(user):
            _request_ctx_stack.top.user = user
        """,
        review="keep data on g instead of the context object",
        id="the request context as storage: review",
    ),
]

test_rewrite, test_runtime = flask3_tests("flask3_ctx_stack", CASES)


def test_a_stack_still_used_keeps_its_import():
    source = (
        "from flask import _app_ctx_stack\n"
        "ok = _app_ctx_stack.top is None\n"
        "ctx = _app_ctx_stack.top\n"
    )
    result = migrate_flask3(source, "flask3_ctx_stack")
    assert result.source == (
        "from flask import _app_ctx_stack, has_app_context\n"
        "ok = not has_app_context()\n"
        "ctx = _app_ctx_stack.top\n"
    )
    assert [review.line for review in result.reviews] == [3]
