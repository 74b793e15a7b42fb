"""The paren fixer: bare tuples in list comprehensions."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case("print([x * 2 for x in 1, 2, 3])\n", "print([x * 2 for x in (1, 2, 3)])\n", output="[2, 4, 6]\n"),
    Case("print([x for x in 'a', 'b' if x != 'a'])\n", "print([x for x in ('a', 'b') if x != 'a'])\n",
         output="['b']\n", id="with a condition"),
    Case("print([(x, y) for x in 1, 2 for y in 3, 4])\n", "print([(x, y) for x in (1, 2) for y in (3, 4)])\n",
         output="[(1, 3), (1, 4), (2, 3), (2, 4)]\n", id="nested"),
    Case("print([x for x in (1, 2)])\n", "print([x for x in (1, 2)])\n", output="[1, 2]\n", id="already parenthesized"),
    Case("print([x for x in [1]])\n", "print([x for x in [1]])\n", output="[1]\n", id="a list stays"),
]

test_rewrite = rewrite_tests("paren", CASES)
test_runtime = runtime_tests(CASES)
