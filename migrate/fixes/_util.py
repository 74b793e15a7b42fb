"""Helpers shared by the fixers: scope analysis and import insertion.

Scope analysis answers one question, "does this name really mean the builtin
(or the module) here?", following Python's rules: function scopes (parameters
and every binding in the body), enclosing function scopes, the class body for
code written directly in it, then the module. Anything that binds the name in
one of those scopes -- assignment, ``for`` target, ``with``/``except`` target,
``def``/``class``, import, ``del``, augmented assignment -- means it is not the
builtin anywhere in that scope.
"""
from fissix import pytree
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

__all__ = [
    "is_builtin_use",
    "is_module_use",
    "is_attribute_name",
    "name_is_builtin_at",
    "scope_bindings",
    "module_bindings",
    "ensure_import",
    "ensure_from_import",
    "ensure_future",
    "has_future",
    "newline_of",
    "reset_scope_cache",
    "separating_prefix",
]

_SCOPE_TYPES = frozenset([syms.funcdef, syms.lambdef, syms.classdef, syms.file_input])
_FUNCTION_TYPES = frozenset([syms.funcdef, syms.lambdef])
_PARAM_PARENTS = frozenset(
    [
        syms.parameters,
        syms.typedargslist,
        syms.varargslist,
        syms.tname,
        syms.vname,
        syms.tfpdef,
        syms.tfplist,
        syms.vfpdef,
        syms.vfplist,
    ]
)
_TARGET_CONTAINERS = frozenset(
    [
        syms.exprlist,
        syms.testlist,
        syms.testlist_gexp,
        syms.testlist_star_expr,
        syms.listmaker,
        syms.atom,
        syms.star_expr,
    ]
)
_IMPORT_TYPES = frozenset(
    [
        syms.import_name,
        syms.import_from,
        syms.import_as_name,
        syms.import_as_names,
        syms.dotted_as_name,
        syms.dotted_as_names,
        syms.dotted_name,
    ]
)



def _optional_types(*names):
    # Node types that only some fissix grammars have (old_comp_for for list
    # comprehensions, asexpr_test for with items).
    return [getattr(syms, name) for name in names if hasattr(syms, name)]


_FOR_TYPES = frozenset([syms.for_stmt, syms.comp_for] + _optional_types("old_comp_for"))
_WITH_TYPES = frozenset([syms.with_stmt, syms.with_item] + _optional_types("asexpr_test"))

#: Binding kinds recorded by :func:`scope_bindings`.
OTHER = ("other",)
CLASS = ("class",)

_CACHE_ATTR = "_migrate_scope_pass"
_INSERTED_ATTR = "_migrate_inserted_import"
_GLOBALS_ATTR = "_migrate_declared_globals"
_BINDINGS_ATTR = "_migrate_bindings"


def reset_scope_cache(tree):
    """Invalidate the binding caches of ``tree``."""
    setattr(_root(tree), _CACHE_ATTR, object())


def _root(node):
    while node.parent is not None:
        node = node.parent
    return node


# ---------------------------------------------------------------------------
# Binding collection


def _target_names(node, out):
    """Add the names an assignment target binds (``a``, ``(a, b)``, ``*a``)."""
    if node.type == token.NAME:
        out.append(node.value)
    elif node.type in _TARGET_CONTAINERS:
        if node.type == syms.atom and node.children[0].type not in (
            token.LPAR,
            token.LSQB,
        ):
            return
        for child in node.children:
            _target_names(child, out)
    # power (a.b, a[i]) and anything else binds no plain name.


def _param_names(node, out):
    """Add the parameter names of a ``parameters``/``varargslist`` subtree."""
    if node.type == token.NAME:
        out.append(node.value)
        return
    if node.type not in _PARAM_PARENTS:
        return
    after_equals = False
    for child in node.children:
        if child.type == token.EQUAL:
            after_equals = True
            continue
        if after_equals:
            # a default value: evaluated in the enclosing scope
            after_equals = False
            continue
        if child.type == token.COLON:
            # annotation follows in tname; skip it
            break
        _param_names(child, out)


