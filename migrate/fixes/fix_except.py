"""``except E, e:`` -> ``except E as e:``.

A handler that unpacks the exception (``except E, (code, message):``) or
stores it elsewhere (``except E, self.error:``) gets a fresh name and an
assignment as its first statement: ``(code, message) = exc.args`` (Python 2
unpacked an exception through its args) or ``self.error = exc``.

Python 2 exceptions could be indexed (``e[0]`` was ``e.args[0]``); Python 3
exceptions cannot, so in the handler's body ``e[...]`` on the caught name
becomes ``e.args[...]``, in both forms of the clause, unless the body binds
the name again.
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
    PATTERN = (
        "except_clause< 'except' any comma=',' target=any >"
        " | except_clause< 'except' any 'as' target=NAME >"
    )

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
        comma = results.get("comma")
        if target.type == token.NAME:
            if comma is not None:
                comma.replace(pytree.Leaf(token.NAME, "as", prefix=comma.prefix or " "))
                if not target.prefix:
                    target.prefix = " "
                self.changed(node)
            self._index_args(node, target.value)
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

    def _index_args(self, clause, name):
        """``name[i]`` -> ``name.args[i]`` in the handler of ``clause``."""
        body = clause.next_sibling.next_sibling if clause.next_sibling is not None else None
        if body is None:
            return
        uses = []
        for leaf in body.leaves():
            if leaf.type != token.NAME or leaf.value != name:
                continue
            parent = leaf.parent
            following = leaf.next_sibling
            if _binds(leaf):
                return
            if (parent is not None and parent.type == syms.power and parent.children[0] is leaf
                    and following is not None and following.type == syms.trailer
                    and following.children[0].type == token.LSQB
                    and (leaf.prev_sibling is None or leaf.prev_sibling.type != token.DOT)):
                uses.append(leaf)
        for leaf in uses:
            index = leaf.parent.children.index(leaf)
            leaf.parent.insert_child(index + 1, pytree.Node(
                syms.trailer, [pytree.Leaf(token.DOT, "."), pytree.Leaf(token.NAME, "args")]))
            self.changed(leaf)


def _binds(leaf):
    """True when ``leaf`` (a name) is assigned, deleted or used as a loop,
    ``with`` or ``except`` target, or a parameter."""
    parent = leaf.parent
    while parent is not None and parent.type in (syms.exprlist, syms.testlist_star_expr,
                                                 syms.testlist_gexp, syms.atom):
        leaf, parent = parent, parent.parent
    if parent is None:
        return False
    if parent.type == syms.expr_stmt:
        return any(child is leaf for child in parent.children[:-1])
    if parent.type in (syms.for_stmt, syms.comp_for):
        return parent.children[1] is leaf
    if parent.type in (syms.del_stmt, syms.global_stmt, syms.parameters, syms.typedargslist,
                       syms.varargslist, syms.with_stmt, syms.except_clause, syms.funcdef,
                       syms.classdef, syms.import_as_name, syms.dotted_as_name):
        return True
    return False


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
