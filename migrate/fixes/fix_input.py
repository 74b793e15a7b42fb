"""Python 2 ``input(prompt)`` -> ``eval(six.moves.input(prompt))``."""

from ._base import MigrateFix
from ._util import ensure_import, expression, is_builtin_use, name_is_builtin_at


class FixInput(MigrateFix):
    """Keep the meaning of Python 2's ``input``, which evaluated the line.

    The result is exact on both interpreters, and reported: evaluating what a
    user types is rarely wanted, ``six.moves.input`` is the usual intent.
    """

    name = "input"
    summary = "input(p) -> eval(six.moves.input(p)) (Python 2's input evaluated the line)"
    PATTERN = "power< name='input' trailer< '(' [any] ')' > >"

    def start_tree(self, tree, filename):
        """Reset the per-file state."""
        super(FixInput, self).start_tree(tree, filename)
        self._needs_six = False

    def transform(self, node, results):
        name = results["name"]
        if not is_builtin_use(name):
            return None
        if not name_is_builtin_at(node, "eval"):
            self.review(node, "input(): eval is rebound here; rewrite by hand")
            return None
        text = "eval(six.moves.%s)" % str(node).strip()
        self.review(
            node,
            "input() evaluated the typed text on Python 2; kept as eval(...): "
            "use six.moves.input alone if text was meant",
        )
        self._needs_six = True
        self.changed(node)
        return expression(text, prefix=node.prefix)

    def finish_tree(self, tree, filename):
        """Import six when anything changed."""
        if self._needs_six:
            ensure_import(tree, "six")
