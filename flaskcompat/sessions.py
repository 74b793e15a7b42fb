# -*- coding: utf-8 -*-
"""Sessions: the mapping a view sees as ``session``, and the interfaces that
load it from a request and store it in a response.

The default keeps the whole session in a cookie signed with itsdangerous.
The cookie's bytes do not depend on the interpreter or on the itsdangerous
release (1.1 on Python 2.7, 2.x on 3.x), and they are the bytes Flask 1.1
writes: a cookie set by one of them opens in all the others that share the
secret key.
"""
import re
import struct
import warnings
import zlib
from binascii import a2b_base64
from binascii import b2a_base64
from datetime import datetime
from datetime import timedelta
from hashlib import sha1
from time import time

from itsdangerous import BadData
from itsdangerous import TimestampSigner
from itsdangerous import URLSafeTimedSerializer
from werkzeug.datastructures import CallbackDict

from ._compat import DICT_READERS_PY2_ONLY
from ._compat import MutableMapping
from ._compat import safe_str_cmp
from ._compat import set_cookie_with_domain
from .helpers import is_ip
from .helpers import total_seconds
from .json.tag import TaggedJSONSerializer
from .wrappers import add_plain_header

_unset = object()
_PERMANENT_KEY = "_permanent"
_VARY = u"Cookie"


def _vary_on_cookie(response):
    # Response.vary parses the header into a set and writes it back; most
    # responses have no Vary header yet, and then one assignment does. The
    # headers are walked: "in" on Werkzeug's Headers raises and catches an
    # exception when the name is missing.
    headers = response.headers
    for name, _value in headers:
        if name.lower() == "vary":
            response.vary.add(_VARY)
            return
    # absent: adding is what setting would do
    add_plain_header(headers, u"Vary", _VARY)

#: How many signing serializers one interface keeps (one per secret key,
#: salt... combination); key rotation rarely needs more.
_SERIALIZER_CACHE_SIZE = 16

#: What itsdangerous' URL-safe output is made of: characters that no
#: Werkzeug release quotes in a cookie value.
_PLAIN_COOKIE_VALUE = re.compile(r"[A-Za-z0-9_.-]+\Z").match

# (response class, cookie name, attributes) -> the Set-Cookie header around
# the value, as (before, after); None when the value does not sit there
# verbatim.
_COOKIE_FRAMES = {}
_FRAME_PROBE = "x"


def _cookie_frame(response_class, key, attributes):
    shape = (response_class, key, tuple(sorted(attributes.items())))
    try:
        return _COOKIE_FRAMES[shape]
    except KeyError:
        pass
    except TypeError:
        return None  # an unhashable setting from an overridden hook
    # The header Werkzeug writes for a short plain value, cut around it.
    from .wrappers import Response

    probe = Response()
    set_cookie_with_domain(probe, key, _FRAME_PROBE, **attributes)
    header = probe.headers.getlist("Set-Cookie")[-1]
    start = "%s=%s" % (key, _FRAME_PROBE)
    frame = None
    if header.startswith(start):
        frame = (header[: len(key) + 1], header[len(start) :])
    if len(_COOKIE_FRAMES) >= _SERIALIZER_CACHE_SIZE:
        _COOKIE_FRAMES.clear()
    _COOKIE_FRAMES[shape] = frame
    return frame


# response class -> whether its set_cookie is the framework's
_OWN_SET_COOKIE = {}


def _own_set_cookie(response_class):
    try:
        return _OWN_SET_COOKIE[response_class]
    except KeyError:
        from .wrappers import Response

        own = getattr(response_class, "set_cookie", None) == Response.set_cookie
        _OWN_SET_COOKIE[response_class] = own
        return own


