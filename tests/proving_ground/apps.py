"""Legacy Flask apps: Flask 0.x applications written by others, migrated
once, against their own tests.

The apps in ``apps.json`` are the example applications shipped inside
Flask's own release sdists, each with its test file. For every app: download
the sdist of its Flask release, run the app's tests on Python 2.7 against the
Flask, Werkzeug and Jinja2 releases it was written for (a virtualenv per
era), copy the app and migrate the copy with ``--write --target 2and3``,
run the same tests on 2.7 and on 3.13 against this checkout's flaskcompat
(the migrated code imports ``flaskcompat``; nothing installs a ``flask``
module in those virtualenvs), and check that a second ``--check`` run is
clean. The repository's own legacy app (tests/migrate/fixtures/legacy_app)
also runs its tests, unmodified, in the Flask 0.10.1 era virtualenv, where
all 15 must pass.

Writes ``docs/migrate/legacy-apps.rst``; exits 1 when an app's tests do not
all pass after the migration on 2.7 or 3.13, when a second run is not clean,
or when the legacy app fixture does not pass all its tests under Flask
0.10.1. Run it with ``tox -e legacy-apps`` (it downloads); ``--only NAME``
limits the run, ``--work DIR`` keeps downloads and virtualenvs.
"""
import argparse
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from run import ISOLATED, ROOT, fetch, interpreter  # noqa: E402

APPS = os.path.join(HERE, "apps.json")
TABLE = os.path.join(ROOT, "docs", "migrate", "legacy-apps.rst")
FIXTURE = os.path.join(ROOT, "tests", "migrate", "fixtures", "legacy_app")
FIXTURE_TESTS = 15
EMPTY_INI = os.path.join(HERE, "apps-pytest.ini")
QUIET = dict(ISOLATED, PYTHONDONTWRITEBYTECODE="1")


def log(message):
    sys.stderr.write("legacy-apps: %s\n" % message)
    sys.stderr.flush()


def make_env(work, name, version, packages):
    """A virtualenv *name* on Python *version* with *packages*; its python."""
    folder = os.path.join(work, "venv-" + name)
    python = os.path.join(folder, "bin", "python")
    stamp = os.path.join(folder, "installed.json")
    wanted = json.dumps(packages)
    if os.path.exists(stamp):
        with io.open(stamp, encoding="utf-8") as handle:
            if handle.read() == wanted:
                return python
    if not os.path.exists(python):
        subprocess.run(
            [sys.executable, "-m", "virtualenv", "-q", "-p", interpreter("python" + version), folder],
            check=True,
        )
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--isolated"] + packages,
        env=ISOLATED,
        check=True,
    )
    with io.open(stamp, "w", encoding="utf-8") as handle:
        handle.write(wanted)
    return python


def pytest_for(version):
    return "pytest<4.7" if version == "2.7" else "pytest"


def run_logged(command, folder, pythonpath, logfile):
    """Run *command* in *folder* with only *pythonpath* (or nothing) on
    PYTHONPATH; its output goes to *logfile*: (exit code, output)."""
    env = dict(QUIET)
    env.pop("PYTHONPATH", None)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    completed = subprocess.run(
        command, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600
    )
    output = completed.stdout.decode("utf-8", "replace")
    with io.open(logfile, "w", encoding="utf-8") as handle:
        handle.write(output)
    return completed.returncode, output


def run_tests(python, folder, app, logfile, pythonpath=None):
    """Run the app's own test files with pytest in *folder*: the counts."""
    report = logfile + ".xml"
    if os.path.exists(report):
        os.remove(report)
    # the app's own pytest settings if it has any, else none: never those
    # of a folder above it
    config = [name for name in ("pytest.ini", "tox.ini", "setup.cfg") if os.path.exists(os.path.join(folder, name))]
    code, _output = run_logged(
        [python, "-m", "pytest", "-p", "no:cacheprovider", "-rfE", "--rootdir", folder,
         "-c", (config or [EMPTY_INI])[0], "--junitxml", report] + app["tests"],
        folder, pythonpath, logfile,
    )
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0, "exit": code}
    if os.path.exists(report):
        root = ElementTree.parse(report).getroot()
        suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
        for suite in suites:
            for key in ("tests", "failures", "errors", "skipped"):
                counts[key] += int(suite.get(key, "0"))
    counts["passed"] = counts["tests"] - counts["failures"] - counts["errors"] - counts["skipped"]
    return counts


