# -*- coding: utf-8 -*-
"""``python -m flaskr``: create the database on first run and serve the blog.

The server listens on 127.0.0.1 only, on the port named by the
``FLASKR_PORT`` environment variable (default 5000). ``FLASKR_INSTANCE_PATH``
chooses the instance folder that holds the database.
"""
from __future__ import print_function
from __future__ import unicode_literals

import os
import sys

from flaskr import create_app
from flaskr.db import init_db

HOST = "127.0.0.1"
DEFAULT_PORT = 5000
PORT_ENV = "FLASKR_PORT"


def port_from_environ(environ=None):
    """Return the port number from ``FLASKR_PORT`` in ``environ`` (default
    :data:`os.environ`), or :data:`DEFAULT_PORT` when it is unset or empty.

    :raise ValueError: if the value is not a whole number from 1 to 65535.
    """
    if environ is None:
        environ = os.environ
    value = environ.get(PORT_ENV, "").strip()
    if not value:
        return DEFAULT_PORT
    try:
        port = int(value, 10)
    except ValueError:
        port = None
    if port is None or not 0 < port < 65536:
        message = '{0} must be a port number from 1 to 65535, not "{1}"'
        raise ValueError(message.format(PORT_ENV, value))
    return port


def main():
    """Initialise the database if it does not exist yet, then run the
    development server until interrupted. Returns the exit status."""
    try:
        port = port_from_environ()
        app = create_app()
    except ValueError as exc:
        # a bad FLASKR_PORT or FLASKR_INSTANCE_PATH: say which, no traceback
        print("flaskr: {0}".format(exc), file=sys.stderr)
        return 2

    database = app.config["DATABASE"]
    if not os.path.exists(database):
        with app.app_context():
            init_db()
        print("flaskr: created the database {0}".format(database))
    app.run(host=HOST, port=port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
