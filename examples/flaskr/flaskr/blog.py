# -*- coding: utf-8 -*-
"""The blog: list posts, and create, update and delete one's own posts."""
from __future__ import unicode_literals

from flaskcompat import Blueprint
from flaskcompat import flash
from flaskcompat import g
from flaskcompat import redirect
from flaskcompat import render_template
from flaskcompat import request
from flaskcompat import url_for
from werkzeug.exceptions import abort

from flaskr.auth import login_required
from flaskr.db import get_db

bp = Blueprint("blog", __name__)

# ``created`` is formatted by SQLite rather than converted to a datetime:
# sqlite3's built-in timestamp converter is deprecated since Python 3.12,
# and a date string needs no converter on any interpreter.
_POST_QUERY = (
    "SELECT p.id, title, body, strftime('%Y-%m-%d', created) AS created,"
    " author_id, username"
    " FROM post p JOIN user u ON p.author_id = u.id"
)


@bp.route("/")
def index():
    """Show all the posts, most recent first."""
    db = get_db()
    posts = db.execute(_POST_QUERY + " ORDER BY p.created DESC, p.id DESC").fetchall()
    return render_template("blog/index.html", posts=posts)


def get_post(id, check_author=True):
    """Get a post and its author by id.

    Checks that the id exists and optionally that the current user is
    the author.

    :param id: id of post to get
    :param check_author: require the current user to be the author
    :return: the post with author information
    :raise 404: if a post with the given id doesn't exist
    :raise 403: if the current user isn't the author
    """
    post = get_db().execute(_POST_QUERY + " WHERE p.id = ?", (id,)).fetchone()

    if post is None:
        abort(404, "Post id {0} doesn't exist.".format(id))

    if check_author and post["author_id"] != g.user["id"]:
        abort(403)

    return post


def _read_post_form():
    """Return ``(title, body, error)`` from the submitted form."""
    title = request.form.get("title", "")
    body = request.form.get("body", "")
    error = None

    if not title:
        error = "Title is required."

    return title, body, error


@bp.route("/create", methods=("GET", "POST"))
@login_required
def create():
    """Create a new post for the current user."""
    if request.method == "POST":
        title, body, error = _read_post_form()

        if error is not None:
            flash(error)
        else:
            db = get_db()
            db.execute(
                "INSERT INTO post (title, body, author_id) VALUES (?, ?, ?)",
                (title, body, g.user["id"]),
            )
            db.commit()
            return redirect(url_for("blog.index"))

    return render_template("blog/create.html")


@bp.route("/<int:id>/update", methods=("GET", "POST"))
@login_required
def update(id):
    """Update a post if the current user is the author."""
    post = get_post(id)

    if request.method == "POST":
        title, body, error = _read_post_form()

        if error is not None:
            flash(error)
        else:
            db = get_db()
            db.execute(
                "UPDATE post SET title = ?, body = ? WHERE id = ?", (title, body, id)
            )
            db.commit()
            return redirect(url_for("blog.index"))

    return render_template("blog/update.html", post=post)


@bp.route("/<int:id>/delete", methods=("POST",))
@login_required
def delete(id):
    """Delete a post.

    Ensures that the post exists and that the logged in user is the
    author of the post.
    """
    get_post(id)
    db = get_db()
    db.execute("DELETE FROM post WHERE id = ?", (id,))
    db.commit()
    return redirect(url_for("blog.index"))
