"""``client.get(..., as_tuple=True)`` -> the response's ``request.environ``.

Werkzeug 2.0 deprecated the ``as_tuple`` argument of the test client and
Werkzeug 2.1 removed it; the response keeps the request it answered, so
``environ, response = client.get(url, as_tuple=True)`` is
``response = client.get(url)`` followed by ``environ =
response.request.environ``. Other uses of ``as_tuple`` (the tuple kept
whole, a value that is not a literal ``True``) are listed for review.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._flask3 import Flask3Fix, keyword_arguments
from ._m3util import replace_statement, statement_of

_METHODS = ("open", "get", "post", "put", "delete", "patch", "head", "options", "trace")
_CHANGELOG = "Werkzeug 2.0 deprecated as_tuple, Werkzeug 2.1 removed it"


def _without(trailer, argument):
    """The text of the call ``trailer`` without the keyword ``argument``."""
    args = trailer.children[1]
    items = args.children if args.type == syms.arglist else [args]
    kept = [str(item).strip() for item in items
            if item is not argument and item.type != token.COMMA]
    return "(%s)" % ", ".join(kept)


class FixFlask3TestClient(Flask3Fix):
    """Unpack ``as_tuple=True`` test-client calls into the response and its
    ``request.environ``."""

    name = "flask3_test_client"
    summary = "client.get(..., as_tuple=True) -> response.request.environ"
    PATTERN = "power< any+ trailer< '.' NAME > trailer< '(' arglist< any* argument< 'as_tuple' '=' any > any* > ')' > >"

    def transform(self, node, results):
        method = node.children[-2].children[1].value
        if method not in _METHODS:
            return None
        trailer = node.children[-1]
        argument = keyword_arguments(trailer).get("as_tuple")
        if argument is None:
            return None
        if str(argument.children[2]).strip() != "True":
            self.review_since(node, "as_tuple= is gone: the response has request.environ",
                              _CHANGELOG)
            return None
        stmt = statement_of(node)
        small = node.parent
        target = small.children[0] if small is not None and small.type == syms.expr_stmt else None
        names = None
        if target is not None and len(small.children) == 3 and small.children[2] is node and \
                target.type in (syms.exprlist, syms.testlist_star_expr, syms.atom):
            inner = target.children[1] if target.type == syms.atom else target
            parts = [child for child in inner.children if child.type != token.COMMA]
            if len(parts) == 2 and all(part.type == token.NAME for part in parts):
                names = [part.value for part in parts]
        if names is None or stmt is None or small.parent is not stmt or len(stmt.children) != 2:
            self.review_since(node, "as_tuple=True is gone: take the environ from "
                              "response.request.environ", _CHANGELOG)
            return None
        call = "".join(str(child) for child in node.children[:-1]).strip()
        environ, response = names
        try:
            replace_statement(stmt, "%s = %s%s\n%s = %s.request.environ\n" % (
                response, call, _without(trailer, argument), environ, response))
        except ValueError:
            self.review_since(node, "as_tuple=True is gone: take the environ from "
                              "response.request.environ", _CHANGELOG)
            return None
        self.changed(node)
        return None
