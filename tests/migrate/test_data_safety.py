# migrate-tests: tool-only
"""The tool never loses data: a run killed while it writes leaves every file
whole (old or new), files it cannot handle are refused untouched with a
one-line reason and exit 3, and everything it did not need to change keeps
its bytes (encoding, BOM, line endings, mode bits)."""
import base64
import os
import random
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migrate import sourcefile
from migrate.cli import EXIT_FAILED
from migrate.engine import parse_source
from test_safety import cache_dir, run  # noqa: F401 - cache_dir is an autouse fixture

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FUTURE = b"from __future__ import print_function"
TEMP_NAME = re.compile(r"^\.(?P<name>.+\.py)\.[^.]+\.migrate-tmp$")


def read(path):
    with open(str(path), "rb") as stream:
        return stream.read()


def state(path):
    """Everything about a file the tool must keep when it does not write it."""
    info = os.lstat(str(path))
    return (
        read(path) if stat.S_ISREG(info.st_mode) else None,
        stat.S_IMODE(info.st_mode),
        info.st_ino,
        info.st_mtime_ns,
    )


def one_line_error(err, path, line, words):
    """*err* (the output of ``-q``) is exactly one line naming *path*."""
    lines = err.splitlines()
    assert len(lines) == 1, err
    prefix = "%s:%d: " % (path, line)
    assert lines[0].startswith(prefix), err
    assert words in lines[0][len(prefix):], err


# --------------------------------------------------------------------------
# Killed while writing


def test_a_failing_rename_leaves_the_original_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "m.py"
    path.write_bytes(b"print 'a'\r\n")
    os.chmod(str(path), 0o640)
    before = state(path)

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    code, _, err = run("--write", "-q", "--no-cache", str(path))
    assert code == EXIT_FAILED
    one_line_error(err, path, 0, "cannot write: No space left on device")
    assert state(path) == before
    assert sorted(os.listdir(str(tmp_path))) == ["m.py"]


