"""The division fixer."""
from casekit import TOOL_PYTHON, Case, migrate, rewrite_tests, runtime_tests

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
    Case(
        "class P(str):\n    def __div__(self, other):\n        return P(self + '/' + other)\n"
        "    __truediv__ = __div__\nroot = P('a')\nprint(root / 'b' / 'c')\n",
        "class P(str):\n    def __div__(self, other):\n        return P(self + '/' + other)\n"
        "    __truediv__ = __div__\nroot = P('a')\nprint(root / 'b' / 'c')\n",
        output="a/b/c\n",
        id="a str operand is no number: a path join stays and is not listed",
    ),
]

test_rewrite = rewrite_tests("division", CASES)
test_runtime = runtime_tests(CASES)


if TOOL_PYTHON:

    def test_a_str_operand_is_not_listed():
        assert migrate("x = root / 'docs' / name\ny = 'a' / root\n", "division").reviews == []
        assert migrate("x = (a * b) / 'c' * d / e\n", "division").reviews[0].line == 1
