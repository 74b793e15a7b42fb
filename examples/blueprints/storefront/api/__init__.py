# -*- coding: utf-8 -*-
"""JSON endpoints; registered twice by the factory (v1 and v2)."""
from flaskcompat import abort
from flaskcompat import Blueprint
from flaskcompat import current_app
from flaskcompat import jsonify
from flaskcompat import request

api = Blueprint("api", __name__)


@api.route("/products")
def products():
    return jsonify(
        version=request.blueprint,
        products=current_app.extensions["shop.products"],
    )


@api.route("/products/<int:product_id>")
def product(product_id):
    for item in current_app.extensions["shop.products"]:
        if item["id"] == product_id:
            return jsonify(item)
    abort(404)


@api.errorhandler(404)
def not_found(error):
    return jsonify(error="not found", path=request.path), 404
