"""The has_key fixer: d.has_key(k) -> k in d."""
from casekit import Case, rewrite_tests, runtime_tests

D = "d = {'a': 1}\n"
TAG = (
    "d = {'a': 1}\n"
    "class Tag(object):\n"
    "    def has_key(self, key):\n"
    "        return key == 'attr'\n"
    "    def __contains__(self, item):\n"
    "        return False\n"
)

CASES = [
    Case(D + "print(d.has_key('a'))\n", D + "print('a' in d)\n", output="True\n"),
    Case(D + "if not d.has_key('b'):\n    print('missing')\n", D + "if 'b' not in d:\n    print('missing')\n",
         output="missing\n", id="negated"),
    Case(D + "print(d.has_key('a') == True)\n", D + "print(('a' in d) == True)\n", output="True\n",
         id="inside a comparison"),
    Case(D + "print(1 + d.has_key('a'))\n", D + "print(1 + ('a' in d))\n", output="2\n", id="arithmetic"),
    Case(D + "x = None\nprint(d.has_key(x or 'a'))\n", D + "x = None\nprint((x or 'a') in d)\n", output="True\n",
         id="loose key"),
    Case(D + "class O(object):\n    m = d\nprint(O().m.has_key('a') and O.m.has_key('a'))\n",
         D + "class O(object):\n    m = d\nprint('a' in O().m and 'a' in O.m)\n", output="True\n",
         id="attribute objects"),
    Case("x = obj.has_key\n", "x = obj.has_key\n", id="not called"),
    Case("x = obj.has_key(a, b)\n", "x = obj.has_key(a, b)\n", id="two arguments"),
    Case(D + "print('a' in d)\n", D + "print('a' in d)\n", output="True\n", id="already in"),
    # BeautifulSoup 3's Tag.has_key looks at attributes, its `in` at
    # children: where the code defines has_key, a call may not be a dict's
    Case(TAG + "print(Tag().has_key('attr'))\n", TAG + "print(Tag().has_key('attr'))\n",
         output="True\n", id="the module defines has_key", review="defines its own has_key"),
    # ...but a named object's call can ask the object: has_key where it has
    # one (every dict on 2.7, the project's own classes), ``in`` where not
    # (a dict on 3.x; ZConfig 2.9 defines has_key and calls it on dicts)
    Case(TAG + "print(d.has_key('a'))\n",
         TAG + "print(d.has_key('a') if hasattr(d, 'has_key') else 'a' in d)\n",
         output="True\n", id="a named object where the module defines has_key"),
    Case(TAG + "t = Tag()\nif not t.has_key('attr'):\n    print('no')\nelse:\n    print(t.has_key('x'))\n",
         TAG + "t = Tag()\nif not (t.has_key('attr') if hasattr(t, 'has_key') else 'attr' in t):\n"
         "    print('no')\nelse:\n    print(t.has_key('x') if hasattr(t, 'has_key') else 'x' in t)\n",
         output="False\n", id="the project's own has_key stays in use"),
    Case(TAG + "def f(hasattr):\n    return d.has_key('a')\n", TAG + "def f(hasattr):\n    return d.has_key('a')\n",
         id="hasattr rebound", review="defines its own has_key"),
]

test_rewrite = rewrite_tests("has_key", CASES)
test_runtime = runtime_tests(CASES)
