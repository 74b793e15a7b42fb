# -*- coding: utf-8 -*-
"""flaskr: the tutorial blog, one codebase for Python 2.7 and 3.6 - 3.13.

``create_app`` is the application factory; ``python -m flaskr`` serves the
blog on http://127.0.0.1:5000/ (see :mod:`flaskr.__main__`).
"""
from __future__ import unicode_literals

import errno
import os
import sys

from flaskcompat import Flask

__version__ = "1.0.0"

#: Environment variable naming the instance folder (the database lives
#: there). Without it the framework's default is used: ``instance/`` next to
#: the package in a checkout, ``<prefix>/var/flaskr-instance`` once installed.
INSTANCE_PATH_ENV = "FLASKR_INSTANCE_PATH"


def create_app(test_config=None):
    """Create and configure an instance of the flaskr application.

    :param test_config: a mapping that replaces the instance configuration
        (``config.py`` in the instance folder) when given, as the tests do.
    """
    instance_path = instance_path_from_environ()
    app = Flask(__name__, instance_path=instance_path, instance_relative_config=True)
    app.config.from_mapping(
        # a default secret that should be overridden by instance config
        SECRET_KEY="dev",
        # store the database in the instance folder
        DATABASE=os.path.join(app.instance_path, "flaskr.sqlite"),
        # pbkdf2 is the one method that Werkzeug 1.0.1 (Python 2.7) and
        # Werkzeug 2.x/3.x (Python 3) all verify, so a database written on
        # one interpreter keeps working on the other.
        PASSWORD_HASH_METHOD="pbkdf2:sha256:600000",
    )

    if test_config is None:
        # load the instance config, if it exists, when not testing
        app.config.from_pyfile("config.py", silent=True)
    else:
        app.config.update(test_config)

    _ensure_directory(app.instance_path)

    @app.route("/hello")
    def hello():
        return "Hello, World!"

    from flaskr import db

    db.init_app(app)

    from flaskr import auth
    from flaskr import blog

    app.register_blueprint(auth.bp)
    app.register_blueprint(blog.bp)

    # blog.index answers at "/" (the blog is the main page), so url_for("index")
    # and url_for("blog.index") name the same page.
    app.add_url_rule("/", endpoint="index")

    return app


def instance_path_from_environ(environ=None, encoding=None):
    """The absolute instance folder named by ``FLASKR_INSTANCE_PATH`` in
    ``environ`` (default :data:`os.environ`), as text; ``None`` if unset.

    A relative path is taken relative to the current directory. Bytes (what
    Python 2.7's environ holds) are decoded with ``encoding``, by default the
    filesystem encoding, so a non-ASCII folder name joins cleanly with the
    text file names inside it.

    :raise ValueError: if bytes do not decode with that encoding.
    """
    if environ is None:
        environ = os.environ
    value = environ.get(INSTANCE_PATH_ENV) or None
    if value is None:
        return None
    if isinstance(value, bytes):
        encoding = encoding or sys.getfilesystemencoding() or "utf-8"
        try:
            value = value.decode(encoding)
        except UnicodeDecodeError:
            raise ValueError(
                "{0} is not valid in the filesystem encoding ({1}): use a"
                " UTF-8 locale or an ASCII path".format(INSTANCE_PATH_ENV, encoding)
            )
    # The framework only accepts absolute instance paths.
    return os.path.abspath(value)


def _ensure_directory(path):
    # os.makedirs(exist_ok=True) does not exist on Python 2.7.
    try:
        os.makedirs(path)
    except OSError as exc:
        if exc.errno != errno.EEXIST or not os.path.isdir(path):
            raise
