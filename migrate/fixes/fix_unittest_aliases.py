"""unittest method aliases removed in Python 3.12 -> their current names.

Only ``self.<alias>`` inside a class that looks like a test case (a base
named ``...TestCase``/``...TestBase``/``...Case``, a ``Test...``/``...Case``
class with bases, or a base that is such a class of the same module) is
touched, and not when the class defines a method of that
name itself; other classes using the aliases are listed for review.
``assertItemsEqual``, ``assertRegexpMatches`` and ``assertRaisesRegexp`` have
no spelling shared by 2.7 and 3.x, so they become the six helpers, which take
the test case as their first argument. A test case's override of a
type-specific equality method without a ``msg`` parameter is listed for
review: assertEqual passes ``msg=`` to it, on 3.x for two str too.
"""
from fissix import pytree
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._m3util import class_defines, dotted_name
from ._util import ensure_import

#: Alias -> the name 2.7 and 3.x both have.
RENAMES = {
    "assertEquals": "assertEqual",
    "assertNotEquals": "assertNotEqual",
    "assert_": "assertTrue",
    "failUnless": "assertTrue",
    "failIf": "assertFalse",
    "failUnlessEqual": "assertEqual",
    "failIfEqual": "assertNotEqual",
    "failUnlessAlmostEqual": "assertAlmostEqual",
    "failIfAlmostEqual": "assertNotAlmostEqual",
    "assertAlmostEquals": "assertAlmostEqual",
    "assertNotAlmostEquals": "assertNotAlmostEqual",
    "failUnlessRaises": "assertRaises",
}

#: Alias -> six helper called as ``six.helper(self, ...)``.
SIX_HELPERS = {
    "assertItemsEqual": "assertCountEqual",
    "assertRegexpMatches": "assertRegex",
    "assertNotRegexpMatches": "assertNotRegex",
    "assertRaisesRegexp": "assertRaisesRegex",
}

#: What assertEqual dispatches to by type, passing ``msg=``.
EQUALITY_METHODS = frozenset([
    "assertMultiLineEqual", "assertListEqual", "assertTupleEqual", "assertDictEqual",
    "assertSetEqual", "assertSequenceEqual",
])

#: Removed with no replacement on both interpreters.
GONE = {
    "assertDictContainsSubset": "removed in Python 3.12: compare "
    "dict(actual, **expected) == actual, or check the items one by one",
}


def _test_case_class(node):
    """The class ``node`` is directly in (through methods), if test-like."""
    while node is not None and node.type != syms.classdef:
        node = node.parent
    if node is None:
        return None
    return node if _is_test_like(node, set()) else None


def _bases(classdef):
    """The last part of each base class name of ``classdef``."""
    if len(classdef.children) > 3 and classdef.children[2].type == token.LPAR:
        arglist = classdef.children[3]
        if arglist.type != token.RPAR:
            items = arglist.children[::2] if arglist.type == syms.arglist else [arglist]
            return [dotted_name(item).split(".")[-1] for item in items]
    return []


def _module_classes(node):
    """``{name: classdef}`` of the classes defined at the top of the module."""
    root = node
    while root.parent is not None:
        root = root.parent
    classes = {}
    for statement in root.children:
        if statement.type == syms.decorated:
            statement = statement.children[-1]
        if statement.type == syms.classdef:
            classes[statement.children[1].value] = statement
    return classes


def _is_test_like(classdef, seen):
    """A base named like a test case, a test-like name with bases, or a base
    that is a test-like class of the same module (``class Base(TestCase)``,
    then ``class Parsing(Base)``)."""
    name = classdef.children[1].value
    bases = _bases(classdef)
    if any(base.endswith(("TestCase", "TestBase", "Case")) for base in bases):
        return True
    if bases and (name.startswith("Test") or name.endswith(("Test", "Tests", "Case"))):
        return True
    seen.add(name)
    local = _module_classes(classdef) if bases else {}
    return any(base in local and base not in seen and _is_test_like(local[base], seen) for base in bases)


