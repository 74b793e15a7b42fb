"""Tree helpers shared by the stdlib, class, unittest, Flask and target-3 fixers.

They build replacement statements from source text (parsed with the same
Python 2 grammar as the file, so the result is a real concrete syntax tree),
splice them in at the right indentation with the file's own line ending, and
walk import statements.
"""
from fissix import pygram, pytree
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from .. import fastparse
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
    "class_statements",
    "class_methods",
    "class_assigned",
    "class_defines",
    "insert_after",
    "add_class_decorator",
    "remove_statement",
    "normalized",
    "first_leaf",
    "last_leaf",
    "previous_leaf",
    "next_leaf",
]

# The tool's own parser loop: the same trees as fissix's driver, faster.
_DRIVER = fastparse.Driver(pygram.python_grammar_no_print_statement)


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


def first_leaf(node):
    """The first leaf of ``node``."""
    while not isinstance(node, pytree.Leaf):
        if not node.children:
            return None
        node = node.children[0]
    return node


def last_leaf(node):
    """The last leaf of ``node``."""
    while not isinstance(node, pytree.Leaf):
        if not node.children:
            return None
        node = node.children[-1]
    return node


def previous_leaf(node):
    """The leaf rendered right before ``node`` (None at the start of the file)."""
    while node is not None and node.prev_sibling is None:
        node = node.parent
    if node is None:
        return None
    return last_leaf(node.prev_sibling)


def next_leaf(node):
    """The leaf rendered right after ``node`` (None at the end of the file)."""
    while node is not None and node.next_sibling is None:
        node = node.parent
    if node is None:
        return None
    return first_leaf(node.next_sibling)


def _closing_dedents(stmt):
    """The DEDENT leaves that end ``stmt``, in rendering order.

    fissix hangs the blank lines, comments and indentation that lead to the
    next statement on one of them (the innermost block's, for nested blocks).
    """
    run = []
    for leaf in reversed(list(stmt.leaves())):
        if leaf.type != token.DEDENT:
            break
        run.append(leaf)
    return list(reversed(run))


def _take_closing_text(stmt):
    """Remove and return the text the closing DEDENTs of ``stmt`` carry."""
    text = ""
    for leaf in _closing_dedents(stmt):
        text += leaf.prefix
        leaf.prefix = ""
    return text


def _dedents_before(node):
    """The DEDENT leaves rendered right before ``node``, in rendering order."""
    run = []
    leaf = previous_leaf(node)
    while leaf is not None and leaf.type == token.DEDENT:
        run.append(leaf)
        leaf = previous_leaf(leaf)
    return list(reversed(run))


