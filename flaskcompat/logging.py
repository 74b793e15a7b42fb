# -*- coding: utf-8 -*-
"""``app.logger``: a standard :mod:`logging` logger named after the app."""
from __future__ import absolute_import

import logging
import sys
import warnings

from ._compat import LocalProxy
from .globals import _request_ctx_stack

_LOG_FORMAT = "[%(asctime)s] %(levelname)s in %(module)s: %(message)s"

# Flask 1.0 logged to these names; configuration left on them is now unused.
_OLD_LOGGER_NAMES = ("flask.app", "flask")


def _current_error_stream():
    ctx = _request_ctx_stack.top
    if ctx is None:
        return sys.stderr
    return ctx.request.environ["wsgi.errors"]


#: The request's ``wsgi.errors`` while a request is handled, ``sys.stderr``
#: otherwise. Logging configuration files can name it as
#: ``ext://flaskcompat.logging.wsgi_errors_stream``.
wsgi_errors_stream = LocalProxy(_current_error_stream)


def has_level_handler(logger):
    """Whether some handler on ``logger`` or, through propagation, on its
    ancestors accepts records at the logger's effective level."""
    wanted = logger.getEffectiveLevel()
    node = logger
    while node is not None:
        if any(each.level <= wanted for each in node.handlers):
            return True
        if not node.propagate:
            return False
        node = node.parent
    return False


#: Added to ``app.logger`` when nothing else would show its records.
default_handler = logging.StreamHandler(stream=wsgi_errors_stream)
default_handler.setFormatter(logging.Formatter(_LOG_FORMAT))


def _is_configured(logger):
    # Anything differing from a fresh logger's defaults counts.
    return bool(
        logger.level  # NOTSET is 0
        or logger.handlers
        or logger.filters
        or not logger.propagate
    )


def create_logger(app):
    """Return the logger named ``app.name``, set to DEBUG in debug mode
    unless a level is set, with :data:`default_handler` added when no
    handler would show its records."""
    logger = logging.getLogger(name=app.name)

    if not _is_configured(logger):
        for old_name in _OLD_LOGGER_NAMES:
            if _is_configured(logging.getLogger(old_name)):
                warnings.warn(
                    "Logging configuration for %r is ignored: this"
                    " application logs to %r ('app.logger'), so move the"
                    " configuration there." % (old_name, app.name)
                )
                break

    if not logger.level and app.debug:
        logger.setLevel(level=logging.DEBUG)

    if has_level_handler(logger):
        return logger
    logger.addHandler(hdlr=default_handler)
    return logger
