# -*- coding: utf-8 -*-
"""The admin blueprint: a URL prefix, its own templates and static files."""
from flaskcompat import Blueprint
from flaskcompat import render_template

admin = Blueprint(
    "admin",
    __name__,
    url_prefix="/admin",
    template_folder="templates",
    static_folder="static",
)


@admin.route("/")
def index():
    """The admin start page."""
    return render_template("admin/index.html")


@admin.route("/index2")
def index2():
    """The admin page rendered through a template shared with the app."""
    return render_template("./admin/index.html")