def _import_bindings(node, add):
    """Record the names bound by an ``import``/``from ... import`` statement."""
    if node.type == syms.import_name:
        names = node.children[1]
        items = names.children[::2] if names.type == syms.dotted_as_names else [names]
        for item in items:
            if item.type == syms.dotted_as_name:
                module = _dotted(item.children[0])
                add(item.children[2].value, ("module", module))
            else:
                module = _dotted(item)
                add(module.split(".")[0], ("module", module.split(".")[0]))
    else:  # import_from
        children = node.children
        index = 1
        package = ""
        while children[index].type != token.NAME or children[index].value != "import":
            part = children[index]
            package += part.value if part.type in (token.DOT, token.NAME) else _dotted(part)
            index += 1
        names = children[index + 1]
        if names.type == token.LPAR:
            names = children[index + 2]
        if names.type == token.STAR:
            return
        items = names.children[::2] if names.type == syms.import_as_names else [names]
        for item in items:
            if item.type == syms.import_as_name:
                add(item.children[2].value, ("from", package, item.children[0].value))
            elif item.type == token.NAME:
                add(item.value, ("from", package, item.value))


def _dotted(node):
    if node.type == token.NAME:
        return node.value
    return "".join(leaf.value for leaf in node.leaves())


#: Node types that _collect does more with than looking at their children.
_COLLECT_TYPES = frozenset(
    [
        syms.global_stmt,
        syms.funcdef,
        syms.classdef,
        syms.lambdef,
        syms.expr_stmt,
        syms.import_name,
        syms.import_from,
        syms.except_clause,
        syms.del_stmt,
        syms.namedexpr_test,
    ]
) | _FOR_TYPES | _WITH_TYPES


def _collect(scope_node):
    """Map each name bound directly in ``scope_node`` to its binding kinds."""
    bindings = {}
    globals_declared = []

    def add(name, kind):
        bindings.setdefault(name, set()).add(kind)

    def add_targets(target):
        names = []
        _target_names(target, names)
        for name in names:
            add(name, OTHER)

    if scope_node.type in _FUNCTION_TYPES:
        params = []
        for child in scope_node.children:
            if child.type == syms.parameters:
                for sub in child.children[1:-1]:
                    _param_names(sub, params)
            elif child.type == syms.varargslist:
                _param_names(child, params)
        if scope_node.type == syms.lambdef:
            # lambda x: ...  keeps a single parameter as a bare NAME child
            for child in scope_node.children[1:]:
                if child.type == token.COLON:
                    break
                if child.type == token.NAME:
                    params.append(child.value)
        for name in params:
            add(name, OTHER)
        body = [scope_node.children[-1]]
    elif scope_node.type == syms.classdef:
        body = [scope_node.children[-1]]
    else:
        body = list(scope_node.children)

    stack = body
    special = _COLLECT_TYPES
    while stack:
        node = stack.pop()
        kind = node.type
        if kind not in special:
            # a leaf, or a node that binds nothing itself: look inside
            if kind >= 256:
                stack.extend(node.children)
            continue
        if kind == syms.global_stmt:
            # ``global name`` in a function binds the module's name, so the
            # module scope records it (see scope_bindings).
            for child in node.children[1::2]:
                globals_declared.append(child.value)
            continue
        if kind in (syms.funcdef, syms.classdef):
            add(node.children[1].value, CLASS if kind == syms.classdef else OTHER)
            # decorators, defaults and base classes are evaluated here
            for child in node.children[2:-1]:
                if kind == syms.funcdef and child.type == syms.parameters:
                    _defaults_into(child, stack)
                else:
                    stack.append(child)
            continue
        if kind == syms.lambdef:
            for child in node.children[1:]:
                if child.type == token.COLON:
                    break
                _defaults_into(child, stack)
            continue
        if kind == syms.expr_stmt:
            children = node.children
            if len(children) > 1 and children[1].type == syms.annassign:
                add_targets(children[0])
            elif len(children) > 1 and children[1].type == token.EQUAL:
                for index in range(0, len(children) - 2, 2):
                    add_targets(children[index])
            elif len(children) == 3 and children[1].type != token.EQUAL:
                add_targets(children[0])  # augmented assignment
        elif kind in _FOR_TYPES:
            add_targets(node.children[1] if node.children[0].type != token.ASYNC else node.children[2])
        elif kind in (syms.import_name, syms.import_from):
            _import_bindings(node, add)
            continue
        elif kind in _WITH_TYPES:
            for index, child in enumerate(node.children):
                if child.type == token.NAME and child.value == "as":
                    add_targets(node.children[index + 1])
        elif kind == syms.except_clause:
            if len(node.children) == 4:
                add_targets(node.children[3])
        elif kind == syms.del_stmt:
            add_targets(node.children[1])
        elif kind == syms.namedexpr_test:
            add_targets(node.children[0])
        stack.extend(node.children)
    for name in globals_declared:
        # the function binds it at module level, not locally
        kinds = bindings.get(name)
        if kinds == set([OTHER]):
            del bindings[name]
    if scope_node.type == syms.file_input:
        for name in _declared_globals(scope_node):
            add(name, OTHER)
    return bindings


