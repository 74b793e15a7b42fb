# -*- coding: utf-8 -*-
"""Write the extension table of README.rst and RESULTS.rst from recorded runs.

    python tests/extensions/write_results.py          # rewrite both tables
    python tests/extensions/write_results.py --check  # exit 1 if either differs

Every full run of ``run_suite.py`` on an extension (the ``ext-*`` and
``ext3-*`` tox envs) records its counts in ``tests/extensions/results/``;
this script turns the records into the table between the
``.. extension-table`` comments of both files. Nothing in the table is typed by hand.
"""
from __future__ import print_function

import argparse
import glob
import io
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
RECORDS = os.path.join(HERE, "results")
TARGETS = (os.path.join(REPO, "README.rst"), os.path.join(HERE, "RESULTS.rst"))
START = ".. extension-table start (written by tests/extensions/write_results.py)"
END = ".. extension-table end"

#: Table order and the names the projects use for themselves.
EXTENSIONS = (
    ("flask-cors", "Flask-Cors"),
    ("flask-wtf", "Flask-WTF"),
    ("flask-login", "Flask-Login"),
    ("flask-httpauth", "Flask-HTTPAuth"),
    ("flask-sqlalchemy", "Flask-SQLAlchemy"),
    ("flask-migrate", "Flask-Migrate"),
    ("flask-admin", "Flask-Admin"),
)
PYTHONS = ("2.7", "3.13")
#: Extensions whose current releases are measured on Python 3 only (the
#: ``ext3-*`` tox envs): their rows are for these interpreters.
PYTHONS_OF = {
    "flask-sqlalchemy": ("3.13",),
    "flask-migrate": ("3.13",),
    "flask-admin": ("3.13",),
}
HEADER = ("Extension", "Python", "flaskcompat", "real Flask")


def load_records(folder=RECORDS):
    records = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        with io.open(path, encoding="utf-8") as stream:
            record = json.load(stream)
        records[(record["distribution"].lower(), record["python"], record["mode"])] = record
    return records


def cell(record):
    if record is None:
        return "not run"
    counts = record["counts"]
    parts = ["%d passed" % counts["passed"]]
    for name in ("failed", "error", "skipped", "xfailed", "xpassed"):
        if counts.get(name):
            parts.append("%d %s" % (counts[name], name))
    return ", ".join(parts)


def rows(records):
    table = []
    for distribution, title in EXTENSIONS:
        for python in PYTHONS_OF.get(distribution, PYTHONS):
            ours = records.get((distribution, python, "flaskcompat"))
            theirs = records.get((distribution, python, "flask"))
            version = (ours or theirs or {}).get("version", "?")
            table.append(("%s %s" % (title, version), python, cell(ours), cell(theirs)))
    return table


def render(records):
    table = [HEADER] + rows(records)
    widths = [max(len(row[column]) for row in table) for column in range(len(HEADER))]
    rule = "  ".join("=" * width for width in widths)

    def line(row):
        return "  ".join(text.ljust(width) for text, width in zip(row, widths)).rstrip()

    body = [line(row) for row in table[1:]]
    return "\n".join([rule, line(table[0]), rule] + body + [rule])


def replace_table(text, table):
    head, start, rest = text.partition(START)
    middle, end, tail = rest.partition(END)
    if not start or not end:
        raise ValueError("no extension-table markers")
    return head + START + "\n\n" + table + "\n\n" + END + tail


def current_table(text):
    rest = text.partition(START)[2]
    return rest.partition(END)[0].strip()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    options = parser.parse_args(argv)
    table = render(load_records())
    stale = []
    for path in TARGETS:
        with io.open(path, encoding="utf-8") as stream:
            text = stream.read()
        updated = replace_table(text, table)
        if updated != text:
            stale.append(os.path.relpath(path, REPO))
            if not options.check:
                with io.open(path, "w", encoding="utf-8") as stream:
                    stream.write(updated)
    if options.check and stale:
        print("extension table differs from the recorded runs: %s" % ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
