"""Backticks ```x``` -> ``repr(x)``."""
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import call, expression, name_is_builtin_at


class FixRepr(MigrateFix):
    """Replace backtick quotes by calls of ``repr``."""

    name = "repr"
    summary = "`x` -> repr(x)"
    PATTERN = "atom< '`' expr=any '`' >"

    def transform(self, node, results):
        if not name_is_builtin_at(node, "repr"):
            self.review(node, "backticks: repr is rebound here; write the repr call by hand")
            return None
        expr = results["expr"].clone()
        if expr.type in (syms.testlist1, syms.testlist, syms.testlist_gexp, syms.exprlist):
            # `a, b` is the repr of a tuple
            expr = expression("(%s)" % str(expr).strip())
        self.changed(node)
        return call("repr", [expr], prefix=node.prefix)
