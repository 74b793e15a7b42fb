"""``ur'...'`` -> ``u'...'`` with the same value.

Python 3 has no ``ur`` prefix. In a Python 2 ``ur`` literal every backslash
is literal except in ``\\uXXXX``/``\\UXXXXXXXX`` escapes preceded by an odd
number of backslashes (the raw-unicode-escape codec); the rewrite spells each
literal backslash as ``\\\\`` and keeps those escapes, so the value is
identical on both interpreters.
"""
import re

from fissix import pytree
from fissix.pgen2 import token

from ._base import MigrateFix

_PREFIX = re.compile(r"^([uU])([rR])(.*)$", re.S)
_HEX = "0123456789abcdefABCDEF"


def _escape_body(body, quote, triple):
    """Rewrite a raw-unicode body for a non-raw ``u''`` literal."""
    out = []
    index = 0
    length = len(body)
    while index < length:
        char = body[index]
        if char != "\\":
            out.append(char)
            index += 1
            continue
        end = index
        while end < length and body[end] == "\\":
            end += 1
        run = end - index
        following = body[end] if end < length else ""
        width = {"u": 4, "U": 8}.get(following, 0)
        digits = body[end + 1:end + 1 + width]
        if width and run % 2 == 1:
            if len(digits) != width or not all(d in _HEX for d in digits):
                raise ValueError("truncated \\%sXXXX escape" % following)
            out.append("\\\\" * (run - 1))
            out.append("\\" + following + digits)
            index = end + 1 + width
            continue
        out.append("\\\\" * run)
        index = end
        if following == quote[0]:
            # a quote after a backslash did not end the raw literal
            out.append("\\" + following)
            index += 1
        elif following == "\n" and not triple:
            # backslash-newline: keep the newline in the value and the line
            out.append("\\n\\\n")
            index += 1
    return "".join(out)


class FixUrLiterals(MigrateFix):
    """Rewrite ``ur''`` literals into ``u''`` literals of the same value."""

    name = "ur_literals"
    summary = "ur'\\d' -> u'\\\\d' (same value; Python 3 has no ur prefix)"
    _accept_type = token.STRING

    def match(self, node):
        return node.type == token.STRING and node.value[:2].lower() == "ur"

    def transform(self, node, results):
        match = _PREFIX.match(node.value)
        if match is None:
            return None
        rest = match.group(3)
        quote = rest[:3] if rest[:3] in ('"""', "'''") else rest[:1]
        body = rest[len(quote):-len(quote)]
        try:
            escaped = _escape_body(body, quote, len(quote) == 3)
        except ValueError as exc:
            self.review(node, "invalid ur'' literal left alone (%s): Python 2 rejects it too" % exc)
            return None
        new = match.group(1) + quote + escaped + quote
        self.changed(node)
        return pytree.Leaf(token.STRING, new, prefix=node.prefix)