def _declared_globals(root):
    """Names declared ``global`` in any function of the module.

    Computed once per tree: no fixer adds or removes global statements.
    """
    names = getattr(root, _GLOBALS_ATTR, None)
    if names is None:
        names = []
        parsed = getattr(root, "used_names", None)
        if parsed and "global" not in parsed:
            # The parser saw every name of the module (keywords too), and no
            # ``global`` among them: nothing to look for.
            setattr(root, _GLOBALS_ATTR, names)
            return names
        for leaf in root.leaves():
            if leaf.type == token.NAME and leaf.value == "global" and leaf.parent.type == syms.global_stmt:
                names.extend(child.value for child in leaf.parent.children[1::2])
        setattr(root, _GLOBALS_ATTR, names)
    return names


def _defaults_into(node, stack):
    """Queue the default-value expressions of a parameter list."""
    if isinstance(node, pytree.Leaf):
        return
    children = node.children
    for index, child in enumerate(children):
        if child.type == token.EQUAL and index + 1 < len(children):
            stack.append(children[index + 1])
        elif child.type in _PARAM_PARENTS:
            _defaults_into(child, stack)




def scope_bindings(scope_node):
    """Return ``{name: set(kinds)}`` for the names bound in one scope.

    A kind is ``("module", "os.path")`` for ``import os.path as p``,
    ``("from", "package", "name")`` for from-imports, ``("class",)`` for a
    class statement and ``("other",)`` for every other binding. The result is cached for the current fixer pass.
    """
    root = _root(scope_node)
    current = getattr(root, _CACHE_ATTR, None)
    cached = getattr(scope_node, _BINDINGS_ATTR, None)
    if cached is not None and cached[0] is current and current is not None:
        return cached[1]
    bindings = _collect(scope_node)
    if current is None:
        current = object()
        setattr(root, _CACHE_ATTR, current)
    setattr(scope_node, _BINDINGS_ATTR, (current, bindings))
    return bindings


def module_bindings(tree):
    """Return the bindings of the module scope of ``tree``."""
    return scope_bindings(_root(tree))


def _enclosing_scopes(node):
    """Scopes whose bindings a name at ``node`` can see, innermost first."""
    scopes = []
    child = node
    parent = node.parent
    in_function = False
    while parent is not None:
        if parent.type in _SCOPE_TYPES:
            # Only the body of a def/lambda/class is inside its scope; its
            # name, decorators, defaults and bases belong to the outer one.
            if parent.type == syms.file_input or child is parent.children[-1]:
                if parent.type == syms.classdef:
                    if not in_function:
                        scopes.append(parent)
                else:
                    scopes.append(parent)
                    if parent.type in _FUNCTION_TYPES:
                        in_function = True
        child = parent
        parent = parent.parent
    if child.type != syms.file_input and (not scopes or scopes[-1] is not child):
        # a detached subtree: treat its top as the module
        scopes.append(child)
    return scopes


