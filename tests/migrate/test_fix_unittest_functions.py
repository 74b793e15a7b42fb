"""The unittest_functions fixer: module functions Python 3.13 removed."""
from casekit import Case, rewrite_tests, runtime_tests

BODY = "class T(unittest.TestCase):\n    def test_a(self):\n        pass\n    def test_b(self):\n        pass\n"

CASES = [
    Case("import unittest\n" + BODY + "print(unittest.makeSuite(T).countTestCases())\n",
         "import unittest\n" + BODY + "print(unittest.defaultTestLoader.loadTestsFromTestCase(T).countTestCases())\n",
         output="2\n", id="makeSuite of a class"),
    Case("import sys\nimport unittest\n" + BODY
         + "print(unittest.findTestCases(sys.modules[__name__]).countTestCases())\n",
         "import sys\nimport unittest\n" + BODY
         + "print(unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__]).countTestCases())\n",
         output="2\n", id="findTestCases of a module"),
    Case("import unittest\nsuite = unittest.makeSuite(T, 'check')\n",
         "import unittest\nsuite = unittest.makeSuite(T, 'check')\n", review="by hand", id="prefix reviewed"),
    Case("from unittest import makeSuite\n", "from unittest import makeSuite\n", review="removed in Python 3.13",
         id="imported by name reviewed"),
    Case("def f(unittest):\n    return unittest.makeSuite(1)\n", "def f(unittest):\n    return unittest.makeSuite(1)\n",
         id="a parameter named unittest stays"),
]

test_rewrite = rewrite_tests("unittest_functions", CASES)
test_runtime = runtime_tests(CASES)
