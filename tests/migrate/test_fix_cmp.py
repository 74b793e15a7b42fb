"""The cmp fixer: a Python 3 fallback for the builtin cmp."""
from casekit import TOOL_PYTHON, Case, migrate, rewrite_tests, runtime_tests

BLOCK = (
    "try:\n"
    "    cmp\n"
    "except NameError:\n"
    "    def cmp(a, b):\n"
    "        return (a > b) - (a < b)\n"
)

CASES = [
    Case(
        "print([cmp(1, 2), cmp('b', 'a'), cmp(3, 3)])\n",
        BLOCK + "print([cmp(1, 2), cmp('b', 'a'), cmp(3, 3)])\n",
        output="[-1, 1, 0]\n",
    ),
    Case(
        '"""Doc."""\nimport os\n\nprint(cmp((1, 2), (1, 3)))\n',
        '"""Doc."""\nimport os\n' + BLOCK + "\nprint(cmp((1, 2), (1, 3)))\n",
        output="-1\n",
        id="after the imports",
    ),
    Case("def cmp(a, b):\n    return 0\nprint(cmp(1, 2))\n", "def cmp(a, b):\n    return 0\nprint(cmp(1, 2))\n",
         output="0\n", id="own cmp stays"),
    Case("x = obj.cmp(1)\n", "x = obj.cmp(1)\n", id="attribute stays"),
    Case("def f(cmp):\n    return cmp(1, 2)\n", "def f(cmp):\n    return cmp(1, 2)\n", id="parameter stays"),
]

test_rewrite = rewrite_tests("cmp", CASES)
test_runtime = runtime_tests(CASES)


if TOOL_PYTHON:

    def test_target_3_defines_cmp_plainly():
        result = migrate("import os\nprint(cmp(2, 1))\n", "cmp", target="3")
        assert result.source == "import os\ndef cmp(a, b):\n    return (a > b) - (a < b)\nprint(cmp(2, 1))\n"
        assert not migrate(result.source, "cmp", target="3").changed
