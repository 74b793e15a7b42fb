# -*- coding: utf-8 -*-
"""One small app as every host of a mixed 2.7 / 3.x fleet runs it: users with
password hashes in a shared sqlite file, a signed session cookie, flashes.

tests/test_mixed_fleet.py calls ``run(...)`` in its own interpreter and runs
this file on the other one:

    python fleet_app.py DATABASE METHOD < operations.json > results.json

METHOD is the password hash method the app writes and upgrades to.

Each operation is a dict with an ``op`` name (see ``OPERATIONS``); each result
is JSON whose values do not depend on the interpreter, so the two hosts'
answers compare with ``==``. Python 2.7 syntax on purpose.
"""
import binascii
import io
import json
import sqlite3
import sys
import uuid
from datetime import datetime
from datetime import timedelta

import six

from flaskcompat import Flask
from flaskcompat import Markup
from flaskcompat import flash
from flaskcompat import get_flashed_messages
from flaskcompat import jsonify
from flaskcompat import request
from flaskcompat import session
from flaskcompat.security import check_password_hash
from flaskcompat.security import generate_password_hash
from flaskcompat.security import needs_rehash

SECRET_KEY = u"one key for every host"

#: What ``fill`` puts in the session: every type the cookie serializer tags.
FILL = {
    u"user": u"ada",
    u"text": u"h\xe9llo \u2713",
    u"raw": b"\xff\x00raw",
    u"pair": (1, u"two", (3.5, None)),
    u"when": datetime(2026, 12, 6, 17, 30, 5),
    u"ident": uuid.UUID("12345678-1234-5678-1234-567812345678"),
    u"html": Markup(u"<b>bold</b> &amp; more"),
    u"numbers": [1, 2.25, True, None],
}
FLASH = (u"info", u"Welcome back \u2713")

#: Long enough for a cookie from the fixtures (see test_mixed_fleet.py).
CENTURY = timedelta(days=36525)


def _items(values):
    return [describe(value) for value in values]


def _pairs(mapping):
    return sorted([describe(key), describe(value)] for key, value in six.iteritems(mapping))


#: (types, label, content) tried in order: Markup is text too.
KINDS = (
    (Markup, u"markup", six.text_type),
    (six.text_type, u"text", six.text_type),
    (six.binary_type, u"bytes", lambda raw: binascii.hexlify(raw).decode("ascii")),
    (six.integer_types, u"int", int),
    (float, u"float", repr),
    (tuple, u"tuple", _items),
    (list, u"list", _items),
    (dict, u"dict", _pairs),
    (datetime, u"datetime", lambda when: [when.isoformat(), when.tzinfo is None]),
    (uuid.UUID, u"uuid", six.text_type),
)


def describe(value):
    """A JSON value naming ``value``'s type and content, the same for equal
    values on any interpreter (bytes as hex, text as text)."""
    if value is None or isinstance(value, bool):
        return value
    for types, label, content in KINDS:
        if isinstance(value, types):
            return [label, content(value)]
    return [u"other", type(value).__name__, repr(value)]


def create_app(database, method):
    app = Flask(__name__)
    app.config.update(SECRET_KEY=SECRET_KEY, TESTING=True)

    def connect():
        db = sqlite3.connect(database)
        db.execute("CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, pwhash TEXT)")
        return db

    @app.route("/register", methods=["POST"])
    def register():
        db = connect()
        try:
            pwhash = generate_password_hash(request.form["password"], method=method)
            db.execute("INSERT INTO users VALUES (?, ?)", (request.form["name"], pwhash))
            db.commit()
        finally:
            db.close()
        return u"registered"

    @app.route("/login", methods=["POST"])
    def login():
        name, password = request.form["name"], request.form["password"]
        db = connect()
        try:
            row = db.execute("SELECT pwhash FROM users WHERE name = ?", (name,)).fetchone()
            if row is None or not check_password_hash(row[0], password):
                return u"wrong name or password", 401
            upgraded = bool(request.form.get("upgrade")) and needs_rehash(row[0], method=method)
            if upgraded:
                db.execute(
                    "UPDATE users SET pwhash = ? WHERE name = ?",
                    (generate_password_hash(password, method=method), name),
                )
                db.commit()
        finally:
            db.close()
        session[u"user"] = name
        return jsonify(user=name, upgraded=upgraded)

    @app.route("/fill", methods=["POST"])
    def fill():
        session.update(FILL)
        flash(FLASH[1], FLASH[0])
        return u"filled"

    @app.route("/show")
    def show():
        stored = dict(session)
        stored.pop(u"_flashes", None)
        flashes = get_flashed_messages(with_categories=True)
        return jsonify(session=describe(stored), flashes=describe(list(flashes)))

    return app


def session_cookie(response):
    for header in response.headers.getlist("Set-Cookie"):
        name, _, rest = header.partition("=")
        if name == "session":
            return rest.split(";", 1)[0]
    return None


def run(database, method, operations):
    """Carries out ``operations`` in order against one app; a list of results."""
    app = create_app(database, method)
    default_lifetime = app.permanent_session_lifetime
    results = []
    for operation in operations:
        op = operation["op"]
        browser = app.test_client()
        if op == "seed":
            db = sqlite3.connect(database)
            db.execute("CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, pwhash TEXT)")
            db.executemany("INSERT INTO users VALUES (?, ?)", operation["users"])
            db.commit()
            db.close()
            results.append(len(operation["users"]))
        elif op == "hash":
            db = sqlite3.connect(database)
            row = db.execute("SELECT pwhash FROM users WHERE name = ?", (operation["name"],))
            pwhash = row.fetchone()[0]
            db.close()
            results.append({"hash": pwhash, "needs_rehash": needs_rehash(pwhash, method=method)})
        elif op in ("register", "login"):
            form = dict((k, operation[k]) for k in ("name", "password", "upgrade") if k in operation)
            response = browser.post("/" + op, data=form)
            results.append([response.status_code, response.get_data(as_text=True)])
        elif op == "fill":
            response = browser.post("/fill")
            results.append(session_cookie(response))
        elif op == "show":
            app.permanent_session_lifetime = CENTURY if operation.get("century") else default_lifetime
            browser.set_cookie("localhost", "session", operation["cookie"])
            response = browser.get("/show")
            results.append(json.loads(response.get_data(as_text=True)))
        else:
            raise ValueError("unknown operation %r" % (op,))
    return results


def main(argv):
    operations = json.loads(sys.stdin.read())
    results = run(argv[1], argv[2], operations)
    text = json.dumps(results, sort_keys=True)
    out = io.open(sys.stdout.fileno(), "w", encoding="utf-8", closefd=False)
    out.write(six.text_type(text))
    out.flush()
    return 0


if __name__ == "__main__":  # the other interpreter's side
    sys.exit(main(sys.argv))
