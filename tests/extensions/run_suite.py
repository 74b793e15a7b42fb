# -*- coding: utf-8 -*-
"""Run a Flask extension's own released test suite against flaskcompat.

    python tests/extensions/run_suite.py flask-cors [--real-flask] [pytest args]
    python tests/extensions/run_suite.py flask --sdist-version 1.1.4 [pytest args]

The extension must already be installed in the running interpreter's
environment (the tox env installs the newest release pip resolves there).
This script downloads the sdist of exactly that installed version with
``pip download --no-binary :all: --no-deps``, copies its tests and its
pytest configuration into a temporary directory (without the package
sources, so the installed extension is what gets tested), and runs them
with pytest and ``flask_alias_plugin``: under ``install_as_flask()``, or
against the real Flask with ``--real-flask`` (the baseline). It prints
``N passed, N failed`` with the failing test ids and exits with pytest's
status, or with 1 if fewer than ``--min-passed`` tests passed.

``--sdist-version`` names the release whose suite to run when it is not the
installed one: Flask's own suite runs that way against flaskcompat, where no
Flask is installed. Flask 1.1's tests import three names from the private
``flask._compat``; ``flask_private_compat`` supplies them from six, so the
suite does not lean on flaskcompat's own private modules.
"""
from __future__ import print_function

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import warnings
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))

#: Files of an sdist's top directory that configure pytest.
CONFIG_FILES = ("pytest.ini", "setup.cfg", "tox.ini", "pyproject.toml")


def installed_version(distribution):
    """The version of ``distribution`` installed here, or ``None``."""
    try:
        from importlib import metadata
    except ImportError:  # Python 2.7 and 3.6-3.7
        metadata = None
    if metadata is not None:
        try:
            return metadata.version(distribution)
        except metadata.PackageNotFoundError:
            return None
    with warnings.catch_warnings():
        # setuptools 67+ deprecates pkg_resources on import; on these
        # interpreters it is the only reader of installed metadata.
        warnings.simplefilter("ignore", DeprecationWarning)
        import pkg_resources

    try:
        return pkg_resources.get_distribution(distribution).version
    except pkg_resources.DistributionNotFound:
        return None


def download_sdist(distribution, version, directory):
    """Download the sdist of ``distribution==version`` into ``directory``
    and return its path."""
    command = [
        sys.executable, "-m", "pip", "download", "--quiet",
        "--no-binary", ":all:", "--no-deps",
        "--dest", directory, "%s==%s" % (distribution, version),
    ]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    first_output = first.communicate()[0]
    if first.returncode != 0:
        # pip 20.3 (the last release for Python 2.7) stops ``download`` with
        # "assert req.link is not None" when a configuration file names a
        # constraints file. The requirement is pinned with ``==``, so the
        # download does not need the configuration: retry without it, and
        # show the first failure only if the retry fails too.
        env = dict(os.environ, PIP_CONFIG_FILE=os.devnull)
        if subprocess.call(command, env=env) != 0:
            print(first_output.decode("utf-8", "replace"))
            raise RuntimeError("pip could not download %s==%s" % (distribution, version))
        print("pip download needed a retry without pip configuration files")
    archives = [
        name for name in os.listdir(directory)
        if name.endswith((".tar.gz", ".zip", ".tar.bz2"))
    ]
    if len(archives) != 1:
        raise RuntimeError(
            "expected one sdist for %s==%s, pip left %r" % (distribution, version, archives)
        )
    return os.path.join(directory, archives[0])


def _safe_member_path(root, name):
    """Where archive member ``name`` lands under ``root``; an absolute name
    or one climbing out of ``root`` is an error, never written."""
    target = os.path.abspath(os.path.join(root, name))
    if not (target + os.sep).startswith(os.path.abspath(root) + os.sep):
        raise RuntimeError("refusing archive member outside the target: %r" % (name,))
    return target


def unpack(archive, directory):
    """Unpack an sdist into ``directory``; return its single top folder."""
    if archive.endswith(".zip"):
        with zipfile.ZipFile(archive) as zf:
            for name in zf.namelist():
                _safe_member_path(directory, name)
            zf.extractall(directory)
    else:
        with tarfile.open(archive) as tf:
            members = []
            for member in tf.getmembers():
                _safe_member_path(directory, member.name)
                # Links (flask_wtf 1.3 ships .hgignore as one) are never
                # tests; leaving them out means none can point outside.
                if member.isfile() or member.isdir():
                    members.append(member)
            if hasattr(tarfile, "data_filter"):  # Python 3.12+, backports
                tf.extractall(directory, members=members, filter="data")
            else:
                tf.extractall(directory, members=members)
    tops = os.listdir(directory)
    if len(tops) != 1 or not os.path.isdir(os.path.join(directory, tops[0])):
        raise RuntimeError("sdist %s has no single top folder: %r" % (archive, tops))
    return os.path.join(directory, tops[0])


