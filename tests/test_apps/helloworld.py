# -*- coding: utf-8 -*-
"""A single-module application."""
from flaskcompat import Flask

app = Flask(__name__)


@app.route("/")
def hello():
    """Say hello."""
    return "Hello World!"
