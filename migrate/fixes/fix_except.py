"""``except E, e:`` -> ``except E as e:``."""
from fissix import pytree
from fissix.pgen2 import token

from ._base import MigrateFix


class FixExcept(MigrateFix):
    """Rewrite the comma form of except clauses into the ``as`` form."""

    name = "except"
    summary = "except E, e: -> except E as e:"
    PATTERN = "except_clause< 'except' any comma=',' target=any >"

    def transform(self, node, results):
        target = results["target"]
        if target.type != token.NAME:
            # ``except E, (a, b)`` / ``except E, self.error`` have no ``as``
            # equivalent; unpacking e.args by hand is a decision for a human.
            self.review(
                node,
                "except clause binds %s, which 'as' cannot: bind a name and "
                "unpack/assign it in the handler" % str(target).strip(),
            )
            return None
        comma = results["comma"]
        comma.replace(pytree.Leaf(token.NAME, "as", prefix=comma.prefix or " "))
        if not target.prefix:
            target.prefix = " "
        self.changed(node)
        return None
