"""The setdefaultencoding fixer: reported, never rewritten."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case("import sys\nreload(sys)\nsys.setdefaultencoding('utf-8')\n",
         "import sys\nreload(sys)\nsys.setdefaultencoding('utf-8')\n", review="encode/decode explicitly"),
    Case("import sys\nprint(sys.getdefaultencoding() in ('ascii', 'utf-8'))\n",
         "import sys\nprint(sys.getdefaultencoding() in ('ascii', 'utf-8'))\n", output="True\n",
         id="getdefaultencoding stays"),
]

test_rewrite = rewrite_tests("setdefaultencoding", CASES)
test_runtime = runtime_tests(CASES)
