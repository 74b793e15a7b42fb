# -*- coding: utf-8 -*-
"""One application, under a name that discovery has to search for."""
from flaskcompat import Flask

testapp = Flask(import_name="testapp")
