# migrate-tests: tool-only
"""flask3_version (target flask3): versions from the installed metadata."""
from casekit import Case
from flask3kit import flask3_tests

RUNS_ON_FLASK3 = True

CASES = [
    Case(
        """
        import flask
        import werkzeug
        print(flask.__version__.count('.') >= 1, werkzeug.__version__.split('.')[0].isdigit())
        """,
        """
        import importlib.metadata
        import flask
        import werkzeug
        print(importlib.metadata.version('flask').count('.') >= 1, importlib.metadata.version('werkzeug').split('.')[0].isdigit())
        """,
        output="True True\n",
        id="module attributes",
    ),
    Case(
        "from flask import __version__\n",
        "from flask import __version__\n",
        review="use importlib.metadata.version('flask')",
        id="imported by name: review",
    ),
    Case(
        "import mylib\nprint(mylib.__version__)\n",
        "import mylib\nprint(mylib.__version__)\n",
        id="another package's version stays",
    ),
]

test_rewrite, test_runtime = flask3_tests("flask3_version", CASES)
