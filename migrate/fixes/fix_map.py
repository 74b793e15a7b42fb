"""``map(...)`` -> ``list(map(...))`` where Python 2's list is used."""
from ._base import ListResultFix


class FixMap(ListResultFix):
    """Keep the list result of ``map`` where the code relies on a list."""

    name = "map"
    summary = "map(f, xs) -> list(map(f, xs)) where a list is used"
    builtin = "map"

    def check(self, node, args):
        """Leave ``map(None, ...)`` alone; flag several iterables."""
        from fissix.pgen2 import token

        if args and args[0].type == token.NAME and args[0].value == "None":
            self.review(
                node,
                "map(None, ...) zips (padding with None) on Python 2 only: "
                "use zip or six.moves.zip_longest",
            )
            return False
        if len(args) > 2:
            self.review(
                node,
                "map over several iterables: Python 2 pads the shorter ones with "
                "None, Python 3 stops at the shortest",
            )
        return True
