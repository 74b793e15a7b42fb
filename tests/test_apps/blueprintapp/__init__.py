# -*- coding: utf-8 -*-
"""A package application put together from blueprints that live in
sub-packages, each with its own templates (and static files)."""
from flaskcompat import Flask

app = Flask(__name__)


def _install_blueprints(target):
    # The blueprint packages sit below this one; import them once it exists.
    from blueprintapp.apps import admin
    from blueprintapp.apps import frontend

    for blueprint in (admin.admin, frontend.frontend):
        target.register_blueprint(blueprint)


_install_blueprints(app)
