# -*- coding: utf-8 -*-
"""The frontend blueprint: templates only, no URL prefix."""
from flaskcompat import Blueprint
from flaskcompat import render_template

frontend = Blueprint("frontend", __name__, template_folder="templates")


@frontend.route("/")
def index():
    """The front page."""
    return render_template("frontend/index.html")


@frontend.route("/missing")
def missing_template():
    """A view whose template exists nowhere."""
    return render_template("missing_template.html")
