# migrate-tests: tool-only
"""flask3_app_config_attrs (target flask3): config keys, not app attributes."""
from casekit import Case
from flask3kit import flask3_tests

RUNS_ON_FLASK3 = True

CASES = [
    Case(
        """
        from flask import Flask
        app = Flask(__name__)
        app.session_cookie_name = 'shop_session'
        app.use_x_sendfile = False
        app.templates_auto_reload = True
        print(app.session_cookie_name, app.use_x_sendfile, app.config['TEMPLATES_AUTO_RELOAD'])
        """,
        """
        from flask import Flask
        app = Flask(__name__)
        app.config['SESSION_COOKIE_NAME'] = 'shop_session'
        app.config['USE_X_SENDFILE'] = False
        app.config['TEMPLATES_AUTO_RELOAD'] = True
        print(app.config['SESSION_COOKIE_NAME'], app.config['USE_X_SENDFILE'], app.config['TEMPLATES_AUTO_RELOAD'])
        """,
        output="shop_session False True\n",
        id="set and read",
    ),
    Case(
        "if current_app.propagate_exceptions:\n    raise\n",
        "if current_app.propagate_exceptions:\n    raise\n",
        review="read app.config['PROPAGATE_EXCEPTIONS']",
        id="a computed read: review",
    ),
    Case(
        "print(cookie.session_cookie_name)\n",
        "print(cookie.session_cookie_name)\n",
        id="another object's attribute stays",
    ),
]

test_rewrite, test_runtime = flask3_tests("flask3_app_config_attrs", CASES)
