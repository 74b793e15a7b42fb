"""The async_names fixer: reported, never rewritten."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case("def fetch(url, async=False):\n    return async\n", "def fetch(url, async=False):\n    return async\n",
         review="'async' is a keyword"),
    Case("await = 1\n", "await = 1\n", review="'await' is a keyword", id="await"),
    Case("print(len('async'))\n", "print(len('async'))\n", output="5\n", id="in a string"),
]

test_rewrite = rewrite_tests("async_names", CASES)
test_runtime = runtime_tests(CASES)
