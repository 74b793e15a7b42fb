# migrate-tests: tool-only
"""The bookkeeping of the opt-in legacy-apps env (tests/proving_ground/apps.py),
checked without downloading anything: which --check items count as new, when
a hand edit is allowed, which imports are left, and when an app has not gone
the whole way."""
import importlib.util
import io
import os
import sys

import pytest

PIPELINE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "proving_ground", "apps.py")


@pytest.fixture(scope="module")
def apps():
    saved = list(sys.path)
    spec = importlib.util.spec_from_file_location("legacy_apps_pipeline", PIPELINE)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = saved
    return module


def item(path, line, fixer="dict", message="iteritems() with positional arguments is not a dict method call"):
    return {"path": path, "line": line, "fixer": fixer, "message": message}


def test_a_check_item_the_write_printed_is_not_new_even_on_another_line(apps):
    printed = [item("app.py", 12)]
    assert apps.not_in([item("app.py", 15)], printed) == []


def test_each_printed_item_answers_for_one_check_item_only(apps):
    printed = [item("app.py", 12)]
    found = [item("app.py", 15), item("app.py", 30)]
    assert apps.not_in(found, printed) == [item("app.py", 30)]


def test_a_check_item_in_another_file_is_new(apps):
    assert apps.not_in([item("views.py", 3)], [item("app.py", 3)]) == [item("views.py", 3)]


def write(folder, name, text):
    path = os.path.join(str(folder), name)
    with io.open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


EDIT = {"step": "flask3", "file": "accounts.py", "review": "password hash", "old": "check(a)\n",
        "new": "check_both(a)\n", "why": "old hashes"}


def test_written_lines_are_the_changed_and_added_lines_of_the_result(apps, tmp_path):
    before, after = tmp_path / "before", tmp_path / "after"
    before.mkdir()
    after.mkdir()
    write(before, "app.py", u"import six\nx = 1\nfor k, v in six.iteritems(d):\n    pass\n")
    write(after, "app.py", u"x = 1\nfor k, v in d.items():\n    pass\ny = 2\n")
    write(after, "new.py", u"z = 3\n")
    write(after, "notes.txt", u"not Python\n")
    assert apps.written_lines(str(before), str(after)) == {("app.py", 2), ("app.py", 4), ("new.py", 1)}


def test_a_hand_edit_without_its_review_item_is_refused_and_the_file_kept(apps, tmp_path):
    path = write(tmp_path, "accounts.py", u"check(a)\n")
    done, problems = apps.apply_edits(str(tmp_path), [EDIT], [item("views.py", 1, "x", "password hash")])
    assert done == []
    assert problems == ["hand edit of accounts.py without the review item 'password hash'"]
    with io.open(path, encoding="utf-8") as handle:
        assert handle.read() == u"check(a)\n"


def test_a_hand_edit_for_a_printed_review_item_is_made_and_listed(apps, tmp_path):
    path = write(tmp_path, "accounts.py", u"check(a)\n")
    reviews = [item("accounts.py", 1, "flask3_security", "plain password hash methods were removed")]
    done, problems = apps.apply_edits(str(tmp_path), [EDIT], reviews)
    assert problems == []
    assert done == ["accounts.py, for the item at accounts.py:1 [flask3_security]: old hashes"]
    with io.open(path, encoding="utf-8") as handle:
        assert handle.read() == u"check_both(a)\n"


def test_a_hand_edit_whose_text_is_gone_is_a_problem(apps, tmp_path):
    write(tmp_path, "accounts.py", u"verify(a)\n")
    reviews = [item("accounts.py", 1, "flask3_security", "password hash")]
    done, problems = apps.apply_edits(str(tmp_path), [EDIT], reviews)
    assert (done, problems) == ([], ["hand edit of accounts.py: its text is not there once"])


def test_a_hand_edit_with_a_count_replaces_every_occurrence_or_none(apps, tmp_path):
    path = write(tmp_path, "accounts.py", u"check(a)\ncheck(a)\n")
    reviews = [item("accounts.py", 1, "flask3_security", "password hash")]
    assert apps.apply_edits(str(tmp_path), [EDIT], reviews) == (
        [], ["hand edit of accounts.py: its text is not there once"])
    done, problems = apps.apply_edits(str(tmp_path), [dict(EDIT, count=2)], reviews)
    assert (len(done), problems) == (1, [])
    with io.open(path, encoding="utf-8") as handle:
        assert handle.read() == u"check_both(a)\ncheck_both(a)\n"


