"""The getcwdu fixer."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case(
        "import os\nhere = os.getcwdu()\nprint(here == os.path.abspath(u'.') and type(here) is type(u''))\n",
        "import six\nimport os\nhere = six.moves.getcwd()\nprint(here == os.path.abspath(u'.') and type(here) is type(u''))\n",
        output="True\n",
    ),
    Case("import os\nprint(os.getcwd() == os.path.abspath('.'))\n", "import os\nprint(os.getcwd() == os.path.abspath('.'))\n",
         output="True\n", id="getcwd stays"),
    Case("x = fs.getcwdu()\n", "x = fs.getcwdu()\n", id="other object"),
]

test_rewrite = rewrite_tests("getcwdu", CASES)
test_runtime = runtime_tests(CASES)
