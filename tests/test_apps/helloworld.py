# -*- coding: utf-8 -*-
"""An application that is one module (root path and discovery tests)."""
from flaskcompat import Flask

app = Flask(__name__)


def hello():
    return "Hello World!"


app.add_url_rule("/", view_func=hello)
