"""The basestring fixer."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case(
        "print([isinstance('a', basestring), isinstance(u'b', basestring), isinstance(1, basestring)])\n",
        "import six\nprint([isinstance('a', six.string_types), isinstance(u'b', six.string_types), "
        "isinstance(1, six.string_types)])\n",
        output="[True, True, False]\n",
    ),
    Case(
        "print([isinstance(v, basestring) for v in ('a', u'b', 1)])\n",
        "import six\nprint([isinstance(v, six.string_types) for v in ('a', u'b', 1)])\n",
        output="[True, True, False]\n",
        id="isinstance",
    ),
    Case(
        "print([isinstance(v, (basestring, int)) for v in ('a', 2, 1.5)])\n",
        "import six\nprint([isinstance(v, (six.string_types, int)) for v in ('a', 2, 1.5)])\n",
        output="[True, True, False]\n",
        id="inside a tuple",
    ),
    Case("print(issubclass(str, basestring))\n", "import six\nprint(issubclass(str, six.string_types))\n",
         output="True\n", id="issubclass"),
    Case("t = basestring\n", "t = basestring\n", review="outside isinstance", id="other use reviewed"),
    Case("def f(basestring):\n    return isinstance(1, basestring)\n",
         "def f(basestring):\n    return isinstance(1, basestring)\n", id="parameter stays"),
    Case("x = compat.basestring\n", "x = compat.basestring\n", id="attribute stays"),
]

test_rewrite = rewrite_tests("basestring", CASES)
test_runtime = runtime_tests(CASES)
