"""The sys_exc fixer."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case(
        "import sys\ntry:\n    {}['k']\nexcept KeyError:\n"
        "    print('%s %r %s' % (sys.exc_type.__name__, sys.exc_value.args, sys.exc_traceback is not None))\n",
        "import sys\ntry:\n    {}['k']\nexcept KeyError:\n"
        "    print('%s %r %s' % (sys.exc_info()[0].__name__, sys.exc_info()[1].args, sys.exc_info()[2] is not None))\n",
        output="KeyError ('k',) True\n",
    ),
    Case("import sys\nsys.exc_clear()\n", "import sys\nsys.exc_clear()\n", review="exc_clear", id="exc_clear reviewed"),
    Case("print(state.exc_type)\n", "print(state.exc_type)\n", id="other object"),
]

test_rewrite = rewrite_tests("sys_exc", CASES)
test_runtime = runtime_tests(CASES)
