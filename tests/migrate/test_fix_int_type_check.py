"""The int_type_check fixer: exact int type checks are reported."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case("def f(day):\n    if type(day) is int:\n        return day\n",
         "def f(day):\n    if type(day) is int:\n        return day\n", review="IntEnum", id="is"),
    Case("ok = type(n) == int\n", "ok = type(n) == int\n", review="IntEnum", id="equals"),
    Case("ok = type(n) is not int\n", "ok = type(n) is not int\n", review="IntEnum", id="is not"),
    Case("print(isinstance(3, int))\n", "print(isinstance(3, int))\n", output="True\n",
         id="isinstance stays quiet"),
]

test_rewrite = rewrite_tests("int_type_check", CASES)
test_runtime = runtime_tests(CASES)
