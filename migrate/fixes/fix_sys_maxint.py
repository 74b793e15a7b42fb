"""``sys.maxint`` -> ``sys.maxsize``."""
from ._base import ModuleAttributeFix


class FixSysMaxint(ModuleAttributeFix):
    """Replace ``sys.maxint`` (gone in 3.x) by ``sys.maxsize`` (2.6+).

    Both are the largest native integer on the platforms 2.7 runs on, except
    64-bit Windows, where maxint was 2**31 - 1; Python 3 ints have no limit.
    """

    name = "sys_maxint"
    python3_safe = True
    summary = "sys.maxint -> sys.maxsize"
    module = "sys"
    replacements = {"maxint": "sys.maxsize"}
