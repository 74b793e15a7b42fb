# -*- coding: utf-8 -*-
"""Count the documentation's ``>>>`` examples and where each one runs.

    python docs/count_examples.py

Prints how many examples the pages hold, how many carry ``+PY2_ONLY`` (run on
2.7 only) or ``+PY3_ONLY`` (run on 3.6-3.13 only), and how many run on every
interpreter. README.rst and docs/index.rst quote these numbers; a test checks
that they match.
"""
from __future__ import print_function

import io
import os
import re

DOCS = os.path.dirname(os.path.abspath(__file__))
# An example starts with ">>>" at the start of a line (after indentation);
# "..." continuation lines are not examples.
_EXAMPLE = re.compile(r"^[ \t]*>>>(?: |$)(?P<source>.*)$", re.MULTILINE)
_MARKER = re.compile(r"#\s*doctest:.*\+(PY2_ONLY|PY3_ONLY)\b")


def pages(root=DOCS):
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("_"))
        for name in sorted(files):
            if name.endswith(".rst"):
                yield os.path.join(folder, name)


def count(root=DOCS):
    """``{"total": n, "PY2_ONLY": n, "PY3_ONLY": n, "everywhere": n}``."""
    counts = {"total": 0, "PY2_ONLY": 0, "PY3_ONLY": 0}
    for path in pages(root):
        with io.open(path, encoding="utf-8") as handle:
            text = handle.read()
        for match in _EXAMPLE.finditer(text):
            counts["total"] += 1
            marker = _MARKER.search(match.group("source"))
            if marker is not None:
                counts[marker.group(1)] += 1
    counts["everywhere"] = counts["total"] - counts["PY2_ONLY"] - counts["PY3_ONLY"]
    return counts


def sentence(counts):
    """The sentence README.rst and docs/index.rst carry."""
    return (
        "Of the %(total)d ``>>>`` examples in ``docs/``, %(everywhere)d run on"
        " every interpreter, %(PY2_ONLY)d on 2.7 only and %(PY3_ONLY)d on 3.x"
        " only, each where its page says it applies" % counts
    )


if "__main__" == __name__:
    print(sentence(count()) + ".")
