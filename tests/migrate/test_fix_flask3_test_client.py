# migrate-tests: tool-only
"""flask3_test_client (target flask3): no as_tuple; the response's request."""
from casekit import Case
from flask3kit import flask3_tests

RUNS_ON_FLASK3 = True

CASES = [
    Case(
        """
        from flask import Flask
        site = Flask(__name__)
        @site.route('/items/<int:n>')
        def item(n):
            return str(n * 2)
        browser = site.test_client()
        environ, response = browser.get('/items/21', as_tuple=True)
        print(environ['PATH_INFO'], response.data)
        """,
        """
        from flask import Flask
        site = Flask(__name__)
        @site.route('/items/<int:n>')
        def item(n):
            return str(n * 2)
        browser = site.test_client()
        response = browser.get('/items/21')
        environ = response.request.environ
        print(environ['PATH_INFO'], response.data)
        """,
        output="/items/21 b'42'\n",
        id="environ, response = ...",
    ),
    Case(
        """
        def check(browser):
            result = browser.post('/', data={'a': '1'}, as_tuple=True)
            return result[0]
        """,
        """
        def check(browser):
            result = browser.post('/', data={'a': '1'}, as_tuple=True)
            return result[0]
        """,
        review="take the environ from response.request.environ",
        id="the tuple kept whole: review",
    ),
]

test_rewrite, test_runtime = flask3_tests("flask3_test_client", CASES)
