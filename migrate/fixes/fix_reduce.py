"""``reduce`` -> ``functools.reduce``."""
from ._base import RenameBuiltinFix


class FixReduce(RenameBuiltinFix):
    """Replace the builtin ``reduce`` by ``functools.reduce``."""

    name = "reduce"
    python3_safe = True
    summary = "reduce -> functools.reduce"
    builtin = "reduce"
    replacement = "functools.reduce"
    imports = ("functools",)
