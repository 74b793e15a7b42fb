# -*- coding: utf-8 -*-
import re
import time
import uuid
from datetime import datetime
from datetime import timedelta

import itsdangerous
import pytest
from werkzeug.http import parse_date

import flaskcompat
from flaskcompat._compat import Markup
from flaskcompat._compat import binary_type
from flaskcompat._compat import text_type
from flaskcompat.sessions import NullSession
from flaskcompat.sessions import SecureCookieSession
from flaskcompat.sessions import SecureCookieSessionInterface
from flaskcompat.sessions import SessionInterface
from flaskcompat.sessions import SessionMixin

# 2020-01-01 00:00:00 UTC; cookies signed "at" this time are reproducible.
FIXED_TIMESTAMP = 1577836800


@pytest.fixture
def fixed_clock(monkeypatch):
    """Make itsdangerous sign and check as if it were FIXED_TIMESTAMP."""
    monkeypatch.setattr(
        itsdangerous.TimestampSigner, "get_timestamp", lambda self: FIXED_TIMESTAMP
    )


def set_cookies(rv):
    return rv.headers.getlist("Set-Cookie")


def session_cookie(rv, name="session"):
    cookies = [c for c in set_cookies(rv) if c.startswith(name + "=")]
    assert len(cookies) == 1, set_cookies(rv)
    return cookies[0]


def cookie_value(rv, name="session"):
    return session_cookie(rv, name).split(";", 1)[0].split("=", 1)[1]


def send_cookie(client, value, name="session"):
    client.set_cookie("localhost", name, value)


# -- the session object ------------------------------------------------------


def test_new_session_is_untouched():
    s = SecureCookieSession()
    assert not s.modified and not s.accessed
    assert not s.new
    assert s.permanent is False
    assert s.accessed  # reading .permanent is a read
    assert not s.modified


@pytest.mark.parametrize(
    "operation",
    [
        lambda s: s["a"],
        lambda s: s.get("missing"),
        lambda s: "a" in s,
        lambda s: s.setdefault("a", 2),
        lambda s: s.pop("missing", None),
    ],
)
def test_reads_set_accessed_only(operation):
    s = SecureCookieSession({"a": 1})
    operation(s)
    assert s.accessed
    assert not s.modified
    assert dict(s) == {"a": 1}


@pytest.mark.parametrize(
    "operation",
    [
        lambda s: s.__setitem__("b", 2),
        lambda s: s.__delitem__("a"),
        lambda s: s.setdefault("b", 2),
        lambda s: s.pop("a"),
        lambda s: s.popitem(),
        lambda s: s.update(b=2),
        lambda s: s.update({"b": 2}),
        lambda s: s.__ior__({"b": 2}),
        lambda s: s.clear(),
        lambda s: setattr(s, "permanent", True),
    ],
)
def test_writes_set_modified_and_accessed(operation):
    s = SecureCookieSession({"a": 1})
    operation(s)
    assert s.modified
    assert s.accessed


def test_in_place_or_updates():
    s = SecureCookieSession({"a": 1})
    s |= {"b": 2}
    assert isinstance(s, SecureCookieSession)
    assert dict(s) == {"a": 1, "b": 2}
    assert s.modified


def test_failed_writes_change_nothing():
    s = SecureCookieSession()
    with pytest.raises(KeyError):
        del s["missing"]
    with pytest.raises(KeyError):
        s.pop("missing")
    with pytest.raises(KeyError):
        s.popitem()
    assert not s.modified


def test_session_is_a_mutable_mapping():
    s = SecureCookieSession({"a": 1})
    assert isinstance(s, SessionMixin)
    assert isinstance(s, dict)
    s.permanent = 1
    assert s["_permanent"] is True
    assert s.permanent is True


