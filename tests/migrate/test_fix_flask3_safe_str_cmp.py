# migrate-tests: tool-only
"""flask3_safe_str_cmp (target flask3): hmac.compare_digest.

Werkzeug 2.1 removed safe_str_cmp, so no interpreter the tool serves can run
the originals; the results run here (the expected lines are what
safe_str_cmp answers on Werkzeug 1.0.1 for the same arguments).
"""
from afterkit import after_tests
from casekit import Case
from flask3kit import flask3_tests

_REVIEW = "hmac.compare_digest takes bytes, or str of ASCII characters only"

CASES = [
    Case(
        """
        from werkzeug.security import safe_str_cmp
        def valid(token, expected):
            return safe_str_cmp(token, expected)
        """,
        """
        from hmac import compare_digest
        def valid(token, expected):
            return compare_digest(token, expected)
        """,
        review=_REVIEW,
        id="from werkzeug.security",
    ),
    Case(
        """
        from flaskcompat.security import generate_password_hash, safe_str_cmp as same
        ok = same(b'abc', b'abc')
        """,
        """
        from flaskcompat.security import generate_password_hash
        from hmac import compare_digest as same
        ok = same(b'abc', b'abc')
        """,
        review=_REVIEW,
        id="flaskcompat.security with an alias, other names stay",
    ),
    Case(
        """
        import werkzeug.security
        print(werkzeug.security.safe_str_cmp('a', 'b'))
        """,
        """
        import hmac
        import werkzeug.security
        print(hmac.compare_digest('a', 'b'))
        """,
        review="Werkzeug 2.1 removed it",
        id="module attribute",
    ),
    Case(
        """
        def safe_str_cmp(a, b):
            return a == b
        print(safe_str_cmp(1, 1))
        """,
        """
        def safe_str_cmp(a, b):
            return a == b
        print(safe_str_cmp(1, 1))
        """,
        id="a function of the same name stays",
    ),
]

test_rewrite, test_runtime = flask3_tests("flask3_safe_str_cmp", CASES)
test_after_runs = after_tests(CASES, [
    ("from werkzeug.security", "print(valid('s3cret', 's3cret'), valid(b'x', b'y'))\n",
     "True False\n"),
    ("flaskcompat.security with an alias, other names stay", "print(ok)\n", "True\n"),
])
