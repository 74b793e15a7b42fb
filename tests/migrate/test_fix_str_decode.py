"""The str_decode fixer: a decoded str literal is bytes."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case(
        "text = '\\xc3\\x80\\xc3\\xbd'.decode('utf-8')\nprint(text == u'\\xc0\\xfd')\n",
        "text = b'\\xc3\\x80\\xc3\\xbd'.decode('utf-8')\nprint(text == u'\\xc0\\xfd')\n",
        output="True\n",
    ),
    Case(
        "print(len(r\"a\\x41\".decode('ascii')))\n",
        "print(len(br\"a\\x41\".decode('ascii')))\n",
        output="5\n",
        id="raw literal",
    ),
    Case("print(u'abc'.encode('ascii').decode('ascii'))\n", "print(u'abc'.encode('ascii').decode('ascii'))\n",
         output="abc\n", id="text literal stays"),
    Case("x = b'abc'.decode('ascii')\n", "x = b'abc'.decode('ascii')\n", id="bytes literal stays"),
    Case("from __future__ import unicode_literals\nx = 'abc'.decode('ascii')\n",
         "from __future__ import unicode_literals\nx = 'abc'.decode('ascii')\n", id="unicode_literals module"),
    Case("# -*- coding: utf-8 -*-\nx = 'caf\xc3\xa9'.decode('utf-8')\n",
         "# -*- coding: utf-8 -*-\nx = 'caf\xc3\xa9'.decode('utf-8')\n", review="non-ASCII",
         id="non-ASCII source stays, listed"),
    Case("print('\\u00e9'.decode('unicode-escape') == u'\\xe9')\n",
         "print(b'\\\\u00e9'.decode('unicode-escape') == u'\\xe9')\n",
         output="True\n", id="\\u is no escape in a Python 2 str"),
    Case("print('\\\\u00e9'.decode('unicode-escape') == u'\\xe9')\n",
         "print(b'\\\\u00e9'.decode('unicode-escape') == u'\\xe9')\n",
         output="True\n", id="escaped backslash before u"),
]

test_rewrite = rewrite_tests("str_decode", CASES)
test_runtime = runtime_tests(CASES)
