"""The division fixer."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case("print(7 / 2)\n", "print(7 // 2)\n", output="3\n"),
    Case("print(-7 / 2)\n", "print(-7 // 2)\n", output="-4\n", id="negative floors"),
    Case("print(7 / 2.0 + 1.0 / 4)\n", "print(7 / 2.0 + 1.0 / 4)\n", output="3.75\n", id="float literal stays"),
    Case("x = 7\nprint(x / 2)\n", "x = 7\nprint(x / 2)\n", review="floors integers", id="unknown types reviewed"),
    Case("x = 7\nx /= 2\n", "x = 7\nx /= 2\n", review="'/='", id="augmented reviewed"),
    Case("x = 9\nx /= 2.0\nprint(x)\n", "x = 9\nx /= 2.0\nprint(x)\n", output="4.5\n", id="augmented float stays"),
    Case("print(float(7) / 2)\n", "print(float(7) / 2)\n", output="3.5\n", id="float() stays"),
    Case(
        "from __future__ import division\nprint(7 / 2)\n",
        "from __future__ import division\nprint(7 / 2)\n",
        output="3.5\n",
        id="true division already",
    ),
    Case("print(7 // 2)\n", "print(7 // 2)\n", output="3\n", id="floor division stays"),
]

test_rewrite = rewrite_tests("division", CASES)
test_runtime = runtime_tests(CASES)
