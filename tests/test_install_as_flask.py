# -*- coding: utf-8 -*-
"""``install_as_flask()``: code that imports ``flask`` gets flaskcompat."""
import os
import sys
import textwrap
import types

import pytest
import six

import flaskcompat
from flaskcompat import _flask_alias

PACKAGE_DIR = os.path.dirname(os.path.abspath(flaskcompat.__file__))


def _flask_module_names():
    return [name for name in sys.modules if name == "flask" or name.startswith("flask.")]


@pytest.fixture
def clean_modules():
    """Take every ``flask``/``flask.*`` module out of ``sys.modules`` for the
    test and put the originals back afterwards, so the alias never leaks
    into other tests."""
    saved = dict((name, sys.modules.pop(name)) for name in _flask_module_names())
    yield
    for name in _flask_module_names():
        del sys.modules[name]
    sys.modules.update(saved)


@pytest.fixture
def flask(clean_modules):
    return flaskcompat.install_as_flask()


def _framework_module_names():
    """``flask.X`` for every module file of the package, found on disk."""
    names = []
    for folder, _dirs, files in os.walk(PACKAGE_DIR):
        relative = os.path.relpath(folder, PACKAGE_DIR)
        prefix = "" if relative == os.curdir else relative.replace(os.sep, ".") + "."
        for filename in files:
            if not filename.endswith(".py"):
                continue
            stem = filename[:-3]
            if stem == "__init__":
                if prefix:
                    names.append(prefix[:-1])
            elif stem not in ("__main__", "_flask_alias"):
                names.append(prefix + stem)
    return sorted(names)


def test_import_flask_gives_the_framework(flask):
    import flask as imported
    from flask import Flask, request, _request_ctx_stack, _app_ctx_stack

    assert imported is flask
    assert Flask is flaskcompat.Flask
    assert request is flaskcompat.request
    assert _request_ctx_stack is flaskcompat.globals._request_ctx_stack
    assert _app_ctx_stack is flaskcompat.globals._app_ctx_stack
    assert flask.json is flaskcompat.json


def test_every_submodule_is_the_framework_module(flask):
    names = _framework_module_names()
    assert "json.tag" in names and "globals" in names and "ext" in names
    for name in names:
        assert sys.modules["flask." + name] is sys.modules["flaskcompat." + name], name


def test_submodule_imports_as_extensions_write_them(flask):
    import flask.globals
    from flask.json.tag import TaggedJSONSerializer
    from flask.signals import Namespace
    from flask.testing import FlaskClient
    from flask.views import MethodView

    assert flask.globals is flaskcompat.globals
    assert TaggedJSONSerializer is flaskcompat.json.tag.TaggedJSONSerializer
    assert Namespace is flaskcompat.signals.Namespace
    assert FlaskClient is flaskcompat.testing.FlaskClient
    assert MethodView is flaskcompat.views.MethodView


def test_unknown_submodule_is_an_import_error_not_a_copy(flask):
    with pytest.raises(ImportError):
        import flask.no_such_module  # noqa: F401 (a module flaskcompat lacks)
    assert "flask.no_such_module" not in sys.modules
    assert not any(
        getattr(module, "__file__", None) and name.startswith("flask.")
        and sys.modules.get("flaskcompat." + name[len("flask."):]) is not module
        for name, module in list(sys.modules.items())
        if name.startswith("flask.")
    )


def test_version_names_the_flask_api(flask):
    assert flask.__version__ == "1.1.4"
    assert flaskcompat.__version__ != flask.__version__
    assert flask.__name__ == "flask"


def test_missing_attribute_is_an_attribute_error_naming_flask(flask):
    with pytest.raises(AttributeError) as excinfo:
        flask.no_such_name
    assert "no_such_name" in str(excinfo.value)
    assert "flaskcompat" in str(excinfo.value)
    assert getattr(flask, "no_such_name", "default") == "default"


def test_star_import_gives_the_public_names(flask):
    namespace = {}
    exec("from flask import *", namespace)
    assert namespace["Flask"] is flaskcompat.Flask
    assert namespace["request"] is flaskcompat.request
    assert namespace["json"] is flaskcompat.json
    assert not [name for name in namespace if name.startswith("_") and name != "__builtins__"]


