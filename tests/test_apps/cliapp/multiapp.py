# -*- coding: utf-8 -*-
"""Two applications and no hint which one to serve."""
from flaskcompat import Flask

app1, app2 = Flask(import_name="app1"), Flask(import_name="app2")
