"""``__nonzero__`` -> ``__bool__``, keeping ``__nonzero__`` as an alias.

Python 3 asks ``__bool__`` for truth and ignores ``__nonzero__``. Renaming the
method and binding ``__nonzero__ = __bool__`` right after it gives the same
truth value on both interpreters (and lets the target-3 clean-up drop the
alias line later).
"""
from ._base import MigrateFix
from ._m3util import class_defines, class_methods, insert_after


class FixNonzero(MigrateFix):
    """Rename ``__nonzero__`` to ``__bool__`` and alias the old name.

    A class that already defines ``__bool__`` is left alone.
    """

    name = "nonzero"
    summary = "__nonzero__ -> __bool__ (with a __nonzero__ alias for 2.7)"
    # The literal method name lets the engine skip files that have none.
    PATTERN = "classdef< any* suite< any* funcdef< 'def' '__nonzero__' any* > any* > >"

    def transform(self, node, results):
        methods = class_methods(node)
        if "__nonzero__" not in methods:
            return None
        stmt, funcdef = methods["__nonzero__"]
        if class_defines(node, "__bool__"):
            return None
        funcdef.children[1].value = "__bool__"
        insert_after(stmt, "__nonzero__ = __bool__\n")
        self.changed(node)
        return None
