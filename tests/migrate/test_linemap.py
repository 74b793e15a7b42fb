# migrate-tests: tool-only
"""Carrying a line number from one version of a file to the next."""
from migrate.linemap import line_mapper, translate

BEFORE = "import os\nx = 1\nprint 'a'\ny = x / 2\n"
AFTER = "from __future__ import print_function\nimport os\nx = 1\nprint('a')\ny = x / 2\n"


def test_lines_that_moved_keep_their_content():
    mapped = line_mapper(BEFORE, AFTER)
    assert [mapped(line) for line in (1, 2, 3, 4)] == [2, 3, 4, 5]


def test_the_whole_file_stays_the_whole_file():
    assert line_mapper(BEFORE, AFTER)(0) == 0
    assert line_mapper(BEFORE, BEFORE)(3) == 3


def test_a_split_statement_goes_to_the_line_that_kept_the_name():
    before = "import a\nfrom urllib import quote, localhost\nz = 1\n"
    after = "import a\nfrom six.moves.urllib.parse import quote\nfrom urllib import localhost\nz = 1\n"
    mapped = line_mapper(before, after)
    assert mapped(2, "urllib.localhost has no counterpart") == 3
    assert mapped(3) == 4


def test_a_joined_statement_goes_to_the_line_most_like_it():
    before = "p = string.join(\n    map(string.strip,\n        args))\nq = 2\n"
    after = "p = '-'.join(map(string.strip,\n        args))\nq = 2\n"
    assert line_mapper(before, after)(2, "string.strip used as a value") == 1


def test_a_deleted_line_goes_to_what_took_its_place():
    before = "import six\nimport os\nx = 1\n"
    after = "import os\nx = 1\n"
    assert line_mapper(before, after)(1) == 1


def test_translate_moves_the_first_member_of_each_item():
    items = [(3, "print", "kept"), (4, "division", "'/' floors")]
    assert translate(items, BEFORE, AFTER) == [(4, "print", "kept"), (5, "division", "'/' floors")]