def is_attribute_name(node):
    """True if the NAME leaf is the ``attr`` of ``obj.attr``."""
    prev = node.prev_sibling
    return prev is not None and prev.type == token.DOT


def _is_binding_position(node):
    parent = node.parent
    if parent is None:
        return False
    if is_attribute_name(node):
        return True
    if parent.type in (syms.funcdef, syms.classdef) and parent.children[1] is node:
        return True
    if parent.type == syms.argument:
        following = node.next_sibling
        if following is not None and following.type == token.EQUAL:
            return True  # keyword argument name
    if parent.type in _PARAM_PARENTS or parent.type == syms.lambdef:
        prev = node.prev_sibling
        if prev is None or prev.type != token.EQUAL:
            if parent.type != syms.lambdef or _before_colon(node):
                return True
    ancestor = parent
    while ancestor is not None and ancestor.type in _IMPORT_TYPES:
        if ancestor.type in (syms.import_name, syms.import_from):
            return True
        ancestor = ancestor.parent
    if parent.type == syms.global_stmt:
        return True
    return False


def _before_colon(node):
    sibling = node.prev_sibling
    while sibling is not None:
        if sibling.type == token.COLON:
            return False
        sibling = sibling.prev_sibling
    return True


def _resolve(node):
    """Binding kinds of the NAME leaf in the innermost scope binding it."""
    name = node.value
    for scope in _enclosing_scopes(node):
        kinds = scope_bindings(scope).get(name)
        if kinds:
            return kinds
    return None


def is_builtin_use(node):
    """True only where the NAME leaf ``node`` really refers to the builtin.

    False for an attribute (``obj.unicode``), a keyword argument name, a
    parameter, a def/class name, an import, and for any name bound in a scope
    the use can see (``unicode = str``, ``def f(file): ...``,
    ``for long in ...``, ``import file``...).
    """
    if node.type != token.NAME:
        return False
    if _is_binding_position(node):
        return False
    return _resolve(node) is None


def name_is_builtin_at(node, name):
    """True if a use of ``name`` written at ``node`` would mean the builtin.

    For fixers that introduce a builtin (``list(...)``, ``repr(...)``) into
    code that may have rebound it (``def first(list): ...``).
    """
    for scope in _enclosing_scopes(node):
        if scope_bindings(scope).get(name):
            return False
    return True


def binding_kinds(node):
    """The binding kinds of the NAME leaf ``node`` where it is used: the set
    recorded by the innermost scope that binds it, or None for a builtin."""
    return _resolve(node)


def is_module_use(node, module):
    """True if the NAME leaf ``node`` refers to ``module`` imported as itself.

    ``string`` in ``string.letters`` after ``import string`` qualifies; a
    ``string`` that is also assigned, a parameter, or ``import x as string``
    does not.
    """
    if node.type != token.NAME or _is_binding_position(node):
        return False
    kinds = _resolve(node)
    return bool(kinds) and kinds == set([("module", module)])


# ---------------------------------------------------------------------------
# Import insertion


def newline_of(tree):
    """The line ending the file uses (that of its first line break)."""
    for leaf in tree.leaves():
        if leaf.type == token.NEWLINE and leaf.value:
            return leaf.value
        for text in (leaf.prefix,):
            index = text.find("\n")
            if index > 0 and text[index - 1] == "\r":
                return "\r\n"
            if index >= 0:
                return "\n"
    return "\n"


def _is_docstring(stmt):
    return (
        stmt.type == syms.simple_stmt
        and stmt.children[0].type == token.STRING
    )


def _is_future_import(stmt):
    if stmt.type != syms.simple_stmt:
        return False
    first = stmt.children[0]
    return (
        first.type == syms.import_from
        and first.children[1].type == token.NAME
        and first.children[1].value == "__future__"
    )


def _future_names(stmt):
    names = []
    node = stmt.children[0].children[3]
    if node.type == token.LPAR:
        node = stmt.children[0].children[4]
    items = node.children[::2] if node.type == syms.import_as_names else [node]
    for item in items:
        if item.type == token.NAME:
            names.append(item.value)
        elif item.type == syms.import_as_name:
            names.append(item.children[0].value)
    return names


