# -*- coding: utf-8 -*-
"""Sphinx extension: label ``>>>`` blocks that belong to one interpreter.

The test suite runs a ``>>>`` example marked ``# doctest: +PY2_ONLY`` on
Python 2.7 only and one marked ``+PY3_ONLY`` on 3.x only (docs/conftest.py).
The comment stays visible on every line, and a block whose examples all carry
the same marker also gets a CSS class, so the page labels the whole block
"Python 2 only" or "Python 3 only" (docs/_static/interpreter_blocks.css).
"""
import re

#: Marker name -> CSS class of a block made only of examples with that marker.
BLOCK_CLASSES = {"PY2_ONLY": "interpreter-py2-only", "PY3_ONLY": "interpreter-py3-only"}

_MARKER = re.compile(r"#\s*doctest:.*?[+](PY2_ONLY|PY3_ONLY)\b")


def block_marker(text):
    """Return the marker shared by every example of a ``>>>`` block, or None.

    Only the first line of each example (``>>> ...``) is looked at; that is
    where the guide writes the directive.
    """
    markers = set()
    for line in text.splitlines():
        if not line.lstrip().startswith(">>>"):
            continue
        match = _MARKER.search(line)
        markers.add(match.group(1) if match else None)
    if len(markers) == 1:
        return markers.pop()
    return None


def _doctest_blocks(doctree):
    # Imported here so that the test suite can check block_marker() on
    # interpreters that have no docutils installed.
    from docutils import nodes

    # docutils 0.18 renamed traverse() to findall().
    finder = getattr(doctree, "findall", None) or doctree.traverse
    return list(finder(nodes.doctest_block))


def label_blocks(app, doctree):
    """Add the interpreter's CSS class to each single-interpreter block."""
    for block in _doctest_blocks(doctree):
        marker = block_marker(block.astext())
        if marker is not None:
            block["classes"].append(BLOCK_CLASSES[marker])


def setup(app):
    app.connect("doctree-read", label_blocks)
    app.add_css_file("interpreter_blocks.css")
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
