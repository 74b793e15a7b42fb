"""Dict methods: ``iter*``/``view*`` -> six helpers, lists where lists were.

``d.iteritems()`` becomes ``six.iteritems(d)`` (``iterkeys``, ``itervalues``,
``viewitems``... alike). On Python 3 ``d.keys()``, ``d.values()`` and
``d.items()`` return views, not lists, so a call is wrapped in ``list(...)``
unless the context only iterates it once or tests membership (a ``for``
loop that does not modify the dict, a comprehension, ``in``, ``len``,
``sorted``, ``list``, ``"".join``...). ``list(d.keys())[0]`` is the result
for ``d.keys()[0]``.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import ensure_import, expression, iteration_context, module_bindings, name_is_builtin_at

_SIX_HELPERS = {
    "iteritems": "six.iteritems",
    "iterkeys": "six.iterkeys",
    "itervalues": "six.itervalues",
    "viewitems": "six.viewitems",
    "viewkeys": "six.viewkeys",
    "viewvalues": "six.viewvalues",
}
_LIST_METHODS = frozenset(["keys", "values", "items"])
_LIST_METHOD_NAMES = frozenset(
    ["append", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort"]
)
_MUTATORS = frozenset(["pop", "popitem", "clear", "update", "setdefault", "__setitem__", "__delitem__"])


def _method_call(node):
    """Index of the ``.method`` trailer followed by a call in a power node."""
    children = node.children
    for index in range(1, len(children) - 1):
        trailer = children[index]
        if (
            trailer.type == syms.trailer
            and trailer.children[0].type == token.DOT
            and children[index + 1].type == syms.trailer
            and children[index + 1].children[0].type == token.LPAR
        ):
            name = trailer.children[1].value
            if name in _SIX_HELPERS or name in _LIST_METHODS:
                return index
    return None


def _six_helper_call(children, index):
    """True for ``six.iteritems(d)`` and the like, where ``six`` is the
    module imported under that name: a call of six's helper, not a method
    of a dict named six."""
    if index != 1 or children[0].type != token.NAME or children[0].value != "six":
        return False
    kinds = module_bindings(children[0]).get("six")
    return bool(kinds) and ("module", "six") in kinds


def _text(nodes):
    return "".join(str(node) for node in nodes).strip()


def _mutates(body, obj_text):
    """True if ``body`` may add or remove keys of the dict ``obj_text``."""
    for node in body.pre_order():
        if node.type == syms.del_stmt and obj_text + "[" in str(node).replace(" ", ""):
            return True
        if node.type != syms.power:
            continue
        children = node.children
        for split in range(1, len(children)):
            if _text(children[:split]) != obj_text:
                continue
            first = children[split]
            if first.type == syms.trailer and first.children[0].type == token.DOT:
                if first.children[1].value in _MUTATORS:
                    return True
            if first.type == syms.trailer and first.children[0].type == token.LSQB:
                parent = node.parent
                if parent is not None and parent.type == syms.expr_stmt and parent.children[-1] is not node:
                    return True  # obj[key] = value (a target, not the value)
            break
    return False


def _only_iterated(power, obj_text):
    """True if the value of ``power`` is consumed once as an iterable."""
    context = iteration_context(power)
    if context == "for":
        return not _mutates(power.parent.children[5], obj_text)
    # reversed() takes a dict view only from Python 3.8 on
    return context is not None and context != "reversed"


def _defines_method(node, names):
    parent = node.parent
    while parent is not None and parent.type != syms.classdef:
        parent = parent.parent
    if parent is None:
        return False
    for stmt in parent.children[-1].pre_order():
        if stmt.type == syms.funcdef and stmt.children[1].value in names:
            return True
    return False


class FixDict(MigrateFix):
    """Rewrite dict iterator/view methods and keep list results lists."""

    name = "dict"
    summary = "d.iteritems() -> six.iteritems(d); d.keys() -> list(d.keys()) where a list is used"
    _accept_type = syms.power

    def match(self, node):
        if node.type != syms.power or any(
            child.type == token.DOUBLESTAR for child in node.children
        ):
            return False
        index = _method_call(node)
        return {"index": index} if index is not None else False

    def transform(self, node, results):
        index = results["index"]
        children = node.children
        method = children[index].children[1].value
        call = children[index + 1]
        head = _text(children[:index])
        tail = _text(children[index + 2:])
        args = _text(call.children[1:-1])
        if method in _SIX_HELPERS:
            py3_name = method[4:]
            if head == "self" and _defines_method(node, (py3_name,)):
                # six.iteritems(self) calls self.items() on Python 3: a class
                # whose items() is built on iteritems() would recurse.
                self.review(
                    node,
                    "self.%s() in a class that defines %s(): six.%s would call "
                    "%s() on Python 3; rename the methods by hand" % (method, py3_name, method, py3_name),
                )
                return None
            if _six_helper_call(children, index):
                # six.iteritems(d): the helper itself, as this fixer writes it
                return None
            inner_args = call.children[1:-1]
            if inner_args and inner_args[0].type == syms.arglist:
                inner_args = inner_args[0].children
            if any(arg.type not in (syms.argument, token.COMMA) for arg in inner_args):
                self.review(node, "%s() with positional arguments is not a dict method call" % method)
                return None
            inner = head + (", " + args if args else "")
            self._needs_six = True
            self.changed(node)
            return expression("%s(%s)%s" % (_SIX_HELPERS[method], inner, tail), prefix=node.prefix)
        if args:
            return None  # keys(x) is not the dict method
        rest = children[index + 2:]
        if rest and rest[0].children[0].type == token.DOT and rest[0].children[1].value not in _LIST_METHOD_NAMES:
            # qs.values().filter(...): whatever values() returns, it is no
            # list (lists have no such method), so it is not a dict either
            return None
        if not tail and _only_iterated(node, head):
            return None
        if not name_is_builtin_at(node, "list"):
            self.review(node, "%s.%s() may need list(...), but list is rebound here" % (head, method))
            return None
        self.changed(node)
        return expression("list(%s.%s())%s" % (head, method, tail), prefix=node.prefix)

    def start_tree(self, tree, filename):
        """Reset the per-file state."""
        super(FixDict, self).start_tree(tree, filename)
        self._needs_six = False

    def finish_tree(self, tree, filename):
        """Import six where its helpers were used."""
        if self._needs_six:
            ensure_import(tree, "six")
