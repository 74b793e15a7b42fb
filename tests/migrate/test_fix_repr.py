"""The repr fixer: backticks -> repr()."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case("x = 'a'\nprint(`x`)\n", "x = 'a'\nprint(repr(x))\n", output="'a'\n"),
    Case("print(`1 + 2` + `[3]`)\n", "print(repr(1 + 2) + repr([3]))\n", output="3[3]\n", id="expressions"),
    Case("print(`1, 'b'`)\n", "print(repr((1, 'b')))\n", output="(1, 'b')\n", id="tuple"),
    Case("print(`(`1`)`)\n", "print(repr((repr(1))))\n", output="'1'\n",
         id="nested"),
    Case("def repr(x):\n    return 'mine'\ny = `1`\n", "def repr(x):\n    return 'mine'\ny = `1`\n",
         review="repr is rebound", id="own repr"),
    Case("print(repr(2))\n", "print(repr(2))\n", output="2\n", id="already repr"),
]

test_rewrite = rewrite_tests("repr", CASES)
test_runtime = runtime_tests(CASES)
