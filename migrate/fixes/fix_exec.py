"""``exec code in g, l`` -> ``exec(code, g, l)``.

The call form is also a valid exec statement on 2.7 (the tuple form), so the
result means the same on both interpreters. One difference cannot be written
away: on Python 3, exec inside a function cannot bind the function's local
names; such uses are reported for review.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import call


def in_function(node):
    """True if ``node`` is inside a def or lambda body."""
    parent = node.parent
    while parent is not None:
        if parent.type in (syms.funcdef, syms.lambdef):
            return True
        parent = parent.parent
    return False


class FixExec(MigrateFix):
    """Rewrite the exec statement into the call form."""

    name = "exec"
    summary = "exec code in ns -> exec(code, ns)"
    PATTERN = "exec_stmt< 'exec' code=any ['in' globals=any [',' locals=any]] >"

    def transform(self, node, results):
        code = results["code"]
        scope_given = results.get("globals") is not None
        if not scope_given and in_function(node):
            self.review(
                node,
                "exec in a function without a namespace: on Python 3 it cannot "
                "bind local names; pass a dict and read results from it",
            )
        if not scope_given and code.type == syms.atom and code.children[0].type == token.LPAR:
            # exec(code) / exec(code, ns): already the call form
            return None
        args = [code.clone()]
        for key in ("globals", "locals"):
            if results.get(key) is not None:
                args.append(results[key].clone())
        self.changed(node)
        return call("exec", args, prefix=node.prefix)
