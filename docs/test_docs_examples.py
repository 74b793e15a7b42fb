# -*- coding: utf-8 -*-
"""The rules docs/conftest.py adds to the documentation's doctests.

Each test feeds a small page to stdlib doctest, as pytest does for every
``docs/**/*.rst`` file, and checks what was run and what failed.
"""
import doctest
import importlib
import os
import sys

import pytest

PY2 = sys.version_info[0] == 2
THIS_INTERPRETER = "PY2_ONLY" if PY2 else "PY3_ONLY"
OTHER_INTERPRETER = "PY3_ONLY" if PY2 else "PY2_ONLY"


def run_page(text, name="page.rst", globs=None):
    """Run *text* as a doctest page; return the number of failed examples."""
    test = doctest.DocTestParser().get_doctest(text, globs or {}, name, name, 0)
    runner = doctest.DocTestRunner(verbose=False)
    return runner.run(test, out=lambda report: None).failed


def test_example_for_other_interpreter_is_not_even_compiled():
    ran = []
    page = (
        ">>> ran.append('other') +* 2  # doctest: +%s\n"
        ">>> ran.append('unmarked')\n" % OTHER_INTERPRETER
    )
    assert run_page(page, globs={"ran": ran}) == 0
    assert ran == ["unmarked"]


def test_example_for_this_interpreter_runs_and_can_fail():
    ran = []
    page = (
        ">>> ran.append('this') or 1 + 1  # doctest: +%s\n3\n"
        ">>> ran.append('unmarked')\n" % THIS_INTERPRETER
    )
    assert run_page(page, globs={"ran": ran}) == 1
    assert ran == ["this", "unmarked"]


def test_misspelled_marker_refuses_the_page():
    with pytest.raises(ValueError) as excinfo:
        run_page(">>> 1 + 1  # doctest: +PY3ONLY\n2\n")
    assert "PY3ONLY" in str(excinfo.value)


def test_future_import_lasts_until_the_end_of_the_page():
    page = (
        ">>> from __future__ import division, print_function\n"
        ">>> print(1 / 2, 'half')\n"
        "0.5 half\n"
    )
    assert run_page(page) == 0


def test_future_import_does_not_leak_into_the_next_page():
    run_page(">>> from __future__ import division\n", name="first.rst")
    classic_division = "0" if PY2 else "0.5"
    assert run_page(">>> 1 / 2\n%s\n" % classic_division, name="second.rst") == 0


def load_sphinx_extension():
    """The docs' Sphinx extension module, imported without Sphinx."""
    extensions = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_ext")
    sys.path.insert(0, extensions)
    try:
        return vars(importlib.import_module("interpreter_blocks"))
    finally:
        sys.path.remove(extensions)


def test_block_of_one_interpreter_gets_its_label():
    block_marker = load_sphinx_extension()["block_marker"]
    block = (
        ">>> print 'a'  # doctest: +PY2_ONLY\n"
        "a\n"
        ">>> def f():  # doctest: +PY2_ONLY\n"
        "...     return 1  # doctest: +PY3_ONLY\n"
    )
    assert block_marker(block) == "PY2_ONLY"
    assert block_marker(">>> 1 / 2  # doctest: +PY3_ONLY, +ELLIPSIS\n0.5\n") == "PY3_ONLY"


def test_mixed_or_unmarked_block_gets_no_label():
    block_marker = load_sphinx_extension()["block_marker"]
    assert block_marker(">>> 1\n1\n") is None
    assert block_marker(">>> 1  # doctest: +PY2_ONLY\n1\n>>> 2\n2\n") is None
    assert block_marker(">>> 1  # doctest: +PY2_ONLY\n>>> 2  # doctest: +PY3_ONLY\n") is None