def test_null_session_reads_but_refuses_writes():
    s = NullSession()
    assert s.get("x") is None
    assert "x" not in s
    assert not s
    for write in (
        lambda: s.__setitem__("x", 1),
        lambda: s.__delitem__("x"),
        lambda: s.setdefault("x", 1),
        lambda: s.pop("x", None),
        lambda: s.popitem(),
        lambda: s.update(x=1),
        lambda: s.clear(),
        lambda: s.__ior__({"x": 1}),
    ):
        with pytest.raises(RuntimeError) as excinfo:
            write()
        assert "no secret key was set" in str(excinfo.value)


def test_session_interface_defaults(app):
    interface = SessionInterface()
    null = interface.make_null_session(app)
    assert isinstance(null, NullSession)
    assert interface.is_null_session(null)
    assert not interface.is_null_session(SecureCookieSession())
    with pytest.raises(NotImplementedError):
        interface.open_session(app, None)
    with pytest.raises(NotImplementedError):
        interface.save_session(app, null, None)
    assert interface.pickle_based is False


def test_cookie_name_hook(app, client):
    class NamedInterface(SecureCookieSessionInterface):
        def get_cookie_name(self, app):
            return "custom_" + app.session_cookie_name

    app.session_interface = NamedInterface()
    assert SessionInterface().get_cookie_name(app) == "session"

    @app.route("/count")
    def count():
        flaskcompat.session["n"] = flaskcompat.session.get("n", 0) + 1
        return text_type(flaskcompat.session["n"])

    rv = client.get("/count")
    assert session_cookie(rv, "custom_session")
    assert client.get("/count").data == b"2"


def test_signing_serializer_follows_key_and_salt(app):
    interface = SecureCookieSessionInterface()
    first = interface.get_signing_serializer(app)
    assert interface.get_signing_serializer(app) is first
    token = first.dumps({"a": 1})

    app.secret_key = "rotated"
    second = interface.get_signing_serializer(app)
    assert second is not first
    with pytest.raises(itsdangerous.BadSignature):
        second.loads(token)

    interface.salt = "other-salt"
    assert interface.get_signing_serializer(app) is not second

    app.secret_key = None
    assert interface.get_signing_serializer(app) is None

    for n in range(40):
        app.secret_key = "key %d" % n
        assert interface.get_signing_serializer(app).loads(
            interface.get_signing_serializer(app).dumps([n])
        ) == [n]
    assert len(interface._signing_serializers) <= 16


def test_get_expiration_time(app):
    interface = SecureCookieSessionInterface()
    session = SecureCookieSession()
    assert interface.get_expiration_time(app, session) is None
    session.permanent = True
    app.permanent_session_lifetime = timedelta(days=2)
    before = datetime(1970, 1, 1) + timedelta(seconds=time.time())
    expires = interface.get_expiration_time(app, session)
    after = datetime(1970, 1, 1) + timedelta(seconds=time.time())
    assert expires.tzinfo is None
    assert before + timedelta(days=2) <= expires <= after + timedelta(days=2)


# -- through the application -------------------------------------------------


@pytest.fixture
def store_app(app):
    """Views that set, read, clear and ignore the session."""

    @app.route("/set", methods=["POST"])
    def set_value():
        flaskcompat.session["value"] = flaskcompat.request.form["value"]
        return "value set"

    @app.route("/get")
    def get_value():
        return text_type(flaskcompat.session.get("value", "missing"))

    @app.route("/clear")
    def clear():
        flaskcompat.session.clear()
        return "cleared"

    @app.route("/untouched")
    def untouched():
        return "nothing"

    return app


def test_session(store_app, client):
    assert client.post("/set", data={"value": "42"}).data == b"value set"
    assert client.get("/get").data == b"42"


def test_session_cookie_attributes_default(store_app, client):
    rv = client.post("/set", data={"value": "1"})
    cookie = session_cookie(rv).lower()
    assert "path=/" in cookie
    assert "httponly" in cookie
    assert "secure" not in cookie
    assert "samesite" not in cookie
    assert "expires" not in cookie
    assert "domain" not in cookie


