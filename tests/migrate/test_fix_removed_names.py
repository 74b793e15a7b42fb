"""The removed_names fixer: standard library names that Python 3 dropped."""
from casekit import TOOL_PYTHON, Case, migrate, rewrite_tests, runtime_tests

CASES = [
    Case("from pickle import _EmptyClass\n", "from pickle import _EmptyClass\n",
         review="pickle._EmptyClass is gone", id="from import of a removed name"),
    Case("from inspect import (getmembers,\n    getargspec as spec)\n",
         "from inspect import (getmembers,\n    getargspec as spec)\n",
         review="inspect.getargspec", id="parenthesised, renamed"),
    Case("import inspect\nargs = inspect.getargspec(f)\n", "import inspect\nargs = inspect.getargspec(f)\n",
         review="inspect.getargspec", id="attribute of an imported module"),
    Case("import os\nos.path.walk('.', visit, None)\n", "import os\nos.path.walk('.', visit, None)\n",
         review="os.path.walk", id="attribute of a submodule"),
    Case("from os import path\npath.walk('.', visit, None)\n", "from os import path\npath.walk('.', visit, None)\n",
         review="os.path.walk", id="submodule imported by name"),
    Case("import collections\nprint(issubclass(dict, collections.Mapping))\n",
         "import collections\nprint(issubclass(dict, collections.Mapping))\n",
         review="collections.Mapping", id="abstract classes moved to collections.abc"),
    Case("import inspect\nprint(inspect.isclass(int))\n", "import inspect\nprint(inspect.isclass(int))\n",
         output="True\n", id="a name still there stays"),
    Case("def f(inspect):\n    return inspect.getargspec\n", "def f(inspect):\n    return inspect.getargspec\n",
         id="a parameter named like the module"),
]

test_rewrite = rewrite_tests("removed_names", CASES)
test_runtime = runtime_tests(CASES)


if TOOL_PYTHON:

    def test_names_other_fixers_handle_are_not_listed_twice():
        source = "import string, os\nx = string.letters + os.getcwdu()\nfrom types import ListType\n"
        assert migrate(source, "removed_names").reviews == []

    def test_a_local_object_named_like_a_module_is_not_listed():
        assert migrate("pickle = load()\npickle._EmptyClass\n", "removed_names").reviews == []
