# migrate-tests: tool-only
"""What the tool reports is exact: needs-review lines name the file the user
will open, a second run over the tool's own output finds nothing new to
review, and the rewrites per fixer account for the whole diff."""
import collections
import io
import json
import os
import shutil
import sys

import pytest

from migrate.cli import main

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")

# A Flask 0.10 app as a new user brings it: the division on line 51 is the
# line the review must lead to, wherever the rewrite moves it.
BLOG = u'''\
# -*- coding: utf-8 -*-
"""A small Flask 0.10 blog."""
import urllib
import urlparse
from StringIO import StringIO

from flask import Flask, jsonify, request, render_template_string
from flask.ext.cache import Cache

app = Flask(__name__)
cache = Cache(app)

POSTS = {
    1: {'title': u'Hello', 'body': u'First post', 'score': 10L},
    2: {'title': u'Again', 'body': u'Second post', 'score': 3L},
}


def by_score(a, b):
    return cmp(POSTS[a]['score'], POSTS[b]['score'])


@app.route('/')
def index():
    ids = POSTS.keys()
    ids.sort(by_score)
    out = StringIO()
    for pid, post in POSTS.iteritems():
        print >>out, pid, post['title']
    return out.getvalue()


@app.route('/post/<int:pid>')
def show(pid):
    if not POSTS.has_key(pid):
        return 'missing', 404
    post = POSTS[pid]
    return render_template_string(u'<h1>{{ t }}</h1>', t=post['title'])


@app.route('/search')
def search():
    q = request.args.get('q', '')
    hits = filter(lambda p: q in p['title'], POSTS.values())
    return jsonify(hits=[h['title'] for h in hits])


@app.route('/stats')
def stats():
    total = sum(p['score'] for p in POSTS.itervalues())
    average = total / len(POSTS)
    return jsonify(average=average)


@app.route('/link/<int:pid>')
def link(pid):
    base = urlparse.urljoin(request.url_root, 'post/%d' % pid)
    return urllib.quote(base)


def check(value):
    if isinstance(value, basestring):
        return unicode(value)
    raise ValueError, 'not text'


if __name__ == '__main__':
    app.run(debug=True)
'''

DIVISION = "average = total / len(POSTS)"


def run(*argv):
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    stderr = io.StringIO()
    code = main(list(argv) + ["--no-cache", "--jobs", "1"], stdout=stdout, stderr=stderr)
    return code, stderr.getvalue()


def report(path):
    with io.open(str(path), encoding="utf-8") as handle:
        return json.load(handle)


