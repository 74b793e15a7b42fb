# -*- coding: utf-8 -*-
"""How the gunicorn benchmark reads its rounds: the round with the median
requests/s of each framework, and the ratio of the first framework's
requests/s to each other's taken round by round (the two servers of a round
ran side by side)."""
from __future__ import unicode_literals

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
