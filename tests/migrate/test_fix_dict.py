"""The dict fixer: iterator/view methods and list results."""
from casekit import TOOL_PYTHON, Case, migrate, rewrite_tests, runtime_tests

D = "d = {'a': 1}\n"

CASES = [
    Case(
        D + "for k, v in d.iteritems():\n    print('%s=%s' % (k, v))\n",
        "import six\n" + D + "for k, v in six.iteritems(d):\n    print('%s=%s' % (k, v))\n",
        output="a=1\n",
    ),
    Case(
        D + "print(sorted(d.iterkeys()) + list(d.itervalues()))\n",
        "import six\n" + D + "print(sorted(six.iterkeys(d)) + list(six.itervalues(d)))\n",
        output="['a', 1]\n",
        id="iterkeys and itervalues",
    ),
    Case(
        D + "it = d.iteritems()\nprint(next(it))\n",
        "import six\n" + D + "it = six.iteritems(d)\nprint(next(it))\n",
        output="('a', 1)\n",
        id="an iterator on both",
    ),
    Case(
        D + "e = {'a': 2, 'b': 3}\nprint(sorted(d.viewkeys() & e.viewkeys()))\n",
        "import six\n" + D + "e = {'a': 2, 'b': 3}\nprint(sorted(six.viewkeys(d) & six.viewkeys(e)))\n",
        output="['a']\n",
        id="view set operations",
    ),
    Case(D + "print(d.keys()[0])\n", D + "print(list(d.keys())[0])\n", output="a\n", id="indexing keys"),
    Case(D + "print(d.items()[0][1])\n", D + "print(list(d.items())[0][1])\n", output="1\n", id="indexing items"),
    Case(
        D + "keys = d.keys()\nkeys.append('z')\nprint(keys)\n",
        D + "keys = list(d.keys())\nkeys.append('z')\nprint(keys)\n",
        output="['a', 'z']\n",
        id="stored list is mutated",
    ),
    Case(
        D + "for k in d.keys():\n    del d[k]\nprint(d)\n",
        D + "for k in list(d.keys()):\n    del d[k]\nprint(d)\n",
        output="{}\n",
        id="dict mutated in the loop",
    ),
    Case(
        D + "for k in d.keys():\n    d.pop(k)\nprint(d)\n",
        D + "for k in list(d.keys()):\n    d.pop(k)\nprint(d)\n",
        output="{}\n",
        id="pop in the loop",
    ),
    Case(
        "class C(object):\n    def __init__(self):\n        self.data = {'a': 1, 'b': 2}\n"
        "    def drop(self):\n        for k in self.data.keys():\n            self.data.pop(k)\n"
        "        for k, v in self.data.items():\n            self.data[k + k] = v\n"
        "c = C()\nc.drop()\nprint(c.data)\n",
        "class C(object):\n    def __init__(self):\n        self.data = {'a': 1, 'b': 2}\n"
        "    def drop(self):\n        for k in list(self.data.keys()):\n            self.data.pop(k)\n"
        "        for k, v in list(self.data.items()):\n            self.data[k + k] = v\n"
        "c = C()\nc.drop()\nprint(c.data)\n",
        output="{}\n",
        id="attribute dict mutated in the loop",
    ),
    Case(
        D + "for k, v in d.items():\n    d[k + k] = v\nprint(sorted(d.items()))\n",
        D + "for k, v in list(d.items()):\n    d[k + k] = v\nprint(sorted(d.items()))\n",
        output="[('a', 1), ('aa', 1)]\n",
        id="keys added in the loop",
    ),
    Case(
        D + "for k in d.keys():\n    print(k)\n",
        D + "for k in d.keys():\n    print(k)\n",
        output="a\n",
        id="plain loop stays",
    ),
    Case(
        D + "print(list(reversed(d.keys())))\n",
        D + "print(list(reversed(list(d.keys()))))\n",
        output="['a']\n",
        id="reversed needs the list (a view only from 3.8)",
    ),
    Case(
        D + "print([k for k in d.values()] + sorted(d.keys()) + list(d.items()))\n"
        "print('a' in d.keys() and 'b' not in d.keys() and len(d.items()) == 1)\n"
        "print(', '.join(d.keys()))\n",
        D + "print([k for k in d.values()] + sorted(d.keys()) + list(d.items()))\n"
        "print('a' in d.keys() and 'b' not in d.keys() and len(d.items()) == 1)\n"
        "print(', '.join(d.keys()))\n",
        output="[1, 'a', ('a', 1)]\nTrue\na\n",
        id="iteration contexts stay",
    ),
    Case("from werkzeug.datastructures import MultiDict\nform = MultiDict([('a', 1), ('a', 2)])\n"
         "print(sorted(form.iteritems(multi=True)))\n",
         "import six\nfrom werkzeug.datastructures import MultiDict\nform = MultiDict([('a', 1), ('a', 2)])\n"
         "print(sorted(six.iteritems(form, multi=True)))\n",
         output="[('a', 1), ('a', 2)]\n", id="keyword arguments pass through"),
    Case("x = obj.iteritems(1)\n", "x = obj.iteritems(1)\n", review="positional", id="positional argument"),
    Case(
        "class C(object):\n    def iteritems(self):\n        return iter([])\n"
        "    def items(self):\n        return list(self.iteritems())\n",
        "class C(object):\n    def iteritems(self):\n        return iter([])\n"
        "    def items(self):\n        return list(self.iteritems())\n",
        review="rename the methods",
        id="self recursion guarded",
    ),
    Case("def f(list, d):\n    return d.keys()\n", "def f(list, d):\n    return d.keys()\n",
         review="list is rebound", id="shadowed list"),
    Case("x = six.iteritems(d)\n", "x = six.iteritems(d)\n", id="six already"),
    Case(D + "ks = d.keys()\nks.sort()\nprint(ks)\nprint(d.keys().index('a'))\n",
         D + "ks = list(d.keys())\nks.sort()\nprint(ks)\nprint(list(d.keys()).index('a'))\n",
         output="['a']\n0\n", id="list methods"),
    Case("rows = Entry.objects.values().filter(x=1)\n", "rows = Entry.objects.values().filter(x=1)\n",
         id="not a dict: no list method follows"),
    Case("x = cfg.keys(section)\n", "x = cfg.keys(section)\n", id="keys with arguments stays"),
]

test_rewrite = rewrite_tests("dict", CASES)
test_runtime = runtime_tests(CASES)


if TOOL_PYTHON:

    def test_own_output_is_not_reported_again():
        # six.iteritems(d) is what the fixer writes: a second run over it is clean
        first = migrate(D + "for k, v in d.iteritems():\n    print(k)\n", "dict")
        again = migrate(first.source, "dict")
        assert "six.iteritems(d)" in first.source
        assert (again.changed, again.reviews) == (False, [])
