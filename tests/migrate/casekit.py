"""Table-driven tests for migrate fixers.

A fixer's test module lists :class:`Case` rows and asks this kit for the test
functions::

    from casekit import Case, rewrite_tests, runtime_tests

    CASES = [
        Case("print 'hi'\\n", "from __future__ import print_function\\nprint('hi')\\n",
             output="hi\\n"),
        Case("obj.unicode\\n", "obj.unicode\\n", id="attribute stays"),
    ]
    test_rewrite = rewrite_tests("print", CASES)
    test_runtime = runtime_tests(CASES)

Rewrite tests need the tool, which runs on Python 3.9+ only; on older
interpreters ``rewrite_tests`` returns ``None`` so the module defines no such
test there (pytest ignores a ``None`` attribute). Runtime tests run on every
interpreter: ``after`` is executed in a fresh subprocess and its stdout
compared with ``output``; on Python 2 ``before`` is executed too and must
print the same, which proves that ``output`` is Python 2's behaviour and that
the rewrite keeps it on 2.7 and on every 3.x. ``after`` runs with warnings
turned into errors, so a rewrite may not introduce deprecated names or
invalid escapes either.

Rewrite tests also assert that a second run changes nothing (idempotence)
and, for a row with ``review=``, that the fixer reported the code. Tests
that need a file on disk or another target call :func:`migrate` (one fixer)
or :func:`engine` directly.

This module is imported on Python 2.7 as well: no py3-only syntax.
"""
from __future__ import unicode_literals

import io
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap

import pytest

__all__ = ["Case", "rewrite_tests", "runtime_tests", "migrate", "engine", "TOOL_PYTHON"]

PY2 = sys.version_info[0] == 2
#: True on the interpreters the migrate tool itself runs on.
TOOL_PYTHON = sys.version_info >= (3, 9)
_REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _text(text):
    # Table modules on Python 2 hold byte strings; the kit works in text.
    if isinstance(text, bytes):
        return text.decode("utf-8")
    return text


def _block(text):
    # A leading newline followed by an indented line marks an indented
    # triple-quoted block.
    if text is not None and text.startswith("\n") and text[1:2] in (" ", "\t"):
        return textwrap.dedent(text[1:])
    return text


class Case(object):
    """One row of a fixer's table.

    ``before`` is Python 2 source, ``after`` the expected result (equal to
    ``before`` for a "no change" case). ``output`` is the exact stdout the code
    prints when run, or ``None`` when the snippet is not meant to be executed.
    ``review``, when given, is a text that one needs-review message of the
    fixer must contain. A source starting with a newline and an indented line
    is dedented (an indented triple-quoted block).
    """

    def __init__(self, before, after, output=None, id=None, review=None):
        self.before = _block(_text(before))
        self.after = _block(_text(after))
        self.output = _text(output)
        self.id = id
        self.review = review

    @property
    def is_rewrite(self):
        """True when the case expects the fixer to change the source."""
        return self.before != self.after

    def __repr__(self):
        return "Case(%r)" % (self.id or self.before)


def _ids(cases):
    ids = []
    for index, case in enumerate(cases):
        label = case.id
        if label is None:
            lines = case.before.strip().splitlines()
            label = lines[0] if lines else "empty"
        ids.append(("%d-%s" % (index, label))[:60])
    return ids


def _load_tool():
    """Import the migrate package: installed name first, then the checkout.

    With ``FLASKCOMPAT_MIGRATE_CHECKOUT=1`` in the environment the checkout
    comes first, to test a change without installing it.
    """
    if os.environ.get("FLASKCOMPAT_MIGRATE_CHECKOUT") != "1":
        try:
            import flaskcompat_migrate as package
        except ImportError:
            pass
        else:
            return package
    if _REPO_ROOT not in sys.path:
        sys.path.insert(0, _REPO_ROOT)
    import migrate as package

    return package


def engine():
    """The tool's engine module (``migrate_source`` & co.)."""
    import importlib

    return importlib.import_module(_load_tool().__name__ + ".engine")


def migrate(source, fix_name, filename="<string>", target="2and3"):
    """Run the single fixer ``fix_name`` over ``source`` with the engine."""
    return engine().migrate_source(source, select=[fix_name], filename=filename, target=target)


def rewrite_tests(fix_name, cases):
    """Build the parametrized rewrite test of ``cases`` for ``fix_name``.

    It asserts that the fixer turns ``before`` into ``after``, that a second
    run changes nothing, that a "no change" case reports no change, and that
    expected needs-review messages are there. Returns ``None`` where the tool
    does not run (Python < 3.9).
    """
    if not TOOL_PYTHON:
        return None

    @pytest.mark.parametrize("case", cases, ids=_ids(cases))
    def test_rewrite(case):
        result = migrate(case.before, fix_name)
        assert result.source == case.after
        assert result.changed == case.is_rewrite
        again = migrate(result.source, fix_name)
        assert again.source == result.source, "second run changed the result"
        assert not again.changed
        if case.review is not None:
            messages = [review.message for review in result.reviews]
            assert any(case.review in message for message in messages), messages

    test_rewrite.__name__ = str("test_rewrite_" + fix_name)
    return test_rewrite


def _run(source, directory, name, strict):
    path = os.path.join(directory, name)
    with io.open(path, "w", encoding="utf-8", newline="") as handle:
        head = "\n".join(source.split("\n", 2)[:2])
        if PY2 and "coding" not in head and any(ord(char) > 127 for char in source):
            # Python 2 needs a cookie to read non-ASCII source as UTF-8.
            handle.write("# -*- coding: utf-8 -*-\n")
        handle.write(source)
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTHONWARNINGS", None)
    # The rewritten code must not warn either (invalid escapes, deprecated
    # names): warnings are errors there, as in the test suite itself.
    command = [sys.executable] + (["-W", "error"] if strict else []) + [path]
    process = subprocess.Popen(
        command,
        cwd=directory,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    stdout, stderr = process.communicate()
    return process.returncode, stdout.decode("utf-8"), stderr.decode("utf-8", "replace")


def runtime_tests(cases):
    """Build the parametrized runtime test of the cases that have an output.

    ``after`` runs in a fresh subprocess of the current interpreter and must
    print exactly ``output``; on Python 2 ``before`` must print it too.
    """
    runnable = [case for case in cases if case.output is not None]

    @pytest.mark.parametrize("case", runnable, ids=_ids(runnable))
    def test_runtime(case):
        directory = tempfile.mkdtemp(prefix="casekit")
        try:
            sources = [("after", case.after)]
            if PY2:
                sources.insert(0, ("before", case.before))
            for label, source in sources:
                code, stdout, stderr = _run(source, directory, "case_%s.py" % label, label == "after")
                assert code == 0, "%s failed:\n%s\n%s" % (label, source, stderr)
                assert stdout.replace("\r\n", "\n") == case.output, label
        finally:
            shutil.rmtree(directory)

    return test_runtime
