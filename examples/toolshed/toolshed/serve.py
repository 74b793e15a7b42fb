# -*- coding: utf-8 -*-
"""What ``python -m toolshed [--port N]`` runs: the shed on http://127.0.0.1:N/.

The database (the DATABASE setting) is created on the first start.
"""
from __future__ import print_function
from __future__ import unicode_literals

import argparse
import os

from toolshed import app
from toolshed import connect_db
from toolshed import database_path

HOST = "127.0.0.1"
DEFAULT_PORT = 5000


def port_number(text):
    """argparse type: a TCP port, 1 to 65535."""
    try:
        port = int(text, 10)
    except ValueError:
        port = 0
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(
            'expected a port number from 1 to 65535, got "{0}"'.format(text)
        )
    return port


def parse_args(argv=None):
    options = argparse.ArgumentParser(
        prog="python -m toolshed",
        description="Serve Toolshed on {0} with the development server.".format(HOST),
    )
    options.add_argument(
        "--port",
        type=port_number,
        default=DEFAULT_PORT,
        help="port to listen on (default: {0})".format(DEFAULT_PORT),
    )
    return options.parse_args(argv)


def main(argv=None):
    port = parse_args(argv).port
    path = database_path()
    if not os.path.exists(path):
        connect_db().close()
        print("toolshed: created the database {0}".format(path))
    app.run(host=HOST, port=port)
    return 0
