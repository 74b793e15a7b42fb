# -*- coding: utf-8 -*-
"""The README's first command installs the framework and the example app,
Toolshed, and serves it on loopback.

The ``pip install`` half is checked for what it names (each ``-e`` path is a
project in this checkout and the two are flaskcompat and toolshed);
installing into a fresh virtualenv would need the network and take far
longer than a test should, and the test environment has already done that
install. The ``python -m toolshed`` half is run for real with this
interpreter: on a free loopback port (its ``--port`` option), with a
settings file that puts the database in a temporary folder, until it
answers HTTP.
"""
from __future__ import unicode_literals

import io
import json
import os
import re
import shlex
import socket
import subprocess
import sys
import time

import pytest
import six
from six.moves.urllib.request import build_opener
from six.moves.urllib.request import ProxyHandler

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE_ROOT = os.path.join(ROOT, "examples", "toolshed")
MARKER = ".. first-command"
START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0


def read_first_command(readme_text):
    """Return the command in the literal block that follows the
    ``.. first-command`` line, continuation lines joined.

    :raise ValueError: if the marker or its literal block is missing.
    """
    lines = readme_text.splitlines()
    try:
        start = [line.strip() for line in lines].index(MARKER)
    except ValueError:
        raise ValueError("README.rst has no line {0!r}".format(MARKER))

    rest = lines[start + 1 :]
    # The literal block opens with "::" (or a code-block directive), then
    # a blank line, then the indented command.
    position = 0
    while position < len(rest) and not rest[position].strip():
        position += 1
    opener = rest[position].strip() if position < len(rest) else ""
    if not (opener == "::" or opener.startswith(".. code-block::")):
        raise ValueError(
            "expected a literal block after {0!r}, found {1!r}".format(MARKER, opener)
        )

    block = []
    for line in rest[position + 1 :]:
        if line.strip() and not line[:1].isspace():
            break
        block.append(line)
    # A trailing backslash continues the shell line.
    words = [line.strip().rstrip("\\").strip() for line in block if line.strip()]
    command = " ".join(words)
    if not command:
        raise ValueError("the literal block after {0!r} is empty".format(MARKER))
    return command


def split_command(command):
    """Split a ``a && b`` shell line into argument lists."""
    # shlex on Python 2.7 handles only byte strings.
    if six.PY2:
        return [
            [arg.decode("utf-8") for arg in shlex.split(part.strip().encode("utf-8"))]
            for part in command.split("&&")
        ]
    return [shlex.split(part.strip()) for part in command.split("&&")]


def project_name(project_dir):
    """The ``name=`` a project's ``setup.py`` declares."""
    with io.open(os.path.join(project_dir, "setup.py"), encoding="utf-8") as f:
        match = re.search(r"""\bname\s*=\s*["']([^"']+)["']""", f.read())
    assert match, "no name= in {0}/setup.py".format(project_dir)
    return match.group(1)


def free_loopback_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
    finally:
        sock.close()


def wait_until_listening(process, port, deadline):
    """Return once ``port`` accepts connections; fail if the process exits
    or ``deadline`` (a :func:`time.time` value) passes first."""
    while time.time() < deadline:
        if process.poll() is not None:
            return False
        try:
            connection = socket.create_connection(("127.0.0.1", port), timeout=0.5)
        except (socket.error, OSError):
            time.sleep(0.1)
        else:
            connection.close()
            return True
    return False


def stop(process):
    """Terminate the server and reap it; kill it if it does not stop."""
    if process.poll() is None:
        process.terminate()
        deadline = time.time() + STOP_TIMEOUT
        while process.poll() is None and time.time() < deadline:
            time.sleep(0.05)
    if process.poll() is None:
        process.kill()
        process.wait()


def fetch(opener, url):
    """GET ``url``: ``(status, content type, body as text)``."""
    response = opener.open(url, timeout=10)
    try:
        body = response.read()
        content_type = response.info().get("Content-Type")
        return response.getcode(), content_type, body.decode("utf-8")
    finally:
        response.close()


@pytest.fixture(scope="module")
def first_command():
    with io.open(os.path.join(ROOT, "README.rst"), encoding="utf-8") as f:
        return read_first_command(f.read())


def test_read_first_command_rejects_a_readme_without_it():
    with pytest.raises(ValueError, match="no line"):
        read_first_command("Title\n=====\n\n::\n\n    python -m toolshed\n")
    with pytest.raises(ValueError, match="literal block"):
        read_first_command(".. first-command\n\nSome prose.\n")


