"""cmp_method: __cmp__ -> rich comparisons defined through __cmp__."""
from casekit import Case, rewrite_tests, runtime_tests

_USE = """a, b = Version(1), Version(2)
print([a < b, a <= b, a > b, a >= b, a == Version(1), a != b])
print(sorted([Version(3), a, b]) == [a, b, Version(3)])
"""

CASES = [
    Case(
        "class A(object):\n    def __lt__(self, other):\n        return True\nprint(A() < A())\n",
        "class A(object):\n    def __lt__(self, other):\n        return True\nprint(A() < A())\n",
        output="True\n",
        id="no __cmp__",
    ),
    Case(
        """
        class Version(object):
            def __init__(self, number):
                self.number = number

            def __cmp__(self, other):
                return (self.number > other.number) - (self.number < other.number)

            def __repr__(self):
                return 'V%d' % self.number
        """ + _USE.replace("\n", "\n        ") + "\n",
        """
        class Version(object):
            def __init__(self, number):
                self.number = number

            def __cmp__(self, other):
                return (self.number > other.number) - (self.number < other.number)
            def __eq__(self, other):
                return self.__cmp__(other) == 0
            def __ne__(self, other):
                return self.__cmp__(other) != 0
            def __lt__(self, other):
                return self.__cmp__(other) < 0
            def __le__(self, other):
                return self.__cmp__(other) <= 0
            def __gt__(self, other):
                return self.__cmp__(other) > 0
            def __ge__(self, other):
                return self.__cmp__(other) >= 0
            __hash__ = object.__hash__

            def __repr__(self):
                return 'V%d' % self.number
        """ + _USE.replace("\n", "\n        ") + "\n",
        output="[True, True, False, False, True, True]\nTrue\n",
        id="all six added, hash kept",
    ),
    Case(
        """
        class Version:
            def __init__(self, number):
                self.number = number
            def __cmp__(self, other): return (self.number > other.number) - (self.number < other.number)
            def __eq__(self, other):
                return self.number == other.number
        """ + _USE.replace("\n", "\n        ") + "\n",
        """
        class Version:
            def __init__(self, number):
                self.number = number
            def __cmp__(self, other): return (self.number > other.number) - (self.number < other.number)
            def __ne__(self, other):
                return self.__cmp__(other) != 0
            def __lt__(self, other):
                return self.__cmp__(other) < 0
            def __le__(self, other):
                return self.__cmp__(other) <= 0
            def __gt__(self, other):
                return self.__cmp__(other) > 0
            def __ge__(self, other):
                return self.__cmp__(other) >= 0
            def __eq__(self, other):
                return self.number == other.number
        """ + _USE.replace("\n", "\n        ") + "\n",
        output="[True, True, False, False, True, True]\nTrue\n",
        id="own __eq__ kept, one-line __cmp__",
    ),
    Case(
        "class B(Base):\n    def __cmp__(self, other):\n        return 0\n",
        "class B(Base):\n    def __cmp__(self, other):\n        return 0\n"
        "    def __eq__(self, other):\n        return self.__cmp__(other) == 0\n"
        "    def __ne__(self, other):\n        return self.__cmp__(other) != 0\n"
        "    def __lt__(self, other):\n        return self.__cmp__(other) < 0\n"
        "    def __le__(self, other):\n        return self.__cmp__(other) <= 0\n"
        "    def __gt__(self, other):\n        return self.__cmp__(other) > 0\n"
        "    def __ge__(self, other):\n        return self.__cmp__(other) >= 0\n",
        review="unhashable",
        id="hash reviewed for other bases",
    ),
]

CASES.append(Case(
    """
    class Box(object):
        def __init__(self, items):
            self.items = items
        def __cmp__(self, other):
            if isinstance(other, Box):
                return (self.items > other.items) - (self.items < other.items)
            else:
                return -1
        size = 3
    print([Box([1]) < Box([2]), Box([1]) == [1], Box.size])
    """,
    """
    class Box(object):
        def __init__(self, items):
            self.items = items
        def __cmp__(self, other):
            if isinstance(other, Box):
                return (self.items > other.items) - (self.items < other.items)
            else:
                return -1
        def __eq__(self, other):
            return self.__cmp__(other) == 0
        def __ne__(self, other):
            return self.__cmp__(other) != 0
        def __lt__(self, other):
            return self.__cmp__(other) < 0
        def __le__(self, other):
            return self.__cmp__(other) <= 0
        def __gt__(self, other):
            return self.__cmp__(other) > 0
        def __ge__(self, other):
            return self.__cmp__(other) >= 0
        __hash__ = object.__hash__
        size = 3
    print([Box([1]) < Box([2]), Box([1]) == [1], Box.size])
    """,
    output="[True, False, 3]\n",
    id="__cmp__ ending in nested blocks",
))

test_rewrite = rewrite_tests("cmp_method", CASES)
test_runtime = runtime_tests(CASES)
