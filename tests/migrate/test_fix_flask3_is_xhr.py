# migrate-tests: tool-only
"""flask3_is_xhr (target flask3): the X-Requested-With header test."""
from casekit import Case
from flask3kit import FLASK3_PYTHON, flask3_tests, migrate_flask3, run_after

_REVIEW = "fetch() and most newer clients never send that header"

CASES = [
    Case(
        """
        from flask import request
        def answer():
            if request.is_xhr:
                return 'fragment'
            return 'page'
        """,
        """
        from flask import request
        def answer():
            if request.headers.get('X-Requested-With', '').lower() == 'xmlhttprequest':
                return 'fragment'
            return 'page'
        """,
        review=_REVIEW,
        id="if request.is_xhr",
    ),
    Case(
        """
        import flask
        def kind():
            return 'xhr' if flask.request.is_xhr else 'plain'
        ajax = flask.request.is_xhr
        """,
        """
        import flask
        def kind():
            return 'xhr' if (flask.request.headers.get('X-Requested-With', '').lower() == 'xmlhttprequest') else 'plain'
        ajax = flask.request.headers.get('X-Requested-With', '').lower() == 'xmlhttprequest'
        """,
        review="Werkzeug 1.0 removed it",
        id="module attribute; parentheses where needed",
    ),
    Case(
        "print(job.is_xhr)\n",
        "print(job.is_xhr)\n",
        id="another object's is_xhr stays",
    ),
]

test_rewrite, test_runtime = flask3_tests("flask3_is_xhr", CASES)

if FLASK3_PYTHON is not None:
    def test_the_header_test_on_flask3():
        """The rewritten test answers as is_xhr did, in any letter case."""
        app = (
            "from flask import Flask\n"
            "app = Flask(__name__)\n"
            "@app.route('/')\n"
            "def index():\n"
            "    return answer()\n"
            "client = app.test_client()\n"
            "print(client.get('/').data, client.get('/', headers={'X-Requested-With': "
            "'xmlhttprequest'}).data)\n"
        )
        assert run_after(CASES[0].after + app) == "b'page' b'fragment'\n"


def test_reviewed_once_per_place():
    result = migrate_flask3(CASES[1].before, "flask3_is_xhr")
    assert [review.line for review in result.reviews] == [3, 4]
