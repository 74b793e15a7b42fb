"""Legacy Flask apps: Flask 0.x applications written by others, taken the
whole way onto real Flask 3.1, against their own tests.

The apps in ``apps.json`` are the example applications shipped inside
Flask's own release sdists, each with its test file, and the repository's
own legacy app (tests/migrate/fixtures/legacy_app). For every app: run its
tests on Python 2.7 against the Flask, Werkzeug and Jinja2 releases it was
written for (a virtualenv per era); then three steps, each on a copy of the
result of the one before: ``--write --target 2and3`` (tests on 2.7 and 3.13
against this checkout's flaskcompat), ``--write --target 3`` (tests on 3.13
against flaskcompat) and ``--write --target flask3`` (tests on 3.13 against
real Flask 3.1 with the newest Werkzeug and Jinja2, in a virtualenv without
flaskcompat). After each step a ``--check`` with the same target must want
no change and print no review item the step's write did not print.

Hand edits exist only as an app's ``review_edits`` in ``apps.json``: each
names the step, the file, the text of the review item it answers (the edit
is refused unless that step printed it for that file), the text it replaces
and how many times that text must be there (once unless ``count`` says).

Writes ``docs/migrate/legacy-apps.rst``; exits 1 when a step's tests do not
all pass, a check is not clean, an import of ``flask`` (before the last step)
or ``flaskcompat`` (after it) is left, or a hand edit answers no printed
review item. Run it with ``tox -e legacy-apps`` (it downloads); ``--only
NAME`` limits the run, ``--work DIR`` keeps downloads and virtualenvs.
"""
import argparse
import difflib
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


def migrate(folder, report, mode, target):
    """This checkout's tool over *folder*: (exit code, seconds, stderr)."""
    started = time.monotonic()
    completed = subprocess.run(
        [sys.executable, "-m", "migrate", mode, "--target", target, "--no-cache", "--jobs", "2",
         "--report", report, folder],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return completed.returncode, time.monotonic() - started, completed.stderr.decode("utf-8", "replace")


# The three steps every app takes, each on the result of the one before:
# the target given to the tool, and the virtualenvs its tests then run in
# ("2.7" and "3.13" have flaskcompat, "flask3" has real Flask 3.1).
STEPS = [
    ("2and3", ["2.7", "3.13"]),
    ("3", ["3.13"]),
    ("flask3", ["flask3"]),
]
RUN_LABELS = {"2.7": "2.7", "3.13": "3.13", "flask3": "3.13 Flask 3.1"}


def load_report(path, folder):
    """The JSON report of a run: its counts and review items (relative
    paths), or empty ones when the tool wrote none (it refused the
    options)."""
    if not os.path.exists(path):
        return {"files": 0, "changed": 0, "rewrites": {}, "reviews": []}
    with io.open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    return {
        "files": data["totals"]["files"],
        "changed": data["totals"]["changed"],
        "rewrites": data["fix_counts"],
        "reviews": [
            {"path": os.path.relpath(item["path"], folder), "line": item["line"], "fixer": item["fixer"],
             "message": item["message"]}
            for item in data["needs_review"]
        ],
    }


def review_text(item):
    return "%(path)s:%(line)s [%(fixer)s] %(message)s" % item


def not_in(items, printed):
    """The *items* the write step did not print: a (path, fixer, message)
    each of them may match once (line numbers move when a file is
    rewritten)."""
    left = [(item["path"], item["fixer"], item["message"]) for item in printed]
    new = []
    for item in items:
        key = (item["path"], item["fixer"], item["message"])
        if key in left:
            left.remove(key)
        else:
            new.append(item)
    return new


def written_lines(before, after):
    """The lines (path relative to *after*, line number) that a step wrote:
    every line of a Python file in *after* that differs from, or is not in,
    the same file in *before*."""
    written = set()
    for top, folders, files in os.walk(after):
        for name in files:
            if not name.endswith(".py"):
                continue
            path = os.path.join(top, name)
            relative = os.path.relpath(path, after)
            old = os.path.join(before, relative)
            with io.open(path, encoding="utf-8", newline="") as handle:
                new_lines = handle.read().splitlines()
            old_lines = []
            if os.path.exists(old):
                with io.open(old, encoding="utf-8", newline="") as handle:
                    old_lines = handle.read().splitlines()
            matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
            for tag, _i1, _i2, j1, j2 in matcher.get_opcodes():
                if tag in ("replace", "insert"):
                    written.update((relative, number + 1) for number in range(j1, j2))
    return written


def apply_edits(folder, edits, reviews):
    """The hand edits an app's entry lists for a step, each allowed only
    when the tool printed the review item it answers: the edits applied
    (text) and the problems (text)."""
    done, problems = [], []
    for edit in edits:
        printed = [item for item in reviews
                   if item["path"] == edit["file"] and edit["review"] in item["message"]]
        if not printed:
            problems.append("hand edit of %s without the review item %r" % (edit["file"], edit["review"]))
            continue
        path = os.path.join(folder, edit["file"])
        with io.open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
        times = edit.get("count", 1)
        if text.count(edit["old"]) != times:
            problems.append("hand edit of %s: its text is not there %s" % (
                edit["file"], "once" if times == 1 else "%d times" % times))
            continue
        with io.open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text.replace(edit["old"], edit["new"]))
        done.append("%s, for the item at %s:%s [%s]: %s" % (
            edit["file"], printed[0]["path"], printed[0]["line"], printed[0]["fixer"], edit["why"]))
    return done, problems


