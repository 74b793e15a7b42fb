# -*- coding: utf-8 -*-
"""pytest plugin for running Flask 1.1's own test suite against flaskcompat.

Flask 1.1's tests import ``PY2``, ``text_type`` and ``StringIO`` from
``flask._compat``, a private module of Flask's that is not part of its API.
This plugin puts a module holding just those three names, taken from six,
at ``flask._compat`` before the suite is collected, so the run does not
depend on whatever flaskcompat keeps in its own private modules.
"""
import sys
import types

import six

import flask

_shim = types.ModuleType("flask._compat")
_shim.PY2 = six.PY2
_shim.text_type = six.text_type
_shim.StringIO = six.StringIO
sys.modules["flask._compat"] = _shim
flask._compat = _shim
