# -*- coding: utf-8 -*-
import os
import sys

import pytest

# the example is not installed: import it from its folder
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from storefront import create_app  # noqa: E402


@pytest.fixture
def app():
    return create_app({"TESTING": True, "SHOP_NAME": u"Test Shop"})


@pytest.fixture
def client(app):
    return app.test_client()
