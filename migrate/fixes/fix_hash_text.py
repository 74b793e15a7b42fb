"""``hmac.new(key, msg)`` and ``hashlib.sha1(data)`` with data that may be
text: listed for review, never changed.

Python 2 hashed ``str`` and ASCII ``unicode`` alike; Python 3 raises
TypeError for text. Only the code's author knows which encoding is meant.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import is_module_use

_HASHLIB = frozenset(["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "new"])


def _arguments(trailer):
    inner = trailer.children[1:-1]
    if not inner:
        return []
    if inner[0].type == syms.arglist:
        return [child for child in inner[0].children if child.type != token.COMMA]
    return inner


def _is_bytes_literal(node):
    return node.type == token.STRING and node.value[:1] in "bB"


class FixHashText(MigrateFix):
    """Point at hash calls that Python 3 refuses for text."""

    name = "hash_text"
    summary = "hmac.new(...), hashlib.sha1(...) with data that may be text: reported"
    PATTERN = "power< mod=('hmac' | 'hashlib') trailer< '.' attr=NAME > call=trailer< '(' any* ')' > any* >"

    def transform(self, node, results):
        mod = results["mod"]
        mod = mod[0] if isinstance(mod, list) else mod
        module, attr = mod.value, results["attr"].value
        if not is_module_use(mod, module):
            return None
        arguments = _arguments(results["call"])
        if module == "hmac":
            data = arguments[:2] if attr == "new" else []
        else:
            data = arguments[1:2] if attr == "new" else arguments[:1]
            data = [] if attr not in _HASHLIB else data
        if any(arg.type != syms.argument and not _is_bytes_literal(arg) for arg in data):
            self.review(
                node,
                "%s.%s(...): Python 3 hashes bytes only; encode text data "
                "(.encode('utf-8')) where it can be text" % (module, attr),
            )
        return None
