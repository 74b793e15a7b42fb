"""next_method: def next -> __next__ (+ alias), .next() on known iterators -> next()."""
from casekit import Case, rewrite_tests, runtime_tests

_COUNTER = """class Counter(object):
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def next(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n
"""
_COUNTER_AFTER = """class Counter(object):
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n
    next = __next__
"""

CASES = [
    Case(
        "class Page(object):\n    def next(self, count):\n        return count + 1\n"
        "print(Page().next(1))\n",
        "class Page(object):\n    def next(self, count):\n        return count + 1\n"
        "print(Page().next(1))\n",
        output="2\n",
        id="next with arguments is not the protocol",
    ),
    Case(
        "it = iter([1, 2])\nprint(next(it))\n", "it = iter([1, 2])\nprint(next(it))\n",
        output="1\n", id="already next()",
    ),
    # An object the module cannot vouch for, by name: it is asked at run
    # time (its own next where it has one, as every 2.7 iterator and
    # dateutil 1.5's rrule items do; next() for a 3.x iterator)
    Case(
        "class Item(object):\n    def next(self, step=1):\n        return 'own'\n"
        "def first(items):\n    return items.next()\nprint(first(iter([4, 5])))\nprint(first(Item()))\n",
        "class Item(object):\n    def next(self, step=1):\n        return 'own'\n"
        "def first(items):\n    return items.next() if hasattr(items, 'next') else next(items)\n"
        "print(first(iter([4, 5])))\nprint(first(Item()))\n",
        output="4\nown\n", id="named receiver asked",
    ),
    Case(
        "print(unknown[0].next())\n", "print(unknown[0].next())\n",
        review="use next(unknown[0]) if it is an iterator", id="unknown receiver reviewed",
    ),
    Case(
        "def f(hasattr, it):\n    return it.next()\n", "def f(hasattr, it):\n    return it.next()\n",
        review="if it is an iterator", id="hasattr rebound reviewed",
    ),
    Case(
        "def f(next, it):\n    return it.next()\n", "def f(next, it):\n    return it.next()\n",
        review="local name 'next'", id="shadowed next reviewed",
    ),
    Case(
        _COUNTER + "print(list(Counter()))\nc = Counter()\nprint(c.next())\n",
        _COUNTER_AFTER + "print(list(Counter()))\nc = Counter()\nprint(next(c))\n",
        output="[1, 2]\n1\n",
        id="iterator class and its call sites",
    ),
    Case(
        _COUNTER + "print(Counter().next())\n",
        _COUNTER_AFTER + "print(next(Counter()))\n",
        output="1\n",
        id="call on a fresh instance",
    ),
    Case(
        """
        import itertools
        def gen():
            yield 'g'
        it = iter([1, 2])
        print(it.next())
        print(gen().next())
        print((x for x in 'ab').next())
        print(itertools.count(5).next())
        print(enumerate('z').next())
        """,
        """
        import itertools
        def gen():
            yield 'g'
        it = iter([1, 2])
        print(next(it))
        print(next(gen()))
        print(next((x for x in 'ab')))
        print(next(itertools.count(5)))
        print(next(enumerate('z')))
        """,
        output="1\ng\na\n5\n(0, 'z')\n",
        id="builtin iterators",
    ),
    Case(
        """
        def first_two(items):
            it = iter(items)
            return it.next(), it.next()
        print(first_two('xyz'))
        """,
        """
        def first_two(items):
            it = iter(items)
            return next(it), next(it)
        print(first_two('xyz'))
        """,
        output="('x', 'y')\n",
        id="local iterator name",
    ),
]

CASES.append(Case(
    """
    class Scanner:
        def __init__(self, items):
            self.items = list(items)
        def next(self):
            if not self.items:
                return None
            return self.items.pop(0)
        def skip(self):
            return self.next()
    s = Scanner('ab')
    print(s.skip())
    """,
    """
    class Scanner:
        def __init__(self, items):
            self.items = list(items)
        def __next__(self):
            if not self.items:
                return None
            return self.items.pop(0)
        next = __next__
        def skip(self):
            return next(self)
    s = Scanner('ab')
    print(s.skip())
    """,
    output="a\n",
    id="self.next() in a class without __iter__, nested blocks",
))

CASES.append(Case(
    """
    import six
    import csv
    pairs = six.iteritems({'k': 'v'})
    print(pairs.next())
    print(six.moves.zip('a', 'b').next())
    print(csv.reader(['x,y']).next())
    """,
    """
    import six
    import csv
    pairs = six.iteritems({'k': 'v'})
    print(next(pairs))
    print(next(six.moves.zip('a', 'b')))
    print(next(csv.reader(['x,y'])))
    """,
    output="('k', 'v')\n('a', 'b')\n['x', 'y']\n",
    id="six and csv iterators",
))

CASES.append(Case(
    """
    import re
    print(re.compile('a+').finditer('xaay').next().group())
    """,
    """
    import re
    print(next(re.compile('a+').finditer('xaay')).group())
    """,
    output="aa\n",
    id="iterator methods",
))

CASES.append(Case(
    """
    class Pairs(dict):
        def iteritems(self):
            return iter(sorted(self.items()))
    d = Pairs(k=1)
    print(d.iteritems().next())
    """,
    """
    class Pairs(dict):
        def iteritems(self):
            return iter(sorted(self.items()))
    d = Pairs(k=1)
    print(next(d.iteritems()))
    """,
    output="('k', 1)\n",
    id="dict iterator method",
))
# A bound .next of a known iterator, passed around as a callable (dateutil's
# rrule does this): functools.partial(next, it) works on both.
CASES += [
    Case("items = [1, 2]\nget = iter(items).next\nprint(get())\nprint(get())\n",
         "import functools\nitems = [1, 2]\nget = functools.partial(next, iter(items))\n"
         "print(get())\nprint(get())\n",
         output="1\n2\n", id="bound next of iter()"),
    Case("getters = [iter(x).next for x in [[1], [2]]]\nprint(getters[1]())\n",
         "import functools\ngetters = [functools.partial(next, iter(x)) for x in [[1], [2]]]\n"
         "print(getters[1]())\n",
         output="2\n", id="bound next in a comprehension"),
    Case("node.next = other.next\n", "node.next = other.next\n", id="next attribute of other objects"),
]

test_rewrite = rewrite_tests("next_method", CASES)
test_runtime = runtime_tests(CASES)