def take_step(work, pythons, app, name, source, target, runs, logs):
    """Copy *source*, migrate the copy with *target*, check the result and
    run the app's tests in each of *runs*: the step's record and folder."""
    copy = os.path.join(work, "step-" + target, name)
    if os.path.isdir(copy):
        shutil.rmtree(copy)
    shutil.copytree(source, copy)
    step = {"target": target}
    report = os.path.join(logs, "%s-write.json" % target)
    if os.path.exists(report):
        os.remove(report)
    step["write exit"], step["seconds"], printed = migrate(copy, report, "--write", target)
    with io.open(os.path.join(logs, "%s-write.log" % target), "w", encoding="utf-8") as handle:
        handle.write(printed)
    step["tool error"] = "" if os.path.exists(report) else (printed.strip().splitlines() or ["no report"])[-1]
    step.update(load_report(report, copy))
    check_report = os.path.join(logs, "%s-check.json" % target)
    if os.path.exists(check_report):
        os.remove(check_report)
    step["check exit"] = migrate(copy, check_report, "--check", target)[0]
    step["check reviews"] = load_report(check_report, copy)["reviews"]
    step["check new"] = not_in(step["check reviews"], step["reviews"])
    wrote = written_lines(source, copy)
    step["check on written lines"] = [item for item in step["check reviews"]
                                      if (item["path"], item["line"]) in wrote]
    edits = [edit for edit in app.get("review_edits", []) if edit["step"] == target]
    step["edits"], step["edit problems"] = apply_edits(copy, edits, step["reviews"])
    step["imports left"] = imports_left(copy, "flaskcompat" if target == "flask3" else "flask")
    step["tests"] = {}
    for run in runs:
        # a fresh copy per run: no bytecode or database of one run is seen
        # by another
        run_in = os.path.join(work, "run-%s-%s" % (target, run), name)
        if os.path.isdir(run_in):
            shutil.rmtree(run_in)
        shutil.copytree(copy, run_in)
        step["tests"][run] = run_tests(
            pythons[run], run_in, app, os.path.join(logs, "%s-tests-%s.log" % (target, run)),
            None if run == "flask3" else ROOT,
        )
    return step, copy


def prove(work, pythons, app):
    label = "%s (Flask %s)" % (app["app"], app["flask"])
    name = "%s-%s" % (app["app"], app["flask"])
    if "source" in app:
        original = os.path.join(ROOT, app["source"])
    else:
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
    row = {"app": label, "notes": app.get("notes", ""), "expect": app.get("expect_tests")}
    row["before"] = run_tests(pythons["era " + app["flask"]], before, app, os.path.join(logs, "before-27.log"))
    row["steps"] = []
    source = pristine
    for target, runs in STEPS:
        step, source = take_step(work, pythons, app, name, source, target, runs, logs)
        row["steps"].append(step)
    log("%s: %s" % (label, summary(row)))
    return row


def imports_left(folder, module):
    """Lines of *folder*'s Python files that still import *module* (or a
    module inside it)."""
    found = []
    pattern = re.compile(r"^\s*(from\s+%s(\.\w+)*\s+import|import\s+%s\b)" % (module, module))
    for top, folders, files in os.walk(folder):
        folders.sort()
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(top, name)
                with io.open(path, encoding="utf-8") as handle:
                    for number, line in enumerate(handle, 1):
                        if pattern.match(line):
                            found.append("%s:%d" % (os.path.relpath(path, folder), number))
    return found


