"""Iterator ``next`` methods and ``.next()`` calls.

A class's ``def next(self)`` becomes ``def __next__(self)`` followed by
``next = __next__``, so the class is an iterator on Python 3 and code that
still calls ``obj.next()`` keeps working on both. A ``x.next()`` call becomes
``next(x)`` only where ``x`` is known to be an iterator: a call of ``iter()``
or another builtin/itertools function returning one, a generator expression, a
generator function or iterator class of the module, or a name bound once in
its function to one of those. On any other object named by a (dotted) name
the call asks the object at run time: ``x.next() if hasattr(x, 'next') else
next(x)`` is the old call wherever a next method exists (every 2.7 iterator,
the project's own classes) and next() for a 3.x iterator. Other ``.next()``
calls on objects the module cannot vouch for are listed for review.
"""
from fissix import pytree
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._m3util import class_defines, class_methods, insert_after
from ._util import ensure_import, expression, name_is_builtin_at, scope_bindings

# Where a conditional expression needs no parentheses.
_HOLDS_CONDITIONAL = frozenset(
    [syms.trailer, syms.arglist, syms.argument, syms.expr_stmt, syms.return_stmt, syms.if_stmt,
     syms.while_stmt]
)

#: Builtins whose result is an iterator on both interpreters.
_BUILTIN_FACTORIES = frozenset(["iter", "enumerate", "reversed", "open"])
#: Methods whose result is an iterator on Python 2 (dict.iteritems & co.).
_ITERATOR_METHODS = frozenset(["iteritems", "itervalues", "iterkeys", "iterlists", "finditer"])
_ITERTOOLS = (
    "imap izip ifilter ifilterfalse izip_longest count cycle repeat chain islice starmap "
    "takewhile dropwhile groupby permutations combinations product compress"
).split()
#: Dotted callables whose result is an iterator on both interpreters.
DOTTED_FACTORIES = frozenset(
    ["itertools." + name for name in _ITERTOOLS]
    + ["six.iteritems", "six.itervalues", "six.iterkeys", "six.iterlists",
       "six.moves.map", "six.moves.zip", "six.moves.filter", "six.moves.zip_longest",
       "six.moves.filterfalse", "csv.reader", "csv.DictReader", "re.finditer", "io.open",
       "codecs.open", "os.walk", "tokenize.generate_tokens"]
)


def _dotted_callee(parts):
    """``a.b.c`` for the nodes of a plain dotted name, else None."""
    if not parts or parts[0].type != token.NAME:
        return None
    names = [parts[0].value]
    for part in parts[1:]:
        if part.type != syms.trailer or part.children[0].type != token.DOT:
            return None
        names.append(part.children[1].value)
    return ".".join(names)


def _enclosing(node, types):
    while node is not None and node.type not in types:
        node = node.parent
    return node


def _contains_yield(funcdef):
    for node in funcdef.children[-1].pre_order():
        if node.type in (syms.funcdef, syms.classdef, syms.lambdef):
            continue
        if node.type == token.NAME and node.value == "yield":
            # a nested def's yield belongs to it
            inner = _enclosing(node, (syms.funcdef,))
            if inner is funcdef:
                return True
    return False


def _protocol_next(funcdef):
    """True for ``def next(self)``: no parameter but the instance."""
    inner = funcdef.children[2].children[1:-1]
    return len(inner) == 1 and inner[0].type == token.NAME


