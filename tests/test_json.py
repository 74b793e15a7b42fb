# -*- coding: utf-8 -*-
"""flaskcompat.json: the same JSON text on every interpreter, application
settings, encodings in and out, and jsonify."""
import datetime
import decimal
import io
import json as stdlib_json
import uuid

import pytest

import flaskcompat
from flaskcompat import _compat
from flaskcompat import json
from flaskcompat._compat import Markup
from flaskcompat._compat import text_type


class Offset(datetime.tzinfo):
    """A fixed offset from UTC (Python 2 has no ``datetime.timezone``)."""

    def __init__(self, hours):
        self.delta = datetime.timedelta(hours=hours)

    def utcoffset(self, dt):
        return self.delta

    def dst(self, dt):
        return None

    def tzname(self, dt):
        return "fixed"


class Html(object):
    def __html__(self):
        return u"<p>html</p>"


MIXED = {
    "text": u"Gr\u00fc\u00dfe",
    "bytes": b"caf\xc3\xa9",
    "int": 2 ** 70,
    "float": 0.1,
    "list": [(1, 2), {"z": None}],
    "uuid": uuid.UUID(int=1),
    "when": datetime.datetime(2020, 2, 29, 23, 59, 58, 999),
    "day": datetime.date(1999, 12, 31),
    "markup": Markup(u"<b>\u00e9</b>"),
}


@pytest.mark.parametrize(
    "ensure_ascii, expected",
    [
        (
            True,
            u'{"bytes": "caf\\u00e9", "day": "Fri, 31 Dec 1999 00:00:00 GMT",'
            u' "float": 0.1, "int": 1180591620717411303424,'
            u' "list": [[1, 2], {"z": null}], "markup": "<b>\\u00e9</b>",'
            u' "text": "Gr\\u00fc\\u00dfe",'
            u' "uuid": "00000000-0000-0000-0000-000000000001",'
            u' "when": "Sat, 29 Feb 2020 23:59:58 GMT"}',
        ),
        (
            False,
            u'{"bytes": "caf\u00e9", "day": "Fri, 31 Dec 1999 00:00:00 GMT",'
            u' "float": 0.1, "int": 1180591620717411303424,'
            u' "list": [[1, 2], {"z": null}], "markup": "<b>\u00e9</b>",'
            u' "text": "Gr\u00fc\u00dfe",'
            u' "uuid": "00000000-0000-0000-0000-000000000001",'
            u' "when": "Sat, 29 Feb 2020 23:59:58 GMT"}',
        ),
    ],
)
def test_same_text_everywhere(ensure_ascii, expected):
    out = json.dumps(MIXED, ensure_ascii=ensure_ascii)
    assert type(out) is text_type
    assert out == expected


def test_keys_sorted_outside_an_app():
    out = json.dumps({"b": 1, "a": [2.5, None, False]})
    assert out == u'{"a": [2.5, null, false], "b": 1}'


@pytest.mark.parametrize(
    "ensure_ascii, expected",
    [
        (True, u'["abc", "\\u20ac", "\\u20ac", "x\\u00e9"]'),
        (False, u'["abc", "\u20ac", "\u20ac", "x\u00e9"]'),
    ],
)
def test_utf8_bytes_mix_with_text(ensure_ascii, expected):
    # str on Python 2, bytes on 3: the same JSON either way
    value = [b"abc", b"\xe2\x82\xac", u"\u20ac", bytearray(b"x\xc3\xa9")]
    out = json.dumps(value, ensure_ascii=ensure_ascii)
    assert out == expected
    assert type(out) is text_type
    assert json.loads(out) == [u"abc", u"\u20ac", u"\u20ac", u"x\u00e9"]


