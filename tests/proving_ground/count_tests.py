"""Run a project's unittest modules and print one JSON line of counts.

Usage: python count_tests.py ROOT PATHS MODULES, with PATHS and MODULES
comma-separated (PATHS relative to ROOT, put first on sys.path). Runs on
Python 2.7 and 3.x. A module that cannot be imported counts as one error and
its tests as not passed: the caller compares against the count before
migration. Besides the counts the line holds the tests run per module and,
for every test that failed (and every module that did not import), its
traceback, from which the caller traces each failure to the source.
"""
import json
import os
import sys
import traceback
import unittest


def _flat(suite):
    for member in suite:
        nested = isinstance(member, unittest.TestSuite)
        for case in _flat(member) if nested else [member]:
            yield case


def main(root, paths, modules):
    root = os.path.abspath(root)
    os.chdir(root)
    # the project's folders go first: dateutil's test.py must win over the
    # standard library's test package
    for path in reversed([""] + [p for p in paths.split(",") if p]):
        sys.path.insert(0, os.path.normpath(os.path.join(root, path)))
    counts = {"run": 0, "failures": 0, "errors": 0, "skipped": 0, "broken_modules": [],
              "modules": {}, "problems": []}
    runner = unittest.TextTestRunner(stream=sys.stderr, verbosity=1)
    for name in modules.split(","):
        try:
            suite = unittest.defaultTestLoader.loadTestsFromName(name)
        except Exception:
            traceback.print_exc()
            counts["broken_modules"].append(name)
            counts["problems"].append({"id": name, "module": name, "trace": traceback.format_exc()})
            continue
        # Python 3's loader turns an import error into one failing test
        broken = any(type(test).__name__ == "_FailedTest" for test in _flat(suite))
        outcome = runner.run(suite)
        if broken:
            counts["broken_modules"].append(name)
            counts["problems"].extend({"id": name, "module": name, "trace": text}
                                      for _test, text in outcome.errors[:1])
            continue
        counts["modules"][name] = outcome.testsRun
        counts["problems"].extend({"id": test.id(), "module": name, "trace": text}
                                  for test, text in outcome.failures + outcome.errors)
        counts["run"] += outcome.testsRun
        counts["failures"] += len(outcome.failures)
        counts["errors"] += len(outcome.errors)
        counts["skipped"] += len(getattr(outcome, "skipped", ()))
    counts["passed"] = counts["run"] - counts["failures"] - counts["errors"]
    sys.stdout.write("PROVING-GROUND-COUNTS " + json.dumps(counts) + "\n")


if __name__ == "__main__":  # run as a script by run.py
    main(*sys.argv[1:4])
