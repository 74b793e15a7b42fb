"""The proving ground's bookkeeping: how a failure on 3.13 is traced to a
line the tool printed as needs-review (tests/proving_ground/run.py)."""
import io
import os

from casekit import TOOL_PYTHON

HERE = os.path.dirname(os.path.abspath(__file__))
RUN = os.path.join(os.path.dirname(HERE), "proving_ground")


def _write(path, text):
    folder = os.path.dirname(path)
    if not os.path.isdir(folder):
        os.makedirs(folder)
    with io.open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def _frame(path, line):
    return '  File "%s", line %d, in f\n' % (path, line)


if TOOL_PYTHON:
    import importlib.util

    _spec = importlib.util.spec_from_file_location("proving_ground_run", os.path.join(RUN, "run.py"))
    run = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(run)

    def test_line_map_follows_kept_and_rewritten_lines(tmp_path):
        before, after = str(tmp_path / "a.py"), str(tmp_path / "b.py")
        _write(before, "import urllib2\nx = 1\nprint 'x'\ny = 2\n")
        _write(after, "import six\n\nx = 1\nprint('x')\ny = 2\n")
        mapping = run.line_map(before, after)
        assert (mapping[2], mapping[3], mapping[4]) == (3, 4, 5)

    def test_each_failure_gets_one_outcome(tmp_path):
        original, copy = str(tmp_path / "orig"), str(tmp_path / "copy")
        _write(os.path.join(original, "pkg", "m.py"), "import StringIO\n\ndef f():\n    return 1\n")
        _write(os.path.join(copy, "pkg", "m.py"), "import six\n\n\ndef f():\n    return 1\n")
        reviews = [
            {"path": os.path.join(copy, "pkg", "m.py"), "line": 3, "fixer": "demo", "message": "m"},
            {"path": os.path.join(copy, "pkg", "m.py"), "line": 1, "fixer": "demo", "message": "m"},
        ]
        project = {"traces": [{"review": "pkg/m.py:1", "match": "bytes later"},
                              {"review": "pkg/m.py:9", "match": "never printed"}]}
        hit = _frame(os.path.join(copy, "pkg", "m.py"), 4) + "TypeError: here\n"
        row = {
            "before 2.7": {"modules": {"tests.a": 3, "tests.broken": 5},
                           "problems": [{"id": "tests.a.T.flaky", "trace": "x"}]},
            "after 2.7": {"problems": []},
            "after 3.13": {"problems": [
                {"id": "tests.a.T.direct", "trace": hit},
                {"id": "tests.a.T.declared", "trace": "ValueError: bytes later\n"},
                {"id": "tests.a.T.flaky", "trace": "AssertionError\n"},
                {"id": "tests.a.T.unknown", "trace": "KeyError: 'k'\n"},
                {"id": "tests.broken", "trace": hit},
            ]},
        }
        found = run.trace(project, row, original, copy, reviews)
        assert found["by review"] == {"pkg/m.py:3 (demo)": 6, "pkg/m.py:1 (demo)": 1}
        assert (found["failing"], found["traced"], found["on 2.7"]) == (9, 7, 1)
        assert found["not traced"] == [("tests.a.T.unknown", 1, "KeyError: 'k'")]
        assert found["declared but not printed"] == ["pkg/m.py:9"]

    def test_review_items_new_on_the_second_run(tmp_path):
        copy = str(tmp_path)
        first = [{"path": os.path.join(copy, "m.py"), "line": 4, "fixer": "a", "message": "same"}]
        second = [{"path": os.path.join(copy, "m.py"), "line": 5, "fixer": "a", "message": "same"},
                  {"path": os.path.join(copy, "m.py"), "line": 9, "fixer": "b", "message": "own output"}]
        assert run.new_reviews(first, second, copy) == ["m.py:9 (b) own output"]
