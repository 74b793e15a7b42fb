"""The except fixer: except E, e -> except E as e."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case(
        "try:\n    int('x')\nexcept ValueError, e:\n    print(type(e).__name__)\n",
        "try:\n    int('x')\nexcept ValueError as e:\n    print(type(e).__name__)\n",
        output="ValueError\n",
    ),
    Case(
        "try:\n    {}['k']\nexcept (KeyError, IndexError), err:  # note\n    print(repr(err.args[0]))\n",
        "try:\n    {}['k']\nexcept (KeyError, IndexError) as err:  # note\n    print(repr(err.args[0]))\n",
        output="'k'\n",
        id="tuple of classes",
    ),
    Case(
        "try:\n    pass\nexcept ValueError,e:\n    pass\n",
        "try:\n    pass\nexcept ValueError as e:\n    pass\n",
        output="",
        id="no space after comma",
    ),
    Case(
        "try:\n    1 / 0\nexcept ZeroDivisionError:\n    print('zero')\nexcept Exception as e:\n    pass\n",
        "try:\n    1 / 0\nexcept ZeroDivisionError:\n    print('zero')\nexcept Exception as e:\n    pass\n",
        output="zero\n",
        id="already fine",
    ),
    Case(
        "try:\n    pass\nexcept ValueError, (code, message):\n    pass\n",
        "try:\n    pass\nexcept ValueError, (code, message):\n    pass\n",
        review="unpack",
        id="tuple target needs review",
    ),
]

test_rewrite = rewrite_tests("except", CASES)
test_runtime = runtime_tests(CASES)
