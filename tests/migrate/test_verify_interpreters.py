# migrate-tests: tool-only
"""``--verify`` says which interpreters it compiles with, stops when one it
was asked for (or one on PATH) does not start, and uses only Python 3 for a
Python 3 target."""
import io
import os
import sys

import pytest

from migrate.cli import EXIT_USAGE, EXIT_VERIFY, main

HERE_VERSION = "%d.%d" % sys.version_info[:2]
SOURCE = b"import os\nprint 'a'\n"
REWRITTEN = b"from __future__ import print_function\nimport os\nprint('a')\n"

# What a version manager's shim prints for a version it has no build of.
SHIM = "#!/bin/sh\necho \"pyenv: ${0##*/}: command not found\" >&2\nexit 127\n"
# An interpreter that answers the version question, then cannot compile.
IMPOSTOR = "#!/bin/sh\necho 2.7\n"


def script(folder, name, text):
    path = folder / name
    path.write_text(text)
    path.chmod(0o755)
    return str(path)


@pytest.fixture
def bin_dir(tmp_path, monkeypatch):
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / ("python" + HERE_VERSION)).symlink_to(sys.executable)
    monkeypatch.setenv("PATH", str(folder))
    return folder


@pytest.fixture
def module(tmp_path):
    path = tmp_path / "m.py"
    path.write_bytes(SOURCE)
    return path


def run(*argv):
    stderr = io.StringIO()
    code = main(list(argv) + ["--no-cache", "--jobs", "1"], stdout=io.StringIO(), stderr=stderr)
    return code, stderr.getvalue()


def here(folder):
    return "Python %s (%s)" % (HERE_VERSION, folder / ("python" + HERE_VERSION))


def test_verify_names_every_interpreter_it_uses(bin_dir, module):
    code, err = run("--write", "--verify", str(module))
    assert code == 0, err
    assert "verifying with %s\n" % here(bin_dir) in err
    assert module.read_bytes() == REWRITTEN


def test_a_shim_on_path_that_does_not_start_stops_the_run(bin_dir, module):
    shim = script(bin_dir, "python2.7", SHIM)
    code, err = run("--write", "--verify", str(module))
    assert code == EXIT_VERIFY == 5
    assert (
        "--verify: python2.7 (%s) does not start (exit status 127: pyenv: python2.7: command not found)"
        % shim
    ) in err
    assert "nothing was changed" in err and "--python" in err
    assert module.read_bytes() == SOURCE


def test_an_interpreter_named_with_python_that_does_not_start_stops_the_run(bin_dir, module):
    missing = str(bin_dir / "python3.99")
    code, err = run("--write", "--python", missing, str(module))
    assert code == EXIT_VERIFY
    assert "--verify: %s does not start (not found)" % missing in err
    assert module.read_bytes() == SOURCE


def test_python_names_the_interpreters_instead_of_path(bin_dir, module):
    # The broken shim on PATH is not consulted when the user names the
    # interpreters: that is the way out of the refusal above.
    script(bin_dir, "python2.7", SHIM)
    exe = str(bin_dir / ("python" + HERE_VERSION))
    code, err = run("--write", "--python", exe, str(module))
    assert code == 0, err
    assert "verifying with %s\n" % here(bin_dir) in err
    assert module.read_bytes() == REWRITTEN


def test_target_3_verifies_with_python3_only(bin_dir, module):
    # A Python 2 on PATH, working or not, plays no part for Python 3 code.
    script(bin_dir, "python2.7", IMPOSTOR)
    code, err = run("--write", "--verify", "--target", "3", str(module))
    assert code == 0, err
    assert "verifying with %s\n" % here(bin_dir) in err
    assert "2.7" not in err
    assert module.read_bytes() == b"import os\nprint('a')\n"


def test_target_3_ignores_a_python2_shim_that_does_not_start(bin_dir, module):
    script(bin_dir, "python2.7", SHIM)
    code, err = run("--check", "--verify", "--target", "3", str(module))
    assert code == 1, err
    assert "verifying with %s\n" % here(bin_dir) in err
    assert "2.7" not in err


def test_target_2and3_uses_python2_too(bin_dir, module):
    # The impostor answers as 2.7 and is then used: its compile server
    # stops, which the run reports as a failure of the tool on that file.
    impostor = script(bin_dir, "python2.7", IMPOSTOR)
    code, err = run("--check", "--verify", str(module))
    assert "verifying with Python 2.7 (%s), %s\n" % (impostor, here(bin_dir)) in err
    assert code == 4
    assert module.read_bytes() == SOURCE


def test_no_python3_for_target_3_is_a_usage_error(tmp_path, module, monkeypatch):
    folder = tmp_path / "only2"
    folder.mkdir()
    script(folder, "python2.7", IMPOSTOR)
    monkeypatch.setenv("PATH", str(folder))
    code, err = run("--check", "--verify", "--target", "3", str(module))
    assert code == EXIT_USAGE
    assert "--verify found no python3.X on PATH" in err
    assert module.read_bytes() == SOURCE


def test_the_report_names_the_interpreters_used(bin_dir, module, tmp_path):
    import json

    report = tmp_path / "r.json"
    code, err = run("--check", "--verify", "--report", str(report), str(module))
    assert code == 1, err
    with io.open(str(report), encoding="utf-8") as handle:
        data = json.load(handle)
    assert data["verified_with"] == {HERE_VERSION: str(bin_dir / ("python" + HERE_VERSION))}
