"""``base64.decodestring`` -> ``binascii.a2b_base64`` (what it called on 2.7);
``base64.encodestring`` is listed for review. Python 3.9 removed both names.
"""
from ._base import ModuleAttributeFix


class FixBase64Names(ModuleAttributeFix):
    """Replace base64's removed string-named aliases."""

    name = "base64_names"
    python3_safe = True
    summary = "base64.decodestring(s) -> binascii.a2b_base64(s); encodestring reviewed"
    module = "base64"
    replacements = {"decodestring": "binascii.a2b_base64", "encodestring": None}
    imports = ("binascii",)

    def review_attribute(self, node, attr):
        self.review(
            node,
            "base64.%s was removed in Python 3.9: base64.encodebytes on 3.x, or "
            "base64.b64encode where the line breaks do not matter" % attr,
        )
