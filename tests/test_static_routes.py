# -*- coding: utf-8 -*-
"""Static rules are found without the URL matcher; every answer stays the
one the matcher gives: rules added later count, a method the static rule
does not allow falls through to the other rules, slashes still redirect,
and a host Werkzeug refuses is refused on a static path too."""
import pytest
from werkzeug.routing import RequestRedirect

import flaskcompat


@pytest.fixture
def app():
    app = flaskcompat.Flask(__name__)

    @app.route("/static-page")
    def static_page():
        return u"static"

    @app.route("/folder/")
    def folder():
        return u"folder"

    @app.route("/<name>", methods=["POST"])
    def named(name):
        return u"named " + name

    return app


def test_static_rule_answers(app):
    client = app.test_client()
    response = client.get("/static-page")
    assert (response.status_code, response.data) == (200, b"static")


def test_view_args_are_a_new_dict_each_request(app):
    seen = []

    @app.route("/args")
    def args():
        seen.append(flaskcompat.request.view_args)
        flaskcompat.request.view_args["touched"] = True
        return u"ok"

    client = app.test_client()
    client.get("/args")
    client.get("/args")
    assert seen[0] is not seen[1]
    assert seen[1] == {"touched": True}


def test_other_method_falls_through_to_dynamic_rule(app):
    response = app.test_client().post("/static-page")
    assert (response.status_code, response.data) == (200, b"named static-page")


def test_missing_trailing_slash_still_redirects(app):
    response = app.test_client().get("/folder")
    assert response.status_code == RequestRedirect.code
    assert response.headers["Location"].endswith("/folder/")


def test_rule_added_after_first_request_is_served(app):
    client = app.test_client()
    assert client.get("/late").status_code == 405  # only the POST rule

    app.add_url_rule("/late", "late", lambda: u"late")
    response = client.get("/late")
    assert (response.status_code, response.data) == (200, b"late")


def test_defaults_of_a_static_rule_reach_the_view(app):
    @app.route("/page", defaults={"number": 1})
    def page(number):
        return u"page %d" % number

    client = app.test_client()
    client.get("/page")
    assert client.get("/page").data == b"page 1"


def test_bad_host_refused_after_good_one(app):
    client = app.test_client()
    assert client.get("/static-page").status_code == 200
    refused = client.get("/static-page", headers={"Host": "bad host"})
    assert refused.status_code == 400


def test_server_name_is_honoured_after_first_request(app):
    client = app.test_client()
    assert client.get("/static-page").status_code == 200
    app.config["SERVER_NAME"] = "example.com"
    assert client.get("/static-page", base_url="http://example.com").status_code == 200
    with pytest.warns(UserWarning):
        elsewhere = client.get("/static-page", base_url="http://other.org")
    assert elsewhere.status_code == 404


def test_url_for_inside_a_static_route(app):
    @app.route("/links")
    def links():
        return flaskcompat.url_for("folder", _external=True)

    assert app.test_client().get("/links").data == b"http://localhost/folder/"


def test_own_url_adapter_is_used():
    class OwnAdapter(flaskcompat.Flask):
        def create_url_adapter(self, request):
            if request is not None:
                request.environ["PATH_INFO"] = "/renamed"
            return flaskcompat.Flask.create_url_adapter(self, request)

    app = OwnAdapter(__name__)
    app.add_url_rule("/original", "original", lambda: u"original")
    app.add_url_rule("/renamed", "renamed", lambda: u"renamed")
    client = app.test_client()
    assert client.get("/original").data == b"renamed"
    assert client.get("/original").data == b"renamed"


def test_rule_added_to_the_map_directly_is_served(app):
    client = app.test_client()
    assert client.get("/direct").status_code == 405
    assert client.get("/direct/deeper").status_code == 404
    assert client.get("/direct/deeper").status_code == 404

    app.url_map.add(app.url_rule_class("/direct/deeper", endpoint="deeper"))
    app.view_functions["deeper"] = lambda: u"deeper"
    response = client.get("/direct/deeper")
    assert (response.status_code, response.data) == (200, b"deeper")


def test_404_of_an_own_converter_is_asked_again(app):
    from werkzeug.routing import BaseConverter
    from werkzeug.routing import ValidationError

    known = set()

    class Known(BaseConverter):
        def to_python(self, value):
            if value not in known:
                raise ValidationError()
            return value

    app.url_map.converters["known"] = Known

    @app.route("/things/<known:name>")
    def thing(name):
        return u"thing " + name

    client = app.test_client()
    assert client.get("/things/box").status_code == 404
    assert client.get("/things/box").status_code == 404
    known.add("box")
    assert client.get("/things/box").data == b"thing box"


def test_404_then_a_method_the_rule_allows(app):
    client = app.test_client()
    assert client.get("/nothing/here").status_code == 404
    assert client.get("/nothing/here").status_code == 404
    assert client.get("/nothing").status_code == 405
    assert client.post("/nothing").data == b"named nothing"


def test_map_class_keeps_its_name():
    app = flaskcompat.Flask(__name__)
    assert isinstance(app.url_map, flaskcompat.Flask.url_map_class)
    assert type(app.url_map).__name__ == flaskcompat.Flask.url_map_class.__name__
