# -*- coding: utf-8 -*-
"""The session mapping, the session interfaces, and the signed cookie as a
browser sees it."""
import time
import uuid
from datetime import datetime
from datetime import timedelta

import itsdangerous
import pytest
from werkzeug.http import parse_date

import flaskcompat
from flaskcompat import session
from flaskcompat._compat import Markup
from flaskcompat._compat import binary_type
from flaskcompat._compat import text_type
from flaskcompat.sessions import NullSession
from flaskcompat.sessions import SecureCookieSession
from flaskcompat.sessions import SecureCookieSessionInterface
from flaskcompat.sessions import SessionInterface
from flaskcompat.sessions import SessionMixin

EPOCH = datetime(1970, 1, 1)


def utc_now():
    return EPOCH + timedelta(seconds=time.time())


def parse_set_cookie(header):
    """``(name, value, attributes)`` of a Set-Cookie header; attribute names
    lowercased, flags map to ``""``."""
    pair, _, rest = header.partition(";")
    name, _, value = pair.partition("=")
    attributes = {}
    for part in rest.split(";"):
        if part.strip():
            key, _, val = part.strip().partition("=")
            attributes[key.lower()] = val
    return name, value, attributes


def cookies_set(response):
    return [parse_set_cookie(h) for h in response.headers.getlist("Set-Cookie")]


def the_cookie(response, name="session"):
    """The one cookie called ``name`` that ``response`` sets."""
    found = [c for c in cookies_set(response) if c[0] == name]
    assert len(found) == 1, response.headers.getlist("Set-Cookie")
    return found[0]


def give_cookie(client, value, name="session"):
    client.set_cookie("localhost", name, value)


def varies_on_cookie(response):
    vary = response.headers.get("Vary", "")
    return "Cookie" in [v.strip() for v in vary.split(",")]


# -- the mapping ---------------------------------------------------------------

READS = {
    "getitem": lambda s: s["a"],
    "get": lambda s: s.get("nope"),
    "in": lambda s: "a" in s,
    "setdefault existing": lambda s: s.setdefault("a", 99),
    "pop missing with default": lambda s: s.pop("nope", 0),
    "permanent": lambda s: s.permanent,
}

WRITES = {
    "setitem": lambda s: s.__setitem__("z", 0),
    "delitem": lambda s: s.__delitem__("a"),
    "setdefault new": lambda s: s.setdefault("z", 0),
    "pop": lambda s: s.pop("a"),
    "popitem": lambda s: s.popitem(),
    "update keywords": lambda s: s.update(z=0),
    "update mapping": lambda s: s.update({"z": 0}),
    "in-place or": lambda s: s.__ior__({"z": 0}),
    "clear": lambda s: s.clear(),
    "make permanent": lambda s: setattr(s, "permanent", True),
}


def test_fresh_session_is_neither_read_nor_changed():
    fresh = SecureCookieSession()
    assert (fresh.accessed, fresh.modified, fresh.new) == (False, False, False)


@pytest.mark.parametrize("use", list(READS.values()), ids=list(READS))
def test_reading_marks_accessed_only(use):
    s = SecureCookieSession({"a": 1})
    use(s)
    assert s.accessed is True
    assert s.modified is False
    assert s == {"a": 1}


@pytest.mark.parametrize("use", list(WRITES.values()), ids=list(WRITES))
def test_writing_marks_modified_and_accessed(use):
    s = SecureCookieSession({"a": 1})
    use(s)
    assert s.modified is True
    assert s.accessed is True


@pytest.mark.parametrize(
    "initial, use",
    [
        ({"a": 1}, lambda s: s.__delitem__("nope")),
        ({"a": 1}, lambda s: s.pop("nope")),
        ({}, lambda s: s.popitem()),
    ],
    ids=["del", "pop", "popitem"],
)
def test_write_that_raises_changes_nothing(initial, use):
    s = SecureCookieSession(initial)
    pytest.raises(KeyError, use, s)
    assert s.modified is False


def test_in_place_or_keeps_the_session():
    s = SecureCookieSession({"a": 1})
    before = s
    s |= {"b": 2}
    assert s is before
    assert dict(s) == {"a": 1, "b": 2}
    assert s.modified


def test_permanent_is_a_stored_flag():
    s = SecureCookieSession()
    assert s.permanent is False
    s.permanent = "yes"
    assert s["_permanent"] is True
    assert s.permanent is True
    assert isinstance(s, dict)
    assert isinstance(s, SessionMixin)


