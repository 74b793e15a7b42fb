"""Tuple parameters: ``def f(a, (b, c)):`` and ``lambda (k, v): ...``.

Python 3 removed parameter unpacking. A def gets one parameter named after
the parts (``b_c``) and unpacks it as its first statement (after the
docstring); a lambda, which has no statements, indexes the parameter
instead (``lambda k_v: k_v[0]``). Both unpack exactly as Python 2 did.
"""
from fissix import pytree
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import parse_statement, separating_prefix

_TUPLE_PARAMS = (syms.tfpdef, syms.vfpdef)
_TUPLE_LISTS = (syms.tfplist, syms.vfplist)


def _tuple_params(node):
    """The tuple-parameter nodes directly in a def's or lambda's parameters."""
    if node.type == syms.funcdef:
        container = node.children[2]
        items = container.children[1:-1]
    else:
        items = node.children[1:node.children.index(next(c for c in node.children if c.type == token.COLON))]
    found = []
    for item in items:
        if item.type in _TUPLE_PARAMS:
            found.append(item)
        elif item.type in (syms.typedargslist, syms.varargslist):
            found.extend(child for child in item.children if child.type in _TUPLE_PARAMS)
    return found


def _names(param):
    """Leaf names of a tuple parameter, in order."""
    return [leaf.value for leaf in param.leaves() if leaf.type == token.NAME]


def _unwrap(param):
    """``((a))`` is the name ``a`` in brackets, not a tuple: strip brackets
    around anything but a comma-separated list."""
    while param.type in _TUPLE_PARAMS and param.children[1].type not in _TUPLE_LISTS:
        param = param.children[1]
    return param


def _paths(param, prefix=()):
    """``{name: (index, ...)}`` for the names inside a tuple parameter."""
    inner = _unwrap(param.children[1])
    items = [inner] if inner.type not in _TUPLE_LISTS else [_unwrap(c) for c in inner.children if c.type != token.COMMA]
    paths = {}
    for index, item in enumerate(items):
        if item.type == token.NAME:
            paths[item.value] = prefix + (index,)
        else:
            paths.update(_paths(item, prefix + (index,)))
    return paths


def _rebinds(body, names):
    """True if a lambda or comprehension inside ``body`` binds one of ``names``."""
    for node in body.pre_order():
        if node.type in (syms.lambdef, syms.comp_for) or node.type in _TUPLE_LISTS:
            for leaf in node.leaves():
                if leaf.type == token.NAME and leaf.value in names:
                    return True
    return False


class FixTupleParams(MigrateFix):
    """Replace tuple parameters by a parameter that is unpacked explicitly."""

    name = "tuple_params"
    summary = "def f((a, b)): -> def f(a_b): (a, b) = a_b; lambda (k, v): k -> lambda k_v: k_v[0]"
    PATTERN = "funcdef< any+ > | lambdef< any+ >"
    # without a tuple parameter anywhere there is nothing to rewrite
    required_types = tuple(sorted(_TUPLE_PARAMS))

    def transform(self, node, results):
        params = _tuple_params(node)
        if not params:
            return None
        taken = set(leaf.value for leaf in node.leaves() if leaf.type == token.NAME)
        unpackings = []
        for param in params:
            inner = _unwrap(param)
            if inner.type == token.NAME:
                # ``(a)`` is just ``a`` in parentheses
                inner.prefix = separating_prefix(param)
                param.replace(inner.clone())
                continue
            name = "_".join(_names(param))
            while name in taken:
                name += "_"
            taken.add(name)
            if node.type == syms.lambdef:
                paths = _paths(param)
                if _rebinds(node.children[-1], paths):
                    self.review(node, "lambda with tuple parameters whose body binds the same names: rewrite by hand")
                    return None
                self._index_in_lambda(node, paths, name)
            else:
                unpackings.append("%s = %s" % (str(param).strip(), name))
            param.replace(pytree.Leaf(token.NAME, name, prefix=separating_prefix(param)))
        for text in reversed(unpackings):
            _prepend_to_function(node, text)
        self.changed(node)
        return None

    def _index_in_lambda(self, node, paths, name):
        for leaf in list(node.children[-1].leaves()):
            if leaf.type != token.NAME or leaf.value not in paths:
                continue
            previous = leaf.prev_sibling
            if previous is not None and previous.type == token.DOT:
                continue  # an attribute of the same name
            parent = leaf.parent
            if parent.type == syms.argument and leaf.next_sibling is not None and leaf.next_sibling.type == token.EQUAL:
                continue  # a keyword argument name
            index = "".join("[%d]" % i for i in paths[leaf.value])
            leaf.replace(pytree.Leaf(token.NAME, name + index, prefix=leaf.prefix))


def _prepend_to_function(funcdef, text):
    """Insert ``text`` as the first statement of the def, after its docstring."""
    body = funcdef.children[-1]
    if body.type != syms.suite:
        # ``def f((a, b)): return a``: the body becomes ``unpack; return a``
        stmt = parse_statement(text)
        small = stmt.children[0]
        small.remove()
        small.prefix = body.prefix
        body.prefix = ""
        body.children[0].prefix = " "
        body.insert_child(0, pytree.Leaf(token.SEMI, ";"))
        body.insert_child(0, small)
        return
    children = body.children
    index = next(i for i, child in enumerate(children) if child.type == token.INDENT) + 1
    indent = children[index - 1].value
    first = children[index]
    if first.type == syms.simple_stmt and first.children[0].type == token.STRING:
        # keep the docstring first
        index += 1
        stmt = parse_statement(text, body.children[0].value or "\n")
        stmt.prefix = indent
        body.insert_child(index, stmt)
        return
    stmt = parse_statement(text, body.children[0].value or "\n")
    body.insert_child(index, stmt)
    first.prefix = indent + first.prefix
