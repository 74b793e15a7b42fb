"""The ur_literals fixer: ur'' -> u'' with the same value."""
from casekit import Case, rewrite_tests, runtime_tests

SHOW = "print([ord(char) for char in x])\n"

CASES = [
    Case("x = ur'\\d+\\.'\n" + SHOW, "x = u'\\\\d+\\\\.'\n" + SHOW, output="[92, 100, 43, 92, 46]\n"),
    Case("x = ur'\\u00e9\\n'\n" + SHOW, "x = u'\\u00e9\\\\n'\n" + SHOW, output="[233, 92, 110]\n",
         id="unicode escape is processed"),
    Case("x = ur'\\\\u0041'\n" + SHOW, "x = u'\\\\\\\\u0041'\n" + SHOW,
         output="[92, 92, 117, 48, 48, 52, 49]\n", id="escaped backslash before u"),
    Case("x = UR\"a\\\"b\"\n" + SHOW, "x = U\"a\\\\\\\"b\"\n" + SHOW, output="[97, 92, 34, 98]\n",
         id="quote after backslash"),
    Case("x = ur'''one\\\ntwo'''\n" + SHOW, "x = u'''one\\\\\ntwo'''\n" + SHOW,
         output="[111, 110, 101, 92, 10, 116, 119, 111]\n", id="triple quoted"),
    Case("x = ur'\\u12'\n", "x = ur'\\u12'\n", review="truncated", id="invalid literal left alone"),
    Case("x = u'\\\\d' + r'\\d' + b'x'\n" + SHOW, "x = u'\\\\d' + r'\\d' + b'x'\n" + SHOW, output=None,
         id="other prefixes stay"),
    Case("x = u'plain'\n" + SHOW, "x = u'plain'\n" + SHOW, output="[112, 108, 97, 105, 110]\n",
         id="u literal stays"),
]

test_rewrite = rewrite_tests("ur_literals", CASES)
test_runtime = runtime_tests(CASES)
