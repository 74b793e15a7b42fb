"""``intern`` -> ``six.moves.intern``."""
from ._base import RenameBuiltinFix


class FixIntern(RenameBuiltinFix):
    """Replace the builtin ``intern`` by ``six.moves.intern``."""

    name = "intern"
    python3_safe = True
    summary = "intern -> six.moves.intern"
    builtin = "intern"
    replacement = "six.moves.intern"
    imports = ("six",)
