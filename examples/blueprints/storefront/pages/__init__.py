# -*- coding: utf-8 -*-
"""HTML pages: templates and static files of their own."""
from flaskcompat import abort
from flaskcompat import Blueprint
from flaskcompat import current_app
from flaskcompat import render_template

pages = Blueprint("pages", __name__, static_folder="static", template_folder="templates")


@pages.app_template_filter("money")
def money(cents):
    """Format a price in cents."""
    return u"%d.%02d" % divmod(cents, 100)


@pages.context_processor
def shop_name():
    return {"shop_name": current_app.config["SHOP_NAME"]}


def find_product(product_id):
    for product in current_app.extensions["shop.products"]:
        if product["id"] == product_id:
            return product
    abort(404)


@pages.route("/")
def catalogue():
    return render_template(
        "pages/catalogue.html", products=current_app.extensions["shop.products"]
    )


@pages.route("/product/<int:product_id>")
def product(product_id):
    return render_template("pages/product.html", product=find_product(product_id))


@pages.errorhandler(404)
def not_found(error):
    return render_template("pages/not_found.html"), 404
