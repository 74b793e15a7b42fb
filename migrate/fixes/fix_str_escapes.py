"""``"\\u00e9"`` in a byte string -> ``"\\\\u00e9"``: the same bytes on 3.x.

In a Python 2 ``str`` literal ``\\u``, ``\\U`` and ``\\N`` are no escapes:
the backslash stays. On Python 3 the same literal is text and they are, so
``"\\u00e9"`` would become one character (or a syntax error for
``"\\u3xxx"``). Doubling the backslash keeps Python 2's value everywhere.
Modules with ``from __future__ import unicode_literals`` already had text
literals with these escapes and are left alone. A str literal with a byte
escape above ``\\x7f`` is listed, once per statement (a dict of such
literals, or one split over lines by implicit concatenation, is one item).
"""
import re

from fissix import pytree
from fissix.pgen2 import token

from ._base import MigrateFix
from ._util import has_future, statement_part

_PREFIX = re.compile(r"^([a-zA-Z]*)(['\"])")
# an escape-introducing backslash: preceded by an even number of backslashes
_UNICODE_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\([uUN])")
# a byte above 0x7f written as an escape: \x80-\xff or \200-\377
_HIGH_BYTE = re.compile(r"(?<!\\)(?:\\\\)*\\(?:[xX][89a-fA-F][0-9a-fA-F]|[23][0-7][0-7])")


class FixStrEscapes(MigrateFix):
    """Keep ``\\u``/``\\U``/``\\N`` literal in Python 2 byte-string literals."""

    name = "str_escapes"
    summary = "'\\u00e9' in a str literal -> '\\\\u00e9' (Python 2's value on 3.x too)"
    _accept_type = token.STRING

    def start_tree(self, tree, filename):
        """Skip modules whose literals are already text."""
        super(FixStrEscapes, self).start_tree(tree, filename)
        self._text_literals = has_future(tree, "unicode_literals")

    def match(self, node):
        if node.type != token.STRING or "\\" not in node.value or self._text_literals:
            return False
        prefix = _PREFIX.match(node.value)
        if prefix is None or prefix.group(1).lower() not in ("",):
            return False
        return bool(_UNICODE_ESCAPE.search(node.value) or _HIGH_BYTE.search(node.value))

    def transform(self, node, results):
        # A --target 3 run over code that already reads as Python 3 (the
        # tool's own output, say) takes its str literals as text.
        python3_text = self.options.get("python3_input", False)
        if _HIGH_BYTE.search(node.value) and not _decoded(node) and not python3_text:
            # one item per statement: a table of such literals is one place
            self.review(statement_part(node), "a byte escape above \\x7f in a str literal: one byte on 2.7, one "
                        "character on 3.x; write b'...' where bytes are meant, u'...' for text")
        if not _UNICODE_ESCAPE.search(node.value):
            return None
        new = _UNICODE_ESCAPE.sub(lambda m: m.group(1) + "\\\\" + m.group(2), node.value)
        self.changed(node)
        return pytree.Leaf(token.STRING, new, prefix=node.prefix)


def _decoded(node):
    """True for the literal of ``'...'.decode(...)`` (bytes on both)."""
    following = node.next_sibling
    return following is not None and str(following).strip() == ".decode"
