# -*- coding: utf-8 -*-
"""Tagged JSON: what round-trips, the exact wire format, and registering
tags."""
from collections import OrderedDict
from datetime import datetime
from datetime import timedelta
from datetime import tzinfo
from uuid import UUID
from uuid import uuid4

import pytest

from flaskcompat._compat import Markup
from flaskcompat._compat import binary_type
from flaskcompat._compat import text_type
from flaskcompat.json.tag import JSONTag
from flaskcompat.json.tag import PassDict
from flaskcompat.json.tag import TagBytesAsText
from flaskcompat.json.tag import TagDict
from flaskcompat.json.tag import TaggedJSONSerializer

#: True where byte strings are the native ``str`` (Python 2).
NATIVE_BYTES = isinstance("", binary_type)


class TwoHoursEast(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=2)

    def dst(self, dt):
        return timedelta(0)

    def tzname(self, dt):
        return "UTC+2"


@pytest.fixture
def tagged():
    return TaggedJSONSerializer()


def round_trip(serializer, value):
    return serializer.loads(serializer.dumps(value))


ROUND_TRIPS = [
    (1, 2, 3),
    [(u"a", (b"\x00",))],
    {"x": (1, 2), "y": [3]},
    {" t": (1, 2, 3)},
    {" t__": b"\xfe"},
    {" di": " di"},
    b"\xff\x00",
    Markup(u"<em>d\u00e9j\u00e0</em>"),
    uuid4(),
    datetime(1999, 12, 31, 23, 59, 59),
    u"",
    u"plain",
    [],
    {},
    None,
    True,
    -2.25,
    2 ** 70,
]


@pytest.mark.parametrize("value", ROUND_TRIPS, ids=repr)
def test_round_trip_keeps_value_and_type(tagged, value):
    back = round_trip(tagged, value)
    assert back == value
    assert type(back) is type(value)


def test_bytearray_comes_back_as_bytes(tagged):
    back = round_trip(tagged, bytearray(b"\x01\x02"))
    assert back == b"\x01\x02"
    assert type(back) is binary_type


# value -> compact JSON: identical on every interpreter
WIRE = [
    ((u"x", 1), u'{" t":["x",1]}'),
    (b"\xff\x00", u'{" b":"/wA="}'),
    ([(b"\x80",)], u'[{" t":[{" b":"gA=="}]}]'),
    (
        UUID("12345678-1234-5678-1234-567812345678"),
        u'{" u":"12345678123456781234567812345678"}',
    ),
    (Markup(u"<b>\u00e9</b>"), u'{" m":"<b>\\u00e9</b>"}'),
    (
        datetime(2024, 2, 29, 8, 15, 0, 123456),
        u'{" d":"Thu, 29 Feb 2024 08:15:00 GMT"}',
    ),
    ({" t": 2}, u'{" di":{" t__":2}}'),
    ({"b": 1, "a": [1, {" u": 0}]}, u'{"a":[1,{" di":{" u__":0}}],"b":1}'),
]


@pytest.mark.parametrize("value, text", WIRE)
def test_wire_format(tagged, value, text):
    assert tagged.dumps(value) == text


def test_utf8_byte_string_is_text_only_where_it_is_the_native_string(tagged):
    dumped = tagged.dumps(b"caf\xc3\xa9")
    if NATIVE_BYTES:
        assert (dumped, tagged.loads(dumped)) == (u'"caf\\u00e9"', u"caf\u00e9")
    else:
        assert (dumped, tagged.loads(dumped)) == (u'{" b":"Y2Fmw6k="}', b"caf\xc3\xa9")


def test_native_string_literals_read_back_as_text(tagged):
    back = round_trip(tagged, {"who": "ann", "pair": ("p", "q")})
    assert back == {"who": "ann", "pair": ("p", "q")}
    assert type(back["who"]) is text_type
    assert type(back["pair"][0]) is text_type


def test_payload_from_flask_on_python2_opens_as_bytes(tagged):
    # Flask 1.x tagged every Python 2 str as bytes.
    assert tagged.loads(u'{"who":{" b":"YW5u"}}') == {"who": b"ann"}


