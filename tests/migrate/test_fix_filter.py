"""The filter fixer: list(filter(...)) where a list is used."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case("x = filter(None, [0, 1, 2])\nprint(x)\n", "x = list(filter(None, [0, 1, 2]))\nprint(x)\n",
         output="[1, 2]\n"),
    Case("print(len(filter(bool, [0, 3])))\n", "print(len(list(filter(bool, [0, 3]))))\n", output="1\n",
         id="len needs a list"),
    Case("print(filter(None, [0, 5])[0])\n", "print(list(filter(None, [0, 5]))[0])\n", output="5\n",
         id="indexed"),
    Case("for v in filter(None, [0, 7]):\n    print(v)\n", "for v in filter(None, [0, 7]):\n    print(v)\n",
         output="7\n", id="loop stays"),
    Case("x = filter(str.isalpha, 'a1b')\n", "x = list(filter(str.isalpha, 'a1b'))\n", review="string",
         id="string argument reviewed"),
    Case("x = filter(None, (0, 1))\n", "x = list(filter(None, (0, 1)))\n", review="tuple",
         id="tuple argument reviewed"),
    Case("x = self.filter(y)\n", "x = self.filter(y)\n", id="method stays"),
]

test_rewrite = rewrite_tests("filter", CASES)
test_runtime = runtime_tests(CASES)
