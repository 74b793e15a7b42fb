# -*- coding: utf-8 -*-
"""The session cookie's signature, checked against itsdangerous itself.

The default interface signs and opens its cookie without going through
itsdangerous' call chain; these tests hold it to itsdangerous' output byte
for byte (on every interpreter, so on each itsdangerous release the suite
installs), to itsdangerous' decision on every cookie it opens, and make sure
that an interface whose signing was changed is served by itsdangerous.
"""
from __future__ import unicode_literals

import hashlib
import json
import random
import uuid
from contextlib import contextmanager
from datetime import datetime
from datetime import timedelta

import itsdangerous
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

import flaskcompat
from flaskcompat.sessions import SecureCookieSessionInterface
from flaskcompat.sessions import session_json_serializer
from bounded import bounded

BOUNDED = bounded(120)

KEY = "signing test key"
SALT = "cookie-session"
LIFETIME = timedelta(days=31)
MAX_AGE = 31 * 24 * 3600
# a moment well inside every timestamp width itsdangerous writes
NOW = 1765000000


@contextmanager
def clock_at(seconds):
    """itsdangerous' clock, stopped at ``seconds``."""
    signer = itsdangerous.TimestampSigner
    before = signer.__dict__["get_timestamp"]
    signer.get_timestamp = lambda self: seconds
    try:
        yield
    finally:
        signer.get_timestamp = before


def reference(salt=SALT, digest=hashlib.sha1, derivation="hmac", serializer=None):
    """itsdangerous' serializer set up as the session documentation says."""
    return itsdangerous.URLSafeTimedSerializer(
        KEY,
        salt=salt,
        serializer=serializer or session_json_serializer,
        signer_kwargs={"key_derivation": derivation, "digest_method": digest},
    )


def reference_open(cookie, serializer=None):
    """What itsdangerous gives for ``cookie``: the value, or ``{}`` when it
    refuses it (the interface then starts an empty session)."""
    try:
        found = (serializer or reference()).loads(cookie, max_age=MAX_AGE)
    except itsdangerous.BadData:
        return {}
    return found if isinstance(found, dict) else {}


def make_app(interface=None):
    app = flaskcompat.Flask(__name__)
    app.secret_key = KEY
    app.permanent_session_lifetime = LIFETIME
    if interface is not None:
        app.session_interface = interface
    return app


def cookie_for(app, data):
    """The session cookie ``app`` writes for a session holding ``data``."""
    header = set_cookie_header(app, data)
    return header.split(";", 1)[0].split("=", 1)[1]


def opened(app, cookie):
    """The session ``app`` opens from a request that sends ``cookie``."""
    headers = {"Cookie": str("session=") + str(cookie)}
    with app.test_request_context(headers=headers):
        session = app.session_interface.open_session(app, flaskcompat.request)
        return dict(session)


# -- what a session can hold ---------------------------------------------------

texts = st.text(max_size=12)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2 ** 70), max_value=2 ** 70),
    st.floats(allow_nan=False, allow_infinity=False),
    texts,
    st.binary(max_size=12),
    st.builds(Markup, texts),
    st.integers(min_value=0, max_value=2 ** 128 - 1).map(lambda n: uuid.UUID(int=n)),
    st.datetimes(
        min_value=datetime(1971, 1, 1), max_value=datetime(2100, 1, 1)
    ).map(lambda moment: moment.replace(microsecond=0)),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=4).map(tuple),
        st.dictionaries(texts, inner, max_size=4),
    ),
    max_leaves=10,
)
# long repetitive text, so that a good share of the cookies are compressed
repetitive = st.builds(
    lambda part, times: part * times,
    st.text(alphabet="abc\u00e9", min_size=1, max_size=5),
    st.integers(min_value=1, max_value=60),
)
sessions = st.dictionaries(
    st.text(max_size=8), st.one_of(values, repetitive), min_size=1, max_size=6
)
# itsdangerous reads the timestamp as a datetime, so up to the end of 9999
LAST_STAMP = 253402300799
moments = st.integers(min_value=0, max_value=LAST_STAMP - 10)


@BOUNDED
@given(data=sessions, moment=moments)
def test_cookie_is_itsdangerous_output(data, moment):
    app = make_app()
    with clock_at(moment):
        ours = cookie_for(app, data)
        theirs = reference().dumps(data)
    assert ours == theirs


