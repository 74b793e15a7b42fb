# -*- coding: utf-8 -*-
"""Joining, logging in and out, and the password hashes behind them."""
from __future__ import unicode_literals

import sqlite3

import pytest

import toolshed

HOME = "http://localhost/"


def stored_hash(app, name):
    connection = sqlite3.connect(app.config["DATABASE"])
    try:
        row = connection.execute(
            "SELECT password_hash FROM member WHERE name = ?", (name,)
        ).fetchone()
    finally:
        connection.close()
    return row[0]


def test_join_page(client):
    page = client.get("/join").get_data(as_text=True)
    assert "<title>Join the shed · Toolshed</title>" in page
    assert 'name="name"' in page
    assert 'name="password"' in page


def test_joining_logs_the_new_member_in(app, client, neighbour):
    reply = neighbour("Cleo", "cleo-password", client).join()
    assert reply.status_code == 302
    assert reply.headers["Location"] == HOME
    page = client.get("/").get_data(as_text=True)
    assert "Welcome to the shed, Cleo." in page
    assert 'href="/logout">Log out</a>' in page
    assert 'href="/tools/new">Lend a tool</a>' in page
    # the password itself is never stored
    assert stored_hash(app, "Cleo").startswith("pbkdf2:sha256:1000$")


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"name": "", "password": "long-enough"}, "Pick a name of 1 to 40 characters."),
        ({"name": "   ", "password": "long-enough"}, "Pick a name of 1 to 40"),
        ({"name": "x" * 41, "password": "long-enough"}, "Pick a name of 1 to 40"),
        ({"password": "long-enough"}, "Pick a name of 1 to 40 characters."),
        ({"name": "Dev", "password": "short"}, "The password needs 8 characters"),
        ({"name": "Dev"}, "The password needs 8 characters or more."),
    ],
    ids=["empty", "blank", "too-long", "missing-name", "short-password", "no-password"],
)
def test_join_turns_down_bad_input(client, form, message):
    reply = client.post("/join", data=form)
    assert reply.status_code == 400
    assert message in reply.get_data(as_text=True)
    assert 'href="/login">Log in</a>' in client.get("/").get_data(as_text=True)


def test_names_are_unique(ann, neighbour):
    reply = neighbour("Ann", "another-password").join()
    assert reply.status_code == 400
    assert "Somebody already goes by Ann." in reply.get_data(as_text=True)


def test_the_form_keeps_the_name_but_not_the_password(client):
    reply = client.post("/join", data={"name": "Ed", "password": "secret"})
    page = reply.get_data(as_text=True)
    assert 'value="Ed"' in page
    assert "secret" not in page


def test_logout_then_login(ann):
    reply = ann.logout()
    assert reply.status_code == 302
    assert reply.headers["Location"] == HOME
    page = ann.page()
    assert "You are logged out." in page
    assert 'href="/login">Log in</a>' in page

    assert "<title>Log in · Toolshed</title>" in ann.page("/login")
    reply = ann.login()
    assert reply.status_code == 302
    assert reply.headers["Location"] == HOME
    page = ann.page()
    assert "Hello again, Ann." in page
    assert "Ann ·" in page


def test_logout_when_logged_out_says_nothing(client):
    assert client.get("/logout").status_code == 302
    assert "logged out" not in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize(
    "form",
    [
        {"name": "Ann", "password": "not-her-password"},
        {"name": "Nobody", "password": "ann-password"},
        {"name": "Ann"},
        {},
    ],
    ids=["wrong-password", "unknown-name", "no-password", "empty-form"],
)
def test_failed_login(ann, form):
    ann.logout()
    reply = ann.client.post("/login", data=form)
    assert reply.status_code == 400
    assert "That name and password do not match." in reply.get_data(as_text=True)
    assert 'href="/login">Log in</a>' in ann.page()


def test_login_with_a_non_ascii_name_and_password(neighbour):
    member = neighbour("Zoë", "Säge-und-Bohrer ☃")
    assert member.join().status_code == 302
    member.logout()
    assert member.login().status_code == 302
    assert "Hello again, Zoë." in member.page()


def test_session_of_a_member_who_is_gone(app, ann):
    connection = sqlite3.connect(app.config["DATABASE"])
    try:
        connection.execute("DELETE FROM member")
        connection.commit()
    finally:
        connection.close()
    page = ann.page()
    assert 'href="/login">Log in</a>' in page
    # a members-only page sends the visitor to log in again
    assert ann.client.get("/tools/new").headers["Location"] == HOME + "login"


# Hashes made with the app's method (cheapened to 1000 rounds) by the
# Werkzeug that Python 2.7 installs and by the one Python 3.9+ installs: a
# member database moves between interpreters.
HASHES_FROM_BOTH_SIDES = [
    (
        "werkzeug-1.0.1",
        "hammer-time",
        "pbkdf2:sha256:1000$M95Idwih$"
        "b0f91ca86e9829a8bc39dd96e8e25803246229f5f9bbe7b1035fee2bd8c4d2af",
    ),
    (
        "werkzeug-1.0.1",
        "S\u00e4ge-und-Bohrer",
        "pbkdf2:sha256:1000$gozXD2XI$"
        "9f6a0b0df3850b13908b8257aa60ed16e094d948ca9cce1a8b28a1ad70d7a380",
    ),
    (
        "werkzeug-3.1",
        "hammer-time",
        "pbkdf2:sha256:1000$u16aDV3kgotjLVJs$"
        "829ec92fa89dccec7f4832d1122a88610cbf3e8f7ec6e1e625f564ceb697db95",
    ),
    (
        "werkzeug-3.1",
        "S\u00e4ge-und-Bohrer",
        "pbkdf2:sha256:1000$ExFBMZrMfrzsONyN$"
        "25ebffa04c33333557f1f1cc7802e0d84ccedafe21fcfeaf53642467656f4fd2",
    ),
]


@pytest.mark.parametrize(
    ("made_by", "password", "pwhash"),
    HASHES_FROM_BOTH_SIDES,
    ids=["{0}-{1}".format(case[0], n) for n, case in enumerate(HASHES_FROM_BOTH_SIDES)],
)
def test_hashes_from_either_werkzeug_verify(app, made_by, password, pwhash):
    # as text, the way SQLite returns them (unicode on 2.7)
    assert toolshed.password_matches(pwhash, password)
    assert not toolshed.password_matches(pwhash, password + "!")


@pytest.mark.parametrize(("made_by", "password", "pwhash"), HASHES_FROM_BOTH_SIDES[:1])
def test_login_against_a_hash_from_python_2(
    app, client, neighbour, made_by, password, pwhash
):
    # An empty file, as a first sqlite3.connect() leaves: the app's first
    # request still creates the tables in it.
    connection = sqlite3.connect(app.config["DATABASE"])
    try:
        client.get("/")
        connection.execute(
            "INSERT INTO member (name, password_hash) VALUES (?, ?)",
            ("Old-timer", pwhash),
        )
        connection.commit()
    finally:
        connection.close()
    assert neighbour("Old-timer", password, client).login().status_code == 302


def test_default_method_is_readable_by_every_werkzeug():
    from toolshed import default_settings

    assert default_settings.PASSWORD_HASH_METHOD == "pbkdf2:sha256"
