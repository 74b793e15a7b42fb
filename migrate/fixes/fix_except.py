"""``except E, e:`` -> ``except E as e:``.

A handler that unpacks the exception (``except E, (code, message):``) or
stores it elsewhere (``except E, self.error:``) gets a fresh name and an
assignment as its first statement: ``(code, message) = exc.args`` (Python 2
unpacked an exception through its args) or ``self.error = exc``.
"""
from fissix import pytree
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import parse_statement

_SEQUENCE_ATOMS = (token.LPAR, token.LSQB)


class FixExcept(MigrateFix):
    """Rewrite the comma form of except clauses into the ``as`` form."""

    name = "except"
    summary = "except E, e: -> except E as e: (unpacking targets get exc.args)"
    PATTERN = "except_clause< 'except' any comma=',' target=any >"

    def start_tree(self, tree, filename):
        """Reset the per-file state."""
        super(FixExcept, self).start_tree(tree, filename)
        self._names = None

    def _fresh_name(self):
        if self._names is None:
            self._names = set(leaf.value for leaf in self._tree.leaves() if leaf.type == token.NAME)
        name, number = "exc", 0
        while name in self._names:
            number += 1
            name = "exc_%d" % number
        self._names.add(name)
        return name

    def transform(self, node, results):
        target = results["target"]
        comma = results["comma"]
        if target.type == token.NAME:
            comma.replace(pytree.Leaf(token.NAME, "as", prefix=comma.prefix or " "))
            if not target.prefix:
                target.prefix = " "
            self.changed(node)
            return None
        body = node.next_sibling.next_sibling if node.next_sibling is not None else None
        if body is None:
            return None
        name = self._fresh_name()
        target_text = str(target).strip()
        if target.type == syms.atom and target.children[0].type in _SEQUENCE_ATOMS:
            assignment = "%s = %s.args" % (target_text, name)
        else:
            assignment = "%s = %s" % (target_text, name)
        comma.replace(pytree.Leaf(token.NAME, "as", prefix=comma.prefix or " "))
        target.replace(pytree.Leaf(token.NAME, name, prefix=" "))
        _prepend(body, assignment)
        self.changed(node)
        return None


def _prepend(body, text):
    """Make ``text`` the first statement of the block ``body``."""
    if body.type == syms.suite:
        children = body.children
        index = next(i for i, child in enumerate(children) if child.type == token.INDENT) + 1
        first = children[index]
        newline = body.children[0].value or "\n"
        stmt = parse_statement(text, newline)
        indent = children[index - 1].value
        body.insert_child(index, stmt)
        first.prefix = indent + first.prefix
        return
    # a one-line body: ``except E, (a, b): pass``
    stmt = parse_statement(text, "\n")
    small = stmt.children[0]
    small.remove()
    small.prefix = body.prefix
    body.prefix = ""
    body.children[0].prefix = " "
    body.insert_child(0, pytree.Leaf(token.SEMI, ";"))
    body.insert_child(0, small)
