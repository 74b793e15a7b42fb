"""``request.user_agent.browser`` and friends: listed for review.

Werkzeug 2.0 deprecated its built-in User-Agent parser and Werkzeug 2.1
removed it: ``request.user_agent.browser``, ``.platform``, ``.version`` and
``.language`` are ``None`` for every request now (``.string`` still holds
the header). Code that branched on them keeps running and silently takes the
"unknown" path, so each use is listed: parse ``user_agent.string`` with a
library of your choice, or set ``Request.user_agent_class`` to a
``werkzeug.user_agent.UserAgent`` subclass that does.
"""
from ._flask3 import Flask3Fix


class FixFlask3UserAgent(Flask3Fix):
    """List ``user_agent.browser``/``platform``/``version``/``language``:
    Werkzeug 2.1 answers None for them."""

    name = "flask3_user_agent"
    summary = "request.user_agent.browser / platform / version / language: review (always None now)"
    PATTERN = (
        "power< any+ trailer< '.' 'user_agent' > trailer< '.' attr=('browser' | 'platform' |"
        " 'version' | 'language') > any* >"
    )

    def transform(self, node, results):
        attr = results["attr"]
        attr = attr[0] if isinstance(attr, list) else attr
        self.review_since(
            node, "user_agent.%s is always None now: parse user_agent.string yourself (or set "
            "a UserAgent subclass as Request.user_agent_class)" % attr.value,
            "Werkzeug 2.0 deprecated its User-Agent parser, Werkzeug 2.1 removed it")
        return None
