"""``time(h, m, s, micro.to_integral())`` -> ``time(h, m, s, int(micro.to_integral()))``.

The constructors of ``datetime``'s ``date``, ``time`` and ``datetime`` took
any number that converts with ``int()`` on Python 2, so an integral
``Decimal`` (what ``to_integral()`` returns) was accepted; Python 3.10 and
later want a real integer and raise TypeError. The value is integral, so
``int(...)`` hands over exactly what 2.7 took from it.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import binding_kinds, expression, is_module_use, name_is_builtin_at

_CLASSES = frozenset(["date", "time", "datetime"])
_INTEGRAL = frozenset([".to_integral", ".to_integral_value", ".to_integral_exact"])


def _is_constructor(callee):
    """True for ``time`` (from datetime) or ``datetime.time`` (the module)."""
    if len(callee) == 1 and callee[0].type == token.NAME and callee[0].value in _CLASSES:
        return binding_kinds(callee[0]) == set([("from", "datetime", callee[0].value)])
    if len(callee) == 2 and callee[0].type == token.NAME and callee[1].type == syms.trailer:
        attribute = str(callee[1]).strip()
        return attribute[1:] in _CLASSES and attribute[:1] == "." \
            and is_module_use(callee[0], "datetime")
    return False


def _integral_decimal(node):
    """True for ``x.to_integral()`` (and its _value/_exact spellings)."""
    if node.type != syms.power or len(node.children) < 3:
        return False
    method, call = node.children[-2], node.children[-1]
    return (method.type == syms.trailer and str(method).strip() in _INTEGRAL
            and call.type == syms.trailer and len(call.children) == 2)


class FixDecimalInt(MigrateFix):
    """Hand datetime's constructors an int where 2.7 converted a Decimal."""

    name = "decimal_int"
    summary = "date/time/datetime(..., d.to_integral()) -> int(d.to_integral())"
    _accept_type = syms.power
    required_values = tuple(sorted(name[1:] for name in _INTEGRAL))

    def match(self, node):
        if node.type != syms.power or len(node.children) < 2:
            return False
        call = node.children[-1]
        if call.type != syms.trailer or call.children[0].type != token.LPAR or len(call.children) != 3:
            return False
        inner = call.children[1]
        items = inner.children if inner.type == syms.arglist else [inner]
        values = [item.children[-1] if item.type == syms.argument else item for item in items
                  if item.type != token.COMMA]
        found = [value for value in values if _integral_decimal(value)]
        if not found or not _is_constructor(node.children[:-1]):
            return False
        return {"values": found}

    def transform(self, node, results):
        if not name_is_builtin_at(node, "int"):
            self.review(node, "a Decimal's to_integral() given to datetime: Python 3.10 wants an "
                        "int, but int is rebound here")
            return None
        for value in results["values"]:
            value.replace(expression("int(%s)" % str(value).strip(), prefix=value.prefix))
        self.changed(node)
        return None
