"""The py2_literals fixer: literals that hold what Python 2 did at run time."""
from casekit import TOOL_PYTHON, Case, migrate, rewrite_tests, runtime_tests

EXPECTED_JSON = '''
    class T(object):
        def setUp(self):
            self.expected_json = ('{"' + OBJECT + '": "x",'
                                  ' "name": "A name", "child": null}')
    '''
SORTED_JSON = "self.assertEqual(json.dumps(d, sort_keys=True), '{\"a\": 1, \"b\": 2}')\n"

CASES = [
    Case("if module == '__builtin__':\n    pass\n", "if module == '__builtin__':\n    pass\n",
         review="builtins", id="the builtins module by its Python 2 name"),
    Case("x = {'t': '__builtin__.object'}\n", "x = {'t': '__builtin__.object'}\n", review="builtins",
         id="a dotted name in the builtins module"),
    Case("print(sorted(set(['one', 2, 3])) == [2, 3, 'one'])\n",
         "print(sorted(set(['one', 2, 3])) == [2, 3, 'one'])\n", review="mixes str", id="sorting mixed types"),
    Case("print(sorted(['b', 'a']) + [max([3, 1])])\n", "print(sorted(['b', 'a']) + [max([3, 1])])\n",
         output="['a', 'b', 3]\n", id="one type sorts on both"),
    Case("y = \"you'll find menu'd items\"\nprint(y)\n", "y = \"you'll find menu'd items\"\nprint(y)\n",
         output="you'll find menu'd items\n", id="an apostrophe after a u in a word is not a repr"),
    Case('def f():\n    """Returns u\'x\' from __builtin__."""\n', 'def f():\n    """Returns u\'x\' from __builtin__."""\n',
         id="docstrings are prose"),
    Case("x = b'c__builtins__\\n'\n", "x = b'c__builtins__\\n'\n", id="__builtins__ is another name"),
    Case("import sys\nif sys.version_info < (3,):\n    name = '__builtin__'\nelse:\n    name = 'builtins'\nprint(name in sys.modules)\n",
         "import sys\nif sys.version_info < (3,):\n    name = '__builtin__'\nelse:\n    name = 'builtins'\nprint(name in sys.modules)\n",
         output="True\n", id="under a version test"),
    Case("import six\nif six.PY2: name = '__builtin__'\n", "import six\nif six.PY2: name = '__builtin__'\n",
         id="under a one-line version test"),
]

# test modules only: expected text in dict order
TEST_CASES = [
    ("self.assertEqual('{\"name\": \"A name\", \"child\": null}', pickled)\n", True),
    ("self.assertEqual(str(tok), 'oauth_token_secret=s&oauth_token=t')\n", True),
    ("assert out == \"{'b': 1, 'a': 2}\"\n", True),
    (EXPECTED_JSON, True),
    (SORTED_JSON, False),
    ("self.assertEqual(res, 'a=1&b=2&c=3')\n", False),
    ("client.get('/?b=1&a=2')\n", False),
    ("data = '{\"b\": 1, \"a\": 2}'\n", False),
    ("self.assertEqual(out, u'{\"things\":[{\"child\":null,\"name\":\"data\"}]}')\n", False),
    ("self.assertEqual(out, '{\"things\": [{\"name\": \"data\", \"child\": null}]}')\n", True),
    ("assert \"[u'abc', u'\\\\xc0']\" in text\n", True),
]

test_rewrite = rewrite_tests("py2_literals", CASES)
test_runtime = runtime_tests(CASES)


if TOOL_PYTHON:
    import textwrap

    import pytest

    @pytest.mark.parametrize("source,listed", TEST_CASES)
    def test_expected_text_in_dict_order_is_listed_in_test_modules(source, listed):
        source = textwrap.dedent(source.lstrip("\n"))
        result = migrate(source, "py2_literals", filename="tests/test_things.py")
        messages = [review.message for review in result.reviews]
        assert any("not sorted" in message or "repr" in message for message in messages) == listed, messages
        assert result.source == source

    def test_expected_text_outside_test_modules_is_not_listed():
        source = "self.assertEqual(str(tok), 'oauth_token_secret=s&oauth_token=t')\nx = \"[u'a']\"\n"
        assert migrate(source, "py2_literals", filename="oauth/token.py").reviews == []

    def test_a_review_names_the_first_line_of_the_statement():
        result = migrate(textwrap.dedent(EXPECTED_JSON.lstrip("\n")), "py2_literals", filename="test_x.py")
        assert [review.line for review in result.reviews] == [3]
