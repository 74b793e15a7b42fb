# -*- coding: utf-8 -*-
"""The example counts quoted in README.rst and docs/index.rst are measured."""
import io
import os

import count_examples

DOCS = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(DOCS)


def flat(path):
    with io.open(path, encoding="utf-8") as handle:
        return " ".join(handle.read().split())


def test_readme_and_index_quote_the_counted_numbers():
    sentence = count_examples.sentence(count_examples.count())
    assert sentence in flat(os.path.join(REPO, "README.rst"))
    short = sentence.split(" in ``docs/``, ", 1)[1]
    assert short in flat(os.path.join(DOCS, "index.rst"))


def test_markers_are_counted_per_example(tmp_path):
    page = tmp_path / "page.rst"
    page.write_text(
        u">>> print('a')\na\n>>> x = 1  # doctest: +PY2_ONLY\n"
        u"    >>> y = 2  # doctest: +PY3_ONLY\n... z = 3\nA ``>>>`` in prose is no example.\n"
    )
    assert count_examples.count(str(tmp_path)) == {
        "total": 3, "PY2_ONLY": 1, "PY3_ONLY": 1, "everywhere": 1,
    }
