"""``unicode`` -> ``six.text_type``."""
from ._base import RenameBuiltinFix


class FixUnicode(RenameBuiltinFix):
    """Replace the builtin type ``unicode`` by its alias ``six.text_type``.

    ``six.text_type`` is ``unicode`` on 2.7 and ``str`` on 3.x, so calls,
    type checks and subclassing keep their meaning; ``obj.unicode``, a
    ``unicode`` parameter or a module that binds the name are left alone.
    """

    name = "unicode"
    summary = "unicode -> six.text_type"
    builtin = "unicode"
    replacement = "six.text_type"
    imports = ("six",)
