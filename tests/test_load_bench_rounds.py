# -*- coding: utf-8 -*-
"""How the gunicorn benchmark reads its rounds: the round with the median
requests/s of each framework, and the ratio of the first framework's
requests/s to each other's taken round by round (the two servers of a round
ran side by side)."""
from __future__ import unicode_literals

import json
import os
import sys

import pytest

BENCHMARKS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "benchmarks")
sys.path.insert(0, BENCHMARKS)

import load_bench  # noqa: E402


def rounds(*rates):
    return [{"rps": rate} for rate in rates]


def test_ratios_pair_the_rounds_that_ran_side_by_side():
    ours = rounds(300.0, 150.0, 330.0)
    theirs = rounds(200.0, 100.0, 300.0)
    found = load_bench.paired_ratios(ours, [("flask", theirs)])
    assert found["flask"]["rounds"] == [1.5, 1.5, 1.1]
    assert found["flask"]["median"] == 1.5
    # the medians' ratio would be 300 / 200 here too, but not in general:
    ours, theirs = rounds(400.0, 200.0, 210.0), rounds(200.0, 205.0, 140.0)
    assert load_bench.paired_ratios(ours, [("flask", theirs)])["flask"]["median"] == 1.5
    assert load_bench.median_round(ours)["rps"] / load_bench.median_round(theirs)["rps"] == pytest.approx(210.0 / 200.0)


def test_an_even_count_takes_the_lower_middle_ratio():
    found = load_bench.paired_ratios(rounds(2.0, 3.0, 4.0, 5.0), [("flask", rounds(1.0, 1.0, 1.0, 1.0))])
    assert found["flask"]["median"] == 3.0


def test_a_round_without_answers_is_left_out_and_no_rounds_give_no_ratio():
    found = load_bench.paired_ratios(rounds(10.0, 20.0), [("flask", rounds(0.0, 10.0)), ("bottle", [])])
    assert found == {"flask": {"rounds": [2.0], "median": 2.0}}


def test_at_least_one_round_is_asked_for(capsys):
    with pytest.raises(SystemExit) as stopped:
        load_bench.main(["--rounds", "0"])
    assert stopped.value.code == 2  # refused before any server starts
    assert "--rounds must be at least 1" in capsys.readouterr().err


def test_cpu_ratios_pair_the_rounds_and_skip_rounds_without_a_figure():
    ours = [{"worker cpu us": 200.0}, {"worker cpu us": 250.0}, {}, {"worker cpu us": 100.0}]
    theirs = [{"worker cpu us": 300.0}, {"worker cpu us": 250.0}, {"worker cpu us": 400.0}, {}]
    found = load_bench.paired_cpu_ratios(ours, [("flask", theirs), ("bottle", [{}])])
    assert found == {"flask": {"rounds": [1.5, 1.0], "median": 1.0}}


def test_the_table_shows_the_busy_share_and_the_cpu_ratio(tmp_path):
    def result(framework, rps, cpu, busy):
        return {
            "framework": framework, "worker": "sync", "rss 1k KiB": 1024,
            "rss end KiB": 2048, "requests served": 5000, "worker restarts": 0,
            "clean": {"rps": rps, "p50 ms": 1.0, "p99 ms": 2.0,
                      "worker cpu us": cpu, "worker busy": busy},
            "malformed mix": {"malformed": 1, "sent": 10, "5xx": 0,
                              "malformed answers": {}},
        }
    ours = result("flaskcompat", 400.0, 200.0, 0.8)
    ours["ratios"] = {"flask": {"rounds": [1.25, 1.3], "median": 1.25}}
    ours["cpu ratios"] = {"flask": {"rounds": [1.5, 1.6], "median": 1.5}}
    path = str(tmp_path / "run.json")
    with open(path, "w") as stream:
        json.dump({"versions": {"python": "3.x", "flask": "9"}, "cpu sleep": "held off",
                   "results": [ours, result("flask", 320.0, 300.0, 0.96)]}, stream)
    table = load_bench.rst_tables([path]).splitlines()
    header = [line for line in table if line.startswith("Python")][0]
    assert "busy %" in header and "their CPU/req over ours" in header
    ours_row = [line for line in table if " flaskcompat " in line][0].split()
    assert ours_row[2] == "awake"
    assert ours_row[7:9] == ["200", "80"]
    assert ours_row[-3:] == ["Flask", "1.50", "(1.50-1.60)"]
    flask_row = [line for line in table if " Flask 9 " in line][0].split()
    assert flask_row[8:10] == ["300", "96"]


@pytest.mark.parametrize("recorded, shown", [("allowed", "sleep"), (None, "-")])
def test_the_table_says_whether_idle_cpus_could_sleep(tmp_path, recorded, shown):
    run = {"versions": {"python": "3.x", "flask": "9"}, "results": [{
        "framework": "flaskcompat", "worker": "sync", "rss 1k KiB": 1024,
        "rss end KiB": 1024, "requests served": 1000, "worker restarts": 0,
        "clean": {"rps": 10.0, "p50 ms": 1.0, "p99 ms": 2.0},
        "malformed mix": {"malformed": 0, "sent": 10, "5xx": 0, "malformed answers": {}},
    }]}
    if recorded is not None:  # a file written before the column existed has no entry
        run["cpu sleep"] = recorded
    path = str(tmp_path / "run.json")
    with open(path, "w") as stream:
        json.dump(run, stream)
    row = [line for line in load_bench.rst_tables([path]).splitlines()
           if " flaskcompat " in line][0].split()
    assert row[2] == shown


def test_keeping_cpus_awake_writes_a_zero_latency_and_keeps_the_file_open(tmp_path):
    request = tmp_path / "cpu_dma_latency"
    request.write_bytes(b"")
    handle, why = load_bench.keep_cpus_awake(str(request))
    try:
        assert why is None
        os.fstat(handle)  # still open: the kernel drops the request on close
        assert request.read_bytes() == b"\0\0\0\0"
    finally:
        os.close(handle)


def test_a_request_that_cannot_be_made_is_reported_not_raised(tmp_path):
    missing = str(tmp_path / "no-such-device")
    handle, why = load_bench.keep_cpus_awake(missing)
    assert handle is None
    assert why.startswith(missing + ": ")
    handle, why = load_bench.keep_cpus_awake(str(tmp_path))  # a directory
    assert handle is None and why.startswith(str(tmp_path) + ": ")
