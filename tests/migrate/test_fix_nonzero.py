"""nonzero: __nonzero__ -> __bool__ with a __nonzero__ alias for 2.7."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case(
        """
        class A(object):
            def __len__(self):
                return 0
        print(bool(A()))
        """,
        """
        class A(object):
            def __len__(self):
                return 0
        print(bool(A()))
        """,
        output="False\n",
        id="no __nonzero__",
    ),
    Case(
        """
        class A(object):
            def __bool__(self):
                return False
            __nonzero__ = __bool__
        print(bool(A()))
        """,
        """
        class A(object):
            def __bool__(self):
                return False
            __nonzero__ = __bool__
        print(bool(A()))
        """,
        output="False\n",
        id="already both",
    ),
    Case(
        """
        class Empty(object):
            def __nonzero__(self):
                return False

            def name(self):
                return 'empty'
        print(bool(Empty()))
        print('yes' if Empty() else 'no')
        """,
        """
        class Empty(object):
            def __bool__(self):
                return False
            __nonzero__ = __bool__

            def name(self):
                return 'empty'
        print(bool(Empty()))
        print('yes' if Empty() else 'no')
        """,
        output="False\nno\n",
        id="renamed with alias",
    ),
    Case(
        """
        class Flag:
            def __init__(self, on):
                self.on = on
            def __nonzero__(self): return self.on
        print([bool(Flag(True)), bool(Flag(False))])
        """,
        """
        class Flag:
            def __init__(self, on):
                self.on = on
            def __bool__(self): return self.on
            __nonzero__ = __bool__
        print([bool(Flag(True)), bool(Flag(False))])
        """,
        output="[True, False]\n",
        id="one-line method, old-style class",
    ),
]

test_rewrite = rewrite_tests("nonzero", CASES)
test_runtime = runtime_tests(CASES)
