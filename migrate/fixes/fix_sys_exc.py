"""``sys.exc_type``/``exc_value``/``exc_traceback`` -> ``sys.exc_info()[i]``."""
from ._base import ModuleAttributeFix


class FixSysExc(ModuleAttributeFix):
    """Replace the deprecated per-thread exception attributes of sys."""

    name = "sys_exc"
    python3_safe = True
    summary = "sys.exc_type -> sys.exc_info()[0] (exc_value, exc_traceback alike); sys.exc_clear() reported"
    module = "sys"
    replacements = {
        "exc_type": "sys.exc_info()[0]",
        "exc_value": "sys.exc_info()[1]",
        "exc_traceback": "sys.exc_info()[2]",
        # gone in 3.x, where the exception is cleared when the handler ends
        "exc_clear": None,
    }

    def review_attribute(self, node, attr):
        """Explain what to do about ``sys.exc_clear()``."""
        self.review(
            node,
            "sys.exc_clear() does not exist on Python 3, which clears the "
            "exception when the except block ends: guard it with six.PY2 or drop it",
        )
