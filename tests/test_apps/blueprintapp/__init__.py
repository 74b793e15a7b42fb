# -*- coding: utf-8 -*-
"""A packaged application whose blueprints bring their own templates and
static files, found relative to their packages."""
from flaskcompat import Flask

app = Flask(__name__)

from blueprintapp.apps.admin import admin  # noqa: E402
from blueprintapp.apps.frontend import frontend  # noqa: E402

app.register_blueprint(admin)
app.register_blueprint(frontend)
