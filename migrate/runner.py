"""Running the migration over files: discovery, the per-file pipeline
(read -> cache -> decode -> rewrite -> encode -> verify -> write, diff or
check) and the process pool.

A failure in one file (unreadable, undecodable, unparsable, refused by
``--verify``, even a fixer crashing) leaves that file byte-for-byte untouched,
is recorded with ``file:line: reason``, and the run goes on.
"""

import difflib
import gc
import os
import re
import signal
import stat
import threading
import time
import traceback

from . import atomic

# Folders never entered when a directory is walked (besides hidden ones and
# virtual environments, recognised by their pyvenv.cfg): they hold code that
# is not the project's own.
SKIP_DIRS = frozenset(["__pycache__", "node_modules", "site-packages"])

STATUS_UNCHANGED = "unchanged"
STATUS_CHANGED = "changed"
STATUS_FAILED = "failed"


def iter_python_files(paths, refused=None):
    """Expand *paths* (files and directories) into the files to migrate.

    A file named explicitly is taken whatever its extension; directories are
    walked for ``*.py``, in sorted order, skipping hidden folders and
    :data:`SKIP_DIRS` and virtual environments. Each file is listed once. Raises ``OSError`` for a
    path that does not exist.

    A ``*.py`` entry of a walked directory that cannot be migrated safely (a
    symlink leading out of the directory, a dangling symlink, a fifo or
    device, something that cannot be examined) is yielded too when *refused*
    is a dict, which then maps it to the reason; without *refused* such
    entries are left out.
    """
    seen = set()
    for path in paths:
        if os.path.isdir(path):
            root = os.path.realpath(path)
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if not d.startswith(".")
                    and d not in SKIP_DIRS
                    and not os.path.exists(os.path.join(folder, d, "pyvenv.cfg"))
                )
                for name in sorted(files):
                    if name.endswith(".py") and not name.startswith("."):
                        full = os.path.join(folder, name)
                        identity, reason = _examine(full, root)
                        if reason is not None:
                            if refused is not None and full not in refused:
                                refused[full] = reason
                                yield full
                        elif identity not in seen:
                            seen.add(identity)
                            yield full
        elif os.path.exists(path):
            # Named on the command line: taken as it is (a symlink is
            # followed wherever it leads); what is not a regular file is
            # refused when it is read.
            identity = _identity(path)
            if identity is None or identity not in seen:
                if identity is not None:
                    seen.add(identity)
                yield path
        else:
            raise OSError(2, "no such file or directory", path)


#: Dict methods that a fixer rewrites into something else (``d.has_key(k)``
#: into ``k in d``); a project defining one of them itself has objects on
#: which the rewrite may be wrong.
SHADOWABLE = ("has_key",)
_METHOD_DEF = re.compile(br"^[ \t]*def[ \t]+(%s)[ \t]*\(" % "|".join(SHADOWABLE).encode("ascii"), re.M)


def project_methods(paths):
    """The names of :data:`SHADOWABLE` that some file of *paths* defines."""
    found = set()
    for path in paths:
        try:
            data = _read(path)[0]
        except OSError:
            continue
        if any(name.encode("ascii") in data for name in SHADOWABLE):
            # the expression only where one of the names occurs at all
            found.update(match.group(1).decode("ascii") for match in _METHOD_DEF.finditer(data))
    return sorted(found)


def _identity(path):
    # The same file reached twice (a symlink, a folder given twice) is
    # migrated once; None for what is not a regular file.
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return (info.st_dev, info.st_ino)


