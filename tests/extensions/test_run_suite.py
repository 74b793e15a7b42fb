# -*- coding: utf-8 -*-
"""The extension-suite runner's offline parts: unpacking an sdist, picking
its tests, and the summary line."""
import io
import json
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


PACKAGE_WITH_TESTS = {
    "flask_ext/__init__.py": u"VERSION = 1\n",
    "flask_ext/tests/__init__.py": u"",
    "flask_ext/tests/test_a.py": u"from flask_ext.tests import x\n",
    "pyproject.toml": u"[tool.pytest.ini_options]\n",
}


def _sdist_and_install(tmpdir, installed_version):
    """An unpacked sdist whose tests live in its package, and an installed
    copy of that package at ``installed_version``; returns the collector's
    arguments."""
    source = str(tmpdir.join("ext-2.0"))
    _make_tree(source, PACKAGE_WITH_TESTS)
    installed = str(tmpdir.join("site", "flask_ext"))
    files = dict((name[len("flask_ext/"):], text) for name, text in PACKAGE_WITH_TESTS.items()
                 if name.startswith("flask_ext/"))
    files["__init__.py"] = u"VERSION = %d\n" % installed_version
    _make_tree(installed, files)
    return source, str(tmpdir.join("suite")), lambda name: installed


def test_collect_suite_takes_a_package_whose_tests_are_inside_it(tmpdir):
    source, destination, find_installed = _sdist_and_install(tmpdir, 1)
    paths = run_suite.collect_suite(source, destination, find_installed=find_installed)
    assert paths == ["flask_ext/tests"]
    assert sorted(os.listdir(destination)) == ["flask_ext", "pyproject.toml"]
    assert os.path.isfile(os.path.join(destination, "flask_ext", "tests", "test_a.py"))


def test_collect_suite_refuses_a_package_unlike_the_installed_one(tmpdir):
    source, destination, find_installed = _sdist_and_install(tmpdir, 2)
    with pytest.raises(RuntimeError) as excinfo:
        run_suite.collect_suite(source, destination, find_installed=find_installed)
    assert "__init__.py" in str(excinfo.value)
    assert not os.path.exists(os.path.join(destination, "flask_ext"))


def test_flask_command_runs_flaskcompat_under_the_alias(tmpdir):
    folder = run_suite.flask_command(str(tmpdir.join("bin")))
    with io.open(os.path.join(folder, "flask"), encoding="utf-8") as stream:
        lines = stream.read().splitlines()
    assert lines[0] == "#!" + sys.executable
    assert "flaskcompat.install_as_flask()" in lines
    assert os.access(os.path.join(folder, "flask"), os.X_OK)


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


FAKE_SUITE = u'''
import sys
import types

import flask
import pytest
from flask import Flask, _request_ctx_stack


def test_flask_is_flaskcompat():
    import flaskcompat

    assert Flask is flaskcompat.Flask
    assert flask.__version__ == "1.1.4"


def test_request_through_the_alias():
    app = Flask(__name__)

    @app.route("/")
    def index():
        return flask.jsonify(top=_request_ctx_stack.top is not None)

    assert app.test_client().get("/").get_json() == {"top": True}


def test_fails():
    assert flask.__name__ == "not flask"


@pytest.mark.skip(reason="shows up as skipped")
def test_skipped():
    pass


def test_module_from_elsewhere_is_caught():
    stray = types.ModuleType("flask.stray")
    stray.__file__ = "/elsewhere/flask/stray.py"
    sys.modules["flask.stray"] = stray
'''


def _absolute_pythonpath(monkeypatch):
    # The runner starts pytest in the suite's folder: entries relative to
    # this process's working directory must not change meaning there.
    path = os.environ.get("PYTHONPATH")
    if path:
        monkeypatch.setenv(
            "PYTHONPATH",
            os.pathsep.join(os.path.abspath(p) for p in path.split(os.pathsep) if p),
        )


def test_plugin_runs_a_suite_under_install_as_flask(tmpdir, monkeypatch):
    _absolute_pythonpath(monkeypatch)
    suite = tmpdir.mkdir("suite")
    suite.join("test_fake.py").write_text(FAKE_SUITE, encoding="utf-8")
    results = str(tmpdir.join("results.json"))
    status = run_suite.run_pytest(str(suite), ["test_fake.py"], False, results, ["-q"])
    assert status == 1
    with io.open(results, encoding="utf-8") as f:
        result = json.load(f)
    assert result["mode"] == "flaskcompat"
    assert result["counts"] == {
        "passed": 3, "failed": 1, "error": 0, "skipped": 1, "xfailed": 0, "xpassed": 0,
    }
    assert result["failed_tests"] == ["test_fake.py::test_fails"]
    assert result["real_flask_modules"] == ["flask.stray"]


def test_plugin_baseline_mode_uses_the_flask_it_finds(tmpdir, monkeypatch):
    _absolute_pythonpath(monkeypatch)
    suite = tmpdir.mkdir("suite")
    # Stands in for the real Flask: found first because pytest puts the
    # suite's folder on sys.path.
    suite.mkdir("flask").join("__init__.py").write_text(u"MARK = 'baseline'\n", encoding="utf-8")
    suite.join("test_base.py").write_text(
        u"import flask\n\ndef test_it():\n    assert flask.MARK == 'baseline'\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        [str(suite)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    ))
    results = str(tmpdir.join("results.json"))
    status = run_suite.run_pytest(str(suite), ["test_base.py"], True, results, ["-q"])
    assert status == 0
    with io.open(results, encoding="utf-8") as f:
        result = json.load(f)
    assert result["mode"] == "flask"
    assert result["counts"]["passed"] == 1
    assert "real_flask_modules" not in result
