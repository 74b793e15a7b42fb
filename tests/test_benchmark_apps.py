# -*- coding: utf-8 -*-
"""The request benchmarks compare frameworks on one app written for each;
the comparison holds only while every version of the app answers alike.
Flask and Bottle are not installed in the test environments, so these tests
compare flaskcompat with the two versions that need nothing else (bare
Werkzeug and the raw WSGI callable); the benchmark itself checks all of them
before it times anything. Nothing here is timed."""
from __future__ import unicode_literals

import json
import os
import sys

import pytest

BENCHMARKS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "benchmarks")
sys.path.insert(0, BENCHMARKS)

import bench_apps  # noqa: E402
import request_bench  # noqa: E402


@pytest.fixture(scope="module")
def flaskcompat_answers():
    return bench_apps.answers(bench_apps.build_app("flaskcompat"))


@pytest.mark.parametrize("framework", ["werkzeug", "raw"])
def test_every_app_answers_like_flaskcompat(framework, flaskcompat_answers):
    assert bench_apps.answers(bench_apps.build_app(framework)) == flaskcompat_answers


def test_the_answers_are_the_scenarios_own(flaskcompat_answers):
    assert flaskcompat_answers["route"] == (200, b"user 42 post hello-world page 3")
    assert flaskcompat_answers["form"] == (200, "Zoë x 3: fresh bread".encode("utf-8"))
    assert flaskcompat_answers["session"] == (200, b"visits 2")
    assert flaskcompat_answers["404"] == (404, b"no such page")
    assert json.loads(flaskcompat_answers["json"][1].decode("ascii")) == bench_apps.RECORD
    assert flaskcompat_answers["template"][1].count(b"<li>item") == 20
    assert b"&lt;b&gt; &amp; co" in flaskcompat_answers["template"][1]


def test_the_table_shows_medians_and_ratio_ranges(tmpdir):
    samples = {
        "hello": {"flaskcompat": [300.0, 200.0, 100.0], "flask": [100.0, 100.0, 100.0]},
    }
    results = {
        "versions": {"python": "3.99.0", "flask": "9"},
        "requests": 10,
        "rounds": 3,
        "scenarios": request_bench.summarize(samples),
    }
    path = tmpdir.join("result.json")
    path.write(json.dumps(results))
    table = request_bench.rst_table([str(path)])
    row = [line for line in table.splitlines() if line.startswith("3.99.0")]
    assert row == ["3.99.0  hello     200                2.00 (1.00-3.00)     -                       -                     -"]
