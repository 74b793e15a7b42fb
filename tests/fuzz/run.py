# -*- coding: utf-8 -*-
"""Send generated requests of every route family to the application and
report each answer that breaks the property (see ``families.answer``).

    python tests/fuzz/run.py [--examples N] [--seed S] [--family NAME ...]

A fixed seed gives the same requests on every run of the same interpreter
and dependency versions. Failures are grouped by kind (an exception type
and where it was raised, or the property that broke), each with the first
request that showed it. The exit status is 1 when anything failed.
"""
from __future__ import print_function

import argparse
import os
import sys
import time
import traceback
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from hypothesis import given  # noqa: E402
from hypothesis import HealthCheck  # noqa: E402
from hypothesis import Phase  # noqa: E402
from hypothesis import seed  # noqa: E402
from hypothesis import settings  # noqa: E402

from fuzz import families  # noqa: E402

DEFAULT_SEED = 20261206


def failure_kind(error):
    """A short label grouping alike failures."""
    kind = getattr(error, "kind", None)
    if kind is not None:
        return kind
    frames = traceback.extract_tb(sys.exc_info()[2])
    where = ""
    if frames:
        filename, line = frames[-1][0], frames[-1][1]
        where = " at %s:%d" % (os.path.basename(filename), line)
    return "%s%s" % (type(error).__name__, where)


def run_family(name, strategy, examples, fixed_seed):
    """Run ``examples`` requests of one family; return (count, failures)
    where failures maps each kind to [count, first request, message]."""
    state = {"count": 0, "statuses": {}}
    failures = {}

    @seed(fixed_seed)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(spec=strategy)
    def check(spec):
        state["count"] += 1
        try:
            code = families.answer(families.environ_for(spec))
            state["statuses"][code] = state["statuses"].get(code, 0) + 1
        except Exception as error:  # every failure is counted, none stops the run
            entry = failures.setdefault(failure_kind(error), [0, spec, repr(error)[:300]])
            entry[0] += 1

    check()
    return state["count"], state["statuses"], failures


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=3000, help="requests per family")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--family", action="append", choices=[name for name, _ in families.FAMILIES],
        help="run only this family (repeatable)",
    )
    options = parser.parse_args(argv)
    chosen = [pair for pair in families.FAMILIES if not options.family or pair[0] in options.family]
    print(
        "Python %s, seed %d, %d examples per family"
        % (sys.version.split()[0], options.seed, options.examples)
    )
    total_requests = total_failures = 0
    started = time.time()
    # a Host not matching SERVER_NAME, a session cookie past 4 KiB: noise here
    warnings.filterwarnings("ignore")
    for name, strategy in chosen:
        family_started = time.time()
        count, statuses, failures = run_family(name, strategy, options.examples, options.seed)
        failed = sum(entry[0] for entry in failures.values())
        total_requests += count
        total_failures += failed
        print(
            "%-11s %6d requests %6d failures %7.1f s"
            % (name, count, failed, time.time() - family_started)
        )
        print(
            "    answers: %s"
            % ", ".join("%d x %d" % (statuses[code], code) for code in sorted(statuses))
        )
        for kind, (number, spec, message) in sorted(failures.items()):
            print("    %5d x %s" % (number, kind))
            print("            %s" % message)
            print("            first: %r" % (spec,))
        sys.stdout.flush()  # one family at a time, even into a file
    print(
        "total       %6d requests %6d failures %7.1f s"
        % (total_requests, total_failures, time.time() - started)
    )
    return 1 if total_failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
