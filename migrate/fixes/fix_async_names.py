"""``async`` / ``await`` used as names are reported (keywords since 3.7)."""
from ._base import MigrateFix


class FixAsyncNames(MigrateFix):
    """Report names that Python 3.7 turned into keywords.

    ``async`` and ``await`` were ordinary names on Python 2; as a variable,
    parameter, keyword argument or attribute they no longer compile on 3.7+.
    Renaming one changes an API (keyword arguments, attributes other code
    reads), so the choice of the new name is left to a human.
    """

    name = "async_names"
    summary = "async/await used as names are reported (keywords since Python 3.7)"
    PATTERN = "name='async' | name='await'"

    def start_tree(self, tree, filename):
        """Reset the per-file state."""
        super(FixAsyncNames, self).start_tree(tree, filename)
        self._lines = set()

    def transform(self, node, results):
        name = results["name"]
        line = name.get_lineno()
        if line not in self._lines:
            self._lines.add(line)
            self.review(name, "'%s' is a keyword from Python 3.7 on: rename it" % name.value)
        return None
