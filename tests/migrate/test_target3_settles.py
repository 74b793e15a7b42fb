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
