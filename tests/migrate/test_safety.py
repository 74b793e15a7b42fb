# migrate-tests: tool-only
"""What the tool promises about files: bytes kept outside the rewrites, bad
files left untouched, atomic writes, no needless writes, idempotence."""
import io
import os
import stat
import time

import pytest

from migrate import atomic, sourcefile
from migrate.cli import main
from migrate.engine import MigrateError, migrate_source
from migrate.fixes import all_fixers


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("FLASKCOMPAT_MIGRATE_CACHE_DIR", str(folder))
    return folder


def run(*argv):
    out = io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8")
    stderr = io.StringIO()
    code = main(list(argv), stdout=stdout, stderr=stderr)
    stdout.flush()
    return code, out.getvalue(), stderr.getvalue()


def write_file(folder, name, data):
    path = folder / name
    path.write_bytes(data)
    return path


PRINT_AFTER = b"from __future__ import print_function"


@pytest.mark.parametrize(
    "before, after",
    [
        (b"import os\r\nprint 'a'\r\n", PRINT_AFTER + b"\r\nimport os\r\nprint('a')\r\n"),
        (
            b"import os\nx = 1\r\nprint 'a'\ry = 2\n",
            PRINT_AFTER + b"\nimport os\nx = 1\r\nprint('a')\ry = 2\n",
        ),
        (
            b"\xef\xbb\xbfimport os\r\nprint 'a'\r\n",
            b"\xef\xbb\xbf" + PRINT_AFTER + b"\r\nimport os\r\nprint('a')\r\n",
        ),
        (
            b"\tx = 1\n"[1:] + b"def f():\n\tprint 'a'  \t\n\treturn 1\t \n",
            PRINT_AFTER + b"\nx = 1\ndef f():\n\tprint('a')  \t\n\treturn 1\t \n",
        ),
        (b"print 'no newline at the end'", PRINT_AFTER + b"\nprint('no newline at the end')"),
    ],
    ids=["crlf", "mixed", "bom", "tabs-and-trailing-blanks", "no-final-newline"],
)
def test_write_keeps_bytes_outside_the_rewrites(tmp_path, before, after):
    path = write_file(tmp_path, "m.py", before)
    code, _, _ = run("--write", "--fix", "print", str(path))
    assert code == 0
    assert path.read_bytes() == after


def test_latin1_cookie_file_round_trips(tmp_path):
    before = b"# -*- coding: latin-1 -*-\r\nname = 'caf\xe9'\r\nprint name\r\n"
    path = write_file(tmp_path, "latin.py", before)
    assert run("--write", "--fix", "print", str(path))[0] == 0
    assert path.read_bytes() == (
        b"# -*- coding: latin-1 -*-\r\n" + PRINT_AFTER + b"\r\nname = 'caf\xe9'\r\nprint(name)\r\n"
    )


def test_diff_is_in_the_files_own_bytes(tmp_path):
    path = write_file(tmp_path, "latin.py", b"# coding: latin-1\nprint 'caf\xe9'\n")
    code, out, _ = run("--fix", "print", str(path))
    assert code == 0
    assert b"-print 'caf\xe9'\n+" + PRINT_AFTER + b"\n+print('caf\xe9')\n" in out
    # The default mode writes nothing.
    assert path.read_bytes() == b"# coding: latin-1\nprint 'caf\xe9'\n"


@pytest.mark.parametrize(
    "data, line, words",
    [
        (b"x = 1\nprint 'caf\xe9'\n", 2, "cannot decode as utf-8"),
        (b"# coding: klingon\nprint 1\n", 1, "unknown encoding"),
        (b"\xef\xbb\xbf# coding: latin-1\nprint 1\n", 1, "UTF-8 BOM"),
        (b"print 'a'\ndef f(:\n  pass\n", 2, "cannot parse"),
    ],
    ids=["undecodable", "unknown-codec", "bom-contradicts-cookie", "unparsable"],
)
def test_bad_file_is_left_untouched_and_the_run_goes_on(tmp_path, data, line, words):
    bad = write_file(tmp_path, "bad.py", data)
    good = write_file(tmp_path, "good.py", b"print 'a'\n")
    before = os.stat(str(bad))
    code, _, err = run("--write", "--no-cache", str(tmp_path))
    assert code == 3
    assert bad.read_bytes() == data
    assert os.stat(str(bad)).st_mtime_ns == before.st_mtime_ns
    assert good.read_bytes().startswith(PRINT_AFTER)
    message = "%s:%d: " % (bad, line)
    assert message in err
    assert words in err.split(message, 1)[1].splitlines()[0]


def test_unchanged_file_is_not_rewritten(tmp_path):
    path = write_file(tmp_path, "same.py", b"from __future__ import print_function\nprint('a')\n")
    old = time.time() - 3600
    os.utime(str(path), (old, old))
    before = os.stat(str(path))
    assert run("--write", str(path))[0] == 0
    after = os.stat(str(path))
    assert (after.st_mtime_ns, after.st_ino) == (before.st_mtime_ns, before.st_ino)


