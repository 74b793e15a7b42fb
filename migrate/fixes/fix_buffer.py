"""``buffer`` is reported for review: memoryview is not a drop-in."""
from ._base import MigrateFix
from ._util import is_builtin_use


class FixBuffer(MigrateFix):
    """Report uses of the builtin ``buffer``.

    ``memoryview`` exists on 2.7 and 3.x, but slicing, comparing and
    converting a memoryview differ from a buffer of a str (items are ints on
    3.x, ``str(view)`` is not the bytes), so the change is left to a human.
    """

    name = "buffer"
    python3_safe = True
    python2_only_names = (("builtins", "buffer"),)
    summary = "buffer(...) is reported for review (memoryview behaves differently)"
    PATTERN = "name='buffer'"

    def transform(self, node, results):
        name = results["name"]
        if is_builtin_use(name):
            self.review(
                name,
                "buffer does not exist on Python 3; memoryview differs in slicing "
                "and conversion, choose bytes slicing or memoryview by hand",
            )
        return None
