# -*- coding: utf-8 -*-
"""flask_test_bytes: response bytes vs text literals, open_resource().read().

The runtime cases use a stand-in with the two response members involved
(``data`` is bytes, ``get_data(as_text=True)`` decodes UTF-8, as in Werkzeug)
and an ``open_resource`` returning a binary file, so "before" runs on 2.7
without Flask installed.
"""
from __future__ import unicode_literals

from casekit import TOOL_PYTHON, Case, migrate, rewrite_tests, runtime_tests

_FAKES = """import io
class FakeResponse(object):
    def __init__(self, text):
        self.data = text.encode('utf-8')
    def get_data(self, as_text=False):
        return self.data.decode('utf-8') if as_text else self.data
class FakeClient(object):
    def get(self, path):
        return FakeResponse(u'Hello caf\\xe9')
class FakeApp(object):
    def open_resource(self, name, mode='rb'):
        return io.BytesIO(b'create table t (x);\\ninsert into t values (1);')
client = FakeClient()
app = FakeApp()
"""

CASES = [
    Case(
        _FAKES + "rv = client.get('/')\nprint(rv.data == b'Hello caf\\xc3\\xa9')\n",
        _FAKES + "rv = client.get('/')\nprint(rv.data == b'Hello caf\\xc3\\xa9')\n",
        output="True\n",
        id="bytes literal already",
    ),
    Case(
        _FAKES + "rv = client.get('/')\nprint('Hello ' 'caf' in rv.data)\nprint(('Hel'\n       'lo') in rv.data)\n",
        _FAKES + "rv = client.get('/')\nprint(b'Hello ' b'caf' in rv.data)\nprint((b'Hel'\n       b'lo') in rv.data)\n",
        output="True\nTrue\n",
        id="implicit concatenation: every part becomes bytes",
    ),
    Case(
        "rv = client.get('/')\nassert 'a\\n' 'b' in rv.data\n",
        "rv = client.get('/')\nassert 'a\\n' 'b' in rv.data\n",
        review="make sure that is bytes",
        id="concatenation with an escape: reviewed",
    ),
    Case("other.data == 'x'\n", "other.data == 'x'\n", id="not a response"),
    Case("rv.data == expected\n", "rv.data == expected\n", review="make sure that is bytes",
         id="not a literal: reviewed"),
    Case("rv.data == name.encode('utf-8')\n", "rv.data == name.encode('utf-8')\n",
         id="encoded value"),
    Case(
        _FAKES + "rv = client.get('/')\nprint('Hello' in rv.data)\nprint('nope' not in rv.data)\n",
        _FAKES + "rv = client.get('/')\nprint(b'Hello' in rv.data)\nprint(b'nope' not in rv.data)\n",
        output="True\nTrue\n",
        id="in / not in",
    ),
    Case(
        "# -*- coding: utf-8 -*-\n" + _FAKES
        + "page = client.get('/')\nprint(page.data == 'Hello café')\nprint(page.data != 'x')\n",
        "# -*- coding: utf-8 -*-\n" + _FAKES
        + "page = client.get('/')\nprint(page.get_data(as_text=True) == u'Hello café')\n"
        "print(page.data != b'x')\n",
        output="True\nTrue\n",
        id="non-ASCII literal compares text",
    ),
    Case(
        _FAKES + "print(client.get('/').data == u'Hello')\n",
        _FAKES + "print(client.get('/').data == b'Hello')\n",
        output="False\n",
        id="ASCII unicode literal, direct client call",
    ),
    Case(
        "print(client.get('/').data == u'caf\\xe9')\n",
        "print(client.get('/').data == u'caf\\xe9')\n",
        review="always False on Python 2",
        id="non-ASCII unicode literal reviewed",
    ),
    Case(
        "# -*- coding: latin-1 -*-\nassert rv.data == 'caf\xe9'\n",
        "# -*- coding: latin-1 -*-\nassert rv.data == 'caf\xe9'\n",
        review="not UTF-8",
        id="non-UTF-8 file reviewed",
    ),
    Case(
        _FAKES + "import unittest\nclass T(unittest.TestCase):\n    def test_x(self):\n"
        "        rv = client.get('/')\n        self.assertIn('Hello', rv.data)\n"
        "        self.assertNotEqual(rv.data, 'x')\n"
        "print(unittest.TextTestRunner(stream=open(__import__('os').devnull, 'w')).run(\n"
        "    unittest.TestLoader().loadTestsFromTestCase(T)).wasSuccessful())\n",
        _FAKES + "import unittest\nclass T(unittest.TestCase):\n    def test_x(self):\n"
        "        rv = client.get('/')\n        self.assertIn(b'Hello', rv.data)\n"
        "        self.assertNotEqual(rv.data, b'x')\n"
        "print(unittest.TextTestRunner(stream=open(__import__('os').devnull, 'w')).run(\n"
        "    unittest.TestLoader().loadTestsFromTestCase(T)).wasSuccessful())\n",
        output="True\n",
        id="assert methods",
    ),
    Case(
        _FAKES + "import sqlite3\ndb = sqlite3.connect(':memory:')\n"
        "with app.open_resource('schema.sql') as f:\n    db.cursor().executescript(f.read())\n"
        "print(db.execute('select x from t').fetchall()[0][0])\n",
        _FAKES + "import sqlite3\ndb = sqlite3.connect(':memory:')\n"
        "with app.open_resource('schema.sql') as f:\n"
        "    db.cursor().executescript(f.read().decode('utf-8'))\n"
        "print(db.execute('select x from t').fetchall()[0][0])\n",
        output="1\n",
        id="executescript gets text",
    ),
    Case(
        _FAKES + "lines = app.open_resource('schema.sql').read().split('\\n')\n"
        "print('|'.join(lines))\n",
        _FAKES + "lines = app.open_resource('schema.sql').read().decode('utf-8').split('\\n')\n"
        "print('|'.join(lines))\n",
        output="create table t (x);|insert into t values (1);\n",
        id="str method with a text argument",
    ),
    Case(
        "with app.open_resource('schema.sql', mode='r') as f:\n    db.executescript(f.read())\n",
        "with app.open_resource('schema.sql', mode='r') as f:\n    db.executescript(f.read())\n",
        id="text mode left alone",
    ),
    Case(
        "payload = app.open_resource('data.bin').read()\n",
        "payload = app.open_resource('data.bin').read()\n",
        review="bytes on Python 3",
        id="unknown consumer reviewed",
    ),
]

CASES.append(Case(
    _FAKES + "rv = client.get('/')\nprint(rv.data.startswith('Hello'))\n"
    "print(rv.data.split(' ')[0] == b'Hello')\nprint(rv.data.count('l'))\n",
    _FAKES + "rv = client.get('/')\nprint(rv.data.startswith(b'Hello'))\n"
    "print(rv.data.split(b' ')[0] == b'Hello')\nprint(rv.data.count(b'l'))\n",
    output="True\nTrue\n2\n",
    id="bytes methods of response data",
))

test_rewrite = rewrite_tests("flask_test_bytes", CASES)
test_runtime = runtime_tests(CASES)


if TOOL_PYTHON:

    def test_an_all_bytes_concatenation_is_not_reviewed():
        # Flask 0.10's minitwit tests already write it this way: nothing to
        # change and nothing to look at
        source = "assert b'You were successfully registered ' \\\n       b'and can login now' in rv.data\n"
        result = migrate(source, "flask_test_bytes")
        assert result.source == source
        assert not result.changed
        assert result.reviews == []
