"""The unichr fixer: unichr -> six.unichr."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case(
        "print('%s %s' % (unichr(0x41) == u'A', ord(unichr(233))))\n",
        "import six\nprint('%s %s' % (six.unichr(0x41) == u'A', ord(six.unichr(233))))\n",
        output="True 233\n",
    ),
    Case("text.unichr = 1\n", "text.unichr = 1\n", id="attribute stays"),
    Case("unichr = chr\nprint(unichr(66))\n", "unichr = chr\nprint(unichr(66))\n", output="B\n",
         id="module binding stays"),
]

test_rewrite = rewrite_tests("unichr", CASES)
test_runtime = runtime_tests(CASES)
