"""Shared checks for the target-3 fixer tables (Python 3.9+ only).

Target-3 input is already Python 3 code (the 2and3 result, with six), so
each runnable case executes "before" and "after" on the running interpreter
and both must print the expected output.
"""
import importlib
import os
import subprocess
import sys
import tempfile

import pytest

from casekit import _load_tool

__all__ = ["target3_tests"]


def _run(source):
    directory = tempfile.mkdtemp(prefix="target3")
    path = os.path.join(directory, "case.py")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(source)
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    process = subprocess.run([sys.executable, path], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env, cwd=directory)
    assert process.returncode == 0, process.stderr.decode("utf-8", "replace")
    return process.stdout.decode("utf-8")


def _check(case, fix_name):
    engine = importlib.import_module(_load_tool().__name__ + ".engine")
    result = engine.migrate_source(case.before, target="3", select=[fix_name])
    assert result.source == case.after
    assert result.changed == case.is_rewrite
    again = engine.migrate_source(result.source, target="3", select=[fix_name])
    assert again.source == result.source, "second run changed the result"
    if case.review is not None:
        messages = [review.message for review in result.reviews]
        assert any(case.review in message for message in messages), messages


def target3_tests(fix_name, cases):
    """``(test_rewrite, test_runtime)`` for a target-3 fixer's table."""

    @pytest.mark.parametrize("case", cases, ids=[case.id for case in cases])
    def test_rewrite(case):
        _check(case, fix_name)

    runnable = [case for case in cases if case.output is not None]

    @pytest.mark.parametrize("case", runnable, ids=[case.id for case in runnable])
    def test_runtime(case):
        assert _run(case.before) == case.output, "before"
        assert _run(case.after) == case.output, "after"

    return test_rewrite, test_runtime
