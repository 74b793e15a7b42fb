# -*- coding: utf-8 -*-
"""Registration, log in and log out, and the ``login_required`` guard."""
from __future__ import unicode_literals

import functools
import sqlite3

from flaskcompat import Blueprint
from flaskcompat import current_app
from flaskcompat import flash
from flaskcompat import g
from flaskcompat import redirect
from flaskcompat import render_template
from flaskcompat import request
from flaskcompat import session
from flaskcompat import url_for
from werkzeug.security import check_password_hash
from werkzeug.security import generate_password_hash

from flaskr.db import get_db

bp = Blueprint("auth", __name__, url_prefix="/auth")


def hash_password(password):
    """Hash ``password`` with the configured ``PASSWORD_HASH_METHOD``.

    Werkzeug's own default differs by release (pbkdf2 on 1.0.1, scrypt on
    3.x, which 1.0.1 cannot verify), so the method is always named.
    """
    # str(): Werkzeug 1.0.1 hands the method name on to hashlib, which on
    # Python 2.7 accepts only a native (byte) string; names are ASCII.
    method = str(current_app.config["PASSWORD_HASH_METHOD"])
    return generate_password_hash(password, method=method)


def verify_password(pwhash, password):
    """Return whether ``password`` matches ``pwhash`` from the database.

    A hash that this Werkzeug cannot check (a method it does not know, such
    as scrypt on Werkzeug 1.0.1, or a damaged value) is logged and counts as
    a mismatch instead of failing the request.
    """
    try:
        # sqlite3 returns text; Werkzeug 1.0.1 on Python 2.7 needs the
        # method part as a native string (see hash_password).
        native_hash = str(pwhash)
        return check_password_hash(native_hash, password)
    except (UnicodeError, ValueError) as exc:
        current_app.logger.error(
            "cannot verify a stored password hash (method %r): %s",
            pwhash.split("$", 1)[0],
            exc,
        )
        return False


def login_required(view):
    """View decorator that redirects anonymous users to the login page."""

    @functools.wraps(view)
    def wrapped_view(**kwargs):
        if g.user is None:
            return redirect(url_for("auth.login"))

        return view(**kwargs)

    return wrapped_view


@bp.before_app_request
def load_logged_in_user():
    """If a user id is stored in the session, load the user object from
    the database into ``g.user``."""
    user_id = session.get("user_id")

    if user_id is None:
        g.user = None
    else:
        g.user = (
            get_db().execute("SELECT * FROM user WHERE id = ?", (user_id,)).fetchone()
        )


@bp.route("/register", methods=("GET", "POST"))
def register():
    """Register a new user.

    Validates that the username is not already taken. Hashes the
    password for security.
    """
    if request.method == "POST":
        username = request.form.get("username", "")
        password = request.form.get("password", "")
        db = get_db()
        error = None

        if not username:
            error = "Username is required."
        elif not password:
            error = "Password is required."

        if error is None:
            try:
                db.execute(
                    "INSERT INTO user (username, password) VALUES (?, ?)",
                    (username, hash_password(password)),
                )
                db.commit()
            except sqlite3.IntegrityError:
                # The username was already taken, which caused the
                # commit to fail. Show a validation error.
                error = "User {0} is already registered.".format(username)
            else:
                # Success, go to the login page.
                return redirect(url_for("auth.login"))

        flash(error)

    return render_template("auth/register.html")


@bp.route("/login", methods=("GET", "POST"))
def login():
    """Log in a registered user by adding the user id to the session."""
    if request.method == "POST":
        username = request.form.get("username", "")
        password = request.form.get("password", "")
        db = get_db()
        error = None
        user = db.execute(
            "SELECT * FROM user WHERE username = ?", (username,)
        ).fetchone()

        if user is None:
            error = "Incorrect username."
        elif not verify_password(user["password"], password):
            error = "Incorrect password."

        if error is None:
            # store the user id in a new session and return to the index
            session.clear()
            session["user_id"] = user["id"]
            return redirect(url_for("index"))

        flash(error)

    return render_template("auth/login.html")


@bp.route("/logout")
def logout():
    """Clear the current session, including the stored user id."""
    session.clear()
    return redirect(url_for("index"))
