# -*- coding: utf-8 -*-
"""The shop assembled from blueprints: same pages and JSON on every interpreter."""
import pytest

from flaskcompat import url_for

from storefront import create_app

TORCH = u"Crème brûlée torch"


def page_text(client, path, status=200):
    reply = client.get(path)
    assert reply.status_code == status
    return reply.get_data(as_text=True)


def test_settings_passed_to_the_factory_win():
    default = create_app()
    assert default.config["SHOP_NAME"] == u"The Shop"
    assert default.testing is False
    assert create_app({"SHOP_NAME": u"Corner"}).config["SHOP_NAME"] == u"Corner"


def test_root_sends_visitors_to_the_catalogue(client):
    reply = client.get("/")
    assert (reply.status_code, reply.headers["Location"]) == (
        302,
        "http://localhost/pages/",
    )


def test_catalogue_lists_products_with_prices_and_links(client):
    text = page_text(client, "/pages/")
    for expected in (
        u"<title>Catalogue - Test Shop</title>",
        TORCH,
        u"24.00",
        u'<a href="/pages/product/2">',
        u'href="/pages/static/shop.css"',
    ):
        assert expected in text


def test_the_blueprint_serves_its_own_stylesheet(client):
    reply = client.get("/pages/static/shop.css")
    try:
        assert reply.status_code == 200
        assert b"font-family" in reply.data
    finally:
        reply.close()


def test_a_product_page_points_at_its_json(client):
    text = page_text(client, "/pages/product/1")
    assert u"<h2>Teapot</h2>" in text
    assert u'<a href="/api/v1/products/1">as JSON</a>' in text


def test_missing_product_gets_the_pages_blueprint_error_page(client):
    text = page_text(client, "/pages/product/99", status=404)
    assert u"<title>Not found - Test Shop</title>" in text
    assert u"No such product." in text


@pytest.mark.parametrize(
    ("prefix", "blueprint_name"), [("/api/v1", "api"), ("/api/v2", "api_v2")]
)
def test_one_api_blueprint_mounted_twice(client, prefix, blueprint_name):
    listing = client.get(prefix + "/products").get_json()
    assert listing["version"] == blueprint_name
    assert [item["id"] for item in listing["products"]] == [1, 2]
    assert client.get(prefix + "/products/2").get_json()["name"] == TORCH


def test_api_answers_missing_products_in_json(client):
    reply = client.get("/api/v2/products/99")
    assert reply.status_code == 404
    assert reply.get_json() == {"error": "not found", "path": "/api/v2/products/99"}


def test_endpoints_are_named_after_each_registration(app):
    expected = {
        "api.products": "/api/v1/products",
        "api_v2.products": "/api/v2/products",
    }
    with app.test_request_context("/pages/"):
        for endpoint, path in expected.items():
            assert url_for(endpoint) == path
        assert url_for("pages.static", filename="shop.css") == "/pages/static/shop.css"
