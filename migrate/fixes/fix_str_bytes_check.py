"""``isinstance(s, str)`` guarding ``s.decode(...)`` -> ``isinstance(s, bytes)``.

On Python 2 ``str`` is the bytes type, and code that checks for it and then
decodes the value means bytes; on Python 3 ``str`` is text, which has no
``decode``. ``bytes`` is ``str`` on 2.7, so the rewrite keeps 2.7 as it was
and checks for bytes on 3.x. Two shapes only, with the same name in the
check and before ``.decode``:

* ``if isinstance(s, str): ... s.decode(...) ...`` (in the block);
* ``if not isinstance(s, str): raise ...`` (or return) followed, in the same
  block, by a statement with ``s.decode(...)``.
"""
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import is_builtin_use, isinstance_types_of, name_is_builtin_at, reads_attribute_of


def _decodes(node, name):
    """True when ``name.decode(`` appears in ``node``."""
    return reads_attribute_of(node, name, "decode")


def _leaves_block(body):
    """True when the block ends in ``raise`` or ``return``."""
    statements = [child for child in body.children if child.type == syms.simple_stmt] \
        if body.type == syms.suite else [body]
    if not statements:
        return False
    last = statements[-1].children[0]
    return last.type in (syms.raise_stmt, syms.return_stmt)


class FixStrBytesCheck(MigrateFix):
    """Check for bytes where a Python 2 ``str`` check guards a decode."""

    name = "str_bytes_check"
    summary = "isinstance(s, str) guarding s.decode(...) -> isinstance(s, bytes)"
    PATTERN = "power< 'isinstance' trailer< '(' arglist< checked=NAME ',' cls='str' > ')' > >"

    def transform(self, node, results):
        cls = results["cls"]
        if isinstance_types_of(cls) is not cls or not is_builtin_use(cls) \
                or not name_is_builtin_at(node, "bytes"):
            return None
        name = results["checked"].value
        test, negated = node, False
        if test.parent is not None and test.parent.type == syms.not_test:
            test, negated = test.parent, True
        block = test.parent
        if block is None or block.type != syms.if_stmt or block.children[1] is not test \
                or len(block.children) != 4:
            return None
        body = block.children[3]
        if not negated:
            decodes = _decodes(body, name)
        else:
            decodes = _leaves_block(body) and any(
                _decodes(following, name) for following in _siblings_after(block))
        if not decodes:
            return None
        cls.value = "bytes"
        cls.changed()
        self.changed(node)
        return None


def _siblings_after(stmt):
    found = False
    for sibling in stmt.parent.children if stmt.parent is not None else ():
        if found:
            yield sibling
        elif sibling is stmt:
            found = True