@pytest.mark.parametrize(
    "write",
    [
        lambda s: s.__setitem__("x", 1),
        lambda s: s.__delitem__("x"),
        lambda s: s.__ior__({"x": 1}),
        lambda s: s.setdefault("x", 1),
        lambda s: s.pop("x", None),
        lambda s: s.popitem(),
        lambda s: s.update(x=1),
        lambda s: s.clear(),
    ],
)
def test_null_session_refuses_every_write(write):
    null = NullSession()
    assert (null.get("x"), "x" in null, len(null)) == (None, False, 0)
    with pytest.raises(RuntimeError) as info:
        write(null)
    assert "no secret key was set" in str(info.value)


# -- the interfaces --------------------------------------------------------------


def test_base_interface(app):
    base = SessionInterface()
    null = base.make_null_session(app)
    assert type(null) is NullSession
    assert base.is_null_session(null)
    assert not base.is_null_session(SecureCookieSession())
    assert base.pickle_based is False
    assert base.get_cookie_name(app) == "session"
    for call in (
        lambda: base.open_session(app, None),
        lambda: base.save_session(app, null, None),
    ):
        with pytest.raises(NotImplementedError):
            call()


def test_expiration_time_is_naive_utc(app):
    interface = SecureCookieSessionInterface()
    s = SecureCookieSession()
    assert interface.get_expiration_time(app, s) is None

    s.permanent = True
    app.permanent_session_lifetime = timedelta(hours=5)
    low = utc_now() + timedelta(hours=5)
    expires = interface.get_expiration_time(app, s)
    high = utc_now() + timedelta(hours=5)
    assert expires.tzinfo is None
    assert low <= expires <= high


def test_signing_serializers_are_kept_per_key(app):
    interface = SecureCookieSessionInterface()
    first = interface.get_signing_serializer(app)
    assert interface.get_signing_serializer(app) is first
    signed = first.dumps({"k": 1})

    app.secret_key = "another secret"
    second = interface.get_signing_serializer(app)
    assert second is not first
    with pytest.raises(itsdangerous.BadSignature):
        second.loads(signed)

    interface.salt = "a different salt"
    assert interface.get_signing_serializer(app) is not second

    app.secret_key = ""
    assert interface.get_signing_serializer(app) is None


def test_serializer_cache_is_bounded(app):
    interface = SecureCookieSessionInterface()
    for n in range(50):
        app.secret_key = "key number %d" % n
        signer = interface.get_signing_serializer(app)
        assert interface.get_signing_serializer(app).loads(signer.dumps(n)) == n
    assert len(interface._signing_serializers) <= 16


def test_custom_cookie_name(app, client):
    class Renamed(SecureCookieSessionInterface):
        def get_cookie_name(self, app):
            return "renamed"

    app.session_interface = Renamed()

    @app.route("/")
    def count_visits():
        session["visits"] = session.get("visits", 0) + 1
        return text_type(session["visits"])

    assert the_cookie(client.get("/"), "renamed")
    assert visit(client) == 2


# -- through requests --------------------------------------------------------------


@pytest.fixture
def notes(app):
    """An app that writes, reads, clears and ignores the session."""

    @app.route("/write/<value>")
    def write(value):
        session["note"] = value
        return "written"

    @app.route("/read")
    def read():
        return session.get("note", "none")

    @app.route("/clear")
    def clear():
        session.clear()
        return "cleared"

    @app.route("/ignore")
    def ignore():
        return "ignored"

    return app


def test_value_survives_between_requests(notes, client):
    assert client.get("/write/hello").data == b"written"
    assert client.get("/read").data == b"hello"


def test_default_cookie_attributes(notes, client):
    _, value, attributes = the_cookie(client.get("/write/x"))
    assert value
    assert attributes == {"httponly": "", "path": "/"}


@pytest.mark.parametrize(
    "path, sets_cookie, varies",
    [("/ignore", False, False), ("/read", False, True), ("/write/y", True, True)],
)
def test_what_a_request_sends_back(notes, client, path, sets_cookie, varies):
    client.get("/write/x")
    rv = client.get(path)
    assert bool(cookies_set(rv)) is sets_cookie
    assert varies_on_cookie(rv) is varies


def test_reading_an_absent_session(notes, client):
    rv = client.get("/read")
    assert rv.data == b"none"
    assert cookies_set(rv) == []
    assert varies_on_cookie(rv)


def test_clearing_expires_the_cookie(notes, client):
    client.get("/write/x")
    rv = client.get("/clear")
    _, value, attributes = the_cookie(rv)
    assert value == ""
    assert attributes["max-age"] == "0"
    assert parse_date(attributes["expires"]).year == 1970
    assert varies_on_cookie(rv)
    assert client.get("/read").data == b"none"