def _set_session_cookie(response, key, value, expires, attributes):
    """``set_cookie_with_domain`` for the session cookie. A cookie without
    an expiry date, with a plain value, set on the framework's response
    class, gets the header Werkzeug wrote the first time, with the new
    value in place of the old."""
    kind = type(response)
    own = _OWN_SET_COOKIE.get(kind)
    if own is None:
        own = _own_set_cookie(kind)
    if expires is None and own and _PLAIN_COOKIE_VALUE(value):
        frame = _cookie_frame(kind, key, attributes)
        if frame is not None:
            header = frame[0] + str(value) + frame[1]
            limit = response.max_cookie_size
            # Werkzeug warns about larger cookies: let it.
            if not limit or len(header) <= limit:
                add_plain_header(response.headers, u"Set-Cookie", header)
                return
    set_cookie_with_domain(response, key, value, expires=expires, **attributes)


_NO_SECRET_KEY = (
    "The session is unavailable because no secret key was set. Set the"
    " secret_key on the application to something unique and secret."
)


def _utc_now():
    # A naive UTC datetime, as Flask 1.1 handed to Werkzeug; built from the
    # epoch because ``datetime.utcnow`` warns on Python 3.12+.
    return datetime(1970, 1, 1) + timedelta(seconds=time())


def _cookie_setting(app, name):
    return app.config["SESSION_COOKIE_" + name]


def _note_change(session):
    session.modified = True
    session.accessed = True


class SessionMixin(MutableMapping):
    """The attributes every session object has, on top of a mapping."""

    @property
    def permanent(self):
        """Whether the session outlives the browser session; stored under
        the ``"_permanent"`` key."""
        return self.get(_PERMANENT_KEY, False)

    @permanent.setter
    def permanent(self, value):
        self[_PERMANENT_KEY] = bool(value)

    # Sessions that cannot tell report the safe answers: never new, always
    # changed and read.
    new = False
    modified = True
    accessed = True


def _tracked(name, changes):
    """The dict method ``name``, recording a read, and a change too when
    ``changes`` is true and the call succeeded."""
    plain = getattr(dict, name)

    def method(self, *args, **kwargs):
        self.accessed = True
        result = plain(self, *args, **kwargs)
        if changes:
            self._mark_changed()
        return result

    method.__name__ = name
    return method


class SecureCookieSession(CallbackDict, SessionMixin):
    """The session stored in a signed cookie.

    It tracks its own use, the same way on every Werkzeug release: looking
    at a key sets :attr:`accessed`, changing the mapping sets
    :attr:`modified` as well. Changes inside a stored value (appending to a
    list in the session, say) are invisible; set :attr:`modified` then.
    """

    #: The cookie is written only when this is true.
    modified = False

    #: When true the response gets ``Vary: Cookie``.
    accessed = False

    def __init__(self, initial=None):
        CallbackDict.__init__(self, initial, on_update=_note_change)

    def _mark_changed(self):
        callback = self.on_update
        if callback is _note_change:
            self.modified = True  # what the callback does, without the calls
        elif callback is not None:
            callback(self)

    # The readers and the writer views use most, spelled out; the rest are
    # made by _tracked.
    def __getitem__(self, field):
        self.accessed = True
        return dict.__getitem__(self, field)

    def __contains__(self, field):
        self.accessed = True
        return dict.__contains__(self, field)

    def get(self, field, default=None):
        self.accessed = True
        return dict.get(self, field, default)

    def __len__(self):
        self.accessed = True
        return dict.__len__(self)

    def __setitem__(self, field, stored):
        self.accessed = True
        dict.__setitem__(self, field, stored)
        self._mark_changed()

    # Listing the session reads it as much as looking up a key does.
    __iter__ = _tracked("__iter__", False)
    keys = _tracked("keys", False)
    values = _tracked("values", False)
    items = _tracked("items", False)

    __delitem__ = _tracked("__delitem__", True)
    popitem = _tracked("popitem", True)
    update = _tracked("update", True)
    # Clearing counts as a change even when empty: it removes the cookie.
    clear = _tracked("clear", True)

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def pop(self, key, default=_unset):
        self.accessed = True
        found = dict.pop(self, key, _unset)
        if found is not _unset:
            self._mark_changed()
            return found
        if default is _unset:
            raise KeyError(key)
        return default

    def __ior__(self, other):
        # Python 3.9's dict.__ior__ would skip the tracking.
        self.update(other)
        return self


