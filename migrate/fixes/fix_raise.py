"""Python 2 ``raise`` forms -> forms valid on 2.7 and 3.x.

``raise E, V`` becomes ``raise E(V)`` (``E(*V)`` for a tuple, ``E()`` for
None); ``raise E, V, tb`` becomes ``six.reraise(E, value, tb)``, where value is
an exception instance on both interpreters: six.reraise re-raises an instance
on Python 3, so a message is first turned into ``E(message)`` (the step that
makes ``six.reraise(E, "msg", tb)`` fail on 3.x). ``raise StopIteration``
that ends a generator becomes ``return`` (a RuntimeError since Python 3.7).
"""
from fissix import pytree
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import CLASS, binding_kinds, dotted_text, ensure_import, expression, is_builtin_use

_NESTED = frozenset([syms.funcdef, syms.classdef, syms.lambdef])


def _is_generator(funcdef):
    """True when the body of ``funcdef`` (not of a nested scope) yields."""
    stack = [funcdef.children[-1]]
    while stack:
        node = stack.pop()
        if node.type == token.NAME and node.value == "yield":
            return True
        stack.extend(child for child in node.children if child.type not in _NESTED)
    return False


def _stop_context(node):
    """``(funcdef, guarded)`` for a raise statement: the function it is in
    (None at module or class level, or in a lambda) and whether a ``try``
    with except clauses or a ``with`` of that function encloses it."""
    guarded = False
    child = node
    parent = node.parent
    while parent is not None:
        if parent.type == syms.funcdef:
            return parent, guarded
        if parent.type in (syms.classdef, syms.lambdef, syms.file_input):
            return None, guarded
        if parent.type == syms.with_stmt:
            guarded = True
        if parent.type == syms.try_stmt and child is parent.children[2] and any(
                c.type == syms.except_clause or (c.type == token.NAME and c.value == "except")
                for c in parent.children):
            guarded = True
        child = parent
        parent = parent.parent
    return None, guarded


def _text(node):
    return str(node).strip()


def _is_none(node):
    return node.type == token.NAME and node.value == "None"


def _is_tuple(node):
    return (
        node.type == syms.atom
        and node.children[0].type == token.LPAR
        and (
            len(node.children) == 2
            or (node.children[1].type == syms.testlist_gexp and node.children[1].children[1].type == token.COMMA)
        )
    )


def _looks_like_value(node):
    """A name, attribute, call or subscript: it may hold an exception."""
    return (node.type == token.NAME and node.value != "None") or node.type == syms.power


def _looks_like_class_name(node):
    """An upper-case (dotted) name, or a name bound by a class statement."""
    dotted = dotted_text(node)
    if dotted is None:
        return False
    if dotted.split(".")[-1][:1].isupper():
        return True
    return node.type == token.NAME and CLASS in (binding_kinds(node) or ())


class FixRaise(MigrateFix):
    """Rewrite ``raise E, V``, ``raise E, V, tb`` and a generator's ``raise StopIteration``."""

    name = "raise"
    summary = ("raise E, V -> raise E(V); raise E, V, tb -> six.reraise(E, E(V), tb); "
               "raise StopIteration in a generator -> return")
    PATTERN = """
        raise_stmt< 'raise' exc=any ',' val=any [',' tb=any] >
        | raise_stmt< 'raise' stop='StopIteration' >
        | raise_stmt< 'raise' power< stop='StopIteration' trailer< '(' [args=any] ')' > > >
    """

    def _construct(self, exc, val):
        """The text of an instance of ``exc`` built from the value ``val``."""
        if _is_none(val):
            return "%s()" % _text(exc)
        if _is_tuple(val):
            inner = "".join(str(child) for child in val.children[1:-1]).strip()
            return "%s(%s)" % (_text(exc), inner)
        return "%s(%s)" % (_text(exc), _text(val))

    def transform(self, node, results):
        if "stop" in results:
            return self._stop_iteration(node, results)
        exc = results["exc"]
        val = results["val"]
        tb = results.get("tb")
        if exc.type == token.STRING:
            self.review(node, "string exceptions do not exist on 2.7 or 3.x: raise an exception class")
            return None
        if tb is not None and _is_none(tb):
            tb = None
        simple_class = dotted_text(exc) is not None
        # ``raise E, E(args)``: Python 2 raised that instance as it was.
        own_instance = (
            simple_class
            and val.type == syms.power
            and _text(val).startswith(_text(exc) + "(")
            and len(val.children) == len(_text(exc).split(".")) + 1
        )
        class_like = _looks_like_class_name(exc)
        if tb is None:
            if own_instance:
                return self._raise(node, _text(val), exc.prefix)
            if _looks_like_value(val) and not class_like:
                # ``raise t, v``: both are variables, the idiom of re-raising
                # a caught exception; six.reraise keeps Python 2's meaning
                # when v is an instance of t.
                self.review(
                    node,
                    "raise %s, %s: assumed %s is an exception instance (six.reraise)"
                    % (_text(exc), _text(val), _text(val)),
                )
                return self._replace_with_call(node, "six.reraise(%s, %s)" % (_text(exc), _text(val)))
            return self._raise(node, self._construct(exc, val), exc.prefix)
        if _is_none(val) or own_instance:
            value_text = _text(val)  # six.reraise turns None into E()
        elif class_like or (simple_class and not _looks_like_value(val)):
            # a class with a message (or other arguments): build the instance,
            # six.reraise needs one on Python 3
            value_text = self._construct(exc, val)
        elif _looks_like_value(val):
            # ``raise t, v, tb`` with the values of sys.exc_info()
            value_text = _text(val)
        else:
            self.review(
                node,
                "raise with a computed class and a non-instance value: "
                "build the exception once and use six.reraise",
            )
            return None
        return self._replace_with_call(node, "six.reraise(%s, %s, %s)" % (_text(exc), value_text, _text(tb)))

    def _stop_iteration(self, node, results):
        """``raise StopIteration`` in a generator -> ``return`` (PEP 479)."""
        if not is_builtin_use(results["stop"]):
            return None
        funcdef, guarded = _stop_context(node)
        if funcdef is None or not _is_generator(funcdef):
            return None
        if guarded or results.get("args") is not None:
            self.review(node, "raise StopIteration in a generator is a RuntimeError since "
                        "Python 3.7: end the generator with return (here an except clause, a "
                        "with block or the value needs a look)")
            return None
        self.changed(node)
        return pytree.Leaf(token.NAME, "return", prefix=node.prefix)

    def _raise(self, node, text, prefix):
        """Make ``node`` the statement ``raise <text>``."""
        for child in node.children[1:]:
            child.remove()
        node.append_child(expression(text, prefix=prefix))
        self.changed(node)
        return None

    def _replace_with_call(self, node, text):
        self.changed(node)
        self._needs_six = True
        return expression(text, prefix=node.prefix)

    def start_tree(self, tree, filename):
        """Reset the per-file state."""
        super(FixRaise, self).start_tree(tree, filename)
        self._needs_six = False

    def finish_tree(self, tree, filename):
        """Import six where six.reraise was used."""
        if self._needs_six:
            ensure_import(tree, "six")