@pytest.mark.parametrize("ensure_ascii", [True, False])
@pytest.mark.parametrize(
    "value", [b"\xff", [u"\u00e9", b"a\xfe"], {"k": b"\xc3"}, bytearray(b"\x80")]
)
def test_bytes_that_are_not_utf8(value, ensure_ascii):
    info = pytest.raises(TypeError, json.dumps, value, ensure_ascii=ensure_ascii)
    message = str(info.value)
    assert "is not valid UTF-8" in message and "bytes" in message


def test_unsupported_type():
    info = pytest.raises(TypeError, json.dumps, [complex(1, 2)])
    assert "is not JSON serializable" in str(info.value)


@pytest.mark.parametrize(
    "value, text",
    [
        (
            datetime.datetime(2020, 1, 1, 1, 30, tzinfo=Offset(2)),
            u'"Tue, 31 Dec 2019 23:30:00 GMT"',
        ),
        (
            datetime.datetime(1969, 7, 20, 20, 17, 40),
            u'"Sun, 20 Jul 1969 20:17:40 GMT"',
        ),
        (datetime.date(2038, 1, 19), u'"Tue, 19 Jan 2038 00:00:00 GMT"'),
        ([Html()], u'["<p>html</p>"]'),
    ],
)
def test_extra_types(value, text):
    assert json.dumps(value) == text


def test_http_date_helpers():
    moment = datetime.datetime(2001, 9, 9, 1, 46, 40)
    assert json.parse_http_date(json.http_date(moment)) == moment
    assert json.parse_http_date("Sun, 09 Sep 2001 03:46:40 +0200") == moment
    pytest.raises(ValueError, json.parse_http_date, "soon")


class FakeDataclasses(object):
    """Replaces the ``dataclasses`` module so the encoder's use of it runs
    on 2.7 and 3.6 too."""

    class Point(object):
        def __init__(self, x, y):
            self.x, self.y = x, y

    @staticmethod
    def is_dataclass(value):
        return isinstance(value, (FakeDataclasses.Point, type))

    @staticmethod
    def asdict(value):
        return {"x": value.x, "y": value.y}


def test_dataclass_instances_are_objects(monkeypatch):
    monkeypatch.setattr(_compat, "_dataclasses", FakeDataclasses)
    assert json.loads(json.dumps(FakeDataclasses.Point(1, [2]))) == {"x": 1, "y": [2]}
    # the class itself is not an instance
    pytest.raises(TypeError, json.dumps, FakeDataclasses.Point)


def test_no_dataclass_special_case_for_plain_objects():
    assert _compat.dataclass_as_dict(object()) is None
    pytest.raises(TypeError, json.dumps, object())


def test_subclass_default():
    class WithSets(json.JSONEncoder):
        def default(self, o):
            if isinstance(o, frozenset):
                return sorted(o)
            return json.JSONEncoder.default(self, o)

    assert json.dumps({"s": frozenset([3, 1])}, cls=WithSets) == u'{"s": [1, 3]}'


def test_indent_has_no_trailing_spaces():
    assert json.dumps({"a": [1, 2]}, indent=2) == u'{\n  "a": [\n    1,\n    2\n  ]\n}'


def test_encoding_argument_gives_bytes():
    out = json.dumps(u"\u00e9", ensure_ascii=False, encoding="utf-16-le")
    assert out == u'"\u00e9"'.encode("utf-16-le")


# -- application settings ------------------------------------------------------------


def test_ascii_and_sort_settings(app, app_ctx):
    app.config.update(JSON_AS_ASCII=False)
    assert json.dumps({u"\u00e9": u"\u20ac"}) == u'{"\u00e9": "\u20ac"}'
    app.config["JSON_AS_ASCII"] = True
    assert json.dumps({u"\u00e9": u"\u20ac"}) == u'{"\\u00e9": "\\u20ac"}'

    many = dict((text_type(n), n) for n in range(25))
    for sort in (False, True):
        app.config["JSON_SORT_KEYS"] = sort
        assert json.dumps(many) == json.dumps(many, sort_keys=sort)


