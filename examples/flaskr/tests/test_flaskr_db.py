# -*- coding: utf-8 -*-
from __future__ import unicode_literals

import io
import os
import sqlite3

import pytest
import six

import flaskr
from flaskr.db import get_db
from flaskr.db import read_schema


def test_get_close_db(app):
    with app.app_context():
        db = get_db()
        assert db is get_db()

    with pytest.raises(sqlite3.ProgrammingError) as e:
        db.execute("SELECT 1")

    assert "closed" in str(e.value)


def test_schema_is_text_decoded_as_utf8(app):
    with app.app_context():
        schema = read_schema()
    assert isinstance(schema, six.text_type)
    package_dir = os.path.dirname(os.path.abspath(flaskr.__file__))
    with io.open(os.path.join(package_dir, "schema.sql"), encoding="utf-8") as f:
        assert schema == f.read()
    assert "CREATE TABLE post" in schema


def test_foreign_keys_enforced(app):
    with app.app_context():
        with pytest.raises(sqlite3.IntegrityError):
            get_db().execute(
                "INSERT INTO post (title, body, author_id) VALUES ('t', 'b', 99)"
            )


def test_init_db_command(runner, app):
    with app.app_context():
        assert get_db().execute("SELECT count(*) AS n FROM user").fetchone()["n"] == 2

    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    assert "Initialized" in result.output

    # init-db starts over: the test data is gone, the tables exist
    with app.app_context():
        db = get_db()
        assert db.execute("SELECT count(*) AS n FROM user").fetchone()["n"] == 0
        assert db.execute("SELECT count(*) AS n FROM post").fetchone()["n"] == 0


def test_init_db_command_is_registered(app):
    assert "init-db" in app.cli.commands


def test_init_db_through_the_command_line_app_loader(instance_path):
    """``FLASK_APP=flaskr flaskcompat init-db`` loads the app the way
    Flask 1.1's ``flask`` command does: ``create_app()``, no arguments."""
    from click.testing import CliRunner
    from flaskcompat.cli import FlaskGroup
    from flaskcompat.cli import ScriptInfo

    app = ScriptInfo(app_import_path="flaskr").load_app()
    assert app.name == "flaskr"
    result = CliRunner().invoke(FlaskGroup(create_app=lambda *a: app), ["init-db"])
    assert result.exit_code == 0, result.output
    assert os.path.isfile(os.path.join(instance_path, "flaskr.sqlite"))
