"""bool_fallback: the pre-2.3 ``True, False = 1, 0`` fallback."""
from casekit import Case, rewrite_tests, runtime_tests

# path.py 2.2 still carries the fallback of Python 2.2, whose assignment is a
# syntax error on Python 3: 2.7 always has the booleans, so it goes.
CASES = [
    Case(
        "import os\n\n# Pre-2.3 workaround for booleans\ntry:\n    True, False\nexcept NameError:\n"
        "    True, False = 1, 0\n\nprint(True is not False)\n",
        "import os\n\n# Pre-2.3 workaround for booleans\n\nprint(True is not False)\n",
        output="True\n",
        id="fallback removed",
    ),
    Case(
        "def f():\n    try:\n        True\n    except NameError:\n        True = 1\n        False = 0\n"
        "print(f())\n",
        "def f():\n    pass\nprint(f())\n",
        output="None\n",
        id="only statement of a block",
    ),
    Case("print(True)\n", "print(True)\n", output="True\n", id="no fallback"),
    Case("try:\n    True\nexcept NameError:\n    True = 1\n    ready = 1\n",
         "try:\n    True\nexcept NameError:\n    True = 1\n    ready = 1\n",
         review="True/False", id="other statements reviewed"),
    Case("True, False = 1, 0\n", "True, False = 1, 0\n", review="True/False", id="bare assignment reviewed"),
]

test_rewrite = rewrite_tests("bool_fallback", CASES)
test_runtime = runtime_tests(CASES)
