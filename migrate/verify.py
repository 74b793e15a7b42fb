"""``--verify``: compile sources with every Python interpreter on PATH (or
the ones named with ``--python``).

Each interpreter runs one small compile server for the whole run (spawning an
interpreter per file would cost more than the migration itself). The server
script below is written to run unchanged on Python 2.7 and every 3.x.
"""

import os
import re
import shutil
import subprocess
import sys
import threading

_SERVER = r"""
import sys
stdin = getattr(sys.stdin, "buffer", sys.stdin)
stdout = getattr(sys.stdout, "buffer", sys.stdout)
while True:
    header = stdin.readline()
    if not header:
        break
    source = stdin.read(int(header))
    try:
        compile(source, "<migrate>", "exec", 0, True)
        reply = "ok"
    except SyntaxError as exc:
        reply = "error\t%s\t%s" % (exc.lineno or 0, exc.msg)
    except (ValueError, TypeError) as exc:
        reply = "error\t0\t%s" % (exc,)
    stdout.write(reply.replace("\n", " ").encode("utf-8") + b"\n")
    stdout.flush()
"""

_NAME_RE = re.compile(r"^python(2\.7|3\.\d+)$")


_VERSION_RE = re.compile(r"^\d+\.\d+$")
_ASK_VERSION = "import sys; print('%d.%d' % sys.version_info[:2])"


def probe(exe):
    """``(version, None)`` when *exe* starts and says which Python it is
    (``"3.12"``), else ``(None, why)``: a version manager's shim may exist
    for a version it cannot run here, and says so on its output."""
    try:
        process = subprocess.run(
            [exe, "-c", _ASK_VERSION],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    except subprocess.TimeoutExpired:
        return None, "gave no answer within 60 seconds"
    except (OSError, subprocess.SubprocessError) as exc:
        return None, "cannot be started: %s" % (getattr(exc, "strerror", None) or exc)
    answer = process.stdout.decode("ascii", "replace").strip()
    if process.returncode == 0 and _VERSION_RE.match(answer):
        return answer, None
    said = [
        line.strip()
        for line in (process.stderr + b"\n" + process.stdout).decode("utf-8", "replace").splitlines()
        if line.strip()
    ]
    why = "exit status %d" % process.returncode
    if said:
        why += ": " + said[0]
    return None, why


def find_interpreters(path=None, broken=None):
    """``{"2.7": exe, "3.12": exe, ...}`` for every ``python2.7`` and
    ``python3.X`` on *path* (default: ``PATH``) that actually starts.

    When *broken* is a list, each one that is on the path but does not
    start as the Python its name promises is added to it as
    ``(version, exe, why)``.
    """
    folders = (path if path is not None else os.environ.get("PATH", "")).split(os.pathsep)
    candidates = {}
    for folder in folders:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            match = _NAME_RE.match(name)
            if match and match.group(1) not in candidates:
                exe = shutil.which(name, path=folder)
                if exe:
                    candidates[match.group(1)] = exe
    found = {}
    for version, exe in sorted(candidates.items(), key=lambda item: version_key(item[0])):
        answer, why = probe(exe)
        if answer == version:
            found[version] = exe
        elif broken is not None:
            broken.append((version, exe, why or "it runs Python %s" % answer))
    return found


def named_interpreters(names, broken):
    """``{version: exe}`` for the interpreters named with ``--python`` (a
    command on PATH or a path); each that cannot be found or does not start
    is added to the list *broken* as ``(None, name, why)``."""
    found = {}
    for name in names:
        exe = shutil.which(name)
        if exe is None:
            broken.append((None, name, "not found"))
            continue
        version, why = probe(exe)
        if version is None:
            broken.append((None, exe, why))
        else:
            found.setdefault(version, exe)
    return dict(sorted(found.items(), key=lambda item: version_key(item[0])))


def version_key(version):
    """``"3.10"`` -> ``(3, 10)``."""
    return tuple(int(part) for part in version.split("."))


class Compiler(object):
    """A running compile server for one interpreter."""

    def __init__(self, version, exe):
        self.version = version
        self.exe = exe
        self._process = None
        self._lock = threading.Lock()

    def _start(self):
        self._process = subprocess.Popen(
            [self.exe, "-W", "ignore", "-c", _SERVER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )

    def check(self, source):
        """None when *source* (bytes) compiles, else ``(line, message)``."""
        with self._lock:
            if self._process is None:
                self._start()
            process = self._process
            try:
                process.stdin.write(b"%d\n" % len(source) + source)
                process.stdin.flush()
                reply = process.stdout.readline().decode("utf-8", "replace").rstrip("\n")
            except OSError:
                reply = ""
            if not reply:
                self.close()
                raise RuntimeError("python%s stopped while compiling" % self.version)
        if reply == "ok":
            return None
        _, line, message = reply.split("\t", 2)
        return int(line), message

    def close(self):
        """Stop the server."""
        if self._process is not None:
            process, self._process = self._process, None
            try:
                process.stdin.close()
            except OSError:
                pass
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            process.stdout.close()


class Verifier(object):
    """Compares how an original and its rewrite compile on each interpreter.

    *interpreters* maps version to executable (see :func:`find_interpreters`).
    """

    def __init__(self, interpreters):
        self.interpreters = dict(interpreters)
        self._compilers = dict(
            (version, Compiler(version, exe)) for version, exe in self.interpreters.items()
        )

    def problems(self, original, rewritten, target="2and3", min_version=(3, 6)):
        """Why *rewritten* (bytes) must be refused: a list of
        ``(version, line, message)``, empty when it is acceptable.

        A rewrite is refused where it no longer compiles on an interpreter
        that compiled the original. For target 3 it must also compile on
        every Python 3 interpreter from *min_version* on (the original, being
        Python 2, usually compiles on none of them).
        """
        found = []
        for version, compiler in self._compilers.items():
            key = version_key(version)
            python3_only = target != "2and3"
            if python3_only and key < (3,):
                continue
            required = python3_only and key >= tuple(min_version)[:2]
            if not required and compiler.check(original) is not None:
                continue
            error = compiler.check(rewritten)
            if error is not None:
                found.append((version, error[0], error[1]))
        return found

    def close(self):
        """Stop every compile server."""
        for compiler in self._compilers.values():
            compiler.close()


def describe(problems):
    """One line for the refusal message."""
    return "; ".join(
        "does not compile on Python %s any more (line %d: %s)" % (version, line, message)
        for version, line, message in problems
    )


if __name__ == "__main__":  # pragma: no cover - a debugging aid
    print(find_interpreters())
    sys.exit(0)
