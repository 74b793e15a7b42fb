"""Python 2 integer literals: ``0777`` -> ``0o777``, ``10L`` -> ``10``."""
import re

from fissix import pytree
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix

_OLD_OCTAL = re.compile(r"^0([0-7]+)$")


class FixNumliterals(MigrateFix):
    """Rewrite old octal literals and drop the long suffix.

    ``0o777`` is valid from 2.6 on; ``10`` becomes a long on 2.7 by itself as
    soon as it outgrows int, so only the ``repr`` of a small long changes
    (``10L`` -> ``10``).
    """

    name = "numliterals"
    summary = "0777 -> 0o777, 10L -> 10"
    _accept_type = token.NUMBER

    def match(self, node):
        if node.type != token.NUMBER:
            return False
        value = node.value
        return value[-1] in "lL" or bool(_OLD_OCTAL.match(value.rstrip("lL")))

    def transform(self, node, results):
        value = node.value
        if value[-1] in "lL":
            value = value[:-1]
        octal = _OLD_OCTAL.match(value)
        if octal and octal.group(1).strip("0"):
            value = "0o" + octal.group(1)
        elif octal:
            value = "0"  # 00, 000: zero either way
        if value == node.value:
            return None
        self.changed(node)
        following = node.next_sibling
        if (
            value.isdigit()
            and following is not None
            and following.type == syms.trailer
            and following.children[0].type == token.DOT
        ):
            # ``7L.real`` is fine, ``7.real`` would read as the float ``7.``
            return pytree.Node(
                syms.atom,
                [pytree.Leaf(token.LPAR, "("), pytree.Leaf(token.NUMBER, value), pytree.Leaf(token.RPAR, ")")],
                prefix=node.prefix,
            )
        return pytree.Leaf(token.NUMBER, value, prefix=node.prefix)
