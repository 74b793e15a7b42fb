# -*- coding: utf-8 -*-
"""Fixtures for the flaskr suite: ``app`` (a fresh database in a temporary
instance folder, filled from ``data.sql``), ``client``, ``runner`` and
``auth``."""
from __future__ import unicode_literals

import io
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))

try:
    import flaskr  # noqa: F401
except ImportError:
    # Not installed (``pip install -e examples/flaskr``): test the package
    # beside this folder, which is what an editable install would import.
    sys.path.insert(0, os.path.dirname(HERE))

from flaskr import create_app
from flaskr import INSTANCE_PATH_ENV
from flaskr.db import get_db
from flaskr.db import init_db

with io.open(os.path.join(HERE, "data.sql"), encoding="utf-8") as f:
    _data_sql = f.read()

# Hashing with the production work factor would make each registration take
# a noticeable fraction of a second; the method's format is what matters here.
TEST_HASH_METHOD = "pbkdf2:sha256:1000"


@pytest.fixture
def instance_path(tmpdir, monkeypatch):
    """A temporary instance folder, used by every app the test creates."""
    path = str(tmpdir.join("instance"))
    monkeypatch.setenv(str(INSTANCE_PATH_ENV), str(path))
    return path


@pytest.fixture
def app(instance_path):
    """Create and configure a new app instance for each test."""
    app = create_app(
        {
            "TESTING": True,
            "DATABASE": os.path.join(instance_path, "test.sqlite"),
            "PASSWORD_HASH_METHOD": TEST_HASH_METHOD,
        }
    )

    # create the database and load test data
    with app.app_context():
        init_db()
        get_db().executescript(_data_sql)

    return app


@pytest.fixture
def client(app):
    """A test client for the app."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A test runner for the app's Click commands."""
    return app.test_cli_runner()


class AuthActions(object):
    """Log in and out through the real views."""

    def __init__(self, client):
        self._client = client

    def login(self, username="test", password="test"):
        return self._client.post(
            "/auth/login", data={"username": username, "password": password}
        )

    def logout(self):
        return self._client.get("/auth/logout")


@pytest.fixture
def auth(client):
    """Log in as one of the users from ``data.sql``."""
    return AuthActions(client)
