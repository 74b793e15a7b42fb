# migrate-tests: tool-only
"""A module read as Python 3 still loses the Python 2 names it uses.

Such a module (``--source-python 3``, or syntax only Python 3 has) skips the
Python 2 pass, whose rewrites of ``input()``, ``"\\u"`` escapes, dict views,
``map`` and ``/`` would change what Python 3 code means. The fixers marked
``python3_safe`` still run there: each starts from a builtin or module
attribute that Python 3 does not have, so in Python 3 code its match is a
leftover that raises ``NameError`` or ``AttributeError`` when it runs.
"""
import builtins
import importlib

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from migrate.engine import migrate_source
from migrate.fixes import all_fixers

SAFE = sorted(name for name, fixer in all_fixers().items() if fixer.python3_safe)


def test_some_fixers_are_marked_and_the_ambiguous_ones_are_not():
    assert {"xrange", "raw_input", "basestring", "long", "unicode", "sys_maxint", "itertools",
            "string_module", "types_module"} <= set(SAFE)
    # Python 3 code uses these names with Python 3's meaning
    assert not {"input", "dict", "map", "filter", "zip", "division", "str_escapes"} & set(SAFE)


@pytest.mark.parametrize("name", SAFE)
def test_a_safe_fixer_starts_only_from_names_python3_lacks(name):
    pairs = all_fixers()[name].python2_names()
    assert pairs
    for module, attribute in pairs:
        owner = builtins if module == "builtins" else importlib.import_module(module)
        assert not hasattr(owner, attribute), "%s.%s exists on Python 3" % (module, attribute)


REWRITTEN = [
    ("for i in xrange(3):\n    pass\n", "for i in range(3):\n    pass\n"),
    ("x = raw_input('? ')\n", "x = input('? ')\n"),
    ("ok = isinstance(s, basestring)\n", "ok = isinstance(s, str)\n"),
    ("n = long(s)\n", "n = int(s)\n"),
    ("c = unichr(233)\n", "c = chr(233)\n"),
    ("import sys\nm = sys.maxint\n", "import sys\nm = sys.maxsize\n"),
    ("import itertools\np = list(itertools.izip(a, b))\n", "import itertools\np = list(zip(a, b))\n"),
    ("import os\nd = os.getcwdu()\n", "import os\nd = os.getcwd()\n"),
    ("r = reduce(f, xs)\n", "import functools\nr = functools.reduce(f, xs)\n"),
    ("u = unicode(x)\nok = isinstance(x, unicode)\n", "u = str(x)\nok = isinstance(x, str)\n"),
    ("class Failed(StandardError):\n    pass\n",
     "StandardError = Exception\nclass Failed(StandardError):\n    pass\n"),
    ("r = cmp(a, b)\n", "def cmp(a, b):\n    return (a > b) - (a < b)\nr = cmp(a, b)\n"),
    ("import string\nl = string.letters\n", "import string\nl = string.ascii_letters\n"),
    ("import string\nu = string.upper(s)\n", "import string\nu = s.upper()\n"),
    ("import types\nok = isinstance(x, types.StringTypes)\n", "import types\nok = isinstance(x, str)\n"),
    ("import types\nok = type(x) is types.IntType\n", "import types\nok = type(x) is int\n"),
]


@pytest.mark.parametrize(("before", "after"), REWRITTEN)
def test_python2_names_in_a_module_read_as_python3_are_rewritten(before, after):
    result = migrate_source(before, target="3", source_python=3)
    assert result.source == after
    # and the result is final: a second run changes nothing
    assert not migrate_source(result.source, target="3", source_python=3).changed


@pytest.mark.parametrize(("before", "after"), REWRITTEN)
@pytest.mark.parametrize("target", ["3", "flask3"])
def test_they_come_out_as_from_a_python2_reading(before, after, target):
    # these lines mean the same read either way: so must their rewrites
    read_as_python3 = migrate_source(before, target=target, source_python=3)
    assert read_as_python3.source == migrate_source(before, target=target).source
    assert read_as_python3.changed


def test_a_module_with_python3_syntax_gets_them_too_by_default():
    before = "for i in xrange(n):\n    print(f'{i}')\n"
    assert migrate_source(before, target="3").source == "for i in range(n):\n    print(f'{i}')\n"


KEPT = [
    # bound in the module: not the builtin
    "xrange = range\nfor i in xrange(3):\n    pass\n",
    "def parse(long):\n    return long + 1\n",
    "class Box:\n    def unichr(self):\n        return self.unichr\n",
    # Python 3's meaning, which the Python 2 pass would change
    "answer = input('? ')\n",
    "keys = d.keys()\n",
    "doubled = map(double, xs)\n",
    "text = '\\u00e9'\n",
    "half = n / 2\n",
    # a method of the object's own class on Python 3: left alone
    "pairs = d.iteritems()\n",
    # attributes Python 3's module has too (types' since 3.10)
    "import string\ngap = string.whitespace\n",
    "from string import whitespace\n",
    "import types\nnothing = types.NoneType\n",
    "from types import EllipsisType, NoneType\n",
]


@pytest.mark.parametrize("source", KEPT)
def test_what_python3_code_means_is_kept(source):
    result = migrate_source(source, target="3", source_python=3)
    assert result.source == source
    assert not result.changed
    assert result.reviews == []


def test_attributes_python3_still_has_are_left_out_of_the_python2_names():
    fixers = all_fixers()
    assert ("types", "NoneType") not in fixers["types_module"].python2_names()
    assert ("types", "StringTypes") in fixers["types_module"].python2_names()
    assert ("string", "whitespace") not in fixers["string_module"].python2_names()
    # in code for 2.7 as well, string.whitespace still gets Python 2's order
    assert migrate_source("import string\ngap = string.whitespace\n").changed


def test_a_python2_module_is_still_read_as_python2_by_default():
    # the same text read as Python 2 (the default): input() evaluates
    assert migrate_source("answer = input('? ')\n", target="3").source == (
        "answer = eval(input('? '))\n"
    )


# Statements of a module read as Python 3: (as written, as it must come out).
STATEMENTS = [
    ("for i in xrange(n):\n    total += i\n", "for i in range(n):\n    total += i\n"),
    ("name = raw_input('? ')\n", "name = input('? ')\n"),
    ("ok = isinstance(v, basestring)\n", "ok = isinstance(v, str)\n"),
    ("big = long(v)\n", "big = int(v)\n"),
    ("top = sys.maxint\n", "top = sys.maxsize\n"),
    ("c = unichr(v)\n", "c = chr(v)\n"),
    ("t = unicode(v)\n", "t = str(v)\n"),
    ("answer = input('? ')\n", None),
    ("keys = d.keys()\n", None),
    ("pairs = d.iteritems()\n", None),
    ("doubled = map(double, xs)\n", None),
    ("half = n / 2\n", None),
    ("text = '\\u00e9'\n", None),
    ("total = sum(range(n))\n", None),
]


@given(st.lists(st.sampled_from(STATEMENTS), min_size=1, max_size=8))
@settings(max_examples=60, deadline=None)
def test_each_statement_is_rewritten_or_kept_as_python3_means_it(chosen):
    before = "import sys\n" + "".join(written for written, _ in chosen)
    expected = "import sys\n" + "".join(
        written if wanted is None else wanted for written, wanted in chosen
    )
    result = migrate_source(before, target="3", source_python=3)
    assert result.source == expected
    compile(result.source, "<migrated>", "exec")
    assert not migrate_source(result.source, target="3", source_python=3).changed
