"""Flask test habits that break on Python 3: response bytes vs text literals.

``response.data`` is bytes. Python 2 code compares it with plain string
literals (bytes there too); on Python 3 that comparison is silently False and
``'x' in rv.data`` raises. An ASCII literal gets a ``b`` prefix; any other
non-ASCII literal of a UTF-8 file turns the response side into
``rv.get_data(as_text=True)`` and the literal into text (the same test as the
Python 2 bytes comparison); a non-ASCII ``u''`` literal, always unequal on
Python 2, is listed for review. ``open_resource(...).read()`` returns bytes as well: where
its result goes straight into an API that wants text (``executescript``,
``render_template_string``, str methods called with text arguments) it gets
``.decode('utf-8')``; elsewhere it is listed for review.
"""
import ast

from fissix import pytree
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix

#: Names test code commonly gives to a test-client response.
RESPONSE_NAMES = frozenset(["rv", "resp", "response", "res", "r", "result", "reply"])
#: Test-client methods that return a response.
CLIENT_METHODS = frozenset(["get", "post", "put", "patch", "delete", "head", "options", "open"])
#: Calls whose argument must be text on Python 3.
TEXT_CONSUMERS = frozenset(["executescript", "render_template_string"])
#: str methods that need text arguments to work on text.
TEXT_METHODS = frozenset([
    "split", "rsplit", "strip", "lstrip", "rstrip", "replace", "startswith", "endswith",
    "format", "partition", "count", "find", "index",
])
_ASSERT_METHODS = frozenset([
    "assertEqual", "assertEquals", "assertNotEqual", "assertNotEquals", "assertIn",
    "assertNotIn", "failUnlessEqual",
])


def _string_prefix(value):
    quote = min(i for i in (value.find("'"), value.find('"')) if i >= 0)
    return value[:quote], value[quote:]


def _is_plain_literal(node):
    """A single str literal without b/u prefix (bytes on Python 2)."""
    if node.type != token.STRING:
        return False
    prefix = _string_prefix(node.value)[0].lower()
    return "b" not in prefix and "u" not in prefix and "f" not in prefix


def _concatenated_parts(node):
    """The literals of an implicit concatenation (``'a ' 'b'``, maybe in
    brackets), or None for anything else."""
    while node.type == syms.atom and len(node.children) == 3 and node.children[0].type == token.LPAR:
        node = node.children[1]
    if node.type == syms.atom and node.children and all(
        child.type == token.STRING for child in node.children
    ):
        return list(node.children)
    return None


def _ascii_plain_or_text(node):
    """A str or u'' literal of ASCII characters without escapes: the same
    bytes with a b prefix on both interpreters."""
    prefix, body = _string_prefix(node.value)
    lowered = prefix.lower()
    if "b" in lowered or "f" in lowered or "\\" in body:
        return False
    try:
        body.encode("ascii")
    except UnicodeEncodeError:
        return False
    return True


def _is_text_literal(node):
    return node.type == token.STRING and "u" in _string_prefix(node.value)[0].lower()


def _response_data(node):
    """True for ``<response>.data`` (a name or a client call before ``.data``)."""
    if node.type != syms.power or len(node.children) < 2:
        return False
    last = node.children[-1]
    if last.type != syms.trailer or last.children[0].type != token.DOT or \
            last.children[1].value != "data":
        return False
    head = node.children[:-1]
    if len(head) == 1 and head[0].type == token.NAME:
        return head[0].value in RESPONSE_NAMES or _assigned_from_client(head[0])
    # client.get('/').data, self.client.post(...).data
    if len(head) >= 3 and head[-1].type == syms.trailer and head[-1].children[0].type == token.LPAR:
        method = head[-2]
        return method.type == syms.trailer and method.children[0].type == token.DOT and \
            method.children[1].value in CLIENT_METHODS
    return False


def _bytes_expression(node):
    """Values that are bytes on Python 3 as well: b'', x.encode(...), other .data."""
    if node.type == token.STRING:
        return "b" in _string_prefix(node.value)[0].lower()
    if node.type == syms.power and len(node.children) >= 3:
        method, call = node.children[-2], node.children[-1]
        if method.type == syms.trailer and method.children[0].type == token.DOT and \
                method.children[1].value == "encode" and call.type == syms.trailer:
            return True
    return _response_data(node)


