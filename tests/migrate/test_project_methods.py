# migrate-tests: tool-only
"""A method the project defines itself under the name of a dict method the
fixers rewrite (has_key) keeps every call to that name, in every file of the
run, for review: the objects may not be dicts."""
import io

from migrate.cli import main
from migrate.runner import project_methods

LIBRARY = b"class Tag(object):\n    def has_key(self, key):\n        return key == 'attr'\n"
USER = b"from library import Tag\nprint Tag().has_key('attr')\n"


def test_a_has_key_defined_in_another_file_keeps_the_calls(tmp_path, monkeypatch):
    monkeypatch.setenv("FLASKCOMPAT_MIGRATE_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "library.py").write_bytes(LIBRARY)
    (tmp_path / "user.py").write_bytes(USER)
    stderr = io.StringIO()
    code = main(["--write", "--jobs", "1", str(tmp_path)], stdout=io.StringIO(), stderr=stderr)
    assert code == 0, stderr.getvalue()
    assert (tmp_path / "user.py").read_bytes() == (
        b"from __future__ import print_function\n"
        b"from library import Tag\nprint(Tag().has_key('attr'))\n"
    )
    # line 3 of the file as written (the future import came first)
    assert "user.py:3: [has_key] Tag().has_key('attr') kept" in stderr.getvalue()


def test_project_methods_finds_definitions_only(tmp_path):
    (tmp_path / "a.py").write_bytes(b"x = d.has_key(1)\n# def has_key(self):\n")
    assert project_methods([str(tmp_path / "a.py")]) == []
    (tmp_path / "b.py").write_bytes(b"class A:\n    def  has_key (self, k):\n        pass\n")
    assert project_methods([str(tmp_path / "a.py"), str(tmp_path / "b.py")]) == ["has_key"]
