# -*- coding: utf-8 -*-
"""The extension-suite runner's offline parts: unpacking an sdist, picking
its tests, and the summary line."""
import io
import os
import sys
import tarfile
import zipfile

import pytest

import run_suite


def _write(path, text=u""):
    folder = os.path.dirname(path)
    if not os.path.isdir(folder):
        os.makedirs(folder)
    with io.open(path, "w", encoding="utf-8") as f:
        f.write(text)


def _make_tree(root, files):
    for name, text in files.items():
        _write(os.path.join(root, name), text)


def _tar(tmpdir, files, extra_member=None):
    source = str(tmpdir.join("src"))
    _make_tree(source, files)
    archive = str(tmpdir.join("ext-1.0.tar.gz"))
    with tarfile.open(archive, "w:gz") as tf:
        tf.add(os.path.join(source, "ext-1.0"), arcname="ext-1.0")
        if extra_member is not None:
            tf.addfile(extra_member)
    return archive


def test_unpack_tar_returns_the_top_folder(tmpdir):
    archive = _tar(tmpdir, {"ext-1.0/tests/test_a.py": u"x = 1\n"})
    target = str(tmpdir.mkdir("out"))
    top = run_suite.unpack(archive, target)
    assert top == os.path.join(target, "ext-1.0")
    assert os.path.isfile(os.path.join(top, "tests", "test_a.py"))


def test_unpack_leaves_links_out(tmpdir):
    link = tarfile.TarInfo("ext-1.0/.hgignore")
    link.type = tarfile.SYMTYPE
    link.linkname = "/etc/passwd"
    archive = _tar(tmpdir, {"ext-1.0/setup.py": u""}, extra_member=link)
    top = run_suite.unpack(archive, str(tmpdir.mkdir("out")))
    assert sorted(os.listdir(top)) == ["setup.py"]


def test_unpack_refuses_members_outside_the_target(tmpdir):
    archive = str(tmpdir.join("evil.zip"))
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("ext-1.0/setup.py", "")
        zf.writestr("../escaped.py", "")
    target = str(tmpdir.mkdir("out"))
    with pytest.raises(RuntimeError) as excinfo:
        run_suite.unpack(archive, target)
    assert "escaped.py" in str(excinfo.value)
    assert not os.path.exists(str(tmpdir.join("escaped.py")))
    assert os.listdir(target) == []


def test_collect_suite_takes_the_tests_folder_and_config_not_the_package(tmpdir):
    source = str(tmpdir.join("ext-1.0"))
    _make_tree(source, {
        "tests/test_a.py": u"",
        "tests/conftest.py": u"",
        "setup.cfg": u"[tool:pytest]\ntestpaths = tests\n",
        "flask_ext/__init__.py": u"",
        "test_stray.py": u"",
    })
    destination = str(tmpdir.join("suite"))
    assert run_suite.collect_suite(source, destination) == ["tests"]
    assert sorted(os.listdir(destination)) == ["setup.cfg", "tests"]
    assert sorted(os.listdir(os.path.join(destination, "tests"))) == [
        "conftest.py", "test_a.py",
    ]


def test_collect_suite_takes_top_level_test_modules_without_a_folder(tmpdir):
    source = str(tmpdir.join("ext-0.5"))
    _make_tree(source, {"test_login.py": u"", "flask_login/__init__.py": u"", "setup.py": u""})
    destination = str(tmpdir.join("suite"))
    assert run_suite.collect_suite(source, destination) == ["test_login.py"]
    assert os.listdir(destination) == ["test_login.py"]


def test_collect_suite_without_tests_is_an_error(tmpdir):
    source = str(tmpdir.join("ext-1.0"))
    _make_tree(source, {"flask_ext/__init__.py": u""})
    with pytest.raises(RuntimeError) as excinfo:
        run_suite.collect_suite(source, str(tmpdir.join("suite")))
    assert "no tests found" in str(excinfo.value)


def test_summary_line_counts(tmpdir):
    result = {
        "mode": "flaskcompat",
        "counts": {"passed": 98, "failed": 0, "error": 0, "skipped": 1,
                   "xfailed": 0, "xpassed": 0},
    }
    line = run_suite.format_summary("flask-cors", "6.0.5", result)
    assert line == "flask-cors 6.0.5 on flaskcompat, Python %d.%d: 98 passed, 0 failed, 1 skipped" % sys.version_info[:2]
    result["mode"] = "flask"
    result["counts"]["error"] = 2
    assert run_suite.format_summary("x", "1", result).endswith(
        ": 98 passed, 0 failed, 2 error, 1 skipped"
    )


def test_installed_version_of_a_missing_distribution_is_none():
    assert run_suite.installed_version("no-such-distribution-xyz") is None
    assert run_suite.installed_version("pytest") == pytest.__version__
