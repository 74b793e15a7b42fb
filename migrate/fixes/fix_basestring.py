"""``basestring`` -> ``six.string_types`` in isinstance/issubclass checks."""
from ._base import MigrateFix
from ._util import ensure_import, is_builtin_use, isinstance_types_of, replace_name


class FixBasestring(MigrateFix):
    """Replace ``basestring`` where it is the class-info of a type check.

    ``six.string_types`` is a tuple, which isinstance and issubclass accept
    (also nested in another tuple); anywhere else it would not mean the
    same, so other uses are reported for review.
    """

    name = "basestring"
    python3_safe = True
    python2_only_names = (("builtins", "basestring"),)
    summary = "isinstance(x, basestring) -> isinstance(x, six.string_types)"
    PATTERN = "name='basestring'"

    def transform(self, node, results):
        name = results["name"]
        if not is_builtin_use(name):
            return None
        if isinstance_types_of(name) is None:
            self.review(name, "basestring outside isinstance/issubclass: six.string_types is a tuple")
            return None
        replace_name(name, "six.string_types")
        self.changed(name)
        return None

    def finish_tree(self, tree, filename):
        """Import six when anything changed."""
        if self.change_count:
            ensure_import(tree, "six")
