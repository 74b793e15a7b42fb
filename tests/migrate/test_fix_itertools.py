"""The itertools fixer: imap & co. -> six.moves."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case(
        "import itertools\nprint(list(itertools.imap(abs, [-1, -2])))\n",
        "import six\nimport itertools\nprint(list(six.moves.map(abs, [-1, -2])))\n",
        output="[1, 2]\n",
    ),
    Case(
        "import itertools as it\nprint(list(it.izip_longest('a', 'bc', fillvalue='-')))\n",
        "import six\nimport itertools as it\nprint(list(six.moves.zip_longest('a', 'bc', fillvalue='-')))\n",
        output="[('a', 'b'), ('-', 'c')]\n",
        id="module alias",
    ),
    Case(
        "from itertools import izip, count\nprint(list(izip('ab', count())))\n",
        "from itertools import count\nfrom six.moves import zip as izip\nprint(list(izip('ab', count())))\n",
        output="[('a', 0), ('b', 1)]\n",
        id="from import split",
    ),
    Case(
        "from itertools import ifilter as keep, ifilterfalse\nprint(list(keep(None, [0, 1])) + list(ifilterfalse(None, [0, 1])))\n",
        "from six.moves import filter as keep, filterfalse as ifilterfalse\n"
        "print(list(keep(None, [0, 1])) + list(ifilterfalse(None, [0, 1])))\n",
        output="[1, 0]\n",
        id="aliases kept",
    ),
    Case(
        "def f():\n    if True:\n        from itertools import imap, chain\n        return list(chain(imap(str, [1])))\nprint(f())\n",
        "def f():\n    if True:\n        from itertools import chain\n        from six.moves import map as imap\n"
        "        return list(chain(imap(str, [1])))\nprint(f())\n",
        output="['1']\n",
        id="indented import",
    ),
    Case("import itertools\nprint(list(itertools.chain('a', 'b')))\n", "import itertools\nprint(list(itertools.chain('a', 'b')))\n",
         output="['a', 'b']\n", id="chain stays"),
    Case("x = tools.imap(f, y)\n", "x = tools.imap(f, y)\n", id="other object"),
]

test_rewrite = rewrite_tests("itertools", CASES)
test_runtime = runtime_tests(CASES)
