"""Python 2 ``string`` module functions and locale constants.

``string.letters``/``lowercase``/``uppercase`` -> the ``ascii_`` constants
(equal in the C locale every Python starts in); ``string.upper(s)`` ->
``s.upper()`` and the other functions that became str methods;
``string.join(words, sep)`` -> ``sep.join(words)``; ``string.atoi(s)`` ->
``int(s)``. ``translate``/``maketrans`` differ between str and bytes and are
reported. ``import string`` stays even where no use is left: the module's
``string`` attribute may be read from elsewhere, and a linter flags it.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import ModuleAttributeFix
from ._util import expression, is_module_use, name_is_builtin_at

CONSTANTS = {
    "letters": "string.ascii_letters",
    "lowercase": "string.ascii_lowercase",
    "uppercase": "string.ascii_uppercase",
}
# Functions whose first argument became the receiver of a str method.
METHODS = frozenset(
    """upper lower strip lstrip rstrip capitalize swapcase replace find rfind
    index rindex count ljust rjust center zfill expandtabs split rsplit""".split()
)
ALIASES = {"splitfields": "split", "joinfields": "join"}
CONVERSIONS = {"atoi": "int", "atol": "int", "atof": "float"}
REVIEW = frozenset(["translate", "maketrans"])
# Receivers that can take ``.method()`` without parentheses.
_PLAIN = frozenset([token.NAME, token.STRING, syms.power, syms.atom])


class FixStringModule(ModuleAttributeFix):
    """Rewrite the ``string`` module functions and constants removed in 3.x."""

    name = "string_module"
    summary = "string.upper(s) -> s.upper(), string.join(l, sep) -> sep.join(l), string.letters -> ascii_letters"
    module = "string"
    replacements = dict(
        [(name, value) for name, value in CONSTANTS.items()]
        + [(name, None) for name in METHODS | REVIEW | set(ALIASES) | set(CONVERSIONS) | set(["join"])]
    )

    def transform(self, node, results):
        if "names" in results:
            self.from_import(node, results["names"])
            return None
        mod = results["mod"]
        if not is_module_use(mod, self.module):
            return None
        attr = results["attr"]
        if isinstance(attr, list):
            attr = attr[0]
        function = attr.value
        if function in CONSTANTS:
            return super(FixStringModule, self).transform(node, results)
        if function in REVIEW:
            self.review(node, "string.%s: str and bytes tables differ between 2 and 3, rewrite by hand" % function)
            return None
        children = node.children
        if len(children) < 3 or children[2].type != syms.trailer or children[2].children[0].type != token.LPAR:
            self.review(node, "string.%s used as a value: name the str method (or a lambda) by hand" % function)
            return None
        call = children[2]
        inner = call.children[1:-1]
        if inner and inner[0].type == syms.arglist:
            inner = inner[0].children
        args = [child for child in inner if child.type != token.COMMA]
        if not args or any(arg.type == syms.argument for arg in args):
            self.review(node, "string.%s with keyword or star arguments: rewrite by hand" % function)
            return None
        texts = [str(arg).strip() for arg in args]
        function = ALIASES.get(function, function)
        if function in CONVERSIONS:
            if not name_is_builtin_at(node, CONVERSIONS[function]):
                self.review(node, "string.%s: %s is rebound here; rewrite by hand" % (function, CONVERSIONS[function]))
                return None
            text = "%s(%s)" % (CONVERSIONS[function], ", ".join(texts))
        elif function == "join":
            separator = texts[1] if len(texts) > 1 else "' '"
            if len(texts) > 1 and args[1].type not in _PLAIN:
                separator = "(%s)" % separator
            text = "%s.join(%s)" % (separator, texts[0])
        else:
            receiver = texts[0] if args[0].type in _PLAIN else "(%s)" % texts[0]
            text = "%s.%s(%s)" % (receiver, function, ", ".join(texts[1:]))
        rest = "".join(str(child) for child in children[3:])
        self.changed(node)
        return expression(text + rest, prefix=node.prefix)
