"""``filter(...)`` -> ``list(filter(...))`` where Python 2's list is used."""
from ._base import ListResultFix


class FixFilter(ListResultFix):
    """Keep the list result of ``filter`` where the code relies on a list."""

    name = "filter"
    summary = "filter(f, xs) -> list(filter(f, xs)) where a list is used"
    builtin = "filter"

    def check(self, node, args):
        """Flag a string or tuple literal: Python 2 returned the same type."""
        from fissix.pgen2 import token

        if len(args) == 2 and args[1].type == token.STRING:
            self.review(node, "filter over a string returned a string on Python 2, a list now")
        elif len(args) == 2 and _is_tuple(args[1]):
            self.review(node, "filter over a tuple returned a tuple on Python 2, a list now")
        return True


def _is_tuple(node):
    from fissix.pygram import python_symbols as syms

    return node.type == syms.atom and node.children[0].value == "(" and (
        len(node.children) == 2 or (node.children[1].type == syms.testlist_gexp and "," in str(node))
    )
