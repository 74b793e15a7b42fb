# migrate-tests: tool-only
"""The command line: modes, exit codes, fixer selection, summary, report,
cache, --jobs and --verify."""
import io
import json
import os
import subprocess
import sys

import pytest

from migrate import cli, runner
from migrate.cli import main
from migrate.fixes import all_fixers

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("FLASKCOMPAT_MIGRATE_CACHE_DIR", str(folder))
    return folder


class Tty(io.StringIO):
    def isatty(self):
        return True


def run(*argv, **kwargs):
    out = io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8")
    stderr = kwargs.get("stderr") or io.StringIO()
    code = main(list(argv), stdout=stdout, stderr=stderr)
    stdout.flush()
    return code, out.getvalue(), stderr.getvalue()


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "project"
    (root / "pkg").mkdir(parents=True)
    (root / "pkg" / "__init__.py").write_bytes(b"")
    (root / "pkg" / "views.py").write_bytes(b"print 'hello'\n")
    (root / "pkg" / "models.py").write_bytes(b"x = `1`\nif x <> '1': pass\n")
    (root / "pkg" / "clean.py").write_bytes(b"x = 1\n")
    (root / "pkg" / "notes.txt").write_bytes(b"print 'not python'\n")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "skipped.py").write_bytes(b"print 'hidden'\n")
    (root / "venv").mkdir()
    (root / "venv" / "pyvenv.cfg").write_bytes(b"home = /usr/bin\n")
    (root / "venv" / "lib.py").write_bytes(b"print 'virtualenv'\n")
    return root


def test_file_discovery(tree):
    found = [os.path.relpath(path, str(tree)) for path in runner.iter_python_files([str(tree)])]
    assert found == [os.path.join("pkg", name) for name in ("__init__.py", "clean.py", "models.py", "views.py")]
    # A file given by name is taken whatever its extension, and only once.
    notes = str(tree / "pkg" / "notes.txt")
    assert list(runner.iter_python_files([notes, notes])) == [notes]


def test_default_prints_a_diff_and_writes_nothing(tree):
    before = (tree / "pkg" / "views.py").read_bytes()
    code, out, err = run("-j", "1", str(tree))
    assert code == 0
    assert b"+print('hello')" in out
    assert b"-x = `1`" in out
    assert (tree / "pkg" / "views.py").read_bytes() == before
    assert "4 files seen, 2 would change, 0 failed" in err


def test_write_then_check(tree):
    assert run("--check", str(tree))[0] == 1
    code, out, err = run("--write", str(tree))
    assert (code, out) == (0, b"")
    assert "4 files seen, 2 changed, 0 failed" in err
    assert (tree / "pkg" / "models.py").read_bytes() == b"x = repr(1)\nif x != '1': pass\n"
    code, out, err = run("--check", str(tree))
    assert (code, out) == (0, b"")


def test_summary_counts_per_fixer_and_review_list(tree):
    (tree / "pkg" / "review.py").write_bytes(b"def f():\n    raise E, V, tb\n")
    code, _, err = run("--check", str(tree))
    assert code == 1
    lines = err.splitlines()
    assert "rewrites per fixer:" in lines
    assert any(line.split() == ["repr", "1"] for line in lines)
    assert any(line.split() == ["ne", "1"] for line in lines)
    # print: the call, and the __future__ import it needs
    assert any(line.split() == ["print", "2"] for line in lines)


def test_fix_and_nofix(tree):
    code, out, _ = run("--fix", "repr", str(tree))
    assert code == 0
    assert b"repr(1)" in out and b"print(" not in out and b"!=" not in out
    code, out, _ = run("--nofix", "repr", str(tree))
    assert b"repr(1)" not in out and b"print(" in out


def test_unknown_fixer_is_a_usage_error(tree):
    code, _, err = run("--fix", "no_such_fixer", str(tree))
    assert code == 2
    assert "no_such_fixer" in err


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--target", "4", "x.py"],
        ["--min-version", "2.7", "x.py"],
        ["--jobs", "-1", "x.py"],
        ["--write", "--check", "x.py"],
        ["--target", "3", "--source-python", "4", "x.py"],
    ],
)
def test_usage_errors_exit_2(argv):
    assert run(*argv)[0] == 2


def test_missing_path_is_a_usage_error(tmp_path):
    code, _, err = run(str(tmp_path / "nowhere.py"))
    assert code == 2
    assert "nowhere.py" in err


def test_list_fixes():
    code, out, _ = run("--list-fixes")
    assert code == 0
    listed = [line.split()[0] for line in out.decode("utf-8").splitlines()]
    assert listed == sorted(all_fixers())
    code, out, _ = run("--list-fixes", "--target", "2and3")
    names = [line.split()[0] for line in out.decode("utf-8").splitlines()]
    assert names == sorted(n for n, cls in all_fixers().items() if "2and3" in cls.targets)