_KINDS = (
    (stat.S_ISFIFO, "a fifo"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def _kind(mode):
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def _inside(path, root):
    try:
        return os.path.commonpath([root, path]) == root
    except ValueError:
        # Another drive (Windows).
        return False


def _examine(path, root):
    """``(identity, None)`` for a file of the walk under *root* (a real
    path) that may be migrated, ``(None, reason)`` for one that may not."""
    if os.path.islink(path):
        target = os.path.realpath(path)
        if not os.path.exists(target):
            return None, "dangling symlink to %s; nothing to migrate" % os.readlink(path)
        if not _inside(target, root):
            return None, (
                "symlink to %s, outside %s; not followed (name the file itself to migrate it)"
                % (target, root)
            )
    try:
        info = os.stat(path)
    except OSError as exc:
        return None, "cannot read: %s" % (exc.strerror or exc)
    if not stat.S_ISREG(info.st_mode):
        return None, "%s, not a regular file; left alone" % _kind(info.st_mode)
    return (info.st_dev, info.st_ino), None


class Settings(object):
    """Everything a worker needs to process a file."""

    def __init__(
        self,
        target="2and3",
        select=None,
        exclude=(),
        min_version=(3, 6),
        mode="diff",
        verify_interpreters=None,
        cache_dir=None,
        project_methods=(),
        source_python=2,
    ):
        self.target = target
        self.source_python = source_python
        self.select = sorted(select) if select is not None else None
        self.exclude = sorted(exclude)
        self.min_version = tuple(min_version)
        self.mode = mode
        self.verify_interpreters = verify_interpreters
        self.cache_dir = cache_dir
        self.project_methods = sorted(project_methods)

    def output_options(self):
        """The options that shape a file's result (the cache key's part)."""
        return {
            "target": self.target,
            "select": self.select,
            "exclude": self.exclude,
            "min_version": list(self.min_version),
            "verify": sorted(self.verify_interpreters or {}),
            "project_methods": self.project_methods,
            "source_python": self.source_python,
        }


class FileResult(object):
    """What happened to one file. ``status`` is ``"unchanged"``,
    ``"changed"`` (written with ``--write``, or would change) or
    ``"failed"``; a failure has ``error_line`` and ``error``, and
    ``internal`` is true when the tool is at fault, not the file."""

    __slots__ = (
        "internal",
        "path",
        "status",
        "fix_counts",
        "reviews",
        "error_line",
        "error",
        "diff",
        "written",
        "cached",
        "lines",
        "review_lines",
    )

    def __init__(self, path):
        self.path = path
        self.status = STATUS_UNCHANGED
        self.fix_counts = {}
        self.reviews = []
        self.error_line = 0
        self.error = None
        self.internal = False
        self.diff = None
        self.written = False
        self.cached = False
        self.lines = 0
        #: Which file the lines of ``reviews`` count in: "original" (the
        #: file as it was read) or "written" (as ``--write`` left it).
        self.review_lines = "original"

    def fail(self, line, reason, internal=False):
        """Mark the file as failed (*internal*: through a fault of the tool)."""
        self.status = STATUS_FAILED
        self.error_line = line or 0
        self.error = reason
        self.internal = internal
        return self

    def to_dict(self):
        """A JSON-friendly view (for ``--report``)."""
        return {
            "path": self.path,
            "status": self.status,
            "written": self.written,
            "fix_counts": dict(sorted(self.fix_counts.items())),
            "reviews": [{"line": line, "fixer": fixer, "message": message} for line, fixer, message in self.reviews],
            "review_lines": self.review_lines,
            "error": None
            if self.error is None
            else {"line": self.error_line, "reason": self.error, "internal": self.internal},
        }


class Worker(object):
    """Processes files with one set of :class:`Settings`; one per process."""

    def __init__(self, settings):
        self.settings = settings
        self._cache = None
        self._verifier = None
        if settings.cache_dir:
            from .cache import Cache, settings_fingerprint

            self._cache = Cache(settings.cache_dir, settings_fingerprint(settings.output_options()))

    def close(self):
        """Release the compile servers of ``--verify``."""
        if self._verifier is not None:
            self._verifier.close()
            self._verifier = None

    def lookup(self, path):
        """The result for *path* when the cache has it, else None (cheap: no
        parser is loaded)."""
        if self._cache is None:
            return None
        try:
            data, stamp = _read(path)
        except OSError:
            return None
        entry = self._cache.get(self._cache.key(data))
        if entry is None:
            return None
        result = self._from_entry(path, entry)
        result.cached = True
        self._finish(
            result, data, entry.get("new"), stamp, hunks=entry.get("diff_hunks"),
            written_reviews=_stored_reviews(entry.get("written_reviews")),
        )
        return result

    def process(self, path):
        """Run the whole pipeline on *path*; never raises for a bad file."""
        try:
            return self._process(path)
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the run
            last = traceback.extract_tb(exc.__traceback__)[-1]
            return FileResult(path).fail(
                0,
                "internal error: %s: %s (at %s:%d); please report it"
                % (type(exc).__name__, exc, os.path.basename(last.filename), last.lineno),
                internal=True,
            )

    def _process(self, path):
        from . import sourcefile
        from .engine import MigrateError, RewriteError, migrate_source

        try:
            data, stamp = _read(path)
        except NotRegularFileError as exc:
            return FileResult(path).fail(0, str(exc))
        except OSError as exc:
            return FileResult(path).fail(0, "cannot read: %s" % (exc.strerror or exc))
        key = None
        if self._cache is not None:
            key = self._cache.key(data)
            entry = self._cache.get(key)
            if entry is not None:
                result = self._from_entry(path, entry)
                result.cached = True
                return self._finish(
                    result, data, entry.get("new"), stamp, hunks=entry.get("diff_hunks"),
                    written_reviews=_stored_reviews(entry.get("written_reviews")),
                )

        result = FileResult(path)
        new = None
        settings = self.settings
        try:
            text, info = sourcefile.decode(data, path)
            migrated = migrate_source(
                text,
                target=settings.target,
                select=settings.select,
                exclude=settings.exclude,
                filename=path,
                min_version=settings.min_version,
                project_methods=settings.project_methods,
                source_python=settings.source_python,
            )
            result.fix_counts = migrated.fix_counts
            result.reviews = [(review.line, review.fixer, review.message) for review in migrated.reviews]
            if migrated.changed:
                new = sourcefile.encode(migrated.source, info, path)
                if new == data:
                    new = None
        except RewriteError as exc:
            result.fail(exc.line, exc.reason, internal=True)
        except MigrateError as exc:
            result.fail(exc.line, exc.reason)
        if new is not None:
            problems = self._verify(data, new)
            if problems:
                from .verify import describe

                result.fail(problems[0][1], "rewrite refused: " + describe(problems))
                new = None
            else:
                result.status = STATUS_CHANGED
        hunks = None
        if new is not None and self.settings.mode == "diff":
            # The diff is computed here so that the cache can keep its hunks:
            # difflib is most of a re-run's time otherwise.
            hunks = _diff_hunks(path, data, new)
        written_reviews = None
        if new is not None and self.settings.mode == "write" and result.reviews:
            # Kept in the cache too: on a re-run, carrying the lines over
            # (difflib again) would be most of the time.
            written_reviews = _written_lines(result.reviews, data, new)
        if key is not None and not result.internal:
            # A fault of the tool is not remembered: the next run (of a
            # fixed tool) tries again.
            entry = self._to_entry(result, new)
            if hunks is not None:
                entry["diff_hunks"] = hunks
            if written_reviews is not None:
                entry["written_reviews"] = [list(review) for review in written_reviews]
            self._cache.put(key, entry)
        return self._finish(result, data, new, stamp, hunks=hunks, written_reviews=written_reviews)

    def _verify(self, original, new):
        interpreters = self.settings.verify_interpreters
        if not interpreters:
            return []
        if self._verifier is None:
            from .verify import Verifier

            self._verifier = Verifier(interpreters)
        return self._verifier.problems(
            original, new, self.settings.target, self.settings.min_version
        )

    def _finish(self, result, data, new, stamp, hunks=None, written_reviews=None):
        """Write, diff or just report, depending on the mode; *hunks* is the
        diff of *data* and *new* without its header when it is known, and
        *written_reviews* the reviews with the lines of *new*."""
        result.lines = data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)
        if result.status != STATUS_CHANGED or new is None:
            return result
        mode = self.settings.mode
        if mode == "write":
            try:
                atomic.atomic_write(result.path, new, expect=stamp)
            except OSError as exc:
                # Nothing was rewritten: count no rewrites either.
                result.fix_counts = {}
                return result.fail(0, "cannot write: %s" % (exc.strerror or exc))
            result.written = True
            if result.reviews:
                # The user opens the file as written: name its lines.
                if written_reviews is None or len(written_reviews) != len(result.reviews):
                    written_reviews = _written_lines(result.reviews, data, new)
                result.reviews = written_reviews
            result.review_lines = "written"
        elif mode == "diff":
            if hunks is not None:
                result.diff = _diff_header(result.path) + hunks
            else:
                result.diff = unified_diff(result.path, data, new)
        return result

    @staticmethod
    def _to_entry(result, new):
        return {
            "status": result.status,
            "fix_counts": result.fix_counts,
            "reviews": [list(review) for review in result.reviews],
            "error_line": result.error_line,
            "error": result.error,
            "new": new,
        }

    @staticmethod
    def _from_entry(path, entry):
        result = FileResult(path)
        result.status = entry["status"]
        result.fix_counts = dict(entry["fix_counts"])
        result.reviews = [tuple(review) for review in entry["reviews"]]
        result.error_line = entry["error_line"]
        result.error = entry["error"]
        return result


def _written_lines(reviews, data, new):
    """*reviews* with their lines carried from *data* to *new* (bytes)."""
    from .linemap import translate

    return translate(reviews, data.decode("latin-1"), new.decode("latin-1"))


def _stored_reviews(items):
    """The reviews of a cache entry's ``written_reviews``, or None (also
    for an item not shaped like a review)."""
    if not isinstance(items, list):
        return None
    for item in items:
        if not (isinstance(item, list) and len(item) == 3 and isinstance(item[0], int)):
            return None
    return [tuple(item) for item in items]


class NotRegularFileError(OSError):
    """A path that names a fifo, a device, a socket or a folder."""


# Opening a fifo for reading waits for a writer; non-blocking, the open
# returns at once and fstat tells what it is.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _read(path):
    fd = os.open(path, _OPEN_FLAGS)
    with open(fd, "rb") as stream:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFileError("%s, not a regular file; left alone" % _kind(info.st_mode))
        stamp = (info.st_size, info.st_mtime_ns, info.st_ino)
        data = stream.read()
    return data, stamp


def unified_diff(path, old, new):
    """A unified diff (bytes) of two versions of a file, in the file's own
    bytes: a latin-1 file gives a latin-1 patch, CRLF lines keep their CR."""
    old_lines = _byte_lines(old)
    new_lines = _byte_lines(new)
    name = path.replace(os.sep, "/")
    out = []
    # difflib works on str; latin-1 maps every byte to one character and back.
    for line in difflib.unified_diff(
        [line.decode("latin-1") for line in old_lines],
        [line.decode("latin-1") for line in new_lines],
        fromfile="a/" + name.lstrip("/"),
        tofile="b/" + name.lstrip("/"),
        lineterm="\n",
    ):
        data = line.encode("latin-1")
        if not data.endswith(b"\n"):
            # Same marker as diff(1) and git: the line has no line break.
            data += b"\n\\ No newline at end of file\n"
        out.append(data)
    return b"".join(out)


def _diff_header(path):
    """The two header lines :func:`unified_diff` starts with."""
    name = path.replace(os.sep, "/").lstrip("/")
    return ("--- a/%s\n+++ b/%s\n" % (name, name)).encode("latin-1")


def _diff_hunks(path, old, new):
    """:func:`unified_diff` without its header lines (which name the file),
    or None if the diff does not start with them."""
    diff = unified_diff(path, old, new)
    header = _diff_header(path)
    if not diff.startswith(header):
        return None
    return diff[len(header):]


def _byte_lines(data):
    """*data* cut after every LF (a CR alone ends no line here)."""
    parts = data.split(b"\n")
    lines = [part + b"\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def run(paths, settings, jobs=1, on_result=None, refused=None):
    """Process every file in *paths* (already expanded); return the
    :class:`FileResult` list in the order of *paths*.

    Files the cache answers are handled in this process without loading the
    parser; the rest go to *jobs* worker processes (in this process when
    ``jobs`` is 1 or there is a single file). *on_result* is called with each
    result as it arrives (for the progress bar). A path in the dict
    *refused* (see :func:`iter_python_files`) is not opened: its result is
    a failure with the reason given there.
    """
    paths = list(paths)
    worker = Worker(settings)
    results = [None] * len(paths)
    pending = []
    for index, path in enumerate(paths):
        if refused and path in refused:
            results[index] = FileResult(path).fail(0, refused[path])
            if on_result is not None:
                on_result(results[index])
            continue
        cached = worker.lookup(path)
        if cached is not None:
            results[index] = cached
            if on_result is not None:
                on_result(cached)
        else:
            pending.append(index)
    threshold = gc.get_threshold()
    if pending:
        # A parse tree is thousands of objects linked both ways (children
        # and parent), made in a burst: with the default thresholds (a
        # collection every 700 new objects) the cyclic collector ran hundreds
        # of times per file, promoting the live tree into older generations
        # that later collections scanned again; about a fifth of the run
        # time. Collecting less often still frees the finished trees, which
        # only the collector can (their links form cycles).
        gc.set_threshold(100000, 50, 50)
    try:
        if jobs <= 1 or len(pending) <= 1:
            for index in pending:
                results[index] = worker.process(paths[index])
                if on_result is not None:
                    on_result(results[index])
        else:
            _run_pool(paths, pending, settings, jobs, results, on_result)
    finally:
        gc.set_threshold(*threshold)
        worker.close()
    return results


# --------------------------------------------------------------------------
# Parallel runs
#
# The workers are a small pool of our own: each worker process has a pipe of
# its own, over which it receives batches of paths and sends back their
# results. The workers share no queue and no lock, so one stopped at any
# instant (by SIGTERM, or killed outright) can at worst leave its own pipe
# half written, and that pipe is dropped with it. While workers run, SIGINT
# and SIGTERM are only noted in the main process (see _defer_signals): the
# workers are stopped, and then the signal takes effect from a point where
# raising is safe, instead of in the middle of the pipes' bookkeeping.

#: Seconds an interrupted worker gets to finish or undo the write it is in
#: before it is killed outright.
STOP_GRACE = 20.0

#: How often (seconds) the main process looks for a noted signal while it
#: waits for results.
_POLL = 0.1

#: The signals noted while workers run (a worker inherits the list as it
#: was when it was started).
_caught = []


def _note_signal(signum, frame):
    _caught.append(signum)


def _defer_signals():
    """Note SIGINT and SIGTERM instead of acting on them; return the
    handlers replaced (none off the main thread, where handlers cannot be
    set, and none for an ignored signal)."""
    del _caught[:]
    previous = {}
    if threading.current_thread() is not threading.main_thread():
        return previous
    for signum in (signal.SIGINT, signal.SIGTERM):
        handler = signal.getsignal(signum)
        if handler is not None and handler != signal.SIG_IGN:
            previous[signum] = signal.signal(signum, _note_signal)
    return previous


def _restore_signals(previous, deliver):
    """Put the *previous* handlers back; with *deliver*, act on the first
    signal noted meanwhile as they would have."""
    for signum, handler in previous.items():
        signal.signal(signum, handler)
    caught = [signum for signum in _caught if signum in previous]
    del _caught[:]
    if not (deliver and caught):
        return
    signum = caught[0]
    handler = previous[signum]
    if callable(handler):
        handler(signum, None)
    else:
        os.kill(os.getpid(), signum)
    # A handler that returns has still stopped the run: the results are
    # incomplete.
    raise KeyboardInterrupt


#: Set in a worker by SIGTERM.
_stopping = []

#: The main process's ends of the workers' pipes: a worker started by fork
#: closes its copies, so that it sees the end of its input when the main
#: process closes the pipe or dies.
_main_ends = []


def _stop_worker(signum, frame):
    # SystemExit unwinds the worker like any exception: a temporary file
    # being written is removed (see atomic.atomic_write), then the process
    # ends quietly. A second signal must not cut that clean-up short.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    # The exception is lost when the handler happens to run in a finalizer
    # (a generator closed as it is freed, say): the flag ends the worker at
    # the next file then.
    _stopping.append(signum)
    raise SystemExit(128 + signum)


def _worker_main(connection, settings):
    """A worker process: migrate each batch of ``(slot, path)`` received,
    send back the ``(slot, result)`` list; stop at None or end of input."""
    # Ctrl-C reaches every process of the terminal's group: the main process
    # alone answers it, and stops the workers with SIGTERM.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop_worker)
    if _caught:
        # Signalled before the line above: the main process was stopping.
        raise SystemExit(128 + signal.SIGTERM)
    for end in _main_ends:
        end.close()
    worker = Worker(settings)
    try:
        while not _stopping:
            try:
                batch = connection.recv()
            except EOFError:
                break
            if batch is None:
                break
            answer = []
            for slot, path in batch:
                if _stopping:
                    break
                answer.append((slot, worker.process(path)))
            else:
                connection.send(answer)
    finally:
        worker.close()
    if _stopping:
        raise SystemExit(128 + _stopping[0])


class _Member(object):
    """A worker process, its end of the pipe and the batches it holds."""

    def __init__(self, context, settings):
        self.connection, child_end = context.Pipe()
        _main_ends.append(self.connection)
        self.process = context.Process(target=_worker_main, args=(child_end, settings))
        self.process.daemon = True
        self.process.start()
        child_end.close()
        self.batches = []

    def close(self):
        if self.connection in _main_ends:
            _main_ends.remove(self.connection)
        self.connection.close()

    def give(self, batches):
        if batches:
            batch = batches.pop()
            self.batches.append(batch)
            try:
                self.connection.send(batch)
            except OSError:
                # The worker has ended: the main loop finds its pipe closed.
                pass


def _run_pool(paths, pending, settings, jobs, results, on_result):
    import multiprocessing
    from multiprocessing.connection import wait

    # Loaded before the fork so that every worker inherits the parser tables
    # and the compiled fixer patterns.
    from . import engine

    engine.prepare(settings.target, settings.select, settings.exclude)

    # fork is the cheapest start on POSIX (the parser tables are inherited);
    # elsewhere the platform default is used.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    jobs = min(jobs, len(pending))
    # Largest files first, in small batches: the workers then finish at about
    # the same time instead of one of them ending the run with a big file.
    pending = sorted(pending, key=lambda index: -_size(paths[index]))
    size = max(1, min(8, len(pending) // (jobs * 16)))
    batches = [
        [(index, paths[index]) for index in pending[start:start + size]]
        for start in range(0, len(pending), size)
    ]
    batches.reverse()  # handed out from the end
    members = []
    finished = deliver = False
    previous = _defer_signals()
    # The parser tables and compiled patterns live as long as the workers:
    # keep them out of every collection the workers make (Python 3.7+).
    freeze = getattr(gc, "freeze", None)
    try:
        if freeze is not None:
            freeze()
        for _ in range(jobs):
            if _caught:
                break
            members.append(_Member(context, settings))
        for member in members:
            # Two batches each: the next one is there when one is done.
            member.give(batches)
            member.give(batches)
        while not _caught:
            busy = dict((member.connection, member) for member in members if member.batches)
            if not busy:
                break
            for connection in wait(list(busy), _POLL):
                member = busy[connection]
                try:
                    answer = connection.recv()
                except Exception:  # noqa: BLE001 - ended, or died half-way through a send
                    members.remove(member)
                    _lost(member, batches, results, on_result)
                    if batches:
                        members.append(_Member(context, settings))
                        members[-1].give(batches)
                        members[-1].give(batches)
                    continue
                member.batches.pop(0)
                for index, result in answer:
                    results[index] = result
                    if on_result is not None:
                        on_result(result)
                member.give(batches)
        finished = not _caught
        # (An exception on its way out is not replaced by the signal.)
        deliver = True
    finally:
        _stop(members, finished)
        if freeze is not None:
            gc.unfreeze()
        _restore_signals(previous, deliver)


def _lost(member, batches, results, on_result):
    """The worker of *member* ended before it answered: the files of the
    batch it was in failed (each is either as it was or completely
    rewritten); the batches it had not started go back to *batches*."""
    member.process.kill()
    member.process.join()
    member.close()
    code = member.process.exitcode
    how = "killed by signal %d" % -code if code < 0 else "exit code %d" % code
    if member.batches:
        for index, path in member.batches[0]:
            results[index] = FileResult(path).fail(
                0,
                "internal error: the worker process ended (%s) before it reported on this file, "
                "which is either as it was or completely rewritten; please report it" % how,
                internal=True,
            )
            if on_result is not None:
                on_result(results[index])
        batches.extend(reversed(member.batches[1:]))
    member.batches = []


def _stop(members, finished):
    """End the workers: a finished run lets them close down; otherwise each
    gets SIGTERM (it finishes or undoes the write it is in) and, after
    :data:`STOP_GRACE` seconds, SIGKILL."""
    from multiprocessing.connection import wait

    for member in members:
        if finished:
            try:
                member.connection.send(None)
            except OSError:
                pass
        else:
            member.process.terminate()
            # A worker waiting for its next batch sees the end of input.
            member.close()
    if not finished:
        deadline = time.monotonic() + STOP_GRACE
        alive = [member.process for member in members]
        while alive and time.monotonic() < deadline:
            wait([process.sentinel for process in alive], max(0.0, deadline - time.monotonic()))
            alive = [process for process in alive if process.exitcode is None]
        for process in alive:
            process.kill()
    for member in members:
        member.process.join()
        member.close()


def _size(path):
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
