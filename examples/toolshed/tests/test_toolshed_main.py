# -*- coding: utf-8 -*-
"""``python -m toolshed``: its --port option, the database made on the first
start, and what it asks of the development server."""
from __future__ import unicode_literals

import os
import sqlite3
import subprocess
import sys

import pytest

import toolshed
from toolshed.serve import main
from toolshed.serve import parse_args


@pytest.fixture
def server_calls(app, monkeypatch):
    """Stand in for the development server and note how it was started."""
    calls = []
    monkeypatch.setattr(
        toolshed.app, "run", lambda **options: calls.append(options), raising=False
    )
    return calls


def table_names(path):
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return set(name for (name,) in rows)
    finally:
        connection.close()


def test_port_defaults_to_5000():
    assert parse_args([]).port == 5000


@pytest.mark.parametrize("text", ["1", "8080", "65535"])
def test_port_option(text):
    assert parse_args(["--port", text]).port == int(text)


@pytest.mark.parametrize("text", ["0", "65536", "-1", "http", "80.0", "0x50", ""])
def test_port_option_rejects(text, capsys):
    with pytest.raises(SystemExit) as exit_info:
        parse_args(["--port", text])
    assert exit_info.value.code == 2
    message = 'expected a port number from 1 to 65535, got "{0}"'.format(text)
    assert message in capsys.readouterr().err


def test_first_start_creates_the_database(app, server_calls, capsys):
    path = app.config["DATABASE"]
    assert not os.path.exists(path)
    assert main(["--port", "8123"]) == 0
    assert server_calls == [{"host": "127.0.0.1", "port": 8123}]
    assert capsys.readouterr().out == "toolshed: created the database {0}\n".format(
        path
    )
    assert table_names(path) >= {"member", "tool"}


def test_later_starts_keep_the_data(app, server_calls, ann, capsys):
    capsys.readouterr()
    assert main([]) == 0
    assert capsys.readouterr().out == ""
    assert server_calls == [{"host": "127.0.0.1", "port": 5000}]
    assert ann.login().status_code == 302


def test_database_goes_in_a_folder_it_creates(app, server_calls, tmpdir):
    path = str(tmpdir.join("new", "folder", "shed.sqlite"))
    app.config["DATABASE"] = path
    assert main([]) == 0
    assert table_names(path) >= {"member", "tool"}


def test_default_database_is_in_the_instance_folder(app):
    app.config["DATABASE"] = None
    expected = os.path.join(app.instance_path, "toolshed.sqlite")
    assert toolshed.database_path() == expected


def test_settings_file_named_by_the_environment(tmpdir, example_dir):
    settings = tmpdir.join("settings.py")
    database = str(tmpdir.join("elsewhere.sqlite"))
    settings.write("DATABASE = {0!r}\nSECRET_KEY = 'fixed'\n".format(str(database)))
    env = dict(os.environ)
    env[str("TOOLSHED_SETTINGS")] = str(settings)
    # the settings are read on import: ask a fresh interpreter
    env[str("PYTHONPATH")] = os.pathsep.join(
        filter(None, [example_dir, os.environ.get("PYTHONPATH")])
    )
    script = (
        "import toolshed; c = toolshed.app.config; "
        "print(toolshed.database_path()); print(c['SECRET_KEY']); "
        "print(c['PASSWORD_HASH_METHOD'])"
    )
    output = subprocess.check_output([sys.executable, "-c", script], env=env)
    assert output.decode("utf-8").splitlines() == [database, "fixed", "pbkdf2:sha256"]
