# -*- coding: utf-8 -*-
"""
    flaskcompat
    ~~~~~~~~~~~

    A Flask 1.1-style microframework whose one codebase runs on Python 2.7
    and 3.6 - 3.13, each on the newest Werkzeug and Jinja2 that interpreter
    supports. ``flask.X`` maps onto ``flaskcompat.X``.
"""
from ._compat import escape
from werkzeug.exceptions import abort

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

#: Flask 1.1 exported this flag for code that checked for a JSON library;
#: the standard library's is always there.
json_available = True

__version__ = "0.1.0.dev0"
