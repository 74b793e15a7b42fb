"""``parse_qs(s.encode('utf-8'))``: bytes into the query-string parsers,
reported.

Python 2 code often encoded text before parsing a query string, because
``unquote`` of text turned ``%C3%A9`` into two Latin-1 characters. On 3.x
``parse_qs`` and ``parse_qsl`` given bytes return bytes: keys such as
``b'oauth_signature'`` then equal no str key, and a lookup or a ``!=`` test
passes silently; ``unquote_plus`` refuses bytes, and ``unquote`` does before
3.9. Only the author knows which type the rest of the code expects.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix

_PARSERS = "('parse_qs' | 'parse_qsl' | 'unquote' | 'unquote_plus' | 'unquote_to_bytes')"


class FixBytesQuery(MigrateFix):
    """Point at query-string parsers fed with ``.encode(...)``."""

    name = "bytes_query"
    # before the rewrites: a statement another fixer rebuilds has lost its
    # line numbers, and the review names the line it stood on
    run_order = 1
    summary = "reported: parse_qs(s.encode(...)) and friends (bytes in, bytes out on 3.x)"
    PATTERN = (
        "power< any* trailer< '.' func=%s > trailer< '(' args=any ')' > any* >"
        " | power< func=%s trailer< '(' args=any ')' > any* >"
    ) % (_PARSERS, _PARSERS)

    def transform(self, node, results):
        args = results["args"]
        first = args.children[0] if args.type == syms.arglist else args
        if not _is_encode_call(first):
            return None
        func = results["func"]
        if isinstance(func, list):
            func = func[0]
        self.review(node, "%s(... .encode(...)): %s" % (func.value, _ON_PYTHON3[func.value]))
        return None


_BYTES_OUT = (
    "on 3.x it parses bytes into bytes keys and values, which equal no str (b'key' != 'key'); "
    "give it text on 3.x, or compare with bytes"
)
#: What each parser does with bytes on Python 3.
_ON_PYTHON3 = {
    "parse_qs": _BYTES_OUT,
    "parse_qsl": _BYTES_OUT,
    "unquote_to_bytes": _BYTES_OUT,
    "unquote": "on 3.x it refuses bytes before 3.9 (TypeError) and decodes them from 3.9 on; give it text",
    "unquote_plus": "on 3.x it refuses bytes (TypeError); give it text",
}


def _is_encode_call(node):
    """True for ``expr.encode(...)``."""
    if node.type != syms.power or len(node.children) < 3:
        return False
    method, call = node.children[-2], node.children[-1]
    return (
        method.type == syms.trailer
        and method.children[0].type == token.DOT
        and method.children[1].value == "encode"
        and call.type == syms.trailer
        and call.children[0].type == token.LPAR
    )
