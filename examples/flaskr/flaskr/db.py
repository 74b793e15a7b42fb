# -*- coding: utf-8 -*-
"""The sqlite3 database: one connection per application context, the schema
and the ``init-db`` command."""
# No unicode_literals here: Click 7 (Python 2.7) warns about it in modules
# that define commands, and warnings are errors in the test suite.
import sqlite3

import click
from flaskcompat import current_app
from flaskcompat import g
from flaskcompat.cli import with_appcontext


def get_db():
    """Connect to the application's configured database. The connection
    is unique for each request and will be reused if this is called
    again.
    """
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["DATABASE"])
        g.db.row_factory = dict_row
        # SQLite leaves foreign keys off unless asked, per connection.
        g.db.execute("PRAGMA foreign_keys = ON")

    return g.db


def dict_row(cursor, row):
    """Row factory: each row as a dict of column name to value.

    Not :class:`sqlite3.Row`, whose lookup by name on Python 2.7 accepts only
    byte strings: ``row[u"title"]`` raises there, and Jinja2 then renders
    ``post['title']`` as empty instead of failing.
    """
    return dict((column[0], value) for column, value in zip(cursor.description, row))


def close_db(e=None):
    """If this request connected to the database, close the
    connection.
    """
    db = g.pop("db", None)

    if db is not None:
        db.close()


def read_schema():
    """Return the text of ``schema.sql`` shipped with the package.

    Read as bytes and decoded as UTF-8 here, so the result is text on every
    interpreter whatever the locale's encoding.
    """
    with current_app.open_resource("schema.sql", "rb") as f:
        return f.read().decode("utf-8")


def init_db():
    """Clear existing data and create new tables."""
    db = get_db()
    db.executescript(read_schema())
    db.commit()


@click.command("init-db")
@with_appcontext
def init_db_command():
    """Clear existing data and create new tables."""
    init_db()
    click.echo("Initialized the database.")


def init_app(app):
    """Register database functions with the Flask app. This is called by
    the application factory.
    """
    app.teardown_appcontext(close_db)
    app.cli.add_command(init_db_command)
