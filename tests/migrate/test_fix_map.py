"""The map fixer: list(map(...)) where a list is used."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case("x = map(str, [1, 2])\nprint(x + ['3'])\n", "x = list(map(str, [1, 2]))\nprint(x + ['3'])\n",
         output="['1', '2', '3']\n"),
    Case("print(map(abs, [-1, -2])[1])\n", "print(list(map(abs, [-1, -2]))[1])\n", output="2\n", id="indexed"),
    Case(
        "seen = []\nmap(seen.append, 'ab')\nprint(seen)\n",
        "seen = []\nlist(map(seen.append, 'ab'))\nprint(seen)\n",
        output="['a', 'b']\n",
        id="statement for its side effects",
    ),
    Case(
        "for s in map(str, [1, 2]):\n    print(s)\nprint(','.join(map(str, [3, 4])))\n"
        "print(sorted(map(abs, [-2, 1])))\nprint([s for s in map(str, [5])])\nprint('6' in map(str, [6]))\n",
        "for s in map(str, [1, 2]):\n    print(s)\nprint(','.join(map(str, [3, 4])))\n"
        "print(sorted(map(abs, [-2, 1])))\nprint([s for s in map(str, [5])])\nprint('6' in map(str, [6]))\n",
        output="1\n2\n3,4\n[1, 2]\n['5']\nTrue\n",
        id="iteration contexts stay",
    ),
    Case("print(list(reversed(map(abs, [-1, -2]))))\n", "print(list(reversed(list(map(abs, [-1, -2])))))\n",
         output="[2, 1]\n", id="reversed needs the list"),
    Case("m = map(None, a, b)\n", "m = map(None, a, b)\n", review="map(None", id="map None reviewed"),
    Case("m = map(f, a, b)\n", "m = list(map(f, a, b))\n", review="several iterables", id="several iterables"),
    Case("def f(map):\n    return map(1, 2)\n", "def f(map):\n    return map(1, 2)\n", id="parameter stays"),
    Case("x = obj.map(f, y)\n", "x = obj.map(f, y)\n", id="method stays"),
    Case("def first(list):\n    return map(len, list)\n", "def first(list):\n    return map(len, list)\n",
         review="list is rebound", id="shadowed list: reviewed, not wrapped"),
    Case("x = list(map(str, y))\n", "x = list(map(str, y))\n", id="already wrapped"),
]

test_rewrite = rewrite_tests("map", CASES)
test_runtime = runtime_tests(CASES)
