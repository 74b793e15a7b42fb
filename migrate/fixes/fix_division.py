"""Classic division: ``/`` floors integers on Python 2, not on Python 3.

Without ``from __future__ import division`` the meaning of ``a / b``
depends on the operand types at run time, which the tool cannot know. Two
integer literals become ``//`` (the floor Python 2 computed); a float literal
operand means true division on both; a str literal operand means no number
is divided at all (``root / 'docs'``: an object that joins paths or URLs
through ``__div__``/``__truediv__``); every other ``/`` is left alone and
reported for review, never guessed.
"""
from fissix import pytree
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import has_future


def _number_kind(node):
    """``"int"``, ``"float"`` for a numeric literal (sign allowed), else None."""
    if node.type == syms.factor and node.children[0].type in (token.MINUS, token.PLUS):
        return _number_kind(node.children[1])
    if node.type == syms.power and node.children[0].type == token.NAME and node.children[0].value == "float":
        return "float"
    if node.type != token.NUMBER:
        return None
    value = node.value.lower()
    if value.endswith("j"):
        return "complex"
    if value.startswith(("0x", "0o", "0b")):
        return "int"
    if "." in value or "e" in value:
        return "float"
    return "int"


def _is_text(node):
    """True for a string literal (implicit concatenation too)."""
    if node is None:
        return False
    if node.type == syms.atom and all(child.type == token.STRING for child in node.children):
        return True
    return node.type == token.STRING


class FixDivision(MigrateFix):
    """Make provably integer divisions explicit and report the others."""

    name = "division"
    summary = "7 / 2 -> 7 // 2 for int literals; other classic divisions are reported"
    PATTERN = "term< any+ > | expr_stmt< any '/=' any >"
    # a term is a division only with a '/' in it
    required_values = ("/", "/=")

    def start_tree(self, tree, filename):
        """Skip modules that already use true division."""
        super(FixDivision, self).start_tree(tree, filename)
        self._true_division = has_future(tree, "division")

    def transform(self, node, results):
        if self._true_division:
            return None
        children = node.children
        if node.type == syms.expr_stmt:
            if _number_kind(children[2]) in ("float", "complex"):
                return None
            self.review(node, "'/=' without 'from __future__ import division': floors integers on Python 2 only")
            return None
        # ``root / 'docs' / name``: once a '/' had a str operand, what the
        # chain of '/' carries on is that object, not a number
        joining = False
        for index, child in enumerate(children):
            if child.type != token.SLASH:
                if index % 2:  # another operator: '*', '%', '//'
                    joining = False
                continue
            left = children[index - 1] if index == 1 else None
            right = children[index + 1]
            kinds = (_number_kind(left) if left is not None else None, _number_kind(right))
            joining = joining or _is_text(left) or _is_text(right)
            if "float" in kinds or "complex" in kinds or joining:
                continue
            if kinds == ("int", "int"):
                child.replace(pytree.Leaf(token.DOUBLESLASH, "//", prefix=child.prefix))
                self.changed(node)
                continue
            self.review(
                node,
                "'/' without 'from __future__ import division': floors integers on "
                "Python 2, divides exactly on 3; use // or add the future import",
            )
        return None