def migrate(folder, report, mode):
    """This checkout's tool over *folder*: (exit code, seconds, stderr)."""
    started = time.monotonic()
    completed = subprocess.run(
        [sys.executable, "-m", "migrate", mode, "--target", "2and3", "--no-cache", "--jobs", "2",
         "--report", report, folder],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return completed.returncode, time.monotonic() - started, completed.stderr.decode("utf-8", "replace")


def prove(work, pythons, app):
    label = "%s (Flask %s)" % (app["app"], app["flask"])
    name = "%s-%s" % (app["app"], app["flask"])
    sdist = fetch(pythons["2.7"], work, {"project": "Flask", "version": app["flask"]})
    original = os.path.join(sdist, app["folder"])
    logs = os.path.join(work, "logs", name)
    if not os.path.isdir(logs):
        os.makedirs(logs)
    pristine = os.path.join(work, "pristine", name)
    if os.path.isdir(pristine):
        shutil.rmtree(pristine)
    shutil.copytree(original, pristine)
    before = os.path.join(work, "before", name)
    if os.path.isdir(before):
        shutil.rmtree(before)
    shutil.copytree(pristine, before)
    row = {"app": label, "notes": app.get("notes", "")}
    row["before 2.7"] = run_tests(pythons["era " + app["flask"]], before, app, os.path.join(logs, "before-27.log"))
    copy = os.path.join(work, "migrated", name)
    if os.path.isdir(copy):
        shutil.rmtree(copy)
    shutil.copytree(pristine, copy)
    report = os.path.join(logs, "write.json")
    row["write exit"], row["seconds"], printed = migrate(copy, report, "--write")
    with io.open(os.path.join(logs, "write.log"), "w", encoding="utf-8") as handle:
        handle.write(printed)
    with io.open(report, encoding="utf-8") as handle:
        data = json.load(handle)
    row["files"] = data["totals"]["files"]
    row["changed"] = data["totals"]["changed"]
    row["rewrites"] = data["fix_counts"]
    row["reviews"] = [
        "%s:%s (%s) %s" % (os.path.relpath(item["path"], copy), item["line"], item["fixer"], item["message"])
        for item in data["needs_review"]
    ]
    row["check exit"] = migrate(copy, os.path.join(logs, "check.json"), "--check")[0]
    row["flask imports left"] = flask_imports(copy)
    for version in ("2.7", "3.13"):
        # a fresh copy per interpreter: no bytecode or database of one run
        # is seen by the other
        run_in = os.path.join(work, "run-" + version, name)
        if os.path.isdir(run_in):
            shutil.rmtree(run_in)
        shutil.copytree(copy, run_in)
        row["after " + version] = run_tests(
            pythons[version], run_in, app, os.path.join(logs, "after-%s.log" % version.replace(".", "")), ROOT
        )
    log("%s: %s" % (label, summary(row)))
    return row


def flask_imports(folder):
    """Lines of the migrated copy that still import a ``flask`` module."""
    found = []
    pattern = re.compile(r"^\s*(from\s+flask(\.\w+)*\s+import|import\s+flask\b)")
    for top, folders, files in os.walk(folder):
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(top, name)
                with io.open(path, encoding="utf-8") as handle:
                    for number, line in enumerate(handle, 1):
                        if pattern.match(line):
                            found.append("%s:%d" % (os.path.relpath(path, folder), number))
    return found


def fixture_under_flask010(work, python):
    """legacy_app's own tests, unmodified, in the Flask 0.10.1 virtualenv."""
    copy = os.path.join(work, "fixture", "legacy_app")
    if os.path.isdir(copy):
        shutil.rmtree(copy)
    shutil.copytree(FIXTURE, copy)
    # the command its README gives
    code, output = run_logged(
        [python, "-m", "unittest", "discover", "-v", "-s", "tests", "-t", "."],
        copy, copy, os.path.join(work, "logs", "legacy_app-0.10.1.log"),
    )
    ran = re.search(r"^Ran (\d+) tests?", output, re.MULTILINE)
    result = {"ran": int(ran.group(1)) if ran else 0, "ok": code == 0 and output.rstrip().endswith("OK")}
    log("legacy_app fixture under Flask 0.10.1: ran %d, %s" % (result["ran"], "OK" if result["ok"] else "FAILED"))
    return result


def passed(counts, reference):
    """``passed/total``, the total being the tests run before migration."""
    text = "%d/%d" % (counts["passed"], reference)
    if counts["tests"] == 0 and counts["exit"] != 0:
        text += " (collection failed)"
    return text


def summary(row):
    total = row["before 2.7"]["tests"]
    return "before %s; after %s on 2.7 and %s on 3.13; %d review items; second run %s" % (
        passed(row["before 2.7"], total),
        passed(row["after 2.7"], total),
        passed(row["after 3.13"], total),
        len(row["reviews"]),
        "clean" if row["check exit"] == 0 else "exit %d" % row["check exit"],
    )


def all_pass(counts, reference):
    return counts["exit"] == 0 and counts["passed"] == reference and reference > 0


HEADER = """\
.. This file is written by tests/proving_ground/apps.py; do not edit it by hand.

Legacy Flask apps
=================

Flask 0.x applications written by others, each migrated once with
``flaskcompat-migrate --write --target 2and3`` and then run against its own
tests, unchanged, on Python 2.7 and on Python 3.13 against flaskcompat. The
apps are the example applications shipped inside Flask's release sdists
(%(eras)s), each with the test file it ships; the list, with the releases
each era was written for, is ``tests/proving_ground/apps.json``. Nothing of
them is kept in this repository: the sdists are downloaded at run time.

Reproduce the table with ``tox -e legacy-apps``. It builds one Python 2.7
virtualenv per Flask era with the releases of that time, and a 2.7 and a 3.13
virtualenv with flaskcompat and its dependencies (no ``flask`` package in
them: the migrated apps import ``flaskcompat``); the tests run with pytest.

Columns: tests passed out of those the app ships, on 2.7 before migration
(against the Flask, Werkzeug and Jinja2 of its era), then after the
migration on 2.7 and 3.13 (against flaskcompat); the files the tool changed
and its rewrites per fixer; the needs-review lines it printed; whether a
second run (``--check``) is clean. The env fails when an app's tests do not
all pass after the migration on 2.7 and on 3.13, when the second run is not
clean, or when a migrated file still imports ``flask``.
"""


def version_key(text):
    return tuple(int(part) for part in text.split("."))


COLUMNS = ["app", "2.7 before", "2.7 after", "3.13 after", "files changed", "rewrites", "review items",
           "second run"]


def cells(row):
    """One app's row of the table, in the order of COLUMNS."""
    total = row["before 2.7"]["tests"]
    rewrites = ", ".join("%s %d" % item for item in sorted(row["rewrites"].items()))
    second = "clean" if row["check exit"] == 0 else "exit %d" % row["check exit"]
    return [row["app"]] + [passed(row[key], total) for key in ("before 2.7", "after 2.7", "after 3.13")] + [
        "%d of %d" % (row["changed"], row["files"]), rewrites, str(len(row["reviews"])), second]


def write_table(rows, eras, fixture, path):
    ordered = sorted(eras, key=version_key)
    body = [cells(row) for row in rows]
    header = HEADER % {"eras": ", ".join(ordered)}
    lines = [header.rstrip("\n"), "", ".. list-table::", "   :header-rows: 1", ""]
    for line in [COLUMNS] + body:
        lines.append("   * - " + line[0])
        lines.extend("     - " + cell for cell in line[1:])
    lines.extend(["", "Eras", "----", "", "The releases each era's apps run against on 2.7 before migration:", ""])
    for era in ordered:
        lines.append("Flask %s (%s)" % (era, ", ".join(p.replace("==", " ") for p in eras[era]["releases"])))
        lines.extend(["   " + eras[era]["notes"], ""])
    lines.extend(["Needs review", "------------", ""])
    reviewed = [row for row in rows if row["reviews"]]
    if not reviewed:
        lines.extend(["The tool printed no needs-review line for any of these apps.", ""])
    for row in reviewed:
        lines.extend(["%s:" % row["app"], ""])
        lines.extend("* ``%s``" % item for item in row["reviews"])
        lines.append("")
    notes = [(row["app"], row["notes"]) for row in rows if row["notes"]]
    if notes:
        lines.extend(["Notes", "-----", ""])
        for app, note in notes:
            lines.extend(["%s\n   %s" % (app, note), ""])
    lines.extend([
        "The repository's own legacy app",
        "-------------------------------",
        "",
        "The same env runs the tests of ``tests/migrate/fixtures/legacy_app`` (the",
        "input of the tool's end-to-end test), unmodified, on 2.7 in the Flask",
        "0.10.1 virtualenv above: %d of %d ran, %s." % (
            fixture["ran"], FIXTURE_TESTS, "all passed" if fixture["ok"] else "not all passed"),
    ])
    with io.open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines).rstrip("\n") + "\n")