def test_imports_left_finds_the_module_and_its_submodules_only(apps, tmp_path):
    write(tmp_path, "a.py", u"from flaskcompat import Flask\nfrom flask_greeting import Greeting\n")
    write(tmp_path, "b.py", u"import os\n  from flaskcompat.security import check_password_hash\n")
    write(tmp_path, "c.py", u"import flask\nimport flaskcompat\n")
    assert apps.imports_left(str(tmp_path), "flaskcompat") == ["a.py:1", "b.py:2", "c.py:2"]
    assert apps.imports_left(str(tmp_path), "flask") == ["c.py:1"]


def counts(passed, total, exit=0):
    failed = total - passed
    return {"tests": total, "failures": failed, "errors": 0, "skipped": 0, "exit": 1 if failed else exit,
            "passed": passed}


def step(target, tests, **changes):
    record = {"target": target, "tool error": "", "write exit": 0, "check exit": 0, "check reviews": [],
              "check new": [], "check on written lines": [], "edits": [], "edit problems": [], "imports left": [], "tests": tests,
              "reviews": [], "rewrites": {}, "files": 2, "changed": 1}
    record.update(changes)
    return record


def row(*steps):
    return {"app": "flaskr (Flask 0.10.1)", "notes": "", "expect": None, "before": counts(3, 3),
            "steps": list(steps)}


def whole_way(runs=None, **flask3_changes):
    return row(step("2and3", {"2.7": counts(3, 3), "3.13": counts(3, 3)}),
               step("3", {"3.13": counts(3, 3)}),
               step("flask3", runs or {"flask3": counts(3, 3)}, **flask3_changes))


def test_an_app_that_went_the_whole_way_has_no_failure(apps):
    assert apps.failures(whole_way()) == []


def test_a_failing_test_on_flask_31_is_a_failure(apps):
    found = apps.failures(whole_way(runs={"flask3": counts(2, 3)}, reviews=[item("app.py", 3)]))
    assert found == ["--target flask3: tests on 3.13 Flask 3.1"]


def test_a_failing_test_without_any_review_item_is_called_silent(apps):
    found = apps.failures(whole_way(runs={"flask3": counts(0, 3, exit=2)}))
    assert found == ["--target flask3: tests on 3.13 Flask 3.1, with no review item printed: a silent failure"]


def test_a_refused_target_an_import_left_and_check_items_on_tool_output_are_failures(apps):
    broken = whole_way(**{"tool error": "invalid choice: 'flask3'", "imports left": ["app.py:1"],
                          "check new": [item("app.py", 3)], "check on written lines": [item("app.py", 4)]})
    assert apps.failures(broken) == [
        "--target flask3: the tool refused: invalid choice: 'flask3'",
        "--target flask3: --check of the result printed 1 review items the write did not",
        "--target flask3: --check of the result printed 1 review items on lines the step wrote",
        "--target flask3: flaskcompat still imported at app.py:1",
    ]


def test_a_collection_error_shows_in_the_table(apps):
    assert apps.passed({"tests": 1, "failures": 0, "errors": 1, "skipped": 0, "exit": 2, "passed": 0}, 3) == (
        "0/3 (collection failed)")


def test_the_page_lists_every_review_item_and_hand_edit(apps, tmp_path):
    printed = item("notes/accounts.py", 7, "flask3_security", "old hashes")
    reviewed = whole_way(reviews=[printed], edits=["notes/accounts.py (answers ...): old hashes"],
                         **{"check reviews": [printed], "check on written lines": [printed]})
    flask3 = {"installed": {"Flask": "3.1.3", "Werkzeug": "3.1.9"}, "notes": "Newest releases."}
    eras = {"0.10.1": {"releases": ["Flask==0.10.1"], "notes": "First on Python 3."}}
    page = os.path.join(str(tmp_path), "page.rst")
    apps.write_table([reviewed], eras, flask3, page)
    with io.open(page, encoding="utf-8") as handle:
        text = handle.read()
    wanted = [
        "* ``notes/accounts.py:7 [flask3_security] old hashes``\n",
        "* ``notes/accounts.py:7 [flask3_security] old hashes`` (on a line the step wrote)\n",
        "* ``notes/accounts.py (answers ...): old hashes``",
        "Flask 3.1, after the last step (Flask 3.1.3, Werkzeug 3.1.9)",
        "     - 3.13 Flask 3.1: 3/3\n",
        "In the last run 0 of 1 apps went the whole way",
        "* flaskr (Flask 0.10.1): --target flask3: --check of the result printed 1 review items on lines the "
        "step wrote\n",
    ]
    assert [line for line in wanted if line not in text] == []
