# -*- coding: utf-8 -*-
"""Toolshed's settings. A Python file named by the TOOLSHED_SETTINGS
environment variable can override any of them, in the same form."""
from __future__ import unicode_literals

import os

#: Where the SQLite file lives; None puts ``toolshed.sqlite`` in the
#: instance folder. The file and its tables are created on first use.
DATABASE = None

#: Signs the session cookie. A fresh one per process means everybody is
#: logged out by a restart; put a fixed value in the settings file to stop it.
SECRET_KEY = os.urandom(24)

#: Werkzeug 1.0.1 (what Python 2.7 gets) has no scrypt, the newer releases'
#: default, so both sides hash with pbkdf2 and read each other's rows.
PASSWORD_HASH_METHOD = "pbkdf2:sha256"

#: Longest tool name or note accepted from the form.
MAX_TEXT_LENGTH = 200