def test_app_argument_works_without_a_context(app):
    app.config.update(JSON_AS_ASCII=False)
    assert json.dumps(u"\u00e9", app=app) == u'"\u00e9"'
    assert json.dumps(u"\u00e9") == u'"\\u00e9"'


class ComplexEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return [o.real, o.imag]
        return json.JSONEncoder.default(self, o)


class DecimalDecoder(json.JSONDecoder):
    def __init__(self, *args, **kwargs):
        kwargs["parse_float"] = decimal.Decimal
        json.JSONDecoder.__init__(self, *args, **kwargs)


def test_app_encoder_and_decoder(app, app_ctx):
    app.json_encoder = ComplexEncoder
    app.json_decoder = DecimalDecoder
    assert json.dumps(3 - 1j) == u"[3.0, -1.0]"
    assert json.loads("0.25") == decimal.Decimal("0.25")


def test_blueprint_classes_win_inside_its_requests(app, client):
    class NamingEncoder(json.JSONEncoder):
        def default(self, o):
            if isinstance(o, complex):
                return u"complex"
            return json.JSONEncoder.default(self, o)

    class TextIntDecoder(json.JSONDecoder):
        def __init__(self, *args, **kwargs):
            kwargs["parse_int"] = text_type
            json.JSONDecoder.__init__(self, *args, **kwargs)

    part = flaskcompat.Blueprint("part", __name__)
    part.json_encoder, part.json_decoder = NamingEncoder, TextIntDecoder

    @part.route("/in-bp")
    def in_bp():
        return json.dumps([2j, json.loads("7")])

    @app.route("/in-app")
    def in_app():
        pytest.raises(TypeError, json.dumps, 2j)
        return json.dumps(json.loads("7"))

    app.register_blueprint(part)
    assert client.get("/in-bp").data == b'["complex", "7"]'
    assert client.get("/in-app").data == b"7"


def test_request_json_uses_app_decoder(app, client):
    app.json_decoder = DecimalDecoder

    @app.route("/", methods=["POST"])
    def echo_type():
        return type(flaskcompat.request.get_json()["x"]).__name__

    body = u'{"x": 0.5, "\u00e9": 1}'.encode("utf-16")
    rv = client.post("/", data=body, content_type="application/json")
    assert rv.data == b"Decimal"


# -- reading bytes and files -----------------------------------------------------------

CODECS = ["utf-8", "utf-8-sig"] + [
    "utf-%d%s" % (bits, order) for bits in (16, 32) for order in ("-le", "-be", "")
]


@pytest.mark.parametrize("codec", CODECS)
def test_detected_encodings(codec):
    raw = u'{"name": "Gr\u00fc\u00dfe", "n": 1}'.encode(codec)
    assert json.detect_encoding(raw) in (codec, codec.replace("-sig", ""))
    back = json.loads(raw)
    assert back == {u"name": u"Gr\u00fc\u00dfe", u"n": 1}
    assert all(type(key) is text_type for key in back)


@pytest.mark.parametrize(
    "raw, codec",
    [
        (b"", "utf-8"),
        (b"1", "utf-8"),
        (b"\x001", "utf-16-be"),
        (b"1\x00", "utf-16-le"),
        (b"\x00\x00\x00", "utf-8"),
    ],
)
def test_short_documents(raw, codec):
    assert json.detect_encoding(raw) == codec


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_one_character_document(codec):
    assert json.loads(u"7".encode(codec)) == 7


def test_text_bytes_and_bytearray_read_the_same():
    text = u'["\u00e9"]'
    raw = text.encode("utf-8")
    for document in (text, raw, bytearray(raw)):
        assert json.loads(document) == [u"\u00e9"]
    assert type(json.loads(b'"x"')) is text_type


def test_named_encoding_for_loads():
    assert json.loads(u'"\u00e9"'.encode("latin-1"), encoding="latin-1") == u"\u00e9"


@pytest.mark.parametrize("raw", [b'{"a": ', b'"\xff"'])
def test_bad_documents(raw):
    pytest.raises(ValueError, json.loads, raw)


