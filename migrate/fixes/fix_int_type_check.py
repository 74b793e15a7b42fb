"""``type(x) is int`` (or ``==``): reported, never changed.

An exact type check for ``int`` let no ``long`` through on Python 2, and on
Python 3 it lets every integer through but still no subclass of ``int``:
``bool``, or an ``IntEnum`` such as the ``calendar`` module's day and month
constants since Python 3.12. Only the author knows whether any integer was
meant (``isinstance(x, six.integer_types)``).
"""
from ._base import MigrateFix
from ._util import is_builtin_use


class FixIntTypeCheck(MigrateFix):
    """Point at exact ``int`` type checks."""

    name = "int_type_check"
    summary = "type(x) is int, type(x) == int: reported (int subclasses and long)"
    PATTERN = (
        "comparison< power< kind='type' trailer< '(' any ')' > >"
        " ('is' | '==' | '!=' | comp_op< 'is' 'not' >) cls='int' >"
    )

    def transform(self, node, results):
        if not (is_builtin_use(results["kind"]) and is_builtin_use(results["cls"])):
            return None
        self.review(node, "type(...) compared with int: on 3.x subclasses of int (bool, IntEnum "
                    "constants such as calendar.MONDAY since 3.12) fail it, as long did on 2.7; "
                    "use isinstance(..., six.integer_types) if any integer is meant")
        return None
