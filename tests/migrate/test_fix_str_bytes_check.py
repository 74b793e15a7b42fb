"""The str_bytes_check fixer: a Python 2 str check that guards a decode."""
from casekit import Case, rewrite_tests, runtime_tests

TO_TEXT = """
import six
def to_text(s):
    if not isinstance(s, six.text_type):
        if not isinstance(s, str):
            raise TypeError('not a string: %r' % (s,))
        s = s.decode('utf-8')
    return s
print(to_text(b'caf\\xc3\\xa9') == u'caf\\xe9')
try:
    to_text(1)
except TypeError:
    print('refused')
"""

CASES = [
    Case(TO_TEXT,
         TO_TEXT.replace("isinstance(s, str)", "isinstance(s, bytes)"),
         output="True\nrefused\n", id="checked, refused, then decoded"),
    Case("""
        def text(v):
            if isinstance(v, str):
                v = v.decode('ascii')
            return v
        print(text(b'ab') == u'ab')
        """,
         """
        def text(v):
            if isinstance(v, bytes):
                v = v.decode('ascii')
            return v
        print(text(b'ab') == u'ab')
        """,
         output="True\n", id="decoded in the block"),
    Case("if isinstance(v, str):\n    v = w.decode('ascii')\n", "if isinstance(v, str):\n    v = w.decode('ascii')\n",
         id="another name decoded"),
    Case("if isinstance(v, str):\n    print(v)\n", "if isinstance(v, str):\n    print(v)\n", id="no decode"),
    Case("if not isinstance(v, str):\n    v = str(v)\nv = v.decode('ascii')\n",
         "if not isinstance(v, str):\n    v = str(v)\nv = v.decode('ascii')\n", id="refusal does not leave"),
]

test_rewrite = rewrite_tests("str_bytes_check", CASES)
test_runtime = runtime_tests(CASES)
