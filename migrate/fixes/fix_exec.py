"""``exec code in g, l`` -> ``exec(code, g, l)``.

The call form is also a valid exec statement on 2.7 (the tuple form), so the
result means the same on both interpreters. One difference cannot be written
away: on Python 3, exec inside a function cannot bind the function's local
names; such uses are reported for review, and so are writes to the dict
``locals()`` returns in a function (``scope = locals(); scope[k] = v``, for an
eval or exec that follows): since Python 3.13 each call returns a new snapshot.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import call, is_builtin_use

_WRITERS = frozenset(["update", "setdefault", "__setitem__"])


def _writes_after(power, start):
    """True when the trailers of ``power`` from index ``start`` write into
    the dict before them: ``d[k] = v``, ``del d[k]``, ``d.update(...)``."""
    rest = power.children[start:]
    if not rest:
        return False
    first = rest[0]
    if first.type == syms.trailer and first.children[0].type == token.DOT:
        return first.children[1].value in _WRITERS
    if first.type == syms.trailer and first.children[0].type == token.LSQB and len(rest) == 1:
        parent = power.parent
        return parent is not None and (
            (parent.type == syms.expr_stmt and parent.children[0] is power)
            or parent.type == syms.del_stmt)
    return False


def _function_of(node):
    parent = node.parent
    while parent is not None:
        if parent.type == syms.funcdef:
            return parent
        if parent.type in (syms.classdef, syms.lambdef):
            return None
        parent = parent.parent
    return None


def _name_written(funcdef, name):
    """True when the body of ``funcdef`` writes into the dict named ``name``."""
    for leaf in funcdef.children[-1].leaves():
        if leaf.type != token.NAME or leaf.value != name:
            continue
        power = leaf.parent
        if power is None or power.type != syms.power or power.children[0] is not leaf:
            continue
        if _writes_after(power, 1):
            return True
    return False


def _call_form_with_scope(code):
    """True for the operand of ``exec(code, ns)``: Python 2 reads the call
    form as an exec statement of a tuple, whose second item is the
    namespace (the form this fixer writes)."""
    if code.type != syms.atom or code.children[0].type != token.LPAR or len(code.children) != 3:
        return False
    inner = code.children[1]
    if inner.type != syms.testlist_gexp:
        return False
    items = [child for child in inner.children if child.type != token.COMMA]
    return 2 <= len(items) <= 3 and not any(child.type == syms.comp_for for child in inner.children)


def in_function(node):
    """True if ``node`` is inside a def or lambda body."""
    parent = node.parent
    while parent is not None:
        if parent.type in (syms.funcdef, syms.lambdef):
            return True
        parent = parent.parent
    return False


class FixExec(MigrateFix):
    """Rewrite the exec statement into the call form."""

    name = "exec"
    summary = "exec code in ns -> exec(code, ns)"
    PATTERN = """
        exec_stmt< 'exec' code=any ['in' globals=any [',' locals=any]] >
        | power< snapshot='locals' trailer< '(' ')' > any* >
    """

    def transform(self, node, results):
        if "snapshot" in results:
            self._locals_written(node, results["snapshot"])
            return None
        code = results["code"]
        scope_given = results.get("globals") is not None or _call_form_with_scope(code)
        if not scope_given and in_function(node):
            self.review(
                node,
                "exec in a function without a namespace: on Python 3 it cannot "
                "bind local names; pass a dict and read results from it",
            )
        if results.get("globals") is None and code.type == syms.atom and code.children[0].type == token.LPAR:
            # exec(code) / exec(code, ns): already the call form
            return None
        args = [code.clone()]
        for key in ("globals", "locals"):
            if results.get(key) is not None:
                args.append(results[key].clone())
        self.changed(node)
        return call("exec", args, prefix=node.prefix)

    def _locals_written(self, power, name):
        """Report writes into ``locals()`` in a function (a snapshot on 3.13)."""
        if not is_builtin_use(name):
            return
        funcdef = _function_of(power)
        if funcdef is None:
            return
        written = _writes_after(power, 2)
        parent = power.parent
        if not written and len(power.children) == 2 and parent is not None \
                and parent.type == syms.expr_stmt and parent.children[-1] is power \
                and len(parent.children) == 3 and parent.children[0].type == token.NAME:
            written = _name_written(funcdef, parent.children[0].value)
        if written:
            self.review(power, "writes into the dict locals() returns: since Python 3.13 it "
                        "is a new snapshot each call, so eval/exec and the function do not see "
                        "them; build a dict and pass it as the namespace")
