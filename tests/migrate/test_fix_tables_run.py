# migrate-tests: tool-only
"""Every rewrite row of every fixer table runs, or is a needs-review row.

README.rst says so with the numbers :func:`census` counts; this module checks
both. A row *runs* when it has an ``output`` (the rewritten code runs on every
interpreter, the original on 2.7 too, and both print it) or when an
``after_tests`` use runs its rewritten code (the Flask/Werkzeug 0.x import
rows, whose originals need releases no environment installs). A row that
changes code and does neither must carry ``review=``: the tool lists the code
for a person instead of claiming it safe.
"""
import glob
import importlib
import io
import os
import re

from casekit import Case

HERE = os.path.dirname(os.path.abspath(__file__))
README = os.path.join(os.path.dirname(os.path.dirname(HERE)), "README.rst")


def fixer_test_modules():
    for path in sorted(glob.glob(os.path.join(HERE, "test_fix_*.py"))):
        name = os.path.basename(path)[:-3]
        if name != "test_fix_tables_run":
            yield name, importlib.import_module(name)


def classify(module):
    """(label, kind) for each rewrite row of the module's tables."""
    after_ids = set(getattr(getattr(module, "test_after_runs", None), "case_ids", ()))
    # The --target flask3 tables run the original on flaskcompat and the
    # result on the real Flask 3.1 (tests/migrate/flask3kit.py).
    runs = "flask3" if getattr(module, "RUNS_ON_FLASK3", False) else "both"
    rows = []
    for table_name, table in sorted(vars(module).items()):
        if not isinstance(table, list) or not table:
            continue
        if all(isinstance(row, Case) for row in table):
            for index, case in enumerate(table):
                if not case.is_rewrite:
                    continue
                if case.output is not None:
                    kind = runs
                elif case.id is not None and case.id in after_ids:
                    kind = "after"
                elif case.review is not None:
                    kind = "review"
                else:
                    kind = "unrun"
                rows.append(("%s[%d] %s" % (table_name, index, case.id or ""), kind))
        elif table_name == "CASES" and all(isinstance(row, tuple) and len(row) == 3 for row in table):
            # (before, after, output) rows that build a package on disk
            for index, (before, after, output) in enumerate(table):
                if before != after:
                    rows.append(("%s[%d]" % (table_name, index), "both" if output is not None else "unrun"))
    return rows


def census():
    counts = {"both": 0, "after": 0, "flask3": 0, "review": 0, "unrun": 0}
    unrun = []
    for name, module in fixer_test_modules():
        for label, kind in classify(module):
            counts[kind] += 1
            if kind == "unrun":
                unrun.append("%s: %s" % (name, label))
    return counts, unrun


def test_every_rewrite_row_runs_or_is_reviewed():
    counts, unrun = census()
    assert unrun == []
    assert counts["both"] > 200


def test_a_row_that_neither_runs_nor_is_reviewed_is_caught():
    class Module(object):
        CASES = [
            Case("x = 1L\n", "x = 1\n", output="", id="runs"),
            Case("x = 1L\n", "x = 1\n", id="silent"),
            Case("x = 1L\n", "x = 1\n", review="long", id="reviewed"),
            Case("x = 1\n", "x = 1\n", id="unchanged"),
        ]

    assert [kind for _label, kind in classify(Module)] == ["both", "unrun", "review"]


def test_readme_states_the_census():
    counts, _unrun = census()
    with io.open(README, encoding="utf-8") as handle:
        text = " ".join(handle.read().split())
    expected = (
        "Of the %d rewrite rows in the fixers' tables, %d run the original on 2.7"
        " and the result on 2.7 and every 3.x, printing the same; %d run the"
        " result only (Flask and Werkzeug 0.x imports, whose originals need"
        " releases no test environment installs, Werkzeug 1.x functions that"
        " Werkzeug 3 removed, Jinja's Markup, and Werkzeug's password"
        " functions, whose rewrite deliberately fixes what they did on 2.7); %d"
        " run the original on flaskcompat and the result on Flask 3.1"
        " (``--target flask3``); %d are needs-review rows"
        % (sum(counts.values()), counts["both"], counts["after"], counts["flask3"],
           counts["review"])
    )
    assert expected in text, counts