@BOUNDED
@given(data=sessions, moment=moments)
def test_cookies_open_either_way(data, moment):
    app = make_app()
    with clock_at(moment):
        ours = cookie_for(app, data)
        theirs = reference().dumps(dict(data, other=True))
    with clock_at(moment + 5):
        assert opened(app, ours) == reference().loads(ours)
        assert opened(app, theirs) == reference().loads(theirs)
        assert opened(app, theirs)["other"] is True


def test_a_timestamp_in_the_last_second_of_9999_opens():
    app = make_app()
    with clock_at(LAST_STAMP - 1):
        cookie = cookie_for(app, {"n": 1})
        assert cookie == reference().dumps({"n": 1})
        assert opened(app, cookie) == {"n": 1}


@pytest.mark.parametrize("moment", [LAST_STAMP + 1, 2 ** 40])
def test_a_timestamp_past_9999_opens_a_new_session(moment):
    # itsdangerous cannot read it as a datetime and raises ValueError (or
    # OverflowError): that is a cookie nobody can open, not a 500.
    app = make_app()

    @app.route("/n")
    def count():
        return str(flaskcompat.session.get("n", 0))

    with clock_at(moment):
        cookie = cookie_for(app, {"n": 1})
        assert cookie == reference().dumps({"n": 1})
        assert opened(app, cookie) == {}
        client = app.test_client(use_cookies=True)
        response = client.get("/n", headers={"Cookie": "session=" + cookie})
        assert (response.status_code, response.data) == (200, b"0")


def test_compressed_only_when_itsdangerous_compresses():
    # A random head that zlib cannot shrink, then a run that it can: as the
    # run grows the compressed form passes from longer to shorter, so every
    # length around the point where it starts being used is written once.
    shuffle = random.Random(7)
    head = "".join(shuffle.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(60))
    app = make_app()
    compressed = set()
    with clock_at(NOW):
        for run in range(40):
            data = {"v": head + "z" * run}
            ours = cookie_for(app, data)
            assert ours == reference().dumps(data)
            compressed.add(ours.startswith("."))
    assert compressed == {True, False}


def test_return_type_is_itsdangerous_type():
    app = make_app()
    with clock_at(NOW):
        interface = app.session_interface
        ours = interface.get_signing_serializer(app).dumps({"n": 1})
        assert type(ours) is type(reference().dumps({"n": 1}))
        assert ours == reference().dumps({"n": 1})


# -- cookies that are not what the interface wrote -----------------------------


def spoiled(cookie, how, where, char):
    where = where % (len(cookie) + 1)
    if how == "cut":
        return cookie[:where]
    if how == "insert":
        return cookie[:where] + char + cookie[where:]
    if how == "drop":
        return cookie[:where] + cookie[where + 1 :]
    return cookie[:where] + char + cookie[where + 1 :]


@BOUNDED
@given(
    data=sessions,
    how=st.sampled_from(["cut", "insert", "drop", "replace"]),
    where=st.integers(min_value=0, max_value=400),
    char=st.sampled_from(list("A_-.=+/0z")),
)
def test_a_spoiled_cookie_opens_as_itsdangerous_decides(data, how, where, char):
    app = make_app()
    with clock_at(NOW):
        cookie = spoiled(cookie_for(app, data), how, where, char)
        assert opened(app, cookie) == reference_open(cookie)


@pytest.mark.parametrize(
    "age", [-MAX_AGE, -2, -1, 0, 1, MAX_AGE - 1, MAX_AGE, MAX_AGE + 1, 10 * MAX_AGE]
)
def test_age_limit_is_itsdangerous_limit(age):
    app = make_app()
    with clock_at(NOW):
        cookie = cookie_for(app, {"n": 1})
    with clock_at(NOW + age):
        assert opened(app, cookie) == reference_open(cookie)


def test_cookie_at_the_age_limit_opens():
    app = make_app()
    with clock_at(NOW):
        cookie = cookie_for(app, {"n": 1})
    with clock_at(NOW + MAX_AGE):
        assert opened(app, cookie) == {"n": 1}
    with clock_at(NOW + MAX_AGE + 1):
        assert opened(app, cookie) == {}


def test_cookie_signed_with_another_key_or_salt():
    app = make_app()
    with clock_at(NOW):
        other_key = itsdangerous.URLSafeTimedSerializer(
            "other key",
            salt=SALT,
            serializer=session_json_serializer,
            signer_kwargs={"key_derivation": "hmac", "digest_method": hashlib.sha1},
        ).dumps({"n": 1})
        other_salt = reference(salt="elsewhere").dumps({"n": 1})
        assert opened(app, other_key) == {}
        assert opened(app, other_salt) == {}


