# -*- coding: utf-8 -*-
"""The short paths of rendering and of the session cookie give what the
long ones give: the same Set-Cookie header, the same signed bytes, the same
tagged JSON, the same template context, and each short path steps aside
when the application customises what it skips."""
import warnings
from decimal import Decimal

import itsdangerous
import pytest
from werkzeug.http import dump_cookie

import flaskcompat
from flaskcompat import json as fc_json
from flaskcompat._compat import set_cookie_with_domain
from flaskcompat._compat import text_type
from flaskcompat.json.tag import JSONTag
from flaskcompat.json.tag import TaggedJSONSerializer
from flaskcompat.sessions import SecureCookieSessionInterface
from flaskcompat.wrappers import Response


def make_app(**config):
    site = flaskcompat.Flask(__name__)
    site.secret_key = "a key for these tests only"
    site.config.update(config)
    return site


def session_headers(site, path="/"):
    with site.test_client() as browser:
        answer = browser.get(path)
        return answer.headers.getlist("Set-Cookie"), answer


def counting_app(**config):
    site = make_app(**config)

    @site.route("/")
    def count():
        flaskcompat.session["n"] = flaskcompat.session.get("n", 0) + 1
        return text_type(flaskcompat.session["n"])

    return site


COOKIE_SETTINGS = [
    {},
    {"SESSION_COOKIE_SECURE": True, "SESSION_COOKIE_SAMESITE": "Lax"},
    {"SESSION_COOKIE_DOMAIN": ".example.test", "SESSION_COOKIE_PATH": "/app"},
    {"SESSION_COOKIE_HTTPONLY": False, "SESSION_COOKIE_NAME": "sid"},
    {"SESSION_COOKIE_PARTITIONED": True, "SESSION_COOKIE_SECURE": True},
]


@pytest.mark.parametrize("settings", COOKIE_SETTINGS)
def test_session_header_is_the_one_werkzeug_writes(settings):
    site = counting_app(**settings)
    headers, _answer = session_headers(site)
    assert len(headers) == 1
    name = site.config["SESSION_COOKIE_NAME"]
    value = headers[0].split(";", 1)[0].split("=", 1)[1]
    interface = site.session_interface
    expected = Response()
    with site.test_request_context():
        attributes = interface._cookie_attributes(site)
    set_cookie_with_domain(expected, name, value, **attributes)
    assert headers == expected.headers.getlist("Set-Cookie")


def test_second_session_header_reuses_the_first_shape():
    site = counting_app()
    with site.test_client() as browser:
        first = browser.get("/").headers["Set-Cookie"]
        second = browser.get("/").headers["Set-Cookie"]
    assert first.split(";", 1)[1] == second.split(";", 1)[1]
    assert first.split(";", 1)[0] != second.split(";", 1)[0]
    value = second.split(";", 1)[0].split("=", 1)[1]
    assert dump_cookie("session", value).startswith("session=" + value)


def test_permanent_session_header_keeps_its_expiry():
    site = make_app()

    @site.route("/")
    def remember():
        flaskcompat.session.permanent = True
        flaskcompat.session["user"] = u"zoë"
        return u"ok"

    headers, _answer = session_headers(site)
    assert len(headers) == 1
    assert "Expires=" in headers[0]


def test_oversized_cookie_still_warns():
    site = make_app(MAX_COOKIE_SIZE=100)

    @site.route("/")
    def big():
        # digits that zlib cannot squeeze below the limit
        flaskcompat.session["data"] = u"".join(text_type(i * 7919 % 10007) for i in range(200))
        return u"ok"

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        session_headers(site)
    assert any("cookie is too large" in text_type(w.message) for w in caught)


def test_response_class_with_its_own_set_cookie_is_asked():
    calls = []

    class Noting(Response):
        def set_cookie(self, key, value="", *args, **kwargs):
            calls.append(key)
            return Response.set_cookie(self, key, value, *args, **kwargs)

    site = counting_app()
    site.response_class = Noting
    headers, _answer = session_headers(site)
    assert calls == ["session"]
    assert len(headers) == 1


def test_signed_bytes_open_with_plain_itsdangerous_and_back():
    site = counting_app()
    interface = site.session_interface
    with site.test_request_context():
        ours = interface.get_signing_serializer(site)
        plain = itsdangerous.URLSafeTimedSerializer(
            site.secret_key,
            salt="cookie-session",
            serializer=interface.serializer,
            signer_kwargs={"key_derivation": "hmac", "digest_method": interface.digest_method},
        )
        assert plain.loads(ours.dumps({"a": 1})) == {"a": 1}
        assert ours.loads(plain.dumps({"b": [1, 2]})) == {"b": [1, 2]}


def test_signer_is_kept_per_secret_key():
    site = counting_app()
    interface = site.session_interface
    with site.test_request_context():
        first = interface.get_signing_serializer(site)
        assert interface.get_signing_serializer(site) is first
        site.secret_key = "another key"
        second = interface.get_signing_serializer(site)
    assert second is not first


