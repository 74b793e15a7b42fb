"""The pyupgrade step of ``--target 3``.

pyupgrade has no public Python API, so its two internal passes are used when
they can be imported with the expected names, and its command line (reading
from stdin) otherwise. Either way the text is LF-normalized on the way in;
the engine restores the line endings afterwards.
"""

import ast
import subprocess
import sys
import warnings


def _library():
    try:
        from pyupgrade._data import Settings
        from pyupgrade._main import _fix_plugins, _fix_tokens
    except ImportError:
        return None

    def run(text, min_version):
        text = _fix_plugins(text, settings=Settings(min_version=min_version))
        return _fix_tokens(text)

    return run


def _command(text, min_version):
    flag = "--py%s-plus" % "".join(str(part) for part in min_version[:2])
    process = subprocess.run(
        [sys.executable, "-m", "pyupgrade", flag, "-"],
        input=text.encode("utf-8"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    if process.returncode not in (0, 1):
        raise RuntimeError("pyupgrade failed: %s" % process.stderr.decode("utf-8", "replace"))
    return process.stdout.decode("utf-8")


_run = None


def _runner():
    global _run
    if _run is None:
        _run = _library() or _command
    return _run


def python3_syntax_error(text):
    """``(line, message)`` when *text* is not valid Python 3 syntax for the
    running interpreter, else None."""
    try:
        with warnings.catch_warnings():
            # Invalid escape sequences and the like are the code's business,
            # not a reason to stop.
            warnings.simplefilter("ignore")
            ast.parse(text)
    except SyntaxError as exc:
        return exc.lineno or 0, exc.msg
    return None


def upgrade(text, min_version):
    """Run pyupgrade over *text* for Python *min_version*+.

    Returns ``(new_text, None)``, or ``(text, (line, message))`` when *text*
    is not Python 3 yet (a construct no fixer handled), in which case
    pyupgrade is not run and the caller lists the reason for review.
    """
    error = python3_syntax_error(text)
    if error is not None:
        line, message = error
        return text, (line, "not valid Python 3 after the 2and3 fixers (%s); "
                            "pyupgrade was not run" % message)
    leading = text[: len(text) - len(text.lstrip())]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        new_text = _runner()(text, tuple(min_version))
    # pyupgrade strips the whitespace a file starts with; that is layout the
    # tool promises to keep.
    if leading and not new_text.startswith(leading):
        new_text = leading + new_text.lstrip()
    return new_text, None
