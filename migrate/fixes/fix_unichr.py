"""``unichr`` -> ``six.unichr``."""
from ._base import RenameBuiltinFix


class FixUnichr(RenameBuiltinFix):
    """Replace the builtin ``unichr`` by ``six.unichr``."""

    name = "unichr"
    python3_safe = True
    summary = "unichr -> six.unichr"
    builtin = "unichr"
    replacement = "six.unichr"
    imports = ("six",)