def test_list_fixes_names_what_each_target_runs():
    def listed(target):
        code, out, _ = run("--list-fixes", "--target", target)
        assert code == 0
        return set(line.split()[0] for line in out.decode("utf-8").splitlines())

    fixers = all_fixers()
    both = set(n for n, cls in fixers.items() if "2and3" in cls.targets)
    only3 = set(n for n, cls in fixers.items() if set(cls.targets) == set(["3"]))
    flask3 = set(n for n, cls in fixers.items() if set(cls.targets) == set(["flask3"]))
    assert only3 and flask3
    assert listed("3") == both | only3
    # flask3 runs everything --target 3 does except the two fixers that send
    # flask and werkzeug imports to flaskcompat, then its own
    assert listed("flask3") == (both - set(["flask_imports", "werkzeug_imports"])) | only3 | flask3


def test_failure_exit_code_wins_over_check(tree):
    (tree / "pkg" / "broken.py").write_bytes(b"def f(:\n")
    code, _, err = run("--check", str(tree))
    assert code == 3
    assert "broken.py:1: cannot parse" in err
    assert "5 files seen, 2 would change, 1 failed" in err


def test_report_json(tree, tmp_path):
    (tree / "pkg" / "broken.py").write_bytes(b"x = 1\ndef f(:\n")
    report = tmp_path / "report.json"
    code, _, _ = run("--check", "--report", str(report), str(tree))
    assert code == 3
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["totals"] == {"files": 5, "changed": 2, "failed": 1, "unchanged": 2}
    assert data["fix_counts"] == {"ne": 1, "print": 2, "repr": 1}
    by_name = {os.path.basename(entry["path"]): entry for entry in data["files"]}
    assert by_name["broken.py"]["error"]["line"] == 2
    assert by_name["views.py"]["status"] == "changed"
    assert by_name["views.py"]["written"] is False
    assert by_name["models.py"]["fix_counts"] == {"ne": 1, "repr": 1}


def test_quiet_prints_only_failures(tree):
    (tree / "pkg" / "broken.py").write_bytes(b"def f(:\n")
    code, _, err = run("--quiet", "--check", str(tree))
    assert code == 3
    assert err.strip().splitlines() == ["%s:1: cannot parse: unexpected ':'" % (tree / "pkg" / "broken.py")]


def test_cache_answers_a_rerun(tree, cache_dir):
    code, first, err = run("--check", str(tree))
    assert "from cache" not in err
    code2, second, err2 = run("--check", str(tree))
    assert (code2, second) == (code, first)
    assert "4 from cache" in err2
    # A changed file is a different key.
    (tree / "pkg" / "clean.py").write_bytes(b"print 'now dirty'\n")
    _, _, err3 = run("--check", str(tree))
    assert "3 from cache" in err3
    assert "3 would change" in err3


def test_cached_changes_are_still_written(tree):
    assert run("--check", str(tree))[0] == 1
    assert run("--write", str(tree))[0] == 0
    assert (tree / "pkg" / "views.py").read_bytes().endswith(b"print('hello')\n")


def test_no_cache_writes_no_cache(tree, cache_dir):
    run("--no-cache", "--check", str(tree))
    assert not cache_dir.exists()
    run("--check", str(tree))
    assert cache_dir.exists()


def test_cache_key_depends_on_options(tree, cache_dir):
    run("--check", "--fix", "repr", str(tree))
    _, out, err = run("--fix", "print", str(tree))
    assert "from cache" not in err
    assert b"print('hello')" in out


def test_jobs_gives_the_same_result_as_one_process(tree):
    for index in range(12):
        (tree / "pkg" / ("m%02d.py" % index)).write_bytes(b"print 'file %d'\n" % index)
    one = run("--no-cache", "-j", "1", str(tree))
    two = run("--no-cache", "-j", "2", str(tree))
    assert one[0] == two[0] == 0
    assert one[1] == two[1]
    assert one[1].count(b"+++ ") == 14


def test_progress_bar_only_on_a_terminal(tree):
    tty = Tty()
    run("--check", "--no-cache", str(tree), stderr=tty)
    assert "\r[" in tty.getvalue() and "4/4 files" in tty.getvalue()
    _, _, err = run("--check", "--no-cache", str(tree))
    assert "\r" not in err


def test_target_3(tree):
    (tree / "pkg" / "klass.py").write_bytes(b"class A(object):\n    x = `1`\n")
    code, _, _ = run("--write", "--target", "3", str(tree / "pkg" / "klass.py"))
    assert code == 0
    assert (tree / "pkg" / "klass.py").read_bytes() == b"class A:\n    x = repr(1)\n"


# Python 2 code whose --target 3 result compiles on both and shows no syntax
# of Python 3 alone: read as Python 2 again, it would change again.
AMBIGUOUS_RESULT = (
    b"name = raw_input('name? ')\n"
    b"mark = u'\\u2122'\n"
    b"for key, value in {}.items():\n"
    b"    pass\n"
)