KILL_AT_RENAME = """
import os, signal, sys
sys.path.insert(0, %r)
def killed(src, dst):
    os.kill(os.getpid(), signal.SIGKILL)
os.replace = killed
from migrate.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_sigkill_between_the_temporary_file_and_the_rename(tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    original = b"# coding: latin-1\r\nname = 'caf\xe9'\r\nprint name\r\n"
    path = tree / "m.py"
    path.write_bytes(original)
    os.chmod(str(path), 0o754)
    before = state(path)
    process = subprocess.run(
        [sys.executable, "-c", KILL_AT_RENAME % REPO, "--write", "-j", "1", "--no-cache", str(tree)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=120,
    )
    assert process.returncode == -signal.SIGKILL
    assert state(path) == before
    # The only trace: the finished new content under a hidden, clearly
    # named temporary file next to it.
    leftovers = sorted(set(os.listdir(str(tree))) - {"m.py"})
    assert len(leftovers) == 1
    assert TEMP_NAME.match(leftovers[0]).group("name") == "m.py"
    assert (tree / leftovers[0]).read_bytes() == (
        b"# coding: latin-1\r\n" + FUTURE + b"\r\nname = 'caf\xe9'\r\nprint(name)\r\n"
    )
    # The next run ignores the leftover and finishes the job.
    code, _, err = run("--write", "--no-cache", str(tree))
    assert code == 0, err
    assert "1 file seen, 1 changed" in err
    assert path.read_bytes() == (tree / leftovers[0]).read_bytes()
    assert stat.S_IMODE(os.stat(str(path)).st_mode) == 0o754


LEGACY_BLOCKS = [
    b"def f%d(d):\n    for k, v in d.iteritems():\n        print k, v\n",
    b"class C%d:\n    def __nonzero__(self):\n        return 1 <> 2\n",
    b"def g%d(x):\n    try:\n        return unicode(x)\n    except ValueError, e:\n        raise TypeError, e\n",
    b"x%d = `1` + str(xrange(3))\r\n",
    b"y%d = {'a': 1}.has_key('a')\n",
]


def make_tree(root, files, seed):
    rng = random.Random(seed)
    for number in range(files):
        folder = root / ("pkg%d" % (number % 7))
        folder.mkdir(parents=True, exist_ok=True)
        parts = [b"# -*- coding: utf-8 -*-\n", b"import os\n"]
        for index in range(rng.randint(5, 40)):
            parts.append(rng.choice(LEGACY_BLOCKS) % index)
        (folder / ("mod%03d.py" % number)).write_bytes(b"".join(parts))


def snapshot_tree(root):
    files = {}
    for folder, _, names in os.walk(str(root)):
        for name in names:
            full = os.path.join(folder, name)
            files[os.path.relpath(full, str(root))] = read(full)
    return files


def test_sigkill_of_a_run_over_a_big_tree(tmp_path):
    source = tmp_path / "source"
    make_tree(source, 400, seed=14)
    originals = snapshot_tree(source)
    # What a complete run writes.
    finished = tmp_path / "finished"
    shutil.copytree(str(source), str(finished))
    assert run("--write", "--no-cache", "-j", "1", str(finished))[0] == 0
    expected = snapshot_tree(finished)
    assert all(expected[name] != originals[name] for name in originals)

    victim = tmp_path / "victim"
    shutil.copytree(str(source), str(victim))
    process = subprocess.Popen(
        [sys.executable, "-m", "migrate", "--write", "--no-cache", "-j", "2", str(victim)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        # Wait (bounded) until the run has written its first files.
        for _ in range(1200):
            written = [name for name in originals if (victim / name).read_bytes() != originals[name]]
            if len(written) >= 3:
                break
            time.sleep(0.05)
        os.killpg(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    after = snapshot_tree(victim)
    old = [name for name in originals if after[name] == originals[name]]
    new = [name for name in originals if after[name] == expected[name]]
    # Every file is whole: its old content or its new one, never a mix.
    assert sorted(old + new) == sorted(originals)
    assert len(new) >= 3
    assert old, "the run finished before it was killed: make the tree bigger"
    # Anything else is a clearly named temporary file, never a .py to migrate.
    for name in set(after) - set(originals):
        match = TEMP_NAME.match(os.path.basename(name))
        assert match, name
    # A second run completes the migration.
    code, _, err = run("--write", "--no-cache", "-j", "1", str(victim))
    assert code == 0, err
    after = snapshot_tree(victim)
    assert {name: after[name] for name in originals} == expected


# --------------------------------------------------------------------------
# Byte-exact for what the tool did not need to change

LONG = b"x = [" + b", ".join(b"%d" % n for n in range(60000)) + b"]"

KEPT = [
    (
        "cp1252-cookie",
        b"# -*- coding: cp1252 -*-\nquote = '\x93caf\xe9\x94 \x80'\nprint quote\n",
        b"# -*- coding: cp1252 -*-\n" + FUTURE + b"\nquote = '\x93caf\xe9\x94 \x80'\nprint(quote)\n",
    ),
    (
        "latin1-cookie-crlf",
        b"#!/usr/bin/env python\r\n# vim: set fileencoding=latin-1 :\r\ns = '\xe9\xfc\xff'\r\nprint s\r\n",
        b"#!/usr/bin/env python\r\n# vim: set fileencoding=latin-1 :\r\n"
        + FUTURE
        + b"\r\ns = '\xe9\xfc\xff'\r\nprint(s)\r\n",
    ),
    (
        "utf8-bom-crlf",
        b"\xef\xbb\xbfs = '\xe2\x82\xac'\r\nprint s\r\n",
        b"\xef\xbb\xbf" + FUTURE + b"\r\ns = '\xe2\x82\xac'\r\nprint(s)\r\n",
    ),
    ("crlf", b"import os\r\nprint 'a'\r\nx = 1\r\n", FUTURE + b"\r\nimport os\r\nprint('a')\r\nx = 1\r\n"),
    (
        "mixed-endings",
        b"a = 1\r\nprint 'a'\nb = 2\rprint 'b'\r\nc = 3\n",
        FUTURE + b"\r\na = 1\r\nprint('a')\nb = 2\rprint('b')\r\nc = 3\n",
    ),
    (
        "endings-below-an-added-import",
        b"# coding: cp1252\nprint 'a'\nprint 'b'\r\nprint 'c'\r",
        b"# coding: cp1252\n" + FUTURE + b"\nprint('a')\nprint('b')\r\nprint('c')\r",
    ),
    ("cr-only", b"a = 1\rprint a\rb = 2\r", FUTURE + b"\ra = 1\rprint(a)\rb = 2\r"),
    (
        "tabs-and-blanks",
        b"def f():\n\tx = 1 \t\n\tprint x\t\n\n\treturn x\n",
        FUTURE + b"\ndef f():\n\tx = 1 \t\n\tprint(x)\t\n\n\treturn x\n",
    ),
    ("no-final-newline", b"a = 1\nprint a", FUTURE + b"\na = 1\nprint(a)"),
    ("form-feed", b"a = 1\n\x0c\nprint a\n", FUTURE + b"\na = 1\n\x0c\nprint(a)\n"),
    ("huge-line", LONG + b"\r\nprint x[0]\r\n", FUTURE + b"\r\n" + LONG + b"\r\nprint(x[0])\r\n"),
]


@pytest.mark.parametrize("before, after", [case[1:] for case in KEPT], ids=[case[0] for case in KEPT])
def test_write_changes_only_the_rewritten_lines(tmp_path, before, after):
    path = tmp_path / "m.py"
    path.write_bytes(before)
    os.chmod(str(path), 0o754)
    code, _, err = run("--write", "--fix", "print", "--no-cache", str(path))
    assert code == 0, err
    assert path.read_bytes() == after
    assert stat.S_IMODE(os.stat(str(path)).st_mode) == 0o754
    assert sorted(os.listdir(str(tmp_path))) == ["m.py"]


UNTOUCHED = [
    ("empty", b""),
    ("only-a-bom", b"\xef\xbb\xbf"),
    ("blank-lines-crlf", b"\r\n\r\n"),
    ("already-migrated-latin1", b"# coding: latin-1\r\nfrom __future__ import print_function\r\nprint('\xe9')"),
    ("comment-cr-only", b"# nothing to do\r# at all\r"),
]


@pytest.mark.parametrize("data", [case[1] for case in UNTOUCHED], ids=[case[0] for case in UNTOUCHED])
def test_nothing_to_change_means_not_touched(tmp_path, data):
    path = tmp_path / "m.py"
    path.write_bytes(data)
    old = time.time() - 3600
    os.utime(str(path), (old, old))
    before = state(path)
    code, _, err = run("--write", "--no-cache", str(path))
    assert code == 0, err
    assert state(path) == before


# --------------------------------------------------------------------------
# Refused, untouched, one clear line, exit 3

BINARY = bytes(random.Random(14).getrandbits(8) for _ in range(4096))

REFUSED = [
    ("binary", b"\x7fELF\x02\x01\x01\x00" + BINARY, 1, "contains a NUL byte"),
    ("binary-without-nul", bytes(range(128, 256)) * 4, 1, "cannot decode as utf-8 (byte 0x80)"),
    ("nul-in-source", b"x = 1\nprint 'a\x00b'\n", 2, "contains a NUL byte"),
    ("latin1-without-cookie", b"x = 1\r\nprint 'caf\xe9'\r\n", 2, "cannot decode as utf-8 (byte 0xe9)"),
    ("cp1252-without-cookie", b"print '\x93quoted\x94'\n", 1, "add a coding cookie"),
    ("cookie-lies", b"# coding: utf-8\nprint '\xe9'\n", 2, "cannot decode as utf-8"),
    ("unknown-codec", b"# coding: martian\nprint 1\n", 1, "unknown encoding in coding cookie: martian"),
    ("bom-and-latin1-cookie", b"\xef\xbb\xbf# coding: latin-1\nprint 1\n", 1, "UTF-8 BOM"),
    ("utf16", "print 'a'\n".encode("utf-16"), 1, "contains a NUL byte"),
]


@pytest.mark.parametrize(
    "data, line, words", [case[1:] for case in REFUSED], ids=[case[0] for case in REFUSED]
)
def test_refused_file_is_untouched_with_one_clear_line(tmp_path, data, line, words):
    path = tmp_path / "m.py"
    path.write_bytes(data)
    os.chmod(str(path), 0o600)
    before = state(path)
    code, out, err = run("--write", "-q", "--no-cache", str(path))
    assert code == EXIT_FAILED
    one_line_error(err, path, line, words)
    assert out == b""
    assert state(path) == before
    assert sorted(os.listdir(str(tmp_path))) == ["m.py"]


def test_read_only_file_is_refused_untouched(tmp_path):
    path = tmp_path / "m.py"
    path.write_bytes(b"print 'a'\n")
    os.chmod(str(path), 0o444)
    before = state(path)
    code, _, err = run("--write", "-q", "--no-cache", str(path))
    assert code == EXIT_FAILED
    one_line_error(err, path, 0, "cannot write: the file is read-only (mode 0444)")
    assert state(path) == before
    assert sorted(os.listdir(str(tmp_path))) == ["m.py"]
    # Only writing needs write permission: --check still answers.
    assert run("--check", "--no-cache", str(path))[0] == 1


def test_file_in_a_read_only_folder_is_refused_untouched(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "m.py"
    path.write_bytes(b"print 'a'\n")
    other = tmp_path / "free.py"
    other.write_bytes(b"print 'b'\n")
    os.chmod(str(folder), 0o555)
    try:
        before = state(path)
        code, _, err = run("--write", "-q", "--no-cache", "-j", "1", str(tmp_path))
        assert code == EXIT_FAILED
        one_line_error(err, path, 0, "cannot write: its folder is read-only (mode 0555)")
        assert state(path) == before
        assert os.listdir(str(folder)) == ["m.py"]
        # The run went on with the other files.
        assert other.read_bytes() == FUTURE + b"\nprint('b')\n"
    finally:
        os.chmod(str(folder), 0o755)


# --------------------------------------------------------------------------
# Symlinks, fifos, devices


def test_symlink_inside_the_tree_is_migrated_once_and_stays_a_link(tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    real = tree / "real.py"
    real.write_bytes(b"print 'a'\n")
    os.symlink("real.py", str(tree / "alias.py"))
    code, _, err = run("--write", "--no-cache", "-j", "1", str(tree))
    assert code == 0, err
    assert "1 file seen, 1 changed" in err
    assert os.readlink(str(tree / "alias.py")) == "real.py"
    assert real.read_bytes() == FUTURE + b"\nprint('a')\n"


def test_symlink_out_of_the_tree_is_not_followed(tmp_path):
    outside = tmp_path / "elsewhere.py"
    outside.write_bytes(b"print 'not yours'\n")
    tree = tmp_path / "tree"
    tree.mkdir()
    link = tree / "link.py"
    os.symlink(str(outside), str(link))
    (tree / "own.py").write_bytes(b"print 'a'\n")
    before = state(outside)
    code, _, err = run("--write", "-q", "--no-cache", "-j", "1", str(tree))
    assert code == EXIT_FAILED
    one_line_error(
        err,
        link,
        0,
        "symlink to %s, outside %s; not followed" % (os.path.realpath(str(outside)), os.path.realpath(str(tree))),
    )
    assert state(outside) == before
    assert os.readlink(str(link)) == str(outside)
    assert (tree / "own.py").read_bytes() == FUTURE + b"\nprint('a')\n"
    # Named on the command line, the link is followed: the user asked for it.
    assert run("--write", "--no-cache", str(link))[0] == 0
    assert outside.read_bytes() == FUTURE + b"\nprint('not yours')\n"
    assert os.path.islink(str(link))


def test_dangling_symlink_is_reported(tmp_path):
    link = tmp_path / "gone.py"
    os.symlink("missing.py", str(link))
    code, _, err = run("--write", "-q", "--no-cache", str(tmp_path))
    assert code == EXIT_FAILED
    one_line_error(err, link, 0, "dangling symlink to missing.py")
    assert os.readlink(str(link)) == "missing.py"
    assert sorted(os.listdir(str(tmp_path))) == ["gone.py"]


def test_symlink_loop_is_reported(tmp_path):
    os.symlink("b.py", str(tmp_path / "a.py"))
    os.symlink("a.py", str(tmp_path / "b.py"))
    code, _, err = run("--write", "-q", "--no-cache", str(tmp_path))
    assert code == EXIT_FAILED
    assert len(err.splitlines()) == 2
    assert sorted(os.listdir(str(tmp_path))) == ["a.py", "b.py"]


def run_subprocess(*argv):
    # Bounded: a tool that blocked on a fifo would fail here, not hang.
    process = subprocess.run(
        [sys.executable, "-m", "migrate"] + list(argv),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=120,
    )
    return process.returncode, process.stderr.decode("utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="the platform has no fifos")
def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.py"
    os.mkfifo(str(fifo))
    (tmp_path / "own.py").write_bytes(b"print 'a'\n")
    for argv in ([str(tmp_path)], [str(fifo)]):
        code, err = run_subprocess("--write", "-q", "--no-cache", *argv)
        assert code == EXIT_FAILED
        one_line_error(err, fifo, 0, "a fifo, not a regular file")
    assert stat.S_ISFIFO(os.lstat(str(fifo)).st_mode)
    assert (tmp_path / "own.py").read_bytes() == FUTURE + b"\nprint('a')\n"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="the platform has no /dev/zero")
def test_device_named_on_the_command_line_is_refused():
    code, err = run_subprocess("--check", "-q", "--no-cache", "/dev/zero")
    assert code == EXIT_FAILED
    one_line_error(err, "/dev/zero", 0, "a character device, not a regular file")


# --------------------------------------------------------------------------
# Properties

FRAGMENTS = [
    b"print 'a'",
    b"print x",
    b"x = 1",
    b"# coding: latin-1",
    b"# coding: cp1252",
    b"\xef\xbb\xbf",
    b"\xe9",
    b"\x80",
    b"\xc3\xa9",
    b"\x00",
    b"\t",
    b" ",
    b"(",
    b")",
    b"'",
    b"\x0c",
    b"\r",
    b"\n",
    b"\r\n",
    b"def f():",
    b"    ",
]


# Bounded and derandomized: the default suite stays fast and repeatable.
PROPERTY = settings(
    max_examples=60,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _byte_lines(data):
    return re.findall(b"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", data)


def _migrate_bytes(data):
    """Run ``--write --fix print`` on *data*; return (exit code, new bytes,
    whether the file kept its inode and mtime)."""
    folder = tempfile.mkdtemp()
    try:
        path = os.path.join(folder, "m.py")
        with open(path, "wb") as stream:
            stream.write(data)
        old = time.time() - 3600
        os.utime(path, (old, old))
        before = os.stat(path)
        code, _, _ = run("--write", "-q", "--no-cache", "--fix", "print", path)
        after = os.stat(path)
        with open(path, "rb") as stream:
            new = stream.read()
        assert os.listdir(folder) == ["m.py"]
        return code, new, (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    finally:
        shutil.rmtree(folder)


def _check_outcome(data, code, new, kept):
    if new == data:
        # Not rewritten: then not written at all, whether the file was
        # refused or had nothing to change.
        assert kept
    else:
        assert code == 0
        text, _ = sourcefile.decode(new, "m.py")
        parse_source(text.replace("\r\n", "\n").replace("\r", "\n") + "\n", "m.py")
        # Only print statements were rewritten and one import added: every
        # other line keeps its bytes and its ending.
        old_lines = [line for line in _byte_lines(data) if b"print" not in line]
        new_lines = [line for line in _byte_lines(new) if b"print" not in line]
        assert new_lines == old_lines


@PROPERTY
@given(st.one_of(st.binary(max_size=300), st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(b"".join)))
def test_random_bytes_are_kept_or_rewritten_cleanly(data):
    code, new, kept = _migrate_bytes(data)
    _check_outcome(data, code, new, kept)


ENCODINGS = {
    "utf-8": (b"", "\u00e9\u20ac\u2603"),
    "utf-8-bom": (b"\xef\xbb\xbf", "\u00e9\u20ac\u2603"),
    "latin-1": (b"# -*- coding: latin-1 -*-", "\u00e9\u00fc\u00ff"),
    "cp1252": (b"# coding: cp1252", "\u00e9\u20ac\u201c"),
}
CODECS = {"utf-8": "utf-8", "utf-8-bom": "utf-8", "latin-1": "latin-1", "cp1252": "cp1252"}
STATEMENTS = [
    ("x = 1", None),
    ("y = '{text}'", None),
    ("# {text} comment", None),
    ("", None),
    ("z = x  \t", None),
    ("\x0c", None),
    ("w = 2\t# {text}", None),
    ("print 'a{text}'", "print('a{text}')"),
    ("print x", "print(x)"),
    ("print", "print()"),
    ("print x, y", "print(x, y)"),
]
ENDINGS = [b"\n", b"\r\n", b"\r"]


@PROPERTY
@given(
    st.sampled_from(sorted(ENCODINGS)),
    st.lists(
        st.tuples(st.sampled_from(range(len(STATEMENTS))), st.sampled_from(ENDINGS), st.integers(0, 2)),
        min_size=1,
        max_size=25,
    ),
    st.booleans(),
)
def test_mixed_encodings_and_endings_keep_every_untouched_line(encoding, rows, final_newline):
    head, alphabet = ENCODINGS[encoding]
    codec = CODECS[encoding]
    before_lines = []
    after_lines = []
    if head.startswith(b"#"):
        before_lines.append(head + b"\n")
        after_lines.append(head + b"\n")
    for index, (statement, ending, letter) in enumerate(rows):
        old, new = STATEMENTS[statement]
        text = alphabet[letter]
        line_end = ending if final_newline or index < len(rows) - 1 else b""
        before_lines.append(old.format(text=text).encode(codec) + line_end)
        after_lines.append((new or old).format(text=text).encode(codec) + line_end)
    bom = head if head.startswith(b"\xef") else b""
    data = bom + b"".join(before_lines)
    code, new, kept = _migrate_bytes(data)
    assert code == 0
    if any(STATEMENTS[statement][1] for statement, _, _ in rows):
        assert new.startswith(bom)
        lines = _byte_lines(new[len(bom):])
        future = [line for line in lines if line.startswith(FUTURE)]
        assert len(future) == 1
        lines.remove(future[0])
        # (Cut the same way: a CR ending before an empty LF line is a CRLF.)
        assert lines == _byte_lines(b"".join(after_lines))
        text, _ = sourcefile.decode(new, "m.py")
        compile(text, "m.py", "exec")
    else:
        assert (new, kept) == (data, True)


# --------------------------------------------------------------------------
# Interrupted runs and a damaged cache


def test_sigterm_stops_the_run_cleanly(tmp_path):
    tree = tmp_path / "tree"
    make_tree(tree, 400, seed=15)
    originals = snapshot_tree(tree)
    process = subprocess.Popen(
        [sys.executable, "-m", "migrate", "--write", "--no-cache", "-j", "2", str(tree)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        # its own process group, so that a run that does not stop can be
        # ended with its workers
        start_new_session=True,
    )
    try:
        for _ in range(1200):
            if sum(1 for name in originals if read(tree / name) != originals[name]) >= 3:
                break
            time.sleep(0.05)
        process.send_signal(signal.SIGTERM)
        try:
            _, err = process.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            pytest.fail("the run did not stop within 120 s of SIGTERM")
    finally:
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except OSError:
                pass
            process.wait()
        process.stderr.close()
    assert process.returncode == 128 + signal.SIGTERM
    assert err.decode("utf-8").splitlines()[-1] == (
        "flaskcompat-migrate: interrupted (SIGTERM); every file is either as it was or "
        "completely rewritten, run again to finish"
    )
    after = snapshot_tree(tree)
    # No temporary file: the workers undid the writes they were in.
    assert sorted(after) == sorted(originals)
    unchanged = [name for name in originals if after[name] == originals[name]]
    assert unchanged, "the run finished before it was stopped: make the tree bigger"
    for name in originals:
        if after[name] != originals[name]:
            assert after[name].startswith(b"# -*- coding: utf-8 -*-\n" + FUTURE)


def test_a_damaged_cache_entry_is_never_written_into_a_file(tmp_path, cache_dir):
    path = tmp_path / "m.py"
    path.write_bytes(b"print 'a'\n")
    # --check fills the cache with the rewrite, then the cache is damaged.
    assert run("--check", str(path))[0] == 1
    entries = [
        os.path.join(folder, name) for folder, _, names in os.walk(str(cache_dir)) for name in names
    ]
    assert entries
    for entry in entries:
        text = read(entry).decode("utf-8")
        new = base64.b64encode(FUTURE + b"\nprint('a')\n").decode("ascii")
        assert new in text
        damaged = text.replace(new, base64.b64encode(b"lost\n").decode("ascii"))
        with open(entry, "wb") as stream:
            stream.write(damaged.encode("utf-8"))
    assert run("--write", str(path))[0] == 0
    assert path.read_bytes() == FUTURE + b"\nprint('a')\n"
