"""``__cmp__`` -> the rich comparisons, each defined through ``__cmp__``.

Python 3 never calls ``__cmp__``. The missing ones of ``__eq__ __ne__ __lt__
__le__ __gt__ __ge__`` are added right after it, each comparing
``self.__cmp__(other)`` with 0, so every operator gives what ``__cmp__``
gave on Python 2 (where rich comparisons take precedence, so 2.7 behaves as
before too). Defining ``__eq__`` makes Python 3 drop the inherited hash; a
class deriving from ``object`` alone keeps ``object.__hash__`` explicitly, as
Python 2 did; other classes without ``__hash__`` are listed for review.
"""
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._m3util import class_defines, class_methods, dotted_name, indent_of, insert_after

OPERATORS = (
    ("__eq__", "=="), ("__ne__", "!="), ("__lt__", "<"),
    ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">="),
)


def _bases(classdef):
    children = classdef.children
    if len(children) > 3 and children[2].type == 7:  # LPAR
        inner = children[3]
        if inner.type == 8:  # RPAR: class A():
            return []
        items = inner.children[::2] if inner.type == syms.arglist else [inner]
        return [dotted_name(item) for item in items]
    return []


def _indent_unit(funcdef):
    """The extra indentation of the method body (four spaces if one-line)."""
    suite = funcdef.children[-1]
    outer = indent_of(funcdef.parent if funcdef.parent.type == syms.decorated else funcdef)
    if suite.type == syms.suite:
        for child in suite.children:
            if child.type == syms.simple_stmt or child.type > 256:
                inner = indent_of(child)
                if inner.startswith(outer) and len(inner) > len(outer):
                    return inner[len(outer):]
                break
    return "\t" if outer.startswith("\t") else "    "


class FixCmpMethod(MigrateFix):
    """Add rich comparison methods that delegate to ``__cmp__``.

    Only the missing ones are added, so every operator gives what ``__cmp__``
    gave; a class deriving from ``object`` keeps ``object.__hash__``.
    """

    name = "cmp_method"
    summary = "__cmp__ -> __eq__/__ne__/__lt__/__le__/__gt__/__ge__ defined through __cmp__"
    # The literal method name lets the engine skip files that have none.
    PATTERN = "classdef< any* suite< any* funcdef< 'def' '__cmp__' any* > any* > >"

    def transform(self, node, results):
        methods = class_methods(node)
        if "__cmp__" not in methods:
            return None
        missing = [(name, op) for name, op in OPERATORS if not class_defines(node, name)]
        if not missing:
            return None
        stmt, funcdef = methods["__cmp__"]
        unit = _indent_unit(funcdef)
        text = "".join(
            "def %s(self, other):\n%sreturn self.__cmp__(other) %s 0\n" % (name, unit, op)
            for name, op in missing
        )
        if any(name == "__eq__" for name, _ in missing) and not class_defines(node, "__hash__"):
            if _bases(node) == ["object"]:
                text += "__hash__ = object.__hash__\n"
            else:
                self.review(node, "class %s gets __eq__ from __cmp__: on Python 3 that makes "
                            "instances unhashable unless it defines __hash__" % node.children[1].value)
        insert_after(stmt, text)
        self.changed(node)
        return None
