"""The string_module fixer."""
from casekit import TOOL_PYTHON, Case, migrate, rewrite_tests, runtime_tests

CASES = [
    Case(
        "import string\nprint(string.letters[:3] + string.lowercase[-1] + string.uppercase[0])\n",
        "import string\nprint(string.ascii_letters[:3] + string.ascii_lowercase[-1] + string.ascii_uppercase[0])\n",
        output="abczA\n",
    ),
    Case(
        "import string\nprint(string.join(['a', 'b'], '-') + string.join(['c', 'd']))\n",
        "import string\nprint('-'.join(['a', 'b']) + ' '.join(['c', 'd']))\n",
        output="a-bc d\n",
        id="join",
    ),
    Case(
        "import string\ns = ' a,b '\nprint([string.upper(s), string.strip(s), string.split(string.strip(s), ',')])\n",
        "import string\ns = ' a,b '\nprint([s.upper(), s.strip(), s.strip().split(',')])\n",
        output="[' A,B ', 'a,b', ['a', 'b']]\n",
        id="methods",
    ),
    Case(
        "import string\nprint(string.atoi('12') + string.atoi('ff', 16) + string.atof('0.5'))\n",
        "import string\nprint(int('12') + int('ff', 16) + float('0.5'))\n",
        output="267.5\n",
        id="conversions",
    ),
    Case(
        "import string\na, b = 'x', 'y'\nprint(string.replace(a + b, 'y', 'z'))\n",
        "import string\na, b = 'x', 'y'\nprint((a + b).replace('y', 'z'))\n",
        output="xz\n",
        id="expression receiver",
    ),
    Case("import string\nt = string.maketrans('a', 'b')\n", "import string\nt = string.maketrans('a', 'b')\n",
         review="maketrans", id="maketrans reviewed"),
    Case("import string\nf = map(string.upper, xs)\n", "import string\nf = map(string.upper, xs)\n",
         review="used as a value", id="function as a value reviewed"),
    Case("import string\nprint(string.digits + string.capwords('a b'))\n",
         "import string\nprint(string.digits + string.capwords('a b'))\n", output="0123456789A B\n",
         id="still existing names stay"),
    Case("import string\nfor c in string.whitespace:\n    print(repr(c))\n",
         "import string\nfor c in '\\t\\n\\x0b\\x0c\\r ':\n    print(repr(c))\n",
         output="'\\t'\n'\\n'\n'\\x0b'\n'\\x0c'\n'\\r'\n' '\n", id="whitespace in Python 2's order"),
    Case("import string\nprint(repr(string.whitespace[-1] + ','.join(string.whitespace[:2])))\n",
         "import string\nprint(repr('\\t\\n\\x0b\\x0c\\r '[-1] + ','.join('\\t\\n\\x0b\\x0c\\r '[:2])))\n",
         output="' \\t,\\n'\n", id="whitespace indexed"),
    Case("import string\ns = ' a\\t'\nprint([s.strip(string.whitespace), 'x' in string.whitespace, ' ' not in string.whitespace,\n"
         "       len(set(string.whitespace))])\n",
         "import string\ns = ' a\\t'\nprint([s.strip(string.whitespace), 'x' in string.whitespace, ' ' not in string.whitespace,\n"
         "       len(set(string.whitespace))])\n",
         output="['a', False, False, 6]\n", id="whitespace as a set of characters stays"),
    Case("from string import whitespace\n", "from string import whitespace\n", review="another order",
         id="whitespace imported by name reviewed"),
    Case("def f(string):\n    return string.upper()\n", "def f(string):\n    return string.upper()\n",
         id="parameter stays"),
]

test_rewrite = rewrite_tests("string_module", CASES)
test_runtime = runtime_tests(CASES)


if TOOL_PYTHON:

    def test_python3_code_keeps_its_own_whitespace_order():
        source = "import string\nfor c in string.whitespace:\n    print(repr(c), end='')\n"
        assert migrate(source, "string_module", target="3").source == source