for _name in DICT_READERS_PY2_ONLY:
    setattr(SecureCookieSession, _name, _tracked(_name, False))


class NullSession(SecureCookieSession):
    """Stands in for the session when the application has no secret key:
    it reads as empty and refuses every change with an explanation."""

    def _refuse(self, *args, **kwargs):
        raise RuntimeError(_NO_SECRET_KEY)

    __setitem__ = __delitem__ = __ior__ = _refuse
    setdefault = pop = popitem = update = clear = _refuse


class SessionInterface(object):
    """What the application asks of a session backend.

    A backend implements :meth:`open_session` and :meth:`save_session`; the
    other methods read the cookie settings from the configuration and can be
    overridden one by one. Install a backend with
    ``app.session_interface = MyInterface()``. The session is opened the
    first time a request touches it and saved only if it was opened.
    """

    #: What :meth:`make_null_session` builds and :meth:`is_null_session`
    #: recognises.
    null_session_class = NullSession

    #: Set by backends that pickle the session, for extensions that care.
    pickle_based = False

    def make_null_session(self, app):
        """The session used when :meth:`open_session` returns ``None``."""
        factory = self.null_session_class
        return factory()

    def is_null_session(self, obj):
        """Whether ``obj`` is a null session (those are never saved)."""
        kind = self.null_session_class
        return isinstance(obj, kind)

    def get_cookie_name(self, app):
        """The cookie's name (``SESSION_COOKIE_NAME``); Flask 2 has this
        hook too."""
        return _cookie_setting(app, "NAME")

    def get_cookie_domain(self, app):
        """The cookie's ``Domain``: ``SESSION_COOKIE_DOMAIN``, or one derived
        from ``SERVER_NAME`` (then stored back in the config; ``False`` there
        means "none")."""
        domain = app.config["SESSION_COOKIE_DOMAIN"]
        if domain is None:
            domain = self._domain_for_server_name(app)
            app.config["SESSION_COOKIE_DOMAIN"] = domain
        return domain or None

    def _domain_for_server_name(self, app):
        server_name = app.config["SERVER_NAME"]
        if not server_name:
            return False
        host = server_name.rsplit(":", 1)[0].lstrip(".")
        if "." not in host:
            warnings.warn(
                '"{0}" is not a valid cookie domain, it must contain a ".".'
                " Add an entry to your hosts file, for example"
                ' "{0}.localdomain", and use that instead.'.format(host)
            )
            return False
        if is_ip(host):
            warnings.warn(
                "The session cookie domain is an IP address. This may not work"
                " as intended in some browsers. Add an entry to your hosts"
                ' file, for example "localhost.localdomain", and use that'
                " instead."
            )
            return host
        # With the dot, subdomains share the session; only sensible when
        # the application owns the whole host.
        if self.get_cookie_path(app) == "/":
            return "." + host
        return host

    def get_cookie_path(self, app):
        """``SESSION_COOKIE_PATH``, else ``APPLICATION_ROOT``."""
        return _cookie_setting(app, "PATH") or app.config["APPLICATION_ROOT"]

    def get_cookie_httponly(self, app):
        """``SESSION_COOKIE_HTTPONLY``."""
        return _cookie_setting(app, "HTTPONLY")

    def get_cookie_secure(self, app):
        """``SESSION_COOKIE_SECURE``."""
        return _cookie_setting(app, "SECURE")

    def get_cookie_samesite(self, app):
        """``SESSION_COOKIE_SAMESITE`` (``"Strict"``, ``"Lax"``, ``"None"``
        or ``None``)."""
        return _cookie_setting(app, "SAMESITE")

    def get_cookie_partitioned(self, app):
        """``SESSION_COOKIE_PARTITIONED``: mark the cookie ``Partitioned``
        (CHIPS; Flask 3.1). Browsers want ``Secure`` with it."""
        return bool(app.config.get("SESSION_COOKIE_PARTITIONED", False))

    def get_expiration_time(self, app, session):
        """When a permanent session's cookie expires (a naive UTC datetime,
        ``PERMANENT_SESSION_LIFETIME`` from now); ``None`` for a session
        that ends with the browser."""
        if not session.permanent:
            return None
        return _utc_now() + app.permanent_session_lifetime

    def should_set_cookie(self, app, session):
        """Whether this response carries the cookie: the session changed,
        or it is permanent and ``SESSION_REFRESH_EACH_REQUEST`` is on."""
        if session.modified:
            return True
        return bool(session.permanent and app.config["SESSION_REFRESH_EACH_REQUEST"])

    def open_session(self, app, request):
        """Return the request's session, or ``None`` when sessions cannot
        work (a null session is used then)."""
        raise NotImplementedError("open_session")

    def save_session(self, app, session, response):
        """Store ``session`` in ``response``; called inside the request
        context."""
        raise NotImplementedError("save_session")

    def _cookie_attributes(self, app):
        return self._cookie_settings(app)[1]

    def _cookie_settings(self, app):
        """The cookie's name and the attributes ``set_cookie`` takes."""
        if _stock_cookie_hooks(self):
            # the getters below, read straight from the configuration
            config = app.config
            domain = config["SESSION_COOKIE_DOMAIN"]
            if domain is None:
                domain = self.get_cookie_domain(app)  # derived and stored
            attributes = {
                "domain": domain or None,
                "path": config["SESSION_COOKIE_PATH"] or config["APPLICATION_ROOT"],
                "httponly": config["SESSION_COOKIE_HTTPONLY"],
                "secure": config["SESSION_COOKIE_SECURE"],
                "samesite": config["SESSION_COOKIE_SAMESITE"],
            }
            if config.get("SESSION_COOKIE_PARTITIONED", False):
                attributes["partitioned"] = True
            return config["SESSION_COOKIE_NAME"], attributes
        attributes = dict(
            domain=self.get_cookie_domain(app),
            path=self.get_cookie_path(app),
            httponly=self.get_cookie_httponly(app),
            secure=self.get_cookie_secure(app),
            samesite=self.get_cookie_samesite(app),
        )
        if self.get_cookie_partitioned(app):
            attributes["partitioned"] = True
        return self.get_cookie_name(app), attributes


