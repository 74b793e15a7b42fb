"""unittest_aliases: aliases removed in Python 3.12 -> names 2.7 and 3.x share."""
import textwrap

from casekit import Case, rewrite_tests, runtime_tests


def _b(text):
    return textwrap.dedent(text[1:])


_RUN = """import os
suite = unittest.TestLoader().loadTestsFromTestCase(T)
with open(os.devnull, 'w') as sink:
    result = unittest.TextTestRunner(stream=sink).run(suite)
print('%d %s' % (result.testsRun, result.wasSuccessful()))
"""

CASES = [
    Case(
        _b("""
        import unittest
        class SoupTest(unittest.TestCase):
            pass
        class FollowThatTag(SoupTest):
            def test_a(self):
                self.assertEquals(1, 1)
        T = FollowThatTag
        """) + _RUN,
        _b("""
        import unittest
        class SoupTest(unittest.TestCase):
            pass
        class FollowThatTag(SoupTest):
            def test_a(self):
                self.assertEqual(1, 1)
        T = FollowThatTag
        """) + _RUN,
        output="1 True\n",
        id="base class of the module that is a test case",
    ),
    Case(
        """
        class Helper(object):
            def assertEquals(self, a, b):
                return a == b
            def check(self):
                return self.assertEquals(1, 1)
        print(Helper().check())
        """,
        """
        class Helper(object):
            def assertEquals(self, a, b):
                return a == b
            def check(self):
                return self.assertEquals(1, 1)
        print(Helper().check())
        """,
        output="True\n",
        id="not a test case",
    ),
    Case(
        """
        class Mixin(object):
            def run_it(self):
                return self.failUnless
        """,
        """
        class Mixin(object):
            def run_it(self):
                return self.failUnless
        """,
        review="does not look like a test case",
        id="mixin without test base reviewed",
    ),
    Case(
        _b("""
        import unittest
        class T(unittest.TestCase):
            def assertEquals(self, a, b):
                self.assertEqual(a, b)
            def test_own(self):
                self.assertEquals(1, 1)
        """) + _RUN,
        _b("""
        import unittest
        class T(unittest.TestCase):
            def assertEquals(self, a, b):
                self.assertEqual(a, b)
            def test_own(self):
                self.assertEquals(1, 1)
        """) + _RUN,
        output="1 True\n",
        id="class defines the alias itself",
    ),
    Case(
        _b("""
        import unittest
        class T(unittest.TestCase):
            def test_renames(self):
                self.assertEquals(1, 1)
                self.assertNotEquals(1, 2)
                self.assert_(True)
                self.failUnless(True)
                self.failIf(False)
                self.failUnlessEqual('a', 'a')
                self.assertAlmostEquals(1.0, 1.0)
                self.failUnlessRaises(ValueError, int, 'x')
        """) + _RUN,
        _b("""
        import unittest
        class T(unittest.TestCase):
            def test_renames(self):
                self.assertEqual(1, 1)
                self.assertNotEqual(1, 2)
                self.assertTrue(True)
                self.assertTrue(True)
                self.assertFalse(False)
                self.assertEqual('a', 'a')
                self.assertAlmostEqual(1.0, 1.0)
                self.assertRaises(ValueError, int, 'x')
        """) + _RUN,
        output="1 True\n",
        id="renames",
    ),
    Case(
        _b("""
        import unittest
        class MyTests(unittest.TestCase):
            def test_six(self):
                self.assertItemsEqual([1, 2], [2, 1])
                self.assertRegexpMatches('abc', 'b')
                self.assertRaisesRegexp(ValueError, 'invalid', int, 'x')
                with self.assertRaisesRegexp(KeyError, 'k'):
                    {}['k']
        T = MyTests
        """) + _RUN,
        _b("""
        import six
        import unittest
        class MyTests(unittest.TestCase):
            def test_six(self):
                six.assertCountEqual(self, [1, 2], [2, 1])
                six.assertRegex(self, 'abc', 'b')
                six.assertRaisesRegex(self, ValueError, 'invalid', int, 'x')
                with six.assertRaisesRegex(self, KeyError, 'k'):
                    {}['k']
        T = MyTests
        """) + _RUN,
        output="1 True\n",
        id="six helpers",
    ),
    Case(
        _b("""
        import unittest
        class T(unittest.TestCase):
            def test_fails(self):
                self.assertItemsEqual([1, 2], [1, 1])
        """) + _RUN,
        _b("""
        import six
        import unittest
        class T(unittest.TestCase):
            def test_fails(self):
                six.assertCountEqual(self, [1, 2], [1, 1])
        """) + _RUN,
        output="1 False\n",
        id="a failing assertion still fails",
    ),
    Case(
        _b("""
        import unittest
        class T(unittest.TestCase):
            def test_gone(self):
                self.assertDictContainsSubset({'a': 1}, {'a': 1, 'b': 2})
        """),
        _b("""
        import unittest
        class T(unittest.TestCase):
            def test_gone(self):
                self.assertDictContainsSubset({'a': 1}, {'a': 1, 'b': 2})
        """),
        review="assertDictContainsSubset",
        id="no replacement reviewed",
    ),
]

# assertEqual hands two str to assertMultiLineEqual on 3.x (2.7: unicode
# only) and passes msg=: an override without msg (python-gflags 2.0's test
# base class) then fails with a TypeError.
_OVERRIDE = (
    "import unittest\nclass Base(unittest.TestCase):\n"
    "    def assertMultiLineEqual(self, expected, actual):\n"
    "        unittest.TestCase.assertMultiLineEqual(self, expected, actual)\n"
)
CASES += [
    Case(_OVERRIDE, _OVERRIDE, review="without a msg parameter", id="override without msg reviewed"),
    Case(_OVERRIDE.replace("actual):", "actual, msg=None):"), _OVERRIDE.replace("actual):", "actual, msg=None):"),
         id="override with msg stays"),
]

test_rewrite = rewrite_tests("unittest_aliases", CASES)
test_runtime = runtime_tests(CASES)
