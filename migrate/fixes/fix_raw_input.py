"""``raw_input`` -> ``six.moves.input``."""
from ._base import RenameBuiltinFix


class FixRawInput(RenameBuiltinFix):
    """Replace the builtin ``raw_input`` by ``six.moves.input``."""

    name = "raw_input"
    python3_safe = True
    summary = "raw_input -> six.moves.input"
    builtin = "raw_input"
    replacement = "six.moves.input"
    imports = ("six",)