def passed(counts, reference):
    """``passed/total``, the total being the tests run before migration."""
    text = "%d/%d" % (counts["passed"], reference)
    # pytest's exit code 2: interrupted, here by an error while collecting
    if counts["exit"] == 2 or (counts["tests"] == 0 and counts["exit"] != 0):
        text += " (collection failed)"
    return text


def tests_cell(step, reference):
    return ", ".join("%s: %s" % (RUN_LABELS[run], passed(step["tests"][run], reference))
                     for run, _ in sorted(step["tests"].items(), key=lambda pair: ORDER.index(pair[0])))


ORDER = ["2.7", "3.13", "flask3"]


def check_cell(step):
    if step["tool error"]:
        return "not run"
    text = "clean" if step["check exit"] == 0 else "exit %d" % step["check exit"]
    if step["check reviews"]:
        text += ", %d review items (%d new, %d on lines the step wrote)" % (
            len(step["check reviews"]), len(step["check new"]), len(step["check on written lines"]))
    return text


def summary(row):
    total = row["before"]["tests"]
    parts = ["before %s" % passed(row["before"], total)]
    for step in row["steps"]:
        parts.append("--target %s: %s; %d review items; --check %s%s" % (
            step["target"], tests_cell(step, total), len(step["reviews"]), check_cell(step),
            "; tool: " + step["tool error"] if step["tool error"] else ""))
    return "; ".join(parts)


def all_pass(counts, reference):
    return counts["exit"] == 0 and counts["passed"] == reference and reference > 0


def failures(row):
    """What keeps *row* from going the whole way, one text each."""
    total = row["before"]["tests"]
    found = []
    if not all_pass(row["before"], total):
        found.append("its tests fail before migration")
    if row["expect"] is not None and total != row["expect"]:
        found.append("%d tests before migration, not %d" % (total, row["expect"]))
    for step in row["steps"]:
        where = "--target %s" % step["target"]
        if step["tool error"]:
            found.append("%s: the tool refused: %s" % (where, step["tool error"]))
        elif step["write exit"] not in (0, 1):
            found.append("%s: the write exited %d" % (where, step["write exit"]))
        for run, counts in sorted(step["tests"].items()):
            if not all_pass(counts, total):
                found.append("%s: tests on %s%s" % (where, RUN_LABELS[run], "" if step["reviews"] else
                                                      ", with no review item printed: a silent failure"))
        if not step["tool error"] and step["check exit"] != 0:
            found.append("%s: --check of the result exited %d" % (where, step["check exit"]))
        if step["check new"]:
            found.append("%s: --check of the result printed %d review items the write did not" % (
                where, len(step["check new"])))
        if step["check on written lines"]:
            found.append("%s: --check of the result printed %d review items on lines the step wrote" % (
                where, len(step["check on written lines"])))
        if step["imports left"]:
            found.append("%s: %s still imported at %s" % (
                where, "flaskcompat" if step["target"] == "flask3" else "flask", ", ".join(step["imports left"])))
        found.extend("%s: %s" % (where, problem) for problem in step["edit problems"])
    return found