def collect_suite(source, destination, find_installed=None):
    """Copy an unpacked sdist's tests and pytest configuration from
    ``source`` into ``destination``: its ``tests``/``test`` folder, or its
    top-level ``test_*.py`` files when it has no such folder. Returns the
    test paths relative to ``destination``. Package sources are left
    behind, so the tests import the installed extension; a package whose
    tests are its own subpackage is the exception (see below), and
    ``find_installed(name)`` gives the installed copy's folder that it must
    equal (by default, where the import system finds it)."""
    os.makedirs(destination)
    for name in CONFIG_FILES:
        if os.path.isfile(os.path.join(source, name)):
            shutil.copy(os.path.join(source, name), destination)
    for folder in ("tests", "test"):
        if os.path.isdir(os.path.join(source, folder)):
            shutil.copytree(os.path.join(source, folder), os.path.join(destination, folder))
            return [folder]
    files = sorted(
        name for name in os.listdir(source)
        if name.startswith("test") and name.endswith(".py")
    )
    if not files:
        package = package_with_tests(source)
        if package is None:
            raise RuntimeError("no tests found in the sdist at %s" % source)
        # The tests are a subpackage (Flask-Admin's flask_admin/tests) and
        # import it by its full name, so they run only from inside their
        # package: the sdist's package goes along, checked to be the
        # installed release file for file.
        find_installed = find_installed or installed_package_dir
        check_same_sources(os.path.join(source, package), find_installed(package))
        shutil.copytree(os.path.join(source, package), os.path.join(destination, package))
        return [package + "/tests"]
    for name in files:
        shutil.copy(os.path.join(source, name), destination)
    return files


def package_with_tests(source):
    """The name of the package in an unpacked sdist that carries its own
    ``tests`` subpackage, or ``None``."""
    for name in sorted(os.listdir(source)):
        tests = os.path.join(source, name, "tests")
        if (os.path.isfile(os.path.join(source, name, "__init__.py"))
                and os.path.isfile(os.path.join(tests, "__init__.py"))):
            return name
    return None


def installed_package_dir(package):
    """The folder the installed ``package`` is imported from, found
    without importing it (it may import ``flask``)."""
    import importlib.util  # only Python 3 suites keep their tests this way

    found = importlib.util.find_spec(package)
    if found is None or not found.origin:
        raise RuntimeError("%s is not installed in this environment" % package)
    return os.path.dirname(found.origin)


def _source_files(root):
    found = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [name for name in dirs if name != "__pycache__"]
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                with open(path, "rb") as stream:
                    found[os.path.relpath(path, root)] = stream.read()
    return found


def check_same_sources(sdist_package, installed_package):
    """Refuse to run when the sdist's Python files differ from the
    installed package's: the suite must test the release pip installed."""
    ours, theirs = _source_files(sdist_package), _source_files(installed_package)
    differ = sorted(name for name in set(ours) | set(theirs) if ours.get(name) != theirs.get(name))
    if differ:
        raise RuntimeError(
            "the sdist's package differs from the installed one at %s: %s"
            % (installed_package, ", ".join(differ[:5]))
        )


#: Parts of a suite that need a service (a database server, a storage
#: emulator) that these runs do not start; they are left out of every run
#: of that suite, on both sides, and the run says so.
NEEDS_A_SERVICE = {
    "flask-admin": (
        # MongoDB
        "flask_admin/tests/mongoengine",
        "flask_admin/tests/pymongo",
        # PostgreSQL with PostGIS
        "flask_admin/tests/geoa",
        "flask_admin/tests/sqla/test_postgres.py",
        # the Azure blob storage emulator
        "flask_admin/tests/fileadmin/test_fileadmin_azure.py",
    ),
}


def flask_command(folder):
    """Write a ``flask`` command into ``folder`` that runs flaskcompat's
    command line under ``install_as_flask()``, for suites that run
    ``flask ...`` in a child process (Flask-Migrate's): the flaskcompat
    side has no Flask installed, so no other ``flask`` command."""
    os.makedirs(folder)
    path = os.path.join(folder, "flask")
    with io.open(path, "w", encoding="utf-8") as stream:
        stream.write(
            u"#!%s\n"
            u"import sys\n"
            u"import flaskcompat\n"
            u"flaskcompat.install_as_flask()\n"
            u"from flaskcompat.cli import main\n"
            u"sys.exit(main())\n" % sys.executable
        )
    os.chmod(path, 0o755)
    return folder


def run_pytest(suite_dir, test_paths, real_flask, results_path, pytest_args, plugins=(),
               bin_dir=None):
    """Run pytest on the collected suite with ``flask_alias_plugin`` (and
    any ``plugins`` after it); ``bin_dir`` goes first on ``PATH``."""
    env = dict(os.environ)
    if bin_dir is not None:
        env["PATH"] = os.pathsep.join([bin_dir] + ([env["PATH"]] if env.get("PATH") else []))
    env["FLASKCOMPAT_EXT_FLASK"] = "flask" if real_flask else "flaskcompat"
    env["FLASKCOMPAT_EXT_RESULTS"] = results_path
    env["PYTHONPATH"] = os.pathsep.join(
        [HERE] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])
    )
    command = [
        sys.executable, "-m", "pytest", "-p", "flask_alias_plugin",
    ]
    for plugin in plugins:
        command += ["-p", plugin]
    command += [
        "-p", "no:cacheprovider", "-rfE", "--rootdir", suite_dir,
    ] + list(pytest_args) + list(test_paths)
    return subprocess.call(command, cwd=suite_dir, env=env)


