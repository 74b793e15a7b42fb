"""Backticks ```x``` -> ``repr(x)``."""
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import call, expression


class FixRepr(MigrateFix):
    """Replace backtick quotes by calls of ``repr``."""

    name = "repr"
    summary = "`x` -> repr(x)"
    PATTERN = "atom< '`' expr=any '`' >"

    def transform(self, node, results):
        expr = results["expr"].clone()
        if expr.type in (syms.testlist1, syms.testlist, syms.testlist_gexp, syms.exprlist):
            # `a, b` is the repr of a tuple
            expr = expression("(%s)" % str(expr).strip())
        self.changed(node)
        return call("repr", [expr], prefix=node.prefix)
