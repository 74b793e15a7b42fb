"""``reload`` -> ``six.moves.reload_module``."""
from ._base import RenameBuiltinFix


class FixReload(RenameBuiltinFix):
    """Replace the builtin ``reload`` by ``six.moves.reload_module``."""

    name = "reload"
    python3_safe = True
    summary = "reload -> six.moves.reload_module"
    builtin = "reload"
    replacement = "six.moves.reload_module"
    imports = ("six",)