@pytest.mark.parametrize(
    "stream",
    [io.StringIO(u'{"k": "\u00e9"}'), io.BytesIO(u'{"k": "\u00e9"}'.encode("utf-16"))],
    ids=["text", "bytes"],
)
def test_load_from_stream(stream):
    assert json.load(stream) == {u"k": u"\u00e9"}


@pytest.mark.parametrize(
    "stream, options, written",
    [
        (io.StringIO, {}, u'{"k": "\u00e9"}'),
        (io.BytesIO, {}, u'{"k": "\u00e9"}'.encode("utf-8")),
        (io.BytesIO, {"encoding": "utf-16-le"}, u'{"k": "\u00e9"}'.encode("utf-16-le")),
    ],
)
def test_dump_to_stream(stream, options, written):
    target = stream()
    json.dump({"k": u"\u00e9"}, target, ensure_ascii=False, **options)
    assert target.getvalue() == written


def test_dump_to_files(tmpdir):
    path = str(tmpdir.join("data.json"))
    with open(path, "wb") as f:
        json.dump([u"\u00e9", b"\xe2\x82\xac"], f, ensure_ascii=False)
    with open(path, "rb") as f:
        assert f.read() == u'["\u00e9", "\u20ac"]'.encode("utf-8")

    with io.open(path, "w", encoding="utf-8") as f:
        json.dump([u"\u00e9"], f, ensure_ascii=False)
    with open(path, "rb") as f:
        assert json.load(f) == [u"\u00e9"]


def test_stream_that_cannot_encode_raises_its_own_error(tmpdir):
    with io.open(str(tmpdir.join("a.json")), "w", encoding="ascii") as f:
        pytest.raises(UnicodeEncodeError, json.dump, [u"\u00e9"], f, ensure_ascii=False)


# -- HTML-safe output and jsonify ---------------------------------------------


def test_htmlsafe_dumps_escapes():
    out = json.htmlsafe_dumps(u"</script><b>&'\"")
    assert out == u'"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u0027\\""'
    assert json.loads(out) == u"</script><b>&'\""

    stream = io.StringIO()
    json.htmlsafe_dump({"a": u">"}, stream)
    assert stream.getvalue() == u'{"a": "\\u003e"}'


def test_tojson_filter_is_markup(app, req_ctx):
    direct = json.tojson_filter({"x": u"<i>"})
    assert type(direct) is Markup
    assert direct == Markup(u'{"x": "\\u003ci\\u003e"}')

    page = flaskcompat.render_template_string(
        u"<script>var d = {{ d|tojson }};</script>",
        d={"html": u"</script>", "raw": b"caf\xc3\xa9", "m": Markup(u"<b>")},
    )
    assert page == (
        u'<script>var d = {"html": "\\u003c/script\\u003e", "m": "\\u003cb\\u003e",'
        u' "raw": "caf\\u00e9"};</script>'
    )


JSONIFY_CASES = [
    ((1, 2, 3), {}, b"[1,2,3]\n"),
    (([1, 2, 3],), {}, b"[1,2,3]\n"),
    ((), {"b": 1, "a": u"\u00e9"}, b'{"a":"\\u00e9","b":1}\n'),
    (({"a": None},), {}, b'{"a":null}\n'),
    ((), {}, b"{}\n"),
    (("x",), {}, b'"x"\n'),
]


@pytest.mark.parametrize("args, kwargs, body", JSONIFY_CASES)
def test_jsonify_bodies(app_ctx, args, kwargs, body):
    response = json.jsonify(*args, **kwargs)
    assert response.mimetype == "application/json"
    assert response.get_data() == body


def test_jsonify_refuses_args_and_kwargs(app_ctx):
    info = pytest.raises(TypeError, json.jsonify, 1, a=2)
    assert "both args and kwargs" in str(info.value)


