# -*- coding: utf-8 -*-
"""Fixtures every test module may use.

``app`` is a fresh application rooted in this folder (so ``templates/``
and ``static/`` here are its own), in testing mode with a secret key;
``client`` talks to it; ``app_ctx`` and ``req_ctx`` keep one of its
contexts pushed for the test; ``test_apps`` makes the sample packages in
``test_apps/`` importable. Every test is also checked for contexts it
forgot to pop.
"""
import os
import sys

import pytest

import flaskcompat
from flaskcompat.globals import _app_ctx_stack
from flaskcompat.globals import _request_ctx_stack

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
SAMPLE_APPS_DIR = os.path.join(TESTS_DIR, "test_apps")


@pytest.fixture
def app():
    application = flaskcompat.Flask("flask_test", root_path=TESTS_DIR)
    application.config["TESTING"] = True
    application.secret_key = "test key"
    return application


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def app_ctx(app):
    pushed = app.app_context()
    pushed.push()
    yield pushed
    pushed.pop()


@pytest.fixture
def req_ctx(app):
    pushed = app.test_request_context()
    pushed.push()
    yield pushed
    pushed.pop()


def _drain(stack):
    left = []
    while stack.top is not None:
        left.append(stack.pop())
    return left


@pytest.fixture(autouse=True)
def leak_detector():
    """Fail a test that leaves a request or app context pushed, and clean
    up after it so the next test starts empty."""
    yield
    leaked = _drain(_request_ctx_stack) + _drain(_app_ctx_stack)
    assert leaked == [], "contexts left pushed: %r" % (leaked,)


@pytest.fixture
def test_apps(monkeypatch):
    """Import the sample apps of ``test_apps/``; modules imported from
    there are forgotten afterwards, so a later test cannot import them by
    accident."""
    monkeypatch.syspath_prepend(SAMPLE_APPS_DIR)
    before = frozenset(sys.modules)
    yield
    for name in [m for m in sys.modules if m not in before]:
        del sys.modules[name]
