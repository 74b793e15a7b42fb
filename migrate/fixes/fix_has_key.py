"""``d.has_key(k)`` -> ``k in d`` (``not d.has_key(k)`` -> ``k not in d``).

Code that defines a ``has_key`` method of its own (in the module, or anywhere
in the project when the command line found one: option ``project_methods``)
cannot tell a dict from its own objects, which may answer ``has_key`` and
``in`` differently, as BeautifulSoup 3's tags do (attributes vs children).
There a call on a (dotted) name asks the object: ``d.has_key(k) if
hasattr(d, 'has_key') else k in d`` calls has_key wherever it exists (every
dict on 2.7, the project's own classes) and is ``in`` for a 3.x dict; other
calls are kept for review.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import expression, name_is_builtin_at

# Operators binding tighter than ``in``: an ``in`` test next to them needs
# parentheses.
_TIGHTER = frozenset(
    [
        syms.comparison,
        syms.expr,
        syms.xor_expr,
        syms.and_expr,
        syms.shift_expr,
        syms.arith_expr,
        syms.term,
        syms.factor,
        syms.power,
    ]
)
# Where a conditional expression needs no parentheses.
_HOLDS_CONDITIONAL = frozenset(
    [syms.trailer, syms.arglist, syms.argument, syms.expr_stmt, syms.return_stmt, syms.if_stmt,
     syms.while_stmt]
)
# Keys looser than ``in`` need parentheses themselves.
_LOOSER = frozenset([syms.test, syms.or_test, syms.and_test, syms.not_test, syms.comparison, syms.lambdef])


class FixHasKey(MigrateFix):
    """Replace ``has_key`` calls by the ``in`` operator."""

    name = "has_key"
    summary = "d.has_key(k) -> k in d"
    _accept_type = syms.power
    required_values = ("has_key",)

    def match(self, node):
        children = node.children
        if node.type != syms.power or len(children) < 3:
            return False
        method, call = children[-2], children[-1]
        if not (
            method.type == syms.trailer
            and method.children[0].type == token.DOT
            and method.children[1].value == "has_key"
            and call.type == syms.trailer
            and call.children[0].type == token.LPAR
            and len(call.children) == 3
        ):
            return False
        key = call.children[1]
        if key.type in (syms.arglist, syms.argument):
            return False  # several or keyword arguments: not dict.has_key
        return {"key": key}

    def start_tree(self, tree, filename):
        super(FixHasKey, self).start_tree(tree, filename)
        self._own_method = None

    def _defines_has_key(self, node):
        if "has_key" in (self.options or {}).get("project_methods", ()):
            return True
        if self._own_method is None:
            root = node
            while root.parent is not None:
                root = root.parent
            self._own_method = any(
                item.type == syms.funcdef and item.children[1].value == "has_key"
                for item in root.pre_order()
            )
        return self._own_method

    @staticmethod
    def _named_object(node):
        """The text of ``a.b`` in ``a.b.has_key(k)``: a name or an attribute
        chain, which reads the same object twice; else None."""
        head = node.children[:-2]
        if head[0].type != token.NAME:
            return None
        for trailer in head[1:]:
            if trailer.type != syms.trailer or trailer.children[0].type != token.DOT:
                return None
        return "".join(str(child) for child in head).strip()

    def _ask_object(self, node, results):
        """``d.has_key(k)`` -> ``d.has_key(k) if hasattr(d, 'has_key') else k in d``."""
        obj = self._named_object(node)
        if obj is None or not name_is_builtin_at(node, "hasattr"):
            return None
        key_text = str(results["key"]).strip()
        if results["key"].type in _LOOSER:
            key_text = "(%s)" % key_text
        text = "%s if hasattr(%s, 'has_key') else %s in %s" % (
            str(node).strip(), obj, key_text, obj)
        parent = node.parent
        bracketed = parent is not None and parent.type == syms.atom \
            and parent.children[0].type == token.LPAR
        if not bracketed and (parent is None or parent.type not in _HOLDS_CONDITIONAL):
            text = "(%s)" % text
        self.changed(node)
        return expression(text, prefix=node.prefix)

    def _already_asked(self, node):
        """True for the has_key call of a rewrite done before."""
        parent = node.parent
        obj = self._named_object(node)
        return (
            obj is not None
            and parent is not None
            and parent.type == syms.test
            and parent.children[0] is node
            and str(parent.children[2]).strip() == "hasattr(%s, 'has_key')" % obj
        )

    def transform(self, node, results):
        if self._defines_has_key(node):
            if self._already_asked(node):
                return None
            asked = self._ask_object(node, results)
            if asked is not None:
                return asked
            self.review(
                node,
                "%s kept: this code defines its own has_key method, so the object may not "
                "be a dict; where it is one, write `key in d` (Python 3 dicts have no has_key)"
                % str(node).strip(),
            )
            return None
        key = results["key"]
        obj = "".join(str(child) for child in node.children[:-2]).strip()
        key_text = str(key).strip()
        if key.type in _LOOSER:
            key_text = "(%s)" % key_text
        target = node
        operator = "in"
        parent = node.parent
        if parent is not None and parent.type == syms.not_test:
            target = parent
            operator = "not in"
            parent = parent.parent
        text = "%s %s %s" % (key_text, operator, obj)
        if parent is not None and parent.type in _TIGHTER:
            text = "(%s)" % text
        self.changed(node)
        new = expression(text, prefix=target.prefix)
        if target is not node:
            target.replace(new)
            return None
        return new
