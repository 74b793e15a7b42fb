# migrate-tests: tool-only
"""Regression slice on real Python 2 code the fixers were not written for:
Python 2.7's own standard library, migrated once with ``--write``.

Every result must parse with the tool's Python 2 grammar, compile on
Python 2.7 and compile on the running Python 3 wherever the original did; no
file may fail through the tool's fault, and a second run changes nothing and
lists nothing to review that the first did not.

The whole library (about 1,400 files, 500k lines) needs well over a minute
for the two runs on two cores, so the slice is a fixed subset of 340 files,
170k lines: every top-level module of ``lib/python2.7`` (the largest and most
varied code), the packages in :data:`PACKAGES` and the test modules in
:data:`TEST_MODULES` (grammar and syntax tests, which hold every Python 2
construct). The library is found through the ``python2.7`` on PATH.
"""
import io
import json
import os
import shutil
import subprocess
import sys
import warnings

import pytest
from fissix import pygram
from fissix.refactor import _detect_future_features

from migrate import fastparse, newlines, sourcefile
from migrate.cli import main

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

PACKAGES = ("compiler", "email", "json", "logging", "multiprocessing", "sqlite3", "unittest", "wsgiref")

TEST_MODULES = (
    "lib2to3/tests/data/py2_test_grammar.py",
    "test/test_grammar.py",
    "test/test_builtin.py",
    "test/test_class.py",
    "test/test_descr.py",
    "test/test_dict.py",
    "test/test_exceptions.py",
    "test/test_print.py",
    "test/test_unicode.py",
    "test/test_with.py",
)

# Compiles the files named on stdin (one a line) and prints those that do
# not compile; runs on Python 2.7.
COMPILE_27 = r"""
import sys
for path in sys.stdin.read().splitlines():
    try:
        with open(path, "rb") as handle:
            compile(handle.read(), path, "exec", 0, True)
    except Exception:
        print(path)
"""


