"""div_methods: __div__ & co. get __truediv__ & co. aliases."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case(
        """
        class V(object):
            def __floordiv__(self, other):
                return 'floor'
        print(V() // 2)
        """,
        """
        class V(object):
            def __floordiv__(self, other):
                return 'floor'
        print(V() // 2)
        """,
        output="floor\n",
        id="no classic division",
    ),
    Case(
        """
        class V(object):
            def __div__(self, other):
                return 'div'
            def __truediv__(self, other):
                return 'div'
        print(V() / 2)
        """,
        """
        class V(object):
            def __div__(self, other):
                return 'div'
            def __truediv__(self, other):
                return 'div'
        print(V() / 2)
        """,
        output="div\n",
        id="already has __truediv__",
    ),
    Case(
        """
        class Money(object):
            def __init__(self, cents):
                self.cents = cents

            def __div__(self, parts):
                return Money(self.cents // parts)

            def __rdiv__(self, other):
                return 'r'

            def __idiv__(self, parts):
                self.cents //= parts
                return self
        m = Money(100) / 3
        print(m.cents)
        print(1 / Money(5))
        m /= 2
        print(m.cents)
        """,
        """
        class Money(object):
            def __init__(self, cents):
                self.cents = cents

            def __div__(self, parts):
                return Money(self.cents // parts)
            __truediv__ = __div__

            def __rdiv__(self, other):
                return 'r'
            __rtruediv__ = __rdiv__

            def __idiv__(self, parts):
                self.cents //= parts
                return self
            __itruediv__ = __idiv__
        m = Money(100) / 3
        print(m.cents)
        print(1 / Money(5))
        m /= 2
        print(m.cents)
        """,
        output="33\nr\n16\n",
        id="three aliases",
    ),
]

test_rewrite = rewrite_tests("div_methods", CASES)
test_runtime = runtime_tests(CASES)
