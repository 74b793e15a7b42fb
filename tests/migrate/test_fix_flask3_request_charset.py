# migrate-tests: tool-only
"""flask3_request_charset (target flask3): requests are UTF-8."""
from casekit import Case
from flask3kit import flask3_tests

RUNS_ON_FLASK3 = True

CASES = [
    Case(
        """
        from flask import Flask, request
        app = Flask(__name__)
        with app.test_request_context('/?q=%C3%A9'):
            print(request.args['q'].encode(request.charset), request.url_charset)
        """,
        """
        from flask import Flask, request
        app = Flask(__name__)
        with app.test_request_context('/?q=%C3%A9'):
            print(request.args['q'].encode('utf-8'), 'utf-8')
        """,
        output="b'\\xc3\\xa9' utf-8\n",
        id="request.charset and url_charset",
    ),
    Case(
        """
        from flask import Flask, Request, request
        class LatinRequest(Request):
            charset = 'latin-1'
        encoding = request.charset
        """,
        """
        from flask import Flask, Request, request
        class LatinRequest(Request):
            charset = 'latin-1'
        encoding = request.charset
        """,
        review="class LatinRequest sets charset",
        id="a Request class with its own charset: review",
    ),
    Case(
        "print(page.charset)\n",
        "print(page.charset)\n",
        id="another object's charset stays",
    ),
]

test_rewrite, test_runtime = flask3_tests("flask3_request_charset", CASES)
