# migrate-tests: tool-only
"""flask3_json_config (target flask3): the JSON config keys are app.json's
attributes."""
from casekit import Case
from flask3kit import flask3_tests

RUNS_ON_FLASK3 = True

_APP = """\
from flask import Flask, jsonify
app = Flask(__name__)
%s
with app.app_context():
    r = jsonify(b=1, a='\\u00e9')
    body = [line.rstrip() for line in r.get_data(as_text=True).splitlines()]
    print(r.mimetype, body, %s)
"""

CASES = [
    Case(
        _APP % ("app.config['JSON_AS_ASCII'] = False\n"
                "app.config['JSON_SORT_KEYS'] = False\n"
                "app.config['JSONIFY_PRETTYPRINT_REGULAR'] = True\n"
                "app.config['JSONIFY_MIMETYPE'] = 'application/vnd.api+json'",
                "app.config['JSON_AS_ASCII']"),
        _APP % ("app.json.ensure_ascii = False\n"
                "app.json.sort_keys = False\n"
                "app.json.compact = False\n"
                "app.json.mimetype = 'application/vnd.api+json'",
                "app.json.ensure_ascii"),
        output="application/vnd.api+json ['{', '  \"b\": 1,', '  \"a\": \"\u00e9\"', '}'] False\n",
        id="every key, set and read",
    ),
    Case(
        _APP % ("app.config['JSONIFY_PRETTYPRINT_REGULAR'] = False", "app.debug"),
        _APP % ("app.json.compact = None", "app.debug"),
        output="application/json ['{\"a\":\"\\\\u00e9\",\"b\":1}'] False\n",
        id="pretty-printing off is the default",
    ),
    Case(
        """
        class Config:
            JSON_SORT_KEYS = False
        """,
        """
        class Config:
            JSON_SORT_KEYS = False
        """,
        review="set app.json.sort_keys on the app instead",
        id="config class: review",
    ),
    Case(
        "app.config.update(JSON_AS_ASCII=False)\n",
        "app.config.update(JSON_AS_ASCII=False)\n",
        review="JSON_AS_ASCII is no config key any more",
        id="config.update: review",
    ),
    Case(
        "pretty = app.config.get('JSONIFY_PRETTYPRINT_REGULAR')\n",
        "pretty = app.config.get('JSONIFY_PRETTYPRINT_REGULAR')\n",
        review="read app.json.compact instead",
        id="config.get: review",
    ),
    Case(
        "app.config['JSONIFY_PRETTYPRINT_REGULAR'] = settings.pretty\n",
        "app.config['JSONIFY_PRETTYPRINT_REGULAR'] = settings.pretty\n",
        review="set app.json.compact = False to always indent",
        id="pretty-printing from a variable: review",
    ),
    Case(
        "app.config['SECRET_KEY'] = 'x'\n",
        "app.config['SECRET_KEY'] = 'x'\n",
        id="other keys stay",
    ),
]

test_rewrite, test_runtime = flask3_tests("flask3_json_config", CASES)