def test_expiring_cookie_keeps_secure_attributes(notes, client):
    notes.config.update(SESSION_COOKIE_NAME="__Secure-sid", SESSION_COOKIE_SECURE=True)
    notes.config.update(SESSION_COOKIE_SAMESITE="None")
    https = "https://localhost"
    written = the_cookie(client.get("/write/x", base_url=https), "__Secure-sid")
    assert "secure" in written[2]
    _, _, attributes = the_cookie(client.get("/clear", base_url=https), "__Secure-sid")
    assert attributes["max-age"] == "0"
    assert attributes["samesite"].lower() == "none"
    assert attributes["path"] == "/"
    assert "secure" in attributes and "httponly" in attributes


def test_without_secret_key(notes, client):
    notes.secret_key = None
    assert client.get("/read").data == b"none"
    with pytest.raises(RuntimeError) as info:
        client.get("/write/x")
    assert "session is unavailable" in str(info.value)


class ScriptName(object):
    """Middleware that mounts the app under ``prefix``."""

    def __init__(self, app, prefix):
        self.wrapped, self.prefix = app, prefix

    def __call__(self, environ, start_response):
        environ.update(SCRIPT_NAME=self.prefix)
        return self.wrapped(environ, start_response)


# (settings, URL requested, cookie domain, cookie path). Flask 1.1 sends the
# leading dot, on every Werkzeug release.
DOMAIN_CASES = [
    ({"SERVER_NAME": "example.com"}, "http://example.com/", ".example.com", "/"),
    (
        {"SERVER_NAME": "example.com:8080"},
        "http://example.com:8080/",
        ".example.com",
        "/",
    ),
    (
        {"SERVER_NAME": "example.com:8080", "APPLICATION_ROOT": "/foo"},
        "http://example.com:8080/foo",
        "example.com",
        "/foo",
    ),
    (
        {
            "SERVER_NAME": "www.example.com:8080",
            "APPLICATION_ROOT": "/test",
            "SESSION_COOKIE_DOMAIN": ".example.com",
            "SESSION_COOKIE_PATH": "/",
        },
        "http://www.example.com:8080/test/",
        ".example.com",
        "/",
    ),
    ({"SESSION_COOKIE_DOMAIN": "example.org"}, "http://localhost/", "example.org", "/"),
]


@pytest.mark.parametrize("settings, url, domain, path", DOMAIN_CASES)
def test_cookie_domain_and_path(app, client, settings, url, domain, path):
    app.config.update(settings)

    @app.route("/")
    def index():
        session["x"] = 1
        return ""

    _, _, attributes = the_cookie(client.get("/", url))
    assert attributes["domain"] == domain
    assert attributes["path"] == path


def test_cookie_path_from_application_root(app, client):
    app.wsgi_app = ScriptName(app.wsgi_app, "/bar")
    app.config["APPLICATION_ROOT"] = "/bar"

    @app.route("/")
    def index():
        session["x"] = 1
        return ""

    assert the_cookie(client.get("/", "http://example.com:8080/"))[2]["path"] == "/bar"


def test_every_cookie_setting(app, client):
    app.config.update(SESSION_COOKIE_NAME="sid", SESSION_COOKIE_SAMESITE="Lax")
    app.config.update(SESSION_COOKIE_HTTPONLY=False, SESSION_COOKIE_SECURE=True)

    @app.route("/")
    def index():
        session["x"] = 1
        return ""

    _, _, attributes = the_cookie(client.get("/"), "sid")
    assert "secure" in attributes
    assert "httponly" not in attributes
    assert attributes["samesite"].lower() == "lax"


@pytest.mark.parametrize("samesite", ["Strict", "Lax", "None", None])
def test_samesite_setting(app, client, samesite):
    app.config["SESSION_COOKIE_SAMESITE"] = samesite

    @app.route("/")
    def index():
        session["x"] = 1
        return ""

    attributes = the_cookie(client.get("/"))[2]
    assert attributes.get("samesite", "").lower() == (samesite or "").lower()


def test_samesite_must_be_known(app, client):
    app.config["SESSION_COOKIE_SAMESITE"] = "sometimes"

    @app.route("/")
    def index():
        session["x"] = 1
        return ""

    pytest.raises(ValueError, client.get, "/")


