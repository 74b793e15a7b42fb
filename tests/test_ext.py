# -*- coding: utf-8 -*-
"""``flaskcompat.ext.NAME``: the old import path for extensions, which tries
``flask_NAME`` and then ``flaskext.NAME`` and warns that it is deprecated."""
import os
import sys

import pytest

EXT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ext_packages")


@pytest.fixture
def ext_pkg(monkeypatch):
    """The redirecting package, with the sample extensions importable."""
    import flaskcompat.ext as redirector

    monkeypatch.syspath_prepend(EXT_DIR)
    known = frozenset(sys.modules)
    yield redirector
    for added in [name for name in sys.modules if name not in known]:
        sys.modules.pop(added)
    for short in ("demoext", "oldstyle"):
        vars(redirector).pop(short, None)


def test_flask_prefixed_package_is_found_first(ext_pkg):
    with pytest.warns(DeprecationWarning) as caught:
        from flaskcompat.ext import demoext
    import flaskcompat.ext.demoext as again

    assert demoext.VALUE == "flask_demoext"
    assert again is demoext
    assert ext_pkg.demoext is demoext
    assert "import flask_demoext instead" in str(caught[0].message)


def test_flaskext_namespace_is_tried_second(ext_pkg):
    with pytest.warns(DeprecationWarning) as caught:
        import flaskcompat.ext.oldstyle as legacy
    assert legacy.VALUE == "flaskext.oldstyle"
    assert "flaskext.oldstyle" in str(caught[0].message)


def test_unknown_extension_error_lists_both_places(ext_pkg):
    try:
        import flaskcompat.ext.nowhere_to_be_found  # noqa: F401
    except ImportError as exc:
        message = str(exc)
    else:
        message = None
    assert message is not None
    assert "flask_nowhere_to_be_found" in message
    assert "flaskext.nowhere_to_be_found" in message
