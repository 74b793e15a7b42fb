"""Target 3: drop the ``__future__`` imports Python 3 no longer needs.

Features that are mandatory on every Python 3 (``print_function``,
``division``, ``absolute_import``, ``unicode_literals``, ``generators``,
``nested_scopes``, ``with_statement``) go; ``annotations``, ``generator_stop``
and any other feature that still changes behaviour stay.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._m3util import from_import_parts, remove_statement, replace_statement

#: Features every Python 3 has on by default.
MANDATORY = frozenset([
    "absolute_import", "division", "generators", "nested_scopes", "print_function",
    "unicode_literals", "with_statement",
])


class FixUnfuture(MigrateFix):
    """Remove ``from __future__ import`` of features mandatory in Python 3."""

    name = "unfuture"
    summary = "target 3: remove from __future__ imports of features mandatory in Python 3"
    targets = frozenset(["3"])
    PATTERN = "import_from< 'from' '__future__' 'import' any* >"

    def transform(self, node, results):
        module, names = from_import_parts(node)
        if names is None:
            return None
        keep = [(name, alias) for name, alias in names if name not in MANDATORY]
        if len(keep) == len(names):
            return None
        simple = node.parent
        others = [c for c in simple.children
                  if c is not node and c.type not in (token.SEMI, token.NEWLINE)]
        lines = []
        for child in simple.children:
            if child is node:
                if keep:
                    lines.append("from __future__ import " + ", ".join(
                        name if alias is None else "%s as %s" % (name, alias)
                        for name, alias in keep))
            elif child.type not in (token.SEMI, token.NEWLINE):
                lines.append(str(child).strip())
        self.changed(node)
        if lines:
            replace_statement(simple, "\n".join(lines) + "\n")
        elif simple.parent is not None and simple.parent.type == syms.suite and not others and len(
                [c for c in simple.parent.children if c.type not in (
                    token.NEWLINE, token.INDENT, token.DEDENT)]) == 1:
            replace_statement(simple, "pass\n")
        else:
            remove_statement(simple)
        return None
