"""The numliterals fixer: old octal and long literals."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case("print(0777)\n", "print(0o777)\n", output="511\n"),
    Case("import os\nmode = 0644\nprint(oct(mode & 0o777) in ('0644', '0o644'))\n",
         "import os\nmode = 0o644\nprint(oct(mode & 0o777) in ('0644', '0o644'))\n", output="True\n",
         id="file mode"),
    Case("print(10L + 5)\n", "print(10 + 5)\n", output="15\n", id="long"),
    Case("print(0xffL)\n", "print(0xff)\n", output="255\n", id="hex long"),
    Case("print(017L)\n", "print(0o17)\n", output="15\n", id="octal long"),
    Case("print(2 ** 70L == 2 ** 70)\n", "print(2 ** 70 == 2 ** 70)\n", output="True\n", id="big long"),
    Case("print(-7L.__index__() + 0x10L.real)\n", "print(-(7).__index__() + 0x10.real)\n", output="9\n",
         id="attribute of a literal"),
    Case("print(000)\n", "print(0)\n", output="0\n", id="zeros"),
    Case("print([0, 10, 0x1F, 0.5, 07.5, 1e3, 0o17, 3j == 3j])\n",
         "print([0, 10, 0x1F, 0.5, 07.5, 1e3, 0o17, 3j == 3j])\n",
         output="[0, 10, 31, 0.5, 7.5, 1000.0, 15, True]\n", id="other numbers stay"),
    Case("s = '0777L'\n", "s = '0777L'\n", id="in a string"),
]

test_rewrite = rewrite_tests("numliterals", CASES)
test_runtime = runtime_tests(CASES)
