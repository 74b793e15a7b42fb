"""``s.encode('ascii', 'xmlcharrefreplace')`` -> ``six.ensure_str(s.encode(...))``.

Encoding to ASCII with ``xmlcharrefreplace`` or ``backslashreplace`` turns
text into markup- or source-safe ASCII; on Python 2 the result is a native
``str`` that the code goes on to format into other text. On Python 3 it is
bytes, which ``'%s' % ...`` shows as ``b'...'``. ``six.ensure_str`` gives the
native str on both (on 2.7 it returns the value unchanged). The rewrite
rests on that reading and is listed; ``six.ensure_binary`` is the choice
where bytes are meant.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import ensure_import, expression

_ASCII = frozenset(["ascii", "us-ascii"])
_SAFE_ERRORS = frozenset(["xmlcharrefreplace", "backslashreplace"])


def _literal(node):
    if node.type != token.STRING or node.value[:1] not in "'\"":
        return None
    return node.value[1:-1].lower()


class FixAsciiText(MigrateFix):
    """Keep ASCII-safe text a native str on both interpreters."""

    name = "ascii_text"
    summary = "s.encode('ascii', 'xmlcharrefreplace') -> six.ensure_str(...) (listed)"
    PATTERN = (
        "power< any+ trailer< '.' 'encode' >"
        " trailer< '(' arglist< encoding=STRING ',' errors=STRING > ')' > >"
    )

    def transform(self, node, results):
        if _literal(results["encoding"]) not in _ASCII or _literal(results["errors"]) not in _SAFE_ERRORS:
            return None
        wrapper = node.parent.parent if node.parent is not None else None
        if wrapper is not None and wrapper.type == syms.power \
                and str(wrapper).strip().startswith("six.ensure_str("):
            return None
        self.changed(node)
        self.review(node, "ASCII-safe text from .encode(): taken as a native str "
                    "(six.ensure_str); use six.ensure_binary if bytes are meant")
        ensure_import(node, "six")
        return expression("six.ensure_str(%s)" % str(node).strip(), prefix=node.prefix)
