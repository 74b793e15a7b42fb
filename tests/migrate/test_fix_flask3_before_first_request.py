# migrate-tests: tool-only
"""flask3_before_first_request (target flask3): review, never a rewrite."""
from casekit import Case
from flask3kit import flask3_tests

_SETUP = """\
from flask import Flask, Blueprint
app = Flask(__name__)
bp = Blueprint('bp', __name__)

@app.before_first_request
def create_tables():
    pass

@bp.before_app_first_request
def warm_cache():
    pass
"""

CASES = [
    Case(_SETUP, _SETUP, review="run this setup once where the app is created", id="decorators"),
    Case(
        "app.before_first_request(create_tables)\n",
        "app.before_first_request(create_tables)\n",
        review="Flask 2.3 removed it",
        id="called",
    ),
    Case(
        "def before_first_request():\n    pass\n",
        "def before_first_request():\n    pass\n",
        id="a function of the same name stays",
    ),
]

test_rewrite, test_runtime = flask3_tests("flask3_before_first_request", CASES)


def test_every_place_is_listed():
    from flask3kit import migrate_flask3

    result = migrate_flask3(_SETUP, "flask3_before_first_request")
    assert [review.line for review in result.reviews] == [5, 9]
    assert not result.changed
