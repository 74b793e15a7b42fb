# migrate-tests: tool-only
"""flask3_user_agent (target flask3): the parsed User-Agent fields are gone."""
from casekit import Case
from flask3kit import flask3_tests

_CODE = """\
from flask import request
def old_browser():
    agent = request.user_agent
    return request.user_agent.browser == 'msie' and agent.version < '9'
"""

CASES = [
    Case(_CODE, _CODE, review="user_agent.browser is always None now", id="browser"),
    Case("print(request.user_agent.string)\n", "print(request.user_agent.string)\n",
         id="the header itself stays"),
]

test_rewrite, test_runtime = flask3_tests("flask3_user_agent", CASES)
