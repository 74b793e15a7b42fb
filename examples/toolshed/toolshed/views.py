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


def turned_down(template, error):
    # A rejected form comes back with its message and status 400, so a
    # script or a test sees the failure as plainly as a person does.
    return render_template(template, error=error), 400


def back_to_the_shed(message):
    # Redirect after every successful POST: reloading the page that follows
    # does not send the form again.
    flash(message)
    return redirect(url_for("shed"))


def load_tool(tool_id):
    tool = g.db.execute(TOOLS_QUERY + " WHERE tool.id = ?", (tool_id,)).fetchone()
    if tool is None:
        abort(404, "There is no tool number {0} in the shed.".format(tool_id))
    return tool


@app.route("/")
def shed():
    tools = g.db.execute(TOOLS_QUERY + " ORDER BY tool.name, tool.id").fetchall()
    return render_template("shed.html", tools=tools)


@app.route("/join", methods=["GET", "POST"])
def join():
    if request.method == "GET":
        return render_template("join.html")
    name = form_text("name")
    password = request.form.get("password", "")
    if not name or len(name) > MAX_NAME_LENGTH:
        error = "Pick a name of 1 to {0} characters.".format(MAX_NAME_LENGTH)
        return turned_down("join.html", error)
    if len(password) < MIN_PASSWORD_LENGTH:
        error = "The password needs {0} characters or more.".format(MIN_PASSWORD_LENGTH)
        return turned_down("join.html", error)
    try:
        cursor = g.db.execute(
            "INSERT INTO member (name, password_hash) VALUES (?, ?)",
            (name, hash_password(password)),
        )
    except sqlite3.IntegrityError:
        return turned_down("join.html", "Somebody already goes by {0}.".format(name))
    g.db.commit()
    session.clear()
    session["member_id"] = cursor.lastrowid
    return back_to_the_shed("Welcome to the shed, {0}.".format(name))


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html")
    member = g.db.execute(
        "SELECT id, name, password_hash FROM member WHERE name = ?",
        (form_text("name"),),
    ).fetchone()
    password = request.form.get("password", "")
    # One message for both mistakes: the page does not tell who is a member.
    if member is None or not password_matches(member["password_hash"], password):
        return turned_down("login.html", "That name and password do not match.")
    session.clear()
    session["member_id"] = member["id"]
    return back_to_the_shed("Hello again, {0}.".format(member["name"]))


@app.route("/logout")
def logout():
    if session.pop("member_id", None) is not None:
        flash("You are logged out.")
    return redirect(url_for("shed"))


@app.route("/tools/new", methods=["GET", "POST"])
@members_only
def add_tool():
    if request.method == "GET":
        return render_template("add_tool.html")
    name = form_text("name")
    note = form_text("note")
    limit = app.config["MAX_TEXT_LENGTH"]
    if not name:
        return turned_down("add_tool.html", "Every tool needs a name.")
    if len(name) > limit or len(note) > limit:
        error = "Keep the name and the note under {0} characters.".format(limit)
        return turned_down("add_tool.html", error)
    g.db.execute(
        "INSERT INTO tool (name, note, owner_id) VALUES (?, ?, ?)",
        (name, note, g.member["id"]),
    )
    g.db.commit()
    return back_to_the_shed("{0} is in the shed.".format(name))


@app.route("/tools/<int:tool_id>/borrow", methods=["POST"])
@members_only
def borrow(tool_id):
    tool = load_tool(tool_id)
    if tool["borrower_id"] is not None:
        abort(409, "{name} is already out with {borrower_name}.".format(**tool))
    g.db.execute(
        "UPDATE tool SET borrower_id = ? WHERE id = ?", (g.member["id"], tool_id)
    )
    g.db.commit()
    return back_to_the_shed("{name} is yours until you bring it back.".format(**tool))


@app.route("/tools/<int:tool_id>/return", methods=["POST"])
@members_only
def give_back(tool_id):
    tool = load_tool(tool_id)
    if tool["borrower_id"] is None:
        abort(409, "{name} is in the shed already.".format(**tool))
    # The borrower brings it back; the owner may also mark it as returned.
    if g.member["id"] not in (tool["borrower_id"], tool["owner_id"]):
        message = "Only {borrower_name} or the owner can return {name}."
        abort(403, message.format(**tool))
    g.db.execute("UPDATE tool SET borrower_id = NULL WHERE id = ?", (tool_id,))
    g.db.commit()
    return back_to_the_shed("{name} is back in the shed.".format(**tool))


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
