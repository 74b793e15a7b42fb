"""``__div__``/``__idiv__``/``__rdiv__`` -> also ``__truediv__`` & co.

Python 3's ``/`` calls ``__truediv__`` only. Binding ``__truediv__ =
__div__`` (and the in-place and reflected forms) right after the method keeps
what ``/`` did on Python 2 on both interpreters. A class that already has the
true-division method keeps it.
"""
from ._base import MigrateFix
from ._m3util import class_defines, class_methods, insert_after

PAIRS = (("__div__", "__truediv__"), ("__idiv__", "__itruediv__"), ("__rdiv__", "__rtruediv__"))


class FixDivMethods(MigrateFix):
    """Alias the true-division special methods to the classic ones."""

    name = "div_methods"
    summary = "__div__/__idiv__/__rdiv__ -> add __truediv__/__itruediv__/__rtruediv__ aliases"
    # Literal method names let the engine skip files that have none.
    PATTERN = """
        classdef< any* suite< any* funcdef< 'def' '__div__' any* > any* > >
        | classdef< any* suite< any* funcdef< 'def' '__idiv__' any* > any* > >
        | classdef< any* suite< any* funcdef< 'def' '__rdiv__' any* > any* > >
    """

    def transform(self, node, results):
        methods = class_methods(node)
        for old, new in PAIRS:
            if old in methods and not class_defines(node, new):
                insert_after(methods[old][0], "%s = %s\n" % (new, old))
                self.changed(node)
        return None