def test_bytes_as_text_for_old_payloads(tagged):
    tagged.register(TagBytesAsText, force=True)
    back = tagged.loads(u'{"who":{" b":"YW5u"},"raw":{" b":"/wA="}}')
    assert back == {u"who": u"ann", u"raw": b"\xff\x00"}
    assert type(back["who"]) is text_type
    assert type(back["raw"]) is binary_type
    assert tagged.dumps(b"\xff") == u'{" b":"/w=="}'
    # only this serializer changed
    assert TaggedJSONSerializer().loads(u'{" b":"YW5u"}') == b"ann"


def test_aware_datetime_is_stored_in_utc_to_the_second(tagged):
    local = datetime(2021, 6, 1, 14, 0, 0, 500000, tzinfo=TwoHoursEast())
    back = round_trip(tagged, local)
    assert back == datetime(2021, 6, 1, 12, 0, 0)
    assert back.tzinfo is None


@pytest.mark.parametrize(
    "payload",
    [
        u'{" b":"abc"}',
        u'{" b":"\u00e9"}',
        u'{" u":"12"}',
        u'{" d":"last tuesday"}',
        u'{"open":',
        b'"\xff"',
    ],
)
def test_broken_payload_is_a_value_error(tagged, payload):
    pytest.raises(ValueError, tagged.loads, payload)


@pytest.mark.parametrize(
    "text, value",
    [(u'{" zz":1}', {u" zz": 1}), (u'{"a":1,"b":2}', {u"a": 1, u"b": 2})],
)
def test_unknown_markers_are_plain_objects(tagged, text, value):
    assert tagged.loads(text) == value


# -- registering tags ----------------------------------------------------------------


def test_taken_key_needs_force(tagged):
    class AnotherDate(JSONTag):
        key = " d"

    with pytest.raises(KeyError) as info:
        tagged.register(AnotherDate)
    assert "already registered" in str(info.value)


def test_forced_tag_replaces_the_old_one_in_its_place(tagged):
    class ShoutingMarkup(JSONTag):
        __slots__ = ()
        key = " m"

        def check(self, value):
            return hasattr(value, "__html__")

        def to_json(self, value):
            return text_type(value.__html__()).upper()

        def to_python(self, value):
            return Markup(value)

    where = tagged.order.index(tagged.tags[" m"])
    tagged.register(ShoutingMarkup, force=True)
    assert type(tagged.tags[" m"]) is ShoutingMarkup
    assert tagged.order.index(tagged.tags[" m"]) == where
    assert len(tagged.order) == len(TaggedJSONSerializer.default_tags)
    assert round_trip(tagged, Markup(u"<i>")) == Markup(u"<I>")


class Box(object):
    def __init__(self, content):
        self.content = content


class TagBox(JSONTag):
    __slots__ = ()
    key = " box"

    def check(self, value):
        return isinstance(value, Box)

    def to_json(self, value):
        return self.serializer.tag(value.content)

    def to_python(self, value):
        return Box(value)


def test_new_tag_goes_last_and_nests(tagged):
    tagged.register(TagBox)
    assert tagged.order[-1] is tagged.tags[" box"]
    back = round_trip(tagged, Box((1, Box(b"\x00"))))
    assert back.content[0] == 1
    assert back.content[1].content == b"\x00"


def test_index_puts_a_tag_first(tagged):
    class TagOrdered(JSONTag):
        __slots__ = ()
        key = " od"

        def check(self, value):
            return type(value) is OrderedDict

        def to_json(self, value):
            return [[k, self.serializer.tag(v)] for k, v in value.items()]

        def to_python(self, pairs):
            return OrderedDict(pairs)

    tagged.register(TagOrdered, index=0)
    value = OrderedDict([("z", (1,)), ("a", 2)])
    back = round_trip(tagged, value)
    assert type(back) is OrderedDict
    assert list(back.items()) == [("z", (1,)), ("a", 2)]


def test_keyless_tags_only_join_the_order(tagged):
    tagged.register(PassDict, index=0)
    assert [type(t) for t in tagged.order[:2]] == [PassDict, TagDict]

    class Inert(JSONTag):
        pass

    tagged.register(Inert)
    assert type(tagged.order[-1]) is Inert
    assert None not in tagged.tags


@pytest.mark.parametrize("method", ["check", "to_json", "to_python"])
def test_base_tag_is_abstract(method):
    pytest.raises(NotImplementedError, getattr(JSONTag(None), method), 0)
