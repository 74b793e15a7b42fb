"""Function and method attributes: ``f.func_name`` -> ``f.__name__`` & co.

The dunder spellings exist on 2.7 already, so the rewrite is safe wherever
the object is a function or method. An attribute name the module itself
defines (``self.func_name = ...``, ``def func_name``, ``func_name=`` keyword)
is a plain attribute of some object there, not the function's: such files
keep it and get a review note. ``im_class`` has no Python 3 counterpart.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix

RENAMES = {
    "func_name": "__name__", "func_code": "__code__", "func_defaults": "__defaults__",
    "func_globals": "__globals__", "func_closure": "__closure__", "func_doc": "__doc__",
    "func_dict": "__dict__", "im_func": "__func__", "im_self": "__self__",
}
GONE = {
    "im_class": "bound methods have no im_class on Python 3: use type(m.__self__) for a "
    "bound method, or the class where it is looked up",
}


def _defined_names(tree):
    """Names of this family the module defines as attributes of its own."""
    family = set(RENAMES) | set(GONE)
    defined = set()
    for node in tree.pre_order():
        if node.type == syms.expr_stmt and len(node.children) >= 3 and \
                node.children[1].type == token.EQUAL:
            for target in node.children[:-1:2]:
                last = target.children[-1] if target.type == syms.power else target
                name = last.children[1] if last.type == syms.trailer and \
                    last.children[0].type == token.DOT else last
                if name.type == token.NAME and name.value in family:
                    defined.add(name.value)
        elif node.type in (syms.funcdef, syms.classdef) and node.children[1].value in family:
            defined.add(node.children[1].value)
        elif node.type == syms.argument and node.children[0].type == token.NAME and \
                len(node.children) == 3 and node.children[0].value in family:
            defined.add(node.children[0].value)
    return defined


class FixFuncAttrs(MigrateFix):
    """Rename Python 2 function/method attributes to their dunder names.

    The dunder names exist on 2.7 too. A module that defines an attribute of
    the same name itself keeps it, with a review note; ``im_class`` is only
    reported.
    """

    name = "func_attrs"
    summary = "f.func_name/func_code/..., m.im_func/im_self -> __name__/__code__/__func__/__self__"
    PATTERN = "trailer< '.' name=('func_name' | 'func_code' | 'func_defaults' | 'func_globals' | 'func_closure' | 'func_doc' | 'func_dict' | 'im_func' | 'im_self' | 'im_class') >"

    def start_tree(self, tree, filename):
        super(FixFuncAttrs, self).start_tree(tree, filename)
        self._defined = _defined_names(tree)

    def transform(self, node, results):
        name = results["name"]
        if isinstance(name, list):  # an alternation binds the list it matched
            name = name[0]
        attr = name.value
        if attr not in RENAMES and attr not in GONE:
            return None
        if attr in self._defined:
            self.review(node, ".%s: this module also defines an attribute of that name, so "
                        "it may not be a function's; rename by hand where it is" % attr)
            return None
        if attr in GONE:
            self.review(node, ".%s: %s" % (attr, GONE[attr]))
            return None
        name.value = RENAMES[attr]
        # changed() on the leaf itself: the engine's index then lists it
        # under its new value instead of being rebuilt for the whole tree.
        name.changed()
        self.changed(node)
        return None