def has_future(tree, feature):
    """True if the module already has ``from __future__ import feature``."""
    for stmt in _root(tree).children:
        if _is_docstring(stmt) and stmt is _root(tree).children[0]:
            continue
        if not _is_future_import(stmt):
            break
        if feature in _future_names(stmt):
            return True
    return False


def _header_end(root):
    """Index in ``root.children`` just after docstring and future imports."""
    index = 0
    children = root.children
    if children and _is_docstring(children[0]):
        index = 1
    while index < len(children) and _is_future_import(children[index]):
        index += 1
    return index


def _insert_statement(tree, source_line, after_future=True):
    """Insert one simple statement (text without newline) into the header."""
    root = _root(tree)
    newline = newline_of(root)
    stmt = _driver().parse_string(source_line + "\n").children[0]
    stmt.parent = None
    stmt.children[-1].value = newline
    index = _header_end(root)
    if not after_future:
        # several inserted imports keep the order they were asked for
        while index < len(root.children) and getattr(
            root.children[index], _INSERTED_ATTR, False
        ):
            index += 1
    if index == 0:
        # keep shebang, encoding cookie and leading comments on top
        first = root.children[0] if root.children else None
        if first is not None:
            stmt.prefix = first.prefix
            first.prefix = ""
    else:
        previous = root.children[index - 1]
        last = previous
        while not isinstance(last, pytree.Leaf):
            last = last.children[-1] if last.children else None
            if last is None:
                break
        if last is not None and last.type == token.NEWLINE and not last.value:
            last.value = newline
    root.insert_child(index, stmt)
    setattr(stmt, _INSERTED_ATTR, not after_future)
    return stmt


def _module_imports(root):
    """Top-level statements (incl. inside if/try blocks) that import."""
    for stmt in root.children:
        if stmt.type == syms.simple_stmt:
            for small in stmt.children:
                if small.type in (syms.import_name, syms.import_from):
                    yield small


def ensure_import(tree, module):
    """Make sure ``import module`` is at the top of the module.

    Idempotent: nothing happens when the module is already imported under its
    own name, also through a from-import of a copy (``from . import six``).
    Placed after the docstring and the ``__future__`` imports.
    Returns True when a statement was added.
    """
    root = _root(tree)
    top = module.split(".")[0]
    for small in _module_imports(root):
        bound = {}
        _import_bindings(small, lambda name, kind: bound.setdefault(name, kind))
        kind = bound.get(top)
        if small.type == syms.import_name:
            if kind == ("module", top) and (
                module == top or module in _dotted(small.children[1]).replace(" ", "")
            ):
                return False
        elif module == top and kind is not None and kind[2] == top:
            # ``from . import six`` / ``from pkg._vendor import six``: the
            # module already has its own copy under that name
            return False
    _insert_statement(root, "import " + module, after_future=False)
    return True


def ensure_from_import(tree, package, name):
    """Make sure ``from package import name`` is at the top of the module.

    Idempotent, placed like :func:`ensure_import`. Returns True when added.
    """
    root = _root(tree)
    for small in _module_imports(root):
        if small.type == syms.import_from:
            bound = {}
            _import_bindings(small, lambda bound_name, kind: bound.setdefault(bound_name, kind))
            if bound.get(name) == ("from", package, name):
                return False
    _insert_statement(root, "from %s import %s" % (package, name), after_future=False)
    return True


def ensure_future(tree, feature):
    """Make sure ``from __future__ import feature`` heads the module.

    Idempotent; placed after the docstring and existing future imports, before
    any other statement, keeping comments and the encoding cookie on top.
    Returns True when added.
    """
    root = _root(tree)
    if has_future(root, feature):
        return False
    _insert_statement(root, "from __future__ import " + feature)
    return True


# ---------------------------------------------------------------------------
# Building nodes

