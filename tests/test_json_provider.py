# -*- coding: utf-8 -*-
"""``app.json`` (Flask 2.2's JSON provider interface) on top of Flask 1.1's
JSON settings: both spellings change the same thing."""
from __future__ import unicode_literals

import collections
import gc
import io
import uuid
import weakref

import pytest

import flaskcompat
from flaskcompat.json.provider import DefaultJSONProvider
from flaskcompat.json.provider import JSONProvider


def test_every_app_has_its_own_default_provider():
    one, two = flaskcompat.Flask("one"), flaskcompat.Flask("two")
    assert isinstance(one.json, DefaultJSONProvider)
    assert one.json is not two.json


def test_round_trip_through_the_provider(app):
    text = app.json.dumps({"b": 1, "a": [1.5, None]})
    assert text == '{"a": [1.5, null], "b": 1}'
    assert app.json.loads(text) == {"a": [1.5, None], "b": 1}
    assert app.json.loads(text.encode("utf-16")) == {"a": [1.5, None], "b": 1}
    out = io.StringIO()
    app.json.dump([1], out)
    assert out.getvalue() == "[1]"
    assert app.json.load(io.StringIO("[2]")) == [2]


@pytest.mark.parametrize(
    ("attribute", "key", "value"),
    [
        ("ensure_ascii", "JSON_AS_ASCII", False),
        ("sort_keys", "JSON_SORT_KEYS", False),
        ("mimetype", "JSONIFY_MIMETYPE", "application/vnd.api+json"),
    ],
)
def test_provider_attributes_are_the_config(app, attribute, key, value):
    setattr(app.json, attribute, value)
    assert app.config[key] == value
    app.config[key] = "changed"
    assert getattr(app.json, attribute) == "changed"


def test_ensure_ascii_either_way(app):
    with app.app_context():
        assert flaskcompat.json.dumps("\xe9") == '"\\u00e9"'
        app.json.ensure_ascii = False
        assert flaskcompat.json.dumps("\xe9") == '"\xe9"'
        app.config["JSON_AS_ASCII"] = True
        assert app.json.dumps("\xe9") == '"\\u00e9"'


@pytest.mark.parametrize(
    ("compact", "debug", "pretty_config", "body"),
    [
        (None, False, False, b'{"a":[1,2]}\n'),
        (None, True, False, b'{\n  "a": [\n    1, \n    2\n  ]\n}\n'),
        (None, False, True, b'{\n  "a": [\n    1, \n    2\n  ]\n}\n'),
        (True, True, True, b'{"a":[1,2]}\n'),
        (False, False, False, b'{\n  "a": [\n    1, \n    2\n  ]\n}\n'),
    ],
)
def test_response_layout(app, compact, debug, pretty_config, body):
    app.json.compact = compact
    app.debug = debug
    app.config["JSONIFY_PRETTYPRINT_REGULAR"] = pretty_config
    with app.app_context():
        rv = flaskcompat.jsonify(a=[1, 2])
    assert rv.data == body
    assert rv.mimetype == "application/json"


def test_response_values(app):
    with app.app_context():
        assert app.json.response(1, 2).get_json() == [1, 2]
        assert app.json.response([3]).get_json() == [3]
        assert app.json.response(x=1).get_json() == {"x": 1}
        with pytest.raises(TypeError) as info:
            app.json.response(1, x=2)
    assert "both args and kwargs" in str(info.value)


def test_default_function_comes_before_the_encoder(app):
    class Point(object):
        def __init__(self, x, y):
            self.x, self.y = x, y

    app.json.default = lambda o: [o.x, o.y] if isinstance(o, Point) else str(o)
    token = uuid.UUID(int=5)
    assert app.json.dumps({"p": Point(1, 2), "u": token}) == (
        '{"p": [1, 2], "u": "00000000-0000-0000-0000-000000000005"}'
    )


def test_a_flask_1_encoder_class_still_applies(app):
    class Tagged(flaskcompat.json.JSONEncoder):
        def default(self, o):
            if isinstance(o, set):
                return sorted(o)
            return flaskcompat.json.JSONEncoder.default(self, o)

    app.json_encoder = Tagged
    with app.test_request_context():
        assert flaskcompat.json.dumps({3, 1, 2}) == "[1, 2, 3]"
        assert flaskcompat.jsonify({2, 1}).data == b"[1,2]\n"


def test_a_provider_subclass_replaces_json_everywhere():
    class Shouting(JSONProvider):
        def dumps(self, obj, **kwargs):
            return "SHOUT:%r" % (obj,)

        def loads(self, s, **kwargs):
            return s.upper()

    class App(flaskcompat.Flask):
        json_provider_class = Shouting

    app = App("loud")
    with app.app_context():
        assert flaskcompat.json.dumps(1) == "SHOUT:1"
        assert flaskcompat.json.loads("abc") == "ABC"
        assert flaskcompat.jsonify(2).data == b"SHOUT:2"


def test_a_subclass_attribute_overrides_the_config():
    class Plain(DefaultJSONProvider):
        ensure_ascii = False
        sort_keys = False

    class App(flaskcompat.Flask):
        json_provider_class = Plain

    app = App("plain")
    assert app.config["JSON_AS_ASCII"] is True
    assert app.config["JSON_SORT_KEYS"] is True
    assert app.json.dumps("\xe9") == '"\xe9"'
    ordered = collections.OrderedDict([("b", 1), ("a", 2)])
    assert app.json.dumps(ordered) == '{"b": 1, "a": 2}'


def test_the_provider_does_not_keep_its_app_alive():
    app = flaskcompat.Flask("short-lived")
    provider = app.json
    watcher = weakref.ref(app)
    del app
    gc.collect()
    assert watcher() is None
    with pytest.raises(ReferenceError):
        provider.dumps(1)


def test_outside_an_app_the_module_functions_still_work():
    assert flaskcompat.json.dumps({"b": 1, "a": 2}) == '{"a": 2, "b": 1}'
    assert flaskcompat.json.loads(b'{"a": 1}') == {"a": 1}


def test_decimals_are_written_as_their_exact_text(app):
    import decimal

    value = decimal.Decimal("0.1000000000000000000001")
    assert app.json.dumps({"x": value}) == '{"x": "0.1000000000000000000001"}'
    with app.app_context():
        assert flaskcompat.jsonify(decimal.Decimal("2.50")).data == b'"2.50"\n'
