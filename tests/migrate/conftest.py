"""Collection rules for the migrate tests.

The tool runs on Python 3.9+; its fixer tables still run their runtime tests
on every interpreter. A test module that needs the tool and nothing else (CLI,
engine, cache...) says so with a ``# migrate-tests: tool-only`` line among its
first five lines, or is listed in ``TOOL_ONLY`` below; on older interpreters
such modules are not collected at all (never a skip).
"""
import io
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
MARKER = "# migrate-tests: tool-only"

#: Test modules that need the tool (Python 3.9+) to be imported at all.
TOOL_ONLY = []


def _tool_only_modules():
    names = list(TOOL_ONLY)
    for name in sorted(os.listdir(HERE)):
        if not (name.startswith("test_") and name.endswith(".py")):
            continue
        with io.open(os.path.join(HERE, name), encoding="utf-8") as handle:
            head = [handle.readline() for _ in range(5)]
        if any(line.strip() == MARKER for line in head):
            names.append(name)
    return names


collect_ignore = [] if sys.version_info >= (3, 9) else _tool_only_modules()

# The test tables import the kit by module name from this folder.
if HERE not in sys.path:
    sys.path.insert(0, HERE)

# Show both texts when a table row fails, not just "AssertionError".
pytest.register_assert_rewrite("casekit")
