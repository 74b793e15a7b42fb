# -*- coding: utf-8 -*-
from __future__ import unicode_literals

import pytest
from flaskcompat import g
from flaskcompat import session

from flaskr.db import get_db


def test_register(client, app):
    # test that viewing the page renders without template errors
    assert client.get("/auth/register").status_code == 200

    # test that successful registration redirects to the login page
    response = client.post("/auth/register", data={"username": "a", "password": "a"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/auth/login")

    # test that the user was inserted into the database with a hash that
    # every supported Werkzeug release can verify
    with app.app_context():
        user = get_db().execute("SELECT * FROM user WHERE username = 'a'").fetchone()
    assert user is not None
    assert user["password"].startswith("pbkdf2:sha256:1000$")


@pytest.mark.parametrize(
    ("username", "password", "message"),
    (
        ("", "", "Username is required."),
        ("a", "", "Password is required."),
        ("test", "test", "already registered"),
    ),
)
def test_register_validate_input(client, username, password, message):
    response = client.post(
        "/auth/register", data={"username": username, "password": password}
    )
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)


def test_register_and_login_non_ascii(client, auth):
    username = "Jürgen ☃"
    password = "pässwörd — 密码"
    response = client.post(
        "/auth/register", data={"username": username, "password": password}
    )
    assert response.status_code == 302

    response = client.post(
        "/auth/register", data={"username": username, "password": "x"}
    )
    assert "User {0} is already registered.".format(username) in response.get_data(
        as_text=True
    )

    assert auth.login(username, password).status_code == 302
    page = client.get("/").get_data(as_text=True)
    assert "<span>{0}</span>".format(username) in page
    assert "Log Out" in page


def test_login(client, auth):
    # test that viewing the page renders without template errors
    assert client.get("/auth/login").status_code == 200

    # test that successful login redirects to the index page
    response = auth.login()
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/")

    # login request set the user_id in the session
    # check that the user is loaded from the session
    with client:
        client.get("/")
        assert session["user_id"] == 1
        assert g.user["username"] == "test"


@pytest.mark.parametrize(
    ("username", "password", "message"),
    (("a", "test", "Incorrect username."), ("test", "a", "Incorrect password.")),
)
def test_login_validate_input(auth, username, password, message):
    response = auth.login(username, password)
    assert message in response.get_data(as_text=True)


def test_login_with_hash_from_werkzeug_3(client, auth):
    """``other`` was hashed by Werkzeug 3.1 (see data.sql)."""
    assert auth.login("other", "other").status_code == 302
    page = client.get("/").get_data(as_text=True)
    assert "<span>other</span>" in page
    assert "Log Out" in page


def test_logout(client, auth):
    auth.login()

    with client:
        auth.logout()
        assert "user_id" not in session


def test_rejected_login_keeps_the_username(auth):
    page = auth.login("Jürgen <x>", "wrong").get_data(as_text=True)
    assert "Incorrect username." in page
    assert 'value="Jürgen &lt;x&gt;"' in page


def test_rejected_registration_keeps_the_username(client):
    response = client.post("/auth/register", data={"username": "Zoë", "password": ""})
    page = response.get_data(as_text=True)
    assert "Password is required." in page
    assert 'value="Zoë"' in page
