"""``request.is_xhr`` -> the ``X-Requested-With`` header test it made.

Werkzeug 0.13 deprecated ``is_xhr`` and Werkzeug 1.0 removed it (so Flask
1.1 on Werkzeug 1.0 and flaskcompat lack it too). It was true when the
request had ``X-Requested-With: XMLHttpRequest``, in any letter case; the
rewrite makes that test. It is listed for review all the same: only some
JavaScript libraries (jQuery among them) send that header, ``fetch()`` and
most newer ones do not, so the code may want another signal (an ``Accept``
header, a separate route).
"""
from fissix.pygram import python_symbols as syms

from ._flask3 import Flask3Fix, flask_module, imported_path
from ._util import expression

_TEST = "%s.headers.get('X-Requested-With', '').lower() == 'xmlhttprequest'"
# where a comparison needs no parentheses around it
_BARE_PARENTS = (syms.if_stmt, syms.while_stmt, syms.not_test, syms.and_test, syms.or_test,
                 syms.return_stmt)


class FixFlask3IsXhr(Flask3Fix):
    """Test the ``X-Requested-With`` header where the code asked
    ``request.is_xhr``; review the use (few clients send that header)."""

    name = "flask3_is_xhr"
    summary = "request.is_xhr -> the X-Requested-With header test (review: fetch() never sends it)"
    PATTERN = (
        "power< head=NAME trailer< '.' 'is_xhr' > >"
        " | power< head=NAME trailer< '.' 'request' > trailer< '.' 'is_xhr' > >"
    )

    def transform(self, node, results):
        head = results["head"]
        if len(node.children) == 2:
            found = imported_path(head)
            if found is None or found[1] not in ("request", "globals.request"):
                return None
            receiver = head.value
        else:
            if flask_module(head) not in ("flask", "flaskcompat"):
                return None
            receiver = head.value + ".request"
        text = _TEST % receiver
        parent = node.parent
        bare = parent is not None and (
            parent.type in _BARE_PARENTS
            or parent.type == syms.expr_stmt and parent.children[-1] is node
        )
        if not bare:
            text = "(%s)" % text
        self.changed(node)
        self.review_since(
            node, "is_xhr is the X-Requested-With header test now; fetch() and most newer "
            "clients never send that header: check what the code should look at",
            "Werkzeug 0.13 deprecated is_xhr, Werkzeug 1.0 removed it")
        return expression(text, prefix=node.prefix)
