"""The tuple_params fixer: parameter unpacking."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case(
        "def area((w, h)):\n    return w * h\nprint(area((2, 3)))\n",
        "def area(w_h):\n    (w, h) = w_h\n    return w * h\nprint(area((2, 3)))\n",
        output="6\n",
    ),
    Case(
        "def f(a, (b, (c, d))=(1, (2, 3)), *rest):\n    \"\"\"Doc.\"\"\"\n    return a + b + c + d + len(rest)\n"
        "print(f(10))\nprint(f.__doc__)\n",
        "def f(a, b_c_d=(1, (2, 3)), *rest):\n    \"\"\"Doc.\"\"\"\n    (b, (c, d)) = b_c_d\n    return a + b + c + d + len(rest)\n"
        "print(f(10))\nprint(f.__doc__)\n",
        output="16\nDoc.\n",
        id="nested with default, docstring kept first",
    ),
    Case("def g((x, y)): return x - y\nprint(g((5, 2)))\n", "def g(x_y): (x, y) = x_y; return x - y\nprint(g((5, 2)))\n",
         output="3\n", id="one-line body"),
    Case(
        "pairs = [('b', 1), ('a', 2)]\nprint(sorted(pairs, key=lambda (k, v): (-v, k)))\n",
        "pairs = [('b', 1), ('a', 2)]\nprint(sorted(pairs, key=lambda k_v: (-k_v[1], k_v[0])))\n",
        output="[('a', 2), ('b', 1)]\n",
        id="lambda indexes",
    ),
    Case("def h((z)):\n    return z\nprint(h(4))\n", "def h(z):\n    return z\nprint(h(4))\n", output="4\n",
         id="parenthesized single name"),
    Case("f = lambda (k, v): [k for k in v]\n", "f = lambda (k, v): [k for k in v]\n", review="binds the same names",
         id="lambda body rebinding reviewed"),
    Case(
        "get = lambda(k, val): (val, k)\nprint(get(('a', 1)))\n",
        "get = lambda k_val: (k_val[1], k_val[0])\nprint(get(('a', 1)))\n",
        output="(1, 'a')\n",
        id="lambda written without a space keeps one",
    ),
    Case(
        "import re\nfirst = lambda(m):m.group(1)\nprint(first(re.match('(.)', 'xy')))\n",
        "import re\nfirst = lambda m:m.group(1)\nprint(first(re.match('(.)', 'xy')))\n",
        output="x\n",
        id="bracketed single name after lambda",
    ),
    Case(
        "add = lambda(a,(b,c)):a+b+c\nprint(add((1, (2, 3))))\n",
        "add = lambda a_b_c:a_b_c[0]+a_b_c[1][0]+a_b_c[1][1]\nprint(add((1, (2, 3))))\n",
        output="6\n",
        id="nested tuple after lambda without a space",
    ),
    Case(
        "one = lambda((a)): a\npair = lambda(a, (b)): a - b\nprint(one(5))\nprint(pair((5, 2)))\n",
        "one = lambda a: a\npair = lambda a_b: a_b[0] - a_b[1]\nprint(one(5))\nprint(pair((5, 2)))\n",
        output="5\n3\n",
        id="doubled brackets around a name are not a tuple",
    ),
    Case("def ok(a, b=(1, 2)):\n    return a\n", "def ok(a, b=(1, 2)):\n    return a\n", id="tuple default stays"),
]

test_rewrite = rewrite_tests("tuple_params", CASES)
test_runtime = runtime_tests(CASES)
