"""The input fixer: Python 2's evaluating input()."""
from casekit import Case, rewrite_tests, runtime_tests

STDIN = (
    "import sys\n"
    "class In(object):\n"
    "    def readline(self):\n"
    "        return '6 * 7\\n'\n"
    "sys.stdin = In()\n"
)

CASES = [
    Case(
        STDIN + "value = input('? ')\nsys.stdout.write('\\n')\nprint(value)\n",
        "import six\n" + STDIN + "value = eval(six.moves.input('? '))\nsys.stdout.write('\\n')\nprint(value)\n",
        output="? \n42\n",
        review="evaluated",
    ),
    Case("x = six.moves.input()\n", "x = six.moves.input()\n", id="six input stays"),
    Case("def ask(input):\n    return input()\n", "def ask(input):\n    return input()\n", id="parameter stays"),
    Case("x = form.input('a')\n", "x = form.input('a')\n", id="method stays"),
]

test_rewrite = rewrite_tests("input", CASES)
test_runtime = runtime_tests(CASES)
