"""The str_escapes fixer: \\u in Python 2 byte strings."""
from casekit import TOOL_PYTHON, Case, migrate, rewrite_tests, runtime_tests

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
    # a byte above 0x7f: one byte on 2.7, a character on 3.x; listed
    Case("bad = '\\xae'\n", "bad = '\\xae'\n", review="byte escape", id="high byte escape listed"),
    Case("bad = 'caf\\351'\n", "bad = 'caf\\351'\n", review="byte escape", id="high octal escape listed"),
    Case("ok = '\\x41\\\\xae'\n", "ok = '\\x41\\\\xae'\n", id="ASCII escape and escaped backslash"),
]

test_rewrite = rewrite_tests("str_escapes", CASES)
test_runtime = runtime_tests(CASES)


if TOOL_PYTHON:

    def test_ascii_escapes_are_not_listed():
        result = migrate("ok = '\\x41\\\\xae'\nname = '\\xc3\\xa9'.decode('utf-8')\n", "str_escapes")
        assert result.reviews == []

    def test_one_item_per_statement():
        source = ("MS = {'\\x80': 'euro',\n      '\\x82': 'sbquo'}\n"
                  "if data[:2] == 'ab':\n    pass\nelif data[:2] == '\\xff\\xfe':\n    pass\n"
                  "x = ('\\xe3\\x81'\n     '\\xe3\\x82')\n")
        result = migrate(source, "str_escapes")
        assert [review.line for review in result.reviews] == [1, 5, 7]
