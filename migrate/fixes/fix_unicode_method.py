"""``__unicode__`` -> ``__str__`` under ``@six.python_2_unicode_compatible``.

On Python 3 ``str()`` calls ``__str__``, which must return text; the decorator
turns that ``__str__`` back into ``__unicode__`` plus a UTF-8 ``__str__`` on
Python 2. An existing ``__str__`` that only encodes ``__unicode__``'s result
(``unicode(self).encode('utf-8')``, the usual Python 2 idiom) is dropped, since
the decorator provides exactly that; any other ``__str__`` is left, with the
class, for review. Explicit ``obj.__unicode__`` uses are listed for review
too: Python 3 objects have no such method.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._m3util import (
    add_class_decorator,
    class_methods,
    class_statements,
    normalized,
    remove_statement,
)
from ._util import ensure_import

#: ``__str__`` bodies (whitespace dropped) that only encode the text form.
_ENCODING_BODIES = frozenset(
    "return%s.encode(%s)" % (text, codec)
    for text in ("unicode(self)", "self.__unicode__()", "six.text_type(self)", "unicode(self)")
    for codec in ("'utf-8'", '"utf-8"', "'utf8'", '"utf8"', "'UTF-8'", '"UTF-8"')
)


def _alias_of_unicode(stmt):
    """``(target, value_leaf)`` for ``name = __unicode__`` in a class body."""
    if stmt.type != syms.simple_stmt or len(stmt.children) != 2:
        return None
    small = stmt.children[0]
    if small.type == syms.expr_stmt and len(small.children) == 3 and \
            small.children[0].type == token.NAME and small.children[1].type == token.EQUAL and \
            small.children[2].type == token.NAME and small.children[2].value == "__unicode__":
        return small.children[0].value, small.children[2]
    return None


def _body_code(funcdef):
    """The normalized code of a one-statement method body (docstring ignored)."""
    suite = funcdef.children[-1]
    statements = [child for child in suite.children if child.type == syms.simple_stmt] \
        if suite.type == syms.suite else [suite]
    if statements and statements[0].children[0].type == 3:  # STRING: a docstring
        statements = statements[1:]
    others = [child for child in suite.children if child.type not in (
        syms.simple_stmt, 4, 5, 6)] if suite.type == syms.suite else []
    if len(statements) != 1 or others:
        return None
    return normalized(statements[0])


class FixUnicodeMethod(MigrateFix):
    """Rename ``__unicode__`` to ``__str__`` with six.python_2_unicode_compatible."""

    name = "unicode_method"
    summary = "__unicode__ -> __str__ with @six.python_2_unicode_compatible"
    # Literal method names let the engine skip files that have none.
    PATTERN = """
        classdef< any* suite< any* funcdef< 'def' '__unicode__' any* > any* > >
        | trailer< '.' '__unicode__' >
        | expr_stmt< '__unicode__' '=' any >
    """

    def transform(self, node, results):
        if node.type == syms.expr_stmt:
            if node.parent is not None and node.parent.parent is not None and \
                    node.parent.parent.type == syms.suite and \
                    node.parent.parent.parent.type == syms.classdef:
                self.review(node, "__unicode__ assigned in a class body: Python 3 calls "
                            "__str__; define __str__ and use six.python_2_unicode_compatible")
            return None
        if node.type != syms.classdef:
            method = node.parent
            while method is not None and method.type != syms.funcdef:
                method = method.parent
            if method is not None and method.children[1].value == "__str__" and \
                    _body_code(method) in _ENCODING_BODIES:
                return None  # the idiom the class rewrite replaces
            self.review(node, ".__unicode__: Python 3 objects have no __unicode__; use "
                        "six.text_type(obj)")
            return None
        methods = class_methods(node)
        if "__unicode__" not in methods:
            return None
        unicode_stmt, unicode_def = methods["__unicode__"]
        if "__str__" in methods:
            str_stmt, str_def = methods["__str__"]
            if _body_code(str_def) not in _ENCODING_BODIES:
                self.review(node, "class %s defines both __str__ and __unicode__; on 3.x str() "
                            "uses __str__: make __str__ return text and decorate the class with "
                            "six.python_2_unicode_compatible" % node.children[1].value)
                return None
            remove_statement(str_stmt)
        # ``__str__ = __unicode__`` goes (the decorator makes __str__ on 2.7);
        # other aliases of the method follow its new name.
        for stmt in class_statements(node):
            alias = _alias_of_unicode(stmt)
            if alias is None:
                continue
            target, value_leaf = alias
            if target == "__str__":
                remove_statement(stmt)
            else:
                value_leaf.value = "__str__"
        unicode_def.children[1].value = "__str__"
        ensure_import(node, "six")
        add_class_decorator(node, "six.python_2_unicode_compatible")
        self.changed(node)
        return None
