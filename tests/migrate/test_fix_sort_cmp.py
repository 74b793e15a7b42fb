"""The sort_cmp fixer: cmp= -> key=functools.cmp_to_key(...)."""
from casekit import Case, rewrite_tests, runtime_tests

BY_LEN = "def by_len(a, b):\n    return len(a) - len(b)\n"

CASES = [
    Case(
        BY_LEN + "print(sorted(['ccc', 'a', 'bb'], cmp=by_len))\n",
        "import functools\n" + BY_LEN + "print(sorted(['ccc', 'a', 'bb'], key=functools.cmp_to_key(by_len)))\n",
        output="['a', 'bb', 'ccc']\n",
    ),
    Case(
        BY_LEN + "xs = ['ccc', 'a', 'bb']\nxs.sort(cmp=by_len, reverse=True)\nprint(xs)\n",
        "import functools\n" + BY_LEN + "xs = ['ccc', 'a', 'bb']\nxs.sort(key=functools.cmp_to_key(by_len), reverse=True)\nprint(xs)\n",
        output="['ccc', 'bb', 'a']\n",
        id="list.sort with reverse",
    ),
    Case(
        BY_LEN + "print(sorted(['bb', 'a'], by_len))\n",
        "import functools\n" + BY_LEN + "print(sorted(['bb', 'a'], key=functools.cmp_to_key(by_len)))\n",
        output="['a', 'bb']\n",
        id="positional comparison of sorted",
    ),
    Case("xs.sort(by_len)\n", "xs.sort(by_len)\n", review="positional comparison", id="positional sort reviewed"),
    Case("x = sorted(xs, cmp=c, key=k)\n", "x = sorted(xs, cmp=c, key=k)\n", review="cmp and key",
         id="cmp with key reviewed"),
    Case("print(sorted([2, 1], key=abs))\n", "print(sorted([2, 1], key=abs))\n", output="[1, 2]\n",
         id="key stays"),
    Case("def sorted(xs, cmp):\n    return xs\nsorted(a, cmp=b)\n", "def sorted(xs, cmp):\n    return xs\nsorted(a, cmp=b)\n",
         id="own sorted stays"),
]

test_rewrite = rewrite_tests("sort_cmp", CASES)
test_runtime = runtime_tests(CASES)
