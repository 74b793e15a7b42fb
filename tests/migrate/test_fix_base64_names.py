"""The base64_names fixer: base64's string-named aliases, gone in Python 3.9."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case("import base64\nprint(base64.decodestring(b'aGk=\\n').decode('ascii'))\n",
         "import binascii\nimport base64\nprint(binascii.a2b_base64(b'aGk=\\n').decode('ascii'))\n",
         output="hi\n", id="decodestring"),
    Case("import base64 as b64\nprint(b64.decodestring(b'aGk=').decode('ascii'))\n",
         "import binascii\nimport base64 as b64\nprint(binascii.a2b_base64(b'aGk=').decode('ascii'))\n",
         output="hi\n", id="aliased module"),
    Case("import base64\nx = base64.encodestring(data)\n", "import base64\nx = base64.encodestring(data)\n",
         review="removed in Python 3.9", id="encodestring reviewed"),
    Case("from base64 import decodestring\n", "from base64 import decodestring\n",
         review="binascii.a2b_base64", id="from-import reviewed"),
    Case("print(base64.decodestring)\n", "print(base64.decodestring)\n", id="not the module"),
]

test_rewrite = rewrite_tests("base64_names", CASES)
test_runtime = runtime_tests(CASES)
