"""The zip fixer: list(zip(...)) where a list is used."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case("pairs = zip('ab', [1, 2])\nprint(pairs)\n", "pairs = list(zip('ab', [1, 2]))\nprint(pairs)\n",
         output="[('a', 1), ('b', 2)]\n"),
    Case("print(zip('ab', 'cd')[1])\n", "print(list(zip('ab', 'cd'))[1])\n", output="('b', 'd')\n", id="indexed"),
    Case("print(dict(zip('ab', [1, 2])) == {'a': 1, 'b': 2})\n",
         "print(dict(zip('ab', [1, 2])) == {'a': 1, 'b': 2})\n", output="True\n",
         id="dict() consumes"),
    Case("print(list(map(max, zip('ab', 'cd'), 'xy')))\n", "print(list(map(max, zip('ab', 'cd'), 'xy')))\n",
         output=None, id="iterables of map consumed"),
    Case("for a, b in zip('x', 'y'):\n    print(a + b)\n", "for a, b in zip('x', 'y'):\n    print(a + b)\n",
         output="xy\n", id="loop stays"),
    Case("from itertools import izip as zip\nz = zip(a, b)\n", "from itertools import izip as zip\nz = zip(a, b)\n",
         id="imported name stays"),
]

test_rewrite = rewrite_tests("zip", CASES)
test_runtime = runtime_tests(CASES)
