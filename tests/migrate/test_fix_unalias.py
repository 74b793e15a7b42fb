# migrate-tests: tool-only
"""unalias (target 3): Python 2 aliases of special methods."""
from casekit import Case
from target3kit import target3_tests

CASES = [
    Case(
        "class A:\n    def __next__(self):\n        return 1\n    next = __next__\n"
        "print(A().next())\n",
        "class A:\n    def __next__(self):\n        return 1\n    next = __next__\n"
        "print(A().next())\n",
        output="1\n",
        id="next alias stays",
    ),
    Case(
        """
        class Empty:
            def __bool__(self):
                return False
            __nonzero__ = __bool__

            def name(self):
                return 'e'
        print(bool(Empty()), Empty().name())
        """,
        """
        class Empty:
            def __bool__(self):
                return False

            def name(self):
                return 'e'
        print(bool(Empty()), Empty().name())
        """,
        output="False e\n",
        id="nonzero alias dropped",
    ),
    Case(
        """
        class Money:
            def __init__(self, cents):
                self.cents = cents

            def __div__(self, parts):
                return Money(self.cents // parts)
            __truediv__ = __div__
        print((Money(10) / 3).cents)
        """,
        """
        class Money:
            def __init__(self, cents):
                self.cents = cents

            def __truediv__(self, parts):
                return Money(self.cents // parts)
        print((Money(10) / 3).cents)
        """,
        output="3\n",
        id="div method renamed",
    ),
    Case(
        """
        class Money:
            def __div__(self, parts):
                return 1
            __truediv__ = __div__
        print(Money().__div__(2))
        """,
        """
        class Money:
            def __div__(self, parts):
                return 1
            __truediv__ = __div__
        print(Money().__div__(2))
        """,
        output="1\n",
        id="old name still called: kept",
    ),
]

test_rewrite, test_runtime = target3_tests("unalias", CASES)
