# migrate-tests: tool-only
"""Every rewrite is parsed (and for Python 3, compiled) again before it is
written; a fixer that produces broken code costs the user nothing."""
import io

import pytest
from fissix import pytree
from fissix.pgen2 import token

from migrate import engine
from migrate.cli import EXIT_INTERNAL, main
from migrate.fixes import fix_ne

BROKEN_INPUT = b"import os\nprint 'start'\nif os.sep <> '/':\n    pass\n"


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("FLASKCOMPAT_MIGRATE_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def broken_ne(monkeypatch):
    """Make the ``ne`` fixer write ``! =``, which no Python parses."""

    def transform(self, node, results):
        self.changed(node)
        return pytree.Leaf(token.NOTEQUAL, "! =", prefix=node.prefix)

    monkeypatch.setattr(fix_ne.FixNe, "transform", transform)
    engine._instances.clear()
    yield
    engine._instances.clear()


def run(*argv):
    stderr = io.StringIO()
    out = io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8")
    code = main(list(argv) + ["--jobs", "1"], stdout=stdout, stderr=stderr)
    stdout.flush()
    return code, out.getvalue(), stderr.getvalue()


def test_a_broken_fixer_leaves_the_file_untouched_and_is_named(tmp_path, broken_ne):
    target = tmp_path / "legacy.py"
    target.write_bytes(BROKEN_INPUT)
    before = target.stat().st_mtime_ns
    code, out, err = run("--write", str(target))
    assert code == EXIT_INTERNAL == 4
    assert target.read_bytes() == BROKEN_INPUT
    assert target.stat().st_mtime_ns == before
    # the line of the user's file, the fixer at fault (print changed the file
    # too, but alone it is fine), and what is wrong
    assert "%s:3: internal error: the rewrite by ne does not verify" % target in err
    assert "left unchanged" in err


@pytest.mark.parametrize("mode", [[], ["--check"]])
def test_a_broken_fixer_shows_no_diff_and_counts_no_change(tmp_path, broken_ne, mode):
    target = tmp_path / "legacy.py"
    target.write_bytes(BROKEN_INPUT)
    code, out, err = run(*(mode + [str(target)]))
    assert code == 4
    assert out == b""
    assert "1 failed" in err


def test_the_failure_is_not_cached(tmp_path, broken_ne, monkeypatch):
    target = tmp_path / "legacy.py"
    target.write_bytes(BROKEN_INPUT)
    assert run("--write", str(target))[0] == 4
    monkeypatch.undo()
    engine._instances.clear()
    code, _, err = run("--write", str(target))
    assert code == 0, err
    assert b"!=" in target.read_bytes()


def test_the_report_marks_internal_errors(tmp_path, broken_ne):
    import json

    target = tmp_path / "legacy.py"
    target.write_bytes(BROKEN_INPUT)
    report = tmp_path / "report.json"
    run("--report", str(report), str(target))
    data = json.loads(report.read_text())
    (entry,) = [f for f in data["files"] if f["path"] == str(target)]
    assert entry["error"]["internal"] is True
    assert entry["error"]["line"] == 3


def test_rewrite_error_from_the_engine(broken_ne):
    with pytest.raises(engine.RewriteError) as info:
        engine.migrate_source(BROKEN_INPUT.decode("ascii"), filename="m.py")
    assert info.value.fixers == ("ne",)
    assert info.value.line == 3


def test_target_3_results_must_compile_on_python_3():
    assert engine._compile_problem("print('a')\n", "m.py") is None
    line, message = engine._compile_problem("x = 1\nprint 'a'\n", "m.py")
    assert line == 2
    assert "Python 3 cannot compile it" in message


def test_a_changed_future_import_makes_the_whole_file_parse_again(monkeypatch):
    # print_function changes the grammar of every statement: a print left
    # as a statement elsewhere must be found, though its own line is as
    # it was.
    from migrate.fixes import fix_print
    from migrate.fixes._util import ensure_future

    def transform(self, node, results):
        root = node
        while root.parent is not None:
            root = root.parent
        ensure_future(root, "print_function")
        self.changed(node)
        return None

    monkeypatch.setattr(fix_print.FixPrint, "transform", transform)
    engine._instances.clear()
    try:
        with pytest.raises(engine.RewriteError) as info:
            engine.migrate_source("import os\nprint 'a'\n", filename="m.py", select=["print"])
    finally:
        engine._instances.clear()
    assert info.value.fixers == ("print",)
    assert info.value.line == 2


@pytest.mark.parametrize(
    "source",
    [
        "f = lambda(k, v): (v, k)\n",
        "g = lambda(x):x.group(1)\n",
        "h = lambda(a,(b,c)):a+b+c\n",
        "def q(a,(b,c)):\n    return a\n",
        "k = lambda((a)): a\n",
    ],
)
def test_tuple_parameters_without_spaces_rewrite_to_valid_code(source):
    result = engine.migrate_source(source, filename="m.py")
    assert result.changed
    compile(result.source, "m.py", "exec")
    again = engine.migrate_source(result.source, filename="m.py")
    assert not again.changed


def test_a_2and3_result_python3_cannot_compile_is_a_review_line(tmp_path):
    # Python 2 reads a tab as "up to the next multiple of eight"; Python 3
    # refuses indentation that mixes them ambiguously. No fixer re-indents,
    # the result parses as Python 2, so it is written and the line listed
    # (the line of the file as written: one more, for the future import).
    target = tmp_path / "legacy.py"
    target.write_bytes(b"print 'x'\n\n\ndef f(x):\n        a = 1\n\treturn a\n")
    code, out, err = run("--write", str(target))
    assert target.read_bytes().startswith(b"from __future__ import print_function\n")
    assert "%s:7: [python3] Python 3 cannot compile it: inconsistent use of tabs" % target in (
        out.decode("utf-8") + err
    )


def test_an_unchanged_file_python3_cannot_compile_is_a_review_line_too(tmp_path):
    target = tmp_path / "legacy.py"
    source = b"def f(x):\n        a = 1\n\treturn a\n"
    target.write_bytes(source)
    code, out, err = run("--write", str(target))
    assert target.read_bytes() == source
    assert "%s:3: [python3] Python 3 cannot compile it: inconsistent use of tabs" % target in (
        out.decode("utf-8") + err
    )
