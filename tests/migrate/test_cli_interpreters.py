"""The tool runs on Python 3.9+ and says so clearly everywhere else.

Collected on every interpreter: on 2.7 - 3.8 it checks the refusal, on 3.9+
that the same command works.
"""
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run_tool(*args):
    process = subprocess.Popen(
        [sys.executable, "-m", "migrate"] + list(args),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out, err = process.communicate()
    return process.returncode, out.decode("utf-8"), err.decode("utf-8")


def test_supported_interpreters_run_and_others_refuse():
    code, out, err = run_tool("--version")
    if sys.version_info >= (3, 9):
        assert code == 0, err
        assert out.startswith("flaskcompat-migrate ")
    else:
        assert code == 2
        assert out == ""
        assert "needs Python 3.9 or newer to run (this is %d.%d)" % sys.version_info[:2] in err


def test_package_imports_on_every_interpreter():
    # The package itself stays importable so that the refusal above can run.
    # (In a subprocess: this test folder is also called "migrate".)
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys, migrate; sys.stdout.write('%r %s' % (migrate.MINIMUM_PYTHON, migrate.__version__))"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out, err = process.communicate()
    assert process.returncode == 0, err
    minimum, version = out.decode("ascii").strip().rsplit(" ", 1)
    assert minimum == "(3, 9)"
    assert version.count(".") == 2
