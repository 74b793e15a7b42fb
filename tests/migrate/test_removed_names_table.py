# migrate-tests: tool-only
"""The table behind the removed_names fixer (migrate/fixes/_removed_names.py,
written by tests/migrate/make_removed_names.py) says what the interpreters
on this machine say: each name is there on Python 2.7 and gone on 3.13."""
from make_removed_names import present

from migrate.fixes._removed_names import REMOVED


def test_every_name_is_there_on_27():
    assert present("python2.7", REMOVED) == REMOVED


def test_no_name_is_there_on_313():
    assert present("python3.13", REMOVED) == dict((module, []) for module in REMOVED)


def test_the_table_is_not_empty_and_sorted():
    assert len(REMOVED) > 50
    assert all(names == sorted(set(names)) for names in REMOVED.values())
