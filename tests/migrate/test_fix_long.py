"""The long fixer."""
from casekit import TOOL_PYTHON, Case, migrate, rewrite_tests, runtime_tests

CASES = [
    Case("print(long('12') + 1)\n", "print(int('12') + 1)\n", output="13\n"),
    Case("print(long('ff', 16))\n", "print(int('ff', 16))\n", output="255\n", id="base"),
    Case(
        "print([isinstance(v, (int, long)) for v in (1, 2 ** 70, 1.5)])\n",
        "import six\nprint([isinstance(v, (int, six.integer_types)) for v in (1, 2 ** 70, 1.5)])\n",
        output="[True, True, False]\n",
        id="type check with int",
    ),
    Case("print(isinstance(1, long))\n", "print(isinstance(1, long))\n", review="without int",
         id="long alone reviewed"),
    Case(
        "class N(object):\n    def __int__(self):\n        return 1\n    def __long__(self):\n        return 1\n"
        "print(long(N()))\n",
        "class N(object):\n    def __int__(self):\n        return 1\n    def __long__(self):\n        return 1\n"
        "print(int(N()))\n",
        output="1\n",
        review="__long__",
        id="module with __long__ reported",
    ),
    # A tuple of types beside int, outside isinstance (jsonpickle 0.4:
    # ``type(obj) in PRIMITIVES``): a nested six.integer_types would not
    # match; its last item is long on 2.7 and int (named twice) on 3.x.
    Case(
        "PRIMITIVES = str, int, float, long\nprint([type(v) in PRIMITIVES for v in (1, 2 ** 70, [])])\n",
        "import six\nPRIMITIVES = str, int, float, six.integer_types[-1]\n"
        "print([type(v) in PRIMITIVES for v in (1, 2 ** 70, [])])\n",
        output="[True, True, False]\n",
        id="tuple of types with int",
    ),
    Case("KINDS = (float, long)\n", "KINDS = (float, long)\n", review="without int",
         id="tuple of types without int reviewed"),
    Case("x = self.long\n", "x = self.long\n", id="attribute stays"),
    Case("def f(long=1):\n    return long\n", "def f(long=1):\n    return long\n", id="parameter stays"),
]

test_rewrite = rewrite_tests("long", CASES)
test_runtime = runtime_tests(CASES)


if TOOL_PYTHON:

    def test_target_3_every_long_is_int():
        source = "a = isinstance(x, (int, long))\nb = isinstance(y, long)\nc = long(z)\nd = isinstance(x, (long, int, float))\n"
        result = migrate(source, "long", target="3")
        assert result.source == (
            "a = isinstance(x, int)\nb = isinstance(y, int)\nc = int(z)\nd = isinstance(x, (int, float))\n"
        )
        assert not result.reviews
        assert not migrate(result.source, "long", target="3").changed
