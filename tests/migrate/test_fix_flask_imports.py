"""flask_imports: flask -> flaskcompat, flask.ext.foo / flaskext.foo -> flask_foo.

The "before" side imports Flask 0.x, which no test environment installs, so
the rewrite rows run their "after" side only (``test_after_runs``, with
stand-in extension modules for the ``flask.ext`` rows); the end-to-end app
test runs migrated Flask code.
``test_flaskcompat_has`` proves on every interpreter that each name and module
the fixer sends to flaskcompat exists there.
"""
import importlib
import os

import pytest

from afterkit import after_tests
from casekit import Case, rewrite_tests

def extension(name, cls, body="pass"):
    """A stand-in ``flask_NAME`` module defining one class."""
    return {"flask_%s.py" % name: "class %s(object):\n    %s\n" % (cls, body)}


CASES = [
    Case("import flaskcompat\n", "import flaskcompat\n", id="already flaskcompat"),
    Case("from .flask import views\n", "from .flask import views\n", id="relative import"),
    Case("import flask_login\n", "import flask_login\n", id="extension package"),
    Case("app.flask.Flask = None\n", "app.flask.Flask = None\n", id="attribute"),
    Case("import flask\napp = flask.Flask(__name__)\n",
         "import flaskcompat as flask\napp = flask.Flask(__name__)\n", id="import flask"),
    Case("import flask as fl, os\n", "import flaskcompat as fl, os\n", id="import flask as"),
    Case("import flask.json\nflask.json.dumps(1)\n",
         "import flaskcompat.json, flaskcompat as flask\nflask.json.dumps(1)\n",
         id="submodule import keeps the flask name"),
    Case("import flask.json as fj\n", "import flaskcompat.json as fj\n", id="submodule as"),
    Case(
        "from flask import (Flask,\n    request)  # views\n",
        "from flaskcompat import (Flask,\n    request)  # views\n",
        id="from flask, layout kept",
    ),
    Case("from flask.json import dumps\nfrom flask.views import MethodView\n",
         "from flaskcompat.json import dumps\nfrom flaskcompat.views import MethodView\n",
         id="from submodule"),
    Case("from flask import Module\n", "from flaskcompat import Module\n",
         review="replaced modules with blueprints", id="removed name reviewed"),
    Case("from flask.ext.sqlalchemy import SQLAlchemy\n",
         "from flask_sqlalchemy import SQLAlchemy\n", id="flask.ext.foo"),
    Case("from flaskext.mail import Mail\n", "from flask_mail import Mail\n", id="flaskext.foo"),
    Case("from flask.ext import login, wtf as w\n",
         "import flask_login as login, flask_wtf as w\n", id="from flask.ext import foo"),
    Case("import flaskext.cache as cache\n", "import flask_cache as cache\n",
         id="import flaskext.foo as"),
    Case(
        "import flask.ext.babel\napp = object()\nbabel = flask.ext.babel.Babel(app)\n",
        "import flask_babel\napp = object()\nbabel = flask_babel.Babel(app)\n",
        id="dotted extension import and its uses",
    ),
    Case("import flaskext\n", "import flaskext\n", review="name the extension",
         id="bare namespace reviewed"),
    Case("from flask import json_available, g\n", "from flaskcompat import json_available, g\n",
         review="always True", id="json_available reviewed"),
]

test_rewrite = rewrite_tests("flask_imports", CASES)
test_after_runs = after_tests(CASES, [
    ("import flask", "print(app.name)\n", "after\n"),
    ("import flask as", "print(fl.Flask.__name__)\n", "Flask\n"),
    ("submodule import keeps the flask name",
     "print(flask.json.loads(flask.json.dumps({'a': [1]})) == {'a': [1]})\n", "True\n"),
    ("submodule as", "print(fj.loads('[1]'))\n", "[1]\n"),
    ("from flask, layout kept", "print(Flask.__name__)\n", "Flask\n"),
    ("from submodule", "print('%s %s' % (dumps(1), MethodView.__name__))\n",
     "1 MethodView\n"),
    # The extension rows import stand-in extension modules: what runs is
    # that the rewritten import binds the flask_NAME module or its names.
    ("flask.ext.foo", "print(SQLAlchemy.__module__)\n", "flask_sqlalchemy\n",
     extension("sqlalchemy", "SQLAlchemy")),
    ("flaskext.foo", "print(Mail.__module__)\n", "flask_mail\n", extension("mail", "Mail")),
    ("from flask.ext import foo", "print(login.__name__ + ' ' + w.__name__)\n",
     "flask_login flask_wtf\n", dict(extension("login", "X"), **extension("wtf", "X"))),
    ("import flaskext.foo as", "print(cache.__name__)\n", "flask_cache\n", extension("cache", "X")),
    ("dotted extension import and its uses", "print(type(babel).__module__)\n", "flask_babel\n",
     extension("babel", "Babel", "def __init__(self, app):\n        self.app = app")),
])


def _load_names():
    # Plain data: loaded from the file so that this runs where the tool
    # cannot be imported (Python < 3.9).
    path = os.path.join(
        os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
        "migrate", "fixes", "_flask_names.py",
    )
    namespace = {}
    with open(path) as handle:
        exec(compile(handle.read(), path, "exec"), namespace)
    return namespace


NAMES = _load_names()


@pytest.mark.parametrize("name", sorted(NAMES["FLASK_NAMES"]))
def test_flaskcompat_has_name(name):
    flaskcompat = importlib.import_module("flaskcompat")
    assert hasattr(flaskcompat, name)


@pytest.mark.parametrize("module", sorted(NAMES["FLASK_MODULES"]))
def test_flaskcompat_has_module(module):
    assert importlib.import_module("flaskcompat." + module) is not None
