# -*- coding: utf-8 -*-
"""A user database must survive moving between interpreters: hashes written
by Werkzeug 1.0.1 (what Python 2.7 gets) and by Werkzeug 3.1 (Python 3.9+)
with the app's default method verify on whichever Werkzeug is installed."""
from __future__ import unicode_literals

import logging

import pytest

from flaskr.auth import hash_password
from flaskr.auth import verify_password

NON_ASCII_PASSWORD = "p\u00e4ss\u2603"

# (made by, password, hash) generated with PASSWORD_HASH_METHOD's default
FOREIGN_HASHES = (
    (
        "Werkzeug 1.0.1",
        "test",
        "pbkdf2:sha256:600000$GLw1MY5S$"
        "3ad90b645db2eab5526d792056d44f24b807ccdafe4d2596ba0497d4c327c200",
    ),
    (
        "Werkzeug 1.0.1",
        NON_ASCII_PASSWORD,
        "pbkdf2:sha256:600000$a0hDY9LN$"
        "0775bd46bb649368574fe1aa0b11ec85a66a0bdba0c8d111c0627d6705e98848",
    ),
    (
        "Werkzeug 3.1",
        "test",
        "pbkdf2:sha256:600000$JZKcmhzSBkBnbPku$"
        "e3e65ee70b579f184cdaaddb0ebc57b07aeeef00c778dce8e10ffbdbf6d07b73",
    ),
    (
        "Werkzeug 3.1",
        NON_ASCII_PASSWORD,
        "pbkdf2:sha256:600000$hmbgLkka1NJtvgee$"
        "c83769cf955caf69ee39cbd59a494169f6c1cb0b344c4efcaab9ffa159564f53",
    ),
)


@pytest.mark.parametrize(
    ("made_by", "password", "pwhash"),
    FOREIGN_HASHES,
    ids=["{0}-{1}".format(made_by, i) for i, (made_by, _, _) in enumerate(FOREIGN_HASHES)],
)
def test_hashes_from_both_werkzeug_lines_verify(app, made_by, password, pwhash):
    with app.app_context():
        assert verify_password(pwhash, password)
        assert not verify_password(pwhash, password + "x")


def test_default_method_matches_the_foreign_hashes(instance_path):
    from flaskr import create_app

    method = create_app().config["PASSWORD_HASH_METHOD"]
    for _, _, pwhash in FOREIGN_HASHES:
        assert pwhash.startswith(method + "$")


def test_hash_password_uses_configured_method(app):
    with app.app_context():
        pwhash = hash_password(NON_ASCII_PASSWORD)
        method = app.config["PASSWORD_HASH_METHOD"]
        assert pwhash.startswith(method + "$")
        # Werkzeug 1.0.1 checks exactly "method$salt$hash"
        assert pwhash.count("$") == 2
        assert verify_password(pwhash, NON_ASCII_PASSWORD)
        assert not verify_password(pwhash, "pass")


def test_unknown_method_is_a_logged_mismatch(app, caplog):
    with app.app_context():
        with caplog.at_level(logging.ERROR):
            assert verify_password("nosuchhash:1$salt$abcdef", "test") is False
    assert "cannot verify a stored password hash" in caplog.text
    assert "nosuchhash:1" in caplog.text


def test_non_ascii_damaged_hash_is_a_mismatch(app):
    with app.app_context():
        assert verify_password("pbkdf2:sha256:1000$s\u00e4lt$ff", "test") is False


def test_login_with_unverifiable_hash_fails_cleanly(app, client, auth):
    from flaskr.db import get_db

    with app.app_context():
        db = get_db()
        db.execute(
            "UPDATE user SET password = ? WHERE username = 'test'",
            ("nosuchhash:1$salt$abcdef",),
        )
        db.commit()
    response = auth.login()
    assert response.status_code == 200
    assert "Incorrect password." in response.get_data(as_text=True)
