"""The Python 2.2 fallback ``True, False = 1, 0`` -> removed.

Code written for Python 2.2 guarded its booleans with ``try: True, False``
``except NameError: True, False = 1, 0``. Python 2.7 always has them, and on
Python 3 an assignment to ``True`` or ``False`` does not even compile, so the
whole ``try`` statement goes. Any other assignment to either name is listed
for review.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._m3util import remove_statement, replace_statement

_BOOLS = frozenset(["True", "False"])
_TARGETS = (syms.exprlist, syms.testlist_star_expr, syms.testlist, syms.testlist_gexp, syms.atom)


def _assigns_bool(expr_stmt):
    """True for ``True = ...`` or ``True, False = ...``."""
    children = expr_stmt.children
    if len(children) < 3 or children[1].type != token.EQUAL:
        return False
    target = children[0]
    if target.type == token.NAME:
        return target.value in _BOOLS
    if target.type in _TARGETS:
        return any(leaf.type == token.NAME and leaf.value in _BOOLS for leaf in target.leaves())
    return False


def _statements(suite):
    """The small statements of a block (a suite or a one-line body)."""
    if suite.type != syms.suite:
        return [child for child in suite.children if child.type not in (token.SEMI, token.NEWLINE)]
    found = []
    for stmt in suite.children:
        if stmt.type == syms.simple_stmt:
            found.extend(child for child in stmt.children if child.type not in (token.SEMI, token.NEWLINE))
        elif stmt.type not in (token.NEWLINE, token.INDENT, token.DEDENT):
            found.append(stmt)
    return found


def _fallback_try(expr_stmt):
    """The ``try`` statement when ``expr_stmt`` is in the fallback's handler."""
    node = expr_stmt
    while node is not None and node.type != syms.try_stmt:
        if node.type in (syms.funcdef, syms.classdef, syms.file_input):
            return None
        node = node.parent
    if node is None:
        return None
    children = node.children
    # try ':' body except_clause ':' handler, and nothing else
    if len(children) != 6 or children[3].type != syms.except_clause:
        return None
    clause = children[3]
    if len(clause.children) != 2 or str(clause.children[1]).strip() != "NameError":
        return None
    body = _statements(children[2])
    handler = _statements(children[5])
    if not body or not handler:
        return None
    names_only = all(
        (stmt.type == token.NAME and stmt.value in _BOOLS)
        or (stmt.type in _TARGETS and all(
            leaf.type == token.COMMA or (leaf.type == token.NAME and leaf.value in _BOOLS)
            for leaf in stmt.leaves()))
        for stmt in body
    )
    assigns_only = all(stmt.type == syms.expr_stmt and _assigns_bool(stmt) for stmt in handler)
    return node if names_only and assigns_only else None


class FixBoolFallback(MigrateFix):
    """Remove the pre-2.3 boolean fallback; report other True/False assignments."""

    name = "bool_fallback"
    summary = "try: True, False / except NameError: True, False = 1, 0 -> removed"
    _accept_type = syms.expr_stmt
    required_values = tuple(sorted(_BOOLS))

    def match(self, node):
        return node.type == syms.expr_stmt and _assigns_bool(node)

    def transform(self, node, results):
        fallback = _fallback_try(node)
        if fallback is None:
            self.review(node, "assignment to True/False: a syntax error on Python 3, where "
                        "they are keywords; remove it")
            return None
        if fallback.parent is None:
            return None  # removed already, through the other assignment
        block = fallback.parent
        others = [child for child in block.children
                  if child is not fallback and child.type not in (token.NEWLINE, token.INDENT, token.DEDENT)]
        if block.type == syms.suite and not others:
            replace_statement(fallback, "pass\n")
        else:
            remove_statement(fallback)
        self.changed(node)
        return None
