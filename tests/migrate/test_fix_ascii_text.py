"""The ascii_text fixer: ASCII-safe text stays a native str."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case(
        "def safe(s):\n    s = s.encode('ascii', 'xmlcharrefreplace')\n    return s\n"
        "print('<b>%s</b>' % safe(u'caf\\xe9'))\n",
        "import six\ndef safe(s):\n    s = six.ensure_str(s.encode('ascii', 'xmlcharrefreplace'))\n    return s\n"
        "print('<b>%s</b>' % safe(u'caf\\xe9'))\n",
        output="<b>caf&#233;</b>\n",
        review="native str",
    ),
    Case("print(u'\\xe9'.encode('ASCII', 'backslashreplace') == '\\\\xe9')\n",
         "import six\nprint(six.ensure_str(u'\\xe9'.encode('ASCII', 'backslashreplace')) == '\\\\xe9')\n",
         output="True\n", review="native str", id="backslashreplace"),
    Case("data = text.encode('utf-8', 'xmlcharrefreplace')\n", "data = text.encode('utf-8', 'xmlcharrefreplace')\n",
         id="another encoding stays"),
    Case("data = text.encode('ascii', 'ignore')\n", "data = text.encode('ascii', 'ignore')\n",
         id="another error handler stays"),
]

test_rewrite = rewrite_tests("ascii_text", CASES)
test_runtime = runtime_tests(CASES)
