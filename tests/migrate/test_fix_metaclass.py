"""metaclass: __metaclass__ = M -> @six.add_metaclass(M)."""
from casekit import Case, rewrite_tests, runtime_tests

_META = """class Meta(type):
    def __new__(mcs, name, bases, namespace):
        namespace['tag'] = name.lower()
        return type.__new__(mcs, name, bases, namespace)
"""

CASES = [
    Case(
        "class A(object):\n    meta = None\nprint(A.meta)\n",
        "class A(object):\n    meta = None\nprint(A.meta)\n",
        output="None\n",
        id="no metaclass",
    ),
    Case(
        "__metaclass__ = type\nclass A:\n    pass\nprint(isinstance(A, type))\n",
        "__metaclass__ = type\nclass A:\n    pass\nprint(isinstance(A, type))\n",
        output="True\n",
        id="module-level __metaclass__ left alone",
    ),
    Case(
        _META + "class A(object):\n    __metaclass__ = Meta\n    x = 1\n"
        "print('%s %s %d' % (A.tag, type(A).__name__, A.x))\n",
        "import six\n" + _META + "@six.add_metaclass(Meta)\nclass A(object):\n    x = 1\n"
        "print('%s %s %d' % (A.tag, type(A).__name__, A.x))\n",
        output="a Meta 1\n",
        id="decorator",
    ),
    Case(
        _META + "class Base(object):\n    pass\nclass B(Base):\n    __metaclass__ = Meta\n"
        "print('%s %s' % (B.tag, issubclass(B, Base)))\n",
        "import six\n" + _META + "class Base(object):\n    pass\n@six.add_metaclass(Meta)\n"
        "class B(Base):\n    pass\nprint('%s %s' % (B.tag, issubclass(B, Base)))\n",
        output="b True\n",
        id="only statement becomes pass, bases kept",
    ),
    Case(
        """
        import abc
        class Shape:
            \"\"\"A shape.\"\"\"
            __metaclass__ = abc.ABCMeta

            @abc.abstractmethod
            def area(self):
                pass
        try:
            Shape()
        except TypeError:
            print('abstract')
        """,
        """
        import six
        import abc
        @six.add_metaclass(abc.ABCMeta)
        class Shape:
            \"\"\"A shape.\"\"\"

            @abc.abstractmethod
            def area(self):
                pass
        try:
            Shape()
        except TypeError:
            print('abstract')
        """,
        output="abstract\n",
        id="abc, docstring kept",
    ),
    # ``__metaclass__ = type`` in a class without bases only makes it a
    # new-style class: that is ``(object)``. six.add_metaclass would rebuild an
    # old-style class on 2.7, which fails once it has __slots__ (ZConfig 2.9).
    Case(
        "class A:\n    __metaclass__ = type\n    __slots__ = ('x',)\n"
        "a = A()\na.x = 1\nprint('%s %d' % (isinstance(A, type), a.x))\n",
        "class A(object):\n    __slots__ = ('x',)\n"
        "a = A()\na.x = 1\nprint('%s %d' % (isinstance(A, type), a.x))\n",
        output="True 1\n",
        id="type without bases: a new-style class",
    ),
    Case(
        "class A():\n    __metaclass__ = type\nprint(isinstance(A, type))\n",
        "class A(object):\n    pass\nprint(isinstance(A, type))\n",
        output="True\n",
        id="type, empty parentheses",
    ),
    Case(
        "def build(type):\n    class A:\n        __metaclass__ = type\n    return A\n"
        "print(build(type).__name__)\n",
        "import six\ndef build(type):\n    @six.add_metaclass(type)\n    class A:\n        pass\n"
        "    return A\nprint(build(type).__name__)\n",
        output="A\n",
        id="type rebound: not the builtin",
    ),
]

test_rewrite = rewrite_tests("metaclass", CASES)
test_runtime = runtime_tests(CASES)
