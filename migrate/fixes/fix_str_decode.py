"""``"\\xc3\\x80".decode("utf-8")`` -> ``b"\\xc3\\x80".decode("utf-8")``.

A plain string literal is bytes on Python 2, and calling ``.decode`` on it
says the code means bytes; on Python 3 the same literal is text, which has
no ``decode``. With the ``b`` prefix the literal is the same ``str`` on 2.7
and bytes on 3.x. Only literals written in ASCII (escapes are fine) are
changed, since a bytes literal may not hold other characters; ``\\u`` and
``\\N``, no escapes in a Python 2 str, get their backslash doubled as
``str_escapes`` does. Modules with ``unicode_literals`` are left alone.
"""
import re

from ._base import MigrateFix
from ._util import has_future
from .fix_str_escapes import _UNICODE_ESCAPE

_PLAIN = re.compile(r"^[rR]?['\"]")


class FixStrDecode(MigrateFix):
    """Make a decoded ``str`` literal a bytes literal."""

    name = "str_decode"
    summary = "'...'.decode(...) -> b'...'.decode(...)"
    PATTERN = "power< text=STRING trailer< '.' 'decode' > trailer< '(' any* ')' > any* >"

    def start_tree(self, tree, filename):
        """Skip modules whose literals are already text."""
        super(FixStrDecode, self).start_tree(tree, filename)
        self._text_literals = has_future(tree, "unicode_literals")

    def transform(self, node, results):
        text = results["text"]
        if self._text_literals or not _PLAIN.match(text.value):
            return None
        try:
            text.value.encode("ascii")
        except UnicodeError:
            self.review(node, "a str literal with non-ASCII characters decoded: a bytes literal "
                        "cannot hold them; write the text as a u'...' literal")
            return None
        value = text.value
        if value[:1] not in "rR":
            value = _UNICODE_ESCAPE.sub(lambda m: m.group(1) + "\\\\" + m.group(2), value)
        text.value = "b" + value
        text.changed()
        self.changed(node)
        return None

