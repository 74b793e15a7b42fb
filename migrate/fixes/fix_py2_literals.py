"""Literals that spell out how Python 2 behaved at run time: reported.

Nothing here is rewritten; each check points at a literal whose meaning the
tool cannot carry over, because it records a result Python 2 produced:

- ``"[u'a', u'b']"`` in a test module: a str literal holding Python 2's
  repr of text. On 3.x ``repr()`` of text has no ``u`` prefix, so output
  compared with it differs.
- ``'__builtin__'``: the module of builtins, named ``builtins`` on 3.x
  (``six.moves.builtins.__name__`` says the right one on both).
- In a test module, an expected JSON object, dict repr or query string with
  an object of two or more keys that are not in sorted order, compared for
  equality (or kept in a name that says "expected"): Python 2 wrote a dict's
  keys in hash order, 3.x writes them in insertion order. Compare parsed
  values instead. Sorted keys are taken as written by a sorting producer
  (``sort_keys=True``).
- ``sorted(['a', 1])``, ``min``/``max`` or ``.sort()`` of a literal that
  mixes text, numbers and None: Python 2 ordered mixed types, 3.x raises
  TypeError.

Docstrings are left out (their text is prose, not compared output), and so
is code under an ``if`` that tests the interpreter's version (``PY2``,
``sys.version_info``...), which already tells the two apart.
"""
import ast
import os
import re
import warnings

from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import is_builtin_use, statement_part

# Python 2's repr of text inside another string: u'...' or u"..." after
# something that is not part of a word.
_TEXT_REPR = re.compile(r"(?<![\w\\])u('[^'\n]*'|\"[^\"\n]*\")")
_BUILTIN = re.compile(r"\b__builtin__\b")
# a quoted key of a JSON object or dict repr, and a query string
_QUOTED = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'")
_QUERY = re.compile(r"^(?:[^\s?#]*\?)?((?:[\w.%+\-\[\]]+=[^&\s]*)(?:&[\w.%+\-\[\]]+=[^&\s]*)+)$")
_EQUAL_CALL = re.compile(r"^(assert|fail)\w*Equals?$")
# a test module's name, or a folder of tests, in lower case
_TEST_FILE = re.compile(r"^test|_tests?$|tests$|unittest")
# the test of an ``if`` that tells Python 2 from 3
_VERSION_TEST = re.compile(r"\bPY[23]K?\b|version|\bPYTHON[23]\b", re.I)
_ORDERING = frozenset(["sorted", "min", "max"])
_WRAPPERS = frozenset([syms.atom, syms.arith_expr, syms.testlist_gexp])


class FixPy2Literals(MigrateFix):
    """Report literals that hold Python 2's run-time results."""

    name = "py2_literals"
    # before the rewrites: a statement another fixer rebuilds has lost its
    # line numbers, and the review names the line it stood on
    run_order = 1
    summary = ("reported: u'...' reprs and '__builtin__' in str literals, expected JSON or query strings "
               "in dict order, sorting literals of mixed types")
    _accept_type = token.STRING

    def start_tree(self, tree, filename):
        super(FixPy2Literals, self).start_tree(tree, filename)
        folder, base = os.path.split(os.path.splitext(filename or "")[0])
        parts = [base] + [part for part in folder.replace("\\", "/").split("/") if part]
        self._test_module = any(_TEST_FILE.search(part.lower()) for part in parts)

    def match(self, node):
        if node.type != token.STRING:
            return False
        # cheap tests on the source text first: most literals are none of this
        raw = node.value
        candidate = "__builtin__" in raw or _sorted_literal(node) is not None
        if self._test_module and not candidate:
            candidate = ("u'" in raw or 'u"' in raw or "u\\'" in raw or ":" in raw
                         or ("=" in raw and "&" in raw))
        return candidate and not _is_docstring(node)

    def transform(self, node, results):
        value = _value(node)
        if value is None or _under_version_test(node):
            return None
        statement = statement_part(node)
        if self._test_module and _TEXT_REPR.search(value):
            self.review(statement, "u'...' in a str literal is Python 2's repr of text; on 3.x repr() "
                        "writes no u prefix, so output compared with this text differs")
        prefix = re.match(r"[a-zA-Z]*", node.value).group().lower()
        if _BUILTIN.search(value) and "b" not in prefix:
            self.review(statement, "'__builtin__' is Python 2's name of the builtins module; on 3.x it "
                        "is 'builtins' (six.moves.builtins.__name__ gives the running one)")
        if self._test_module and _compared(node) and _unsorted_keys(value):
            self.review(statement, "an expected JSON object, dict repr or query string whose keys are "
                        "not sorted: Python 2 wrote a dict in hash order, 3.x in insertion order; "
                        "compare parsed values (json.loads, parse_qs) instead of the text")
        container = _sorted_literal(node)
        if container is not None and _mixes_types(container):
            self.review(statement, "sorting a literal that mixes str, numbers or None: Python 2 "
                        "ordered mixed types, 3.x raises TypeError")
        return None


def _is_docstring(leaf):
    statement = leaf.parent
    if statement is None or statement.type != syms.simple_stmt or statement.children[0] is not leaf:
        return False
    block = statement.parent
    if block is None:
        return False
    if block.type == syms.file_input:
        return block.children[0] is statement
    if block.type == syms.suite:
        firsts = [child for child in block.children if child.type not in (token.NEWLINE, token.INDENT)]
        return bool(firsts) and firsts[0] is statement
    return False