HEADER = """\
.. This file is written by tests/proving_ground/apps.py; do not edit it by hand.

Legacy Flask apps, all the way onto Flask 3.1
=============================================

Flask 0.x applications written by others, each taken by
``flaskcompat-migrate`` the whole way from Python 2 and Flask 0.x to
Python 3 and real Flask 3.1, and run against its own tests (migrated with it,
never edited by hand) after every step:

1. ``--write --target 2and3`` on the app as released; its tests on Python 2.7
   and 3.13 against flaskcompat;
2. ``--write --target 3`` on that result; its tests on 3.13 against
   flaskcompat;
3. ``--write --target flask3`` on that result; its tests on 3.13 against
   real Flask 3.1 with the newest Werkzeug, Jinja2 and extensions, in a
   virtualenv where flaskcompat is not installed.

After each step a ``--check`` with the same target runs on the result: it
must want no further change, and must print no review item that the step's
write did not print, nor any on a line the step wrote: the tool never flags
code it wrote itself.

The apps are the example applications shipped inside Flask's release sdists
(%(eras)s), each with the test file it ships, and the repository's own
legacy app (``tests/migrate/fixtures/legacy_app``, the input of the tool's
end-to-end test); the list, with the releases each era was written for, is
``tests/proving_ground/apps.json``. Nothing of the sdists is kept in this
repository: they are downloaded at run time.

Reproduce the table with ``tox -e legacy-apps`` (``-- --only NAME`` for one
app). It builds one Python 2.7 virtualenv per Flask era with the releases of
that time, a 2.7 and a 3.13 virtualenv with flaskcompat and its dependencies
(no ``flask`` package in them: until the last step the migrated apps import
``flaskcompat``), and a 3.13 virtualenv with Flask 3.1 and no flaskcompat;
the tests run with pytest. Logs and every step's tree stay in
``.tox/legacy-apps/work``.

Columns: the step; the tests passed out of those the app ships (before
migration on 2.7 against the Flask, Werkzeug and Jinja2 of its era); the
files the step changed and its rewrites per fixer; the needs-review items it
printed (listed below the table) and the hand edits made for them; what the
``--check`` of the result found. The env fails when a step's tests do not all
pass, when a check wants a change or prints a review item that is new or on
a line the step wrote, when a step leaves an import of ``flask`` (before the
last step) or ``flaskcompat`` (after it), or when a hand edit answers no
review item the tool printed.

%(whole)s
"""


COLUMNS = ["app", "step", "tests passed", "files changed", "rewrites", "review items", "hand edits",
           "check of the result"]


def version_key(text):
    return tuple(int(part) for part in text.split("."))


def rows_of(row):
    """An app's rows of the table, in the order of COLUMNS."""
    total = row["before"]["tests"]
    era = row["app"].split("(Flask ")[-1].rstrip(")")
    lines = [[row["app"], "as released", "2.7 (Flask %s): %s" % (era, passed(row["before"], total)),
              "", "", "", "", ""]]
    for step in row["steps"]:
        if step["tool error"]:
            changed = "tool refused: %s" % step["tool error"]
        else:
            changed = "%d of %d" % (step["changed"], step["files"])
        lines.append([
            "", "``--target %s``" % step["target"], tests_cell(step, total), changed,
            ", ".join("%s %d" % item for item in sorted(step["rewrites"].items())) or "none",
            str(len(step["reviews"])), str(len(step["edits"])), check_cell(step),
        ])
    return lines


def marks(step, item):
    """What a --check item is, besides an item of the write that comes again."""
    found = []
    if item in step["check on written lines"]:
        found.append("on a line the step wrote")
    if item in step["check new"]:
        found.append("not printed by the write")
    return " (%s)" % ", ".join(found) if found else ""


def listing(rows, title, key, explain, empty):
    lines = [title, "-" * len(title), "", explain, ""]
    listed = False
    for row in rows:
        for step in row["steps"]:
            items = step[key]
            if not items:
                continue
            listed = True
            lines.extend(["%s, ``--target %s``:" % (row["app"], step["target"]), ""])
            lines.extend("* ``%s``%s" % (item if isinstance(item, str) else review_text(item),
                                         marks(step, item) if key == "check reviews" else "")
                         for item in items)
            lines.append("")
    if not listed:
        lines.extend([empty, ""])
    return lines