def format_summary(distribution, version, result):
    """The one-line summary: ``N passed, N failed`` and the other counts
    that are not zero."""
    counts = result["counts"]
    parts = ["%d passed" % counts["passed"], "%d failed" % counts["failed"]]
    for name in ("error", "skipped", "xfailed", "xpassed"):
        if counts.get(name):
            parts.append("%d %s" % (counts[name], name))
    against = "Flask" if result["mode"] == "flask" else "flaskcompat"
    return "%s %s on %s, Python %d.%d: %s" % (
        distribution, version, against, sys.version_info[0], sys.version_info[1],
        ", ".join(parts),
    )


#: Where full extension runs leave their counts (see write_results.py).
RECORDS = os.path.join(HERE, "results")


def record_result(distribution, version, result, folder=RECORDS):
    """Write one run's counts as ``<dist>-<flaskcompat|flask>-py<XY>.json``."""
    python = "%d.%d" % sys.version_info[:2]
    record = {
        "distribution": distribution,
        "version": version,
        "python": python,
        "mode": result["mode"],
        "counts": dict((name, result["counts"].get(name, 0)) for name in
                       ("passed", "failed", "error", "skipped", "xfailed", "xpassed")),
        "failed_tests": sorted(result["failed_tests"]),
    }
    if not os.path.isdir(folder):
        os.makedirs(folder)
    path = os.path.join(folder, "%s-%s-py%s.json" % (
        distribution.lower(), result["mode"], python.replace(".", "")))
    with io.open(path, "w", encoding="utf-8") as stream:
        stream.write(json.dumps(record, indent=1, sort_keys=True) + u"\n")
    return path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("distribution", help="the extension's name on PyPI")
    parser.add_argument(
        "--real-flask", action="store_true",
        help="run against the installed Flask (the baseline)",
    )
    parser.add_argument(
        "--min-passed", type=int, default=None,
        help="exit 1 unless at least this many tests passed",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary directory"
    )
    parser.add_argument(
        "--sdist-version", default=None,
        help="run the suite of this release instead of the installed one",
    )
    args, pytest_args = parser.parse_known_args(argv)

    version = args.sdist_version or installed_version(args.distribution)
    if version is None:
        parser.error("%s is not installed in this environment" % args.distribution)

    workdir = tempfile.mkdtemp(prefix="ext-suite-")
    try:
        os.mkdir(os.path.join(workdir, "download"))
        os.mkdir(os.path.join(workdir, "unpacked"))
        archive = download_sdist(args.distribution, version, os.path.join(workdir, "download"))
        source = unpack(archive, os.path.join(workdir, "unpacked"))
        suite_dir = os.path.join(workdir, "suite")
        test_paths = collect_suite(source, suite_dir)
        results_path = os.path.join(workdir, "results.json")
        plugins = []
        if args.distribution.lower() == "flask" and not args.real_flask:
            plugins.append("flask_private_compat")
        bin_dir = None
        if args.distribution.lower() != "flask" and not args.real_flask:
            bin_dir = flask_command(os.path.join(workdir, "bin"))
        left_out = NEEDS_A_SERVICE.get(args.distribution.lower(), ())
        for path in left_out:
            print("left out, needs a service: %s" % path)
        status = run_pytest(
            suite_dir, test_paths, args.real_flask, results_path,
            ["--ignore=%s" % path for path in left_out] + list(pytest_args), plugins, bin_dir,
        )
        if not os.path.exists(results_path):
            print("pytest exited with status %d before reporting results" % status)
            return status or 1
        with io.open(results_path, encoding="utf-8") as f:
            result = json.load(f)
    finally:
        if args.keep:
            print("kept %s" % workdir)
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    print()
    for test_id in result["failed_tests"]:
        print("not passing: %s" % test_id)
    print(format_summary(args.distribution, version, result))
    if args.distribution.lower() != "flask" and not pytest_args:
        # A full run of an extension's suite is what the README table shows:
        # keep its counts for write_results.py.
        print("recorded in %s" % record_result(args.distribution, version, result))
    if result.get("real_flask_modules"):
        print("real Flask modules were imported: %s" % ", ".join(result["real_flask_modules"]))
        return 1
    if args.min_passed is not None:
        if result["counts"]["passed"] < args.min_passed:
            print("fewer than the expected %d passed" % args.min_passed)
            return 1
        return 0 if status in (0, 1) else status
    return status


if __name__ == "__main__":
    sys.exit(main())
