"""The execfile fixer."""
from casekit import Case, rewrite_tests, runtime_tests

# Writes the script that the cases run, then forgets the handle cleanly.
SETUP = (
    "import io\n"
    "with io.open('script.py', 'w', encoding='utf-8') as out:\n"
    "    out.write(u'value = 40 + 2\\r\\n')\n"
)

CASES = [
    Case(
        SETUP + "ns = {}\nexecfile('script.py', ns)\nprint(ns['value'])\n",
        SETUP + "ns = {}\nexec(compile(open('script.py', 'rb').read(), 'script.py', 'exec'), ns)\nprint(ns['value'])\n",
        output="42\n",
    ),
    Case(
        SETUP + "path = 'script.py'\nexecfile(path)\nprint(value)\n",
        SETUP + "path = 'script.py'\nexec(compile(open(path, 'rb').read(), path, 'exec'))\nprint(value)\n",
        output="42\n",
        id="module namespace",
    ),
    Case(
        "execfile(paths[0])\n",
        "execfile(paths[0])\n",
        review="computed file name",
    ),
    Case("def f(execfile):\n    execfile('x')\n", "def f(execfile):\n    execfile('x')\n", id="parameter stays"),
    Case("runner.execfile('x')\n", "runner.execfile('x')\n", id="method stays"),
]

test_rewrite = rewrite_tests("execfile", CASES)
test_runtime = runtime_tests(CASES)
