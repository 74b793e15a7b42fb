"""``a <> b`` -> ``a != b``."""
from fissix import pytree
from fissix.pgen2 import token

from ._base import MigrateFix


class FixNe(MigrateFix):
    """Replace the ``<>`` operator by ``!=``."""

    name = "ne"
    summary = "a <> b -> a != b"
    _accept_type = token.NOTEQUAL

    def match(self, node):
        return node.type == token.NOTEQUAL and node.value == "<>"

    def transform(self, node, results):
        self.changed(node)
        return pytree.Leaf(token.NOTEQUAL, "!=", prefix=node.prefix)