class FixNextMethod(MigrateFix):
    """Make Python 2 iterator classes and ``.next()`` calls work on 3.x."""

    name = "next_method"
    summary = "def next -> __next__ (+ next alias); it.next() -> next(it) for known iterators"
    PATTERN = """
        classdef< any* suite< any* funcdef< 'def' 'next' any* > any* > >
        | power< receiver=any+ trailer< '.' 'next' > trailer< '(' ')' > any* >
        | power< receiver=any+ bound=trailer< '.' 'next' > >
    """

    def start_tree(self, tree, filename):
        super(FixNextMethod, self).start_tree(tree, filename)
        self._generators = set()
        self._iterator_classes = set()
        for node in tree.pre_order():
            if node.type == syms.funcdef and node.parent is not None and \
                    node.parent.type in (syms.file_input, syms.decorated) and _contains_yield(node):
                self._generators.add(node.children[1].value)
            elif node.type == syms.classdef:
                # the classes this fixer gives (or found with) a __next__
                methods = class_methods(node)
                if "__next__" in methods or ("next" in methods and _protocol_next(
                        methods["next"][1])):
                    self._iterator_classes.add(node.children[1].value)

    def transform(self, node, results):
        if node.type == syms.classdef:
            self._fix_class(node)
        elif "bound" in results:
            self._fix_bound(node, results)
        else:
            self._fix_call(node, results)
        return None

    def _fix_class(self, node):
        methods = class_methods(node)
        if "next" not in methods or class_defines(node, "__next__"):
            return
        stmt, funcdef = methods["next"]
        if not _protocol_next(funcdef):
            return  # next(self, arg): not the iterator protocol
        funcdef.children[1].value = "__next__"
        insert_after(stmt, "next = __next__\n")
        self.changed(node)

    def _fix_call(self, node, results):
        receiver = results["receiver"]
        # the .next() must be the receiver's first call in the chain
        children = node.children
        index = len(receiver)
        if children[index].type != syms.trailer:
            return
        if self._next_is_shadowed(node):
            self.review(node, "x.next() with a local name 'next': rename it, then use next(x)")
            return
        if not self._known_iterator(receiver, node):
            named = _dotted_callee(receiver)
            if named is not None and self._asked_before(node, named):
                return
            if named is not None and len(children) == index + 2 and \
                    name_is_builtin_at(node, "hasattr"):
                self._ask(node, named)
                return
            self.review(node, "%s.next(): use next(%s) if it is an iterator (Python 3 "
                        "iterators have __next__, not next)" % (
                            "".join(str(part) for part in receiver).strip(),
                            "".join(str(part) for part in receiver).strip()))
            return
        parts = [part.clone() for part in receiver]
        parts[0].prefix = ""
        argument = parts[0] if len(parts) == 1 else pytree.Node(syms.power, parts)
        new = pytree.Node(syms.power, [
            pytree.Leaf(token.NAME, "next"),
            pytree.Node(syms.trailer, [pytree.Leaf(token.LPAR, "("), argument,
                                       pytree.Leaf(token.RPAR, ")")]),
        ] + [child.clone() for child in children[index + 2:]])
        new.prefix = node.prefix
        node.replace(new)
        self.changed(new)

    @staticmethod
    def _asked_before(node, named):
        """True for the ``.next()`` call of an earlier :meth:`_ask`."""
        parent = node.parent
        return (
            parent is not None
            and parent.type == syms.test
            and parent.children[0] is node
            and str(parent.children[2]).strip() == "hasattr(%s, 'next')" % named
        )

    def _ask(self, node, named):
        """``x.next()`` -> ``x.next() if hasattr(x, 'next') else next(x)``."""
        text = "%s if hasattr(%s, 'next') else next(%s)" % (str(node).strip(), named, named)
        parent = node.parent
        bracketed = parent is not None and parent.type == syms.atom \
            and parent.children[0].type == token.LPAR
        if not bracketed and (parent is None or parent.type not in _HOLDS_CONDITIONAL):
            text = "(%s)" % text
        new = expression(text, prefix=node.prefix)
        node.replace(new)
        self.changed(new)

    def _fix_bound(self, node, results):
        """``iter(x).next`` as a value -> ``functools.partial(next, iter(x))``;
        only for known iterators (``node.next`` is a linked list's field)."""
        receiver = results["receiver"]
        if self._next_is_shadowed(node) or not self._expression_is_iterator(receiver):
            return
        text = "".join(str(part) for part in receiver).strip()
        new = expression("functools.partial(next, %s)" % text, prefix=node.prefix)
        node.replace(new)
        ensure_import(new, "functools")
        self.changed(new)

    @staticmethod
    def _next_is_shadowed(node):
        scope = node
        while scope is not None:
            if scope.type in (syms.funcdef, syms.classdef, syms.file_input, syms.lambdef):
                if "next" in scope_bindings(scope) and scope.type != syms.classdef:
                    return True
            scope = scope.parent
        return False

    def _known_iterator(self, receiver, node):
        if len(receiver) == 1 and receiver[0].type == token.NAME:
            if receiver[0].value == "self":
                cls = _enclosing(node, (syms.classdef,))
                return cls is not None and cls.children[1].value in self._iterator_classes
            return self._name_is_iterator(receiver[0], node)
        return self._expression_is_iterator(receiver)

    def _expression_is_iterator(self, parts):
        if len(parts) == 1 and parts[0].type == syms.atom and len(parts[0].children) == 3 and \
                parts[0].children[1].type in (syms.testlist_gexp,) and any(
                    child.type in (syms.comp_for, getattr(syms, "old_comp_for", -1))
                    for child in parts[0].children[1].children):
            return True  # a generator expression
        if len(parts) < 2:
            return False
        call = parts[-1]
        if call.type != syms.trailer or call.children[0].type != token.LPAR:
            return False
        method = parts[-2]
        if method.type == syms.trailer and method.children[0].type == token.DOT and \
                method.children[1].value in _ITERATOR_METHODS:
            return True  # d.iteritems(), pattern.finditer(text)
        callee = _dotted_callee(parts[:-1])
        if callee is None:
            return False
        if "." not in callee:
            return callee in _BUILTIN_FACTORIES or callee in self._generators or \
                callee in self._iterator_classes
        return callee in DOTTED_FACTORIES

    def _name_is_iterator(self, name_leaf, node):
        scope = _enclosing(node.parent, (syms.funcdef, syms.file_input))
        if scope is None:
            return False
        assignments = []
        for sub in scope.pre_order():
            if sub.type == syms.expr_stmt and len(sub.children) == 3 and \
                    sub.children[1].type == token.EQUAL and sub.children[0].type == token.NAME and \
                    sub.children[0].value == name_leaf.value:
                assignments.append(sub.children[2])
        kinds = scope_bindings(scope).get(name_leaf.value)
        if len(assignments) != 1 or kinds != set([("other",)]):
            return False
        value = assignments[0]
        parts = value.children if value.type == syms.power else [value]
        return self._expression_is_iterator(parts)