def test_source_python_3_reads_the_target_3_output_as_final(tree):
    path = tree / "pkg" / "ask.py"
    path.write_bytes(AMBIGUOUS_RESULT)
    assert run("--write", "--target", "3", str(path))[0] == 0
    migrated = path.read_bytes()
    assert migrated == b"name = input('name? ')\nmark = '\\u2122'\nfor key, value in {}.items():\n    pass\n"
    # By default the result is Python 2 code that happens to compile on 3.
    code, diff, _ = run("--target", "3", str(path))
    assert code == 0
    assert b"+name = eval(input('name? '))" in diff
    # Read as Python 3, it is final; the cached answer of the run above is
    # not reused for it.
    code, diff, err = run("--check", "--target", "3", "--source-python", "3", str(path))
    assert (code, diff) == (0, b"")
    assert "from cache" not in err
    assert "0 would change" in err
    assert path.read_bytes() == migrated


def test_source_python_3_still_migrates_python_2_syntax(tree):
    views = tree / "pkg" / "views.py"
    code, _, _ = run("--write", "--target", "3", "--source-python", "3", str(views))
    assert code == 0
    assert views.read_bytes() == b"print('hello')\n"


def test_source_python_3_needs_a_python_3_target(tree):
    code, out, err = run("--source-python", "3", str(tree))
    assert (code, out) == (2, b"")
    assert "--source-python 3 goes with --target 3 or flask3" in err
    assert (tree / "pkg" / "views.py").read_bytes() == b"print 'hello'\n"


def test_report_names_how_files_were_read(tree, tmp_path):
    report = tmp_path / "report.json"
    run("--check", "--target", "3", "--source-python", "3", "--report", str(report), str(tree))
    assert json.loads(report.read_text(encoding="utf-8"))["source_python"] == 3
    run("--check", "--report", str(report), str(tree))
    assert json.loads(report.read_text(encoding="utf-8"))["source_python"] == 2


def test_a_rewrite_that_stops_compiling_is_refused_before_verify(tmp_path, monkeypatch):
    from migrate import verify

    interpreters = {"%d.%d" % sys.version_info[:2]: sys.executable}
    monkeypatch.setattr(verify, "find_interpreters", lambda path=None, broken=None: interpreters)
    path = tmp_path / "m.py"
    path.write_bytes(b"x = 1\n")
    from fissix.pgen2 import token
    from fissix.pytree import Leaf

    from migrate.fixes import MigrateFix

    class FixBroken(MigrateFix):
        # A fixer that breaks the code it rewrites stands in for a buggy one.
        name = "broken"
        PATTERN = "'x'"

        def transform(self, node, results):
            self.changed(node)
            return Leaf(token.NAME, "(x", prefix=node.prefix)

    monkeypatch.setattr("migrate.engine._select_fixers", lambda target, select, exclude: ([FixBroken], []))
    code, _, err = run("--write", "--verify", "--no-cache", str(path))
    # The check that runs before every write (with or without --verify)
    # refuses it first, as the tool's own fault.
    assert code == 4
    assert "m.py:1: internal error: the rewrite by broken does not verify" in err
    assert path.read_bytes() == b"x = 1\n"


def test_verify_accepts_good_rewrites(tmp_path, monkeypatch):
    from migrate import verify

    interpreters = {"%d.%d" % sys.version_info[:2]: sys.executable}
    monkeypatch.setattr(verify, "find_interpreters", lambda path=None, broken=None: interpreters)
    path = tmp_path / "m.py"
    path.write_bytes(b"import os\nprint 'a'\n")
    code, _, err = run("--write", "--verify", "--no-cache", str(path))
    assert code == 0, err
    assert path.read_bytes() == b"from __future__ import print_function\nimport os\nprint('a')\n"


def test_find_interpreters_keeps_only_those_that_start(tmp_path):
    folder = tmp_path / "bin"
    folder.mkdir()
    real = folder / ("python%d.%d" % sys.version_info[:2])
    real.symlink_to(sys.executable)
    fake = folder / "python3.99"
    fake.write_text("#!/bin/sh\nexit 127\n")
    fake.chmod(0o755)
    from migrate.verify import find_interpreters

    assert find_interpreters(str(folder)) == {"%d.%d" % sys.version_info[:2]: str(real)}


def test_python_dash_m_entry_point(tree):
    process = subprocess.run(
        [sys.executable, "-m", "migrate", "--check", "--no-cache", str(tree)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.returncode == 1
    assert b"2 would change" in process.stderr


def test_help_documents_exit_codes():
    text = cli.build_parser().format_help()
    for line in ("0  success", "1  --check", "2  usage error", "3  at least one file"):
        assert line in text
