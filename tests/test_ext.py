# -*- coding: utf-8 -*-
"""The legacy ``flaskcompat.ext.foo`` import path."""
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))


@pytest.fixture
def ext_path(monkeypatch):
    import flaskcompat.ext

    monkeypatch.syspath_prepend(os.path.join(HERE, "ext_packages"))
    before = set(sys.modules)
    yield
    for name in set(sys.modules) - before:
        del sys.modules[name]

    for name in ("demoext", "oldstyle"):
        flaskcompat.ext.__dict__.pop(name, None)


def test_new_style_extension_found_with_deprecation_warning(ext_path):
    with pytest.warns(DeprecationWarning) as record:
        from flaskcompat.ext import demoext
    assert demoext.VALUE == "flask_demoext"
    assert "import flask_demoext instead" in str(record[0].message)
    import flaskcompat.ext.demoext

    assert flaskcompat.ext.demoext is demoext


def test_old_flaskext_namespace_is_the_fallback(ext_path):
    with pytest.warns(DeprecationWarning):
        import flaskcompat.ext.oldstyle as oldstyle
    assert oldstyle.VALUE == "flaskext.oldstyle"


def test_missing_extension_is_an_import_error_naming_the_candidates(ext_path):
    with pytest.raises(ImportError) as excinfo:
        import flaskcompat.ext.not_installed  # noqa: F401
    message = str(excinfo.value)
    assert "flask_not_installed" in message
    assert "flaskext.not_installed" in message
