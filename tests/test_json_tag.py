# -*- coding: utf-8 -*-
from collections import OrderedDict
from datetime import datetime
from datetime import timedelta
from datetime import tzinfo
from uuid import uuid4
from uuid import UUID

import pytest

from flaskcompat._compat import Markup
from flaskcompat._compat import binary_type
from flaskcompat._compat import iteritems
from flaskcompat._compat import text_type
from flaskcompat.json.tag import JSONTag
from flaskcompat.json.tag import PassDict
from flaskcompat.json.tag import TagBytesAsText
from flaskcompat.json.tag import TagDict
from flaskcompat.json.tag import TaggedJSONSerializer


class PlusTwo(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=2)

    def dst(self, dt):
        return timedelta(0)

    def tzname(self, dt):
        return "+02"


@pytest.fixture
def serializer():
    return TaggedJSONSerializer()


@pytest.mark.parametrize(
    "data",
    (
        {" t": (1, 2, 3)},
        {" t__": b"a"},
        {" di": " di"},
        {"x": (1, 2, 3), "y": 4},
        (1, 2, 3),
        [(1, 2, 3)],
        b"\xff",
        bytearray(b"\x00\x01"),
        Markup(u"<html>é</html>"),
        uuid4(),
        datetime(2000, 1, 1, 12, 30, 59),
        u"text",
        u"",
        [],
        {},
        None,
        2 ** 64,
        -1.5,
        True,
    ),
)
def test_dump_load_unchanged(serializer, data):
    rv = serializer.loads(serializer.dumps(data))
    if isinstance(data, bytearray):
        data = binary_type(data)
    assert rv == data
    assert type(rv) is type(data)


def test_bytes_round_trip_as_bytes(serializer):
    # b"\xff\x00" is bytes on Python 3 and a str that is not UTF-8 on
    # Python 2: binary data everywhere, tagged, and back as the same type.
    value = {"blob": b"\xff\x00", "nested": [(b"\x80",)]}
    dumped = serializer.dumps(value)
    assert dumped == u'{"blob":{" b":"/wA="},"nested":[{" t":[{" b":"gA=="}]}]}'
    rv = serializer.loads(dumped)
    assert rv == value
    assert isinstance(rv["blob"], binary_type)
    assert isinstance(rv["nested"][0][0], binary_type)


def test_utf8_native_str_is_text_on_python2(serializer):
    # A byte string that is valid UTF-8: bytes on Python 3 (tagged), text on
    # Python 2 where it is the native str; the stored form says which.
    value = b"caf\xc3\xa9"
    dumped = serializer.dumps(value)
    if isinstance(value, text_type) or isinstance("", binary_type):
        assert dumped == u'"caf\\u00e9"'
        assert serializer.loads(dumped) == u"café"
    else:
        assert dumped == u'{" b":"Y2Fmw6k="}'
        assert serializer.loads(dumped) == b"caf\xc3\xa9"


def test_native_string_literals_come_back_as_text(serializer):
    # 'name' is str on both interpreters; after the round trip it compares
    # equal to the literal and is text, so code that moves to Python 3
    # reads the same value.
    rv = serializer.loads(serializer.dumps({"name": "bob", "tags": ("a",)}))
    assert rv == {"name": "bob", "tags": ("a",)}
    assert isinstance(rv["name"], text_type)


def test_flask_py2_bytes_tag_opens(serializer):
    # Flask 1.x on Python 2 tagged every str as bytes: such payloads still
    # load, as byte strings.
    assert serializer.loads(u'{"user":{" b":"Ym9i"}}') == {"user": b"bob"}


def test_bytes_as_text_for_legacy_payloads(serializer):
    serializer.register(TagBytesAsText, force=True)
    rv = serializer.loads(u'{"user":{" b":"Ym9i"},"blob":{" b":"/wA="}}')
    assert rv == {u"user": u"bob", u"blob": b"\xff\x00"}
    assert isinstance(rv["user"], text_type)
    assert isinstance(rv["blob"], binary_type)
    # writing is unchanged
    assert serializer.dumps(b"\xff") == u'{" b":"/w=="}'
    # the default serializer of other users is untouched
    assert TaggedJSONSerializer().loads(u'{" b":"Ym9i"}') == b"bob"


