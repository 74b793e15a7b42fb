"""The apply fixer: apply(f, args, kw) -> f(*args, **kw)."""
from casekit import Case, rewrite_tests, runtime_tests

F = "def f(*args, **kw):\n    return '%r %r' % (args, sorted(kw.items()))\n"

CASES = [
    Case(F + "print(apply(f, (1, 2)))\n", F + "print(f(*(1, 2)))\n", output="(1, 2) []\n"),
    Case(F + "print(apply(f, [3], {'k': 4}))\n", F + "print(f(*[3], **{'k': 4}))\n", output="(3,) [('k', 4)]\n",
         id="with keywords"),
    Case(F + "print(apply(f))\n", F + "print(f())\n", output="() []\n", id="no arguments"),
    Case("print(apply(lambda *a: len(a), (1, 2, 3)))\n", "print((lambda *a: len(a))(*(1, 2, 3)))\n", output="3\n",
         id="lambda gets parentheses"),
    Case("x = pool.apply(f, args)\n", "x = pool.apply(f, args)\n", id="method stays"),
    Case("def run(apply):\n    return apply(f, ())\n", "def run(apply):\n    return apply(f, ())\n", id="parameter stays"),
    Case("x = apply(f, *rest)\n", "x = apply(f, *rest)\n", review="star arguments", id="star arguments reviewed"),
]

test_rewrite = rewrite_tests("apply", CASES)
test_runtime = runtime_tests(CASES)
