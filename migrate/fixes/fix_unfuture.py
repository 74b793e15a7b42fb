"""Target 3: drop the ``__future__`` imports Python 3 no longer needs.

Features that are mandatory on every Python 3 (``print_function``,
``division``, ``absolute_import``, ``unicode_literals``, ``generators``,
``nested_scopes``, ``with_statement``) go; ``annotations``, ``generator_stop``
and any other feature that still changes behaviour stay.
"""
from ._base import MigrateFix
from ._m3util import from_import_parts, replace_small

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
        lines = []
        if keep:
            lines.append("from __future__ import " + ", ".join(
                name if alias is None else "%s as %s" % (name, alias) for name, alias in keep))
        replace_small(node, lines)
        self.changed(node)
        return None
