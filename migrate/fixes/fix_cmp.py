"""The builtin ``cmp`` -> a module-level ``cmp`` where Python 3 lacks it."""
import textwrap

from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._m3util import replace_statement
from ._util import ensure_module_block, is_builtin_use

_LAYOUT = (token.NEWLINE, token.INDENT, token.DEDENT)

# On 2.7 the builtin stays in use (it also orders mixed types and None);
# Python 3 gets the documented replacement.
CMP_BLOCK_3 = """def cmp(a, b):
    return (a > b) - (a < b)
"""
CMP_BLOCK = """try:
    cmp
except NameError:
    def cmp(a, b):
        return (a > b) - (a < b)
"""


class FixCmp(MigrateFix):
    """Define ``cmp`` for Python 3 in modules that call the builtin."""

    name = "cmp"
    python3_safe = True
    python2_only_names = (("builtins", "cmp"),)
    summary = "cmp(a, b) keeps working: a fallback definition for Python 3"
    PATTERN = "name='cmp'"

    def start_tree(self, tree, filename):
        """Reset the per-file state."""
        super(FixCmp, self).start_tree(tree, filename)
        self._used = None

    def transform(self, node, results):
        name = results["name"]
        if self._used is None and is_builtin_use(name):
            self._used = name
        return None

    def finish_tree(self, tree, filename):
        """Insert the fallback once, after the imports."""
        # With --target 3 there is no Python 2 builtin to fall back on.
        python3 = (self.options or {}).get("target", "2and3") != "2and3"
        block = CMP_BLOCK_3 if python3 else CMP_BLOCK
        if self._used is not None and ensure_module_block(tree, "cmp", block):
            self.changed(self._used)
        if python3:
            for stmt in list(tree.children):
                body = _name_error_fallback(stmt, "cmp")
                if body is not None:
                    # Python 3 always takes the except branch: keep it alone
                    replace_statement(stmt, body)
                    self.changed(stmt)


def _name_error_fallback(stmt, name):
    """The body of ``except NameError:`` (as text at column 0) when *stmt*
    is ``try: name`` / ``except NameError: <definition of name>`` and
    nothing else, else None."""
    if stmt.type != syms.try_stmt or len(stmt.children) != 6:
        return None
    body, clause, fallback = stmt.children[2], stmt.children[3], stmt.children[5]
    if clause.type != syms.except_clause or str(clause).strip() != "except NameError":
        return None
    if body.type == syms.suite:
        statements = [child for child in body.children if child.type not in _LAYOUT]
    else:
        statements = [body]
    if len(statements) != 1 or str(statements[0]).strip() != name:
        return None
    if fallback.type != syms.suite:
        return None
    # the INDENT leaf holds the first line's indentation
    lines = "".join(
        str(child) for child in fallback.children if child.type not in (token.NEWLINE, token.DEDENT)
    )
    text = textwrap.dedent(lines)
    if not text.startswith("def %s(" % name):
        return None
    return text
