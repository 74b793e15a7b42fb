# -*- coding: utf-8 -*-
"""A nested package whose application is called ``application``."""
from flaskcompat import Flask

application = Flask(import_name="inner1")