def python27():
    """``(executable, library folder)`` of the Python 2.7 on PATH."""
    output = subprocess.run(
        ["python2.7", "-c", "import sys; print(sys.executable); print(sys.prefix)"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        check=True,
    ).stdout.decode("utf-8")
    executable, prefix = output.splitlines()
    return executable, os.path.join(prefix, "lib", "python2.7")


def slice_files(library):
    """The library-relative paths of the slice, sorted."""
    names = [name for name in os.listdir(library) if name.endswith(".py")]
    for package in PACKAGES:
        for folder, dirs, files in os.walk(os.path.join(library, package)):
            dirs.sort()
            names.extend(
                os.path.relpath(os.path.join(folder, name), library)
                for name in files
                if name.endswith(".py")
            )
    names.extend(TEST_MODULES)
    return sorted(names)


def run_tool(*argv):
    stderr = io.StringIO()
    argv = list(argv) + ["--jobs", "2", "--no-cache", "--quiet"]
    code = main(argv, stdout=io.StringIO(), stderr=stderr)
    return code, stderr.getvalue()


def read_report(path):
    with io.open(path, encoding="utf-8") as handle:
        return dict((entry["path"], entry) for entry in json.load(handle)["files"])


def compile_on_27(executable, paths):
    """The subset of *paths* that Python 2.7 does not compile (one process)."""
    output = subprocess.run(
        [executable, "-c", COMPILE_27],
        input="\n".join(paths).encode("utf-8"),
        stdout=subprocess.PIPE,
        check=True,
    ).stdout.decode("utf-8")
    return set(output.splitlines())


def compiles_here(path):
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(data, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        return False
    return True


def parses_as_python2(path):
    """True when the tool's Python 2 grammar (without the print statement
    when the module imports print_function) parses the file."""
    with open(path, "rb") as handle:
        text = sourcefile.decode(handle.read(), path)[0]
    text = newlines.normalize(text.lstrip("\ufeff"))[0]
    if not text.endswith("\n"):
        text += "\n"
    if "print_function" in _detect_future_features(text):
        grammar = pygram.python_grammar_no_print_statement
    else:
        grammar = pygram.python_grammar
    try:
        fastparse.parse_string(grammar, text)
    except Exception:
        return False
    return True


class Migrated(object):
    """The slice, copied and migrated once: ``original`` and ``migrated``
    folders, the relative ``names`` and both runs' reports."""


@pytest.fixture(scope="module")
def stdlib(tmp_path_factory):
    executable, library = python27()
    state = Migrated()
    state.python27 = executable
    state.names = slice_files(library)
    base = tmp_path_factory.mktemp("stdlib")
    state.original = str(base / "original")
    state.migrated = str(base / "migrated")
    for root in (state.original, state.migrated):
        for name in state.names:
            target = os.path.join(root, name)
            if not os.path.isdir(os.path.dirname(target)):
                os.makedirs(os.path.dirname(target))
            shutil.copyfile(os.path.join(library, name), target)
    first = str(base / "first.json")
    state.first_code, state.first_err = run_tool("--write", "--report", first, state.migrated)
    state.first = read_report(first)
    second = str(base / "second.json")
    state.second_code, state.second_err = run_tool("--check", "--report", second, state.migrated)
    state.second = read_report(second)
    return state


def paths(root, names):
    return [os.path.join(root, name) for name in names]


def test_the_slice_is_large_and_mostly_rewritten(stdlib):
    assert len(stdlib.names) > 300
    assert len(stdlib.first) == len(stdlib.names)
    changed = [entry for entry in stdlib.first.values() if entry["status"] == "changed"]
    assert len(changed) > len(stdlib.names) // 2


def test_no_file_fails_through_the_tool(stdlib):
    failed = dict(
        (path, entry["error"]) for path, entry in stdlib.first.items() if entry["status"] == "failed"
    )
    assert failed == {}, stdlib.first_err
    assert stdlib.first_code == 0, stdlib.first_err


def test_every_result_parses_with_the_python2_grammar(stdlib):
    # A file the tool left alone is the original, which it parsed already.
    rewritten = [
        name for name in stdlib.names
        if stdlib.first[os.path.join(stdlib.migrated, name)]["status"] == "changed"
    ]
    unparsed = [name for name in rewritten if not parses_as_python2(os.path.join(stdlib.migrated, name))]
    assert unparsed == []


def test_every_result_compiles_on_python27(stdlib):
    names = stdlib.names
    before = compile_on_27(stdlib.python27, paths(stdlib.original, names))
    after = compile_on_27(stdlib.python27, paths(stdlib.migrated, names))
    broken = sorted(
        name for name in names if os.path.join(stdlib.migrated, name) in after
        and os.path.join(stdlib.original, name) not in before
    )
    assert broken == []


def test_results_compile_on_this_python_where_the_original_did(stdlib):
    failing = [name for name in stdlib.names if not compiles_here(os.path.join(stdlib.migrated, name))]
    broken = [name for name in failing if compiles_here(os.path.join(stdlib.original, name))]
    assert broken == []
    # the point of the migration: nearly all of it compiles on Python 3 now
    assert len(failing) < len(stdlib.names) // 20, failing


def test_a_second_run_changes_nothing(stdlib):
    changed = sorted(path for path, entry in stdlib.second.items() if entry["status"] != "unchanged")
    assert changed == [], stdlib.second_err
    assert stdlib.second_code == 0


def review_items(report):
    import collections

    return collections.Counter(
        (path, item["line"], item["fixer"], item["message"])
        for path, entry in report.items()
        for item in entry["reviews"]
    )


def test_a_check_of_the_result_reports_nothing_new_to_review(stdlib):
    # The first run wrote the files, so its review lines are lines of the
    # files as written, which the check reads: the same code, the same line.
    assert all(
        entry["review_lines"] == "written" for entry in stdlib.first.values() if entry["written"]
    )
    new = review_items(stdlib.second) - review_items(stdlib.first)
    assert sorted(new) == []
    assert len(review_items(stdlib.first)) > 100


@pytest.fixture(scope="module")
def stdlib_target3(tmp_path_factory):
    """The top-level modules of the library, migrated with ``--target 3``,
    then checked again as Python 3 (``--source-python 3``)."""
    _executable, library = python27()
    state = Migrated()
    state.names = sorted(name for name in os.listdir(library) if name.endswith(".py"))
    base = tmp_path_factory.mktemp("stdlib3")
    state.migrated = str(base / "migrated")
    os.makedirs(state.migrated)
    for name in state.names:
        shutil.copyfile(os.path.join(library, name), os.path.join(state.migrated, name))
    first = str(base / "first.json")
    state.first_code, state.first_err = run_tool("--write", "--target", "3", "--report", first, state.migrated)
    state.first = read_report(first)
    second = str(base / "second.json")
    state.second_code, state.second_err = run_tool(
        "--check", "--target", "3", "--source-python", "3", "--report", second, state.migrated
    )
    state.second = read_report(second)
    return state


def test_target_3_output_read_as_python_3_is_final(stdlib_target3):
    state = stdlib_target3
    assert state.first_code == 0, state.first_err
    changed = [entry for entry in state.first.values() if entry["status"] == "changed"]
    assert len(changed) > len(state.names) // 2
    again = sorted(path for path, entry in state.second.items() if entry["status"] != "unchanged")
    assert again == [], state.second_err
    assert state.second_code == 0
    new = review_items(state.second) - review_items(state.first)
    assert sorted(new) == []
