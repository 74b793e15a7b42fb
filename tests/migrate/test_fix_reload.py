"""The reload fixer: reload -> six.moves.reload_module."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case(
        "import json\nprint(reload(json) is json)\n",
        "import six\nimport json\nprint(six.moves.reload_module(json) is json)\n",
        output="True\n",
    ),
    Case("from imp import reload\nreload(x)\n", "from imp import reload\nreload(x)\n", id="imported name stays"),
    Case("self.reload()\n", "self.reload()\n", id="method stays"),
    Case(
        "class C(object):\n    def reload(self):\n        return 1\nprint(C().reload())\n",
        "class C(object):\n    def reload(self):\n        return 1\nprint(C().reload())\n",
        output="1\n",
        id="method definition stays",
    ),
]

test_rewrite = rewrite_tests("reload", CASES)
test_runtime = runtime_tests(CASES)
