# migrate-tests: tool-only
"""The tool's two module names: ``flaskcompat_migrate`` installed (not
``migrate``, sqlalchemy-migrate's import name) and ``migrate`` in a
checkout; both run the same program and both are documented."""
import io
import os
import re
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def read(*parts):
    with io.open(os.path.join(REPO, *parts), encoding="utf-8") as handle:
        return handle.read()


def test_setup_installs_the_checkouts_migrate_folder_as_flaskcompat_migrate():
    setup = read("setup.py")
    assert re.search(r'package_dir=\{"flaskcompat_migrate": "migrate"\}', setup)
    assert "flaskcompat-migrate = flaskcompat_migrate.__main__:main" in setup


def test_python_dash_m_flaskcompat_migrate_runs_the_tool(tmp_path):
    # The package under its installed name, outside the checkout.
    (tmp_path / "flaskcompat_migrate").symlink_to(os.path.join(REPO, "migrate"))
    source = tmp_path / "m.py"
    source.write_bytes(b"print 'a'\n")
    process = subprocess.run(
        [sys.executable, "-m", "flaskcompat_migrate", "--check", "--no-cache", str(source)],
        cwd=str(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.returncode == 1, process.stderr
    assert b"1 file seen, 1 would change" in process.stderr


def test_both_names_are_documented():
    for page in (read("README.rst"), read("docs", "migrate", "usage.rst")):
        assert "python -m flaskcompat_migrate" in page
        assert "python -m migrate" in page
        assert "sqlalchemy-migrate" in page
