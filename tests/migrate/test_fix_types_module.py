"""The types_module fixer."""
from casekit import TOOL_PYTHON, Case, migrate, rewrite_tests, runtime_tests

CASES = [
    Case(
        "import types\nprint([isinstance(v, types.IntType) for v in (1, 'a')] + [type({}) is types.DictType])\n",
        "import types\nprint([isinstance(v, int) for v in (1, 'a')] + [type({}) is dict])\n",
        output="[True, False, True]\n",
    ),
    Case(
        "import types\nprint([isinstance(v, types.StringTypes) for v in ('a', u'b', 1)])\n",
        "import six\nimport types\nprint([isinstance(v, six.string_types) for v in ('a', u'b', 1)])\n",
        output="[True, True, False]\n",
        id="string types",
    ),
    # six.string_types is (basestring,) on 2.7: right for isinstance, but
    # ``type(k) in types.StringTypes`` (jsonpickle 0.4) needs both classes.
    Case(
        "import types\nprint([type(v) in types.StringTypes for v in ('a', u'b', 1)])\n",
        "import six\nimport types\nprint([type(v) in (str, six.text_type) for v in ('a', u'b', 1)])\n",
        output="[True, True, False]\n",
        id="string types outside isinstance: both classes",
    ),
    Case("import types\nprint(type(None) is types.NoneType)\n", "import types\nprint(type(None) is type(None))\n",
         output="True\n", id="NoneType"),
    Case("import types\nok = isinstance(x, types.StringType)\n", "import types\nok = isinstance(x, types.StringType)\n",
         review="six.binary_type", id="StringType reviewed"),
    Case("import types\nf = types.FunctionType\n", "import types\nf = types.FunctionType\n", id="existing names stay"),
    Case("def f(list):\n    import types\n    return types.ListType\n",
         "def f(list):\n    import types\n    return types.ListType\n", review="list is rebound", id="shadowed builtin"),
    Case("def f(str):\n    import types\n    return types.StringTypes\n",
         "def f(str):\n    import types\n    return types.StringTypes\n", review="str is rebound",
         id="string types, str rebound"),
]

# A from-import of builtin aliases becomes assignments (oauth2's tests import
# ListType): the names keep their value on 2.7 and exist on 3.x.
CASES += [
    Case("from types import ListType, DictType as DT\nprint(isinstance([], ListType) and DT is dict)\n",
         "ListType = list\nDT = dict\nprint(isinstance([], ListType) and DT is dict)\n",
         output="True\n", id="from-import of builtin aliases"),
    Case("from types import (NoneType,\n    IntType)\nprint(NoneType is type(None) and IntType is int)\n",
         "NoneType = type(None)\nIntType = int\nprint(NoneType is type(None) and IntType is int)\n",
         output="True\n", id="parenthesized from-import"),
    Case("from types import ListType, StringType\n", "from types import ListType, StringType\n",
         review="from types import StringType", id="from-import with a name left for review"),
    Case("from types import UnicodeType\n", "from types import UnicodeType\n",
         review="use six.text_type instead", id="from-import of a six name"),
]

test_rewrite = rewrite_tests("types_module", CASES)
test_runtime = runtime_tests(CASES)


if TOOL_PYTHON:

    def test_target_3_long_type_is_int():
        result = migrate("import types\nok = type(n) is types.LongType\n", "types_module", target="3")
        assert result.source == "import types\nok = type(n) is int\n"
