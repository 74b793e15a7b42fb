"""Python 2 ``string`` module functions and locale constants.

``string.letters``/``lowercase``/``uppercase`` -> the ``ascii_`` constants
(equal in the C locale every Python starts in); ``string.upper(s)`` ->
``s.upper()`` and the other functions that became str methods;
``string.join(words, sep)`` -> ``sep.join(words)``; ``string.atoi(s)`` ->
``int(s)``. ``translate``/``maketrans`` differ between str and bytes and are
reported. ``string.whitespace`` holds the same characters in another order on
3.x (the space first); where the order can show (a loop, an index, a join)
it becomes Python 2's value written out, ``'\\t\\n\\x0b\\x0c\\r '``, and a
membership test or a strip argument keeps the name. ``import string`` stays
even where no use is left: the module's ``string`` attribute may be read from
elsewhere, and a linter flags it.
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
# string.whitespace on Python 2, in its order (3.x starts with the space).
WHITESPACE_27 = "'\\t\\n\\x0b\\x0c\\r '"
# Calls that read their argument as a set of characters.
_CHARACTER_SETS = frozenset(["strip", "lstrip", "rstrip", "set", "frozenset"])
# Receivers that can take ``.method()`` without parentheses.
_PLAIN = frozenset([token.NAME, token.STRING, syms.power, syms.atom])


class FixStringModule(ModuleAttributeFix):
    """Rewrite the ``string`` module functions and constants removed in 3.x."""

    name = "string_module"
    python3_safe = True
    summary = ("string.upper(s) -> s.upper(), string.join(l, sep) -> sep.join(l), string.letters -> ascii_letters, "
               "string.whitespace in Python 2's order where the order shows")
    module = "string"
    replacements = dict(
        [(name, value) for name, value in CONSTANTS.items()]
        + [(name, None) for name in METHODS | REVIEW | set(ALIASES) | set(CONVERSIONS) | set(["join"])]
        + [("whitespace", WHITESPACE_27)]
    )
    python3_kept = frozenset(["whitespace"])

    def from_import(self, node, names):
        """Report ``from string import ...`` of a replaced name."""
        from fissix.pgen2 import token as tokens

        for leaf in names.leaves():
            if leaf.type != tokens.NAME:
                continue
            if self.keeps(leaf.value):
                continue
            if leaf.value == "whitespace":
                self.review(node, "from string import whitespace: 3.x lists the same characters in another "
                            "order (space first); where the order shows, write %s (Python 2's)" % WHITESPACE_27)
            elif leaf.value in self.replacements:
                self.review(node, "from string import %s: use %s instead"
                            % (leaf.value, self.replacements[leaf.value] or "a replacement"))

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
        if function == "whitespace":
            # code that already reads as Python 3 means Python 3's order
            if _as_character_set(node) or self.options.get("python3_input", False):
                return None
            rest = "".join(str(child) for child in node.children[2:])
            self.changed(node)
            return expression(WHITESPACE_27 + rest, prefix=node.prefix)
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


def _as_character_set(node):
    """True where ``string.whitespace`` (``node``, without trailers) is read
    as a set of characters, so that its order cannot show: the right operand
    of ``in``/``not in``, or the argument of strip/lstrip/rstrip, set() or
    frozenset()."""
    if len(node.children) > 2:
        return False
    parent = node.parent
    if parent is None:
        return False
    if parent.type == syms.comparison and parent.children[-1] is node:
        operator = parent.children[-2]
        return str(operator).split() in (["in"], ["not", "in"])
    if parent.type == syms.trailer and parent.children[0].type == token.LPAR:
        call = parent
    elif parent.type == syms.arglist and parent.parent is not None and parent.parent.type == syms.trailer:
        call = parent.parent
    else:
        return False
    callee = call.prev_sibling
    if callee is None:
        return False
    if callee.type == syms.trailer:
        callee = callee.children[-1]
    return callee.type == token.NAME and callee.value in _CHARACTER_SETS
