# -*- coding: utf-8 -*-
"""Fixtures for Toolshed's tests.

The app is a module-level object, as in the Flask 0.x apps it stands for, so
each test points its configuration at a fresh database in a temporary folder
and puts the old configuration back afterwards.
"""
from __future__ import unicode_literals

import os
import sys

import pytest

EXAMPLE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# A developer's settings file must not leak into the tests: the app reads it
# when it is imported.
os.environ.pop(str("TOOLSHED_SETTINGS"), None)
try:
    import toolshed
except ImportError:
    # Not installed with "pip install -e examples/toolshed": use the package
    # in the checkout, which is what that install would import.
    sys.path.insert(0, EXAMPLE_DIR)
    import toolshed

# The production work factor would spend most of the suite's time hashing;
# the hash format, which records its own iteration count, is what matters.
FAST_HASH_METHOD = "pbkdf2:sha256:1000"


@pytest.fixture
def app(tmpdir):
    saved = dict(toolshed.app.config)
    toolshed.app.config.update(
        TESTING=True,
        DATABASE=str(tmpdir.join("shed.sqlite")),
        PASSWORD_HASH_METHOD=FAST_HASH_METHOD,
    )
    yield toolshed.app
    toolshed.app.config.clear()
    toolshed.app.config.update(saved)


class Neighbour(object):
    """A test client with the steps a member takes, through the real forms."""

    def __init__(self, client, name, password):
        self.client = client
        self.name = name
        self.password = password

    def join(self):
        return self.client.post(
            "/join", data={"name": self.name, "password": self.password}
        )

    def login(self, password=None):
        if password is None:
            password = self.password
        return self.client.post(
            "/login", data={"name": self.name, "password": password}
        )

    def logout(self):
        return self.client.get("/logout")

    def lend(self, name, note=""):
        return self.client.post("/tools/new", data={"name": name, "note": note})

    def borrow(self, tool_id):
        return self.client.post("/tools/{0}/borrow".format(tool_id))

    def give_back(self, tool_id):
        return self.client.post("/tools/{0}/return".format(tool_id))

    def page(self, path="/"):
        reply = self.client.get(path)
        assert reply.status_code == 200
        return reply.get_data(as_text=True)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def neighbour(app):
    """Make a Neighbour: ``neighbour(name, password[, client])``; a new client
    (a cookie jar of its own) unless one is given."""

    def make(name, password, client=None):
        return Neighbour(client or app.test_client(), name, password)

    return make


@pytest.fixture
def example_dir():
    return EXAMPLE_DIR


@pytest.fixture
def ann(neighbour):
    """A member who has joined (and so is logged in)."""
    ann = neighbour("Ann", "ann-password")
    assert ann.join().status_code == 302
    return ann


@pytest.fixture
def bert(neighbour):
    """A second member, with a cookie jar of his own."""
    bert = neighbour("Bert", "bert-password")
    assert bert.join().status_code == 302
    return bert


@pytest.fixture
def drill(ann):
    """Ann lends a drill: the shed's tool number 1."""
    assert ann.lend("Cordless drill", "Charger is in the bag").status_code == 302
    return 1
