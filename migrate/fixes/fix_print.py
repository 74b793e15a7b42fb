"""``print`` statement -> ``print()`` function with ``print_function``."""
import ast

from fissix import pytree
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import call, ensure_future, is_builtin_use


def _ends_without_softspace(node):
    """True if Python 2 would not set softspace after printing ``node``.

    Python 2 sets no pending space after a string ending in whitespace other
    than a space (``"a\\n"``, ``"a\\t"``); for those ``end=''`` is exact.
    """
    if node.type != token.STRING:
        return False
    try:
        value = ast.literal_eval(node.value)
    except (ValueError, SyntaxError):
        return False
    if not value:
        return False
    last = value[-1:]
    if isinstance(last, bytes):
        last = last.decode("latin-1")
    if node.value[:1] in "uU":
        return last.isspace() and last != " "
    # a byte string: the C library's isspace in the C locale
    return last in "\t\n\x0b\x0c\r"


def _is_bytes_literal(node):
    if not isinstance(node, pytree.Base) or node.type != token.STRING:
        return False
    prefix = node.value[: len(node.value) - len(node.value.lstrip("bBrRuU"))]
    return "b" in prefix.lower()


_COMPILERS = frozenset(["compile", "eval", "execfile", "input", "exec"])


def _first_runtime_compile(tree):
    """The first exec statement or builtin compile/eval/execfile/input use."""
    for node in tree.pre_order():
        if node.type == syms.exec_stmt:
            return node
        if node.type == token.NAME and node.value in _COMPILERS and is_builtin_use(node):
            if node.value != "exec" or (node.parent is not None and node.parent.type == syms.power):
                return node
    return None


def _is_print_with_items(stmt):
    if stmt is None or stmt.type != syms.simple_stmt:
        return False
    first = stmt.children[0]
    return first.type == syms.print_stmt and first.children[1].type != token.RIGHTSHIFT


class FixPrint(MigrateFix):
    """Rewrite print statements into calls of the print function."""

    name = "print"
    summary = "print statement -> print() with from __future__ import print_function"
    PATTERN = """
        simple_stmt< any* bare='print' any* > | print_stmt
    """

    def transform(self, node, results):
        bare = results.get("bare")
        if bare is not None:
            bare.replace(call("print", [], prefix=bare.prefix))
            self.changed(bare)
            return None
        items = node.children[1:]
        target = None
        if items and items[0].type == token.RIGHTSHIFT:
            target = items[1].clone()
            items = items[3:] if len(items) > 2 else []
        trailing_comma = bool(items) and items[-1].type == token.COMMA
        if trailing_comma:
            items = items[:-1]
        args = [item.clone() for item in items if item.type != token.COMMA]
        if target is None and not trailing_comma and len(args) == 1:
            only = args[0]
            if only.type == syms.atom and only.children[0].type == token.LPAR:
                inner = only.children[1]
                if inner.type != syms.testlist_gexp or inner.children[1].type != token.COMMA:
                    # print(x) prints the same as statement and as call
                    return None
                # Python 2 printed the tuple itself; passing the parenthesized
                # tuple as the one argument keeps that.
                self.review(node, "print (a, b) printed a tuple on Python 2; kept as print((a, b))")
        if trailing_comma:
            if args and _ends_without_softspace(args[-1]):
                args.append("end=''")
            else:
                args.append("end=' '")
                following = node.parent.next_sibling if node.parent is not None else None
                if not _is_print_with_items(following):
                    self.review(
                        node,
                        "print with a trailing comma: Python 3 writes the space at once, "
                        "Python 2 only before the next printed item (a line may now end "
                        "with a space)",
                    )
        if any(_is_bytes_literal(arg) for arg in args):
            self.review(node, "print of a bytes literal: Python 3 prints its repr (b'...'); decode it or drop the b prefix")
        if target is not None:
            target.prefix = ""
            args.append(pytree.Node(syms.argument, [pytree.Leaf(token.NAME, "file"), pytree.Leaf(token.EQUAL, "="), target]))
        self.changed(node)
        return call("print", args, prefix=node.prefix)

    def finish_tree(self, tree, filename):
        """Add ``from __future__ import print_function`` after any rewrite."""
        if self.change_count and ensure_future(tree, "print_function"):
            dynamic = _first_runtime_compile(tree)
            if dynamic is not None:
                # Future imports are inherited by compile()/exec/eval of
                # strings in the module: their print statements stop parsing.
                self.review(
                    dynamic,
                    "this module compiles code at run time: on Python 2 the new "
                    "print_function import applies to that code too",
                )
