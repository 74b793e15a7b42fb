"""``apply(f, args, kwargs)`` -> ``f(*args, **kwargs)``."""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import expression, is_builtin_use

# Callables that can take a call trailer without parentheses around them.
_PLAIN = frozenset([token.NAME, syms.power, syms.atom])


class FixApply(MigrateFix):
    """Replace the builtin ``apply`` by a call with star arguments."""

    name = "apply"
    summary = "apply(f, args, kw) -> f(*args, **kw)"
    PATTERN = "power< name='apply' trailer< '(' args=any ')' > >"

    def transform(self, node, results):
        name = results["name"]
        if not is_builtin_use(name):
            return None
        args = results["args"]
        items = [child for child in args.children if child.type != token.COMMA] if args.type == syms.arglist else [args]
        if not 1 <= len(items) <= 3 or any(item.type == syms.argument for item in items):
            self.review(node, "apply with keyword or star arguments: rewrite by hand")
            return None
        function = str(items[0]).strip()
        if items[0].type not in _PLAIN:
            function = "(%s)" % function
        parts = []
        if len(items) > 1:
            parts.append("*" + str(items[1]).strip())
        if len(items) > 2:
            parts.append("**" + str(items[2]).strip())
        self.changed(node)
        return expression("%s(%s)" % (function, ", ".join(parts)), prefix=node.prefix)
