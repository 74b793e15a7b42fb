"""The buffer fixer: uses are reported, never rewritten."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case("b = buffer('abc', 1)\n", "b = buffer('abc', 1)\n", review="memoryview", id="reviewed"),
    Case("x = self.buffer\n", "x = self.buffer\n", id="attribute"),
    Case("def f(buffer):\n    return buffer\nprint(f(1))\n", "def f(buffer):\n    return buffer\nprint(f(1))\n",
         output="1\n", id="parameter"),
]

test_rewrite = rewrite_tests("buffer", CASES)
test_runtime = runtime_tests(CASES)
