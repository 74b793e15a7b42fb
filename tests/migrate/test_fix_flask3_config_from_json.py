# migrate-tests: tool-only
"""flask3_config_from_json (target flask3): from_file with json.load."""
from casekit import Case
from flask3kit import flask3_tests

RUNS_ON_FLASK3 = True

CASES = [
    Case(
        """
        import os, tempfile
        from flask import Flask
        path = os.path.join(tempfile.mkdtemp(), 'settings.json')
        with open(path, 'w') as handle:
            handle.write('{"GREETING": "hi", "lower": 1}')
        app = Flask(__name__)
        app.config.from_json(path)
        print(app.config['GREETING'], 'lower' in app.config)
        print(app.config.from_json(path + '.missing', silent=True))
        """,
        """
        import json
        import os, tempfile
        from flask import Flask
        path = os.path.join(tempfile.mkdtemp(), 'settings.json')
        with open(path, 'w') as handle:
            handle.write('{"GREETING": "hi", "lower": 1}')
        app = Flask(__name__)
        app.config.from_file(path, load=json.load)
        print(app.config['GREETING'], 'lower' in app.config)
        print(app.config.from_file(path + '.missing', silent=True, load=json.load))
        """,
        output="hi False\nFalse\n",
        id="from_json",
    ),
    Case(
        "settings.from_json(path)\n",
        "settings.from_json(path)\n",
        id="another object's from_json stays",
    ),
]

test_rewrite, test_runtime = flask3_tests("flask3_config_from_json", CASES)