def test_atomic_write_keeps_the_mode(tmp_path):
    path = write_file(tmp_path, "script.py", b"#!/usr/bin/env python\nprint 'a'\n")
    os.chmod(str(path), 0o751)
    assert run("--write", str(path))[0] == 0
    assert stat.S_IMODE(os.stat(str(path)).st_mode) == 0o751
    assert path.read_bytes() == b"#!/usr/bin/env python\n" + PRINT_AFTER + b"\nprint('a')\n"
    # No temporary file is left behind.
    assert sorted(os.listdir(str(tmp_path))) == ["cache", "script.py"]


def test_atomic_write_follows_a_symlink(tmp_path):
    real = write_file(tmp_path, "real.py", b"old\n")
    link = tmp_path / "link.py"
    os.symlink(str(real), str(link))
    atomic.atomic_write(str(link), b"new\n")
    assert os.path.islink(str(link))
    assert real.read_bytes() == b"new\n"


def test_atomic_write_refuses_a_file_changed_meanwhile(tmp_path):
    path = write_file(tmp_path, "m.py", b"one\n")
    stamp = atomic.snapshot(str(path))
    path.write_bytes(b"changed by an editor\n")
    with pytest.raises(atomic.FileChangedError):
        atomic.atomic_write(str(path), b"two\n", expect=stamp)
    assert path.read_bytes() == b"changed by an editor\n"


def test_atomic_write_failure_leaves_the_original(tmp_path, monkeypatch):
    path = write_file(tmp_path, "m.py", b"original\n")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic.atomic_write(str(path), b"new\n")
    assert path.read_bytes() == b"original\n"
    assert os.listdir(str(tmp_path)) == ["m.py"]


@pytest.mark.parametrize("step", ["open", "fsync", "chmod", "replace"])
def test_an_interruption_just_after_any_step_leaves_no_temporary_file(tmp_path, monkeypatch, step):
    # A signal's exception lands right after the step returns, even inside
    # the call that made the temporary file.
    path = write_file(tmp_path, "m.py", b"original\n")
    real = getattr(os, step)

    def interrupted(*args, **kwargs):
        real(*args, **kwargs)
        raise SystemExit(143)

    monkeypatch.setattr(os, step, interrupted)
    with pytest.raises(SystemExit):
        atomic.atomic_write(str(path), b"new\n")
    monkeypatch.undo()
    assert os.listdir(str(tmp_path)) == ["m.py"]
    expected = b"new\n" if step == "replace" else b"original\n"
    assert path.read_bytes() == expected


def test_a_temporary_name_in_use_is_skipped_and_kept(tmp_path, monkeypatch):
    path = write_file(tmp_path, "m.py", b"original\n")
    taken = tmp_path / ".m.py.00000000.migrate-tmp"
    taken.write_bytes(b"someone else's\n")
    names = iter(["00000000", "11111111"])
    monkeypatch.setattr(
        atomic, "_temp_path", lambda folder, name: os.path.join(folder, ".%s.%s.migrate-tmp" % (name, next(names)))
    )
    atomic.atomic_write(str(path), b"new\n")
    assert path.read_bytes() == b"new\n"
    assert taken.read_bytes() == b"someone else's\n"
    assert sorted(os.listdir(str(tmp_path))) == [".m.py.00000000.migrate-tmp", "m.py"]


def test_encode_refuses_characters_the_encoding_lacks():
    _, info = sourcefile.decode(b"# coding: latin-1\nx = 1\n")
    with pytest.raises(MigrateError) as error:
        sourcefile.encode("# coding: latin-1\nx = '\u20ac'\n", info, "m.py")
    assert error.value.line == 2


def test_cookie_on_second_line_only_after_a_comment():
    assert sourcefile.detect_encoding(b"#!/usr/bin/python\n# vim: set fileencoding=latin-1 :\n").encoding == "iso8859-1"
    assert sourcefile.detect_encoding(b"x = 1\n# coding: latin-1\n").encoding == "utf-8"


def test_second_run_changes_nothing(tmp_path):
    path = write_file(
        tmp_path,
        "m.py",
        b"import os\r\nprint 'a', `1`\r\nif 1 <> 2:\r\n    print >>f, xrange(3)\r\n",
    )
    assert run("--write", str(path))[0] == 0
    first = path.read_bytes()
    assert first != b""
    code, out, _ = run("--check", "--no-cache", str(path))
    assert (code, out) == (0, b"")
    assert path.read_bytes() == first


# Every fixer on every source it is tested with, alone and with all the
# others: a second run must change nothing.
def _fixer_sources():
    import importlib

    sources = []
    for name in sorted(all_fixers()):
        try:
            module = importlib.import_module("test_fix_" + name)
        except ImportError:
            continue
        for number, case in enumerate(getattr(module, "CASES", [])):
            before = case[0] if isinstance(case, tuple) else case.before
            if isinstance(before, bytes):
                before = before.decode("utf-8")
            sources.append(pytest.param(name, before, id="%s-%d" % (name, number)))
    return sources


@pytest.mark.parametrize("name, source", _fixer_sources())
def test_idempotent_for_every_fixer(name, source):
    alone = migrate_source(source, select=[name])
    assert migrate_source(alone.source, select=[name]).source == alone.source
    together = migrate_source(source)
    assert migrate_source(together.source).source == together.source
