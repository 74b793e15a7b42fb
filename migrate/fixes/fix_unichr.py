"""``unichr`` -> ``six.unichr``."""
from ._base import RenameBuiltinFix


class FixUnichr(RenameBuiltinFix):
    """Replace the builtin ``unichr`` by ``six.unichr``."""

    name = "unichr"
    summary = "unichr -> six.unichr"
    builtin = "unichr"
    replacement = "six.unichr"
    imports = ("six",)
