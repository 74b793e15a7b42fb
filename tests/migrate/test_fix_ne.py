"""The ne fixer: <> -> !=."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case("print(1 <> 2)\n", "print(1 != 2)\n", output="True\n"),
    Case("a = 'x'\nif a<>'y':\n    print('differs')\n", "a = 'x'\nif a!='y':\n    print('differs')\n",
         output="differs\n", id="no spaces"),
    Case("print(3 != 3)\n", "print(3 != 3)\n", output="False\n", id="already !="),
    Case("s = '<>'\nprint(s)\n", "s = '<>'\nprint(s)\n", output="<>\n", id="inside a string"),
]

test_rewrite = rewrite_tests("ne", CASES)
test_runtime = runtime_tests(CASES)