def test_same_payload_on_every_interpreter(serializer):
    value = {
        "when": datetime(2024, 2, 29, 8, 15, 0, 123456),
        "id": UUID("12345678-1234-5678-1234-567812345678"),
        "markup": Markup(u"<b>é</b>"),
        "pair": (u"x", 1),
        "raw": b"\x00\xff",
        "list": [1, {" t": 2}],
    }
    assert serializer.dumps(value) == (
        u'{"id":{" u":"12345678123456781234567812345678"},'
        u'"list":[1,{" di":{" t__":2}}],'
        u'"markup":{" m":"<b>\\u00e9</b>"},'
        u'"pair":{" t":["x",1]},'
        u'"raw":{" b":"AP8="},'
        u'"when":{" d":"Thu, 29 Feb 2024 08:15:00 GMT"}}'
    )


def test_datetime_to_the_second_in_naive_utc(serializer):
    aware = datetime(2020, 5, 17, 10, 0, 0, 999999, tzinfo=PlusTwo())
    rv = serializer.loads(serializer.dumps(aware))
    assert rv == datetime(2020, 5, 17, 8, 0, 0)
    assert rv.tzinfo is None


def test_duplicate_tag(serializer):
    class TagDict2(JSONTag):
        key = " d"

    with pytest.raises(KeyError) as excinfo:
        serializer.register(TagDict2)
    assert "already registered" in str(excinfo.value)


def test_force_replaces_tag_in_place(serializer):
    class UpperMarkup(JSONTag):
        __slots__ = ()
        key = " m"

        def check(self, value):
            return callable(getattr(value, "__html__", None))

        def to_json(self, value):
            return text_type(value.__html__()).upper()

        def to_python(self, value):
            return Markup(value)

    old_position = serializer.order.index(serializer.tags[" m"])
    serializer.register(UpperMarkup, force=True)
    assert isinstance(serializer.tags[" m"], UpperMarkup)
    assert serializer.order.index(serializer.tags[" m"]) == old_position
    assert len(serializer.order) == len(TaggedJSONSerializer.default_tags)
    assert serializer.loads(serializer.dumps(Markup(u"<b>"))) == Markup(u"<B>")


def test_custom_tag(serializer):
    class Foo(object):
        def __init__(self, data):
            self.data = data

    class TagFoo(JSONTag):
        __slots__ = ()
        key = " f"

        def check(self, value):
            return isinstance(value, Foo)

        def to_json(self, value):
            return self.serializer.tag(value.data)

        def to_python(self, value):
            return Foo(value)

    serializer.register(TagFoo)
    assert serializer.loads(serializer.dumps(Foo("bar"))).data == "bar"


def test_ordered_dict_tag_at_front(serializer):
    class TagOrderedDict(JSONTag):
        __slots__ = ("serializer",)
        key = " od"

        def check(self, value):
            return isinstance(value, OrderedDict)

        def to_json(self, value):
            return [[k, self.serializer.tag(v)] for k, v in iteritems(value)]

        def to_python(self, value):
            return OrderedDict(value)

    serializer.register(TagOrderedDict, index=0)
    value = OrderedDict([("z", 1), ("a", (2,))])
    rv = serializer.loads(serializer.dumps(value))
    assert isinstance(rv, OrderedDict)
    assert list(rv.items()) == [("z", 1), ("a", (2,))]


def test_tag_interface():
    t = JSONTag(None)
    pytest.raises(NotImplementedError, t.check, None)
    pytest.raises(NotImplementedError, t.to_json, None)
    pytest.raises(NotImplementedError, t.to_python, None)


def test_tag_order(serializer):
    serializer.register(PassDict, index=0)
    assert type(serializer.order[0]) == PassDict
    assert type(serializer.order[1]) == TagDict

    class Tag1(JSONTag):
        pass

    serializer.register(Tag1)
    assert type(serializer.order[-1]) == Tag1


def test_untag_leaves_unknown_keys(serializer):
    assert serializer.loads(u'{" x":1}') == {u" x": 1}
    assert serializer.loads(u'{"a":1,"b":2}') == {u"a": 1, u"b": 2}


@pytest.mark.parametrize(
    "payload",
    [u'{" b":"abc"}', u'{" b":"\u00e9"}', u'{" u":"not-a-uuid"}', u'{" d":"never"}', u'{"a":'],
)
def test_bad_payload_raises_value_error(serializer, payload):
    with pytest.raises(ValueError):
        serializer.loads(payload)


def test_undecodable_payload_bytes(serializer):
    with pytest.raises(ValueError):
        serializer.loads(b'"\xff"')
