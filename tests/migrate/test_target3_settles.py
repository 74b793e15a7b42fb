# migrate-tests: tool-only
"""``--target 3`` reaches its final text in one run: pyupgrade and the
six/__future__ clean-up are repeated until nothing changes, so a second run
of the tool is a no-op."""
import pytest

from migrate.engine import migrate_source

CASES = [
    # %-formatting -> .format() -> f-string takes pyupgrade two passes
    ('print "%s %s" % (a, b)\n', 'print(f"{a} {b}")\n'),
    # the result no longer imports print_function; a second run must still
    # read print("a", b) as a call, not as a print statement of a tuple
    ('print "a", b\n', 'print("a", b)\n'),
    # these compile on Python 3 too, as expressions that print nothing: they
    # are still Python 2 print statements
    ('import sys\nprint >>sys.stderr, "x", 1\n', 'import sys\nprint("x", 1, file=sys.stderr)\n'),
    ("def f():\n    print\n", "def f():\n    print()\n"),
    (
        "import six\nclass A(object):\n    def __unicode__(self):\n"
        "        return u'%s' % self.name\n",
        None,
    ),
    (
        "from StringIO import StringIO\nbuf = StringIO(u'x')\n"
        "for k, v in {}.iteritems():\n    print '%s=%s' % (k, v)\n",
        None,
    ),
]


@pytest.mark.parametrize(("before", "expected"), CASES)
def test_target3_settles_in_one_run(before, expected):
    first = migrate_source(before, target="3")
    second = migrate_source(first.source, target="3")
    assert second.source == first.source
    assert not second.changed
    if expected is not None:
        assert first.source == expected


# Python 2 whose --target 3 result compiles on both and has no syntax of
# Python 3 alone; read as Python 2 again, each result would change again.
AMBIGUOUS = [
    "x = raw_input()\n",
    "y = eval(input())\n",
    "s = u'\\u2122'\n",
    "n = d.iteritems()\n",
]


@pytest.mark.parametrize("before", AMBIGUOUS)
def test_a_result_read_as_python3_is_final(before):
    first = migrate_source(before, target="3")
    assert first.changed
    assert migrate_source(first.source, target="3").changed
    for target in ("3", "flask3"):
        again = migrate_source(first.source, target=target, source_python=3)
        assert not again.changed
        assert again.source == first.source


def test_source_python_is_2_or_3_and_3_needs_a_python3_target():
    for target, source_python in (("2and3", 3), ("3", 4)):
        pytest.raises(
            ValueError, migrate_source, "x = 1\n", target=target, source_python=source_python
        )
