# -*- coding: utf-8 -*-
"""The site's front page, from the blueprint's template folder, and a page
whose template is nowhere to be found."""
from flaskcompat import Blueprint
from flaskcompat import render_template

TEMPLATES = "templates"
frontend = Blueprint("frontend", __name__, template_folder=TEMPLATES)
FRONT_PAGE = "frontend/index.html"
NOWHERE = "missing_template.html"


@frontend.route("/")
def index():
    return render_template(FRONT_PAGE)


@frontend.route("/missing")
def missing_template():
    return render_template(NOWHERE)
