"""The exec fixer: exec statement -> exec() call form."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case("exec 'print(6 * 7)'\n", "exec('print(6 * 7)')\n", output="42\n"),
    Case(
        "ns = {}\nexec 'x = 2' in ns\nprint(ns['x'])\n",
        "ns = {}\nexec('x = 2', ns)\nprint(ns['x'])\n",
        output="2\n",
        id="in globals",
    ),
    Case(
        "g = {'a': 1}\nl = {}\nexec 'b = a + 1' in g, l\nprint(l['b'])\n",
        "g = {'a': 1}\nl = {}\nexec('b = a + 1', g, l)\nprint(l['b'])\n",
        output="2\n",
        id="in globals, locals",
    ),
    Case(
        "code = compile('y = 5', '<s>', 'exec')\nexec code\nprint(y)\n",
        "code = compile('y = 5', '<s>', 'exec')\nexec(code)\nprint(y)\n",
        output="5\n",
        id="code object at module level",
    ),
    Case(
        "def f():\n    exec 'z = 1'\n",
        "def f():\n    exec('z = 1')\n",
        review="cannot bind local names",
        id="in a function needs review",
    ),
    Case(
        "def f():\n    ns = {}\n    exec 'z = 1' in ns\n    return ns['z']\nprint(f())\n",
        "def f():\n    ns = {}\n    exec('z = 1', ns)\n    return ns['z']\nprint(f())\n",
        output="1\n",
        id="function with a namespace",
    ),
    Case("exec('print(1)')\n", "exec('print(1)')\n", output="1\n", id="already a call"),
    Case("ns = {}\nexec('v = 3', ns)\nprint(ns['v'])\n", "ns = {}\nexec('v = 3', ns)\nprint(ns['v'])\n",
         output="3\n", id="tuple form"),
]

# Writing to the dict locals() returns, then eval/exec without a namespace
# (jsonpickle 0.4's loadrepr): since Python 3.13 locals() is a new snapshot
# each call, so the code no longer sees the written names.
CASES += [
    Case("def load(name, text):\n    scope = locals()\n    scope[name] = 1\n    return eval(text)\n",
         "def load(name, text):\n    scope = locals()\n    scope[name] = 1\n    return eval(text)\n",
         review="locals()", id="written locals() reviewed"),
    Case("def load(name):\n    locals()[name] = 1\n", "def load(name):\n    locals()[name] = 1\n",
         review="locals()", id="written locals() subscript reviewed"),
    Case("def show(a):\n    return sorted(locals())\nprint(show(1))\n",
         "def show(a):\n    return sorted(locals())\nprint(show(1))\n",
         output="['a']\n", id="read locals() stays"),
]

test_rewrite = rewrite_tests("exec", CASES)
test_runtime = runtime_tests(CASES)
