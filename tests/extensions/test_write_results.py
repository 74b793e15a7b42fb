# -*- coding: utf-8 -*-
"""The extension table in README.rst and RESULTS.rst is the recorded runs'."""
import io
import json
import os

import run_suite
import write_results


def read(path):
    with io.open(path, encoding="utf-8") as stream:
        return stream.read()


def test_readme_table_is_the_results_table():
    readme, results = [write_results.current_table(read(path)) for path in write_results.TARGETS]
    assert readme
    assert readme == results


def test_both_tables_are_written_from_the_recorded_runs():
    table = write_results.render(write_results.load_records())
    assert "not run" not in table
    assert write_results.main(["--check"]) == 0


def test_a_recorded_run_becomes_a_table_cell(tmp_path, monkeypatch):
    result = {
        "mode": "flaskcompat",
        "counts": {"passed": 7, "failed": 2, "skipped": 1},
        "failed_tests": ["t.py::b", "t.py::a"],
    }
    path = run_suite.record_result("flask-cors", "9.9", result, folder=str(tmp_path))
    with io.open(path, encoding="utf-8") as stream:
        record = json.load(stream)
    assert record["failed_tests"] == ["t.py::a", "t.py::b"]
    python = record["python"]
    # the table's rows are 2.7 and 3.13; this run's interpreter stands in
    monkeypatch.setattr(write_results, "PYTHONS", (python,))
    records = write_results.load_records(str(tmp_path))
    table = write_results.render(records)
    row = [line for line in table.splitlines() if line.startswith("Flask-Cors 9.9")]
    assert len(row) == 1
    assert row[0].split() == ["Flask-Cors", "9.9", python, "7", "passed,", "2", "failed,", "1",
                              "skipped", "not", "run"]
    assert os.path.basename(path) == "flask-cors-flaskcompat-py%s.json" % python.replace(".", "")


def test_a_stale_table_is_reported(tmp_path, monkeypatch):
    copies = []
    for path in write_results.TARGETS:
        copy = tmp_path / os.path.basename(path)
        text = read(path).replace("79 passed", "78 passed", 1)
        copy.write_text(text)
        copies.append(str(copy))
    monkeypatch.setattr(write_results, "TARGETS", tuple(copies))
    assert write_results.main(["--check"]) == 1
    assert write_results.main([]) == 0
    assert write_results.main(["--check"]) == 0


def test_extensions_measured_on_python_3_only_have_no_2_7_row():
    table = write_results.render(write_results.load_records())
    for distribution, title in write_results.EXTENSIONS:
        rows = [line.split()[2] for line in table.splitlines() if line.startswith(title + " ")]
        assert tuple(rows) == write_results.PYTHONS_OF.get(distribution, write_results.PYTHONS)
    assert write_results.PYTHONS_OF["flask-admin"] == ("3.13",)
