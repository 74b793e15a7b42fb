"""``execfile(name, g, l)`` -> ``exec(compile(open(name, 'rb').read(), name, 'exec'), g, l)``."""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import call, dotted_text, expression, is_builtin_use, name_is_builtin_at
from .fix_exec import in_function


class FixExecfile(MigrateFix):
    """Replace the builtin ``execfile`` by exec of the compiled file."""

    name = "execfile"
    python3_safe = True
    python2_only_names = (("builtins", "execfile"),)
    summary = "execfile(f, g, l) -> exec(compile(open(f, 'rb').read(), f, 'exec'), g, l)"
    PATTERN = """
        power< name='execfile' trailer< '(' args=any ')' > >
    """

    def transform(self, node, results):
        name = results["name"]
        if not is_builtin_use(name):
            return None
        args = results["args"]
        items = args.children[::2] if args.type == syms.arglist else [args]
        if any(item.type == syms.argument for item in items) or len(items) > 3:
            self.review(node, "execfile with keyword or star arguments: rewrite by hand")
            return None
        filename = items[0]
        if filename.type != token.STRING and dotted_text(filename) is None:
            # the file name is used twice; an expression could have effects
            self.review(node, "execfile of a computed file name: bind it to a name first")
            return None
        if not (name_is_builtin_at(node, "open") and name_is_builtin_at(node, "compile")):
            self.review(node, "execfile: open or compile is rebound here; rewrite by hand")
            return None
        if len(items) == 1 and in_function(node):
            self.review(
                node,
                "execfile in a function without a namespace: on Python 3 it cannot "
                "bind local names; pass a dict and read results from it",
            )
        source = str(filename).strip()
        compiled = expression("compile(open(%s, 'rb').read(), %s, 'exec')" % (source, source))
        new = call("exec", [compiled] + [item.clone() for item in items[1:]], prefix=node.prefix)
        self.changed(node)
        return new