# The cookie's settings come from hooks a subclass may override; when none
# is, the configuration is read directly (the same values, fewer calls).
_COOKIE_HOOKS = (
    "get_cookie_name",
    "get_cookie_domain",
    "get_cookie_path",
    "get_cookie_httponly",
    "get_cookie_secure",
    "get_cookie_samesite",
    "get_cookie_partitioned",
)
_COOKIE_HOOK_NAMES = frozenset(_COOKIE_HOOKS)
# interface class -> whether every cookie hook is SessionInterface's
_STOCK_HOOK_CLASSES = {}


def _stock_cookie_hooks(interface):
    kind = type(interface)
    stock = _STOCK_HOOK_CLASSES.get(kind)
    if stock is None:
        stock = _STOCK_HOOK_CLASSES[kind] = all(
            getattr(kind, name) == getattr(SessionInterface, name)
            for name in _COOKIE_HOOKS
        )
    # a hook set on the instance itself counts as well
    return stock and _COOKIE_HOOK_NAMES.isdisjoint(interface.__dict__)


session_json_serializer = TaggedJSONSerializer()


class _KeyKeepingSigner(TimestampSigner):
    """itsdangerous' timestamp signer, remembering the keys it derives from
    the secret key: every session request signs or verifies with the same
    key, and deriving it is an HMAC of its own."""

    def __init__(self, *args, **kwargs):
        TimestampSigner.__init__(self, *args, **kwargs)
        self._derived = {}

    def derive_key(self, *args, **kwargs):
        # itsdangerous 1.1 takes no argument, 2.x the secret key to use
        if kwargs:
            return TimestampSigner.derive_key(self, *args, **kwargs)
        known = self._derived
        found = known.get(args)
        if found is None:
            found = known[args] = TimestampSigner.derive_key(self, *args)
        return found


