# -*- coding: utf-8 -*-
"""The blueprints-and-factory example, on every interpreter."""
import pytest

from flaskcompat import url_for


def test_factory_applies_config():
    from storefront import create_app

    assert create_app().config["SHOP_NAME"] == u"The Shop"
    assert create_app({"SHOP_NAME": u"Other"}).config["SHOP_NAME"] == u"Other"
    assert not create_app().testing


def test_index_redirects_to_the_catalogue(client):
    rv = client.get("/")
    assert rv.status_code == 302
    assert rv.headers["Location"] == "http://localhost/pages/"


def test_catalogue_uses_the_blueprint_templates_and_filter(client):
    rv = client.get("/pages/")
    assert rv.status_code == 200
    page = rv.get_data(as_text=True)
    assert u"Catalogue - Test Shop" in page
    assert u"Crème brûlée torch" in page
    assert u"24.00" in page
    assert u'href="/pages/product/2"' in page
    assert u'href="/pages/static/shop.css"' in page


def test_blueprint_static_files(client):
    rv = client.get("/pages/static/shop.css")
    assert rv.status_code == 200
    assert b"font-family" in rv.data
    rv.close()


def test_product_page_links_to_the_api(client):
    page = client.get("/pages/product/1").get_data(as_text=True)
    assert u"<h2>Teapot</h2>" in page
    assert u'href="/api/v1/products/1"' in page


def test_pages_blueprint_renders_its_own_404(client):
    rv = client.get("/pages/product/99")
    assert rv.status_code == 404
    assert u"No such product." in rv.get_data(as_text=True)


@pytest.mark.parametrize(("prefix", "name"), [("/api/v1", "api"), ("/api/v2", "api_v2")])
def test_api_registered_twice(client, prefix, name):
    rv = client.get(prefix + "/products")
    assert rv.status_code == 200
    data = rv.get_json()
    assert data["version"] == name
    assert [p["id"] for p in data["products"]] == [1, 2]
    assert client.get(prefix + "/products/2").get_json()["name"] == u"Crème brûlée torch"


def test_api_404_is_json(client):
    rv = client.get("/api/v2/products/99")
    assert rv.status_code == 404
    assert rv.get_json() == {"error": "not found", "path": "/api/v2/products/99"}


def test_url_for_each_registration(app):
    with app.test_request_context():
        assert url_for("api.products") == "/api/v1/products"
        assert url_for("api_v2.products") == "/api/v2/products"
        assert url_for("pages.static", filename="shop.css") == "/pages/static/shop.css"