def test_untouched_session_is_not_saved(store_app, client):
    client.post("/set", data={"value": "1"})
    rv = client.get("/untouched")
    assert set_cookies(rv) == []
    assert "Cookie" not in rv.headers.get("Vary", "")


def test_read_only_session_varies_but_is_not_saved(store_app, client):
    rv = client.get("/get")
    assert rv.data == b"missing"
    assert set_cookies(rv) == []
    assert "Cookie" in rv.headers["Vary"]

    client.post("/set", data={"value": "1"})
    rv = client.get("/get")
    assert set_cookies(rv) == []
    assert "Cookie" in rv.headers["Vary"]


def test_emptied_session_deletes_cookie(store_app, client):
    client.post("/set", data={"value": "1"})
    rv = client.get("/clear")
    cookie = session_cookie(rv)
    assert cookie.startswith("session=;")
    expires = re.search(r"[Ee]xpires=([^;]+)", cookie).group(1)
    assert parse_date(expires).year == 1970
    assert "max-age=0" in cookie.lower()
    assert "Cookie" in rv.headers["Vary"]
    assert client.get("/get").data == b"missing"


def test_deleting_cookie_keeps_its_attributes(store_app, client):
    store_app.config.update(
        SESSION_COOKIE_NAME="__Secure-session",
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_SAMESITE="None",
        SESSION_COOKIE_PATH="/",
    )
    rv = client.post("/set", data={"value": "1"}, base_url="https://localhost")
    assert "secure" in session_cookie(rv, "__Secure-session").lower()
    rv = client.get("/clear", base_url="https://localhost")
    cookie = session_cookie(rv, "__Secure-session").lower()
    assert "max-age=0" in cookie
    assert "secure" in cookie
    assert "httponly" in cookie
    assert "samesite=none" in cookie
    assert "path=/" in cookie


def test_session_without_secret_key(store_app, client):
    store_app.secret_key = None
    assert client.get("/get").data == b"missing"
    with pytest.raises(RuntimeError) as excinfo:
        client.post("/set", data={"value": "1"})
    assert "session is unavailable" in str(excinfo.value)


def test_session_using_server_name(app, client):
    app.config.update(SERVER_NAME="example.com")

    @app.route("/")
    def index():
        flaskcompat.session["testing"] = 42
        return "Hello World"

    rv = client.get("/", "http://example.com/")
    cookie = session_cookie(rv).lower()
    # Werkzeug 3 drops the leading dot, older releases keep it.
    assert re.search(r"domain=\.?example\.com", cookie)
    assert "httponly" in cookie


def test_session_using_server_name_and_port(app, client):
    app.config.update(SERVER_NAME="example.com:8080")

    @app.route("/")
    def index():
        flaskcompat.session["testing"] = 42
        return "Hello World"

    rv = client.get("/", "http://example.com:8080/")
    assert re.search(r"domain=\.?example\.com(;|$)", session_cookie(rv).lower())


def test_session_using_server_name_port_and_path(app, client):
    app.config.update(SERVER_NAME="example.com:8080", APPLICATION_ROOT="/foo")

    @app.route("/")
    def index():
        flaskcompat.session["testing"] = 42
        return "Hello World"

    rv = client.get("/", "http://example.com:8080/foo")
    cookie = session_cookie(rv).lower()
    assert "domain=example.com" in cookie
    assert "path=/foo" in cookie


def test_session_using_application_root(app, client):
    class PrefixPathMiddleware(object):
        def __init__(self, wsgi_app, prefix):
            self.wsgi_app = wsgi_app
            self.prefix = prefix

        def __call__(self, environ, start_response):
            environ["SCRIPT_NAME"] = self.prefix
            return self.wsgi_app(environ, start_response)

    app.wsgi_app = PrefixPathMiddleware(app.wsgi_app, "/bar")
    app.config.update(APPLICATION_ROOT="/bar")

    @app.route("/")
    def index():
        flaskcompat.session["testing"] = 42
        return "Hello World"

    rv = client.get("/", "http://example.com:8080/")
    assert "path=/bar" in session_cookie(rv).lower()


