"""The intern fixer: intern -> six.moves.intern."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case(
        "a = intern('x' * 3)\nprint('%s %s' % (a, a is intern('xxx')))\n",
        "import six\na = six.moves.intern('x' * 3)\nprint('%s %s' % (a, a is six.moves.intern('xxx')))\n",
        output="xxx True\n",
    ),
    Case("import sys\nprint(sys.intern)\n", "import sys\nprint(sys.intern)\n", id="attribute stays"),
    Case("def f(intern):\n    intern.go()\n", "def f(intern):\n    intern.go()\n", id="parameter stays"),
]

test_rewrite = rewrite_tests("intern", CASES)
test_runtime = runtime_tests(CASES)
