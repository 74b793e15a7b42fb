# -*- coding: utf-8 -*-
"""
    flaskcompat._flask_alias
    ~~~~~~~~~~~~~~~~~~~~~~~~

    :func:`install_as_flask`: make ``import flask`` (and ``flask.app``,
    ``flask.json.tag``...) resolve to flaskcompat in this process, so that
    Flask extensions run unmodified -- the same idea as
    ``pymysql.install_as_MySQLdb()``.
"""
import importlib
import pkgutil
import sys
import types

from ._compat import ModuleSpec as _ModuleSpec

_PACKAGE = __name__.rpartition(".")[0]

#: Submodules that are never aliased: importing ``__main__`` runs the command
#: line.
_NOT_ALIASED = frozenset(["__main__", "_flask_alias"])


class FlaskModule(types.ModuleType):
    """The object installed as ``sys.modules["flask"]``.

    Every name it does not hold itself is looked up on the ``flaskcompat``
    package at access time, so ``flask.Flask is flaskcompat.Flask``. It is a
    module of its own (not the package) for two reasons: assigning to
    ``flask.X`` -- what ``mock.patch("flask.X")`` does -- changes what code
    reading ``flask.X`` sees without touching the framework's own namespace,
    as with Flask; and ``flask.__version__`` names the Flask API that
    flaskcompat implements, which is what extensions comparing it mean,
    while ``flaskcompat.__version__`` stays the product's own.
    """

    #: The Flask release whose public API flaskcompat implements.
    __version__ = "1.1.4"

    def __init__(self, target):
        types.ModuleType.__init__(self, "flask", target.__doc__)
        self.__dict__["_flaskcompat"] = target
        self.__file__ = getattr(target, "__file__", None)
        # Every submodule is aliased up front; an empty search path makes
        # any other ``flask.X`` an ImportError instead of a second copy of
        # a flaskcompat module under a new name.
        self.__path__ = []
        if _ModuleSpec is not None:
            # importlib.util.find_spec("flask") and friends need a spec.
            self.__spec__ = _ModuleSpec("flask", None, is_package=True)

    def __getattr__(self, name):
        target = self.__dict__["_flaskcompat"]
        if name == "__all__":
            # ``from flask import *`` reads __all__, or else the module's own
            # __dict__, which holds none of the framework's names here.
            return [key for key in vars(target) if not key.startswith("_")]
        try:
            return getattr(target, name)
        except AttributeError:
            raise AttributeError(
                "module 'flask' (flaskcompat %s) has no attribute %r"
                % (getattr(target, "__version__", "?"), name)
            )

    def __dir__(self):
        names = set(self.__dict__)
        names.update(dir(self.__dict__["_flaskcompat"]))
        names.discard("_flaskcompat")
        return sorted(names)

    def __repr__(self):
        return "<module 'flask' (flaskcompat) from %r>" % (self.__file__,)


def _submodule_names(package):
    """Dotted names of every module under ``package`` (recursively),
    relative to it, except those in :data:`_NOT_ALIASED`."""
    names = []
    for _finder, name, is_package in pkgutil.iter_modules(package.__path__):
        if name in _NOT_ALIASED:
            continue
        names.append(name)
        if is_package:
            child = importlib.import_module(package.__name__ + "." + name)
            names.extend(name + "." + sub for sub in _submodule_names(child))
    return names


def is_installed():
    """Whether :func:`install_as_flask` has run in this process."""
    return isinstance(sys.modules.get("flask"), FlaskModule)


def install_as_flask():
    """Make ``import flask`` and every ``flask.X`` submodule resolve to
    flaskcompat in this process, for code that imports ``flask`` itself
    (Flask extensions, their test suites).

    Call it before anything imports ``flask``. Calling it again is a no-op.
    If the real Flask has already been imported, the two cannot be merged
    (objects from both would be in use) and this raises :exc:`RuntimeError`
    naming the module that is in the way. Returns the installed ``flask``
    module.
    """
    existing = sys.modules.get("flask")
    if isinstance(existing, FlaskModule):
        return existing
    in_the_way = sorted(
        name
        for name in sys.modules
        if (name == "flask" or name.startswith("flask."))
        and sys.modules[name] is not None
    )
    if in_the_way:
        module = sys.modules[in_the_way[0]]
        raise RuntimeError(
            "install_as_flask() must run before 'flask' is imported: %s is"
            " already loaded from %s"
            % (in_the_way[0], getattr(module, "__file__", "an unknown location"))
        )

    package = importlib.import_module(_PACKAGE)
    submodules = {}
    for name in _submodule_names(package):
        submodules[name] = importlib.import_module(_PACKAGE + "." + name)

    flask = FlaskModule(package)
    # All or nothing: the modules are imported above, nothing is registered
    # until every one of them loaded.
    sys.modules["flask"] = flask
    for name, module in submodules.items():
        sys.modules["flask." + name] = module
    return flask
