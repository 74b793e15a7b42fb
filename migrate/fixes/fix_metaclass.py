"""``__metaclass__ = M`` in a class body -> ``@six.add_metaclass(M)``.

Python 3 ignores a ``__metaclass__`` attribute; the six decorator rebuilds the
class with the metaclass on both interpreters and leaves the bases alone.
"""
from fissix import pytree
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._m3util import add_class_decorator, class_statements, remove_statement, replace_statement
from ._util import ensure_import, is_builtin_use


def _without_bases(classdef):
    """``class A:`` or ``class A():``: the leaves to swap for ``(object)``
    (empty for the first), or None when the class names bases."""
    children = classdef.children
    if children[2].type == token.COLON:
        return []
    if children[2].type == token.LPAR and children[3].type == token.RPAR:
        return [children[2], children[3]]
    return None


def _metaclass_assignment(classdef):
    """``(statement, value_node)`` of ``__metaclass__ = value`` in the body."""
    for stmt in class_statements(classdef):
        if stmt.type != syms.simple_stmt:
            continue
        for small in stmt.children:
            if (
                small.type == syms.expr_stmt
                and len(small.children) == 3
                and small.children[0].type == token.NAME
                and small.children[0].value == "__metaclass__"
                and small.children[1].type == token.EQUAL
            ):
                return stmt, small
    return None, None


class FixMetaclass(MigrateFix):
    """Move a class's ``__metaclass__`` into a ``six.add_metaclass`` decorator.

    The bases stay as they are; a module-level ``__metaclass__`` is left alone.
    """

    name = "metaclass"
    summary = "__metaclass__ = M -> @six.add_metaclass(M)"
    # The literal name lets the engine skip files that have none.
    PATTERN = """
        classdef< any* suite< any* simple_stmt< expr_stmt< '__metaclass__' '=' any > any* >
                  any* > >
    """

    def transform(self, node, results):
        stmt, assignment = _metaclass_assignment(node)
        if stmt is None:
            return None
        if len([c for c in stmt.children if c.type not in (token.SEMI, token.NEWLINE)]) != 1:
            self.review(stmt, "__metaclass__ shares its line with other statements; move it "
                        "to @six.add_metaclass by hand")
            return None
        value_node = assignment.children[2]
        bare = _without_bases(node)
        if (
            bare is not None
            and value_node.type == token.NAME
            and value_node.value == "type"
            and is_builtin_use(value_node)
        ):
            # only a new-style class: on 3.x every class is one
            self._new_style(node, stmt, bare)
            return None
        value = str(value_node).strip()
        if "\n" in value:
            value = " ".join(value.split())
        if len(class_statements(node)) == 1:
            replace_statement(stmt, "pass\n")
        else:
            remove_statement(stmt)
        ensure_import(node, "six")
        add_class_decorator(node, "six.add_metaclass(%s)" % value)
        self.changed(node)
        return None

    def _new_style(self, classdef, stmt, parentheses):
        if len(class_statements(classdef)) == 1:
            replace_statement(stmt, "pass\n")
        else:
            remove_statement(stmt)
        for leaf in parentheses:
            leaf.remove()
        name = classdef.children[1]
        position = classdef.children.index(name) + 1
        for offset, leaf in enumerate((pytree.Leaf(token.LPAR, "("), pytree.Leaf(token.NAME, "object"),
                                       pytree.Leaf(token.RPAR, ")"))):
            classdef.insert_child(position + offset, leaf)
        self.changed(classdef)
