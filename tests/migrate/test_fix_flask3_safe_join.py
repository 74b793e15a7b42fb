# migrate-tests: tool-only
"""flask3_safe_join (target flask3): safe_join is Werkzeug's."""
from casekit import Case
from flask3kit import flask3_tests

RUNS_ON_FLASK3 = True

CASES = [
    Case(
        """
        from flask import safe_join, abort
        print(safe_join('/srv/files', 'a/b.txt'))
        """,
        """
        from flask import abort
        from werkzeug.utils import safe_join
        print(safe_join('/srv/files', 'a/b.txt'))
        """,
        output="/srv/files/a/b.txt\n",
        review="returns None for a path outside the folder",
        id="from flask import safe_join",
    ),
    Case(
        """
        import flask
        print(flask.safe_join('/srv', 'x.txt'))
        """,
        """
        import werkzeug.utils
        import flask
        print(werkzeug.utils.safe_join('/srv', 'x.txt'))
        """,
        output="/srv/x.txt\n",
        review="Flask 2.1 removed it",
        id="attribute of the module",
    ),
]

test_rewrite, test_runtime = flask3_tests("flask3_safe_join", CASES)
