"""The builtin ``cmp`` -> a module-level ``cmp`` where Python 3 lacks it."""
from ._base import MigrateFix
from ._util import ensure_module_block, is_builtin_use

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
        block = CMP_BLOCK_3 if (self.options or {}).get("target") == "3" else CMP_BLOCK
        if self._used is not None and ensure_module_block(tree, "cmp", block):
            self.changed(self._used)
