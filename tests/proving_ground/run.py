"""The proving ground: real Python 2 libraries, migrated once, against their
own test suites.

For every project in ``projects.json`` (pure-Python, Python 2 only, released
around 2008-2013, with tests in the sdist): download the sdist, run its tests
on Python 2.7 as released (and on Python 3.13, where they mostly cannot even
be imported), migrate a copy with ``--write``, run the tests again on 2.7 and
on 3.13 (both with six), check that a second ``--check`` run is clean, run
python-modernize 0.8 on another copy as the side-by-side anchor (its tests on
3.13), and write the table to ``docs/migrate/proving-ground.rst``.

Run it with ``tox -e proving-ground`` (it downloads); ``--only NAME`` limits
the run to some projects, ``--work DIR`` keeps the downloads and virtualenvs
between runs.
"""
import argparse
import collections
import difflib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
COUNTER = os.path.join(HERE, "count_tests.py")
PROJECTS = os.path.join(HERE, "projects.json")
TABLE = os.path.join(ROOT, "docs", "migrate", "proving-ground.rst")
MARK = "PROVING-GROUND-COUNTS "

# An old pip (the last that runs on 2.7) trips over the machine-wide pip
# settings when it downloads; the sdists come straight from the index.
ISOLATED = dict(os.environ, PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1")


def log(message):
    sys.stderr.write("proving-ground: %s\n" % message)
    sys.stderr.flush()


def interpreter(name):
    """The real executable behind *name* on PATH (a version manager's shim
    is resolved from the repository root, where it knows every version)."""
    output = subprocess.run(
        [name, "-c", "import sys; print(sys.executable)"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        check=True,
    ).stdout
    return output.decode("utf-8").strip()


def make_env(work, version):
    """A virtualenv for *version* ("2.7", "3.13") with six; its python."""
    folder = os.path.join(work, "venv" + version.replace(".", ""))
    python = os.path.join(folder, "bin", "python")
    if not os.path.exists(python):
        subprocess.run(
            [sys.executable, "-m", "virtualenv", "-q", "-p", interpreter("python" + version), folder],
            check=True,
        )
        subprocess.run([python, "-m", "pip", "install", "-q", "six"], check=True)
    return python


def fetch(python27, work, project):
    """Download and unpack the sdist; the unpacked folder."""
    name = "%s-%s" % (project["project"], project["version"])
    downloads = os.path.join(work, "sdists")
    unpacked = os.path.join(work, "unpacked")
    target = os.path.join(unpacked, name)
    if os.path.isdir(target):
        return target
    if not os.path.isdir(downloads):
        os.makedirs(downloads)
    subprocess.run(
        [python27, "-m", "pip", "download", "-q", "--isolated", "--no-deps", "--no-binary", ":all:",
         "%s==%s" % (project["project"], project["version"]), "-d", downloads],
        env=ISOLATED,
        check=True,
    )
    archive = None
    for candidate in sorted(os.listdir(downloads)):
        if candidate.lower().startswith(name.lower() + "."):
            archive = os.path.join(downloads, candidate)
    if archive is None:
        raise SystemExit("proving-ground: no sdist for %s in %s" % (name, downloads))
    scratch = tempfile.mkdtemp(dir=work)
    if archive.endswith(".zip"):
        with zipfile.ZipFile(archive) as opened:
            opened.extractall(scratch)
    else:
        with tarfile.open(archive) as opened:
            if hasattr(tarfile, "data_filter"):
                opened.extractall(scratch, filter="data")
            else:
                opened.extractall(scratch)
    (top,) = os.listdir(scratch)
    if not os.path.isdir(unpacked):
        os.makedirs(unpacked)
    shutil.move(os.path.join(scratch, top), target)
    os.rmdir(scratch)
    return target


def count(python, folder, project):
    """Run the project's tests in *folder*: the counts as a dict."""
    completed = subprocess.run(
        [python, COUNTER, folder, ",".join(project["paths"]), ",".join(project["modules"])],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=900,
    )
    out = completed.stdout.decode("utf-8", "replace")
    for line in out.splitlines():
        if line.startswith(MARK):
            counts = json.loads(line[len(MARK):])
            counts["log"] = completed.stderr.decode("utf-8", "replace")
            return counts
    return {"passed": 0, "run": 0, "failures": 0, "errors": 0, "broken_modules": ["(crashed)"],
            "modules": {}, "problems": [{"id": "(crashed)", "module": "", "trace": out[-2000:]}],
            "log": completed.stderr.decode("utf-8", "replace")}


def migrate(folder, report, mode):
    """Run this checkout's tool over *folder*: (exit code, seconds)."""
    started = time.monotonic()
    completed = subprocess.run(
        [sys.executable, "-m", "migrate", mode, "--no-cache", "--jobs", "2", "--quiet",
         "--report", report, folder],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    return completed.returncode, time.monotonic() - started


def modernize(folder):
    """Run python-modernize 0.8 (installed beside this script's Python) over
    *folder*, writing in place: its exit code."""
    script = os.path.join(os.path.dirname(sys.executable), "python-modernize")
    completed = subprocess.run(
        [script, "-w", "-n", "--no-diffs", folder],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return completed.returncode


def prove(work, pythons, project):
    name = "%s-%s" % (project["project"], project["version"])
    original = fetch(pythons["2.7"], work, project)
    row = {"project": name, "released": project.get("released", "")}
    logs = os.path.join(work, "logs", name)
    if not os.path.isdir(logs):
        os.makedirs(logs)
    for version in ("2.7", "3.13"):
        if project.get("deps"):
            # what the test suite needs besides the project (in both envs)
            subprocess.run(
                [pythons[version], "-m", "pip", "install", "-q", "--isolated"] + project["deps"],
                env=ISOLATED,
                check=True,
            )
        counts = count(pythons[version], original, project)
        row["before " + version] = counts
        _keep_log(logs, "before-" + version, counts)
    copy = os.path.join(work, "migrated", name)
    if os.path.isdir(copy):
        shutil.rmtree(copy)
    shutil.copytree(original, copy)
    report = os.path.join(logs, "write.json")
    row["write exit"], row["seconds"] = migrate(copy, report, "--write")
    with io.open(report, encoding="utf-8") as handle:
        data = json.load(handle)
    row["files"] = data["totals"]["files"]
    row["changed"] = data["totals"]["changed"]
    row["failed"] = data["totals"]["failed"]
    row["reviews"] = len(data["needs_review"])
    check_report = os.path.join(logs, "check.json")
    row["check exit"] = migrate(copy, check_report, "--check")[0]
    with io.open(check_report, encoding="utf-8") as handle:
        second = json.load(handle)
    row["new reviews"] = new_reviews(data["needs_review"], second["needs_review"], copy)
    for version in ("2.7", "3.13"):
        counts = count(pythons[version], copy, project)
        row["after " + version] = counts
        _keep_log(logs, "after-" + version, counts)
    row["trace"] = trace(project, row, original, copy, data["needs_review"],
                         data.get("review_lines") == "written")
    anchor = os.path.join(work, "modernized", name)
    if os.path.isdir(anchor):
        shutil.rmtree(anchor)
    shutil.copytree(original, anchor)
    row["modernize exit"] = modernize(anchor)
    counts = count(pythons["3.13"], anchor, project)
    row["modernize 3.13"] = counts
    _keep_log(logs, "modernize-3.13", counts)
    row["notes"] = project.get("notes", "")
    log("%s: %s" % (name, summary(row)))
    return row


FRAME = re.compile(r'File "([^"]+)", line (\d+)')


def _relative(path, folder):
    path = os.path.normpath(path)
    if not path.startswith(folder + os.sep):
        return None
    return os.path.relpath(path, folder).replace(os.sep, "/")


def line_map(before_path, after_path):
    """Line numbers of *before_path* (1-based) -> the line of *after_path*
    that holds the same code (a changed line maps into its rewrite)."""
    with io.open(before_path, encoding="latin-1") as handle:
        before = handle.read().splitlines()
    with io.open(after_path, encoding="latin-1") as handle:
        after = handle.read().splitlines()
    mapping = {}
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for i in range(i1, i2):
            if tag == "equal":
                mapping[i + 1] = j1 + (i - i1) + 1
            elif tag == "replace":
                mapping[i + 1] = j1 + min(i - i1, j2 - j1 - 1) + 1
            else:  # deleted: the line that follows the gap
                mapping[i + 1] = j1 + 1
    return mapping


def trace(project, row, original, copy, reviews, written=False):
    """Trace every test that fails on 3.13 after the migration.

    A failure is traced when its traceback passes through a line the tool
    printed as needs-review (the printed line is mapped into the migrated
    file), or when it matches one of the project's declared traces
    (``traces`` in projects.json: a printed review line and a pattern of the
    failure it causes further on); the declared line must be in the tool's
    report. A failure whose test fails on 2.7 as well is not the
    migration's. Everything else is "not traced".
    """
    copy = os.path.normpath(copy)
    by_file = collections.defaultdict(list)
    for item in reviews:
        rel = _relative(item["path"], copy)
        if rel is not None:
            by_file[rel].append(item)
    # ``printed`` names each review line as the original numbers it (the
    # numbering of the traces declared in projects.json); ``at_line`` finds
    # it in the migrated file. After --write the tool numbers the written
    # file (``written``), before it numbered the original.
    printed = {}
    at_line = {}
    for rel, items in by_file.items():
        source = os.path.join(original, rel)
        migrated = os.path.join(copy, rel)
        mapping = line_map(source, migrated) if os.path.exists(source) else {}
        back = line_map(migrated, source) if os.path.exists(source) else {}
        for item in items:
            line = item["line"] or 0
            if written:
                key = "%s:%d" % (rel, back.get(line, line))
                at_line.setdefault((rel, line), key)
            else:
                key = "%s:%d" % (rel, line)
                at_line.setdefault((rel, mapping.get(line, line)), key)
            printed.setdefault(key, item["fixer"])
    declared = []
    missing = []
    for entry in project.get("traces", ()):
        if entry["review"] in printed:
            declared.append((entry["review"], re.compile(entry["match"])))
        else:
            missing.append(entry["review"])
    on_27 = set()
    for key in ("before 2.7", "after 2.7"):
        on_27.update(problem["id"] for problem in row[key].get("problems", ()))
    weights = dict(row["before 2.7"].get("modules", {}))
    result = {"failing": 0, "traced": 0, "on 2.7": 0, "by review": {}, "not traced": [],
              "declared but not printed": missing}
    for problem in row["after 3.13"].get("problems", ()):
        # a module that does not import stands for all its tests
        tests = weights.get(problem["id"], 1)
        result["failing"] += tests
        if problem["id"] in on_27:
            result["on 2.7"] += tests
            continue
        cause = None
        for path, line in FRAME.findall(problem["trace"]):
            rel = _relative(path, copy)
            if rel is not None and (rel, int(line)) in at_line:
                cause = at_line[(rel, int(line))]
        if cause is None:
            for review, pattern in declared:
                if pattern.search(problem["trace"]):
                    cause = review
                    break
        if cause is None:
            result["not traced"].append((problem["id"], tests, _last_line(problem["trace"])))
            continue
        result["traced"] += tests
        label = "%s (%s)" % (cause, printed[cause])
        result["by review"][label] = result["by review"].get(label, 0) + tests
    return result


def _last_line(text):
    """The line that says what went wrong (the exception), shortened."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    for line in reversed(lines):
        if re.match(r"^[\w.]+(Error|Exception|Warning)\b", line):
            return line[:120]
    return (lines[-1] if lines else "")[:120]


def new_reviews(first, second, copy):
    """Review items of the second run (``--check`` of the migrated copy)
    that the first run did not print for the original: what the tool flags
    in its own output."""
    def key(item):
        return (_relative(item["path"], os.path.normpath(copy)), item["fixer"], item["message"])

    seen = collections.Counter(key(item) for item in first)
    new = []
    for item in second:
        if seen[key(item)]:
            seen[key(item)] -= 1
        else:
            new.append("%s:%s (%s) %s" % (key(item)[0], item["line"], item["fixer"], item["message"]))
    return new


def _keep_log(folder, stem, counts):
    with io.open(os.path.join(folder, stem + ".log"), "w", encoding="utf-8") as handle:
        handle.write(counts.pop("log", ""))


def summary(row):
    total = row["before 2.7"]["run"]
    return "before %s, after %s on 2.7 and %s on 3.13 (python-modernize: %s); %d review items; %.1f s" % (
        tests(row["before 2.7"]),
        tests(row["after 2.7"], total),
        tests(row["after 3.13"], total),
        tests(row["modernize 3.13"], total),
        row["reviews"],
        row["seconds"],
    )


def tests(counts, reference=None):
    """``passed/total``; the total is the tests run on 2.7 as released when
    given, since a module that does not import runs none of its tests."""
    text = "%d/%d" % (counts["passed"], counts["run"] if reference is None else reference)
    broken = len(counts.get("broken_modules") or ())
    if broken:
        text += " (%d test module%s not importable)" % (broken, "" if broken == 1 else "s")
    return text


HEADER = """\
.. This file is written by tests/proving_ground/run.py; do not edit it by hand.

Proving ground
==============

Real Python 2 libraries that the fixers were not written for, each migrated
once with ``flaskcompat-migrate --write`` and then run against its own test
suite, unchanged, on Python 2.7 and on Python 3.13 (with six installed). The
projects are pure Python, released around 2008-2013, support only Python 2,
and ship their tests in the sdist; they are listed with the test modules that
run in ``tests/proving_ground/projects.json``.

Reproduce the table from a checkout with::

    tox -e proving-ground

It downloads the sdists and builds a Python 2.7 and a Python 3.13 virtualenv;
``tox -e proving-ground -- --only NAME`` runs some projects only (the table
then lists those), ``-- --work DIR`` keeps the downloads between runs.

Columns: tests passed out of those that run on 2.7 as released, before and
after the migration, on 2.7 and 3.13 (a test module that cannot be imported
passes none of its tests); as the side-by-side anchor, the tests that pass on
3.13 after python-modernize 0.8 (default fixers, ``-w -n``) rewrote another
copy of the same sdist; the needs-review lines the tool printed; the seconds
the migration took; whether a second run (``--check``) is clean; how many of
the tests that fail on 3.13 after the migration trace to a line the tool
printed as needs-review; and the review items the second run printed for the
migrated copy that the first run did not print for the original (the tool
flagging its own output). The last row adds the projects up, and the
sentences under the table give the shares.

How a failure is traced: the script runs every test module itself and keeps
each failing test's traceback. A failure traces to a review line when its
traceback passes through that line (the line the tool printed, followed
into the migrated file), or when it matches a trace declared for the project
in ``projects.json`` (a printed review line and a pattern of the failure it
leads to further on, for example the bytes a reviewed ``urlopen`` returns
failing in a regular expression later); a declared line the tool did not
print counts for nothing. A test that also fails on 2.7 is not the
migration's. The script fails when fewer tests pass on 2.7 after the
migration than before, when the second run is not clean, or when a failure
on 3.13 is not traced; the notes say for each project which review lines the
failures lead to, and name the causes of those not traced.

"""


def totals(rows):
    """The last row: every project's counts added up."""
    run = sum(row["before 2.7"]["run"] for row in rows)

    def share(key):
        return "%d/%d" % (sum(row[key]["passed"] for row in rows), run)

    return [
        "all %d projects" % len(rows),
        share("before 2.7"),
        share("before 3.13"),
        share("after 2.7"),
        share("after 3.13"),
        share("modernize 3.13"),
        str(sum(row["reviews"] for row in rows)),
        "%.1f" % sum(row["seconds"] for row in rows),
        "clean" if all(row["check exit"] == 0 for row in rows) else "not clean",
        traced_cell([row["trace"] for row in rows]),
        str(sum(len(row["new reviews"]) for row in rows)),
    ]


def traced_cell(traces):
    """``traced/failing`` on 3.13, with the failures that fail on 2.7 too."""
    failing = sum(t["failing"] for t in traces)
    on_27 = sum(t["on 2.7"] for t in traces)
    text = "%d/%d" % (sum(t["traced"] for t in traces), failing - on_27)
    if on_27:
        text += " (and %d failing on 2.7 too)" % on_27
    return text


def trace_note(row):
    """The generated part of a project's note: where each failure on 3.13
    leads, and what the second run flagged in the tool's own output."""
    found = row["trace"]
    parts = ["; ".join("``%s``: %d" % item for item in sorted(found["by review"].items()))]
    if found["on 2.7"]:
        parts.append("failing on 2.7 as released too: %d" % found["on 2.7"])
    if found["not traced"]:
        grouped = collections.OrderedDict()
        for _test, tests, cause in found["not traced"]:
            grouped[cause] = grouped.get(cause, 0) + tests
        parts.append("NOT TRACED: " + "; ".join("%d x ``%s``" % (tests, cause)
                                                for cause, tests in grouped.items()))
    if found["declared but not printed"]:
        parts.append("declared review lines the tool did not print: "
                     + ", ".join(found["declared but not printed"]))
    if row["new reviews"]:
        parts.append("second run, new review items on the tool's output: "
                     + "; ".join("``%s``" % text for text in row["new reviews"]))
    text = ". ".join(part for part in parts if part)
    return ("Traced on 3.13: " + text + ".") if text else ""


def together(rows):
    """The paragraph under the table: the shares of the tests that pass on
    2.7 as released (a test that fails there is not the migration's)."""
    working = sum(row["before 2.7"]["passed"] for row in rows)

    def passed(key):
        count = sum(row[key]["passed"] for row in rows)
        return "%d (%.1f%%)" % (count, 100.0 * count / working if working else 0.0)

    every = sum(row["before 2.7"]["run"] for row in rows)
    on_313 = sum(row["after 3.13"]["passed"] for row in rows)
    return (
        "Of the %d tests that pass on 2.7 as released, %s pass on 2.7 after the migration\n"
        "and %s on 3.13; after python-modernize 0.8, %s pass on 3.13, and before\n"
        "any migration %s. Counted against all %d tests that run on 2.7, %d (%.1f%%) pass on\n"
        "3.13 after the migration."
        % (working, passed("after 2.7"), passed("after 3.13"), passed("modernize 3.13"),
           passed("before 3.13"), every, on_313, 100.0 * on_313 / every if every else 0.0)
    )


def write_table(rows, path):
    columns = ["project", "2.7 before", "3.13 before", "2.7 after", "3.13 after",
               "python-modernize 0.8, 3.13", "review items", "seconds", "second run",
               "3.13 failures traced", "new review items, second run"]
    body = []
    for row in rows:
        total = row["before 2.7"]["run"]
        body.append([
            "%s (%s)" % (row["project"], row["released"]),
            tests(row["before 2.7"]),
            tests(row["before 3.13"], total),
            tests(row["after 2.7"], total),
            tests(row["after 3.13"], total),
            tests(row["modernize 3.13"], total),
            str(row["reviews"]),
            "%.1f" % row["seconds"],
            "clean" if row["check exit"] == 0 else "exit %d" % row["check exit"],
            traced_cell([row["trace"]]),
            str(len(row["new reviews"])),
        ])
    body.append(totals(rows))
    lines = [HEADER.rstrip("\n"), "", ".. list-table::", "   :header-rows: 1", ""]
    for cells in [columns] + body:
        lines.append("   * - " + cells[0])
        lines.extend("     - " + cell for cell in cells[1:])
    lines.extend(["", together(rows)])
    notes = [(row["project"], " ".join(text for text in (row["notes"], trace_note(row)) if text))
             for row in rows]
    notes = [(project, note) for project, note in notes if note]
    if notes:
        lines.extend(["", "Notes", "-----", ""])
        for project, note in notes:
            lines.append("%s\n   %s" % (project, note))
    with io.open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", default=[], metavar="NAME")
    parser.add_argument("--work", help="folder for downloads and virtualenvs (default: a temporary one)")
    parser.add_argument("--output", default=TABLE, help="the table to write (default: %(default)s)")
    parser.add_argument("--table-only", action="store_true",
                        help="write the table again from the last run's counts in --work (notes "
                        "from projects.json) without running anything")
    args = parser.parse_args(argv)
    with io.open(PROJECTS, encoding="utf-8") as handle:
        projects = json.load(handle)
    if args.table_only:
        if not args.work:
            parser.error("--table-only needs --work")
        with io.open(os.path.join(args.work, "rows.json"), encoding="utf-8") as handle:
            rows = json.load(handle)
        notes = dict(("%s-%s" % (p["project"], p["version"]), p.get("notes", "")) for p in projects)
        for row in rows:
            row["notes"] = notes.get(row["project"], row["notes"])
        write_table(rows, args.output)
        log("table written to %s" % args.output)
        return 0
    if args.only:
        projects = [p for p in projects if p["project"] in args.only]
    work = args.work or tempfile.mkdtemp(prefix="proving-ground-")
    work = os.path.abspath(work)
    if not os.path.isdir(work):
        os.makedirs(work)
    log("working in %s" % work)
    pythons = {"2.7": make_env(work, "2.7"), "3.13": make_env(work, "3.13")}
    rows = [prove(work, pythons, project) for project in projects]
    write_table(rows, args.output)
    with io.open(os.path.join(work, "rows.json"), "w", encoding="utf-8") as handle:
        json.dump(rows, handle, indent=1, sort_keys=True)
    log("table written to %s" % args.output)
    lost = [row["project"] for row in rows if row["after 2.7"]["passed"] < row["before 2.7"]["passed"]]
    unclean = [row["project"] for row in rows if row["check exit"] != 0 or row["write exit"] not in (0, 1)]
    untraced = [row["project"] for row in rows
                if row["trace"]["not traced"] or row["trace"]["declared but not printed"]]
    if lost or unclean or untraced:
        log("FAILED: fewer tests pass on 2.7 after migration: %s; not clean: %s; failures on 3.13 "
            "not traced to a review line: %s" % (", ".join(lost) or "none", ", ".join(unclean) or "none",
                                                 ", ".join(untraced) or "none"))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