def test_session_using_session_settings(app, client):
    app.config.update(
        SERVER_NAME="www.example.com:8080",
        APPLICATION_ROOT="/test",
        SESSION_COOKIE_DOMAIN=".example.com",
        SESSION_COOKIE_HTTPONLY=False,
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_PATH="/",
        SESSION_COOKIE_NAME="sid",
    )

    @app.route("/")
    def index():
        flaskcompat.session["testing"] = 42
        return "Hello World"

    rv = client.get("/", "http://www.example.com:8080/test/")
    cookie = session_cookie(rv, "sid").lower()
    assert re.search(r"domain=\.?example\.com", cookie)
    assert "path=/" in cookie
    assert "secure" in cookie
    assert "httponly" not in cookie
    assert "samesite=lax" in cookie


@pytest.mark.parametrize("samesite", ["Strict", "Lax", None])
def test_session_samesite(app, client, samesite):
    app.config["SESSION_COOKIE_SAMESITE"] = samesite

    @app.route("/")
    def index():
        flaskcompat.session["testing"] = 42
        return "Hello World"

    cookie = session_cookie(client.get("/")).lower()
    if samesite is None:
        assert "samesite" not in cookie
    else:
        assert "samesite=" + samesite.lower() in cookie


def test_session_samesite_invalid(app, client):
    app.config["SESSION_COOKIE_SAMESITE"] = "invalid"

    @app.route("/")
    def index():
        flaskcompat.session["testing"] = 42
        return "Hello World"

    with pytest.raises(ValueError):
        client.get("/")


def test_cookie_domain_warnings(app):
    interface = SecureCookieSessionInterface()
    app.config["SERVER_NAME"] = "localhost:5000"
    with pytest.warns(UserWarning) as record:
        assert interface.get_cookie_domain(app) is None
    assert '"localhost" is not a valid cookie domain' in str(record[0].message)
    assert app.config["SESSION_COOKIE_DOMAIN"] is False
    # cached: no second warning
    assert interface.get_cookie_domain(app) is None

    app.config.update(SERVER_NAME="127.0.0.1", SESSION_COOKIE_DOMAIN=None)
    with pytest.warns(UserWarning) as record:
        assert interface.get_cookie_domain(app) == "127.0.0.1"
    assert "IP address" in str(record[0].message)


def test_permanent_session_expiration(app, client):
    app.permanent_session_lifetime = timedelta(days=7)

    @app.route("/")
    def index():
        flaskcompat.session["test"] = 42
        flaskcompat.session.permanent = True
        return ""

    @app.route("/test")
    def test():
        return text_type(flaskcompat.session.permanent)

    rv = client.get("/")
    expires = parse_date(re.search(r"[Ee]xpires=([^;]+)", session_cookie(rv)).group(1))
    expected = datetime(1970, 1, 1) + timedelta(seconds=time.time(), days=7)
    if expires.tzinfo is not None:
        expires = expires.replace(tzinfo=None)
    assert abs(expires - expected) < timedelta(minutes=1)
    assert client.get("/test").data == b"True"


def test_non_permanent_session_has_no_expiry(app, client):
    @app.route("/")
    def index():
        flaskcompat.session["test"] = 42
        return ""

    assert "expires" not in session_cookie(client.get("/")).lower()


@pytest.mark.parametrize("refresh", [True, False])
def test_session_refresh_each_request(app, client, refresh):
    app.config["SESSION_REFRESH_EACH_REQUEST"] = refresh

    @app.route("/make/<permanent>")
    def make(permanent):
        flaskcompat.session["value"] = 1
        flaskcompat.session.permanent = permanent == "yes"
        return ""

    @app.route("/read")
    def read():
        return text_type(flaskcompat.session.get("value"))

    client.get("/make/yes")
    rv = client.get("/read")
    assert rv.data == b"1"
    assert len(set_cookies(rv)) == (1 if refresh else 0)

    client.get("/make/no")
    assert set_cookies(client.get("/read")) == []


