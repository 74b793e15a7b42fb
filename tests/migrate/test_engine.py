# migrate-tests: tool-only
"""The text-level engine: parsing, fixer runs, line endings, target 3."""
import pytest

from migrate import engine, newlines
from migrate.engine import MigrateError, MigrateResult, Review, migrate_source
from migrate.fixes import all_fixers

PRINT_SOURCE = "import os\nprint 'hi'\n"
PRINT_RESULT = "from __future__ import print_function\nimport os\nprint('hi')\n"


def test_result_attributes():
    result = migrate_source(PRINT_SOURCE, select=["print"])
    assert isinstance(result, MigrateResult)
    assert result.source == PRINT_RESULT
    assert result.changed is True
    # the rewritten statement and the import it needs
    assert result.fix_counts == {"print": 2}
    assert result.reviews == []


def test_nothing_to_change_returns_the_same_object_text():
    source = "x = 1  \t# trailing blanks kept\n\n\n"
    result = migrate_source(source)
    assert result.changed is False
    assert result.source is source
    assert result.fix_counts == {}


def test_select_and_exclude():
    source = "print `x`\n"
    only_repr = migrate_source(source, select=["repr"])
    assert only_repr.source == "print repr(x)\n"
    assert only_repr.fix_counts == {"repr": 1}
    without_repr = migrate_source(source, exclude=["repr"])
    assert "`x`" in without_repr.source
    assert "repr" not in without_repr.fix_counts


def test_unknown_target():
    with pytest.raises(ValueError):
        migrate_source("x = 1\n", target="4")


@pytest.mark.parametrize(
    "source, line, words",
    [
        ("def f(:\n    pass\n", 1, "unexpected ':'"),
        ("x = 1\nx = (\n", 2, "EOF in multi-line statement"),
        ("if x:\n    a\n  b\n", 3, "unindent"),
        ("x = 1\n    y = 2\n", 2, "unexpected indent"),
        ("print >>\n", 1, "cannot parse"),
    ],
)
def test_parse_errors_name_file_and_line(source, line, words):
    with pytest.raises(MigrateError) as info:
        migrate_source(source, filename="app/views.py")
    error = info.value
    assert error.filename == "app/views.py"
    assert error.line == line
    assert words in error.reason
    assert str(error).startswith("app/views.py:%d: " % line)


def test_print_statement_grammar_is_the_default():
    # (1, 2) printed by a print statement is a tuple on Python 2.
    tree = engine.parse_source("print (1, 2)\n")
    assert tree.children[0].children[0].type == engine.pygram.python_symbols.print_stmt


def test_future_print_function_switches_grammar():
    source = "from __future__ import print_function\nprint('a', end='')\n"
    tree = engine.parse_source(source)
    assert "print_function" in tree.future_features
    assert migrate_source(source).changed is False


def test_python3_only_print_call_is_accepted():
    # Not Python 2, but valid Python 3: parsed on the second try, left alone.
    source = "print('a', file=sys.stderr)\n"
    assert migrate_source(source, select=["print"]).source == source


def test_exec_as_a_function_name_parses():
    source = "exec(code, namespace, end=1)\n"
    assert migrate_source(source).source == source


def test_source_without_final_newline():
    result = migrate_source("print 'a'", select=["print"])
    assert result.source == "from __future__ import print_function\nprint('a')"


def test_crlf_is_kept_on_every_line_including_inserted_ones():
    source = "import os\r\nprint 'hi'\r\n"
    result = migrate_source(source, select=["print"])
    assert result.source == PRINT_RESULT.replace("\n", "\r\n")


def test_mixed_line_endings_stay_per_line():
    source = "import os\r\nx = 1\nprint 'hi'\r\ny = 2\rz = 3\n"
    result = migrate_source(source, select=["print"])
    assert result.source == (
        "from __future__ import print_function\r\n"
        "import os\r\nx = 1\nprint('hi')\r\ny = 2\rz = 3\n"
    )


def test_bom_character_is_kept():
    result = migrate_source("\ufeffprint 'a'\n", select=["print"])
    assert result.source == "\ufefffrom __future__ import print_function\nprint('a')\n"


def test_layout_outside_rewrites_is_byte_exact():
    source = (
        "# -*- coding: utf-8 -*-\n"
        "def f(a,\tb):   \n"
        "\tif a <> b:\t# tab\n"
        "\t\treturn  `a`   \n"
        "\n"
        "\f\n"
        "x = [1,\n"
        "     2]  \\\n"
        "    + [3]\n"
    )
    result = migrate_source(source, select=["ne", "repr"])
    assert result.source == source.replace("<>", "!=").replace("`a`", "repr(a)")


def test_reviews_carry_filename_fixer_and_line():
    class Reviewer(all_fixers()["ne"]):
        name = "ne"

        def transform(self, node, results):
            self.review(node, "kept on purpose")

    main, _ = engine._select_fixers("2and3", ["ne"], ())
    fix_counts, reviews = engine.run_fixers(
        engine.parse_source("x = 1\nif a <> b: pass\n"), [Reviewer], "m.py"
    )
    assert reviews == [Review("m.py", 2, "ne", "kept on purpose")]
    assert fix_counts == {}
    assert main == [all_fixers()["ne"]]


