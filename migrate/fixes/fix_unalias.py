"""Target 3: drop the Python 2 aliases of special methods.

``__nonzero__ = __bool__`` only serves Python 2, which asks ``__nonzero__``
for truth. ``def __div__`` with ``__truediv__ = __div__`` (the 2and3 form of
classic division) becomes ``def __truediv__``, and the same for the in-place
and reflected forms, when nothing else in the module names the old method.
``next = __next__`` stays: callers may still use ``obj.next()``.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._m3util import class_methods, class_statements, remove_statement

#: alias name -> the Python 3 method it points to.
BOOL_ALIASES = {"__nonzero__": "__bool__"}
DIV_PAIRS = {"__truediv__": "__div__", "__itruediv__": "__idiv__", "__rtruediv__": "__rdiv__"}


def _alias(stmt):
    """``(target, value)`` of a ``name = name`` statement, else None."""
    if stmt.type != syms.simple_stmt or len(stmt.children) != 2:
        return None
    small = stmt.children[0]
    if small.type == syms.expr_stmt and len(small.children) == 3 and \
            small.children[1].type == token.EQUAL and small.children[0].type == token.NAME and \
            small.children[2].type == token.NAME:
        return small.children[0].value, small.children[2].value
    return None


class FixUnalias(MigrateFix):
    """Remove ``__nonzero__``/``__div__`` aliases that only Python 2 needs."""

    name = "unalias"
    summary = "target 3: drop __nonzero__ = __bool__; __div__ + __truediv__ alias -> __truediv__"
    targets = frozenset(["3"])
    PATTERN = "classdef"

    def start_tree(self, tree, filename):
        super(FixUnalias, self).start_tree(tree, filename)
        self._name_counts = {}
        for leaf in tree.leaves():
            if leaf.type == token.NAME:
                self._name_counts[leaf.value] = self._name_counts.get(leaf.value, 0) + 1

    def transform(self, node, results):
        methods = class_methods(node)
        for stmt in class_statements(node):
            alias = _alias(stmt)
            if alias is None:
                continue
            target, value = alias
            if BOOL_ALIASES.get(target) == value and value in methods:
                remove_statement(stmt)
                self.changed(node)
            elif DIV_PAIRS.get(target) == value and value in methods and target not in methods:
                # the old name must appear only in its def and in this alias
                if self._name_counts.get(value, 0) == 2 and self._name_counts.get(target, 0) == 1:
                    methods[value][1].children[1].value = target
                    remove_statement(stmt)
                    self.changed(node)
        return None
