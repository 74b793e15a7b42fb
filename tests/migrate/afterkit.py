"""Run the "after" side of rewrite cases whose "before" cannot run anywhere.

Flask 0.x and Werkzeug 0.x are installed nowhere, so the import fixers'
cases cannot prove Python 2 behaviour; what they can prove is that the
rewritten code imports and works with flaskcompat and the Werkzeug of every
interpreter. ``after_tests`` runs ``case.after`` plus a few lines that use
what it imported, in a fresh interpreter with warnings as errors.
"""
from __future__ import unicode_literals

import io
import os
import shutil
import subprocess
import sys
import tempfile

import pytest

__all__ = ["after_tests"]


def _run(source, files=None):
    directory = tempfile.mkdtemp(prefix="afterkit")
    try:
        for name, text in sorted((files or {}).items()):
            with io.open(os.path.join(directory, name), "w", encoding="utf-8") as handle:
                handle.write(text.decode("utf-8") if isinstance(text, bytes) else text)
        path = os.path.join(directory, "after.py")
        with io.open(path, "w", encoding="utf-8") as handle:
            handle.write(source)
        env = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
        env.pop("PYTHONWARNINGS", None)
        # the same flaskcompat this test process imports, installed or not
        import flaskcompat

        home = os.path.dirname(os.path.dirname(os.path.abspath(flaskcompat.__file__)))
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [home, env.get("PYTHONPATH")]))
        process = subprocess.Popen([sys.executable, "-W", "error", path], cwd=directory,
                                   env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        stdout, stderr = process.communicate()
        return process.returncode, stdout.decode("utf-8"), stderr.decode("utf-8", "replace")
    finally:
        shutil.rmtree(directory)


def after_tests(cases, uses):
    """A test running ``case.after + use`` for each ``(case id, use, output)``
    or ``(case id, use, output, files)``; ``files`` maps module file names
    to their text, written next to the script (stand-ins for third-party
    extensions no test environment installs)."""
    by_id = dict((case.id, case) for case in cases)
    rows = [(by_id[use[0]].after + use[1], use[2], use[3] if len(use) > 3 else None) for use in uses]

    @pytest.mark.parametrize("source, output, files", rows, ids=[row[0] for row in uses])
    def test_after_runs(source, output, files):
        code, stdout, stderr = _run(source, files)
        assert code == 0, "%s\n%s" % (source, stderr)
        assert stdout.replace("\r\n", "\n") == output

    # The ids of the rows that run, for the check that every rewrite row runs.
    test_after_runs.case_ids = [use[0] for use in uses]
    return test_after_runs