def test_jsonify_pretty_and_mimetype(app, app_ctx):
    app.config.update(JSONIFY_PRETTYPRINT_REGULAR=True)
    app.config.update(JSONIFY_MIMETYPE="application/vnd.api+json")
    response = json.jsonify(a=[1])
    assert response.get_data(as_text=True) == u'{\n  "a": [\n    1\n  ]\n}\n'
    assert response.mimetype == "application/vnd.api+json"

    app.config["JSONIFY_PRETTYPRINT_REGULAR"] = False
    app.debug = True
    assert json.jsonify(a=1).get_data(as_text=True) == u'{\n  "a": 1\n}\n'


def test_jsonify_non_ascii(app, app_ctx):
    app.config.update(JSON_AS_ASCII=False)
    body = json.jsonify(name=u"Gr\u00fc\u00dfe", raw=b"caf\xc3\xa9").get_data()
    assert body == u'{"name":"Gr\u00fc\u00dfe","raw":"caf\u00e9"}\n'.encode("utf-8")


def test_jsonify_outside_an_app_context():
    with pytest.raises(RuntimeError) as info:
        json.jsonify(a=1)
    assert "application context" in str(info.value)


def test_json_responses_through_the_client(app, client):
    app.config.update(JSON_AS_ASCII=False)

    @app.route("/jsonify")
    def with_jsonify():
        return json.jsonify(
            when=datetime.datetime(2021, 3, 4, 5, 6, 7),
            id=uuid.UUID(int=255),
            name=u"Gr\u00fc\u00dfe",
            raw=b"\xe2\x82\xac",
        )

    @app.route("/dict")
    def with_dict():
        return {"b": [1, 2], "a": None}

    response = client.get("/jsonify")
    assert (response.status_code, response.mimetype) == (200, "application/json")
    assert response.data == (
        u'{"id":"00000000-0000-0000-0000-0000000000ff","name":"Gr\u00fc\u00dfe",'
        u'"raw":"\u20ac","when":"Thu, 04 Mar 2021 05:06:07 GMT"}\n'
    ).encode("utf-8")
    assert response.get_json()["name"] == u"Gr\u00fc\u00dfe"
    assert client.get("/dict").data == b'{"a":null,"b":[1,2]}\n'


@pytest.mark.parametrize(
    "settings",
    [
        {"sort_keys": False},
        {"sort_keys": True},
        {"sort_keys": True, "separators": (",", ":")},
        {"sort_keys": True, "indent": 2, "separators": (", ", ": ")},
        {"sort_keys": True, "ensure_ascii": False},
        # unhashable separators: written the usual way
        {"sort_keys": True, "separators": [",", ":"]},
        {"sort_keys": True, "default": repr},
        {"sort_keys": True, "allow_nan": False},  # a setting never kept
    ],
)
def test_dumps_with_our_encoder_matches_a_fresh_encoder(app, settings):
    value = {
        u"z": [1, 2.5, None, True],
        u"when": datetime.datetime(2021, 3, 4, 5, 6, 7),
        u"id": uuid.UUID(int=7),
        u"price": decimal.Decimal("1.10"),
        u"name": u"Zo\u00eb",
        u"a": {u"nested": [u"x"]},
    }
    expected = stdlib_json.dumps(value, cls=json.JSONEncoder, **settings)
    if isinstance(expected, bytes):  # Python 2 gives ASCII text as str
        expected = expected.decode("utf-8")
    with app.app_context():
        for _ in range(2):  # built, then kept
            assert json.dumps(value, cls=json.JSONEncoder, **settings) == expected


def test_an_encoder_subclass_is_built_for_every_call(app):
    built = []

    class Counting(json.JSONEncoder):
        def __init__(self, *args, **kwargs):
            built.append(True)
            json.JSONEncoder.__init__(self, *args, **kwargs)

    with app.app_context():
        for _ in range(3):
            assert json.dumps([1], cls=Counting) == u"[1]"
    assert len(built) == 3
