# -*- coding: utf-8 -*-
import datetime
import decimal
import io
import uuid

import pytest

import flaskcompat
from flaskcompat import json
from flaskcompat._compat import Markup
from flaskcompat._compat import text_type

try:
    import dataclasses
except ImportError:
    dataclasses = None


class FixedOffset(datetime.tzinfo):
    """A fixed UTC offset (Python 2 has no datetime.timezone)."""

    def __init__(self, hours):
        self._offset = datetime.timedelta(hours=hours)

    def utcoffset(self, dt):
        return self._offset

    def dst(self, dt):
        return datetime.timedelta(0)

    def tzname(self, dt):
        return "UTC%+d" % (self._offset.seconds // 3600)


def test_dumps_returns_text_and_sorts_keys():
    rv = json.dumps({"b": 1, "a": [1, 2.5, None, True]})
    assert isinstance(rv, text_type)
    assert rv == u'{"a": [1, 2.5, null, true], "b": 1}'


def test_dumps_same_text_on_every_interpreter():
    value = {
        "text": u"Grüße",
        "bytes": b"caf\xc3\xa9",
        "int": 2 ** 70,
        "float": 0.1,
        "list": [(1, 2), {"z": None}],
        "uuid": uuid.UUID(int=1),
        "when": datetime.datetime(2020, 2, 29, 23, 59, 58, 999),
        "day": datetime.date(1999, 12, 31),
        "markup": Markup(u"<b>é</b>"),
    }
    assert json.dumps(value) == (
        u'{"bytes": "caf\\u00e9", "day": "Fri, 31 Dec 1999 00:00:00 GMT",'
        u' "float": 0.1, "int": 1180591620717411303424,'
        u' "list": [[1, 2], {"z": null}], "markup": "<b>\\u00e9</b>",'
        u' "text": "Gr\\u00fc\\u00dfe",'
        u' "uuid": "00000000-0000-0000-0000-000000000001",'
        u' "when": "Sat, 29 Feb 2020 23:59:58 GMT"}'
    )
    assert json.dumps(value, ensure_ascii=False) == (
        u'{"bytes": "café", "day": "Fri, 31 Dec 1999 00:00:00 GMT",'
        u' "float": 0.1, "int": 1180591620717411303424,'
        u' "list": [[1, 2], {"z": null}], "markup": "<b>é</b>",'
        u' "text": "Grüße",'
        u' "uuid": "00000000-0000-0000-0000-000000000001",'
        u' "when": "Sat, 29 Feb 2020 23:59:58 GMT"}'
    )


@pytest.mark.parametrize("ensure_ascii", [True, False])
def test_utf8_bytes_are_text(ensure_ascii):
    # On Python 2 these are str values, on 3 bytes: the same JSON either way,
    # mixed freely with text.
    value = [b"abc", b"\xe2\x82\xac", u"\u20ac", bytearray(b"x\xc3\xa9")]
    rv = json.dumps(value, ensure_ascii=ensure_ascii)
    assert json.loads(rv) == [u"abc", u"\u20ac", u"\u20ac", u"xé"]
    assert isinstance(rv, text_type)
    if ensure_ascii:
        assert rv == u'["abc", "\\u20ac", "\\u20ac", "x\\u00e9"]'
    else:
        assert rv == u'["abc", "\u20ac", "\u20ac", "xé"]'


@pytest.mark.parametrize("ensure_ascii", [True, False])
@pytest.mark.parametrize(
    "value", [b"\xff", [u"é", b"ok\xfe"], {"key": b"\xc3"}, bytearray(b"\x80")]
)
def test_undecodable_bytes_raise_type_error(value, ensure_ascii):
    with pytest.raises(TypeError) as excinfo:
        json.dumps(value, ensure_ascii=ensure_ascii)
    assert "is not valid UTF-8" in str(excinfo.value)
    assert "bytes" in str(excinfo.value)


def test_unknown_type_raises_type_error():
    with pytest.raises(TypeError) as excinfo:
        json.dumps({"x": decimal.Decimal("1.5")})
    assert "Decimal" in str(excinfo.value)


def test_datetime_is_http_date_in_utc():
    aware = datetime.datetime(2020, 1, 1, 1, 30, tzinfo=FixedOffset(2))
    assert json.dumps(aware) == u'"Tue, 31 Dec 2019 23:30:00 GMT"'
    assert json.dumps(datetime.datetime(1969, 7, 20, 20, 17, 40)) == (
        u'"Sun, 20 Jul 1969 20:17:40 GMT"'
    )
    assert json.dumps(datetime.date(2038, 1, 19)) == u'"Tue, 19 Jan 2038 00:00:00 GMT"'


def test_http_date_round_trip():
    value = datetime.datetime(2001, 9, 9, 1, 46, 40)
    assert json.parse_http_date(json.http_date(value)) == value
    assert json.parse_http_date("Sun, 09 Sep 2001 03:46:40 +0200") == value
    with pytest.raises(ValueError):
        json.parse_http_date("yesterday")


class _FakeDataclasses(object):
    """Stands in for the ``dataclasses`` module, so the encoder's use of it
    is tested on every interpreter (2.7 and 3.6 have no dataclasses)."""

    class Point(object):
        def __init__(self, x, y):
            self.x, self.y = x, y

    @staticmethod
    def is_dataclass(value):
        return isinstance(value, (_FakeDataclasses.Point, type))

    @staticmethod
    def asdict(value):
        return {"x": value.x, "y": value.y}


def test_dataclass_instances_are_encoded_as_dicts(monkeypatch):
    from flaskcompat import _compat

    monkeypatch.setattr(_compat, "_dataclasses", _FakeDataclasses)
    point = _FakeDataclasses.Point(1, [2])
    assert json.loads(json.dumps(point)) == {"x": 1, "y": [2]}
    # a dataclass *class* is not an instance: refused like any object
    with pytest.raises(TypeError):
        json.dumps(_FakeDataclasses.Point)


def test_real_dataclass_where_the_interpreter_has_them():
    if dataclasses is None:
        # Without dataclasses nothing is special-cased: objects are refused.
        with pytest.raises(TypeError):
            json.dumps(object())
        assert __import__("flaskcompat")._compat.dataclass_as_dict(object()) is None
        return
    Point = dataclasses.make_dataclass("Point", ["x", "y"])
    assert json.loads(json.dumps(Point(1, [2]))) == {"x": 1, "y": [2]}


def test_html_method_is_used():
    class Thing(object):
        def __html__(self):
            return u"<p>thing</p>"

    assert json.loads(json.dumps([Thing()])) == [u"<p>thing</p>"]


def test_custom_default_in_subclass():
    class SetEncoder(json.JSONEncoder):
        def default(self, o):
            if isinstance(o, set):
                return sorted(o)
            return json.JSONEncoder.default(self, o)

    assert json.dumps({"s": {3, 1}}, cls=SetEncoder) == u'{"s": [1, 3]}'


def test_indent_uses_the_same_separators_everywhere():
    assert json.dumps({"a": [1, 2]}, indent=2) == u'{\n  "a": [\n    1,\n    2\n  ]\n}'


def test_dumps_encoding_gives_bytes():
    rv = json.dumps(u"é", ensure_ascii=False, encoding="utf-16-le")
    assert rv == u'"é"'.encode("utf-16-le")


def test_app_config_is_used(app, app_ctx):
    app.config["JSON_AS_ASCII"] = False
    assert json.dumps({u"é": u"€"}) == u'{"é": "€"}'
    app.config["JSON_AS_ASCII"] = True
    assert json.dumps({u"é": u"€"}) == u'{"\\u00e9": "\\u20ac"}'

    app.config["JSON_SORT_KEYS"] = False
    value = dict((str(i), i) for i in range(20))
    assert json.dumps(value) == json.dumps(value, sort_keys=False)
    app.config["JSON_SORT_KEYS"] = True
    assert json.dumps(value) == json.dumps(value, sort_keys=True)


def test_app_argument_without_context(app):
    app.config["JSON_AS_ASCII"] = False
    assert json.dumps(u"é", app=app) == u'"é"'
    assert json.dumps(u"é") == u'"\\u00e9"'


def test_app_encoder_and_decoder(app, app_ctx):
    class MyEncoder(json.JSONEncoder):
        def default(self, o):
            if isinstance(o, complex):
                return [o.real, o.imag]
            return json.JSONEncoder.default(self, o)

    class MyDecoder(json.JSONDecoder):
        def __init__(self, *args, **kwargs):
            kwargs["parse_float"] = decimal.Decimal
            json.JSONDecoder.__init__(self, *args, **kwargs)

    app.json_encoder = MyEncoder
    app.json_decoder = MyDecoder
    assert json.dumps(1 + 2j) == u"[1.0, 2.0]"
    assert json.loads("1.5") == decimal.Decimal("1.5")


def test_blueprint_encoder_and_decoder_win(app, client):
    class BlueprintEncoder(json.JSONEncoder):
        def default(self, o):
            if isinstance(o, complex):
                return u"complex"
            return json.JSONEncoder.default(self, o)

    class BlueprintDecoder(json.JSONDecoder):
        def __init__(self, *args, **kwargs):
            kwargs["parse_int"] = text_type
            json.JSONDecoder.__init__(self, *args, **kwargs)

    bp = flaskcompat.Blueprint("bp", __name__)
    bp.json_encoder = BlueprintEncoder
    bp.json_decoder = BlueprintDecoder

    @bp.route("/bp")
    def in_blueprint():
        return json.dumps([1j, json.loads("7")])

    @app.route("/app")
    def in_app():
        try:
            json.dumps(1j)
        except TypeError:
            return json.dumps(json.loads("7"))
        return "encoded"

    app.register_blueprint(bp)
    assert client.get("/bp").data == b'["complex", "7"]'
    assert client.get("/app").data == b"7"


@pytest.mark.parametrize(
    "encoding",
    [
        "utf-8",
        "utf-8-sig",
        "utf-16-le",
        "utf-16-be",
        "utf-16",
        "utf-32-le",
        "utf-32-be",
        "utf-32",
    ],
)
def test_loads_detects_encoding(encoding):
    data = u'{"name": "Grüße", "n": 1}'.encode(encoding)
    assert json.detect_encoding(data) in (encoding, encoding.replace("-sig", ""))
    rv = json.loads(data)
    assert rv == {u"name": u"Grüße", u"n": 1}
    assert all(isinstance(key, text_type) for key in rv)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_loads_two_byte_document(encoding):
    assert json.loads(u"1".encode(encoding)) == 1


def test_loads_bytes_text_and_bytearray_agree():
    text = u'["é"]'
    assert json.loads(text) == json.loads(text.encode("utf-8")) == [u"é"]
    assert json.loads(bytearray(text.encode("utf-8"))) == [u"é"]
    assert isinstance(json.loads(b'"abc"'), text_type)


def test_loads_encoding_argument():
    assert json.loads(u'"é"'.encode("latin-1"), encoding="latin-1") == u"é"


def test_loads_errors():
    with pytest.raises(ValueError):
        json.loads(b'{"a": ')
    with pytest.raises(ValueError):
        json.loads(b'"\xff"')


def test_load_from_text_and_binary_streams():
    assert json.load(io.StringIO(u'{"a": "é"}')) == {u"a": u"é"}
    assert json.load(io.BytesIO(u'{"a": "é"}'.encode("utf-16"))) == {u"a": u"é"}


def test_dump_to_text_and_binary_streams(tmpdir):
    text = io.StringIO()
    json.dump({"a": u"é"}, text, ensure_ascii=False)
    assert text.getvalue() == u'{"a": "é"}'

    binary = io.BytesIO()
    json.dump({"a": u"é"}, binary, ensure_ascii=False)
    assert binary.getvalue() == u'{"a": "é"}'.encode("utf-8")

    binary = io.BytesIO()
    json.dump([u"é"], binary, ensure_ascii=False, encoding="utf-16-le")
    assert binary.getvalue() == u'["é"]'.encode("utf-16-le")

    path = str(tmpdir.join("out.json"))
    with open(path, "wb") as f:
        json.dump([u"é", b"\xe2\x82\xac"], f, ensure_ascii=False)
    with open(path, "rb") as f:
        assert f.read() == u'["é", "€"]'.encode("utf-8")
    with io.open(path, "w", encoding="utf-8") as f:
        json.dump([u"é"], f, ensure_ascii=False)
    with open(path, "rb") as f:
        assert json.load(f) == [u"é"]


def test_dump_to_stream_that_cannot_encode(tmpdir):
    with io.open(str(tmpdir.join("ascii.json")), "w", encoding="ascii") as f:
        with pytest.raises(UnicodeEncodeError):
            json.dump([u"é"], f, ensure_ascii=False)


def test_htmlsafe_dumps():
    rv = json.htmlsafe_dumps(u"</script><b>&'\"")
    assert rv == u'"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u0027\\""'
    assert json.loads(rv) == u"</script><b>&'\""
    stream = io.StringIO()
    json.htmlsafe_dump({"a": u"<"}, stream)
    assert stream.getvalue() == u'{"a": "\\u003c"}'


def test_tojson_filter():
    rv = json.tojson_filter({"x": u"<i>"})
    assert isinstance(rv, Markup)
    assert rv == Markup(u'{"x": "\\u003ci\\u003e"}')


def test_jsonify_arguments(app, app_ctx):
    rv = json.jsonify(1, 2, 3)
    assert rv.mimetype == "application/json"
    assert rv.get_data(as_text=True) == u"[1,2,3]\n"
    assert json.jsonify([1, 2, 3]).get_data() == b"[1,2,3]\n"
    assert json.jsonify(b=1, a=u"é").get_data() == b'{"a":"\\u00e9","b":1}\n'
    assert json.jsonify({"a": None}).get_data() == b'{"a":null}\n'
    assert json.jsonify().get_data() == b"{}\n"
    assert json.jsonify("x").get_data() == b'"x"\n'
    with pytest.raises(TypeError) as excinfo:
        json.jsonify(1, a=2)
    assert "both args and kwargs" in str(excinfo.value)


def test_jsonify_pretty_print_and_mimetype(app, app_ctx):
    app.config["JSONIFY_PRETTYPRINT_REGULAR"] = True
    app.config["JSONIFY_MIMETYPE"] = "application/vnd.api+json"
    rv = json.jsonify(a=[1])
    assert rv.get_data(as_text=True) == u'{\n  "a": [\n    1\n  ]\n}\n'
    assert rv.mimetype == "application/vnd.api+json"

    app.config["JSONIFY_PRETTYPRINT_REGULAR"] = False
    app.debug = True
    assert json.jsonify(a=1).get_data(as_text=True) == u'{\n  "a": 1\n}\n'


def test_jsonify_non_ascii(app, app_ctx):
    app.config["JSON_AS_ASCII"] = False
    rv = json.jsonify(name=u"Grüße", raw=b"caf\xc3\xa9")
    assert rv.get_data() == u'{"name":"Grüße","raw":"café"}\n'.encode("utf-8")


def test_jsonify_needs_app_context():
    with pytest.raises(RuntimeError) as excinfo:
        json.jsonify(a=1)
    assert "application context" in str(excinfo.value)


def test_jsonify_through_the_client(app, client):
    app.config["JSON_AS_ASCII"] = False

    @app.route("/data")
    def data():
        return json.jsonify(
            when=datetime.datetime(2021, 3, 4, 5, 6, 7),
            id=uuid.UUID(int=255),
            name=u"Grüße",
            raw=b"\xe2\x82\xac",
        )

    @app.route("/dict")
    def return_dict():
        return {"b": [1, 2], "a": None}

    rv = client.get("/data")
    assert rv.status_code == 200
    assert rv.mimetype == "application/json"
    assert rv.data == (
        u'{"id":"00000000-0000-0000-0000-0000000000ff","name":"Grüße",'
        u'"raw":"€","when":"Thu, 04 Mar 2021 05:06:07 GMT"}\n'
    ).encode("utf-8")
    assert rv.get_json()["name"] == u"Grüße"
    assert client.get("/dict").data == b'{"a":null,"b":[1,2]}\n'


def test_request_json_uses_app_decoder(app, client):
    class MyDecoder(json.JSONDecoder):
        def __init__(self, *args, **kwargs):
            kwargs["parse_float"] = decimal.Decimal
            json.JSONDecoder.__init__(self, *args, **kwargs)

    app.json_decoder = MyDecoder

    @app.route("/echo", methods=["POST"])
    def echo():
        value = flaskcompat.request.get_json()
        return text_type(type(value["x"]).__name__)

    rv = client.post(
        "/echo",
        data=u'{"x": 1.5, "é": 1}'.encode("utf-16"),
        content_type="application/json",
    )
    assert rv.data == b"Decimal"


def test_tojson_filter_in_templates(app, req_ctx):
    rv = flaskcompat.render_template_string(
        u"<script>var data = {{ data|tojson }};</script>",
        data={"html": u"</script>", "raw": b"caf\xc3\xa9", "m": Markup(u"<b>")},
    )
    assert rv == (
        u'<script>var data = {"html": "\\u003c/script\\u003e", "m": "\\u003cb\\u003e",'
        u' "raw": "caf\\u00e9"};</script>'
    )
