"""Tree helpers shared by the stdlib, class, unittest, Flask and target-3 fixers.

They build replacement statements from source text (parsed with the same
Python 2 grammar as the file, so the result is a real concrete syntax tree),
splice them in at the right indentation with the file's own line ending, and
walk import statements.
"""
from fissix import pygram, pytree
from fissix.pgen2 import driver, token
from fissix.pygram import python_symbols as syms

from ._util import newline_of

__all__ = [
    "dotted_name",
    "import_items",
    "from_import_parts",
    "indent_of",
    "parse_statements",
    "replace_statement",
    "statement_of",
    "names_bound_anywhere",
    "is_docstring_or_future",
]

_DRIVER = driver.Driver(pygram.python_grammar_no_print_statement, convert=pytree.convert)


def dotted_name(node):
    """The text of a dotted name node (``os.path``) without whitespace."""
    if node.type == token.NAME:
        return node.value
    return "".join(leaf.value for leaf in node.leaves())


def import_items(import_name):
    """``[(module, alias_or_None, item_node)]`` of an ``import a.b as c, d``."""
    names = import_name.children[1]
    items = names.children[::2] if names.type == syms.dotted_as_names else [names]
    result = []
    for item in items:
        if item.type == syms.dotted_as_name:
            result.append((dotted_name(item.children[0]), item.children[2].value, item))
        else:
            result.append((dotted_name(item), None, item))
    return result


def from_import_parts(import_from):
    """``(module, [(name, alias_or_None)])`` of a ``from m import a, b as c``.

    ``module`` keeps leading dots of a relative import; the name list is
    ``None`` for ``import *``.
    """
    children = import_from.children
    index = 1
    module = ""
    while not (children[index].type == token.NAME and children[index].value == "import"):
        module += dotted_name(children[index])
        index += 1
    names = children[index + 1]
    if names.type == token.LPAR:
        names = children[index + 2]
    if names.type == token.STAR:
        return module, None
    items = names.children[::2] if names.type == syms.import_as_names else [names]
    result = []
    for item in items:
        if item.type == syms.import_as_name:
            result.append((item.children[0].value, item.children[2].value))
        elif item.type == token.NAME:
            result.append((item.value, None))
    return module, result


def statement_of(node):
    """The ``simple_stmt`` holding ``node`` (or None)."""
    while node is not None and node.type != syms.simple_stmt:
        node = node.parent
    return node


def indent_of(stmt):
    """The indentation (spaces/tabs, as written) of the line ``stmt`` starts."""
    prefix = stmt.prefix
    if "\n" in prefix:
        return prefix.rsplit("\n", 1)[1]
    previous = stmt.prev_sibling
    if previous is not None and previous.type == token.INDENT:
        return previous.value
    if previous is None and stmt.parent is not None and stmt.parent.type != syms.file_input:
        return indent_of(stmt.parent)
    return prefix if prefix.strip(" \t") == "" else ""


def parse_statements(text, indent=""):
    """Parse ``text`` (statements at column 0, ``\\n`` line ends) into nodes.

    ``indent`` is prepended to every line so the nodes fit in a block at that
    indentation. Returns the statement nodes, detached.
    """
    lines = text.splitlines(True)
    if indent:
        body = "".join(indent + line if line.strip() else line for line in lines)
        tree = _DRIVER.parse_string("if 1:\n" + body)
        suite = tree.children[0].children[-1]
        stmts = [child for child in suite.children if child.type not in (
            token.NEWLINE, token.INDENT, token.DEDENT)]
    else:
        tree = _DRIVER.parse_string(text)
        stmts = [child for child in tree.children if child.type != token.ENDMARKER]
    for stmt in stmts:
        stmt.remove()
    return stmts


def _set_newlines(node, newline):
    for leaf in node.leaves():
        if leaf.type == token.NEWLINE and leaf.value == "\n":
            leaf.value = newline
        if "\n" in leaf.prefix and newline != "\n":
            leaf.prefix = leaf.prefix.replace("\r\n", "\n").replace("\n", newline)


def replace_statement(stmt, text):
    """Replace the statement ``stmt`` by the statements in ``text``.

    ``text`` is written at column 0 with ``\\n``; it is re-indented to the
    indentation of ``stmt`` and given the file's line ending. Comments and
    blank lines before ``stmt`` stay before the first new statement, and a
    trailing comment on its line stays on the last one. Returns the new nodes.
    """
    indent = indent_of(stmt)
    newline = newline_of(stmt)
    first_in_suite = stmt.prev_sibling is not None and stmt.prev_sibling.type == token.INDENT
    new_nodes = parse_statements(text, indent)
    old_prefix = stmt.prefix
    # The comment after the statement lives in the prefix of its NEWLINE leaf.
    old_newline = None
    last = stmt
    while not isinstance(last, pytree.Leaf) and last.children:
        last = last.children[-1]
    if last.type == token.NEWLINE:
        old_newline = last
    for node in new_nodes:
        _set_newlines(node, newline)
    if first_in_suite:
        new_nodes[0].prefix = old_prefix
    else:
        new_nodes[0].prefix = old_prefix
    if old_newline is not None:
        tail = new_nodes[-1]
        while not isinstance(tail, pytree.Leaf) and tail.children:
            tail = tail.children[-1]
        if tail.type == token.NEWLINE:
            tail.prefix = old_newline.prefix
            tail.value = old_newline.value
    parent = stmt.parent
    index = parent.children.index(stmt)
    stmt.remove()
    for offset, node in enumerate(new_nodes):
        parent.insert_child(index + offset, node)
    return new_nodes


def names_bound_anywhere(tree):
    """Every NAME value in the file (a cheap, conservative collision check)."""
    return set(leaf.value for leaf in tree.leaves() if leaf.type == token.NAME)


def is_docstring_or_future(stmt):
    """True for a docstring statement or a ``from __future__`` import."""
    if stmt.type != syms.simple_stmt:
        return False
    first = stmt.children[0]
    if first.type == token.STRING:
        return True
    return first.type == syms.import_from and dotted_name(first.children[1]) == "__future__"
