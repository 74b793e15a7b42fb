"""The standard_error fixer."""
from casekit import Case, rewrite_tests, runtime_tests

BLOCK = "try:\n    StandardError\nexcept NameError:\n    StandardError = Exception\n"

CASES = [
    Case(
        "class AppError(StandardError):\n    pass\ntry:\n    raise AppError('x')\nexcept StandardError as e:\n"
        "    print(type(e).__name__)\n",
        BLOCK + "class AppError(StandardError):\n    pass\ntry:\n    raise AppError('x')\nexcept StandardError as e:\n"
        "    print(type(e).__name__)\n",
        output="AppError\n",
    ),
    Case(
        "import os\ntry:\n    int('z')\nexcept StandardError:\n    print('caught')\n",
        "import os\n" + BLOCK + "try:\n    int('z')\nexcept StandardError:\n    print('caught')\n",
        output="caught\n",
        id="after the imports",
    ),
    Case("x = errors.StandardError\n", "x = errors.StandardError\n", id="attribute stays"),
    Case("from compat import StandardError\n", "from compat import StandardError\n", id="imported name stays"),
]

test_rewrite = rewrite_tests("standard_error", CASES)
test_runtime = runtime_tests(CASES)
