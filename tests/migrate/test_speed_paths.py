# migrate-tests: tool-only
"""The short cuts taken for speed give what the long way gives: a fixer
skipped for lack of the values or node types it needs, the compile check
answered from the last compile, review lines kept in the cache."""
import io
import json

import pytest

from migrate import dispatch, engine
from migrate.cli import main
from migrate.fixes import all_fixers


def run(*argv):
    out = io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8")
    code = main(list(argv), stdout=stdout, stderr=io.StringIO())
    stdout.flush()
    return code


SOURCE = (
    "import os\n"
    "\n"
    "def total(d):\n"
    "    for k, v in d.iteritems():\n"
    "        print k, v\n"
    "    return 7 / len(d) if d.has_key('x') else reduce(f, d)\n"
    "\n"
    "\n"
    "def ratio(a, b):\n"
    "    return a / b\n"
)


def write_copy(tmp_path, name):
    """Migrate a fresh copy of SOURCE with --write (the cache of the test's
    environment on); the items of its report's ``needs_review``, without
    their paths."""
    folder = tmp_path / name
    folder.mkdir()
    (folder / "m.py").write_text(SOURCE)
    report = tmp_path / (name + ".json")
    assert run("--write", "-q", "-j", "1", "--report", str(report), str(folder)) == 0
    assert (folder / "m.py").read_text() != SOURCE
    items = json.loads(report.read_text())["needs_review"]
    return [(item["line"], item["fixer"], item["message"]) for item in items]


def test_review_lines_of_a_rerun_from_the_cache_are_those_of_the_first_run(tmp_path, monkeypatch):
    monkeypatch.setenv("FLASKCOMPAT_MIGRATE_CACHE_DIR", str(tmp_path / "cache"))
    first = write_copy(tmp_path, "first")
    again = write_copy(tmp_path, "again")
    assert first  # the division in ratio() is one
    assert again == first
    # The lines name the file as written: the imports the rewrite added
    # moved the division down.
    written = (tmp_path / "again" / "m.py").read_text().splitlines()
    division = [line for line, fixer, _ in again if fixer == "division"]
    assert division
    assert all("/" in written[line - 1] for line in division)
    entries = list((tmp_path / "cache").glob("*/*.json"))
    assert entries
    assert all("written_reviews" in json.loads(entry.read_text()) for entry in entries)


def test_a_damaged_list_of_review_lines_in_the_cache_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv("FLASKCOMPAT_MIGRATE_CACHE_DIR", str(tmp_path / "cache"))
    expected = write_copy(tmp_path, "first")
    for entry in (tmp_path / "cache").glob("*/*.json"):
        stored = json.loads(entry.read_text())
        stored["written_reviews"] = [["not a line", "x", "y"]]
        entry.write_text(json.dumps(stored))
    assert write_copy(tmp_path, "again") == expected


def _plans():
    return [(cls, dispatch.FixerPlan(cls({}, []))) for cls in all_fixers().values()]


@pytest.mark.parametrize("cls", [cls for cls, plan in _plans() if plan.required or plan.required_types],
                         ids=lambda cls: cls.name)
def test_a_fixer_that_names_what_it_needs_skips_a_module_without_it(cls):
    plan = dispatch.FixerPlan(cls({}, []))
    tree = engine.parse_source("x = 1\n")
    index = dispatch.TreeIndex(tree)
    assert plan.active_heads(index) == frozenset()


@pytest.mark.parametrize(
    "name, source",
    [
        ("has_key", "if d.has_key(k):\n    pass\n"),
        ("decimal_int", "from datetime import time\nt = time(1, 2, 3, m.to_integral())\n"),
        ("bool_fallback", "try:\n    True\nexcept NameError:\n    True, False = 1, 0\n"),
        ("division", "x = a / b\n"),
        ("division", "x /= 2\n"),
        ("flask_imports", "from flask.ext.login import current_user\n"),
        ("werkzeug_imports", "from werkzeug import secure_filename\n"),
        ("tuple_params", "def f(a, (b, c)):\n    return b\n"),
        ("tuple_params", "g = lambda (k, v): k\n"),
    ],
)
def test_a_fixer_runs_where_what_it_needs_is_there(name, source):
    result = engine.migrate_source(source, select=[name])
    assert result.changed or result.reviews
    assert name in result.fix_counts or any(review.fixer == name for review in result.reviews)


def test_the_compile_check_of_a_rewrite_is_answered_once(monkeypatch):
    calls = []
    real = engine._compile_now

    def counting(text, filename):
        calls.append(text)
        return real(text, filename)

    monkeypatch.setattr(engine, "_compile_now", counting)
    result = engine.migrate_source("print 'x'\nd.has_key(1)\n", filename="once.py")
    assert result.changed
    assert calls.count(result.source) == 1
    # A different file of the same text is compiled again (its name is in
    # the error), and so is another text.
    assert engine._compile_problem(result.source, "other.py") is None
    assert engine._compile_problem("x = (\n", "once.py")[0] == 1
    assert calls.count(result.source) == 2