def indent_of(stmt):
    """The indentation (spaces/tabs, as written) of the line ``stmt`` starts.

    fissix keeps it in different places: the statement's own prefix, the
    value of the INDENT before the first statement of a block, or the prefix
    of the DEDENT that closes the compound statement before it.
    """
    text = stmt.prefix
    leaf = previous_leaf(stmt)
    while "\n" not in text and leaf is not None:
        text = leaf.prefix + leaf.value + text
        leaf = previous_leaf(leaf)
    return text.rsplit("\n", 1)[-1]


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
    In the body of a one-line compound statement the new statements are
    joined with ``;``; ValueError if one of them is a block.
    """
    if stmt.parent is not None and stmt.parent.type not in (syms.suite, syms.file_input):
        # the body of a one-line ``if x: ...``: statements must stay on that line
        lines = text.rstrip("\n").split("\n")
        if any(line[:1] in (" ", "\t") or line.rstrip().endswith(":") for line in lines):
            raise ValueError("a block cannot replace the body of a one-line statement")
        text = "; ".join(lines) + "\n"
        indent = ""
    else:
        indent = indent_of(stmt)
    newline = newline_of(stmt)
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
    # comments and blank lines before the statement stay before the first new
    # one; after an INDENT or a DEDENT the indentation is not in the prefix
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


# ---------------------------------------------------------------------------
# Class bodies


def class_statements(classdef):
    """The statements directly in the body of ``classdef``."""
    suite = classdef.children[-1]
    if suite.type != syms.suite:
        return [suite]
    return [child for child in suite.children
            if child.type not in (token.NEWLINE, token.INDENT, token.DEDENT)]


def _funcdef_of(stmt):
    if stmt.type == syms.funcdef:
        return stmt
    if stmt.type in (syms.decorated, syms.async_stmt) and stmt.children[-1].type == syms.funcdef:
        return stmt.children[-1]
    return None


def class_methods(classdef):
    """``{name: (statement, funcdef)}`` of the methods defined in the class body."""
    methods = {}
    for stmt in class_statements(classdef):
        funcdef = _funcdef_of(stmt)
        if funcdef is not None:
            methods[funcdef.children[1].value] = (stmt, funcdef)
    return methods


def class_assigned(classdef):
    """Names bound in the class body by plain assignments (``a = b = ...``)."""
    names = set()
    for stmt in class_statements(classdef):
        if stmt.type != syms.simple_stmt:
            continue
        for small in stmt.children:
            if small.type == syms.expr_stmt and len(small.children) >= 3 \
                    and small.children[1].type == token.EQUAL:
                for target in small.children[:-1:2]:
                    if target.type == token.NAME:
                        names.add(target.value)
    return names


def class_defines(classdef, name):
    """True when the class body binds ``name`` (method, assignment or class)."""
    if name in class_methods(classdef) or name in class_assigned(classdef):
        return True
    for stmt in class_statements(classdef):
        inner = stmt.children[-1] if stmt.type == syms.decorated else stmt
        if inner.type == syms.classdef and inner.children[1].value == name:
            return True
    return False


def insert_after(stmt, text):
    """Insert the statements of ``text`` right after ``stmt``, same indentation."""
    indent = indent_of(stmt)
    new_nodes = parse_statements(text, indent)
    new_nodes[0].prefix = indent
    # A compound statement's closing DEDENTs hold the blank lines, comments
    # and indentation that lead to the next statement: they move past the
    # new code.
    moved = _take_closing_text(stmt)
    parent = stmt.parent
    index = parent.children.index(stmt)
    for offset, node in enumerate(new_nodes):
        parent.insert_child(index + 1 + offset, node)
    if moved:
        following = next_leaf(new_nodes[-1])
        if following is not None:
            following.prefix = moved + following.prefix
    return new_nodes


def add_class_decorator(classdef, dotted):
    """Put ``@dotted`` above ``classdef`` (outermost, before other decorators)."""
    decorator = parse_statements("@%s\nclass X:\n    pass\n" % dotted)[0].children[0]
    decorator.remove()
    indent = indent_of(classdef.parent if classdef.parent.type == syms.decorated else classdef)
    parent = classdef.parent
    if parent.type == syms.decorated:
        first = parent.children[0]
        if first.type == syms.decorators:
            decorator.prefix = first.children[0].prefix
            first.children[0].prefix = indent
            first.insert_child(0, decorator)
        else:
            decorator.prefix = first.prefix
            first.prefix = indent
            holder = pytree.Node(syms.decorators, [])
            first.replace(holder)
            holder.append_child(decorator)
            holder.append_child(first)
    else:
        decorator.prefix = classdef.prefix
        classdef.prefix = indent
        placeholder = pytree.Leaf(token.NAME, "x")
        classdef.replace(placeholder)
        placeholder.replace(pytree.Node(syms.decorated, [decorator, classdef]))


def remove_statement(stmt):
    """Remove ``stmt`` from its block, keeping the comments around it."""
    indent = indent_of(stmt)
    before = stmt.prefix
    after = _take_closing_text(stmt)
    following = next_leaf(stmt)
    holders = [leaf for leaf in _dedents_before(stmt) if leaf.prefix]
    previous = holders[-1] if holders else previous_leaf(stmt)
    stmt.remove()
    if following is None:
        return
    head = before.rsplit("\n", 1)[0] + "\n" if "\n" in before else ""
    text = head + after + following.prefix
    if indent and not before.rsplit("\n", 1)[-1]:
        # The leaf before already wrote this line's indentation: the DEDENT
        # closing the statement before gives it back (what follows carries
        # its own); after an INDENT, what follows starts right there.
        if previous is not None and previous.type == token.DEDENT and \
                previous.prefix.endswith(indent):
            previous.prefix = previous.prefix[: len(previous.prefix) - len(indent)]
            if previous.prefix.endswith("\n") and text.startswith("\n"):
                # blank lines on both sides of the removed statement: keep one
                text = text[1:]
        else:
            text = text.lstrip(" \t\n")
    following.prefix = text


def normalized(node):
    """The code of ``node`` with all whitespace and comments dropped."""
    return "".join(leaf.value for leaf in node.leaves() if leaf.type not in (
        token.NEWLINE, token.INDENT, token.DEDENT)).replace(" ", "").replace("\t", "")


def replace_small(small, lines):
    """Replace one small statement (``import x`` in ``a; import x; b``) by ``lines``.

    Alone on its line, it becomes those lines (blocks allowed); next to other
    statements, the new ones join the line with ``;`` and the others are left
    untouched, still attached for the fixers that visit them later. An empty
    ``lines`` removes the statement (``pass`` where a block would be empty).
    ValueError if a block would have to go into a shared line.
    """
    simple = small.parent
    others = [child for child in simple.children
              if child is not small and child.type not in (token.SEMI, token.NEWLINE)]
    if not others:
        if lines:
            replace_statement(simple, "\n".join(lines) + "\n")
        elif simple.parent is not None and simple.parent.type == syms.suite and len(
                [c for c in simple.parent.children if c.type not in (
                    token.NEWLINE, token.INDENT, token.DEDENT)]) == 1:
            replace_statement(simple, "pass\n")
        else:
            remove_statement(simple)
        return
    if any(line[:1] in (" ", "\t") or line.rstrip().endswith(":") for line in lines):
        raise ValueError("a block cannot share a line with other statements")
    index = simple.children.index(small)
    prefix = small.prefix
    small.remove()
    if not lines:
        # drop the statement and one ';' next to it
        if index < len(simple.children) and simple.children[index].type == token.SEMI:
            simple.children[index].remove()
            if index < len(simple.children):
                simple.children[index].prefix = prefix
        elif index > 0 and simple.children[index - 1].type == token.SEMI:
            simple.children[index - 1].remove()
        return
    parsed = parse_statements("; ".join(lines) + "\n")[0]
    new_children = [child for child in parsed.children if child.type != token.NEWLINE]
    for child in new_children:
        child.remove()
    new_children[0].prefix = prefix
    for offset, child in enumerate(new_children):
        simple.insert_child(index + offset, child)


def in_import_guard(node):
    """True inside ``try: ... except ImportError:`` (the body or that handler).

    Code there already copes with a missing name: feature detection across
    versions, which is no reason for a needs-review note.
    """
    child = node
    parent = node.parent
    while parent is not None:
        if parent.type == syms.try_stmt:
            handlers = [c for c in parent.children if c.type == syms.except_clause]
            if any("ImportError" in str(handler) or "ModuleNotFoundError" in str(handler)
                   for handler in handlers):
                index = parent.children.index(child)
                if index == 2:
                    return True  # the try body
                previous = parent.children[index - 2] if index >= 2 else None
                if previous is not None and previous.type == syms.except_clause and (
                        "ImportError" in str(previous) or "ModuleNotFoundError" in str(previous)):
                    return True  # the ImportError handler's body
        if parent.type in (syms.funcdef, syms.classdef):
            return False
        child = parent
        parent = parent.parent
    return False