def write_table(rows, eras, flask3, path):
    ordered = sorted(eras, key=version_key)
    whole = sum(1 for row in rows if not failures(row))
    summary = "In the last run %d of %d apps went the whole way" % (whole, len(rows))
    if whole < len(rows):
        summary += " (see \"Not yet the whole way\" below for the others)"
    header = HEADER % {"eras": ", ".join(ordered), "whole": summary + "."}
    lines = [header.rstrip("\n"), "", ".. list-table::", "   :header-rows: 1", ""]
    body = [COLUMNS]
    for row in rows:
        body.extend(rows_of(row))
    for line in body:
        lines.extend(("   * - " if number == 0 else "     - ") + cell if cell else ("   * -" if number == 0 else "     -")
                     for number, cell in enumerate(line))
    lines.append("")
    lines.extend(listing(rows, "Needs review", "reviews",
                         "Every item each step printed, as the tool printed it.",
                         "No step printed a needs-review item for any of these apps."))
    lines.extend(listing(rows, "Hand edits", "edits",
                         "The only changes made by hand, each for a needs-review item the step printed.",
                         "No app needed a hand edit."))
    lines.extend(listing(rows, "Review items of the --check runs", "check reviews",
                         "What a ``--check`` of each step's result printed. On code the step left as it was, "
                         "the items of its write come again; an item on a line the step wrote, or one the "
                         "write did not print, is the tool flagging its own output.",
                         "No ``--check`` of a result printed a review item."))
    lines.extend(["Not yet the whole way", "---------------------", "",
                  "What made this run fail (the env exits 1 while anything is listed here):", ""])
    left = [(row["app"], text) for row in rows for text in failures(row)]
    lines.extend("* %s: %s" % pair for pair in left)
    if not left:
        lines.append("Nothing: every app went the whole way.")
    lines.append("")
    lines.extend(["Releases", "--------", "",
                  "The releases each era's apps run against on 2.7 before migration:", ""])
    for era in ordered:
        lines.append("Flask %s (%s)" % (era, ", ".join(p.replace("==", " ") for p in eras[era]["releases"])))
        lines.extend(["   " + eras[era]["notes"], ""])
    lines.append("Flask 3.1, after the last step (%s)" % ", ".join(
        "%s %s" % pair for pair in sorted(flask3["installed"].items(), key=lambda pair: pair[0].lower())))
    lines.extend(["   " + flask3["notes"], ""])
    notes = [(row["app"], row["notes"]) for row in rows if row["notes"]]
    if notes:
        lines.extend(["Notes", "-----", ""])
        for app, note in notes:
            lines.extend(["%s\n   %s" % (app, note), ""])
    with io.open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines).rstrip("\n") + "\n")


PROBE = (
    "import importlib.metadata as m, json, sys\n"
    "names = sys.argv[1:]\n"
    "try:\n"
    "    import flaskcompat\n"
    "    found = True\n"
    "except ImportError:\n"
    "    found = False\n"
    "print(json.dumps({'flaskcompat': found, 'installed': {n: m.version(n) for n in names}}))\n"
)


def probe_flask3(python, releases):
    """The releases installed in the Flask 3.1 virtualenv, and whether
    flaskcompat can be imported there (it must not)."""
    names = [re.split(r"[<>=!\[ ]", release)[0] for release in releases]
    env = dict(QUIET)
    env.pop("PYTHONPATH", None)
    output = subprocess.run([python, "-c", PROBE] + names, cwd=HERE, env=env, stdout=subprocess.PIPE,
                            check=True).stdout
    return json.loads(output.decode("utf-8"))


def main(argv=None):
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--only", action="append", default=[], metavar="APP",
                         help="an app's name (every era) or NAME-VERSION (one era); repeatable")
    options.add_argument("--work", metavar="DIR",
                         help="downloads, virtualenvs and logs, kept between runs (default: a new temporary folder)")
    options.add_argument("--output", default=TABLE, metavar="FILE", help="the page to write (default: %(default)s)")
    options.add_argument("--page-only", action="store_true",
                         help="write the page again from the last run's rows.json in --work, running nothing")
    args = options.parse_args(argv)
    with io.open(APPS, encoding="utf-8") as handle:
        config = json.load(handle)
    if args.page_only:
        with io.open(os.path.join(args.work, "rows.json"), encoding="utf-8") as handle:
            last = json.load(handle)
        write_table(last["rows"], config["eras"], last["flask3"], args.output)
        return 0
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
    extensions = sorted(set(name for app in config["apps"] for name in app.get("extensions", [])))
    releases = config["flask3"]["releases"] + extensions
    pythons["flask3"] = make_env(work, "flask3-py313", "3.13", releases + [pytest_for("3.13")])
    flask3 = probe_flask3(pythons["flask3"], releases)
    flask3["notes"] = config["flask3"]["notes"]
    rows = [prove(work, pythons, app) for app in apps]
    write_table(rows, config["eras"], flask3, args.output)
    with io.open(os.path.join(work, "rows.json"), "w", encoding="utf-8") as handle:
        json.dump({"flask3": flask3, "rows": rows}, handle, indent=1, sort_keys=True)
    log("table written to %s" % args.output)
    failing = ["flaskcompat can be imported in the Flask 3.1 virtualenv"] if flask3["flaskcompat"] else []
    for row in rows:
        failing.extend("%s: %s" % (row["app"], text) for text in failures(row))
    if failing:
        log("FAILED:\n  " + "\n  ".join(failing))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
