# -*- coding: utf-8 -*-
"""Run the documentation's ``>>>`` examples on every interpreter.

tox.ini's ``[pytest]`` section collects every ``docs/**/*.rst`` file as a
doctest (``--doctest-glob=*.rst``), so each example runs in every env, py27 to
py313. This file adds the two things the guide needs on top of stdlib doctest,
and has to work with pytest 4.6 (2.7), 7.0 (3.6) and 8.x alike, which is why
it only touches the stdlib :mod:`doctest` module and never pytest internals.

Interpreter markers
    An example that belongs to one interpreter carries a doctest directive the
    reader sees in the rendered page::

        >>> print "hello"  # doctest: +PY2_ONLY
        hello
        >>> print("hello", end="!\\n")  # doctest: +PY3_ONLY
        hello!

    On its own interpreter the directive is a flag that changes nothing; on the
    other one it is doctest's ``SKIP``, so the example is neither compiled nor
    run there (a Python 2 ``print`` statement is a syntax error on 3.x). An
    unknown spelling such as ``+PY2ONLY`` makes doctest refuse the whole file,
    so a typo cannot quietly skip an example.

``from __future__`` imports last for the whole page on 2.7
    The interactive interpreter keeps a future import in force for the rest of
    the session, but 2.7's doctest compiles every example with the flags it
    found when the page started, so ``from __future__ import print_function``
    would be forgotten by the next example. On 2.7 each page gets a
    :class:`codeop.Compile`, which remembers future statements the way the
    interactive interpreter does. 3.x needs nothing: the future features the
    guide uses are always on there.
"""
import codeop
import doctest
import re
import sys

PY2 = sys.version_info[0] == 2

#: Marker directive name -> does the example run on this interpreter?
INTERPRETER_MARKERS = {"PY2_ONLY": PY2, "PY3_ONLY": not PY2}

# ``sphinx-build`` output, if someone builds into docs/_build, holds copies of
# the pages; they are not examples of their own.
collect_ignore = ["_build"]


def _register_interpreter_markers():
    for name, runs_here in INTERPRETER_MARKERS.items():
        if runs_here:
            # A bit of its own that no runner looks at: the example runs as is.
            doctest.register_optionflag(name)
        else:
            doctest.OPTIONFLAGS_BY_NAME[name] = doctest.SKIP


_register_interpreter_markers()


_EXAMPLE_FILENAME = re.compile(r"^<doctest (?P<page>.+)\[(?P<number>\d+)\]>$")


class _SessionCompile(object):
    """``compile`` for doctest's runner that keeps future imports per page.

    doctest names the code of example *n* of page *p* ``<doctest p[n]>``;
    example 0 starts a fresh session, later ones reuse its compiler, which
    carries every ``from __future__`` import compiled so far.
    """

    def __init__(self):
        self._compiler = None
        self._page = None

    def __call__(self, source, filename, mode, flags=0, dont_inherit=False):
        match = _EXAMPLE_FILENAME.match(filename)
        if match is None or mode != "single":
            return compile(source, filename, mode, flags, dont_inherit)
        page = match.group("page")
        if match.group("number") == "0" or page != self._page:
            self._compiler = codeop.Compile()
            self._page = page
        self._compiler.flags |= flags
        return self._compiler(source, filename, mode)


if PY2:
    # doctest looks ``compile`` up in its module globals before the builtins.
    doctest.compile = _SessionCompile()