def test_signed_values_that_are_not_sessions():
    app = make_app()
    with clock_at(NOW):
        for value in (["a", "list"], "text", 3, None):
            cookie = reference().dumps(value)
            assert opened(app, cookie) == {}
        # well signed, but not the JSON the session serializer reads
        raw = itsdangerous.URLSafeTimedSerializer(KEY, salt=SALT, serializer=json)
        cookie = raw.dumps({"n": {" t": "not a tag's payload"}})
        assert opened(app, cookie) == reference_open(cookie)


def test_old_key_still_opens_its_cookies():
    app = make_app()
    app.config["SECRET_KEY_FALLBACKS"] = ["retired key"]
    retired = itsdangerous.URLSafeTimedSerializer(
        "retired key",
        salt=SALT,
        serializer=session_json_serializer,
        signer_kwargs={"key_derivation": "hmac", "digest_method": hashlib.sha1},
    )
    with clock_at(NOW):
        assert opened(app, retired.dumps({"n": 4})) == {"n": 4}
        # and new cookies use the current key
        assert cookie_for(app, {"n": 5}) == reference().dumps({"n": 5})


# -- interfaces whose signing was changed -------------------------------------


class Recording(object):
    """Counts the calls to itsdangerous' dumps and loads."""

    def __init__(self):
        self.calls = []

    @contextmanager
    def watching(self):
        kind = itsdangerous.URLSafeTimedSerializer
        plain_dumps, plain_loads = kind.dumps, kind.loads
        calls = self.calls

        def dumps(serializer, *args, **kwargs):
            calls.append("dumps")
            return plain_dumps(serializer, *args, **kwargs)

        def loads(serializer, *args, **kwargs):
            calls.append("loads")
            return plain_loads(serializer, *args, **kwargs)

        kind.dumps, kind.loads = dumps, loads
        try:
            yield
        finally:
            kind.dumps, kind.loads = plain_dumps, plain_loads


class ShoutingSerializer(object):
    def dumps(self, value):
        return session_json_serializer.dumps(value).upper()

    def loads(self, text):
        return session_json_serializer.loads(text.lower())


class OwnSalt(SecureCookieSessionInterface):
    salt = "another salt"


class OwnDigest(SecureCookieSessionInterface):
    digest_method = staticmethod(hashlib.sha256)


class OwnDerivation(SecureCookieSessionInterface):
    key_derivation = "django-concat"


class OwnSerializer(SecureCookieSessionInterface):
    serializer = ShoutingSerializer()


class OwnSigningSerializer(SecureCookieSessionInterface):
    def get_signing_serializer(self, app):
        return SecureCookieSessionInterface.get_signing_serializer(self, app)


CHANGED = [
    (OwnSalt, lambda: reference(salt="another salt")),
    (OwnDigest, lambda: reference(digest=hashlib.sha256)),
    (OwnDerivation, lambda: reference(derivation="django-concat")),
    (OwnSerializer, lambda: reference(serializer=ShoutingSerializer())),
    (OwnSigningSerializer, reference),
]


@pytest.mark.parametrize(
    ("interface", "expected"), CHANGED, ids=[kind.__name__ for kind, _ in CHANGED]
)
def test_changed_signing_goes_through_itsdangerous(interface, expected):
    app = make_app(interface())
    recording = Recording()
    with clock_at(NOW), recording.watching():
        cookie = cookie_for(app, {"n": "abc"})
        assert cookie == expected().dumps({"n": "abc"})
        assert opened(app, cookie) == {"n": "abc"}
    assert recording.calls == ["dumps", "dumps", "loads"]


def test_settings_changed_on_the_instance_go_through_itsdangerous():
    interface = SecureCookieSessionInterface()
    interface.salt = "instance salt"
    app = make_app(interface)
    recording = Recording()
    with clock_at(NOW), recording.watching():
        cookie = cookie_for(app, {"n": 1})
        assert cookie == reference(salt="instance salt").dumps({"n": 1})
        assert opened(app, cookie) == {"n": 1}
    assert recording.calls == ["dumps", "dumps", "loads"]


