"""``range(...)`` -> ``list(range(...))`` where Python 2's list is used."""
from ._base import ListResultFix


class FixRange(ListResultFix):
    """Keep the list result of ``range`` where the code relies on a list."""

    name = "range"
    summary = "range(n) -> list(range(n)) where a list is used"
    builtin = "range"
    sized_result = True