class _SignerKeepingSerializer(URLSafeTimedSerializer):
    """The session's serializer for one secret key: its signer is built
    once per salt instead of once per cookie. Signatures are itsdangerous'
    own, byte for byte."""

    #: A :class:`_DirectSigning` when the interface's settings are all the
    #: defaults (set by the interface).
    _direct = None

    def make_signer(self, salt=None):
        signers = self.__dict__.get("_signers")
        if signers is None:
            signers = self._signers = {}
        found = signers.get(salt)
        if found is None:
            found = signers[salt] = URLSafeTimedSerializer.make_signer(self, salt)
        return found

    def iter_unsigners(self, salt=None):
        # The configured signer first (the kept one), then the fallbacks
        # exactly as itsdangerous lists them after it.
        yield self.make_signer(salt)
        others = URLSafeTimedSerializer.iter_unsigners(self, salt)
        next(others, None)
        for signer in others:
            yield signer


# The URL-safe base64 alphabet swaps two characters of the standard one.
def _byte_table(swaps):
    table = bytearray(range(256))
    for old, new in swaps:
        table[ord(old)] = ord(new)
    return bytes(table)


_TO_URL_SAFE = _byte_table([("+", "-"), ("/", "_")])
_FROM_URL_SAFE = _byte_table([("-", "+"), ("_", "/")])
_UNPADDED = b"="
_DOT = b"."
_PADDING = (b"", b"===", b"==", b"=")  # by length % 4
_STAMP = struct.Struct(">Q")
_DEFAULT_SALT = "cookie-session"
# itsdangerous turns the timestamp into a datetime, which ends with 9999.
_LAST_STAMP = 253402300799
_SHA1_BLOCK = 64  # bytes; a longer HMAC key would be hashed first


class _DirectSigning(object):
    """Signs and opens session cookies in a few C calls, for a serializer
    that is exactly the one the interface builds by default: the bytes are
    those of itsdangerous' ``dumps`` (JSON, zlib when that is shorter by
    more than a byte, URL-safe base64 without padding, a ``"."`` before a
    compressed payload, then the timestamp and the HMAC-SHA1, each after a
    ``"."``), and a cookie opens here only when it is well formed, signed
    with the current key and young enough; anything else is left to
    itsdangerous.

    The HMAC is RFC 2104's two nested hashes, with the hash states of the
    key's inner and outer pads computed once and copied for each cookie.
    """

    __slots__ = ("inner", "outer", "serializer", "signer")

    def __init__(self, signer, key, serializer):
        padded = bytearray(key.ljust(_SHA1_BLOCK, b"\0"))
        self.inner = sha1(bytes(bytearray(byte ^ 0x36 for byte in padded)))
        self.outer = sha1(bytes(bytearray(byte ^ 0x5C for byte in padded)))
        # the signer is asked for the time, which tests may stop or turn back
        self.serializer, self.signer = serializer, signer

    def dumps(self, obj):
        payload = self.serializer.dumps(obj).encode("utf-8")
        packed = zlib.compress(payload)
        if len(packed) < len(payload) - 1:
            body = _DOT + b2a_base64(packed)[:-1].translate(_TO_URL_SAFE).rstrip(_UNPADDED)
        else:
            body = b2a_base64(payload)[:-1].translate(_TO_URL_SAFE).rstrip(_UNPADDED)
        stamp = _STAMP.pack(self.signer.get_timestamp()).lstrip(b"\0")
        signed = body + _DOT + b2a_base64(stamp)[:-1].translate(_TO_URL_SAFE).rstrip(_UNPADDED)
        inner = self.inner.copy()
        inner.update(signed)
        outer = self.outer.copy()
        outer.update(inner.digest())
        mac = b2a_base64(outer.digest())[:-1].translate(_TO_URL_SAFE).rstrip(_UNPADDED)
        return (signed + _DOT + mac).decode("ascii")

    def loads(self, cookie, max_age):
        """The session stored in ``cookie``, or ``_unset`` when itsdangerous
        has to decide."""
        if not _PLAIN_COOKIE_VALUE(cookie):
            return _unset
        signed, _, mac = cookie.encode("ascii").rpartition(_DOT)
        body, _, stamp = signed.rpartition(_DOT)
        if not body:
            return _unset
        inner = self.inner.copy()
        inner.update(signed)
        outer = self.outer.copy()
        outer.update(inner.digest())
        expected = b2a_base64(outer.digest())[:-1].translate(_TO_URL_SAFE).rstrip(_UNPADDED)
        if not safe_str_cmp(expected, mac) or len(stamp) > 11:
            return _unset
        try:
            stamp = a2b_base64(stamp.translate(_FROM_URL_SAFE) + _PADDING[len(stamp) % 4])
            stamp = _STAMP.unpack(stamp.rjust(8, b"\0"))[0]
            age = self.signer.get_timestamp() - stamp
            if age < 0 or age > max_age or stamp > _LAST_STAMP:
                return _unset
            compressed = body[:1] == _DOT
            if compressed:
                body = body[1:]
            payload = a2b_base64(body.translate(_FROM_URL_SAFE) + _PADDING[len(body) % 4])
            if compressed:
                payload = zlib.decompress(payload)
            return self.serializer.loads(payload.decode("utf-8"))
        except Exception:
            # bad base64, zlib data, UTF-8 or JSON: itsdangerous' error
            return _unset


