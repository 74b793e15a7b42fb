# migrate-tests: tool-only
"""The console script is installed with the framework; without the
``migrate`` extra it says how to get its dependencies, in one line."""
import importlib.util

import pytest

from migrate import __main__ as entry


@pytest.mark.parametrize("absent", ["fissix", "tokenize_rt", "pyupgrade"])
def test_a_missing_dependency_is_one_line_and_exit_2(monkeypatch, capsys, absent):
    real_find_spec = importlib.util.find_spec

    def find_spec(name, *args):
        return None if name == absent else real_find_spec(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    assert entry.main(["--help"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1
    distribution = dict(entry.REQUIREMENTS)[absent]
    assert "needs %s," % distribution in lines[0]
    assert 'pip install "flaskcompat[migrate]"' in lines[0]


def test_with_its_dependencies_the_tool_runs(capsys):
    assert entry.main(["--help"]) == 0
    assert "exit codes" in capsys.readouterr().out