def test_default_interface_signs_without_itsdangerous_calls():
    app = make_app()
    recording = Recording()
    with clock_at(NOW), recording.watching():
        cookie = cookie_for(app, {"n": 1})
        assert opened(app, cookie) == {"n": 1}
        assert opened(app, cookie[:-1]) == {}
    # only the damaged cookie was left to itsdangerous
    assert recording.calls == ["loads"]


# -- the cookie's settings -----------------------------------------------------

HOOKED = [
    ("get_cookie_name", "crumb", "crumb="),
    ("get_cookie_domain", "example.org", "Domain=example.org"),
    ("get_cookie_path", "/shop", "Path=/shop"),
    ("get_cookie_httponly", False, None),
    ("get_cookie_secure", True, "Secure"),
    ("get_cookie_samesite", "Strict", "SameSite=Strict"),
    ("get_cookie_partitioned", True, "Partitioned"),
]


def set_cookie_header(app, data=None):
    """The Set-Cookie header ``app`` writes for a session holding ``data``
    (by default ``{"n": 1}``)."""
    interface = app.session_interface
    request_context = app.test_request_context()
    with request_context:
        session = interface.open_session(app, flaskcompat.request)
        session.update({"n": 1} if data is None else data)
        response = app.response_class()
        interface.save_session(app, session, response)
    return response.headers.getlist("Set-Cookie")[-1]


@pytest.mark.parametrize(("hook", "value", "shown"), HOOKED, ids=[h for h, _, _ in HOOKED])
@pytest.mark.parametrize("where", ["subclass", "instance"])
def test_cookie_hooks_are_asked(hook, value, shown, where):
    if where == "subclass":
        interface = type(str("Hooked"), (SecureCookieSessionInterface,), {})
        setattr(interface, hook, lambda self, app: value)
        interface = interface()
    else:
        interface = SecureCookieSessionInterface()
        setattr(interface, hook, lambda app: value)
    header = set_cookie_header(make_app(interface))
    plain = set_cookie_header(make_app())
    if shown is None:  # HttpOnly turned off
        assert "HttpOnly" in plain
        assert "HttpOnly" not in header
    else:
        assert shown not in plain
        assert shown in header


def test_cookie_name_hook_is_asked_when_opening():
    class Crumb(SecureCookieSessionInterface):
        def get_cookie_name(self, app):
            return "crumb"

    app = make_app(Crumb())
    with clock_at(NOW):
        cookie = reference().dumps({"n": 2})
        headers = {"Cookie": str("crumb=") + str(cookie)}
        with app.test_request_context(headers=headers):
            opened_here = app.session_interface.open_session(app, flaskcompat.request)
            assert dict(opened_here) == {"n": 2}
        assert opened(app, cookie) == {}  # sent as "session": not this app's


def test_cookie_settings_follow_the_configuration():
    app = make_app()
    app.config.update(
        SESSION_COOKIE_NAME="jar",
        SESSION_COOKIE_PATH="/p",
        SESSION_COOKIE_DOMAIN="example.com",
        SESSION_COOKIE_SECURE=1,
        SESSION_COOKIE_SAMESITE="Strict",
    )
    header = set_cookie_header(app)
    assert header.startswith("jar=")
    for part in ("Path=/p", "Secure", "SameSite=Strict", "HttpOnly"):
        assert part in header
    assert "example.com" in header
    app.config["SESSION_COOKIE_PATH"] = None
    app.config["APPLICATION_ROOT"] = "/root"
    assert "Path=/root" in set_cookie_header(app)


def test_a_replaced_change_callback_is_still_called():
    from flaskcompat.sessions import SecureCookieSession

    seen = []
    session = SecureCookieSession({"a": 1})
    session.on_update = seen.append
    session["b"] = 2
    del session["a"]
    assert seen == [session, session]
    assert session.accessed is True
    assert session.modified is False  # the replaced callback decides that
    session.on_update = None
    session["c"] = 3
    assert len(seen) == 2 and session.modified is False


def test_native_string_keys_and_values():
    app = make_app()
    data = {str("native"): str("value"), "text": "caf\u00e9", str("n"): [str("a"), 1]}
    with clock_at(NOW):
        cookie = cookie_for(app, data)
        assert cookie == reference().dumps(data)
        assert opened(app, cookie) == reference().loads(cookie)


def test_a_value_json_cannot_hold_fails_as_in_itsdangerous():
    app = make_app()
    unwritable = {"n": object()}
    for write in (reference().dumps, lambda data: cookie_for(app, data)):
        with pytest.raises(TypeError) as raised:
            write(unwritable)
        assert raised.type is TypeError
