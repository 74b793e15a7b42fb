"""``_app_ctx_stack`` / ``_request_ctx_stack`` -> Flask's public names.

Flask 2.2 deprecated the two context stacks and Flask 2.3 removed them. The
uses that ask something a public name answers are rewritten:

=====================================  =====================================
``_app_ctx_stack.top is None``         ``not has_app_context()``
``_app_ctx_stack.top is not None``     ``has_app_context()``
``if _request_ctx_stack.top:``         ``if has_request_context():``
``_app_ctx_stack.top.app``             ``current_app``
``_app_ctx_stack.top.g``               ``g``
``_request_ctx_stack.top.request``     ``request`` (``.session``: ``session``,
                                       ``.app``: ``current_app``)
=====================================  =====================================

(``current_app`` and friends are proxies: ``is`` comparisons with the real
object need ``current_app._get_current_object()``.) Anything else, above all
the context used as a place to keep data (``ctx.sqlite_db = ...``), is listed
for review: Flask's advice is to keep such data on ``g``.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._flask3 import Flask3Fix, add_names, drop_name, flask_module, uses_of
from ._m3util import from_import_parts
from ._util import expression

_CHANGELOG = "Flask 2.2 deprecated the context stacks, Flask 2.3 removed them"
_STACKS = {
    "_app_ctx_stack": ("has_app_context", {"app": "current_app", "g": "g"}),
    "_request_ctx_stack": (
        "has_request_context",
        {"request": "request", "session": "session", "app": "current_app"},
    ),
}
_REVIEW = (
    "%s is gone: keep data on g instead of the context object, use "
    "has_app_context()/has_request_context() to test for one"
)


class FixFlask3CtxStack(Flask3Fix):
    """Replace the context stacks by ``current_app``, ``request``, ``g`` and
    ``has_*_context()`` where the use says which; review the rest."""

    name = "flask3_ctx_stack"
    summary = "_app_ctx_stack/_request_ctx_stack .top -> current_app / request / has_app_context()"
    PATTERN = (
        "import_from< 'from' any+ 'import' any+ >"
        " | power< NAME trailer< '.' ('_app_ctx_stack' | '_request_ctx_stack') > any* >"
        " | power< NAME trailer< '.' 'globals' > trailer< '.' ('_app_ctx_stack' | "
        "'_request_ctx_stack') > any* >"
    )

    def start_tree(self, tree, filename):
        """Reset the per-file state."""
        super(FixFlask3CtxStack, self).start_tree(tree, filename)
        self._names = []

    def transform(self, node, results):
        if node.type == syms.import_from:
            return self._import_from(node)
        module = flask_module(node.children[0])
        if module is None or module.split(".")[1:] not in ([], ["globals"]):
            return None
        index = 1
        if node.children[index].children[1].value == "globals":
            index += 1
        stack = node.children[index].children[1].value
        if stack not in _STACKS:
            return None
        # the public names are the module's attributes too: flask.request
        self._rewrite(node, index + 1, stack, node.children[0].value + ".")
        return None

    def _rewrite(self, power, index, stack, qualifier):
        """Rewrite the use of *stack* whose name ends before ``power.children
        [index]``, with public names written after ``qualifier`` (``""`` or
        ``"flask."``); False (after a review) when it stays."""
        helper, attributes = _STACKS[stack]
        self._qualifier = qualifier
        children = power.children
        top = children[index] if index < len(children) else None
        if top is None or top.type != syms.trailer or top.children[0].type != token.DOT or \
                top.children[1].value != "top":
            self.review_since(power, _REVIEW % stack, _CHANGELOG)
            return False
        rest = children[index + 1:]
        if rest:
            first = rest[0]
            if first.type == syms.trailer and first.children[0].type == token.DOT and \
                    first.children[1].value in attributes:
                name = attributes[first.children[1].value]
                tail = "".join(str(child) for child in rest[1:])
                power.replace(expression(qualifier + name + tail, prefix=power.prefix))
                self._need(name)
                self.changed(power)
                return True
            self.review_since(power, _REVIEW % stack, _CHANGELOG)
            return False
        parent = power.parent
        if parent is not None and parent.type == syms.comparison and len(parent.children) == 3 \
                and parent.children[0] is power and str(parent.children[2]).strip() == "None":
            operator = str(parent.children[1]).split()
            if operator == ["is"]:
                text = "not %s%s()" % (qualifier, helper)
            elif operator == ["is", "not"]:
                text = "%s%s()" % (qualifier, helper)
            else:
                self.review_since(power, _REVIEW % stack, _CHANGELOG)
                return False
            parent.replace(expression(text, prefix=parent.prefix))
            self._need(helper)
            self.changed(parent)
            return True
        if parent is not None and (
                parent.type == syms.not_test
                or parent.type in (syms.if_stmt, syms.while_stmt)
                and parent.children.index(power) > 0
                and getattr(parent.children[parent.children.index(power) - 1], "value", None)
                in ("if", "elif", "while")):
            power.replace(expression("%s%s()" % (qualifier, helper), prefix=power.prefix))
            self._need(helper)
            self.changed(power)
            return True
        self.review_since(power, _REVIEW % stack, _CHANGELOG)
        return False

    def _need(self, name):
        if name not in self._names and not self._qualifier:
            self._names.append(name)

    def _import_from(self, node):
        module, names = from_import_parts(node)
        if module.split(".")[0] not in ("flask", "flaskcompat") or not names:
            return None
        if module.split(".")[1:] not in ([], ["globals"]):
            return None
        removable = []
        for name, alias in names:
            if name not in _STACKS:
                continue
            uses = uses_of(node, alias or name, set([("from", module, name)]))
            done = [self._rewrite(leaf.parent, 1, name, "") if _heads_power(leaf)
                    else self._review_leaf(leaf, name) for leaf in uses]
            if all(done):
                removable.append(name)
        if not removable and not self._names:
            return None
        bound = set(alias or name for name, alias in names)
        add_names(node, [name for name in self._names if name not in bound])
        for name in removable:
            drop_name(node, name)
        self._names = []
        self.changed(node)
        return None

    def _review_leaf(self, leaf, name):
        self.review_since(leaf, _REVIEW % name, _CHANGELOG)
        return False


def _heads_power(leaf):
    parent = leaf.parent
    return parent is not None and parent.type == syms.power and parent.children[0] is leaf
