# -*- coding: utf-8 -*-
from __future__ import unicode_literals

import pytest

from flaskr.db import get_db

TITLE = "Grüße aus Köln ☕"
BODY = "Schöne Grüße — 日本語のテキスト"


def test_index(client, auth):
    response = client.get("/")
    page = response.get_data(as_text=True)
    assert "Log In" in page
    assert "Register" in page
    assert "test title" in page
    assert "by test on 2018-01-01" in page
    assert "test\nbody" in page
    assert 'href="/1/update"' not in page

    auth.login()
    page = client.get("/").get_data(as_text=True)
    assert "Log Out" in page
    assert 'href="/1/update"' in page
    # post 2 belongs to "other": no edit link for "test"
    assert 'href="/2/update"' not in page


def test_index_non_ascii_from_database(client):
    response = client.get("/")
    assert response.headers["Content-Type"].lower() == "text/html; charset=utf-8"
    # the bytes on the wire are UTF-8 on every interpreter
    assert TITLE.encode("utf-8") in response.data
    assert BODY.encode("utf-8") in response.data
    # most recent first
    page = response.get_data(as_text=True)
    assert page.index(TITLE) < page.index("test title")


def test_index_empty(client, app):
    with app.app_context():
        db = get_db()
        db.execute("DELETE FROM post")
        db.commit()
    assert "No posts yet." in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize("path", ("/create", "/1/update", "/1/delete"))
def test_login_required(client, path):
    response = client.post(path)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/auth/login")


def test_login_required_get(client):
    response = client.get("/create")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/auth/login")


def test_author_required(app, client, auth):
    # change the post author to another user
    with app.app_context():
        db = get_db()
        db.execute("UPDATE post SET author_id = 2 WHERE id = 1")
        db.commit()

    auth.login()
    # current user can't modify other user's post
    assert client.post("/1/update").status_code == 403
    assert client.post("/1/delete").status_code == 403
    # current user doesn't see edit link
    assert 'href="/1/update"' not in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize("path", ("/3/update", "/3/delete"))
def test_exists_required(client, auth, path):
    auth.login()
    assert client.post(path).status_code == 404


def test_create(client, auth, app):
    auth.login()
    assert client.get("/create").status_code == 200
    response = client.post("/create", data={"title": "created", "body": ""})
    assert response.status_code == 302

    with app.app_context():
        db = get_db()
        count = db.execute("SELECT COUNT(id) AS n FROM post").fetchone()["n"]
        assert count == 3


def test_create_non_ascii_round_trip(client, auth, app):
    title = "Ünïcödé — ✓ 漢字"
    body = "Zeile eins\nZeile zwei: naïve café, ½ € and 🐍"
    auth.login()
    response = client.post("/create", data={"title": title, "body": body})
    assert response.status_code == 302

    with app.app_context():
        row = get_db().execute(
            "SELECT title, body FROM post WHERE author_id = 1 ORDER BY id DESC"
        ).fetchone()
    # stored as the same text, not bytes or mojibake
    assert row["title"] == title
    assert row["body"] == body

    page = client.get("/").get_data(as_text=True)
    assert title in page
    assert body in page


def test_update(client, auth, app):
    auth.login()
    assert client.get("/1/update").status_code == 200
    client.post("/1/update", data={"title": "updated", "body": ""})

    with app.app_context():
        db = get_db()
        post = db.execute("SELECT * FROM post WHERE id = 1").fetchone()
        assert post["title"] == "updated"


def test_update_non_ascii(client, auth, app):
    auth.login("other", "other")
    page = client.get("/2/update").get_data(as_text=True)
    # the edit form shows the stored text, escaped only where HTML needs it
    assert 'value="{0}"'.format(TITLE) in page
    assert BODY in page

    new_title = TITLE + " — überarbeitet"
    response = client.post("/2/update", data={"title": new_title, "body": BODY})
    assert response.status_code == 302
    with app.app_context():
        post = get_db().execute("SELECT title FROM post WHERE id = 2").fetchone()
    assert post["title"] == new_title


@pytest.mark.parametrize("path", ("/create", "/1/update"))
def test_create_update_validate(client, auth, path):
    auth.login()
    response = client.post(path, data={"title": "", "body": ""})
    assert "Title is required." in response.get_data(as_text=True)


def test_delete(client, auth, app):
    auth.login()
    response = client.post("/1/delete")
    assert response.headers["Location"].endswith("/")

    with app.app_context():
        db = get_db()
        post = db.execute("SELECT * FROM post WHERE id = 1").fetchone()
        assert post is None


def test_delete_needs_post(client, auth):
    auth.login()
    assert client.get("/1/delete").status_code == 405


XSS_TITLE = '<script>alert("title")</script>'
XSS_BODY = "<img src=x onerror=alert(1)> & \"quotes\" 'single'"


def test_xss_escaped(client, auth):
    auth.login()
    client.post("/create", data={"title": XSS_TITLE, "body": XSS_BODY})

    page = client.get("/").get_data(as_text=True)
    assert XSS_TITLE not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(" in page
    assert "&lt;img src=x onerror=alert(1)&gt; &amp;" in page


def test_xss_escaped_in_username_and_flash(client, auth):
    name = "<b>bold</b>"
    client.post("/auth/register", data={"username": name, "password": "p"})
    # registering twice flashes a message that contains the name
    page = client.post(
        "/auth/register", data={"username": name, "password": "p"}
    ).get_data(as_text=True)
    assert "<b>bold</b>" not in page
    assert "User &lt;b&gt;bold&lt;/b&gt; is already registered." in page

    auth.login(name, "p")
    page = client.get("/").get_data(as_text=True)
    assert "<span>&lt;b&gt;bold&lt;/b&gt;</span>" in page


def test_xss_escaped_in_update_form(client, auth, app):
    with app.app_context():
        db = get_db()
        db.execute("UPDATE post SET title = ? WHERE id = 1", ('"><script>x</script>',))
        db.commit()
    auth.login()
    page = client.get("/1/update").get_data(as_text=True)
    assert '"><script>' not in page
    assert "&#34;&gt;&lt;script&gt;" in page or "&quot;&gt;&lt;script&gt;" in page


@pytest.mark.parametrize("path", ("/create", "/1/update"))
def test_rejected_form_keeps_what_was_typed(client, auth, path):
    auth.login()
    body = "Entwurf — nicht verlieren <b>&</b>"
    page = client.post(path, data={"title": "", "body": body}).get_data(as_text=True)
    assert "Title is required." in page
    assert "Entwurf — nicht verlieren &lt;b&gt;&amp;&lt;/b&gt;</textarea>" in page