def test_read_first_command_joins_continuation_lines():
    text = (
        ".. first-command\n\n::\n\n"
        "    python -m pip install \\\n      -e .\n\nNext.\n"
    )
    assert read_first_command(text) == "python -m pip install -e ."


def test_first_command_installs_framework_and_example(first_command):
    install, run = split_command(first_command)
    assert install[:4] == ["python", "-m", "pip", "install"]
    editable = [install[i + 1] for i, arg in enumerate(install) if arg == "-e"]
    assert editable, "the install step names no -e project"
    names = set()
    for path in editable:
        project_dir = os.path.normpath(os.path.join(ROOT, path))
        assert os.path.isfile(os.path.join(project_dir, "setup.py")), path
        names.add(project_name(project_dir))
    assert names == {"flaskcompat", "toolshed"}
    assert run == ["python", "-m", "toolshed"]


def test_first_command_serves_the_app(first_command, tmpdir):
    _, run = split_command(first_command)
    assert run[0] == "python"
    # "python" in the README is whichever interpreter the reader picked:
    # here, the one running the tests.
    port = free_loopback_port()
    argv = [sys.executable] + run[1:] + ["--port", str(port)]
    database = tmpdir.join("data", "toolshed.sqlite")
    settings = tmpdir.join("settings.py")
    settings.write("DATABASE = {0!r}\n".format(str(database)))
    env = dict(os.environ)
    # A debug flag would start the reloader, whose child process outlives
    # terminate(); FLASK_RUN_FROM_CLI would turn app.run() into a no-op.
    for name in ("FLASK_DEBUG", "FLASK_ENV", "FLASK_RUN_FROM_CLI", "FLASK_APP"):
        env.pop(name, None)
    # The log is read after a SIGTERM, which does not flush stdio buffers.
    env[str("PYTHONUNBUFFERED")] = str("1")
    env[str("TOOLSHED_SETTINGS")] = str(settings)
    # Asked of a fresh interpreter: this process's sys.path has pytest's
    # (and the toolshed suite's) additions.
    with open(os.devnull, "wb") as devnull:
        probe = subprocess.call(
            [sys.executable, "-c", "import toolshed"],
            cwd=str(tmpdir),
            env=env,
            stdout=devnull,
            stderr=devnull,
        )
    if probe != 0:
        # Where the install half has not put the example on the path, do
        # what its "-e examples/toolshed" does.
        env[str("PYTHONPATH")] = str(
            os.pathsep.join(filter(None, [EXAMPLE_ROOT, env.get("PYTHONPATH")]))
        )
    checkout_instance = os.path.join(EXAMPLE_ROOT, "instance")
    checkout_instance_existed = os.path.exists(checkout_instance)

    log_path = str(tmpdir.join("server.log"))
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            argv, cwd=str(tmpdir), env=env, stdout=log, stderr=subprocess.STDOUT
        )
        pages = {}
        fetch_error = None
        try:
            started = wait_until_listening(process, port, time.time() + START_TIMEOUT)
            if started:
                # No proxy: an http_proxy setting must not catch loopback.
                opener = build_opener(ProxyHandler({}))
                try:
                    for path in ("/", "/login", "/api/tools"):
                        url = "http://127.0.0.1:{0}{1}".format(port, path)
                        pages[path] = fetch(opener, url)
                except Exception as exc:  # reported below, with the server's log
                    fetch_error = exc
        finally:
            stop(process)

    with io.open(log_path, encoding="utf-8", errors="replace") as f:
        output = f.read()
    assert started, "the server did not answer on port {0}:\n{1}".format(port, output)
    assert fetch_error is None, "{0!r}, server log:\n{1}".format(fetch_error, output)

    status, content_type, page = pages["/"]
    assert status == 200
    assert content_type.lower() == "text/html; charset=utf-8"
    assert "<title>The shed \u00b7 Toolshed</title>" in page
    assert 'href="/join">Join</a>' in page
    assert 'href="/login">Log in</a>' in page
    # the first start made the database, with no tools in it yet
    assert "Nothing to borrow yet" in page

    status, content_type, page = pages["/login"]
    assert status == 200
    assert "<title>Log in \u00b7 Toolshed</title>" in page
    assert 'name="name"' in page
    assert 'name="password"' in page

    status, content_type, page = pages["/api/tools"]
    assert status == 200
    assert content_type.lower() == "application/json"
    assert json.loads(page) == {"tools": []}

    assert database.check(file=1), output
    assert "created the database" in output
    assert "127.0.0.1:{0}".format(port) in output
    assert "GET /login" in output
    assert os.path.exists(checkout_instance) == checkout_instance_existed
