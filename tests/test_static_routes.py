# -*- coding: utf-8 -*-
"""Static rules are found without the URL matcher, and 404s the matcher
gave are remembered; every answer stays the one the matcher gives: rules
added later count (however they are added), a method the static rule does
not allow falls through to the other rules, slashes still redirect, a host
Werkzeug refuses is refused on a static path too, and a converter of the
app's own is asked every time."""
import pytest
from werkzeug.routing import BaseConverter as _Converter
from werkzeug.routing import RequestRedirect
from werkzeug.routing import ValidationError as _Refused

import flaskcompat


def build_site():
    site = flaskcompat.Flask("static_routes_site")
    site.add_url_rule("/static-page", "static_page", lambda: u"static")
    site.add_url_rule("/folder/", "folder", lambda: u"folder")
    site.add_url_rule(
        "/<name>", "named", lambda name: u"named " + name, methods=["POST"]
    )
    return site


@pytest.fixture(name="site")
def site_fixture():
    return build_site()


def answer(site, path, method="GET", **options):
    served = site.test_client().open(path, method=method, **options)
    return served.status_code, served.data


def test_static_rule_answers(site):
    assert answer(site, "/static-page") == (200, b"static")


def test_view_args_are_a_new_dict_each_request(site):
    seen = []

    def remember():
        args = flaskcompat.request.view_args
        seen.append(args)
        args["touched"] = True
        return u"ok"

    site.add_url_rule("/args", "args", remember)
    answer(site, "/args")
    answer(site, "/args")
    assert seen[0] is not seen[1]
    assert seen[1] == {"touched": True}


def test_other_method_falls_through_to_dynamic_rule(site):
    assert answer(site, "/static-page", "POST") == (200, b"named static-page")


def test_missing_trailing_slash_still_redirects(site):
    redirected = site.test_client().get("/folder")
    assert redirected.status_code == RequestRedirect.code
    assert redirected.headers["Location"].endswith("/folder/")


def test_rule_added_after_first_request_is_served(site):
    assert answer(site, "/late")[0] == 405  # only the POST rule so far
    site.add_url_rule("/late", "late", lambda: u"late")
    assert answer(site, "/late") == (200, b"late")


def test_defaults_of_a_static_rule_reach_the_view(site):
    site.add_url_rule(
        "/page", "page", lambda number: u"page %d" % number, defaults={"number": 1}
    )
    answer(site, "/page")
    assert answer(site, "/page") == (200, b"page 1")


def test_bad_host_refused_after_good_one(site):
    assert answer(site, "/static-page")[0] == 200
    assert answer(site, "/static-page", headers={"Host": "bad host"})[0] == 400


def test_server_name_is_honoured_after_first_request(site):
    assert answer(site, "/static-page")[0] == 200
    site.config["SERVER_NAME"] = "example.com"
    assert answer(site, "/static-page", base_url="http://example.com")[0] == 200
    with pytest.warns(UserWarning):
        elsewhere = answer(site, "/static-page", base_url="http://other.org")
    assert elsewhere[0] == 404


def test_url_for_inside_a_static_route(site):
    site.add_url_rule(
        "/links", "links", lambda: flaskcompat.url_for("folder", _external=True)
    )
    assert answer(site, "/links") == (200, b"http://localhost/folder/")


def test_own_url_adapter_is_used():
    class OwnAdapter(flaskcompat.Flask):
        def create_url_adapter(self, request):
            if request is not None:
                request.environ["PATH_INFO"] = "/renamed"
            return flaskcompat.Flask.create_url_adapter(self, request)

    site = OwnAdapter("own_adapter_site")
    site.add_url_rule("/original", "original", lambda: u"original")
    site.add_url_rule("/renamed", "renamed", lambda: u"renamed")
    assert answer(site, "/original") == (200, b"renamed")
    assert answer(site, "/original") == (200, b"renamed")


def test_rule_added_to_the_map_directly_is_served(site):
    assert answer(site, "/direct")[0] == 405
    assert answer(site, "/direct/deeper")[0] == 404
    assert answer(site, "/direct/deeper")[0] == 404

    site.url_map.add(site.url_rule_class("/direct/deeper", endpoint="deeper"))
    site.view_functions["deeper"] = lambda: u"deeper"
    assert answer(site, "/direct/deeper") == (200, b"deeper")


def test_404_of_an_own_converter_is_asked_again(site):
    stocked = set()

    class InStock(_Converter):
        def to_python(self, text):
            if text in stocked:
                return text
            raise _Refused()

    site.url_map.converters["stocked"] = InStock
    site.add_url_rule("/things/<stocked:item>", "thing", lambda item: u"thing " + item)

    assert answer(site, "/things/box")[0] == 404
    assert answer(site, "/things/box")[0] == 404
    stocked.add("box")
    assert answer(site, "/things/box") == (200, b"thing box")


def test_404_then_a_method_the_rule_allows(site):
    assert answer(site, "/nothing/here")[0] == 404
    assert answer(site, "/nothing/here")[0] == 404
    assert answer(site, "/nothing")[0] == 405
    assert answer(site, "/nothing", "POST") == (200, b"named nothing")


def test_map_class_keeps_its_name():
    site = build_site()
    assert isinstance(site.url_map, flaskcompat.Flask.url_map_class)
    assert type(site.url_map).__name__ == flaskcompat.Flask.url_map_class.__name__


def test_remembered_match_gives_fresh_values(site):
    popped = []
    site.url_value_preprocessor(
        lambda endpoint, values: popped.append(values.pop("lang", None))
    )
    site.add_url_rule(
        "/<lang>/items/<int:number>", "item", lambda number: u"item %d" % number
    )
    for _ in range(3):
        assert answer(site, "/en/items/7") == (200, b"item 7")
    assert popped == ["en", "en", "en"]


def test_default_redirect_is_asked_again(site):
    def pages(number):
        return u"page %d" % number

    site.add_url_rule("/pages/", "pages", pages, defaults={"number": 1})
    site.add_url_rule("/pages/<int:number>", "pages", pages)
    for _ in range(2):
        redirected = site.test_client().get("/pages/1")
        assert redirected.status_code == RequestRedirect.code
        assert redirected.headers["Location"].endswith("/pages/")
    assert answer(site, "/pages/2") == (200, b"page 2")
    assert answer(site, "/pages/2") == (200, b"page 2")


def test_rule_that_fails_outside_a_request_leaves_matching_to_werkzeug(site):
    from werkzeug.routing import Rule

    class RequestOnlyRule(Rule):
        # Reads the request while matching, as some rule classes of
        # applications do: outside a request that is an error.
        def match(self, path, method=None, *args, **kwargs):
            flaskcompat.request.headers.get("X-Probe")
            return Rule.match(self, path, method, *args, **kwargs)

    site.url_map.add(RequestOnlyRule("/probe", endpoint="probe"))
    site.view_functions["probe"] = lambda: u"probe"
    assert answer(site, "/probe") == (200, b"probe")
    assert answer(site, "/static-page") == (200, b"static")
    assert answer(site, "/no-such/page")[0] == 404