def main(argv=None):
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--only", action="append", default=[], metavar="APP",
                         help="an app's name (every era) or NAME-VERSION (one era); repeatable")
    options.add_argument("--work", metavar="DIR",
                         help="downloads, virtualenvs and logs, kept between runs (default: a new temporary folder)")
    options.add_argument("--output", default=TABLE, metavar="FILE", help="the page to write (default: %(default)s)")
    args = options.parse_args(argv)
    with io.open(APPS, encoding="utf-8") as handle:
        config = json.load(handle)
    apps = config["apps"]
    if args.only:
        apps = [a for a in apps if a["app"] in args.only or "%s-%s" % (a["app"], a["flask"]) in args.only]
    work = os.path.abspath(args.work or tempfile.mkdtemp(prefix="legacy-apps-"))
    if not os.path.isdir(os.path.join(work, "logs")):
        os.makedirs(os.path.join(work, "logs"))
    log("working in %s" % work)
    pythons = {}
    for version in ("2.7", "3.13"):
        pythons[version] = make_env(work, "flaskcompat-py" + version.replace(".", ""), version,
                                    [ROOT, pytest_for(version)])
    for era in sorted(config["eras"], key=version_key):
        pythons["era " + era] = make_env(work, "flask" + era.replace(".", ""), "2.7",
                                         config["eras"][era]["releases"] + [pytest_for("2.7")])
    rows = [prove(work, pythons, app) for app in apps]
    fixture = fixture_under_flask010(work, pythons["era 0.10.1"])
    write_table(rows, config["eras"], fixture, args.output)
    with io.open(os.path.join(work, "rows.json"), "w", encoding="utf-8") as handle:
        json.dump(rows, handle, indent=1, sort_keys=True)
    log("table written to %s" % args.output)
    failing = []
    for row in rows:
        total = row["before 2.7"]["tests"]
        if not (all_pass(row["after 2.7"], total) and all_pass(row["after 3.13"], total)):
            failing.append(row["app"] + ": tests")
        if row["check exit"] != 0 or row["write exit"] not in (0, 1):
            failing.append(row["app"] + ": second run")
        if row["flask imports left"]:
            failing.append(row["app"] + ": flask still imported at " + ", ".join(row["flask imports left"]))
    if fixture["ran"] != FIXTURE_TESTS or not fixture["ok"]:
        failing.append("legacy_app fixture under Flask 0.10.1")
    if failing:
        log("FAILED: " + "; ".join(failing))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
