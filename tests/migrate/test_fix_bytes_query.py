"""The bytes_query fixer: query-string parsers given bytes."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case("from urlparse import parse_qs\nq = parse_qs(s.encode('utf-8'), keep_blank_values=True)\n",
         "from urlparse import parse_qs\nq = parse_qs(s.encode('utf-8'), keep_blank_values=True)\n",
         review="bytes keys", id="parse_qs of encoded text"),
    Case("import urllib\nv = urllib.unquote(value.encode('utf-8'))\n",
         "import urllib\nv = urllib.unquote(value.encode('utf-8'))\n", review="unquote", id="unquote"),
    Case("from six.moves.urllib.parse import parse_qsl\nprint(parse_qsl('a=1&b=2'))\n",
         "from six.moves.urllib.parse import parse_qsl\nprint(parse_qsl('a=1&b=2'))\n", id="a str literal stays",
         output="[('a', '1'), ('b', '2')]\n"),
]

test_rewrite = rewrite_tests("bytes_query", CASES)
test_runtime = runtime_tests(CASES)
