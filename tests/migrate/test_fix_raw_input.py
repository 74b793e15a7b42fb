"""The raw_input fixer: raw_input -> six.moves.input."""
from casekit import Case, rewrite_tests, runtime_tests

# A stand-in stdin: both interpreters read a non-console stdin by readline().
STDIN = (
    "import sys\n"
    "class In(object):\n"
    "    def readline(self):\n"
    "        return 'typed\\n'\n"
    "sys.stdin = In()\n"
)

CASES = [
    Case(
        STDIN + "answer = raw_input('> ')\nsys.stdout.write('\\n')\nprint(repr(str(answer)))\n",
        "import six\n" + STDIN + "answer = six.moves.input('> ')\nsys.stdout.write('\\n')\nprint(repr(str(answer)))\n",
        output="> \n'typed'\n",
    ),
    Case("x = obj.raw_input()\n", "x = obj.raw_input()\n", id="attribute stays"),
    Case(
        "def raw_input(prompt):\n    return 'mine'\nprint(raw_input('x'))\n",
        "def raw_input(prompt):\n    return 'mine'\nprint(raw_input('x'))\n",
        output="mine\n",
        id="module function stays",
    ),
    Case("def ask(raw_input):\n    return raw_input()\n", "def ask(raw_input):\n    return raw_input()\n",
         id="parameter stays"),
]

test_rewrite = rewrite_tests("raw_input", CASES)
test_runtime = runtime_tests(CASES)