_PARSER = []
# Parsed replacement texts; the same few (``six.moves.range``...) recur in
# every file, and cloning a tree is much cheaper than parsing it again.
_EXPRESSIONS = {}
_EXPRESSION_CACHE_SIZE = 4096


def _driver():
    if not _PARSER:
        from fissix import pygram

        from .. import fastparse

        # The tool's own parser loop: the same trees as fissix's driver.
        _PARSER.append(fastparse.Driver(pygram.python_grammar_no_print_and_exec_statement))
    return _PARSER[0]


def expression(text, prefix=""):
    """Parse the expression ``text`` into a detached node with ``prefix``.

    Building a replacement from text (``"six.iteritems(%s)" % d``) keeps the
    fixers short; comments and layout inside the interpolated parts survive
    because they are part of the text.
    """
    template = _EXPRESSIONS.get(text)
    if template is None:
        tree = _driver().parse_string("(" + text + "\n)\n")
        template = tree.children[0].children[0].children[1]
        template.parent = None
        if len(_EXPRESSIONS) >= _EXPRESSION_CACHE_SIZE:
            _EXPRESSIONS.clear()
        _EXPRESSIONS[text] = template
    node = template.clone()
    node.prefix = prefix
    return node


def argument(text):
    """Parse one call argument (``x``, ``key=value``, ``*args``) from text."""
    tree = _driver().parse_string("f(" + text + "\n)\n")
    trailer = tree.children[0].children[0].children[1]
    node = trailer.children[1]
    trailer.children[2].prefix = ""
    node.parent = None
    return node


def call(function, args, prefix=""):
    """A call node ``function(args...)`` from a dotted name and arg nodes.

    ``args`` are nodes or texts; keyword arguments are given as text
    (``"end=' '"``). The argument nodes are used as they are (not cloned).
    """
    pieces = []
    for index, arg in enumerate(args):
        if not isinstance(arg, pytree.Base):
            arg = argument(arg)
        if index:
            pieces.append(pytree.Leaf(token.COMMA, ","))
            if not arg.prefix:
                arg.prefix = " "
        else:
            arg.prefix = arg.prefix.lstrip(" \t")
        pieces.append(arg)
    opening = pytree.Leaf(token.LPAR, "(")
    closing = pytree.Leaf(token.RPAR, ")")
    if len(pieces) > 1:
        inner = [opening, pytree.Node(syms.arglist, pieces), closing]
    else:
        inner = [opening] + pieces + [closing]
    head = expression(function)
    if head.type == syms.power:
        children = [child.clone() for child in head.children]
    else:
        children = [head]
    children.append(pytree.Node(syms.trailer, inner))
    node = pytree.Node(syms.power, children)
    node.prefix = prefix
    return node


def separating_prefix(node):
    """The prefix for a name or word that takes *node*'s place.

    A bracket needs no space before it (``lambda(x): x``, ``print(a)``), a name
    does: keep *node*'s own prefix unless it is empty and the text before it
    ends in a word character, where the two would run together
    (``lambdax``); then one space.
    """
    if node.prefix:
        return node.prefix
    previous = node.prev_sibling
    while previous is not None and not isinstance(previous, pytree.Leaf):
        previous = previous.children[-1] if previous.children else None
    if previous is None:
        leaf = node
        while leaf is not None and leaf.prev_sibling is None:
            leaf = leaf.parent
        previous = leaf.prev_sibling if leaf is not None else None
        while previous is not None and not isinstance(previous, pytree.Leaf):
            previous = previous.children[-1] if previous.children else None
    if previous is not None and previous.value and (previous.value[-1].isalnum() or previous.value[-1] == "_"):
        return " "
    return ""


def replace_name(leaf, dotted):
    """Replace the NAME ``leaf`` by the dotted expression ``dotted``.

    When the name heads a ``power`` (``raw_input(...)``), the new parts are
    spliced into it, so the tree keeps the shape the parser would give the
    new text and later fixers match it as they would after a re-parse.
    """
    new = expression(dotted, prefix=leaf.prefix)
    parent = leaf.parent
    if new.type == syms.power and parent is not None and parent.type == syms.power and parent.children[0] is leaf:
        index = 0
        leaf.remove()
        for child in list(new.children):
            child.remove()
            parent.insert_child(index, child)
            index += 1
        return parent
    leaf.replace(new)
    return new


