# -*- coding: utf-8 -*-
"""The framework writes JSON through encoders it keeps (one per set of
settings) and, on Python 3, by calling the C encoder those encoders would
build. Whatever the route, the text must be exactly what ``json.dumps``
writes with the framework's encoder class, cycles and unserializable values
must fail as they fail there, and a failure must leave nothing behind for
the next call."""
from __future__ import unicode_literals

import json as stdlib_json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import flaskcompat
from flaskcompat import json
from flaskcompat.json import JSONEncoder
from flaskcompat.json.tag import TaggedJSONSerializer
from flaskcompat.sessions import session_json_serializer
from bounded import bounded

BOUNDED = bounded(150)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2 ** 70), max_value=2 ** 70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(max_size=5), inner, max_size=4),
    ),
    max_leaves=12,
)
dump_settings = st.fixed_dictionaries(
    {
        "sort_keys": st.booleans(),
        "ensure_ascii": st.booleans(),
        "separators": st.sampled_from([None, (",", ":"), (", ", ": ")]),
    }
)


def reference(document, **options):
    """What json.dumps writes with the framework's encoder class."""
    text = stdlib_json.dumps(document, cls=JSONEncoder, **options)
    return text.decode("utf-8") if isinstance(text, bytes) else text


@BOUNDED
@given(document=documents, options=dump_settings)
def test_dumps_writes_what_json_dumps_writes(document, options):
    app = flaskcompat.Flask(__name__)
    expected = reference(document, **options)
    with app.app_context():
        assert json.dumps(document, **options) == expected
        # the second call goes through what the first one kept
        assert json.dumps(document, **options) == expected


@BOUNDED
@given(document=st.dictionaries(st.text(max_size=5), documents, max_size=4))
def test_the_session_serializer_writes_what_json_dumps_writes(document):
    app = flaskcompat.Flask(__name__)
    with app.app_context():
        tagged = session_json_serializer.tag(document)
        expected = reference(tagged, separators=(",", ":"), sort_keys=True)
        assert session_json_serializer.dumps(document) == expected


def test_a_cycle_is_reported_as_json_dumps_reports_it_every_time():
    app = flaskcompat.Flask(__name__)
    looped = {"a": []}
    looped["a"].append(looped)
    with pytest.raises(ValueError) as expected:
        stdlib_json.dumps(looped, cls=JSONEncoder)
    with app.app_context():
        for _ in range(2):
            with pytest.raises(ValueError) as raised:
                json.dumps(looped)
            assert str(raised.value) == str(expected.value)


def test_a_failed_call_leaves_nothing_for_the_next_one():
    app = flaskcompat.Flask(__name__)
    shared = ["kept"]
    with app.app_context():
        with pytest.raises(TypeError) as refused:
            json.dumps({"list": shared, "bad": object()}, sort_keys=True)
        assert "not JSON serializable" in str(refused.value)
        # the list the failed call had entered is no cycle now
        assert json.dumps({"again": shared, "more": [shared]}) == (
            '{"again": ["kept"], "more": [["kept"]]}'
        )


class Loop(object):
    """Stands for a value that a tag of the application's own turns into
    a list holding itself."""


class LoopTag(flaskcompat.json.tag.JSONTag):
    key = " loop"

    def check(self, value):
        return isinstance(value, Loop)

    def to_json(self, value):
        looped = []
        looped.append(looped)
        return looped

    def to_python(self, value):
        return Loop()


def test_a_cycle_from_a_tag_of_the_applications_own_is_still_a_cycle():
    serializer = TaggedJSONSerializer()
    serializer.register(LoopTag)
    app = flaskcompat.Flask(__name__)
    with app.app_context():
        with pytest.raises(ValueError) as raised:
            serializer.dumps({"x": Loop()})
    assert "Circular reference" in str(raised.value)


def test_out_of_range_floats_follow_the_encoder_setting():
    app = flaskcompat.Flask(__name__)
    with app.app_context():
        assert json.dumps([float("nan"), float("-inf")]) == "[NaN, -Infinity]"
        for options in ({"allow_nan": False}, {"allow_nan": False, "sort_keys": True}):
            with pytest.raises(ValueError) as raised:
                json.dumps({"x": [float("inf")]}, **options)
            assert str(raised.value).startswith(
                "Out of range float values are not JSON compliant"
            )