@pytest.mark.parametrize("name", sorted(all_fixers()))
def test_every_fixer_runs_on_untouched_python3_code(name):
    # Code that is already forward compatible has nothing to change.
    source = (
        "from __future__ import print_function\n"
        "import functools\n"
        "import six\n\n"
        "def total(values):\n"
        "    return functools.reduce(lambda a, b: a + b, values, 0)\n\n"
        "print(repr(total(six.moves.range(3))))\n"
    )
    assert migrate_source(source, select=[name]).source == source


def test_split_and_restore_line_endings():
    text = "a\r\nb\nc\rd"
    assert newlines.split_lines(text) == [("a", "\r\n"), ("b", "\n"), ("c", "\r"), ("d", "")]
    normalized, lines = newlines.normalize(text)
    assert normalized == "a\nb\nc\nd"
    assert newlines.restore(normalized, lines) == text
    # A form feed or U+2028 is not a line break for Python source.
    assert newlines.split_lines("a\fb\u2028c\n") == [("a\fb\u2028c", "\n")]


def test_restore_gives_replaced_and_inserted_lines_their_neighbours_endings():
    _, lines = newlines.normalize("one\r\ntwo\nthree\n")
    assert newlines.restore("zero\none\nTWO\n2b\nthree\n", lines) == (
        "zero\r\none\r\nTWO\n2b\nthree\n"
    )


def test_dominant_ending():
    assert newlines.dominant_ending(newlines.split_lines("a\r\nb\r\nc\n")) == "\r\n"
    assert newlines.dominant_ending(newlines.split_lines("a")) == "\n"


class TestTarget3:
    def test_pyupgrade_runs_after_the_2and3_fixers(self):
        source = "class A(object):\n    def f(self):\n        return `set([1])`\n"
        result = migrate_source(source, target="3", select=["repr"])
        assert result.source == "class A:\n    def f(self):\n        return repr({1})\n"
        # pyupgrade counts the lines it changed: the class line and the set
        assert result.fix_counts == {"repr": 1, "pyupgrade": 2}

    def test_min_version_is_passed_to_pyupgrade(self):
        source = "x = '{} {}'.format(a, b)\n"
        assert migrate_source(source, target="3", min_version=(3, 5)).source == source
        assert migrate_source(source, target="3", min_version=(3, 6)).source == "x = f'{a} {b}'\n"

    def test_not_python3_yet_is_listed_for_review(self):
        source = "x = `1`\n"
        result = migrate_source(source, target="3", select=["print"])
        assert result.source == source
        assert [review.fixer for review in result.reviews] == ["pyupgrade"]
        assert "not valid Python 3" in result.reviews[0].message

    def test_crlf_survives_pyupgrade(self):
        source = "class A(object):\r\n    pass\r\n"
        assert migrate_source(source, target="3").source == "class A:\r\n    pass\r\n"

    def test_second_run_changes_nothing(self):
        source = "import os\r\nprint 'a %s' % os.sep\r\nclass A(object): pass\r\n"
        first = migrate_source(source, target="3")
        assert first.changed
        assert migrate_source(first.source, target="3").changed is False


def test_pyupgrade_command_line_fallback_gives_the_same_result(monkeypatch):
    from migrate import pyupgrade_pass

    source = "class A(object):\n    x = '{} {}'.format(a, b)\n"
    expected = pyupgrade_pass.upgrade(source, (3, 6))
    monkeypatch.setattr(pyupgrade_pass, "_run", None)
    monkeypatch.setattr(pyupgrade_pass, "_library", lambda: None)
    assert pyupgrade_pass.upgrade(source, (3, 6)) == expected
    assert expected[0] == "class A:\n    x = f'{a} {b}'\n"


def test_pyupgrade_keeps_the_leading_blank_lines():
    from migrate import pyupgrade_pass

    assert pyupgrade_pass.upgrade("\n\nclass A(object): pass\n", (3, 6))[0] == "\n\nclass A: pass\n"


def test_prepare_compiles_every_selected_fixer():
    engine.prepare("3")
    main, cleanup = engine._select_fixers("3", None, ())
    assert cleanup, "target 3 has clean-up fixers"
    assert all(cls in engine._instances for cls in main + cleanup)


def test_generation_counts_the_passes_that_changed_the_tree():
    tree = engine.parse_source("x = `1`\nif a <> b: pass\n")
    classes = [all_fixers()[name] for name in ("repr", "print", "ne")]
    engine.run_fixers(tree, classes)
    # repr and ne changed the tree, print found nothing to do.
    assert tree.migrate_generation == 2
    untouched = engine.parse_source("x = 1\n")
    engine.run_fixers(untouched, classes)
    assert not hasattr(untouched, "migrate_generation")


def test_a_leaf_changed_in_place_is_found_by_its_new_value():
    from fissix.pgen2 import token

    from migrate.fixes import MigrateFix

    class FixRename(MigrateFix):
        name = "rename"
        PATTERN = "'old'"

        def transform(self, node, results):
            node.value = "new"
            node.changed()
            self.changed(node)

    class FixSeeNew(MigrateFix):
        name = "see_new"
        PATTERN = "'new'"

        def transform(self, node, results):
            self.changed(node)
            return pytree_leaf(token.NAME, "newer", prefix=node.prefix)

    from fissix.pytree import Leaf as pytree_leaf

    tree = engine.parse_source("old = 1\nprint old\n")
    counts, _ = engine.run_fixers(tree, [FixRename, FixSeeNew])
    assert str(tree) == "newer = 1\nprint newer\n"
    assert counts == {"rename": 2, "see_new": 2}
