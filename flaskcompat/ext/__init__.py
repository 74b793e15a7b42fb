# -*- coding: utf-8 -*-
"""
    flaskcompat.ext
    ~~~~~~~~~~~~~~~

    The legacy extension namespace: ``import flaskcompat.ext.foo`` (the old
    ``flask.ext.foo``) finds ``flask_foo``, then ``flaskext.foo``, and warns
    that the import path is deprecated. New code imports ``flask_foo``.
"""
from __future__ import absolute_import

import sys
import warnings

_PREFIX = __name__ + "."
_CANDIDATES = ("flask_%s", "flaskext.%s")


def _find_extension(name):
    """Import and return the real module for ``flaskcompat.ext.<name>``."""
    errors = []
    for pattern in _CANDIDATES:
        real_name = pattern % name
        try:
            # level=0: never an implicit relative import on Python 2
            __import__(real_name, None, None, [], 0)
        except ImportError as e:
            # An ImportError raised *inside* an extension that does exist
            # must surface, not be mistaken for a missing extension.
            if real_name in sys.modules:
                raise
            errors.append("%s (%s)" % (real_name, e))
            continue
        return sys.modules[real_name]
    raise ImportError(
        "No module named %s%s: tried %s" % (_PREFIX, name, ", ".join(errors))
    )


class ExtensionImporter(object):
    """A ``sys.meta_path`` finder and loader for ``flaskcompat.ext.*``
    (``find_spec`` for Python 3's import system, ``find_module`` /
    ``load_module`` for Python 2's)."""

    def _wants(self, fullname):
        return fullname.startswith(_PREFIX) and "." not in fullname[len(_PREFIX):]

    # Python 3 import protocol
    def find_spec(self, fullname, path=None, target=None):
        if not self._wants(fullname):
            return None
        import importlib.util

        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec):
        return self._load(spec.name)

    def exec_module(self, module):
        pass

    # Python 2 import protocol
    def find_module(self, fullname, path=None):
        return self if self._wants(fullname) else None

    def load_module(self, fullname):
        if fullname in sys.modules:
            return sys.modules[fullname]
        return self._load(fullname)

    def _load(self, fullname):
        name = fullname[len(_PREFIX):]
        module = _find_extension(name)
        warnings.warn(
            "Importing %s is deprecated; import %s instead."
            % (fullname, module.__name__),
            DeprecationWarning,
            stacklevel=3,
        )
        sys.modules[fullname] = module
        setattr(sys.modules[__name__], name, module)
        return module

    def __eq__(self, other):
        return type(other) is type(self)

    def __ne__(self, other):
        return not self == other

    __hash__ = object.__hash__


def install():
    """Put the importer on ``sys.meta_path`` (once)."""
    importer = ExtensionImporter()
    if importer not in sys.meta_path:
        sys.meta_path.append(importer)


install()
