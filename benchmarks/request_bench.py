# -*- coding: utf-8 -*-
"""Requests per second of flaskcompat beside Flask, Bottle, bare Werkzeug and
a raw WSGI callable, in one process on one interpreter, so that the figures
that matter are the ratios.

Every framework serves the same app (``bench_apps.py``: hello, route, json,
form, template, session, 404); before anything is timed the script checks
that every app answers every scenario with the same status and body. Every
request is a full WSGI call (environ in, body joined, iterator closed). The
rounds are interleaved: each round times every scenario on every framework in
turn, so a machine that gets busier slows them all alike. The report gives the
median requests/s of the rounds with their range, and the ratios
flaskcompat/Flask, flaskcompat/bare Werkzeug and flaskcompat/Bottle as the
median (and range) of the per-round ratios.

Run it with ``tox -e bench-py27`` or ``tox -e bench-py313`` (Flask 1.1.4 on
2.7, the newest Flask on 3.x, Bottle), or with any interpreter that has them::

    python benchmarks/request_bench.py [--requests N] [--rounds N]
        [--only NAME,...] [--json PATH] [--baseline PATH]
    python benchmarks/request_bench.py --table RESULT.json [RESULT.json ...]

``--json PATH`` writes the results; ``--table`` prints the reStructuredText
table of one or more such files (one block of rows per interpreter), the table
that the documentation shows.

``--baseline PATH`` adds another checkout's flaskcompat (``PATH/flaskcompat``,
e.g. a ``git worktree`` of the previous release) to the same interleaved
rounds, loaded under the name ``flaskcompat_baseline``: its column shows
whether a change made flaskcompat faster or slower, measured in one run.
"""
from __future__ import print_function

import argparse
import gc
import json
import os
import platform
import shutil
import sys
import tempfile
import timeit

import bench_apps

# (key, label) of every framework, in the order the tables show them
FRAMEWORKS = [
    ("flaskcompat", "flaskcompat"),
    ("baseline", "baseline"),
    ("flask", "Flask"),
    ("werkzeug", "Werkzeug"),
    ("bottle", "Bottle"),
    ("raw", "raw WSGI"),
]
RATIOS = [("flask", "/ Flask"), ("werkzeug", "/ Werkzeug"), ("bottle", "/ Bottle")]
PACKAGES = {"flask": "flask", "werkzeug": "werkzeug", "bottle": "bottle"}


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2.0


def time_requests(app, environ, body, count):
    """Requests per second of ``count`` full WSGI calls."""
    call = bench_apps.call
    gc.collect()
    started = timeit.default_timer()
    for _ in range(count):
        call(app, environ, body)
    return count / (timeit.default_timer() - started)


def load_baseline(checkout):
    """Import ``checkout``'s flaskcompat package as ``flaskcompat_baseline``
    (a copy under that name in a temporary folder; its modules import each
    other relatively, so both versions live side by side)."""
    source = os.path.join(checkout, "flaskcompat")
    if not os.path.isfile(os.path.join(source, "__init__.py")):
        raise SystemExit("%s has no flaskcompat package" % checkout)
    folder = tempfile.mkdtemp(prefix="bench-baseline-")
    shutil.copytree(source, os.path.join(folder, "flaskcompat_baseline"))
    sys.path.insert(0, folder)
    import flaskcompat_baseline

    return flaskcompat_baseline


def build_apps(baseline=None):
    """[(key, app)] for flaskcompat and every competitor installed here."""
    apps = [("flaskcompat", bench_apps.build_app("flaskcompat"))]
    if baseline:
        apps.append(("baseline", bench_apps.flask_like_app(load_baseline(baseline))))
    for key in ("flask", "werkzeug", "bottle", "raw"):
        try:
            apps.append((key, bench_apps.build_app(key)))
        except ImportError as error:
            print("%s is not installed, left out: %s" % (key, error), file=sys.stderr)
    return apps


def check_answers(apps):
    """Every app answers every scenario as flaskcompat does, or nothing is
    timed."""
    expected = bench_apps.answers(apps[0][1])
    for key, app in apps[1:]:
        got = bench_apps.answers(app)
        for scenario in bench_apps.SCENARIO_NAMES:
            if got[scenario] != expected[scenario]:
                raise SystemExit(
                    "%s answers %s with %r, flaskcompat with %r"
                    % (key, scenario, got[scenario], expected[scenario])
                )


def versions(keys):
    found = {"python": platform.python_version()}
    for key in keys:
        package = PACKAGES.get(key)
        if package:
            found[key] = bench_apps.distribution_version(package)
    found["flaskcompat"] = "(this checkout)"
    if "baseline" in keys:
        found["baseline"] = "(--baseline)"
    return found