def test_cookie_signed_with_an_old_key_still_opens():
    site = counting_app()
    with site.test_client() as browser:
        browser.get("/")
        site.config["SECRET_KEY_FALLBACKS"] = [site.secret_key]
        site.secret_key = "the new key"
        assert browser.get("/").data == b"2"


class TagInt(JSONTag):
    __slots__ = ()
    key = " int"

    def check(self, value):
        return type(value) is int

    def to_json(self, value):
        return text_type(value)

    def to_python(self, value):
        return int(value)


def test_registered_tag_for_plain_type_is_asked():
    serializer = TaggedJSONSerializer()
    serializer.register(TagInt, index=0)
    assert serializer.dumps({"n": 5}) == u'{"n":{" int":"5"}}'
    assert serializer.loads(serializer.dumps({"n": 5})) == {"n": 5}


def test_tag_inserted_into_order_by_hand_is_asked():
    serializer = TaggedJSONSerializer()
    serializer.order.insert(0, TagInt(serializer))
    assert serializer.tag(7) == {" int": "7"}


def test_plain_values_tag_to_themselves():
    serializer = TaggedJSONSerializer()
    value = {u"a": 1, u"b": u"zoë", u"c": 1.5, u"d": None, u"e": True}
    assert serializer.tag(value) == value
    assert serializer.tag({u" t": 1}) == {u" di": {u" t__": 1}}


class DecimalAware(fc_json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Decimal):
            return u"dec:" + text_type(o)
        return fc_json.JSONEncoder.default(self, o)


def test_app_json_encoder_still_writes_the_session():
    site = make_app()
    site.json_encoder = DecimalAware
    with site.app_context():
        text = site.session_interface.serializer.dumps({"price": Decimal("1.10")})
    assert text == u'{"price":"dec:1.10"}'


def test_json_settings_reach_the_session_text():
    site = make_app(JSON_AS_ASCII=False, JSON_SORT_KEYS=True)
    with site.app_context():
        text = site.session_interface.serializer.dumps({"b": u"é", "a": 1})
    assert text == u'{"a":1,"b":"é"}'


def test_session_text_outside_an_app():
    text = SecureCookieSessionInterface.serializer.dumps({"b": u"é", "a": (1,)})
    assert text == u'{"a":{" t":[1]},"b":"\\u00e9"}'
    assert SecureCookieSessionInterface.serializer.loads(text) == {"a": (1,), "b": u"é"}


def test_rendering_does_not_open_the_session():
    site = make_app()
    opened = []

    @site.route("/")
    def page():
        body = flaskcompat.render_template_string(u"{{ 1 + 1 }}")
        opened.append(flaskcompat._request_ctx_stack.top.session_opened)
        return body

    with site.test_client() as browser:
        answer = browser.get("/", headers={"Cookie": "session=anything"})
    assert answer.data == b"2"
    assert opened == [False]


def test_template_sees_the_session_and_the_request():
    site = make_app()

    @site.route("/")
    def page():
        flaskcompat.session["who"] = u"zoë"
        return flaskcompat.render_template_string(
            u"{{ session.who }} {{ request.path }} {{ g.x }}"
        )

    @site.before_request
    def set_g():
        flaskcompat.g.x = 3

    with site.test_client() as browser:
        assert browser.get("/").data == u"zoë / 3".encode("utf-8")


def test_context_values_given_by_the_caller_win():
    site = make_app()
    with site.test_request_context():
        page = flaskcompat.render_template_string(
            u"{{ request }} {{ session }} {{ g }}", request=1, session=2, g=3
        )
    assert page == u"1 2 3"


def test_own_context_processor_still_runs_with_the_default():
    site = make_app()

    @site.context_processor
    def extra():
        return {"extra": u"yes", "request": u"from processor"}

    with site.test_request_context():
        page = flaskcompat.render_template_string(u"{{ extra }} {{ request }} {{ g is defined }}")
        context = {}
        site.update_template_context(context)
    assert page == u"yes from processor True"
    assert context["session"] == {}
    assert sorted(context) == ["extra", "g", "request", "session"]


def test_subclass_update_template_context_is_called():
    seen = []

    class Watching(flaskcompat.Flask):
        def update_template_context(self, context):
            seen.append(sorted(context))
            flaskcompat.Flask.update_template_context(self, context)

    site = Watching(__name__)
    with site.test_request_context():
        assert flaskcompat.render_template_string(u"{{ a }}", a=1) == u"1"
    assert seen == [["a"]]


def test_finalize_writes_bytes_and_floats_alike_everywhere():
    site = make_app()
    with site.app_context():
        page = flaskcompat.render_template_string(
            u"{{ a }} {{ b }} {{ c }} {{ d }}", a=b"caf\xc3\xa9", b=0.1 + 0.2, c=u"t", d=3
        )
    assert page == u"café 0.30000000000000004 t 3"