def test_dir_lists_the_framework_names(flask):
    names = dir(flask)
    assert "Flask" in names and "request" in names and "__version__" in names
    assert "_flaskcompat" not in names


def test_patching_flask_leaves_the_framework_alone(flask, monkeypatch):
    monkeypatch.setattr(flask, "url_for", lambda *a, **kw: "patched")
    assert flask.url_for("x") == "patched"
    assert flaskcompat.url_for is flaskcompat.helpers.url_for
    monkeypatch.undo()
    assert flask.url_for is flaskcompat.url_for


def test_spec_matches_the_import_system(flask):
    if six.PY2:
        # Python 2's import system has no module specs at all.
        assert getattr(flask, "__spec__", None) is None
    else:
        import importlib.util

        spec = importlib.util.find_spec("flask")
        assert spec.name == "flask"
        assert spec.submodule_search_locations == []


def test_second_call_is_a_no_op(flask):
    modules = dict((name, sys.modules[name]) for name in _flask_module_names())
    assert flaskcompat.install_as_flask() is flask
    assert _flask_alias.is_installed()
    assert dict((name, sys.modules[name]) for name in _flask_module_names()) == modules


def test_real_flask_already_imported_is_refused(clean_modules):
    real = types.ModuleType("flask")
    real.__file__ = "/site-packages/flask/__init__.py"
    sys.modules["flask"] = real
    sys.modules["flask.json"] = types.ModuleType("flask.json")
    with pytest.raises(RuntimeError) as excinfo:
        flaskcompat.install_as_flask()
    message = str(excinfo.value)
    assert "before 'flask' is imported" in message
    assert "/site-packages/flask/__init__.py" in message
    # nothing was replaced
    assert sys.modules["flask"] is real
    assert not _flask_alias.is_installed()
    assert sorted(_flask_module_names()) == ["flask", "flask.json"]


def test_not_installed_until_called(clean_modules):
    assert not _flask_alias.is_installed()
    assert "flask" not in sys.modules


EXTENSION_SOURCE = textwrap.dedent(
    '''
    # An extension written against Flask 1.x, importing flask itself.
    import flask
    from flask import _app_ctx_stack, current_app, request
    from flask.signals import Namespace

    greeted = Namespace().signal("greeted")


    class Greeter(object):
        def __init__(self, app=None):
            if app is not None:
                self.init_app(app)

        def init_app(self, app):
            app.config.setdefault("GREETING", "hello")
            app.extensions["greeter"] = self
            app.teardown_appcontext(self.teardown)

        def teardown(self, exc):
            ctx = _app_ctx_stack.top
            if hasattr(ctx, "greeter_name"):
                del ctx.greeter_name

        def greet(self):
            ctx = _app_ctx_stack.top
            ctx.greeter_name = request.args.get("name", "world")
            greeted.send(current_app._get_current_object(), name=ctx.greeter_name)
            return flask.jsonify(
                text="%s %s" % (current_app.config["GREETING"], ctx.greeter_name)
            )
    '''
)


def test_extension_importing_flask_runs_on_the_framework(flask, tmpdir, monkeypatch):
    tmpdir.join("flask_greeter.py").write(EXTENSION_SOURCE)
    monkeypatch.syspath_prepend(str(tmpdir))
    monkeypatch.delitem(sys.modules, "flask_greeter", raising=False)
    import flask_greeter

    app = flaskcompat.Flask(__name__)
    greeter = flask_greeter.Greeter(app)
    app.add_url_rule("/", "greet", greeter.greet)
    seen = []

    def record(sender, name):
        seen.append((sender, name))

    with flask_greeter.greeted.connected_to(record):
        response = app.test_client().get("/?name=caf%C3%A9")
    monkeypatch.delitem(sys.modules, "flask_greeter")

    assert response.status_code == 200
    assert response.get_json() == {"text": u"hello caf\xe9"}
    assert seen == [(app, u"caf\xe9")]
    assert app.extensions["greeter"] is greeter


def test_flask_3_modules_are_aliased(flask):
    import flask.sansio.app
    import flask.typing

    assert flask.sansio.app.App is flaskcompat.Flask
    assert flask.typing is sys.modules["flaskcompat.typing"]
