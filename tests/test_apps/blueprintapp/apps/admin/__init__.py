# -*- coding: utf-8 -*-
"""Pages under ``/admin`` from the blueprint's own template folder, and
static files served from its own folder at ``/admin/static``."""
from flaskcompat import Blueprint
from flaskcompat import render_template

admin = Blueprint(
    "admin",
    __name__,
    url_prefix="/admin",
    static_folder="static", template_folder="templates",
)
PAGE = "admin/index.html"


@admin.route("/")
def index():
    return render_template(PAGE)


@admin.route("/index2")
def index2():
    # "./" in front of a template name still names the same template
    return render_template("./" + PAGE)