def dotted_text(node):
    """``a.b.c`` for a NAME or a power of NAME/'.' NAME trailers, else None."""
    if node.type == token.NAME:
        return node.value
    if node.type != syms.power:
        return None
    parts = []
    for index, child in enumerate(node.children):
        if index == 0:
            if child.type != token.NAME:
                return None
            parts.append(child.value)
        elif child.type == syms.trailer and child.children[0].type == token.DOT:
            parts.append(child.children[1].value)
        else:
            return None
    return ".".join(parts)


def reads_attribute_of(node, owner, attribute):
    """True when ``<owner>.<attribute>`` appears in ``node``: an attribute
    of that name read from the expression written ``owner`` (``v`` for
    ``v.encode(...)``)."""
    for leaf in node.leaves():
        if leaf.type != token.NAME or leaf.value != attribute:
            continue
        dot = leaf.prev_sibling
        if dot is None or dot.type != token.DOT:
            continue
        trailer = leaf.parent
        power = trailer.parent
        position = power.children.index(trailer)
        if "".join(str(child) for child in power.children[:position]).strip() == owner:
            return True
    return False


def isinstance_types_of(node):
    """The class-info argument of ``isinstance``/``issubclass`` holding ``node``.

    Returns the argument node when ``node`` is that argument or an item of a
    (nested) tuple in it, else None. Only the builtins count.
    """
    current = node
    parent = node.parent
    while parent is not None and (
        parent.type == syms.testlist_gexp
        or (parent.type == syms.atom and parent.children[0].type == token.LPAR)
    ):
        current = parent
        parent = parent.parent
    if parent is None or parent.type != syms.arglist:
        return None
    items = [child for child in parent.children if child.type != token.COMMA]
    if len(items) != 2 or items[1] is not current:
        return None
    trailer = parent.parent
    power = trailer.parent if trailer is not None else None
    if (
        power is None
        or power.type != syms.power
        or len(power.children) != 2
        or power.children[0].type != token.NAME
        or power.children[0].value not in ("isinstance", "issubclass")
        or not is_builtin_use(power.children[0])
    ):
        return None
    return current


def is_call_of(node):
    """True if the NAME ``node`` is called: ``node(...)``."""
    parent = node.parent
    return (
        parent is not None
        and parent.type == syms.power
        and parent.children[0] is node
        and len(parent.children) > 1
        and parent.children[1].type == syms.trailer
        and parent.children[1].children[0].type == token.LPAR
    )


# Builtins that consume an iterable once and never need a list.
CONSUMERS = frozenset(
    [
        "list", "tuple", "set", "frozenset", "dict", "sorted", "iter", "len", "sum", "min", "max", "any",
        "all", "enumerate", "map", "filter", "zip",
    ]
)
# Consumers whose every argument after the first is an iterable they consume.
_LATER_ARG_CONSUMERS = frozenset(["map", "filter", "zip"])
# Consumers that take the iterable as their first of several arguments.
_FIRST_ARG_CONSUMERS = frozenset(["sorted", "enumerate", "min", "max", "sum", ".join"])


def _consumer_name(trailer):
    """``len`` for the trailer of ``len(...)``, ``.join`` for ``x.join(...)``."""
    power = trailer.parent
    if power is None or power.type != syms.power:
        return None
    index = power.children.index(trailer)
    if index == 1 and power.children[0].type == token.NAME:
        head = power.children[0]
        known = head.value in CONSUMERS or head.value == "reversed"
        return head.value if known and is_builtin_use(head) else None
    previous = power.children[index - 1]
    if previous.type == syms.trailer and previous.children[0].type == token.DOT:
        if previous.children[1].value == "join":
            return ".join"
    return None


