# -*- coding: utf-8 -*-
"""``python -m flaskr``: the port setting, first-run database creation and
the arguments handed to the development server."""
from __future__ import unicode_literals

import os
import sqlite3

import pytest
from flaskcompat import Flask

from flaskr.__main__ import DEFAULT_PORT
from flaskr.__main__ import main
from flaskr.__main__ import port_from_environ


@pytest.mark.parametrize(
    ("environ", "port"),
    (
        ({}, DEFAULT_PORT),
        ({"FLASKR_PORT": ""}, DEFAULT_PORT),
        ({"FLASKR_PORT": "8123"}, 8123),
        ({"FLASKR_PORT": " 8123\n"}, 8123),
        ({"FLASKR_PORT": "1"}, 1),
        ({"FLASKR_PORT": "65535"}, 65535),
    ),
)
def test_port_from_environ(environ, port):
    assert port_from_environ(environ) == port


@pytest.mark.parametrize("value", ("abc", "0", "65536", "-1", "80.5", "0x50"))
def test_port_from_environ_rejects(value):
    with pytest.raises(ValueError) as e:
        port_from_environ({"FLASKR_PORT": value})
    assert 'FLASKR_PORT must be a port number from 1 to 65535, not "{0}"'.format(
        value
    ) == str(e.value)


def test_default_port_is_5000():
    assert DEFAULT_PORT == 5000


@pytest.fixture
def served(monkeypatch, instance_path):
    """Replace the development server with a recorder of its arguments."""
    calls = []

    def fake_run(app, host=None, port=None, **options):
        calls.append((app, host, port))

    monkeypatch.setattr(Flask, "run", fake_run)
    return calls


def test_main_creates_database_then_serves(served, instance_path, monkeypatch, capsys):
    monkeypatch.setenv(str("FLASKR_PORT"), str("8123"))
    assert main() == 0

    (app, host, port), = served
    assert (host, port) == ("127.0.0.1", 8123)
    database = os.path.join(instance_path, "flaskr.sqlite")
    assert app.config["DATABASE"] == database
    assert "created the database" in capsys.readouterr().out

    connection = sqlite3.connect(database)
    try:
        tables = set(
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            )
        )
    finally:
        connection.close()
    assert {"user", "post"} <= tables


def test_main_keeps_an_existing_database(served, instance_path, capsys):
    assert main() == 0
    database = os.path.join(instance_path, "flaskr.sqlite")
    connection = sqlite3.connect(database)
    try:
        connection.execute("INSERT INTO user (username, password) VALUES ('kept', 'x')")
        connection.commit()
    finally:
        connection.close()
    capsys.readouterr()

    assert main() == 0
    assert "created the database" not in capsys.readouterr().out
    connection = sqlite3.connect(database)
    try:
        rows = connection.execute("SELECT username FROM user").fetchall()
    finally:
        connection.close()
    assert [row[0] for row in rows] == ["kept"]
    assert [port for (_, _, port) in served] == [DEFAULT_PORT, DEFAULT_PORT]


def test_main_bad_port_is_a_clear_error(served, monkeypatch, capsys, instance_path):
    monkeypatch.setenv(str("FLASKR_PORT"), str("http"))
    assert main() == 2
    assert served == []
    err = capsys.readouterr().err
    message = 'FLASKR_PORT must be a port number from 1 to 65535, not "http"'
    assert "flaskr: " + message in err
    # nothing was created before the error
    assert not os.path.exists(os.path.join(instance_path, "flaskr.sqlite"))


def test_main_bad_instance_path_is_a_clear_error(served, monkeypatch, capsys):
    import flaskr

    # what a Python 2.7 in an ASCII locale reads from a UTF-8 environ
    original = flaskr.instance_path_from_environ
    environ = {"FLASKR_INSTANCE_PATH": "/srv/Blög".encode("utf-8")}

    def undecodable():
        return original(environ, encoding="ascii")

    monkeypatch.setattr(flaskr, "instance_path_from_environ", undecodable)
    assert main() == 2
    assert served == []
    err = capsys.readouterr().err
    assert "flaskr: FLASKR_INSTANCE_PATH is not valid in the filesystem encoding" in err
