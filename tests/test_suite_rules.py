# -*- coding: utf-8 -*-
"""Rules every test in this tree keeps, checked on its syntax tree: a test
pins one outcome (no ``assert status in (200, 400)``), and never leaves
through a bare ``return`` in an ``except`` clause that asserts nothing."""
from __future__ import unicode_literals

import ast
import io
import os

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
# Python 2 source the migrate tool rewrites: its input, not tests of ours.
NOT_OURS = (os.path.join(TESTS_DIR, "migrate", "fixtures", "legacy_app") + os.sep,)


def _names_in(node):
    """Every name and attribute name used in an expression."""
    found = set()
    for part in ast.walk(node):
        if isinstance(part, ast.Name):
            found.add(part.id)
        elif isinstance(part, ast.Attribute):
            found.add(part.attr)
    return found


def _about_status(node):
    return any("status" in name.lower() for name in _names_in(node))


def either_outcome_asserts(tree):
    """Lines of ``assert <status> in (a, b, ...)`` (a tuple, list or set
    literal of two or more choices)."""
    hits = []
    for candidate in ast.walk(tree):
        if not isinstance(candidate, ast.Assert):
            continue
        test = candidate.test
        if not isinstance(test, ast.Compare) or len(test.ops) != 1:
            continue
        if not isinstance(test.ops[0], ast.In):
            continue
        choices = test.comparators[0]
        if not isinstance(choices, (ast.Tuple, ast.List, ast.Set)):
            continue
        if len(choices.elts) > 1 and _about_status(test.left):
            hits.append(candidate.lineno)
    return hits


def _walk_own_body(statements):
    """The statements of a block, nested blocks included, without entering
    function or class definitions."""
    pending = list(statements)
    while pending:
        node = pending.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        for child in ast.iter_child_nodes(node):
            pending.append(child)


def early_returns(tree):
    """Lines of a bare ``return`` inside an ``except`` clause of a test
    function (``test_*``) when the clause asserts nothing."""
    hits = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef):
            continue
        if not function.name.startswith("test"):
            continue
        for inner in _walk_own_body(function.body):
            if not isinstance(inner, ast.ExceptHandler):
                continue
            handled = list(_walk_own_body(inner.body))
            if any(isinstance(statement, ast.Assert) for statement in handled):
                continue
            for statement in handled:
                if isinstance(statement, ast.Return) and statement.value is None:
                    hits.append(statement.lineno)
    return sorted(hits)


def _test_sources():
    for root, dirs, files in os.walk(TESTS_DIR):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            if name.endswith(".py") and not path.startswith(NOT_OURS):
                yield path


def _parse(path):
    with io.open(path, "rb") as handle:
        return ast.parse(handle.read(), path)


BAD_SAMPLE = '''
def test_loose(client):
    status = client.get("/").status_code
    assert status in (200, 400)
    assert client.get("/").status_code in [200, 404]
    assert rv.status in {"200 OK", "400 BAD REQUEST"}


def test_leaves_early(value):
    try:
        work(value)
    except ValueError:
        if value:
            return
    assert value
'''

GOOD_SAMPLE = '''
def test_pinned(client):
    status = client.get("/").status_code
    assert status == 200
    assert status in (200,)
    assert "x" in ("x", "y")


def test_handles(value):
    try:
        work(value)
    except ValueError:
        def later():
            return
        raise AssertionError("unexpected")


def test_checks_then_returns(value):
    try:
        work(value)
    except ValueError as error:
        assert error.args == ("bad",)
        return
    assert value


def helper():
    try:
        work()
    except ValueError:
        return
'''


def test_rules_catch_the_bad_sample():
    tree = ast.parse(BAD_SAMPLE)
    assert either_outcome_asserts(tree) == [4, 5, 6]
    assert early_returns(tree) == [14]


def test_rules_pass_the_good_sample():
    tree = ast.parse(GOOD_SAMPLE)
    assert either_outcome_asserts(tree) == []
    assert early_returns(tree) == []


def test_every_test_file_keeps_the_rules():
    broken = []
    scanned = 0
    for path in _test_sources():
        tree = _parse(path)
        scanned += 1
        relative = os.path.relpath(path, TESTS_DIR)
        for line in either_outcome_asserts(tree):
            broken.append("%s:%d: assert accepts either outcome" % (relative, line))
        for line in early_returns(tree):
            broken.append("%s:%d: bare return in except" % (relative, line))
    assert scanned > 100
    assert broken == []
