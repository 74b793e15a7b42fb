"""``sys.exc_type``/``exc_value``/``exc_traceback`` -> ``sys.exc_info()[i]``."""
from ._base import ModuleAttributeFix


class FixSysExc(ModuleAttributeFix):
    """Replace the deprecated per-thread exception attributes of sys."""

    name = "sys_exc"
    summary = "sys.exc_type -> sys.exc_info()[0] (exc_value, exc_traceback alike)"
    module = "sys"
    replacements = {
        "exc_type": "sys.exc_info()[0]",
        "exc_value": "sys.exc_info()[1]",
        "exc_traceback": "sys.exc_info()[2]",
    }
