# migrate-tests: tool-only
"""flask3_app_env (target flask3): app.env, ENV and FLASK_ENV are reviewed."""
from casekit import Case
from flask3kit import flask3_tests, migrate_flask3

_APP = """\
import os
from flask import Flask, current_app
app = Flask(__name__)
app.config['ENV'] = os.environ.get('FLASK_ENV', 'production')
if app.env == 'development':
    print(current_app.env)
"""

CASES = [
    Case(_APP, _APP, review="use app.debug", id="app.env and the ENV key"),
    Case(_APP, _APP, review="FLASK_ENV is ignored: set FLASK_DEBUG=1", id="FLASK_ENV"),
    Case(
        """
        import jinja2
        env = jinja2.Environment()
        print(template.env, os.environ['HOME'], config['ENV_NAME'])
        """,
        """
        import jinja2
        env = jinja2.Environment()
        print(template.env, os.environ['HOME'], config['ENV_NAME'])
        """,
        id="other env attributes and keys stay",
    ),
]

test_rewrite, test_runtime = flask3_tests("flask3_app_env", CASES)


def test_each_place_once():
    result = migrate_flask3(_APP, "flask3_app_env")
    assert sorted(review.line for review in result.reviews) == [4, 4, 5, 6]
    assert not result.changed
