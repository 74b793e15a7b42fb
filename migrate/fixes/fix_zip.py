"""``zip(...)`` -> ``list(zip(...))`` where Python 2's list is used."""
from ._base import ListResultFix


class FixZip(ListResultFix):
    """Keep the list result of ``zip`` where the code relies on a list."""

    name = "zip"
    summary = "zip(a, b) -> list(zip(a, b)) where a list is used"
    builtin = "zip"
