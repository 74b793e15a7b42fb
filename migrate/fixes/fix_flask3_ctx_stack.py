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
``_app_ctx_stack.top.sqlite_db``       ``g.sqlite_db``
``hasattr(_app_ctx_stack.top, 'db')``  ``hasattr(g, 'db')``
``top = _app_ctx_stack.top``           ``top = g`` (see below)
=====================================  =====================================

(``current_app`` and friends are proxies: ``is`` comparisons with the real
object need ``current_app._get_current_object()``.)

The application context used as a place to keep data (Flask 0.9's pattern
for a database connection) moves to ``g``, which lives exactly as long as
that context: an attribute of the context, read or written directly or
through ``hasattr``/``getattr``/``setattr``/``delattr`` with a literal name,
becomes the same attribute of ``g``. A variable holding the context is
rewritten only when every use of it in its scope is such an attribute and
nothing else assigns it. Names the context object has itself (``app``,
``g``, ``url_adapter``, ``push``, ``pop``) and private ones (``_x``) stay
listed, as does every other use, and the request context used as storage:
``g`` is the application context's, which several requests may share.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._flask3 import (
    Flask3Fix,
    add_names,
    drop_name,
    flask_module,
    is_flask_package,
    is_keyword_name,
    uses_of,
)
from ._m3util import from_import_parts
from ._util import (
    _enclosing_scopes,
    _is_binding_position,
    expression,
    is_attribute_name,
    is_builtin_use,
    scope_bindings,
)

_CHANGELOG = "Flask 2.2 deprecated the context stacks, Flask 2.3 removed them"
_STACKS = {
    "_app_ctx_stack": ("has_app_context", {"app": "current_app", "g": "g"}),
    "_request_ctx_stack": (
        "has_request_context",
        {"request": "request", "session": "session", "app": "current_app"},
    ),
}
#: Attribute names of Flask's application context object itself (0.9 - 3.1).
_APP_CONTEXT_OWN = frozenset(["app", "g", "url_adapter", "push", "pop"])
_ATTRIBUTE_BUILTINS = frozenset(["hasattr", "getattr", "setattr", "delattr"])

_REVIEW = (
    "%s is gone: keep data on g instead of the context object, use "
    "has_app_context()/has_request_context() to test for one"
)


class FixFlask3CtxStack(Flask3Fix):
    """Replace the context stacks by ``current_app``, ``request``, ``g`` and
    ``has_*_context()`` where the use says which; review the rest."""

    name = "flask3_ctx_stack"
    summary = "_app_ctx_stack/_request_ctx_stack .top -> current_app / request / g / has_app_context()"
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
            if stack == "_app_ctx_stack" and _stored_name(first) and self._g_is_free(power):
                tail = "".join(str(child) for child in rest)
                power.replace(expression(qualifier + "g" + tail, prefix=power.prefix))
                self._need("g")
                self.changed(power)
                return True
            self.review_since(power, _REVIEW % stack, _CHANGELOG)
            return False
        parent = power.parent
        if stack == "_app_ctx_stack" and self._g_is_free(power) and (
                _attribute_call_subject(power) or _storage_variable(power)):
            power.replace(expression(qualifier + "g", prefix=power.prefix))
            self._need("g")
            self.changed(power)
            return True
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

    def _g_is_free(self, node):
        """Whether ``g`` written at ``node`` would be Flask's: unbound there,
        or bound only by an import of Flask's ``g``."""
        for scope in _enclosing_scopes(node):
            kinds = scope_bindings(scope).get("g")
            if kinds:
                return all(
                    kind[0] == "from" and is_flask_package(kind[1]) and kind[2] == "g"
                    for kind in kinds
                )
        return True

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


def _stored_name(trailer):
    """Whether ``trailer`` is ``.name`` with a name the application context
    object does not have itself."""
    return (
        trailer.type == syms.trailer
        and trailer.children[0].type == token.DOT
        and _free_attribute(trailer.children[1].value)
    )


def _free_attribute(name):
    return not name.startswith("_") and name not in _APP_CONTEXT_OWN


def _literal_name(node):
    """The attribute name a plain string literal spells, or None."""
    if node.type != token.STRING:
        return None
    text = node.value
    if text[:1] not in ("'", '"') or text[:3] in ("'\'\'", '"""') or "\\" in text:
        return None
    name = text[1:-1]
    return name if name.isidentifier() else None


def _attribute_call_subject(node):
    """Whether ``node`` is the object of ``hasattr(node, 'name')`` (or
    getattr, setattr, delattr) naming an attribute the context object does
    not have itself."""
    arglist = node.parent
    if arglist is None or arglist.type != syms.arglist or arglist.children[0] is not node:
        return False
    trailer = arglist.parent
    if trailer is None or trailer.type != syms.trailer or trailer.children[0].value != "(":
        return False
    call = trailer.parent
    if call is None or call.type != syms.power or len(call.children) != 2:
        return False
    function = call.children[0]
    if function.type != token.NAME or function.value not in _ATTRIBUTE_BUILTINS:
        return False
    if not is_builtin_use(function):
        return False
    arguments = [child for child in arglist.children if child.type != token.COMMA]
    if len(arguments) < 2:
        return False
    name = _literal_name(arguments[1])
    return name is not None and _free_attribute(name)


def _storage_variable(power):
    """Whether ``power`` is the value of ``name = <power>`` in a function,
    ``name`` is used there, and every other use of it is an attribute the context object does not
    have itself (directly or through hasattr/getattr/setattr/delattr), with
    nothing else binding ``name``."""
    statement = power.parent
    if statement is None or statement.type != syms.expr_stmt or len(statement.children) != 3:
        return False
    target, equals = statement.children[0], statement.children[1]
    if target.type != token.NAME or equals.type != token.EQUAL or statement.children[2] is not power:
        return False
    scope = _enclosing_scopes(target)[0]
    if scope.type != syms.funcdef or scope_bindings(scope).get(target.value) != set([("other",)]):
        return False  # a module's or class's name may be read from elsewhere
    used = False
    for leaf in scope.leaves():
        if leaf is target or leaf.type != token.NAME or leaf.value != target.value:
            continue
        if is_attribute_name(leaf) or is_keyword_name(leaf):
            continue
        parent = leaf.parent
        seen_from = next(
            (found for found in _enclosing_scopes(leaf) if target.value in scope_bindings(found)),
            None,
        )
        if seen_from is not scope:
            continue  # another variable of that name, in a nested scope
        if _is_binding_position(leaf):
            return False
        used_as_attribute = (
            parent is not None
            and parent.type == syms.power
            and parent.children[0] is leaf
            and len(parent.children) > 1
            and _stored_name(parent.children[1])
        )
        if not used_as_attribute and not _attribute_call_subject(leaf):
            return False
        used = True
    return used


def _heads_power(leaf):
    parent = leaf.parent
    return parent is not None and parent.type == syms.power and parent.children[0] is leaf
