# -*- coding: utf-8 -*-
"""A user database must survive moving between interpreters: hashes written
by Werkzeug 1.0.1 (what Python 2.7 gets) and by Werkzeug 3.1 (Python 3.9+)
with the app's algorithm verify on whichever Werkzeug is installed."""
from __future__ import unicode_literals

import logging

import pytest

from flaskr.auth import hash_password
from flaskr.auth import verify_password

NON_ASCII_PASSWORD = "p\u00e4ss\u2603"

# (made by, password, hash). The work factor is low to keep the suite fast
# (a pbkdf2 hash records its own iteration count, so it does not change what
# verifies where); the algorithm is the one PASSWORD_HASH_METHOD names.
FOREIGN_HASHES = (
    (
        "Werkzeug 1.0.1",
        "test",
        "pbkdf2:sha256:1000$9QsOPyg9$"
        "e61d5fc0880386ab271d98baf9157a63520bf9276113337289a54fbe2979fd93",
    ),
    (
        "Werkzeug 1.0.1",
        NON_ASCII_PASSWORD,
        "pbkdf2:sha256:1000$s6k6IHej$"
        "31c5bbbe1a3450bd8441e6d5cb7f0dfa41807a551c3e19bebbbe712facf07af8",
    ),
    (
        "Werkzeug 3.1",
        "test",
        "pbkdf2:sha256:1000$aR5SbJZ6oHPaENXR$"
        "4410ad75a401c1c79eda9c9ee9ea5fa94c4b46f664fd3419461be4b4251f16a9",
    ),
    (
        "Werkzeug 3.1",
        NON_ASCII_PASSWORD,
        "pbkdf2:sha256:1000$af5v1ilro0YUvOwo$"
        "f17280a96b55415406688fa9bc911aa46658b8047114f4e6a99864c4b7fa5da7",
    ),
)


@pytest.mark.parametrize(
    ("made_by", "password", "pwhash"),
    FOREIGN_HASHES,
    ids=["{0}-{1}".format(entry[0], i) for i, entry in enumerate(FOREIGN_HASHES)],
)
def test_hashes_from_both_werkzeug_lines_verify(app, made_by, password, pwhash):
    with app.app_context():
        assert verify_password(pwhash, password)
        assert not verify_password(pwhash, password + "x")


def test_default_method_is_pbkdf2_sha256(instance_path):
    from flaskr import create_app

    method = create_app().config["PASSWORD_HASH_METHOD"]
    algorithm, _, iterations = method.rpartition(":")
    assert algorithm == "pbkdf2:sha256"
    assert int(iterations) >= 100000
    for _, _, pwhash in FOREIGN_HASHES:
        assert pwhash.startswith(algorithm + ":")


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
