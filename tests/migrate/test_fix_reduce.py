"""The reduce fixer: reduce -> functools.reduce."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case(
        "print(reduce(lambda a, b: a * b, [1, 2, 3, 4]))\n",
        "import functools\nprint(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]))\n",
        output="24\n",
    ),
    Case(
        "import operator\nprint(reduce(operator.add, [], 7))\n",
        "import functools\nimport operator\nprint(functools.reduce(operator.add, [], 7))\n",
        output="7\n",
        id="initial value",
    ),
    Case(
        "import functools\nprint(reduce(max, [3, 9, 2]))\n",
        "import functools\nprint(functools.reduce(max, [3, 9, 2]))\n",
        output="9\n",
        id="functools already imported",
    ),
    Case("from functools import reduce\nprint(reduce(max, [1, 5]))\n",
         "from functools import reduce\nprint(reduce(max, [1, 5]))\n", output="5\n", id="imported name stays"),
    Case("def f(reduce):\n    return reduce(1)\n", "def f(reduce):\n    return reduce(1)\n", id="parameter stays"),
    Case("x = self.reduce\n", "x = self.reduce\n", id="attribute stays"),
]

test_rewrite = rewrite_tests("reduce", CASES)
test_runtime = runtime_tests(CASES)
