"""The print fixer: print statement -> print function."""
from casekit import Case, rewrite_tests, runtime_tests

FUTURE = "from __future__ import print_function\n"

CASES = [
    Case("print 'hello'\n", FUTURE + "print('hello')\n", output="hello\n"),
    Case("print 1, 'a', 2.5\n", FUTURE + "print(1, 'a', 2.5)\n", output="1 a 2.5\n"),
    Case("print\n", FUTURE + "print()\n", output="\n", id="bare print"),
    Case(
        "print 'a',\nprint 'b'\n",
        FUTURE + "print('a', end=' ')\nprint('b')\n",
        output="a b\n",
        id="trailing comma",
    ),
    Case(
        "print 'line\\n',\nprint 'next'\n",
        FUTURE + "print('line\\n', end='')\nprint('next')\n",
        output="line\nnext\n",
        id="no softspace after newline",
    ),
    Case(
        "print 'tab\\t',\nprint u'nl\\n',\nprint 'end'\n",
        FUTURE + "print('tab\\t', end='')\nprint(u'nl\\n', end='')\nprint('end')\n",
        output="tab\tnl\nend\n",
        id="text literals ending in whitespace",
    ),
    Case(
        "print b'tab\\t',\nprint 'end'\n",
        FUTURE + "print(b'tab\\t', end='')\nprint('end')\n",
        review="bytes literal",
        id="bytes literal reviewed",
    ),
    Case(
        "for i in range(3):\n    print i,\n",
        FUTURE + "for i in range(3):\n    print(i, end=' ')\n",
        review="trailing comma",
        id="trailing comma needs review",
    ),
    Case(
        "import sys\nprint >>sys.stdout, 'to', 'file'\n",
        FUTURE + "import sys\nprint('to', 'file', file=sys.stdout)\n",
        output="to file\n",
    ),
    Case(
        "import sys\nprint >> sys.stdout\n",
        FUTURE + "import sys\nprint(file=sys.stdout)\n",
        output="\n",
    ),
    Case(
        "import sys\nprint >>sys.stdout, 'x',\nprint >>sys.stdout, 'y'\n",
        FUTURE + "import sys\nprint('x', end=' ', file=sys.stdout)\nprint('y', file=sys.stdout)\n",
        output="x y\n",
    ),
    Case(
        "print ('a', 1)\n",
        FUTURE + "print(('a', 1))\n",
        output="('a', 1)\n",
        review="tuple",
        id="tuple kept",
    ),
    Case("print('same')\n", "print('same')\n", output="same\n", id="parenthesized single"),
    Case(
        '"""Doc."""\n# comment\nimport os\nif True:\n    print "x"  # why\n',
        '"""Doc."""\nfrom __future__ import print_function\n# comment\nimport os\n'
        'if True:\n    print("x")  # why\n',
        output="x\n",
        id="after docstring",
    ),
    Case(
        "# -*- coding: utf-8 -*-\nprint 'a' \\\n    'b'\n",
        "# -*- coding: utf-8 -*-\n" + FUTURE + "print('a' \\\n    'b')\n",
        output="ab\n",
        id="cookie stays first",
    ),
    Case(
        "from __future__ import print_function\nprint('a', 'b', sep='-')\n",
        "from __future__ import print_function\nprint('a', 'b', sep='-')\n",
        output="a-b\n",
        id="already a function",
    ),
    Case("x = 1; print x; y = 2\n", FUTURE + "x = 1; print(x); y = 2\n", output="1\n"),
    Case(
        "code = compile('x = 1', '<s>', 'exec')\nprint 'compiled'\n",
        FUTURE + "code = compile('x = 1', '<s>', 'exec')\nprint('compiled')\n",
        output="compiled\n",
        review="compiles code at run time",
        id="runtime compile reported",
    ),
    Case("obj = None\nobj.print_ = 1\n", "obj = None\nobj.print_ = 1\n", id="no print"),
]

test_rewrite = rewrite_tests("print", CASES)
test_runtime = runtime_tests(CASES)