# Why itsdangerous may refuse a cookie: forged, damaged or expired (every
# BadData), or signed with a timestamp past the year 9999, which it fails
# to read as a datetime (ValueError, or OverflowError on some releases).
_UNOPENABLE = (BadData, ValueError, OverflowError)


class SecureCookieSessionInterface(SessionInterface):
    """Sessions kept in a cookie signed with the application's secret key.

    A cookie that is missing, forged, damaged, older than
    ``PERMANENT_SESSION_LIFETIME`` or not a signed mapping gives a new,
    empty session; opening never raises.
    """

    #: Mixed into the secret key when signing.
    salt = "cookie-session"
    #: The signature's hash.
    digest_method = staticmethod(sha1)
    #: itsdangerous' name for how the signing key is derived.
    key_derivation = "hmac"
    #: Turns the session into text and back (JSON with type tags).
    serializer = session_json_serializer
    session_class = SecureCookieSession

    def get_signing_serializer(self, app):
        """The :class:`itsdangerous.URLSafeTimedSerializer` for ``app``, or
        ``None`` without a secret key.

        One is kept per secret key (and salt, hash, serializer), as building
        one costs about as much as opening a small session.
        """
        secret_key = app.secret_key
        if not secret_key:
            return None
        identity = self._serializer_identity(secret_key)
        kept = self.__dict__.get("_signing_serializers")
        if kept:
            try:
                found = kept.get(identity)
            except TypeError:
                found = None  # a list of keys (rotation)
            if found is not None:
                return found
        return self._serializer_for(secret_key, identity)

    def _serializer_identity(self, secret_key):
        # what a kept serializer is kept by
        return (
            secret_key,
            self.salt,
            self.key_derivation,
            self.digest_method,
            self.serializer,
        )

    def _serializer_for(self, secret_key, identity=None):
        if identity is None:
            identity = self._serializer_identity(secret_key)
        try:
            hash(identity)
        except TypeError:
            # a list of keys (rotation): not cacheable
            return self._new_signing_serializer(secret_key)
        cache = self.__dict__.setdefault("_signing_serializers", {})
        found = cache.get(identity)
        if found is None:
            if len(cache) >= _SERIALIZER_CACHE_SIZE:
                cache.clear()
            found = self._new_signing_serializer(secret_key, keep=True)
            cache[identity] = found
        return found

    def _new_signing_serializer(self, secret_key, keep=False):
        derive, digest = self.key_derivation, self.digest_method
        signing = dict(key_derivation=derive, digest_method=digest)
        if keep:
            # cached, so its signer and derived key can be kept as well
            kept = _SignerKeepingSerializer(
                secret_key,
                self.salt,
                self.serializer,
                signer=_KeyKeepingSigner,
                signer_kwargs=signing,
            )
            if self._signs_by_default():
                signer = kept.make_signer(self.salt)
                key = signer.derive_key()
                if len(key) <= _SHA1_BLOCK:
                    kept._direct = _DirectSigning(signer, key, self.serializer)
            return kept
        serializer = URLSafeTimedSerializer
        return serializer(secret_key, self.salt, self.serializer, signer_kwargs=signing)

    def _signs_by_default(self):
        # Only what this class itself would build is signed directly: a
        # subclass or instance that changes how is served by itsdangerous.
        own = SecureCookieSessionInterface
        return (
            type(self).get_signing_serializer == own.get_signing_serializer
            and self.salt == _DEFAULT_SALT
            and self.digest_method is sha1
            and self.key_derivation == "hmac"
            and self.serializer is session_json_serializer
        )

    def open_session(self, app, request):
        signer = self.get_signing_serializer(app)
        if signer is None:
            return None
        if _stock_cookie_hooks(self):
            cookie_name = app.config["SESSION_COOKIE_NAME"]
        else:
            cookie_name = self.get_cookie_name(app)
        cookies = request.cookies
        # "in" first: a MultiDict's get() raises and catches a KeyError
        # for a missing name, the first visit's case
        cookie = cookies.get(cookie_name) if cookie_name in cookies else None
        data = self._unsign(signer, cookie, app) if cookie else None
        factory = self.session_class
        return factory(data) if isinstance(data, dict) else factory()

    def _unsign(self, signer, cookie, app):
        lifetime = total_seconds(app.permanent_session_lifetime)
        direct = getattr(signer, "_direct", None)
        if direct is not None:
            found = direct.loads(cookie, lifetime)
            if found is not _unset:
                return found
        try:
            return signer.loads(cookie, max_age=lifetime)
        except _UNOPENABLE:
            pass
        # Keys being rotated out (SECRET_KEY_FALLBACKS, Flask 3.1) still
        # open the cookies they signed; new cookies use the current key.
        for old_key in app.config.get("SECRET_KEY_FALLBACKS") or ():
            try:
                return self._serializer_for(old_key).loads(cookie, max_age=lifetime)
            except _UNOPENABLE:
                continue
        return None

    def save_session(self, app, session, response):
        cookie_key, attributes = self._cookie_settings(app)

        # Whatever the session held, the page depended on the cookie.
        varied = session.accessed
        if varied:
            _vary_on_cookie(response)

        if session:
            if self.should_set_cookie(app, session):
                # A refreshed cookie depends on the one the request sent,
                # read by the view or not (Flask CVE-2023-30861).
                if not varied:
                    _vary_on_cookie(response)
                if type(session) is SecureCookieSession:
                    data = dict.copy(session)  # without a tracked call per key
                else:
                    data = dict(session)
                serializer = self.get_signing_serializer(app)
                direct = getattr(serializer, "_direct", None)
                if direct is not None:
                    signed = direct.dumps(data)
                else:
                    signed = serializer.dumps(data)
                until = self.get_expiration_time(app, session)
                _set_session_cookie(response, cookie_key, signed, until, attributes)
        elif session.modified:
            # An expired cookie written by hand: Werkzeug 1.0's
            # delete_cookie cannot mark the deletion Secure.
            set_cookie_with_domain(
                response, cookie_key, "", expires=0, max_age=0, **attributes
            )
            if not varied:
                _vary_on_cookie(response)
