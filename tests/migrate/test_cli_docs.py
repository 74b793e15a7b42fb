# migrate-tests: tool-only
"""The tool's docs pages agree with the tool: every fixer has a section with
its summary, and every option and exit code of ``--help`` is documented."""
import io
import os
import re

from migrate.cli import build_parser
from migrate.fixes import all_fixers

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOCS = os.path.join(REPO, "docs", "migrate")


def read(name):
    with io.open(os.path.join(DOCS, name), encoding="utf-8") as stream:
        return stream.read()


def test_every_fixer_has_a_section():
    page = read("fixers.rst")
    sections = re.findall(r"^``([a-z0-9_]+)``\n-+$", page, re.MULTILINE)
    assert sections == sorted(all_fixers()), "run python docs/migrate/fixers_page.py"


def test_every_option_is_documented():
    page = read("usage.rst")
    for action in build_parser()._actions:
        for option in action.option_strings:
            if option in ("-h", "--help", "--version"):
                continue
            assert "``%s" % option in page, option


def test_exit_codes_are_documented():
    page = read("usage.rst")
    for code in ("0  Success", "1  ``--check``", "2  Usage error", "3  At least one file"):
        assert code in page
