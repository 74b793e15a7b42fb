"""End to end: the migrated legacy Flask app passes its own tests on this
interpreter, against flaskcompat.

``fixtures/legacy_app`` is a Flask 0.x app written the Python 2 way;
``fixtures/legacy_app_migrated`` is what the tool made of it (checked by
``test_e2e_tool.py`` on the interpreters the tool runs on). This test runs on
every interpreter, 2.7 included.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
MIGRATED = os.path.join(HERE, "fixtures", "legacy_app_migrated")


def run_app_tests(folder):
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([REPO, folder])
    # Keep the fixture folder free of bytecode files.
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    process = subprocess.Popen(
        [sys.executable, "-W", "error", "-m", "unittest", "discover", "-v", "-s", "tests", "-t", "."],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    output = process.communicate()[0].decode("utf-8", "replace")
    return process.returncode, output


def test_migrated_app_passes_its_own_tests():
    code, output = run_app_tests(MIGRATED)
    assert code == 0, output
    assert "Ran 15 tests" in output, output
    assert output.rstrip().endswith("OK"), output
    # It really ran against flaskcompat, not some installed Flask.
    with open(os.path.join(MIGRATED, "notes", "__init__.py")) as stream:
        assert "from flaskcompat import Flask" in stream.read()
    # Its logins check Werkzeug 0.9's hashes, read back from sqlite as text,
    # through flaskcompat.security.
    with open(os.path.join(MIGRATED, "notes", "accounts.py")) as stream:
        assert "from flaskcompat.security import check_password_hash" in stream.read()
