"""``os.getcwdu()`` -> ``six.moves.getcwd()``."""
from ._base import ModuleAttributeFix


class FixGetcwdu(ModuleAttributeFix):
    """Replace ``os.getcwdu`` by ``six.moves.getcwd`` (text on both)."""

    name = "getcwdu"
    python3_safe = True
    summary = "os.getcwdu() -> six.moves.getcwd()"
    module = "os"
    replacements = {"getcwdu": "six.moves.getcwd"}
    imports = ("six",)