def measure(apps, scenarios, count, rounds):
    """{scenario: {key: [requests/s per round]}}, interleaved."""
    prepared = dict(
        ((key, scenario), bench_apps.prepared_environ(app, scenario))
        for key, app in apps
        for scenario in scenarios
    )
    for key, app in apps:  # warm up: first-request work, template cache
        for scenario in scenarios:
            environ, body = prepared[key, scenario]
            time_requests(app, environ, body, max(50, count // 10))
    samples = dict((scenario, dict((key, []) for key, _ in apps)) for scenario in scenarios)
    for number in range(rounds):
        # rotate the order each round, so no framework always runs first
        shift = number % len(apps)
        order = apps[shift:] + apps[:shift]
        for scenario in scenarios:
            for key, app in order:
                environ, body = prepared[key, scenario]
                samples[scenario][key].append(time_requests(app, environ, body, count))
    return samples


def summarize(samples):
    """Medians, ranges and per-round ratios of ``measure``'s samples."""
    result = {}
    for scenario, per_app in samples.items():
        entry = {"rps": {}, "ratios": {}}
        for key, values in per_app.items():
            entry["rps"][key] = {
                "median": median(values),
                "min": min(values),
                "max": max(values),
            }
        ours = per_app["flaskcompat"]
        for key in [k for k, _ in FRAMEWORKS if k in per_app and k != "flaskcompat"]:
            ratios = [a / b for a, b in zip(ours, per_app[key])]
            entry["ratios"][key] = {
                "median": median(ratios),
                "min": min(ratios),
                "max": max(ratios),
            }
        result[scenario] = entry
    return result


def label(key):
    return dict(FRAMEWORKS)[key]


def print_report(results):
    scenarios = [s for s in bench_apps.SCENARIO_NAMES if s in results["scenarios"]]
    measured = results["scenarios"][scenarios[0]]["rps"]
    keys = [k for k, _ in FRAMEWORKS if k in measured]
    found = results["versions"]
    print(
        "Python %s, %d requests x %d interleaved rounds; requests/s median [min-max]"
        % (found["python"], results["requests"], results["rounds"])
    )
    print(", ".join("%s %s" % (label(k), found.get(k, "")) for k in keys))
    print("%-9s" % "scenario" + "".join("%24s" % label(k) for k in keys))
    for scenario in scenarios:
        rps = results["scenarios"][scenario]["rps"]
        print(
            "%-9s" % scenario
            + "".join(
                "%24s"
                % ("%.0f [%.0f-%.0f]" % (rps[k]["median"], rps[k]["min"], rps[k]["max"]))
                for k in keys
            )
        )
    print("flaskcompat's ratio, median [min-max] of the rounds")
    shown = [k for k in keys if k != "flaskcompat"]
    print("%-9s" % "scenario" + "".join("%22s" % ("/ " + label(k)) for k in shown))
    for scenario in scenarios:
        ratios = results["scenarios"][scenario]["ratios"]
        print(
            "%-9s" % scenario
            + "".join(
                "%22s"
                % (
                    "%.2f [%.2f-%.2f]"
                    % (ratios[k]["median"], ratios[k]["min"], ratios[k]["max"])
                )
                for k in shown
            )
        )


def rst_table(paths):
    """The reStructuredText table of one or more ``--json`` files."""
    runs = []
    for path in paths:
        with open(path) as stream:
            runs.append(json.load(stream))
    header = ["Python", "scenario", "flaskcompat req/s"]
    header += ["flaskcompat %s" % name for _key, name in RATIOS]
    header += ["raw WSGI req/s"]
    rows = []
    for run in runs:
        for scenario in bench_apps.SCENARIO_NAMES:
            entry = run["scenarios"].get(scenario)
            if entry is None:
                continue
            row = [run["versions"]["python"], scenario]
            row.append("%.0f" % entry["rps"]["flaskcompat"]["median"])
            for key, _name in RATIOS:
                ratio = entry["ratios"].get(key)
                row.append(
                    "%.2f (%.2f-%.2f)" % (ratio["median"], ratio["min"], ratio["max"])
                    if ratio
                    else "-"
                )
            raw = entry["rps"].get("raw")
            row.append("%.0f" % raw["median"] if raw else "-")
            rows.append(row)
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    rule = "  ".join("=" * w for w in widths)
    lines = [rule, "  ".join(h.ljust(w) for h, w in zip(header, widths)), rule]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.append(rule)
    return "\n".join(line.rstrip() for line in lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=3000, help="per timing")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--only", help="comma-separated scenarios (default: all of %s)"
        % ",".join(bench_apps.SCENARIO_NAMES)
    )
    parser.add_argument("--json", metavar="PATH", help="write the results here")
    parser.add_argument("--baseline", metavar="PATH", help="another checkout to compare with")
    parser.add_argument(
        "--table", nargs="+", metavar="RESULT", help="print the table of --json files"
    )
    args = parser.parse_args(argv)
    if args.table:
        print(rst_table(args.table))
        return

    scenarios = bench_apps.SCENARIO_NAMES
    if args.only:
        scenarios = [s.strip() for s in args.only.split(",")]
        unknown = set(scenarios) - set(bench_apps.SCENARIO_NAMES)
        if unknown:
            raise SystemExit("unknown scenario(s): %s" % ", ".join(sorted(unknown)))

    apps = build_apps(args.baseline)
    check_answers(apps)
    samples = measure(apps, scenarios, args.requests, args.rounds)
    results = {
        "versions": versions([key for key, _ in apps]),
        "requests": args.requests,
        "rounds": args.rounds,
        "scenarios": summarize(samples),
    }
    print_report(results)
    if args.json:
        with open(args.json, "w") as stream:
            json.dump(results, stream, indent=1, sort_keys=True)
            stream.write("\n")


if __name__ == "__main__":
    main()
