"""The command line: ``flaskcompat-migrate [options] PATH...``."""

import argparse
import contextlib
import json
import os
import signal
import sys
import threading
import time

from . import __version__
from .runner import STATUS_CHANGED, STATUS_FAILED, Settings, iter_python_files, project_methods, run

EXIT_OK = 0
EXIT_CHANGES = 1
EXIT_USAGE = 2
EXIT_FAILED = 3
EXIT_INTERNAL = 4
EXIT_VERIFY = 5

EPILOG = """\
exit codes:
  0  success: nothing to change, or the changes were shown (diff) or written
  1  --check: at least one file would change
  2  usage error (bad option, unknown fixer, missing path, Python < 3.9)
  3  at least one file could not be migrated or was refused (unreadable,
     undecodable, NUL bytes, unparsable, read-only or in a read-only
     folder, a symlink leading out of the folder walked, a dangling
     symlink, a fifo or device, or its rewrite was refused by --verify);
     it was left untouched, every other file was processed. 3 wins over 1.
  4  internal error: the tool's own rewrite of a file did not parse or
     compile (every rewrite is checked before it is written), or the tool
     crashed on it; that file was left untouched and the message names the
     fixers involved. Please report it. 4 wins over 3 and 1.
  5  --verify: an interpreter named with --python, or a python2.7/python3.X
     on PATH, does not start; nothing was read or written. Name the
     interpreters to verify with using --python.
  130, 143  interrupted by SIGINT (Ctrl-C) or SIGTERM: every file is as it
     was or completely rewritten; run again to finish.

Without --write or --check the tool prints a unified diff and writes nothing.
Files are read and written as bytes: encoding cookie, BOM, line endings,
tabs and trailing whitespace are kept outside the rewritten spans.
"""


def _version(text):
    parts = text.split(".")
    try:
        version = tuple(int(part) for part in parts)
    except ValueError:
        version = ()
    if len(version) != 2 or version[0] != 3 or version[1] < 0:
        raise argparse.ArgumentTypeError("expected a Python 3 version like 3.6, not %r" % text)
    return version


def _jobs(text):
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError("expected a number of processes (0 = all cores), not %r" % text)
    return value


class Interrupted(BaseException):
    """The run was stopped by SIGINT (Ctrl-C) or SIGTERM."""

    def __init__(self, signum):
        BaseException.__init__(self, signum)
        self.signum = signum
        self.name = signal.Signals(signum).name


def _raise_interrupted(signum, frame):
    raise Interrupted(signum)


