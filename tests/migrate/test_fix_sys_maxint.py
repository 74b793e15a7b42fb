"""The sys_maxint fixer."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case("import sys\nprint(sys.maxint > 2 ** 30)\n", "import sys\nprint(sys.maxsize > 2 ** 30)\n", output="True\n"),
    Case("import sys as system\nprint(system.maxint == system.maxsize)\n",
         "import sys as system\nprint(system.maxsize == system.maxsize)\n", output="True\n", id="alias"),
    Case("from sys import maxint\n", "from sys import maxint\n", review="sys.maxsize", id="from import reviewed"),
    Case("def f(sys):\n    return sys.maxint\n", "def f(sys):\n    return sys.maxint\n", id="parameter stays"),
    Case("print(limits.maxint)\n", "print(limits.maxint)\n", id="other object"),
]

test_rewrite = rewrite_tests("sys_maxint", CASES)
test_runtime = runtime_tests(CASES)
