# migrate-tests: tool-only
"""flask3_send_file (target flask3): send_file's Flask 2.0 keyword names."""
from casekit import Case
from flask3kit import flask3_tests

RUNS_ON_FLASK3 = True

_SEND = """\
import io
from %s import Flask, send_file
site = Flask(__name__)
@site.route('/')
def index():
    return send_file(io.BytesIO(b'a,b'), as_attachment=True,
                     %s='report.csv', %s=60, %s=False)
r = site.test_client().get('/')
print(r.headers['Content-Disposition'], r.headers['Cache-Control'], 'ETag' in r.headers, r.data)
"""

_DIRECTORY = """\
import os, tempfile
import flask
folder = tempfile.mkdtemp()
with open(os.path.join(folder, 'a.txt'), 'w') as handle:
    handle.write('hello')
site = flask.Flask(__name__)
@site.route('/<name>')
def show(name):
    return flask.send_from_directory(folder, %s=name, %s=5)
with site.test_client() as browser:
    r = browser.get('/a.txt')
    print(r.status_code, r.data, r.headers['Cache-Control'])
    r.close()
    print(browser.get('/b.txt').status_code)
"""

CASES = [
    Case(
        _SEND % ("flask", "attachment_filename", "cache_timeout", "add_etags"),
        _SEND % ("flask", "download_name", "max_age", "etag"),
        output="attachment; filename=report.csv public, max-age=60 False b'a,b'\n",
        id="send_file keywords",
    ),
    Case(
        _DIRECTORY % ("filename", "cache_timeout"),
        _DIRECTORY % ("path", "max_age"),
        output="200 b'hello' public, max-age=5\n404\n",
        id="send_from_directory on a Flask 1.1 site",
    ),
    Case(
        """
        def send_file(path, cache_timeout=0):
            return path, cache_timeout
        print(send_file('x', cache_timeout=3))
        """,
        """
        def send_file(path, cache_timeout=0):
            return path, cache_timeout
        print(send_file('x', cache_timeout=3))
        """,
        output="('x', 3)\n",
        id="another send_file stays",
    ),
    Case(
        "from flask import send_file\nsend_file(x, cache_timeout=1, max_age=2)\n",
        "from flask import send_file\nsend_file(x, cache_timeout=1, max_age=2)\n",
        review="has both cache_timeout= and max_age=",
        id="both names: review",
    ),
]

test_rewrite, test_runtime = flask3_tests("flask3_send_file", CASES)
