"""``[x for x in a, b]`` -> ``[x for x in (a, b)]``."""
from fissix import pytree
from fissix.pgen2 import token

from ._base import MigrateFix


class FixParen(MigrateFix):
    """Parenthesize the bare tuple a list comprehension iterates over.

    Python 2 accepted ``for x in 1, 2`` inside a list comprehension; Python 3
    needs the parentheses. The value is the same tuple.
    """

    name = "paren"
    summary = "[x for x in a, b] -> [x for x in (a, b)]"
    PATTERN = "comp_for< 'for' any 'in' items=testlist_safe any* >"

    def transform(self, node, results):
        items = results["items"]
        prefix = items.prefix
        inner = items.clone()
        inner.prefix = ""
        atom = pytree.Node(
            self.syms.atom,
            [pytree.Leaf(token.LPAR, "("), inner, pytree.Leaf(token.RPAR, ")")],
            prefix=prefix,
        )
        items.replace(atom)
        self.changed(node)
        return None
