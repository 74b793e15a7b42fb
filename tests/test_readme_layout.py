# -*- coding: utf-8 -*-
"""The README is read by people and by ``.ci/run``, which takes its test
command from it: every section is there once, and so is each marked
command."""
from __future__ import unicode_literals

import io
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UNDERLINE = re.compile(r"^([=\-~^\"'`#*+])\1+$")


def readme_lines():
    with io.open(os.path.join(ROOT, "README.rst"), encoding="utf-8") as stream:
        return stream.read().splitlines()


def section_titles(lines):
    """The titles of the sections: a line of text over a line of one
    punctuation character at least as long."""
    found = []
    for title, under in zip(lines, lines[1:]):
        title = title.rstrip()
        if title and not title.startswith(" ") and UNDERLINE.match(under):
            if len(under) >= len(title):
                found.append(title)
    return found


def test_section_titles_are_read_from_underlines():
    lines = ["Intro", "=====", "", "text", "", "Usage", "-----", "  not a title", "---"]
    assert section_titles(lines) == ["Intro", "Usage"]


def test_every_section_appears_once():
    titles = section_titles(readme_lines())
    assert "Getting started" in titles
    repeated = sorted(set(title for title in titles if titles.count(title) > 1))
    assert repeated == []


def test_each_marked_command_appears_once():
    stripped = [line.strip() for line in readme_lines()]
    for marker in (".. first-command", ".. test-command"):
        assert stripped.count(marker) == 1, marker
