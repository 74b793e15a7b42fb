# migrate-tests: tool-only
"""flask3_get_json (target flask3): a non-JSON body is an error now."""
from casekit import Case
from flask3kit import flask3_tests, migrate_flask3

_VIEW = """\
from flask import request
def create():
    data = request.get_json() or {}
    raw = request.json
    quiet = request.get_json(silent=True)
    forced = request.get_json(force=True)
    return data, raw, quiet, forced
"""

CASES = [
    Case(_VIEW, _VIEW, review="415 Unsupported Media Type", id="plain calls"),
    Case(
        "payload = response.get_json()\n",
        "payload = response.get_json()\n",
        id="another object's get_json stays",
    ),
]

test_rewrite, test_runtime = flask3_tests("flask3_get_json", CASES)


def test_silent_and_force_are_not_listed():
    result = migrate_flask3(_VIEW, "flask3_get_json")
    assert [review.line for review in result.reviews] == [3, 4]