def test_session_vary_cookie(app, client):
    @app.route("/set")
    def set_session():
        flaskcompat.session["test"] = "test"
        return ""

    @app.route("/get")
    def get():
        return flaskcompat.session.get("test") or ""

    @app.route("/getitem")
    def getitem():
        return flaskcompat.session["test"]

    @app.route("/setdefault")
    def setdefault():
        return flaskcompat.session.setdefault("test", "default")

    @app.route("/contains")
    def contains():
        return text_type("test" in flaskcompat.session)

    @app.route("/vary-header-set")
    def vary_header_set():
        response = flaskcompat.Response()
        response.vary.add("Accept-Encoding")
        flaskcompat.session["test"] = "test"
        return response

    @app.route("/no-vary-header")
    def no_vary_header():
        return ""

    def expect(path, header_value="Cookie"):
        rv = client.get(path)
        assert rv.headers.get("Vary") == header_value

    expect("/set")
    expect("/get")
    expect("/getitem")
    expect("/setdefault")
    expect("/contains")
    expect("/vary-header-set", "Accept-Encoding, Cookie")
    expect("/no-vary-header", None)


def test_session_stored_mutable_data_needs_modified(app, client):
    @app.route("/init")
    def init():
        flaskcompat.session["items"] = [1]
        return ""

    @app.route("/append/<int:flag>")
    def append(flag):
        flaskcompat.session["items"].append(2)
        flaskcompat.session.modified = bool(flag)
        return ""

    @app.route("/items")
    def items():
        return text_type(flaskcompat.session["items"])

    client.get("/init")
    client.get("/append/0")
    assert client.get("/items").data == b"[1]"
    client.get("/append/1")
    assert client.get("/items").data == b"[1, 2]"


# -- bad cookies -----------------------------------------------------------------


@pytest.fixture
def count_app(app):
    @app.route("/count")
    def count():
        flaskcompat.session["n"] = flaskcompat.session.get("n", 0) + 1
        return text_type(flaskcompat.session["n"])

    return app


def flip_signature(value):
    """Change the first character of the signature: all six of its bits
    count (the last character carries padding bits a decoder may ignore)."""
    signed, signature = value.rsplit(".", 1)
    first = "A" if signature[0] != "A" else "B"
    return signed + "." + first + signature[1:]


