"""``before_first_request``: listed for review, never rewritten.

Flask 2.2 deprecated ``app.before_first_request`` and
``Blueprint.before_app_first_request`` and Flask 2.3 removed them. What
replaces them depends on what the function does: setup that needs no
request goes where the app is created, inside ``with app.app_context():``;
setup that needs the first request's data has no direct equivalent. The
tool cannot tell the two apart, so every use is listed with that advice.
"""
from fissix.pgen2 import token

from ._flask3 import Flask3Fix

_NAMES = ("before_first_request", "before_app_first_request", "before_first_request_funcs")


class FixFlask3BeforeFirstRequest(Flask3Fix):
    """List every ``before_first_request`` for review: move its setup to
    where the app is created (in an app context)."""

    name = "flask3_before_first_request"
    summary = "before_first_request / before_app_first_request: review (Flask 2.3 removed them)"
    PATTERN = " | ".join("%r" % name for name in _NAMES)

    def transform(self, node, results):
        previous = node.prev_sibling
        if previous is None or previous.type != token.DOT:
            return None
        self.review_since(
            node,
            "%s is gone: run this setup once where the app is created, inside "
            "'with app.app_context():' (code that needs the first request itself has no "
            "direct replacement)" % node.value,
            "Flask 2.2 deprecated it, Flask 2.3 removed it",
        )
        return None
