"""``reload(sys); sys.setdefaultencoding(...)`` is reported for review."""
from ._base import ModuleAttributeFix


class FixSetdefaultencoding(ModuleAttributeFix):
    """Report the default-encoding hack of Python 2 applications.

    Python 3 has no ``sys.setdefaultencoding`` (the call raises
    AttributeError) and never converts between bytes and text implicitly;
    code that relied on the hack needs explicit ``.encode``/``.decode``.
    """

    name = "setdefaultencoding"
    python3_safe = True
    summary = "sys.setdefaultencoding(...) is reported (no such thing on Python 3)"
    module = "sys"
    replacements = {"setdefaultencoding": None}

    def review_attribute(self, node, attr):
        """Explain the replacement."""
        self.review(
            node,
            "sys.setdefaultencoding does not exist on Python 3: guard the call with "
            "six.PY2 and encode/decode explicitly where bytes and text meet",
        )
