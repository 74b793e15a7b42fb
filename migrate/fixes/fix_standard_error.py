"""``StandardError`` keeps working: a fallback to ``Exception`` on Python 3."""
from ._base import MigrateFix
from ._util import ensure_module_block, is_builtin_use

# 2.7 keeps its own StandardError (which leaves out StopIteration,
# GeneratorExit, KeyboardInterrupt, SystemExit and warnings); Python 3 has
# no such class, and Exception is the nearest base.
FALLBACK = """try:
    StandardError
except NameError:
    StandardError = Exception
"""
FALLBACK_3 = """StandardError = Exception
"""


class FixStandardError(MigrateFix):
    """Define ``StandardError`` for Python 3 in modules that use the builtin."""

    name = "standard_error"
    python3_safe = True
    python2_only_names = (("builtins", "StandardError"),)
    summary = "StandardError keeps working: StandardError = Exception where Python 3 lacks it"
    PATTERN = "name='StandardError'"

    def start_tree(self, tree, filename):
        """Reset the per-file state."""
        super(FixStandardError, self).start_tree(tree, filename)
        self._used = None

    def transform(self, node, results):
        name = results["name"]
        if self._used is None and is_builtin_use(name):
            self._used = name
        return None

    def finish_tree(self, tree, filename):
        """Insert the fallback once, after the imports."""
        block = FALLBACK_3 if (self.options or {}).get("target") == "3" else FALLBACK
        if self._used is not None and ensure_module_block(tree, "StandardError", block):
            self.changed(self._used)