def _assigned_from_client(name_leaf):
    """True when the function assigns the name from ``<x>.get(...)``-like calls."""
    scope = name_leaf.parent
    while scope is not None and scope.type not in (syms.funcdef, syms.file_input):
        scope = scope.parent
    if scope is None:
        return False
    for node in scope.pre_order():
        if node.type == syms.expr_stmt and len(node.children) == 3 and \
                node.children[1].type == token.EQUAL and node.children[0].type == token.NAME and \
                node.children[0].value == name_leaf.value:
            value = node.children[2]
            if value.type == syms.power and len(value.children) >= 3:
                call, method = value.children[-1], value.children[-2]
                if call.type == syms.trailer and call.children[0].type == token.LPAR and \
                        method.type == syms.trailer and method.children[0].type == token.DOT and \
                        method.children[1].value in CLIENT_METHODS:
                    return True
    return False


class FixFlaskTestBytes(MigrateFix):
    """Make response-bytes comparisons and open_resource reads work on 3.x."""

    name = "flask_test_bytes"
    summary = "Flask tests: rv.data == 'text' -> b'text' / get_data(as_text=True); " \
        "open_resource().read() -> .decode('utf-8') where text is needed"
    # Every branch names a literal ('data', 'read', an assert method) so the
    # engine skips files that have none of them.
    PATTERN = """
        comparison< any any power< any+ trailer< '.' 'data' > > >
        | comparison< power< any+ trailer< '.' 'data' > > any any >
        | power< any* trailer< '.' 'read' > trailer< '(' ')' > any* >
        | power< any+ trailer< '.' 'data' > trailer< '.' ('startswith' | 'endswith' | 'find'
                                                       | 'count' | 'index' | 'split') >
                 trailer< '(' any* ')' > any* >
        | power< any* trailer< '.' ('assertEqual' | 'assertEquals' | 'assertNotEqual'
                                   | 'assertNotEquals' | 'assertIn' | 'assertNotIn'
                                   | 'failUnlessEqual') > any* >
    """

    def transform(self, node, results):
        if node.type == syms.comparison:
            self._comparison(node)
        else:
            self._call(node, results)
        return None

    # -- comparisons -----------------------------------------------------------

    def _comparison(self, node):
        left, op, right = node.children
        op_text = str(op).strip()
        op_text = " ".join(op_text.split())
        if op_text in ("==", "!="):
            if _response_data(left):
                self._fix_pair(left, right, node)
            elif _response_data(right):
                self._fix_pair(right, left, node)
        elif op_text in ("in", "not in") and _response_data(right):
            self._fix_pair(right, left, node)

    def _fix_pair(self, data_node, literal, at):
        parts = _concatenated_parts(literal)
        if parts is not None:
            if all(_bytes_expression(part) for part in parts):
                return
            if all(_ascii_plain_or_text(part) for part in parts):
                # 'a ' 'b' is one literal: every part becomes bytes, or the
                # concatenation would mix bytes and text on Python 3
                for part in parts:
                    prefix, body = _string_prefix(part.value)
                    part.value = "b" + prefix.replace("u", "").replace("U", "") + body
                    part.changed()
                self.changed(at)
                return
        if literal.type != token.STRING:
            if not _bytes_expression(literal):
                self.review(at, "response data (bytes) compared with %s: make sure that is "
                            "bytes on Python 3 too" % str(literal).strip())
            return
        prefix, body = _string_prefix(literal.value)
        try:
            body.encode("ascii")
            ascii_only = True
        except UnicodeEncodeError:
            ascii_only = False
        if "b" in prefix.lower() or "f" in prefix.lower():
            return
        if _is_text_literal(literal):
            try:
                value = ast.literal_eval(literal.value)
                value.encode("ascii")
            except (ValueError, SyntaxError, UnicodeEncodeError):
                self.review(at, "response bytes compared with non-ASCII text: always False on "
                            "Python 2; compare get_data(as_text=True) if that is what was meant")
                return
            if "\\" in body:
                # escapes mean other things in a bytes literal: compare text
                self._as_text(data_node, literal)
            else:
                literal.value = "b" + literal.value[1:]
                literal.changed()
            self.changed(at)
        elif ascii_only:
            # a plain literal was bytes on Python 2: the b prefix keeps every byte
            literal.value = "b" + literal.value
            literal.changed()
            self.changed(at)
        elif self._source_is_utf8(literal):
            # the literal was the UTF-8 bytes of its text, which get_data decodes
            self._as_text(data_node, literal)
            self.changed(at)
        else:
            self.review(at, "response bytes compared with a non-ASCII literal of a file "
                        "that is not UTF-8: encode the text explicitly")

    @staticmethod
    def _source_is_utf8(node):
        import re

        root = node
        while root.parent is not None:
            root = root.parent
        first = next(root.leaves(), None)
        head = "\n".join((first.prefix if first is not None else "").split("\n")[:2])
        match = re.search(r"coding[:=]\s*([-\w.]+)", head)
        return match is None or match.group(1).lower().replace("_", "-") in ("utf-8", "utf8")

    @staticmethod
    def _as_text(data_node, literal):
        """``rv.data`` -> ``rv.get_data(as_text=True)``; the literal becomes text."""
        trailer = data_node.children[-1]
        trailer.children[1].value = "get_data"
        trailer.children[1].changed()
        call = pytree.Node(syms.trailer, [
            pytree.Leaf(token.LPAR, "("),
            pytree.Node(syms.argument, [
                pytree.Leaf(token.NAME, "as_text"), pytree.Leaf(token.EQUAL, "="),
                pytree.Leaf(token.NAME, "True")]),
            pytree.Leaf(token.RPAR, ")"),
        ])
        data_node.append_child(call)
        if not _is_text_literal(literal):
            literal.value = "u" + literal.value
            literal.changed()

    # -- calls: self.assertEqual(rv.data, '...'), open_resource(...).read() -------

    def _data_method(self, node):
        """``rv.data.startswith('x')`` & co.: ASCII str arguments become bytes."""
        children = node.children
        for index in range(1, len(children) - 2):
            method, call = children[index + 1], children[index + 2]
            data = children[index]
            if not (data.type == syms.trailer and data.children[0].type == token.DOT and
                    data.children[1].value == "data" and method.type == syms.trailer and
                    method.children[0].type == token.DOT and call.type == syms.trailer and
                    call.children[0].type == token.LPAR):
                continue
            head = pytree.Node(syms.power, [child.clone() for child in children[:index + 1]])
            if not _response_data(head):
                continue
            arguments = [leaf for leaf in call.leaves() if leaf.type == token.STRING]
            for literal in arguments:
                prefix, body = _string_prefix(literal.value)
                if "b" in prefix.lower():
                    continue
                if _is_plain_literal(literal) and all(ord(char) < 128 for char in body):
                    literal.value = "b" + literal.value
                    literal.changed()
                    self.changed(node)
                else:
                    self.review(node, "bytes method of response data called with text: use "
                                "get_data(as_text=True) or a bytes argument")

    def _call(self, node, results):
        self._data_method(node)
        for trailer in list(node.children):
            if trailer.parent is not node or trailer.type != syms.trailer or \
                    trailer.children[0].type != token.DOT:
                continue
            call = trailer.next_sibling
            if call is None or call.type != syms.trailer or call.children[0].type != token.LPAR:
                continue
            method = trailer.children[1]
            if method.value in _ASSERT_METHODS:
                self._assert_call(node, method, call)
            elif method.value == "read":
                self._read_call(node, method, call)

    def _assert_call(self, node, method, call):
        if len(call.children) != 3 or call.children[1].type != syms.arglist:
            return
        arguments = call.children[1].children[::2]
        if len(arguments) < 2:
            return
        first, second = arguments[0], arguments[1]
        if method.value in ("assertIn", "assertNotIn"):
            if _response_data(second):
                self._fix_pair(second, first, node)
        elif _response_data(first):
            self._fix_pair(first, second, node)
        elif _response_data(second):
            self._fix_pair(second, first, node)

    def _read_call(self, node, method, call):
        if len(call.children) != 2:
            return  # read(n): a size, leave it
        source = self._resource_source(node, method)
        if source is None:
            return
        if self._already_decoded(call):
            return
        if self._text_needed(node, call):
            index = node.children.index(call)
            node.insert_child(index + 1, pytree.Node(syms.trailer, [
                pytree.Leaf(token.DOT, "."), pytree.Leaf(token.NAME, "decode")]))
            node.insert_child(index + 2, pytree.Node(syms.trailer, [
                pytree.Leaf(token.LPAR, "("), pytree.Leaf(token.STRING, "'utf-8'"),
                pytree.Leaf(token.RPAR, ")")]))
            self.changed(node)
        else:
            self.review(node, "open_resource(...).read() is bytes on Python 3; decode it "
                        "where text is expected")

    @staticmethod
    def _already_decoded(call):
        following = call.next_sibling
        return following is not None and following.type == syms.trailer and \
            following.children[0].type == token.DOT and following.children[1].value == "decode"

    def _resource_source(self, node, method):
        """The open_resource call (or with-item name) the read comes from, if binary."""
        trailer = method.parent
        index = node.children.index(trailer)
        if index >= 2:
            previous_call = node.children[index - 1]
            previous_name = node.children[index - 2]
            if previous_name.type == syms.trailer and previous_name.children[0].type == token.DOT \
                    and previous_name.children[1].value == "open_resource":
                return None if self._text_mode(previous_call) else previous_call
        if index == 1 and node.children[0].type == token.NAME:
            return self._with_binding(node.children[0])
        return None

    @staticmethod
    def _text_mode(call):
        text = "".join(str(call).split())
        return "mode='r'" in text or 'mode="r"' in text or ",'r')" in text or ',"r")' in text \
            or "mode='rt'" in text or 'mode="rt"' in text

    def _with_binding(self, name_leaf):
        """The open_resource call a ``with ... as name`` around ``name_leaf`` binds."""
        node = name_leaf.parent
        while node is not None:
            if node.type == syms.with_stmt:
                children = node.children
                for index, child in enumerate(children):
                    items = [child]
                    if child.type == syms.with_item if hasattr(syms, "with_item") else False:
                        items = [child]
                    for item in items:
                        found = self._with_item_call(item, name_leaf.value)
                        if found is not None:
                            return found
                    if child.type == token.NAME and child.value == "as" and index + 1 < len(
                            children) and children[index + 1].type == token.NAME and \
                            children[index + 1].value == name_leaf.value:
                        return self._open_resource_call(children[index - 1])
            node = node.parent
        return None

    def _with_item_call(self, item, name):
        if item.type in (getattr(syms, "with_item", -1), getattr(syms, "asexpr_test", -1)):
            kids = item.children
            if len(kids) == 3 and kids[2].type == token.NAME and kids[2].value == name:
                return self._open_resource_call(kids[0])
        return None

    def _open_resource_call(self, expr):
        if expr.type != syms.power or len(expr.children) < 3:
            return None
        call, name = expr.children[-1], expr.children[-2]
        if name.type == syms.trailer and name.children[0].type == token.DOT and \
                name.children[1].value == "open_resource" and call.type == syms.trailer:
            return None if self._text_mode(call) else call
        return None

    @staticmethod
    def _text_needed(node, call):
        following = call.next_sibling
        if following is not None and following.type == syms.trailer and \
                following.children[0].type == token.DOT and \
                following.children[1].value in TEXT_METHODS:
            arguments = following.next_sibling
            if arguments is not None and arguments.type == syms.trailer and any(
                    leaf.type == token.STRING and _is_plain_literal(leaf)
                    for leaf in arguments.leaves()):
                return True
        if following is not None:
            return False
        # the read() result is a whole argument of a text-only API
        parent = node.parent
        if parent is not None and parent.type == syms.arglist:
            parent = parent.parent
        if parent is not None and parent.type == syms.trailer and parent.children[0].type == \
                token.LPAR:
            callee = parent.prev_sibling
            if callee is not None:
                name = callee.children[1].value if callee.type == syms.trailer and \
                    callee.children[0].type == token.DOT else getattr(callee, "value", None)
                return name in TEXT_CONSUMERS
        return False