class FixUnittestAliases(MigrateFix):
    """Rewrite ``self.assertEquals`` & co. in test case classes."""

    name = "unittest_aliases"
    summary = "unittest aliases removed in 3.12 (assertEquals, assertItemsEqual...) -> current names"
    PATTERN = """
        power< self='self' method=trailer< '.' name=(
        'assertEquals' | 'assertNotEquals' | 'assert_' | 'failUnless' | 'failIf' |
        'failUnlessEqual' | 'failIfEqual' | 'failUnlessAlmostEqual' | 'failIfAlmostEqual' |
        'assertAlmostEquals' | 'assertNotAlmostEquals' | 'failUnlessRaises' |
        'assertItemsEqual' | 'assertRegexpMatches' | 'assertNotRegexpMatches' |
        'assertRaisesRegexp' | 'assertDictContainsSubset'
        ) > rest=any* >
        | funcdef< 'def' override=(
        'assertMultiLineEqual' | 'assertListEqual' | 'assertTupleEqual' | 'assertDictEqual' |
        'assertSetEqual' | 'assertSequenceEqual'
        ) parameters=parameters any* >
    """

    def _override(self, node, results):
        """Report an equality override that cannot take ``msg=``."""
        name = results["override"]
        if isinstance(name, list):
            name = name[0]
        if _test_case_class(node) is None or node.parent is None:
            return
        params = results["parameters"]
        names = [leaf.value for leaf in params.leaves() if leaf.type == token.NAME]
        if "msg" in names or any(leaf.type == token.DOUBLESTAR for leaf in params.leaves()):
            return
        self.review(node, "%s overridden without a msg parameter: assertEqual calls it "
                    "with msg= (on 3.x for two str as well); add msg=None" % name.value)

    def transform(self, node, results):
        if "override" in results:
            self._override(node, results)
            return None
        name = results["name"]
        if isinstance(name, list):  # an alternation binds the list it matched
            name = name[0]
        alias = name.value
        if alias not in RENAMES and alias not in SIX_HELPERS and alias not in GONE:
            return None
        cls = _test_case_class(node)
        if cls is None:
            owner = node.parent
            while owner is not None and owner.type != syms.classdef:
                owner = owner.parent
            if owner is not None and not class_defines(owner, alias):
                self.review(node, "self.%s in class %s, which does not look like a test case: "
                            "if it is one, %s is gone in Python 3.12" % (
                                alias, owner.children[1].value, alias))
            return None
        if class_defines(cls, alias):
            return None
        if alias in GONE:
            self.review(node, "%s: %s" % (alias, GONE[alias]))
            return None
        if alias in RENAMES:
            name.value = RENAMES[alias]
            self.changed(node)
            return None
        rest = results["rest"]
        call = rest[0] if rest else None
        if call is None or call.type != syms.trailer or call.children[0].type != token.LPAR:
            self.review(node, "self.%s not called: use six.%s(self, ...)"
                        % (alias, SIX_HELPERS[alias]))
            return None
        self_leaf = results["self"]
        self_leaf.value = "six"
        name.value = SIX_HELPERS[alias]
        arguments = call.children[1] if len(call.children) == 3 else None
        first = pytree.Leaf(token.NAME, "self")
        if arguments is None:
            call.insert_child(1, first)
        elif arguments.type == syms.arglist:
            arguments.insert_child(0, pytree.Leaf(token.COMMA, ","))
            arguments.insert_child(0, first)
            if not arguments.children[2].prefix:
                arguments.children[2].prefix = " "
        else:
            arguments.remove()
            if not arguments.prefix:
                arguments.prefix = " "
            call.insert_child(1, pytree.Node(
                syms.arglist, [first, pytree.Leaf(token.COMMA, ","), arguments]))
        ensure_import(node, "six")
        self.changed(node)
        return None