def test_server_names_browsers_refuse(app):
    interface = SecureCookieSessionInterface()
    app.config["SERVER_NAME"] = "localhost:5000"
    with pytest.warns(UserWarning) as caught:
        assert interface.get_cookie_domain(app) is None
    assert '"localhost" is not a valid cookie domain' in str(caught[0].message)
    assert app.config["SESSION_COOKIE_DOMAIN"] is False
    assert interface.get_cookie_domain(app) is None  # remembered, no warning

    app.config.update(SERVER_NAME="10.0.0.1", SESSION_COOKIE_DOMAIN=None)
    with pytest.warns(UserWarning) as caught:
        assert interface.get_cookie_domain(app) == "10.0.0.1"
    assert "IP address" in str(caught[0].message)


def test_permanent_session_cookie_expires(app, client):
    app.permanent_session_lifetime = timedelta(days=3)

    @app.route("/")
    def index():
        session["x"] = 1
        session.permanent = True
        return ""

    @app.route("/is-permanent")
    def is_permanent():
        return text_type(session.permanent)

    expires = parse_date(the_cookie(client.get("/"))[2]["expires"]).replace(tzinfo=None)
    assert abs(expires - (utc_now() + timedelta(days=3))) < timedelta(minutes=1)
    assert client.get("/is-permanent").data == b"True"


def test_browser_session_cookie_has_no_expiry(app, client):
    @app.route("/")
    def index():
        session["x"] = 1
        return ""

    attributes = the_cookie(client.get("/"))[2]
    assert "expires" not in attributes and "max-age" not in attributes


@pytest.mark.parametrize("refresh", [True, False])
def test_refresh_each_request(app, client, refresh):
    app.config["SESSION_REFRESH_EACH_REQUEST"] = refresh

    @app.route("/start/<kind>")
    def start(kind):
        session["x"] = 1
        session.permanent = kind == "permanent"
        return ""

    @app.route("/look")
    def look():
        return text_type(session.get("x"))

    client.get("/start/permanent")
    rv = client.get("/look")
    assert rv.data == b"1"
    assert len(cookies_set(rv)) == int(refresh)

    client.get("/start/temporary")
    assert cookies_set(client.get("/look")) == []


VARY_VIEWS = {
    "/set": (lambda: session.__setitem__("k", "v") or "", "Cookie"),
    "/get": (lambda: session.get("k") or "", "Cookie"),
    "/getitem": (lambda: session["k"], "Cookie"),
    "/setdefault": (lambda: session.setdefault("k", "v"), "Cookie"),
    "/contains": (lambda: text_type("k" in session), "Cookie"),
    "/untouched": (lambda: "", None),
}


@pytest.mark.parametrize("path", sorted(VARY_VIEWS))
def test_vary_header(app, client, path):
    for rule, (view, _) in VARY_VIEWS.items():
        app.add_url_rule(rule, rule, view)
    client.get("/set")
    assert client.get(path).headers.get("Vary") == VARY_VIEWS[path][1]


def test_vary_header_joins_existing_value(app, client):
    @app.route("/")
    def index():
        response = flaskcompat.Response()
        response.vary.add("Accept-Encoding")
        session["k"] = "v"
        return response

    assert client.get("/").headers["Vary"] == "Accept-Encoding, Cookie"


def test_changes_inside_values_need_modified(app, client):
    @app.route("/start")
    def start():
        session["items"] = [1]
        return ""

    @app.route("/grow/<int:mark>")
    def grow(mark):
        session["items"].append(len(session["items"]) + 1)
        session.modified = bool(mark)
        return ""

    @app.route("/items")
    def items():
        return text_type(session["items"])

    client.get("/start")
    client.get("/grow/0")
    assert client.get("/items").data == b"[1]"
    client.get("/grow/1")
    assert client.get("/items").data == b"[1, 2]"


# -- cookies that do not open --------------------------------------------------------


def visit(client):
    return int(client.get("/").data)


@pytest.fixture
def counter(app):
    @app.route("/")
    def count():
        session["n"] = session.get("n", 0) + 1
        return text_type(session["n"])

    return app


def other_first_signature_char(value):
    # The last character of the signature carries padding bits a decoder
    # may ignore; every bit of the first one counts.
    payload, signature = value.rsplit(".", 1)
    return payload + "." + ("B" if signature[0] == "A" else "A") + signature[1:]


