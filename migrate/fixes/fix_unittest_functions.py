"""``unittest.makeSuite(Case)`` -> ``unittest.defaultTestLoader.loadTestsFromTestCase(Case)``.

Python 3.13 removed the module functions ``makeSuite`` and ``findTestCases``
(deprecated since 3.11). With the class (or module) as their only argument
they did what the default loader's methods do on 2.7 and every 3.x; a call that passes a prefix, a sort function or a suite class,
``from unittest import makeSuite`` and the function used as a value are
listed for review.
"""
from fissix.pygram import python_symbols as syms

from ._base import ModuleAttributeFix
from ._util import is_module_use

LOADER = {
    "makeSuite": "unittest.defaultTestLoader.loadTestsFromTestCase",
    "findTestCases": "unittest.defaultTestLoader.loadTestsFromModule",
}


class FixUnittestFunctions(ModuleAttributeFix):
    """Rewrite the unittest module functions that Python 3.13 removed."""

    name = "unittest_functions"
    summary = "unittest.makeSuite(C) -> unittest.defaultTestLoader.loadTestsFromTestCase(C) (removed in 3.13)"
    module = "unittest"
    replacements = LOADER

    def transform(self, node, results):
        if "names" not in results and is_module_use(results["mod"], self.module):
            attr = results["attr"]
            if isinstance(attr, list):
                attr = attr[0]
            call = node.children[2] if len(node.children) > 2 else None
            if call is None or call.type != syms.trailer or str(call.children[0]) != "(" or _arguments(call) != 1:
                self.review(node, "unittest.%s was removed in Python 3.13; with one argument it is "
                            "%s(...), rewrite this use by hand" % (attr.value, LOADER[attr.value]))
                return None
        return super(FixUnittestFunctions, self).transform(node, results)

    def from_import(self, node, names):
        from fissix.pgen2 import token

        for leaf in names.leaves():
            if leaf.type == token.NAME and leaf.value in LOADER:
                self.review(node, "from unittest import %s: removed in Python 3.13; use %s(...)"
                            % (leaf.value, LOADER[leaf.value]))


def _arguments(trailer):
    """How many plain positional arguments the call trailer passes (-1 for a
    keyword or star argument)."""
    inner = trailer.children[1:-1]
    if not inner:
        return 0
    (args,) = inner
    items = [child for child in args.children if str(child) != ","] if args.type == syms.arglist else [args]
    if any(item.type == syms.argument or str(item).lstrip().startswith("*") for item in items):
        return -1
    return len(items)
