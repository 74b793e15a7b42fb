# migrate-tests: tool-only
"""End to end: migrating ``fixtures/legacy_app`` gives exactly the committed
``fixtures/legacy_app_migrated`` (which ``test_e2e.py`` runs on every
interpreter), and migrating again changes nothing."""
import filecmp
import os
import shutil

from migrate.cli import main

HERE = os.path.dirname(os.path.abspath(__file__))
LEGACY = os.path.join(HERE, "fixtures", "legacy_app")
MIGRATED = os.path.join(HERE, "fixtures", "legacy_app_migrated")


def python_files(root):
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in files:
            if not name.endswith(".pyc"):
                found.append(os.path.relpath(os.path.join(folder, name), root))
    return sorted(found)


def test_tool_output_is_the_committed_migration(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FLASKCOMPAT_MIGRATE_CACHE_DIR", str(tmp_path / "cache"))
    work = str(tmp_path / "app")
    shutil.copytree(LEGACY, work)
    assert main(["--write", work]) == 0
    err = capsys.readouterr().err
    assert "0 failed" in err
    assert python_files(work) == python_files(MIGRATED)
    different = [name for name in python_files(work) if not filecmp.cmp(
        os.path.join(work, name), os.path.join(MIGRATED, name), shallow=False)]
    assert different == [], "regenerate with tests/migrate/fixtures/regenerate.py and review"

    # Idempotent, with and without the cache.
    assert main(["--check", work]) == 0
    assert main(["--check", "--no-cache", work]) == 0


def test_legacy_app_is_untouched_python2():
    # The input stays Python 2: the test above would be vacuous otherwise.
    with open(os.path.join(LEGACY, "notes", "storage.py")) as stream:
        text = stream.read()
    assert "print >>sys.stderr" in text and "except KeyError, exc" in text


def load_regenerate():
    import importlib.util

    path = os.path.join(HERE, "fixtures", "regenerate.py")
    spec = importlib.util.spec_from_file_location("regenerate_fixture", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_regenerate_refuses_to_overwrite_a_reviewed_expectation(tmp_path, capsys):
    regenerate = load_regenerate()
    target = tmp_path / "expected"
    target.mkdir()
    (target / "kept.py").write_text("reviewed = True\n")
    assert regenerate.main([], target=str(target)) == 2
    assert "--overwrite" in capsys.readouterr().err
    assert os.listdir(str(target)) == ["kept.py"]

    assert regenerate.main(["--overwrite"], target=str(target)) == 0
    assert python_files(str(target)) == python_files(MIGRATED)
    assert not os.path.exists(str(target / "kept.py"))
