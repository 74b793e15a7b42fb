# -*- coding: utf-8 -*-
"""Toolshed's pages, its JSON feed and its error pages."""
from __future__ import unicode_literals

import functools
import sqlite3

from flaskcompat import abort
from flaskcompat import flash
from flaskcompat import g
from flaskcompat import jsonify
from flaskcompat import redirect
from flaskcompat import render_template
from flaskcompat import request
from flaskcompat import session
from flaskcompat import url_for

from toolshed import app
from toolshed import hash_password
from toolshed import password_matches

MIN_PASSWORD_LENGTH = 8
MAX_NAME_LENGTH = 40

TOOLS_QUERY = """
    SELECT tool.id, tool.name, tool.note,
           tool.owner_id, owner.name AS owner_name,
           tool.borrower_id, borrower.name AS borrower_name
    FROM tool
    JOIN member AS owner ON owner.id = tool.owner_id
    LEFT JOIN member AS borrower ON borrower.id = tool.borrower_id
"""


def members_only(view):
    """Send visitors who are not logged in to the login page."""

    @functools.wraps(view)
    def checked(*args, **kwargs):
        if g.member is None:
            flash("Log in first, please.")
            return redirect(url_for("login"))
        return view(*args, **kwargs)

    return checked


def form_text(field):
    """A form field with surrounding blanks removed; empty if it was not sent."""
    return request.form.get(field, "").strip()


def load_tool(tool_id):
    tool = g.db.execute(TOOLS_QUERY + " WHERE tool.id = ?", (tool_id,)).fetchone()
    if tool is None:
        abort(404, "There is no tool number {0} in the shed.".format(tool_id))
    return tool


@app.route("/")
def index():
    tools = g.db.execute(TOOLS_QUERY + " ORDER BY tool.name, tool.id").fetchall()
    return render_template("index.html", tools=tools)


@app.route("/join", methods=["GET", "POST"])
def join():
    error = None
    if request.method == "POST":
        name = form_text("name")
        password = request.form.get("password", "")
        if not name or len(name) > MAX_NAME_LENGTH:
            error = "Pick a name of 1 to {0} characters.".format(MAX_NAME_LENGTH)
        elif len(password) < MIN_PASSWORD_LENGTH:
            error = "The password needs {0} characters or more.".format(
                MIN_PASSWORD_LENGTH
            )
        else:
            try:
                cursor = g.db.execute(
                    "INSERT INTO member (name, password_hash) VALUES (?, ?)",
                    (name, hash_password(password)),
                )
            except sqlite3.IntegrityError:
                error = "Somebody already goes by {0}.".format(name)
            else:
                g.db.commit()
                session.clear()
                session["member_id"] = cursor.lastrowid
                flash("Welcome to the shed, {0}.".format(name))
                return redirect(url_for("index"))
    # A form that is turned down comes back with status 400.
    return render_template("join.html", error=error), 400 if error else 200


@app.route("/login", methods=["GET", "POST"])
def login():
    error = None
    if request.method == "POST":
        name = form_text("name")
        member = g.db.execute(
            "SELECT id, name, password_hash FROM member WHERE name = ?", (name,)
        ).fetchone()
        # One message for both mistakes: the page does not reveal who is a member.
        if member is None or not password_matches(
            member["password_hash"], request.form.get("password", "")
        ):
            error = "That name and password do not match."
        else:
            session.clear()
            session["member_id"] = member["id"]
            flash("Hello again, {0}.".format(member["name"]))
            return redirect(url_for("index"))
    return render_template("login.html", error=error), 400 if error else 200


@app.route("/logout")
def logout():
    if session.pop("member_id", None) is not None:
        flash("You are logged out.")
    return redirect(url_for("index"))


@app.route("/tools/new", methods=["GET", "POST"])
@members_only
def add_tool():
    error = None
    limit = app.config["MAX_TEXT_LENGTH"]
    if request.method == "POST":
        name = form_text("name")
        note = form_text("note")
        if not name:
            error = "Every tool needs a name."
        elif len(name) > limit or len(note) > limit:
            error = "Keep the name and the note under {0} characters.".format(limit)
        else:
            g.db.execute(
                "INSERT INTO tool (name, note, owner_id) VALUES (?, ?, ?)",
                (name, note, g.member["id"]),
            )
            g.db.commit()
            flash("{0} is in the shed.".format(name))
            return redirect(url_for("index"))
    return render_template("add_tool.html", error=error), 400 if error else 200


@app.route("/tools/<int:tool_id>/borrow", methods=["POST"])
@members_only
def borrow(tool_id):
    tool = load_tool(tool_id)
    if tool["borrower_id"] is not None:
        abort(409, "{0} is already out with {1}.".format(
            tool["name"], tool["borrower_name"]
        ))
    g.db.execute(
        "UPDATE tool SET borrower_id = ? WHERE id = ?", (g.member["id"], tool_id)
    )
    g.db.commit()
    flash("{0} is yours until you bring it back.".format(tool["name"]))
    return redirect(url_for("index"))


@app.route("/tools/<int:tool_id>/return", methods=["POST"])
@members_only
def give_back(tool_id):
    tool = load_tool(tool_id)
    if tool["borrower_id"] is None:
        abort(409, "{0} is in the shed already.".format(tool["name"]))
    # The borrower brings it back; the owner may also mark it as returned.
    if g.member["id"] not in (tool["borrower_id"], tool["owner_id"]):
        abort(403, "Only {0} or the owner can return {1}.".format(
            tool["borrower_name"], tool["name"]
        ))
    g.db.execute("UPDATE tool SET borrower_id = NULL WHERE id = ?", (tool_id,))
    g.db.commit()
    flash("{0} is back in the shed.".format(tool["name"]))
    return redirect(url_for("index"))


@app.route("/api/tools")
def tools_json():
    rows = g.db.execute(TOOLS_QUERY + " ORDER BY tool.id").fetchall()
    tools = [
        {
            "id": row["id"],
            "name": row["name"],
            "note": row["note"],
            "owner": row["owner_name"],
            "borrower": row["borrower_name"],
            "available": row["borrower_id"] is None,
        }
        for row in rows
    ]
    return jsonify(tools=tools)


@app.errorhandler(400)
@app.errorhandler(403)
@app.errorhandler(404)
@app.errorhandler(409)
def show_error(error):
    return render_template("error.html", error=error), error.code