def line_of(path, text):
    with io.open(str(path), encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    return [number for number, line in enumerate(lines, 1) if text in line]


@pytest.fixture
def blog(tmp_path):
    path = tmp_path / "blog.py"
    path.write_text(BLOG, encoding="utf-8")
    return path


def division_reviews(data):
    return [item for item in data["needs_review"] if item["fixer"] == "division"]


@pytest.mark.parametrize("target", ["2and3", "3"])
def test_after_write_reviews_name_lines_of_the_written_file(blog, tmp_path, target):
    assert line_of(blog, DIVISION) == [51]
    code, err = run("--write", "--target", target, "--report", str(tmp_path / "r.json"), str(blog))
    assert code == 0, err
    written = line_of(blog, DIVISION)
    assert len(written) == 1 and written[0] != 51
    data = report(tmp_path / "r.json")
    assert data["review_lines"] == "written"
    assert data["files"][0]["review_lines"] == "written"
    assert [item["line"] for item in division_reviews(data)] == written
    assert [item["line"] for item in data["files"][0]["reviews"] if item["fixer"] == "division"] == written
    assert "needs review (left unchanged; line numbers of the files as written):" in err
    assert "%s:%d: [division]" % (blog, written[0]) in err


@pytest.mark.parametrize("mode", [[], ["--check"]])
def test_without_write_reviews_name_lines_of_the_file_as_read(blog, tmp_path, mode):
    args = mode + ["--report", str(tmp_path / "r.json"), str(blog)]
    run(*args)
    data = report(tmp_path / "r.json")
    assert data["review_lines"] == "original"
    assert [item["line"] for item in division_reviews(data)] == [51]
    assert blog.read_text(encoding="utf-8") == BLOG


def test_every_review_line_of_a_written_file_holds_what_it_names(blog, tmp_path):
    # The reviews that quote code name the line where that code now is.
    run("--write", "--target", "3", "--report", str(tmp_path / "r.json"), str(blog))
    lines = blog.read_text(encoding="utf-8").splitlines()
    by_fixer = dict((item["fixer"], item["line"]) for item in report(tmp_path / "r.json")["needs_review"])
    assert "ids.sort(by_score)" in lines[by_fixer["sort_cmp"] - 1]
    assert DIVISION in lines[by_fixer["division"] - 1]


def review_set(data):
    return collections.Counter(
        (item["path"], item["line"], item["fixer"], item["message"]) for item in data["needs_review"]
    )


def migrate_then_check(folder, tmp_path, target):
    first, second = str(tmp_path / "first.json"), str(tmp_path / "second.json")
    code, err = run("--write", "--target", target, "--report", first, str(folder))
    assert code == 0, err
    code, err = run("--check", "--target", target, "--report", second, str(folder))
    assert code == 0, err
    return review_set(report(first)), review_set(report(second))


@pytest.mark.parametrize("target", ["2and3", "3"])
def test_a_check_of_the_tools_own_output_reports_nothing_new(blog, tmp_path, target):
    before, after = migrate_then_check(blog, tmp_path, target)
    assert after - before == collections.Counter()


@pytest.mark.parametrize("target", ["2and3", "3"])
def test_the_legacy_app_migrated_then_checked_reports_nothing_new(tmp_path, target):
    app = tmp_path / "legacy_app"
    shutil.copytree(
        os.path.join(FIXTURES, "legacy_app"), str(app), ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    reports = tmp_path / "reports"
    reports.mkdir()
    before, after = migrate_then_check(app, reports, target)
    assert after - before == collections.Counter()


def test_2and3_then_3_reports_nothing_the_first_step_did_not(blog, tmp_path):
    # The way a project takes both steps: --target 2and3 first, later
    # --target 3 over its output.
    first = str(tmp_path / "first.json")
    assert run("--write", "--report", first, str(blog))[0] == 0
    later = str(tmp_path / "later.json")
    assert run("--target", "3", "--report", later, str(blog))[0] == 0
    messages = lambda data: collections.Counter((item["fixer"], item["message"]) for item in data["needs_review"])
    assert messages(report(later)) - messages(report(first)) == collections.Counter()


CMP_FALLBACK = u'''\
import os

try:
    cmp
except NameError:
    def cmp(a, b):
        return (a > b) - (a < b)


def order(a, b):
    return cmp(a, b)
'''


def test_target_3_turns_the_cmp_fallback_into_a_plain_definition(tmp_path):
    path = tmp_path / "order.py"
    path.write_text(CMP_FALLBACK, encoding="utf-8")
    code, err = run("--write", "--target", "3", str(path))
    assert code == 0, err
    assert path.read_text(encoding="utf-8") == (
        u"import os\n\ndef cmp(a, b):\n    return (a > b) - (a < b)\n\n\n"
        u"def order(a, b):\n    return cmp(a, b)\n"
    )


def test_target_2and3_keeps_the_cmp_fallback(tmp_path):
    path = tmp_path / "order.py"
    path.write_text(CMP_FALLBACK, encoding="utf-8")
    assert run("--write", str(path))[0] == 0
    assert path.read_text(encoding="utf-8") == CMP_FALLBACK


def changed_places(before, after):
    """The places (runs of consecutive changed lines) where *after* differs
    from *before*."""
    import difflib

    matcher = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines(), autojunk=False)
    return len([op for op in matcher.get_opcodes() if op[0] != "equal"])


def counted(data):
    return sum(data["fix_counts"].values())


@pytest.mark.parametrize("steps", [["2and3"], ["3"], ["2and3", "3"]])
def test_rewrites_per_fixer_account_for_every_changed_place(blog, tmp_path, steps):
    # Each step's summary counts at least one rewrite for every place its
    # diff changes (a fixer may change several lines in one rewrite).
    for step in steps:
        before = blog.read_text(encoding="utf-8")
        assert run("--write", "--target", step, "--report", str(tmp_path / "r.json"), str(blog))[0] == 0
        after = blog.read_text(encoding="utf-8")
        places = changed_places(before, after)
        assert places > 5
        assert counted(report(tmp_path / "r.json")) >= places


def test_the_legacy_app_summary_accounts_for_every_changed_place(tmp_path):
    app = tmp_path / "legacy_app"
    shutil.copytree(
        os.path.join(FIXTURES, "legacy_app"), str(app), ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    originals = {}
    for folder, _, files in os.walk(str(app)):
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                with io.open(path, encoding="utf-8") as handle:
                    originals[path] = handle.read()
    assert run("--write", "--target", "3", "--report", str(tmp_path / "r.json"), str(app))[0] == 0
    by_path = dict((entry["path"], entry) for entry in report(tmp_path / "r.json")["files"])
    for path, before in sorted(originals.items()):
        with io.open(path, encoding="utf-8") as handle:
            after = handle.read()
        assert sum(by_path[path]["fix_counts"].values()) >= changed_places(before, after), path


def test_pyupgrade_counts_each_line_it_changes(tmp_path):
    path = tmp_path / "strings.py"
    path.write_text(u"a = u'x'\nb = 1\nc = u'y'\nd = set([1, 2])\n", encoding="utf-8")
    assert run("--write", "--target", "3", "--report", str(tmp_path / "r.json"), str(path))[0] == 0
    assert path.read_text(encoding="utf-8") == u"a = 'x'\nb = 1\nc = 'y'\nd = {1, 2}\n"
    assert report(tmp_path / "r.json")["fix_counts"] == {"pyupgrade": 3}


def test_target_3_keeps_a_cookie_that_names_another_encoding(tmp_path):
    # pyupgrade drops coding cookies; the file stays in its own encoding,
    # so Python 3 must still be told which one.
    path = tmp_path / "latin.py"
    path.write_bytes(b"# -*- coding: latin-1 -*-\nname = u'Fran\xe7ois'\n")
    assert run("--write", "--target", "3", str(path))[0] == 0
    data = path.read_bytes()
    assert data == b"# -*- coding: latin-1 -*-\nname = 'Fran\xe7ois'\n"
    namespace = {}
    exec(compile(data, str(path), "exec"), namespace)
    assert namespace["name"] == u"Fran\xe7ois"


def test_an_import_a_fixer_adds_counts_as_one_of_its_rewrites(tmp_path):
    path = tmp_path / "hello.py"
    path.write_text(u"import os\nprint 'a'\n", encoding="utf-8")
    assert run("--write", "--report", str(tmp_path / "r.json"), str(path))[0] == 0
    assert path.read_text(encoding="utf-8") == (
        u"from __future__ import print_function\nimport os\nprint('a')\n"
    )
    assert report(tmp_path / "r.json")["fix_counts"] == {"print": 2}


def test_a_write_answered_from_the_cache_names_lines_of_the_written_file(blog, tmp_path):
    # The cache keeps the lines of the file as read; the write that uses it
    # carries them over like a fresh run does.
    cache = str(tmp_path / "cache")
    stderr = io.StringIO()
    argv = ["--cache-dir", cache, "--jobs", "1"]
    assert main(argv + [str(blog)], stdout=io.TextIOWrapper(io.BytesIO()), stderr=stderr) == 0
    assert "%s:51: [division]" % blog in stderr.getvalue()
    stderr = io.StringIO()
    assert main(argv + ["--write", str(blog)], stdout=io.StringIO(), stderr=stderr) == 0
    assert "from cache" in stderr.getvalue()
    assert "%s:%d: [division]" % (blog, line_of(blog, DIVISION)[0]) in stderr.getvalue()
    assert line_of(blog, DIVISION) == [57]


PYTHON3_CODE = u'''\
import urllib.parse

name = input()
mark = "\\u2122"
counts = {}
pairs = counts.items()
label = f"{name}{mark}"
'''


def test_target_3_leaves_python3_code_its_python3_meaning(tmp_path):
    # f-strings and urllib.parse exist only on Python 3: input(), the \\u
    # escape and the dict view mean what Python 3 says.
    path = tmp_path / "modern.py"
    path.write_text(PYTHON3_CODE, encoding="utf-8")
    code, err = run("--check", "--target", "3", str(path))
    assert code == 0, err
    assert "needs review" not in err


def test_target_3_still_removes_six_from_python3_code(tmp_path):
    path = tmp_path / "modern.py"
    path.write_text(u"import six\nlabel = f'{1}'\nvalue = six.text_type(1)\n", encoding="utf-8")
    assert run("--write", "--target", "3", str(path))[0] == 0
    assert path.read_text(encoding="utf-8") == u"label = f'{1}'\nvalue = str(1)\n"


def test_target_3_reads_code_valid_on_both_as_python2(tmp_path):
    # Nothing says this is Python 3: Python 2's input() evaluated the text.
    path = tmp_path / "ask.py"
    path.write_text(u"name = input()\n", encoding="utf-8")
    assert run("--write", "--target", "3", str(path))[0] == 0
    assert path.read_text(encoding="utf-8") == u"name = eval(input())\n"
