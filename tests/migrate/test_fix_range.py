"""The range fixer: list(range(...)) where a list is used."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case("r = range(3)\nr.append(9)\nprint(r)\n", "r = list(range(3))\nr.append(9)\nprint(r)\n",
         output="[0, 1, 2, 9]\n"),
    Case("print(range(2) + [5])\n", "print(list(range(2)) + [5])\n", output="[0, 1, 5]\n", id="concatenated"),
    Case("print(range(5)[1:3])\n", "print(list(range(5))[1:3])\n", output="[1, 2]\n", id="sliced"),
    Case(
        "for i in range(2):\n    print(i)\nprint(len(range(4)))\nprint(sum(range(4)))\nprint([i for i in range(2)])\n",
        "for i in range(2):\n    print(i)\nprint(len(range(4)))\nprint(sum(range(4)))\nprint([i for i in range(2)])\n",
        output="0\n1\n4\n6\n[0, 1]\n",
        id="iteration contexts stay",
    ),
    Case("print(list(map(str, range(2))) + list(zip(range(1), 'a')))\n",
         "print(list(map(str, range(2))) + list(zip(range(1), 'a')))\n",
         output="['0', '1', (0, 'a')]\n", id="iterables of map and zip"),
    Case("for i in reversed(range(1, 4)):\n    print(i)\n",
         "for i in reversed(range(1, 4)):\n    print(i)\n",
         output="3\n2\n1\n", id="reversed takes a range as it took the list"),
    Case("def f(range):\n    return range(1)\n", "def f(range):\n    return range(1)\n", id="parameter stays"),
    Case("from six.moves import range\nr = range(3)\n", "from six.moves import range\nr = range(3)\n",
         id="six.moves range stays"),
]

test_rewrite = rewrite_tests("range", CASES)
test_runtime = runtime_tests(CASES)
