# migrate-tests: tool-only
"""flask3_json_args (target flask3): dropped flask.json arguments, reviewed."""
from casekit import Case
from flask3kit import flask3_tests, migrate_flask3

_CODE = """\
import json as std
from flask import json
from flask.json import htmlsafe_dumps
text = json.dumps(data, cls=MyEncoder)
plain = json.dumps(data)
value = json.loads(text, encoding='utf-8')
script = htmlsafe_dumps(data)
other = std.dumps(data, cls=MyEncoder)
"""

CASES = [
    Case(_CODE, _CODE, review="bypasses the encoder's default method", id="cls="),
    Case(_CODE, _CODE, review="flask.json.loads(encoding=...) is gone", id="encoding="),
    Case(_CODE, _CODE, review="use the tojson filter", id="htmlsafe_dumps"),
]

test_rewrite, test_runtime = flask3_tests("flask3_json_args", CASES)


def test_only_flask_json_calls_are_listed():
    result = migrate_flask3(_CODE, "flask3_json_args")
    assert sorted(review.line for review in result.reviews) == [4, 6, 7]
