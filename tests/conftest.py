# -*- coding: utf-8 -*-
"""Shared fixtures: ``app``, ``client``, ``app_ctx``, ``req_ctx``, and a
check that fails any test which leaves a context pushed."""
import os
import sys

import pytest

import flaskcompat
from flaskcompat.globals import _app_ctx_stack
from flaskcompat.globals import _request_ctx_stack

HERE = os.path.dirname(os.path.abspath(__file__))


@pytest.fixture
def app():
    app = flaskcompat.Flask("flask_test", root_path=HERE)
    app.config.update(TESTING=True, SECRET_KEY="test key")
    return app


@pytest.fixture
def app_ctx(app):
    with app.app_context() as ctx:
        yield ctx


@pytest.fixture
def req_ctx(app):
    with app.test_request_context() as ctx:
        yield ctx


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(autouse=True)
def leak_detector():
    yield

    # make sure we're not leaking a request context since we are
    # testing flaskcompat internally in debug mode in a few cases
    leaks = []
    while _request_ctx_stack.top is not None:
        leaks.append(_request_ctx_stack.pop())
    while _app_ctx_stack.top is not None:
        leaks.append(_app_ctx_stack.pop())
    assert leaks == []


@pytest.fixture
def test_apps(monkeypatch):
    """Put ``tests/test_apps`` on ``sys.path`` for app-discovery tests and
    forget the modules imported from there afterwards."""
    monkeypatch.syspath_prepend(os.path.join(HERE, "test_apps"))
    original_modules = set(sys.modules.keys())

    yield

    # Remove any imports cached during the test. Otherwise "import app"
    # will work in the next test even though it's no longer on the path.
    for key in set(sys.modules.keys()) - original_modules:
        sys.modules.pop(key)
