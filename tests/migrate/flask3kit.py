"""Shared checks for the ``--target flask3`` fixer tables (Python 3.9+ only).

A row's ``before`` is code for flaskcompat (or for Flask 1.x: it then runs on
flaskcompat through ``install_as_flask()``), its ``after`` code for Flask 3.1.
The rewrite test runs the tool; the runtime test runs ``before`` on this
interpreter with flaskcompat and ``after`` with an interpreter that has the
real Flask 3.1 and Werkzeug 3.1 installed, flaskcompat made unimportable, and
both must print ``output``. That interpreter is named by the environment
variable ``FLASKCOMPAT_FLASK3_PYTHON`` (the ``migrate-flask3-py313`` tox env
sets it to its own Python, which has Flask 3.1); without it a table module
defines no runtime test.
"""
import difflib
import importlib
import os
import re
import subprocess
import sys
import tempfile

import pytest

from casekit import _REPO_ROOT, _load_tool

__all__ = ["flask3_tests", "FLASK3_PYTHON"]

#: The interpreter with the real Flask 3.1, or None.
FLASK3_PYTHON = os.environ.get("FLASKCOMPAT_FLASK3_PYTHON") or None

# ``before`` may import flask (an app never on flaskcompat): flaskcompat
# stands in for Flask 1.x there.
_ALIAS = "import flaskcompat\nflaskcompat.install_as_flask()\n"
# ``after`` must not lean on flaskcompat in any way.
_NO_FLASKCOMPAT = "import sys\nsys.modules['flaskcompat'] = None\n"


def migrate_flask3(source, fix_name):
    """``--target flask3`` with the one fixer ``fix_name``."""
    engine = importlib.import_module(_load_tool().__name__ + ".engine")
    return engine.migrate_source(source, target="flask3", select=[fix_name])


def _run(python, source, prelude, extra_path):
    directory = tempfile.mkdtemp(prefix="flask3")
    path = os.path.join(directory, "case.py")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(prelude + source)
    env = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONWARNINGS", None)
    if extra_path:
        env["PYTHONPATH"] = os.pathsep.join([_REPO_ROOT, env.get("PYTHONPATH", "")])
    else:
        env.pop("PYTHONPATH", None)
    process = subprocess.run([python, "-W", "error", path], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env, cwd=directory)
    assert process.returncode == 0, process.stderr.decode("utf-8", "replace")
    return process.stdout.decode("utf-8")


def run_before(source):
    """Run *source* on this interpreter and flaskcompat; its stdout."""
    prelude = _ALIAS if re.search(r"\bflask\b", source.replace("as flask", "")) else ""
    return _run(sys.executable, source, prelude, True)


def run_after(source):
    """Run *source* on the real Flask 3.1, without flaskcompat; its stdout."""
    return _run(FLASK3_PYTHON, source, _NO_FLASKCOMPAT, False)


def _check(case, fix_name):
    result = migrate_flask3(case.before, fix_name)
    assert result.source == case.after, "".join(difflib.unified_diff(
        case.after.splitlines(True), result.source.splitlines(True), "expected", "got"))
    assert result.changed == case.is_rewrite
    again = migrate_flask3(result.source, fix_name)
    assert again.source == result.source, "second run changed the result"
    messages = [review.message for review in result.reviews]
    if case.review is not None:
        assert any(case.review in message for message in messages), messages


def flask3_tests(fix_name, cases):
    """``(test_rewrite, test_runtime)`` for a flask3 fixer's table;
    ``test_runtime`` is None without ``FLASKCOMPAT_FLASK3_PYTHON``."""

    @pytest.mark.parametrize("case", cases, ids=[case.id for case in cases])
    def test_rewrite(case):
        _check(case, fix_name)

    test_rewrite.__name__ = "test_rewrite_" + fix_name
    runnable = [case for case in cases if case.output is not None]
    if FLASK3_PYTHON is None or not runnable:
        return test_rewrite, None

    @pytest.mark.parametrize("case", runnable, ids=[case.id for case in runnable])
    def test_runtime(case):
        assert run_before(case.before) == case.output, "before, on flaskcompat"
        assert run_after(case.after) == case.output, "after, on Flask 3.1"

    return test_rewrite, test_runtime
