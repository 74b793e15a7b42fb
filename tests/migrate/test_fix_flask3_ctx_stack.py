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
        from flask import _app_ctx_stack
        def get_db():
            ctx = _app_ctx_stack.top
            if not hasattr(ctx, 'db'):
                ctx.db = connect()
            return ctx.db
        """,
        """
        from flask import _app_ctx_stack
        def get_db():
            ctx = _app_ctx_stack.top
            if not hasattr(ctx, 'db'):
                ctx.db = connect()
            return ctx.db
        """,
        review="keep data on g instead of the context object",
        id="the context as storage: review",
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