@pytest.mark.parametrize(
    "mangle",
    [
        lambda v: flip_signature(v),
        lambda v: "e" + v,  # payload
        lambda v: v[: len(v) // 2],  # truncated
        lambda v: v.split(".")[0],  # no signature at all
        lambda v: "garbage",
        lambda v: "...",
        lambda v: ".eJz_.AAAA.AAAA",  # compressed marker, bad zlib data
        lambda v: u"d\u00e9j\u00e0." + v,  # not ASCII
        lambda v: "%ff%fe." + v,
    ],
)
def test_bad_cookie_gives_empty_session(count_app, client, mangle):
    rv = client.get("/count")
    assert rv.data == b"1"
    good = cookie_value(rv)
    assert client.get("/count").data == b"2"

    send_cookie(client, mangle(good))
    rv = client.get("/count")
    assert rv.status_code == 200
    assert rv.data == b"1"


def test_cookie_from_another_key_gives_empty_session(count_app, client):
    client.get("/count")
    count_app.secret_key = "another key"
    assert client.get("/count").data == b"1"


def test_expired_cookie_gives_empty_session(count_app, client, monkeypatch):
    count_app.permanent_session_lifetime = timedelta(days=31)
    real_now = int(time.time())
    monkeypatch.setattr(
        itsdangerous.TimestampSigner,
        "get_timestamp",
        lambda self: real_now - 32 * 24 * 3600,
    )
    assert client.get("/count").data == b"1"
    monkeypatch.undo()
    assert client.get("/count").data == b"1"
    assert client.get("/count").data == b"2"


def test_signed_payload_that_is_not_a_dict(count_app, client):
    serializer = count_app.session_interface.get_signing_serializer(count_app)
    send_cookie(client, serializer.dumps([1, 2, 3]))
    assert client.get("/count").data == b"1"


# -- what goes into the cookie --------------------------------------------------

ROUND_TRIP_VALUES = {
    "t": (1, 2, 3),
    "b": b"\xff\x80\x00",
    "m": Markup(u"<b>héllo</b>"),
    "d": datetime(2020, 2, 29, 12, 30, 5),
    "u": uuid.UUID("a0c1e9d2-7b7d-4a3b-9d9c-0d5e8b5f1f00"),
    "nested": {" t": [(u"é", b"\xfe")], "x": None},
    "text": u"Grüße",
    "n": 2 ** 40,
}


def test_session_round_trip_of_tagged_types(app, client):
    @app.route("/store")
    def store():
        flaskcompat.session.update(ROUND_TRIP_VALUES)
        return ""

    @app.route("/check")
    def check():
        session = flaskcompat.session
        for key, value in ROUND_TRIP_VALUES.items():
            assert session[key] == value, key
            assert type(session[key]) is type(value), key
        assert isinstance(session["b"], binary_type)
        assert isinstance(session["nested"][" t"][0][1], binary_type)
        return "ok"

    client.get("/store")
    assert client.get("/check").data == b"ok"


# Written by this framework at FIXED_TIMESTAMP with the key "golden key"
# (the same bytes on 2.7 and 3.13); Flask 1.1 opens it too.
GOLDEN_COOKIE = (
    ".eJyrVkrKyU9SsqpWUgCSSo4BFrZKtTpKRfk5qcVg0RIlq2ilxJTczDwlHaWU1DKlWKB0aXFqEV"
    "B1VkypgUGaWTGISrUEypdnpOaBdaUAZUNKU3UUjA0VXFKTFYwMDC0VjIytDAyASMHdN0SpthYA"
    "olsiXA.XgvhAA.kNqc25NRRE7I4gHMwsOzJS4xKwc"
)


def test_cookie_is_the_same_on_every_interpreter(app, client, fixed_clock):
    # The payload and signature depend only on the data, the key and the
    # timestamp: a cookie written on Python 2.7 opens on 3.x and back.
    app.secret_key = "golden key"

    @app.route("/store")
    def store():
        flaskcompat.session["user"] = u"jösé"
        flaskcompat.session["roles"] = ("admin", "dev")
        flaskcompat.session["blob"] = b"\x00\xff"
        flaskcompat.session["when"] = datetime(2019, 12, 31, 23, 0, 0)
        return ""

    @app.route("/load")
    def load():
        s = flaskcompat.session
        assert s["user"] == u"jösé"
        assert s["roles"] == ("admin", "dev")
        assert s["blob"] == b"\x00\xff"
        assert s["when"] == datetime(2019, 12, 31, 23, 0, 0)
        return "ok"

    value = cookie_value(client.get("/store"))
    serializer = app.session_interface.get_signing_serializer(app)
    payload = serializer.loads(value)
    assert serializer.serializer.dumps(payload) == (
        u'{"blob":{" b":"AP8="},"roles":{" t":["admin","dev"]},'
        u'"user":"j\\u00f6s\\u00e9","when":{" d":"Tue, 31 Dec 2019 23:00:00 GMT"}}'
    )

    # Opening does not depend on how zlib compressed the payload: the cookie
    # written on another interpreter (or by Flask) opens here.
    send_cookie(client, GOLDEN_COOKIE)
    assert client.get("/load").data == b"ok"
