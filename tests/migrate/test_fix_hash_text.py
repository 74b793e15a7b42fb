"""The hash_text fixer: hmac and hashlib calls whose data may be text are
listed for review (Python 3 hashes bytes only)."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case("import hmac, hashlib\nh = hmac.new(key, raw, hashlib.sha1)\n",
         "import hmac, hashlib\nh = hmac.new(key, raw, hashlib.sha1)\n",
         review="hmac.new(...): Python 3 hashes bytes only", id="hmac with names"),
    Case("import hashlib\nd = hashlib.sha1(data).digest()\n", "import hashlib\nd = hashlib.sha1(data).digest()\n",
         review="hashlib.sha1(...): Python 3 hashes bytes only", id="hashlib with a name"),
    Case("import hashlib\nprint(hashlib.md5(b'x').hexdigest())\n",
         "import hashlib\nprint(hashlib.md5(b'x').hexdigest())\n",
         output="9dd4e461268c8034f5c8564e155c67a6\n", id="bytes literal"),
    Case("import hashlib\nprint(hashlib.sha256().hexdigest()[:8])\n",
         "import hashlib\nprint(hashlib.sha256().hexdigest()[:8])\n", output="e3b0c442\n", id="no data"),
    Case("hmac.new(key)\n", "hmac.new(key)\n", id="not the module"),
]

test_rewrite = rewrite_tests("hash_text", CASES)
test_runtime = runtime_tests(CASES)
