"""``xrange`` -> ``six.moves.range``."""
from ._base import RenameBuiltinFix


class FixXrange(RenameBuiltinFix):
    """Replace the builtin ``xrange`` by ``six.moves.range``."""

    name = "xrange"
    python3_safe = True
    summary = "xrange -> six.moves.range (lazy on both)"
    builtin = "xrange"
    replacement = "six.moves.range"
    imports = ("six",)
