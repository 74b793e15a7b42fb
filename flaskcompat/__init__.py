# -*- coding: utf-8 -*-
"""
    flaskcompat
    ~~~~~~~~~~~

    A Flask 1.1-style microframework whose one codebase runs on Python 2.7
    and 3.6 - 3.13, each on the newest Werkzeug and Jinja2 that interpreter
    supports. ``flask.X`` maps onto ``flaskcompat.X``.
"""
from ._compat import escape

from ._compat import Markup
from . import json
from .app import Flask
from .app import Request
from .app import Response
from .blueprints import Blueprint
from .config import Config
from .ctx import after_this_request
from .ctx import copy_current_request_context
from .ctx import has_app_context
from .ctx import has_request_context
from .globals import _app_ctx_stack
from .globals import _request_ctx_stack
from .globals import current_app
from .globals import g
from .globals import request
from .globals import session
from .helpers import abort
from .helpers import flash
from .helpers import get_flashed_messages
from .helpers import get_template_attribute
from .helpers import make_response
from .helpers import redirect
from .helpers import safe_join
from .helpers import send_file
from .helpers import send_from_directory
from .helpers import stream_with_context
from .helpers import url_for
from ._flask_alias import install_as_flask
from .json import jsonify
from .signals import appcontext_popped
from .signals import appcontext_pushed
from .signals import appcontext_tearing_down
from .signals import before_render_template
from .signals import got_request_exception
from .signals import message_flashed
from .signals import request_finished
from .signals import request_started
from .signals import request_tearing_down
from .signals import signals_available
from .signals import template_rendered
from .templating import render_template
from .templating import render_template_string
from .templating import stream_template
from .templating import stream_template_string



class _DeprecatedFlag(object):
    """A true flag kept for old code; using its value warns, as Flask 1.1's
    ``json_available`` did."""

    def __init__(self, name, value):
        self._name = name
        self._value = value

    def _warned(self):
        import warnings

        warnings.warn(
            "'%s' is deprecated and will be removed in Flask 2.0; it is always %r."
            % (self._name, self._value),
            DeprecationWarning,
            stacklevel=3,
        )
        return self._value

    def __bool__(self):
        return bool(self._warned())

    __nonzero__ = __bool__

    def __eq__(self, other):
        return self._warned() == other

    def __ne__(self, other):
        return self._warned() != other

    def __hash__(self):
        return hash(self._value)

    def __repr__(self):
        return repr(self._value)


#: Flask 1.1 exported this flag for code that checked for a JSON library;
#: the standard library's is always there, and reading the flag warns.
json_available = _DeprecatedFlag("flaskcompat.json_available", True)

__version__ = "0.1.0.dev0"