@contextlib.contextmanager
def _signals_interrupt():
    """SIGINT and SIGTERM raise :class:`Interrupted` (in the main thread):
    the write in progress is finished or undone, never left half done."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        previous[signum] = signal.signal(signum, _raise_interrupted)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def build_parser():
    """The argument parser (also used to document the options)."""
    parser = argparse.ArgumentParser(
        prog="flaskcompat-migrate",
        description="Rewrite Python 2 code (Flask 0.x apps above all) into code that runs "
        "on Python 2.7 and 3.x (--target 2and3, the default), or into Python 3 only "
        "(--target 3), or off flaskcompat onto Flask 3.1 (--target flask3).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files, or directories to search for *.py files")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("-w", "--write", action="store_true", help="rewrite the files in place")
    mode.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 when any file would change"
    )
    parser.add_argument(
        "--target",
        choices=("2and3", "3", "flask3"),
        default=None,
        help="2and3: code for Python 2.7 and 3.x using six (default); 3: Python 3 only; "
        "flask3: what 3 does, then flaskcompat and Flask/Werkzeug 1.x APIs to Flask 3.1",
    )
    parser.add_argument(
        "--source-python",
        type=int,
        choices=(2, 3),
        default=2,
        metavar="{2,3}",
        help="with --target 3 or flask3, how to read a file that compiles on Python 3 and "
        "shows no syntax of Python 3 alone: as Python 2 (default), or as Python 3 already, "
        "so that only the fixers of names Python 3 lacks (xrange, basestring...), pyupgrade "
        "and the clean-up run (for files the tool migrated before)",
    )
    parser.add_argument(
        "--min-version",
        type=_version,
        default=(3, 6),
        metavar="3.X",
        help="oldest Python 3 the result must support, for --target 3 (default: 3.6)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N",
        help="worker processes (default 0: one per core)",
    )
    parser.add_argument(
        "-f", "--fix", action="append", default=[], metavar="NAME", help="run only this fixer (repeatable)"
    )
    parser.add_argument(
        "-x", "--nofix", action="append", default=[], metavar="NAME", help="skip this fixer (repeatable)"
    )
    parser.add_argument("-l", "--list-fixes", action="store_true", help="list the fixers and exit")
    parser.add_argument(
        "--verify",
        action="store_true",
        help="compile each rewrite with every python2.7/python3.X on PATH and refuse a rewrite "
        "that no longer compiles where the original did",
    )
    parser.add_argument(
        "--python",
        action="append",
        default=[],
        metavar="EXE",
        help="verify with this interpreter (a command or a path; repeatable) instead of "
        "every python2.7/python3.X on PATH; implies --verify",
    )
    parser.add_argument("--report", metavar="FILE.json", help="write a JSON report of the run")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the result cache")
    parser.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="where to keep the result cache (default: $FLASKCOMPAT_MIGRATE_CACHE_DIR or the "
        "user cache folder)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary, only errors")
    parser.add_argument("--version", action="version", version="%(prog)s " + __version__)
    return parser


def list_fixes(out, target=None):
    """Print one line per fixer: name, targets, summary."""
    from .fixes import all_fixers

    fixers = all_fixers()
    if target is not None:
        # exactly the fixers a run with this target uses: --target 3 runs
        # the 2and3 pass too, --target flask3 leaves out the two that point
        # imports at flaskcompat
        from .engine import _select_fixers

        main, cleanup = _select_fixers(target, None, ())
        used = set(cls.name for cls in main + cleanup)
        fixers = dict((name, cls) for name, cls in fixers.items() if name in used)
    width = max([len(name) for name in fixers] or [0])
    for name in sorted(fixers):
        cls = fixers[name]
        targets = sorted(cls.targets)
        label = "3 only" if targets == ["3"] else "2and3, 3" if len(targets) > 1 else ", ".join(targets)
        out.write("%-*s  [%s]  %s\n" % (width, name, label, cls.summary))


class Progress(object):
    """A one-line progress bar on a terminal; silent elsewhere."""

    def __init__(self, stream, total, enabled):
        self.stream = stream
        self.total = total
        self.enabled = enabled and total > 1
        self.done = 0
        self._last = 0.0
        self._start = time.monotonic()

    def __call__(self, result):
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and self.done < self.total:
            return
        self._last = now
        width = 30
        filled = int(width * self.done / self.total)
        self.stream.write(
            "\r[%s%s] %d/%d files %.0fs"
            % ("#" * filled, "." * (width - filled), self.done, self.total, now - self._start)
        )
        self.stream.flush()

    def close(self):
        """Erase the bar."""
        if self.enabled:
            self.enabled = False
            self.stream.write("\r\033[K")
            self.stream.flush()


def summarize(results, settings, elapsed):
    """The closing summary as a list of lines."""
    seen = len(results)
    changed = [r for r in results if r.status == STATUS_CHANGED]
    failed = [r for r in results if r.status == STATUS_FAILED]
    cached = sum(1 for r in results if r.cached)
    verb = {"write": "changed", "check": "would change", "diff": "would change"}[settings.mode]
    lines = [
        "%d file%s seen, %d %s, %d failed (%.1fs%s)"
        % (
            seen,
            "" if seen == 1 else "s",
            len(changed),
            verb,
            len(failed),
            elapsed,
            ", %d from cache" % cached if cached else "",
        )
    ]
    counts = {}
    for result in results:
        for name, count in result.fix_counts.items():
            counts[name] = counts.get(name, 0) + count
    if counts:
        lines.append("rewrites per fixer:")
        for name in sorted(counts, key=lambda n: (-counts[n], n)):
            lines.append("  %-24s %d" % (name, counts[name]))
    reviews = [(r.path, line, fixer, message) for r in results for line, fixer, message in r.reviews]
    if reviews:
        lines.append("needs review (left unchanged; %s):" % REVIEW_LINES[_review_lines(settings)])
        for path, line, fixer, message in reviews:
            lines.append("  %s:%s: [%s] %s" % (path, line if line else 0, fixer, message))
    if failed:
        lines.append("failed (left untouched):")
        for result in failed:
            lines.append("  %s:%d: %s" % (result.path, result.error_line, result.error))
    return lines


#: How the summary says which lines the needs-review items name.
REVIEW_LINES = {
    "written": "line numbers of the files as written",
    "original": "line numbers of the files as read",
}


def _review_lines(settings):
    """``"written"`` after ``--write`` (the lines of each file as the run
    left it on disk), else ``"original"``."""
    return "written" if settings.mode == "write" else "original"


def write_report(path, results, settings, elapsed, interpreters=None):
    """Write the JSON report of the run to *path*."""
    totals = {"files": len(results), "changed": 0, "failed": 0, "unchanged": 0}
    counts = {}
    for result in results:
        totals[result.status] += 1
        for name, count in result.fix_counts.items():
            counts[name] = counts.get(name, 0) + count
    report = {
        "tool": "flaskcompat-migrate",
        "version": __version__,
        "target": settings.target,
        "min_version": ".".join(str(part) for part in settings.min_version),
        "source_python": settings.source_python,
        "mode": settings.mode,
        "seconds": round(elapsed, 3),
        "totals": totals,
        "fix_counts": dict(sorted(counts.items())),
        "verified_with": dict(interpreters or {}),
        "review_lines": _review_lines(settings),
        "needs_review": [
            {"path": r.path, "line": line, "fixer": fixer, "message": message}
            for r in results
            for line, fixer, message in r.reviews
        ],
        "files": [result.to_dict() for result in results],
    }
    with open(path, "w", encoding="utf-8") as stream:
        json.dump(report, stream, indent=2, sort_keys=False)
        stream.write("\n")


def _verifiers(args, stderr):
    """The interpreters ``--verify`` compiles with: ``(interpreters, None)``,
    or ``(None, exit code)`` after saying why the run cannot verify."""
    from . import verify

    broken = []
    if args.python:
        interpreters = verify.named_interpreters(args.python, broken)
    else:
        interpreters = verify.find_interpreters(broken=broken)
    python3_only = args.target != "2and3"
    if python3_only:
        # The result is Python 3 code: a Python 2 proves nothing about it,
        # and a Python 2 shim on PATH that does not start is no loss.
        for version in [v for v in interpreters if verify.version_key(v) < (3,)]:
            if args.python and not args.quiet:
                stderr.write(
                    "flaskcompat-migrate: note: Python %s (%s) is not used with --target %s\n"
                    % (version, interpreters[version], args.target)
                )
            del interpreters[version]
        broken = [item for item in broken if item[0] is None or verify.version_key(item[0]) >= (3,)]
    if broken:
        for version, exe, why in broken:
            stderr.write(
                "flaskcompat-migrate: error: --verify: %s does not start (%s)\n"
                % (exe if version is None else "python%s (%s)" % (version, exe), why)
            )
        stderr.write(
            "flaskcompat-migrate: error: nothing was changed: --verify must compile with every "
            "interpreter %s; name the ones that work with --python\n"
            % ("named with --python" if args.python else "on PATH")
        )
        return None, EXIT_VERIFY
    if not interpreters:
        stderr.write(
            "flaskcompat-migrate: error: --verify found no %s\n"
            % (
                "Python 3 among the interpreters named with --python"
                if args.python and python3_only
                else "usable interpreter among those named with --python"
                if args.python
                else "python3.X on PATH"
                if python3_only
                else "python2.7 or python3.X on PATH"
            )
        )
        return None, EXIT_USAGE
    if not args.quiet:
        stderr.write(
            "verifying with %s\n"
            % ", ".join("Python %s (%s)" % (version, exe) for version, exe in interpreters.items())
        )
    return interpreters, None


def main(argv=None, stdout=None, stderr=None):
    """Run the tool with *argv* (default ``sys.argv[1:]``); return the exit
    code."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE

    if args.list_fixes:
        list_fixes(stdout, args.target)
        return EXIT_OK
    args.target = args.target or "2and3"
    if args.source_python == 3 and args.target == "2and3":
        parser.print_usage(stderr)
        stderr.write(
            "flaskcompat-migrate: error: --source-python 3 goes with --target 3 or flask3: "
            "--target 2and3 is for Python 2 code\n"
        )
        return EXIT_USAGE
    if not args.paths:
        parser.print_usage(stderr)
        stderr.write("flaskcompat-migrate: error: no PATH given\n")
        return EXIT_USAGE

    if args.fix or args.nofix:
        # Only then is the registry needed up front (loading it costs as
        # much as a re-run answered from the cache).
        from .fixes import UnknownFixerError, fixers_for

        try:
            fixers_for(args.target, select=args.fix or None, exclude=args.nofix)
        except UnknownFixerError as exc:
            stderr.write("flaskcompat-migrate: error: %s\n" % exc)
            return EXIT_USAGE

    try:
        refused = {}
        paths = list(iter_python_files(args.paths, refused))
    except OSError as exc:
        stderr.write("flaskcompat-migrate: error: %s: %s\n" % (exc.filename, exc.strerror))
        return EXIT_USAGE

    interpreters = None
    if args.verify or args.python:
        interpreters, code = _verifiers(args, stderr)
        if code is not None:
            return code

    cache_dir = None
    if not args.no_cache:
        from .cache import default_dir

        cache_dir = args.cache_dir or default_dir()

    mode = "write" if args.write else "check" if args.check else "diff"
    settings = Settings(
        target=args.target,
        select=args.fix or None,
        exclude=args.nofix,
        min_version=args.min_version,
        mode=mode,
        verify_interpreters=interpreters,
        cache_dir=cache_dir,
        project_methods=project_methods([path for path in paths if path not in refused]),
        source_python=args.source_python,
    )
    jobs = args.jobs or os.cpu_count() or 1
    tty = hasattr(stderr, "isatty") and stderr.isatty()
    progress = Progress(stderr, len(paths), tty and not args.quiet)
    started = time.monotonic()
    try:
        with _signals_interrupt():
            results = run(paths, settings, jobs=jobs, on_result=progress, refused=refused)
    except Interrupted as exc:
        progress.close()
        stderr.write(
            "flaskcompat-migrate: interrupted (%s); every file is either as it was or completely "
            "rewritten, run again to finish\n" % exc.name
        )
        return 128 + exc.signum
    finally:
        progress.close()
    elapsed = time.monotonic() - started

    if mode == "diff":
        out = getattr(stdout, "buffer", None)
        for result in results:
            if result.diff:
                if out is not None:
                    stdout.flush()
                    out.write(result.diff)
                else:
                    stdout.write(result.diff.decode("utf-8", "replace"))
        if out is not None:
            out.flush()

    failed = any(result.status == STATUS_FAILED for result in results)
    if args.quiet:
        for result in results:
            if result.status == STATUS_FAILED:
                stderr.write("%s:%d: %s\n" % (result.path, result.error_line, result.error))
    else:
        for line in summarize(results, settings, elapsed):
            stderr.write(line + "\n")
    if args.report:
        try:
            write_report(args.report, results, settings, elapsed, interpreters)
        except OSError as exc:
            stderr.write("flaskcompat-migrate: error: cannot write report %s: %s\n" % (args.report, exc.strerror))
            return EXIT_FAILED
    if any(result.internal for result in results):
        return EXIT_INTERNAL
    if failed:
        return EXIT_FAILED
    if mode == "check" and any(result.status == STATUS_CHANGED for result in results):
        return EXIT_CHANGES
    return EXIT_OK
