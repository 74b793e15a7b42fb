# migrate-tests: tool-only
"""flask3_base_wrappers (target flask3): Request and Response.

Werkzeug 2.1 removed BaseResponse, so no interpreter the tool serves can run
the original; the result runs here.
"""
from afterkit import after_tests
from casekit import Case
from flask3kit import flask3_tests

CASES = [
    Case(
        """
        from werkzeug.wrappers import BaseResponse
        class TextResponse(BaseResponse):
            default_mimetype = 'text/plain'
        """,
        """
        from werkzeug.wrappers import Response
        class TextResponse(Response):
            default_mimetype = 'text/plain'
        """,
        id="BaseResponse",
    ),
    Case(
        """
        from werkzeug.wrappers import BaseRequest, Response
        class Request(BaseRequest):
            pass
        def wrap(environ):
            return Request(environ), Response('x')
        """,
        """
        from werkzeug.wrappers import Request as BaseRequest, Response
        class Request(BaseRequest):
            pass
        def wrap(environ):
            return Request(environ), Response('x')
        """,
        id="BaseRequest where Request is taken",
    ),
    Case(
        """
        from werkzeug.wrappers.json import JSONMixin
        """,
        """
        from werkzeug.wrappers.json import JSONMixin
        """,
        review="JSONMixin is part of Request/Response now",
        id="a mixin: review",
    ),
]

test_rewrite, test_runtime = flask3_tests("flask3_base_wrappers", CASES)
test_after_runs = after_tests(CASES, [
    ("BaseResponse", "print(TextResponse('hi').mimetype)\n", "text/plain\n"),
    ("BaseRequest where Request is taken",
     "from werkzeug.test import create_environ\n"
     "request, response = wrap(create_environ('/a'))\n"
     "print(request.path, response.status_code)\n", "/a 200\n"),
])
