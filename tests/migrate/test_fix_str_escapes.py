"""The str_escapes fixer: \\u in Python 2 byte strings."""
from casekit import Case, rewrite_tests, runtime_tests

SHOW = "print([ord(c) for c in x])\n"

CASES = [
    Case("x = '\\u00e9'\n" + SHOW, "x = '\\\\u00e9'\n" + SHOW, output="[92, 117, 48, 48, 101, 57]\n"),
    Case("x = \"a\\\\\\u3xxx\"\n" + SHOW, "x = \"a\\\\\\\\u3xxx\"\n" + SHOW,
         output="[97, 92, 92, 117, 51, 120, 120, 120]\n", id="after an escaped backslash"),
    Case("x = '\\\\u'\n" + SHOW, "x = '\\\\u'\n" + SHOW, output="[92, 117]\n", id="escaped backslash stays"),
    Case("x = '\\N{DASH}\\n'\n" + SHOW, "x = '\\\\N{DASH}\\n'\n" + SHOW,
         output="[92, 78, 123, 68, 65, 83, 72, 125, 10]\n", id="named escape"),
    Case('def f():\n    """Escapes like \\uXXXX are documented here."""\nprint(f.__doc__)\n',
         'def f():\n    """Escapes like \\\\uXXXX are documented here."""\nprint(f.__doc__)\n',
         output="Escapes like \\uXXXX are documented here.\n", id="docstring"),
    Case("x = u'\\u00e9' + r'\\u00e9' + b'\\u'\n", "x = u'\\u00e9' + r'\\u00e9' + b'\\u'\n", id="other prefixes stay"),
    Case("from __future__ import unicode_literals\nx = '\\u00e9'\nprint(len(x))\n",
         "from __future__ import unicode_literals\nx = '\\u00e9'\nprint(len(x))\n", output="1\n",
         id="unicode_literals module stays"),
]

test_rewrite = rewrite_tests("str_escapes", CASES)
test_runtime = runtime_tests(CASES)
