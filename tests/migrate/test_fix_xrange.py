"""The xrange fixer: xrange -> six.moves.range."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case(
        "print(sum(xrange(5)))\n",
        "import six\nprint(sum(six.moves.range(5)))\n",
        output="10\n",
    ),
    Case(
        "for i in xrange(1, 7, 2):\n    print(i)\n",
        "import six\nfor i in six.moves.range(1, 7, 2):\n    print(i)\n",
        output="1\n3\n5\n",
    ),
    Case(
        "r = xrange\nprint(list(r(3)))\n",
        "import six\nr = six.moves.range\nprint(list(r(3)))\n",
        output="[0, 1, 2]\n",
        id="name used as a value",
    ),
    Case(
        '"""Doc."""\nimport os\nprint(len(xrange(4)))\n',
        '"""Doc."""\nimport six\nimport os\nprint(len(six.moves.range(4)))\n',
        output="4\n",
        id="import after docstring",
    ),
    Case(
        "import six\nprint(list(xrange(2)))\n",
        "import six\nprint(list(six.moves.range(2)))\n",
        output="[0, 1]\n",
        id="six already imported",
    ),
    Case("class O(object):\n    xrange = 3\nprint(O().xrange)\n", "class O(object):\n    xrange = 3\nprint(O().xrange)\n",
         output="3\n", id="attribute stays"),
    Case("def f(xrange):\n    return xrange\nprint(f(2))\n", "def f(xrange):\n    return xrange\nprint(f(2))\n",
         output="2\n", id="parameter stays"),
    Case("xrange = range\nprint(xrange(2))\n", "xrange = range\nprint(xrange(2))\n",
         id="module binding stays"),
    Case("from compat import xrange\n", "from compat import xrange\n", id="import stays"),
    Case("def f(n):\n    def g(xrange=len):\n        return xrange(n)\n    return g\n",
         "def f(n):\n    def g(xrange=len):\n        return xrange(n)\n    return g\n", id="nested parameter"),
]

test_rewrite = rewrite_tests("xrange", CASES)
test_runtime = runtime_tests(CASES)