def _value(leaf):
    """The literal's text (bytes literals read as latin-1), or None."""
    try:
        with warnings.catch_warnings(record=True):
            # an invalid escape such as '\d' warns on 3.12+; its value is fine
            warnings.simplefilter("ignore")
            value = ast.literal_eval(leaf.value)
    except (SyntaxError, ValueError):
        return None
    return value.decode("latin-1") if type(value) is bytes else value


def _objects(value):
    """The keys of each object in a JSON or dict-repr text (a piece of one
    too): a list of key lists, one per object (the text outside every brace
    counts as one object)."""
    objects = [[]]
    stack = [0]
    position = 0
    while position < len(value):
        char = value[position]
        if char in "\"'":
            quoted = _QUOTED.match(value, position)
            if quoted is None:
                return []
            position = quoted.end()
            rest = value[position:].lstrip()
            if rest.startswith(":"):
                objects[stack[-1]].append(quoted.group()[1:-1])
            continue
        if char == "{":
            objects.append([])
            stack.append(len(objects) - 1)
        elif char == "}":
            if len(stack) > 1:
                stack.pop()
            else:
                objects.append([])
                stack = [len(objects) - 1]
        position += 1
    return objects


def _unsorted_keys(value):
    stripped = value.strip()
    query = _QUERY.match(stripped)
    if query is not None:
        groups = [[pair.split("=", 1)[0] for pair in query.group(1).split("&")]]
    elif "{" in stripped or "}" in stripped or stripped.startswith(("\"", "'")):
        groups = _objects(stripped)
    else:
        return False
    return any(len(set(keys)) >= 2 and keys != sorted(keys) for keys in groups)


def _under_version_test(node):
    """True inside an ``if``/``elif``/``else`` whose test names the
    interpreter's version (``if six.PY2:``, ``if sys.version_info < (3,):``)."""
    while node.parent is not None:
        parent = node.parent
        if parent.type == syms.if_stmt:
            index = parent.children.index(node)
            if index > 0 and parent.children[index - 1].type == token.COLON:
                tests = [child for child in parent.children[:index]
                         if child.type not in (token.COLON, syms.suite, syms.simple_stmt)
                         and str(child).strip() not in ("if", "elif", "else")]
                if any(_VERSION_TEST.search(str(test)) for test in tests):
                    return True
        node = parent
    return False


def _expression_root(node):
    """Climb from a literal through parentheses, implicit and ``+``
    concatenation to the whole expression it is part of."""
    while node.parent is not None and node.parent.type in _WRAPPERS:
        node = node.parent
    return node


def _compared(leaf):
    """True where the literal is compared for equality: an operand of
    ``==``/``!=``, an argument of ``assert...Equal``/``fail...Equal``, or the
    value of a name that says it is expected."""
    root = _expression_root(leaf)
    parent = root.parent
    if parent is None:
        return False
    if parent.type == syms.comparison:
        return any(child.type == token.EQEQUAL or child.type == token.NOTEQUAL for child in parent.children)
    if parent.type == syms.argument:
        parent = parent.parent
    if parent.type == syms.arglist:
        parent = parent.parent
    if parent.type == syms.trailer and parent.children[0].type == token.LPAR:
        callee = parent.prev_sibling
        if callee is not None and callee.type == syms.trailer:
            callee = callee.children[-1]
        return callee is not None and callee.type == token.NAME and bool(_EQUAL_CALL.match(callee.value))
    if parent.type == syms.expr_stmt and len(parent.children) == 3 and parent.children[2] is root:
        target = parent.children[0].leaves()
        names = [leaf.value for leaf in target if leaf.type == token.NAME]
        return bool(names) and "expect" in names[-1].lower()
    return False


def _sorted_literal(leaf):
    """The list/tuple/set literal holding ``leaf`` when it is sorted there:
    ``sorted([...])``, ``min``/``max`` of it, ``[...].sort()``; else None."""
    items = leaf.parent
    if items is None or items.type not in (syms.listmaker, syms.testlist_gexp, syms.dictsetmaker):
        return None
    atom = items.parent
    if atom is None or atom.type != syms.atom:
        return None
    parent = atom.parent
    if parent is None:
        return None
    if parent.type == syms.trailer and parent.children[0].type == token.LPAR:
        power = parent.parent
        head = power.children[0] if power is not None else None
        if head is not None and head.type == token.NAME and head.value == "set" and power.children[1] is parent:
            return _sorted_literal_of(power, items)
        if head is not None and head.type == token.NAME and head.value in _ORDERING and is_builtin_use(head):
            return items
        return None
    if parent.type == syms.arglist and parent.children[0] is atom:
        trailer = parent.parent
        power = trailer.parent if trailer is not None else None
        head = power.children[0] if power is not None else None
        if head is not None and head.type == token.NAME and head.value == "sorted" and is_builtin_use(head):
            return items
        return None
    if parent.type == syms.power and parent.children[0] is atom and len(parent.children) >= 3:
        method = parent.children[1]
        if method.type == syms.trailer and str(method).strip() == ".sort":
            return items
    return None


def _sorted_literal_of(call, items):
    """``sorted(set([...]))``: the set() call is itself the sorted value."""
    parent = call.parent
    if parent is not None and parent.type == syms.trailer and parent.children[0].type == token.LPAR:
        power = parent.parent
        head = power.children[0] if power is not None else None
        if head is not None and head.type == token.NAME and head.value in _ORDERING and is_builtin_use(head):
            return items
    return None


def _mixes_types(items):
    kinds = set()
    for child in items.children:
        if child.type == token.STRING:
            kinds.add("str")
        elif child.type == token.NUMBER:
            kinds.add("number")
        elif child.type == token.NAME and child.value == "None":
            kinds.add("None")
    return len(kinds) >= 2