def iteration_context(node):
    """How the value of the expression ``node`` is used, if only iterated.

    ``"for"`` (the iterable of a for statement), ``"comprehension"``,
    ``"in"`` (right side of a membership test), ``"call"`` (passed to a
    builtin that consumes an iterable once: list, sorted, "".join...),
    ``"len"`` (the argument of len: fine for views and ranges, not for
    iterators), ``"reversed"`` (the argument of reversed: fine for ranges,
    not for iterators, nor for dict views before Python 3.8) or
    None when the value may be kept, indexed or reused, i.e. a list may be
    needed.
    """
    parent = node.parent
    if parent is None:
        return None
    if parent.type == syms.for_stmt and parent.children[3] is node:
        return "for"
    if parent.type in _FOR_TYPES and parent.type != syms.for_stmt:
        children = parent.children
        if node is children[-1] or (len(children) > 3 and node is children[3] and children[2].value == "in"):
            return "comprehension"
        if children[-1].type in (syms.comp_iter, syms.comp_if, syms.comp_for) and node is children[-2]:
            return "comprehension"
    if parent.type == syms.comparison:
        index = parent.children.index(node)
        if index > 0:
            op = parent.children[index - 1]
            if (op.type == token.NAME and op.value == "in") or (
                op.type == syms.comp_op and op.children[-1].value == "in"
            ):
                return "in"
    if parent.type == syms.trailer and parent.children[0].type == token.LPAR:
        consumer = _consumer_name(parent)
        if consumer in ("len", "reversed"):
            return consumer  # needs a sized (or reversible) value, not an iterator
        return "call" if consumer is not None else None
    if parent.type == syms.arglist:
        trailer = parent.parent
        if trailer is not None and trailer.type == syms.trailer:
            consumer = _consumer_name(trailer)
            if parent.children[0] is node and consumer in _FIRST_ARG_CONSUMERS | set(["zip"]):
                return "call"
            if parent.children[0] is not node and consumer in _LATER_ARG_CONSUMERS:
                return "call"
    return None


def _parse_block(text):
    tree = _driver().parse_string(text)
    statements = []
    for child in list(tree.children):
        if child.type == token.ENDMARKER:
            continue
        child.remove()
        statements.append(child)
    return statements


def ensure_module_block(tree, name, text):
    """Insert the statements ``text`` after the module's leading imports.

    Used for small compatibility definitions (``text`` must bind ``name`` at
    module level); nothing happens when the module already binds ``name``,
    which also makes a second run a no-op. Returns True when inserted.
    """
    root = _root(tree)
    if name in scope_bindings(root):
        return False
    newline = newline_of(root)
    index = _header_end(root)
    while index < len(root.children):
        stmt = root.children[index]
        if stmt.type == syms.simple_stmt and stmt.children[0].type in (syms.import_name, syms.import_from):
            index += 1
        else:
            break
    statements = _parse_block(text.replace("\n", newline))
    if index == 0 and root.children:
        first = root.children[0]
        statements[0].prefix = first.prefix
        first.prefix = ""
    for offset, stmt in enumerate(statements):
        root.insert_child(index + offset, stmt)
    reset_scope_cache(root)
    return True


def parse_statement(text, newline="\n"):
    """A detached simple statement parsed from ``text`` (one line)."""
    stmt = _driver().parse_string(text + "\n").children[0]
    stmt.remove()
    stmt.children[-1].value = newline
    return stmt


# Compound statements: a literal in their header (an if test, a for
# iterable) is reported at that header, not at the statement's first line.
_COMPOUND = frozenset([
    syms.if_stmt, syms.while_stmt, syms.for_stmt, syms.try_stmt, syms.with_stmt,
    syms.funcdef, syms.classdef, syms.decorated, syms.async_stmt, syms.async_funcdef,
])


def statement_part(node):
    """The statement ``node`` is in, for a review: the whole simple
    statement, or the header part of a compound one (``elif x == '\\xff'``
    is reported at the elif line). Its first line is the one a traceback
    through the statement names on Python 3.11+ for the statement's call."""
    while node.parent is not None and node.parent.type not in (syms.file_input, syms.suite):
        if node.parent.type in _COMPOUND:
            break
        node = node.parent
    return node
