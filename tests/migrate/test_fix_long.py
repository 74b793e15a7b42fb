"""The long fixer."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case("print(long('12') + 1)\n", "print(int('12') + 1)\n", output="13\n"),
    Case("print(long('ff', 16))\n", "print(int('ff', 16))\n", output="255\n", id="base"),
    Case(
        "print([isinstance(v, (int, long)) for v in (1, 2 ** 70, 1.5)])\n",
        "import six\nprint([isinstance(v, (int, six.integer_types)) for v in (1, 2 ** 70, 1.5)])\n",
        output="[True, True, False]\n",
        id="type check with int",
    ),
    Case("print(isinstance(1, long))\n", "print(isinstance(1, long))\n", review="without int",
         id="long alone reviewed"),
    Case("x = self.long\n", "x = self.long\n", id="attribute stays"),
    Case("def f(long=1):\n    return long\n", "def f(long=1):\n    return long\n", id="parameter stays"),
]

test_rewrite = rewrite_tests("long", CASES)
test_runtime = runtime_tests(CASES)
