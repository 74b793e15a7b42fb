# migrate-tests: tool-only
"""The iterative tree walks yield what fissix's recursive ones yield, in the
same order, also when the tree changes during the walk."""
import glob
import os

import pytest
from fissix import pygram, pytree

from migrate import fastparse, treewalk

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def sources():
    paths = sorted(glob.glob(os.path.join(REPO, "migrate", "*.py")))
    paths += sorted(glob.glob(os.path.join(HERE, "fixtures", "legacy_app_migrated", "**", "*.py"), recursive=True))
    return [pytest.param(path, id=os.path.relpath(path, REPO)) for path in paths]


def walks(node):
    return (
        [id(n) for n in node.pre_order()],
        [id(n) for n in node.post_order()],
        [id(n) for n in node.leaves()],
    )


@pytest.fixture
def fissix_walks():
    treewalk.uninstall()
    try:
        yield
    finally:
        treewalk.install()


def parse(path):
    with open(path, encoding="utf-8") as stream:
        return fastparse.parse_string(pygram.python_grammar_no_print_statement, stream.read())


@pytest.mark.parametrize("path", sources())
def test_same_nodes_same_order(path):
    tree = parse(path)
    nodes = [tree] + [node for node in tree.pre_order() if isinstance(node, pytree.Node)][::7]
    ours = [walks(node) for node in nodes]
    treewalk.uninstall()
    try:
        theirs = [walks(node) for node in nodes]
    finally:
        treewalk.install()
    assert ours == theirs


def removing_walk(tree, method):
    # Drop every second simple statement while walking.
    seen = []
    for count, node in enumerate(getattr(tree, method)()):
        seen.append(str(node) if node.type < 256 else node.type)
        if node.type == pygram.python_symbols.simple_stmt and count % 2:
            node.remove()
    return seen, str(tree)


@pytest.mark.parametrize("method", ["pre_order", "post_order", "leaves"])
def test_same_walk_when_the_tree_changes(method, fissix_walks):
    source = "a = 1\nb = 2\nif a:\n    c = 3\n    d = 4\ne = 5\n"
    expected = removing_walk(fastparse.parse_string(pygram.python_grammar, source), method)
    treewalk.install()
    try:
        actual = removing_walk(fastparse.parse_string(pygram.python_grammar, source), method)
    finally:
        treewalk.uninstall()
    assert actual == expected


def test_install_and_uninstall():
    assert pytree.Node.pre_order is treewalk.pre_order
    treewalk.uninstall()
    try:
        assert pytree.Node.pre_order is not treewalk.pre_order
        assert "leaves" not in pytree.Node.__dict__
    finally:
        treewalk.install()
    assert pytree.Node.leaves is treewalk.leaves
