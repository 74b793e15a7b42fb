# -*- coding: utf-8 -*-
"""The shop: an application factory that assembles blueprints."""
from flaskcompat import Flask

from .api import api
from .pages import pages

PRODUCTS = [
    {"id": 1, "name": u"Teapot", "price": 1850},
    {"id": 2, "name": u"Crème brûlée torch", "price": 2400},
]


def create_app(config=None):
    """Create the app; ``config`` (a mapping) overrides the defaults."""
    app = Flask(__name__)
    app.config.from_mapping(SECRET_KEY="dev", SHOP_NAME=u"The Shop")
    if config is not None:
        app.config.from_mapping(config)
    app.extensions["shop.products"] = list(PRODUCTS)

    app.register_blueprint(pages, url_prefix="/pages")
    app.register_blueprint(api, url_prefix="/api/v1")
    # the same blueprint again, under another name and prefix
    app.register_blueprint(api, url_prefix="/api/v2", name="api_v2")

    @app.route("/")
    def index():
        from flaskcompat import redirect, url_for

        return redirect(url_for("pages.catalogue"))

    return app
