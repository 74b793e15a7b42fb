# -*- coding: utf-8 -*-
"""Toolshed: a street's shared tool cupboard.

Neighbours join, list the tools they are willing to lend, and borrow and
hand back each other's. The app is written the way Flask 0.x apps were: one
``app`` created at import time, settings read from a module, a database
connection opened per request, the views in a second module imported at the
bottom. With flaskcompat in place of Flask it runs unchanged on Python 2.7
and 3.6 - 3.13.
"""
from __future__ import unicode_literals

import errno
import os
import sqlite3

from flaskcompat import Flask
from flaskcompat import g
from flaskcompat import session
from werkzeug.security import check_password_hash
from werkzeug.security import generate_password_hash

__version__ = "1.0.0"

app = Flask(__name__)
# The defaults, then the file named by TOOLSHED_SETTINGS if there is one.
app.config.from_object("toolshed.default_settings")
app.config.from_envvar("TOOLSHED_SETTINGS", silent=True)


def database_path():
    """The configured database file, or the default one in the instance folder."""
    return app.config["DATABASE"] or os.path.join(app.instance_path, "toolshed.sqlite")


def connect_db():
    """Open the database, creating the folder and the tables if it is new."""
    path = database_path()
    # sqlite3.connect() leaves an empty file behind, so size 0 is new too.
    is_new = not os.path.exists(path) or os.path.getsize(path) == 0
    if is_new:
        _make_folder(os.path.dirname(path))
    db = sqlite3.connect(path)
    db.row_factory = row_as_dict
    db.execute("PRAGMA foreign_keys = ON")
    if is_new:
        # Two first requests may race here; the schema says IF NOT EXISTS.
        with app.open_resource("schema.sql", "rb") as f:
            db.executescript(f.read().decode("utf-8"))
    return db


def row_as_dict(cursor, row):
    # Not sqlite3.Row: on Python 2.7 it refuses unicode keys, and with
    # unicode_literals every row["name"] in the views is one.
    return dict((column[0], value) for column, value in zip(cursor.description, row))


def _make_folder(path):
    # Python 2.7's os.makedirs has no exist_ok.
    try:
        os.makedirs(path)
    except OSError as exc:
        if exc.errno != errno.EEXIST:
            raise


@app.before_request
def open_db_and_find_member():
    g.db = connect_db()
    g.member = None
    member_id = session.get("member_id")
    if member_id is not None:
        g.member = g.db.execute(
            "SELECT id, name FROM member WHERE id = ?", (member_id,)
        ).fetchone()


@app.teardown_request
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


# Werkzeug 1.0.1 on Python 2.7 hands the method name inside a hash to
# hashlib, which raises TypeError unless it is a native (byte) string. This
# module's literals are unicode on 2.7, and SQLite returns text (unicode on
# 2.7) for the stored hash, so both go through str() first: they are plain
# ASCII, and str() leaves them as they are on Python 3.


def hash_password(password):
    return generate_password_hash(password, str(app.config["PASSWORD_HASH_METHOD"]))


def password_matches(stored_hash, password):
    return check_password_hash(str(stored_hash), password)


# The views use ``app``, so they are imported once it exists.
from toolshed import views  # noqa: E402,F401