DAMAGE = {
    "signature": other_first_signature_char,
    "payload": lambda v: "x" + v,
    "truncated": lambda v: v[: len(v) // 2],
    "unsigned": lambda v: v.split(".")[0],
    "garbage": lambda v: "not a cookie",
    "dots": lambda v: "...",
    "bad zlib": lambda v: ".eJz_.AAAA.AAAA",
    "non-ascii": lambda v: u"\u00e7a." + v,
    "percent escapes": lambda v: "%fe%ff." + v,
}


@pytest.mark.parametrize("damage", list(DAMAGE.values()), ids=list(DAMAGE))
def test_damaged_cookie_starts_over(counter, client, damage):
    first = client.get("/")
    assert visit(client) == 2
    give_cookie(client, damage(the_cookie(first)[1]))
    rv = client.get("/")
    assert (rv.status_code, rv.data) == (200, b"1")


def test_cookie_signed_with_old_key_starts_over(counter, client):
    client.get("/")
    counter.secret_key = "rotated key"
    assert visit(client) == 1


def test_expired_cookie_starts_over(counter, client, monkeypatch):
    counter.permanent_session_lifetime = timedelta(days=10)
    long_ago = int(time.time()) - 11 * 24 * 3600
    monkeypatch.setattr(
        itsdangerous.TimestampSigner, "get_timestamp", lambda self: long_ago
    )
    assert visit(client) == 1
    monkeypatch.undo()
    assert visit(client) == 1
    assert visit(client) == 2


def test_signed_value_that_is_not_a_mapping(counter, client):
    signer = counter.session_interface.get_signing_serializer(counter)
    give_cookie(client, signer.dumps(["a", "list"]))
    assert visit(client) == 1


# -- what the cookie holds ------------------------------------------------------------

KEPT_TYPES = [
    ("tuple", (1, u"two", 3.0)),
    ("bytes", b"\x00\x80\xff"),
    ("markup", Markup(u"<i>caf\u00e9</i>")),
    ("datetime", datetime(2024, 2, 29, 6, 7, 8)),
    ("uuid", uuid.UUID("5f3c5c2e-0d8e-4d5e-8a55-1b2c3d4e5f60")),
    ("tag-like key", {" t": [(u"\u00e9", b"\xfe")], "y": None}),
    ("text", u"Stra\u00dfe"),
    ("big int", 3 ** 40),
]


def test_types_survive_the_cookie(app, client):
    @app.route("/put")
    def put():
        session.update(KEPT_TYPES)
        return ""

    @app.route("/check")
    def check():
        for key, value in KEPT_TYPES:
            assert session[key] == value, key
            assert type(session[key]) is type(value), key
        assert isinstance(session["tag-like key"][" t"][0][1], binary_type)
        return "same"

    client.get("/put")
    assert client.get("/check").data == b"same"


# Signed by this framework at 2020-01-01 00:00:00 UTC with the key "golden
# key"; the same bytes come out on 2.7 and 3.x, and Flask 1.1 opens them.
GOLDEN_TIME = 1577836800
GOLDEN_COOKIE = (
    ".eJyrVkrKyU9SsqpWUgCSSo4BFrZKtTpKRfk5qcVg0RIlq2ilxJTczDwlHaWU1DKlWKB0aXFqEV"
    "B1VkypgUGaWTGISrUEypdnpOaBdaUAZUNKU3UUjA0VXFKTFYwMDC0VjIytDAyASMHdN0SpthYA"
    "olsiXA.XgvhAA.kNqc25NRRE7I4gHMwsOzJS4xKwc"
)
GOLDEN_VALUES = {
    "user": u"j\u00f6s\u00e9",
    "roles": ("admin", "dev"),
    "blob": b"\x00\xff",
    "when": datetime(2019, 12, 31, 23, 0, 0),
}


def test_cookie_bytes_do_not_depend_on_the_interpreter(app, client, monkeypatch):
    monkeypatch.setattr(
        itsdangerous.TimestampSigner, "get_timestamp", lambda self: GOLDEN_TIME
    )
    app.secret_key = "golden key"

    @app.route("/put")
    def put():
        session.update(GOLDEN_VALUES)
        return ""

    @app.route("/check")
    def check():
        assert dict(session) == GOLDEN_VALUES
        return "same"

    signer = app.session_interface.get_signing_serializer(app)
    payload = signer.loads(the_cookie(client.get("/put"))[1])
    assert signer.serializer.dumps(payload) == (
        u'{"blob":{" b":"AP8="},"roles":{" t":["admin","dev"]},'
        u'"user":"j\\u00f6s\\u00e9","when":{" d":"Tue, 31 Dec 2019 23:00:00 GMT"}}'
    )

    # zlib may compress differently elsewhere; a cookie written there opens.
    give_cookie(client, GOLDEN_COOKIE)
    assert client.get("/check").data == b"same"
