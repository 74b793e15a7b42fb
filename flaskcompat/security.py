# -*- coding: utf-8 -*-
"""Password hashes that every host of a mixed Python 2.7 / 3.x fleet can
write and verify.

New hashes use one format, ``pbkdf2:sha256:600000$<salt>$<hex>``, which every
supported interpreter computes with :func:`hashlib.pbkdf2_hmac`. Checking
accepts every format a Werkzeug release from 0.6 to 3.1 stored:

================================  ========================================
stored as                         computed as
================================  ========================================
``pbkdf2:<hash>:<n>$salt$hex``    PBKDF2-HMAC-<hash>, ``n`` rounds, the
                                  salt's UTF-8 bytes, a digest-sized key
``pbkdf2:<hash>$salt$hex``        the same with
                                  :data:`OMITTED_PBKDF2_ITERATIONS` rounds
``scrypt:<n>:<r>:<p>$salt$hex``   :func:`hashlib.scrypt`, a 64-byte key;
                                  only where hashlib has scrypt
``<hash>$salt$hex``               HMAC-<hash> keyed with the salt (Werkzeug
                                  0.6 - 2.x; sha1 was 0.6 - 0.8's default)
``<hash>$$hex``                   the bare digest of the password
``plain$$password``               the password itself
================================  ========================================

``<hash>`` is one of md5, sha1, sha224, sha256, sha384 and sha512. Text
passwords are encoded as UTF-8; hashes and passwords may be text or bytes.

The names are Werkzeug's, so ``from werkzeug.security import
generate_password_hash, check_password_hash`` becomes ``from
flaskcompat.security import ...`` with no other change.
"""
import binascii
import hashlib
import hmac
import random
import string

from ._compat import binary_type
from ._compat import bytes_equal
from ._compat import describe_host
from ._compat import pbkdf2_hmac
from ._compat import scrypt_kdf
from ._compat import text_type
from ._compat import to_bytes
from ._compat import to_text

__all__ = [
    "DEFAULT_METHOD",
    "DEFAULT_PBKDF2_ITERATIONS",
    "OMITTED_PBKDF2_ITERATIONS",
    "SCRYPT_DEFAULTS",
    "check_password_hash",
    "gen_salt",
    "generate_password_hash",
    "needs_rehash",
    "safe_str_cmp",
]

#: Rounds for new hashes: OWASP's 2023 figure for PBKDF2-HMAC-SHA256 and
#: Werkzeug 2.3 / 3.0's default. About 0.2 s per hash where hashlib runs
#: PBKDF2 in C (3.x, and 2.7 builds linked to OpenSSL 1.x); some 2.7 / 3.6
#: builds fall back to a Python loop and take about 1 s. Such a fleet can pass
#: a lower count as ``method`` to both :func:`generate_password_hash` and
#: :func:`needs_rehash`; the count is stored in each hash, so raising it later
#: leaves old hashes valid.
DEFAULT_PBKDF2_ITERATIONS = 600000

#: What :func:`generate_password_hash` writes unless told otherwise.
DEFAULT_METHOD = "pbkdf2:sha256:%d" % DEFAULT_PBKDF2_ITERATIONS

#: Rounds assumed for a stored ``pbkdf2:<hash>`` without a count. Werkzeug
#: always wrote the count, so such hashes come from other code; 150000 is
#: what Werkzeug 0.15 - 1.0 (the releases Python 2.7 apps run) assume there.
OMITTED_PBKDF2_ITERATIONS = 150000

#: ``(n, r, p)`` of a stored ``scrypt`` without parameters (Werkzeug 3.x).
SCRYPT_DEFAULTS = (2 ** 15, 8, 1)

#: Characters of a salt, as Werkzeug writes them.
SALT_CHARS = string.ascii_letters + string.digits

_DIGESTS = frozenset(["md5", "sha1", "sha224", "sha256", "sha384", "sha512"])

# A stored scrypt hash whose parameters need more memory than this is
# refused rather than allowed to exhaust the host.
_SCRYPT_MAX_MEMORY = 2 ** 30

_system_random = random.SystemRandom()


class _Unreadable(ValueError):
    """A stored hash or method string that names no known recipe."""


def gen_salt(length):
    """Return ``length`` random letters and digits from the OS's CSPRNG."""
    if length < 1:
        raise ValueError("a salt needs at least one character")
    return u"".join(_system_random.choice(SALT_CHARS) for _ in range(length))


def safe_str_cmp(a, b):
    """Compare two strings (text or bytes, text taken as UTF-8) in time that
    does not depend on where they differ."""
    return bytes_equal(to_bytes(a), to_bytes(b))


def _count(text):
    # str.isdigit() also accepts digits int() refuses, such as superscripts
    if not text or len(text) > 10 or text.strip(u"0123456789"):
        raise _Unreadable(text)
    value = int(text)
    if value < 1 or value >= 2 ** 31:
        raise _Unreadable(text)
    return value


def _recipe(method, pbkdf2_rounds):
    """Parse a method string into a tuple naming the computation.

    ``pbkdf2_rounds`` fills a pbkdf2 method that gives no count.
    """
    kind, _, rest = method.partition(":")
    if kind == "pbkdf2":
        parts = rest.split(":") if rest else []
        if len(parts) > 2:
            raise _Unreadable(method)
        digest = parts[0] if parts else "sha256"
        if digest not in _DIGESTS:
            raise _Unreadable(method)
        rounds = _count(parts[1]) if len(parts) == 2 and parts[1] else pbkdf2_rounds
        # hashlib on 2.7 wants a native str name (text raises TypeError)
        return ("pbkdf2", str(digest), rounds)
    if kind == "scrypt":
        if not rest:
            return ("scrypt",) + SCRYPT_DEFAULTS
        parts = rest.split(":")
        if len(parts) != 3:
            raise _Unreadable(method)
        n, r, p = [_count(part) for part in parts]
        if n < 2 or n & (n - 1) or _scrypt_memory(n, r, p) > _SCRYPT_MAX_MEMORY:
            raise _Unreadable(method)
        return ("scrypt", n, r, p)
    if rest:
        raise _Unreadable(method)
    if kind == "plain":
        return ("plain",)
    if kind in _DIGESTS:
        return ("digest", str(kind))
    raise _Unreadable(method)


def _method_name(recipe):
    if recipe[0] == "pbkdf2":
        return "pbkdf2:%s:%d" % recipe[1:]
    if recipe[0] == "scrypt":
        return "scrypt:%d:%d:%d" % recipe[1:]
    return recipe[-1]


def _no_scrypt():
    return ValueError(
        "scrypt password hashes need hashlib.scrypt (Python 3.6+ built against "
        "OpenSSL 1.1 or newer); this host runs %s without it. Verify such hashes "
        "on a host that has it and rehash them there with %r, which every host "
        "reads." % (describe_host(), DEFAULT_METHOD)
    )


def _compute(recipe, salt, password):
    """The stored form (bytes) of ``password`` under ``recipe`` and ``salt``."""
    kind = recipe[0]
    if kind == "plain":
        return password
    if kind == "digest":
        if salt:
            return _hex(hmac.new(salt, password, getattr(hashlib, recipe[1])).digest())
        return _hex(hashlib.new(recipe[1], password).digest())
    if kind == "pbkdf2":
        return _hex(pbkdf2_hmac(recipe[1], password, salt, recipe[2]))
    n, r, p = recipe[1:]
    key = scrypt_kdf(password, salt=salt, n=n, r=r, p=p, maxmem=_scrypt_memory(n, r, p), dklen=64)
    return _hex(key)


def _scrypt_memory(n, r, p):
    # OpenSSL's working set for scrypt, plus a little room; its own default
    # limit (32 MiB) is below what Werkzeug's n=32768, r=8 needs.
    return 128 * r * (n + p + 2) + 4096


def _hex(raw):
    return binascii.hexlify(raw)


def generate_password_hash(password, method=DEFAULT_METHOD, salt_length=16):
    """Hash ``password`` (text or bytes) with a fresh random salt.

    ``method`` is ``pbkdf2[:<hash>[:<rounds>]]`` or ``scrypt[:n:r:p]``; scrypt
    hashes can only be checked on hosts whose hashlib has scrypt. Returns
    text: ``method$salt$hex``.
    """
    recipe = _writable(method)
    if recipe[0] == "scrypt" and scrypt_kdf is None:
        raise _no_scrypt()
    fresh = gen_salt(salt_length)
    hashed = _compute(recipe, fresh.encode("ascii"), _secret(password))
    return u"%s$%s$%s" % (_method_name(recipe), fresh, hashed.decode("ascii"))


def _writable(method):
    recipe = None
    if isinstance(method, (text_type, binary_type)):
        try:
            recipe = _recipe(to_text(method, "ascii"), DEFAULT_PBKDF2_ITERATIONS)
        except (_Unreadable, UnicodeDecodeError):
            pass
    if recipe is None or recipe[0] not in ("pbkdf2", "scrypt"):
        raise ValueError(
            "cannot write password hashes with method %r: use 'pbkdf2:<hash>:<rounds>' "
            "(default %r) or 'scrypt:<n>:<r>:<p>'" % (method, DEFAULT_METHOD)
        )
    return recipe


def _secret(password):
    # None is refused here: hmac.new(key, None) would hash an empty message
    if not isinstance(password, (text_type, binary_type, bytearray)):
        raise TypeError("a password is text or bytes, not %s" % type(password).__name__)
    return to_bytes(password)


def _split(pwhash):
    """``(method, salt, expected)`` from a stored hash, or raise _Unreadable."""
    if isinstance(pwhash, (binary_type, bytearray)):
        try:
            pwhash = binary_type(pwhash).decode("utf-8")
        except UnicodeDecodeError:
            raise _Unreadable("not UTF-8")
    if not isinstance(pwhash, text_type):
        raise _Unreadable("not a string")
    parts = pwhash.split(u"$", 2)
    if len(parts) != 3:
        raise _Unreadable("no method$salt$hash")
    return parts


def check_password_hash(pwhash, password):
    """Whether ``password`` matches ``pwhash``, a hash in any format that
    Werkzeug 0.6 - 3.1 or :func:`generate_password_hash` wrote.

    Anything that is not such a hash (``None`` included) gives False. A scrypt
    hash on a host without :func:`hashlib.scrypt` raises :exc:`ValueError`
    naming the host, since the answer there is unknown rather than no.
    """
    try:
        method, salt, expected = _split(pwhash)
        recipe = _recipe(method, OMITTED_PBKDF2_ITERATIONS)
    except _Unreadable:
        return False
    if recipe[0] in ("pbkdf2", "scrypt") and not salt:
        return False
    if recipe[0] == "scrypt" and scrypt_kdf is None:
        raise _no_scrypt()
    secret = _secret(password)
    try:
        actual = _compute(recipe, salt.encode("utf-8"), secret)
    except (ValueError, OverflowError, MemoryError):
        # parameters the KDF itself refuses (OpenSSL's scrypt limits)
        return False
    return bytes_equal(actual, expected.encode("utf-8"))


def needs_rehash(pwhash, method=DEFAULT_METHOD):
    """Whether ``pwhash`` was written with anything but ``method`` (by
    default :data:`DEFAULT_METHOD`); true for legacy and unreadable hashes.

    Rehash at login, the one moment the password is at hand::

        def log_in(user, password):
            if not check_password_hash(user.password_hash, password):
                return False
            if needs_rehash(user.password_hash):
                user.password_hash = generate_password_hash(password)
            return True
    """
    wanted = _method_name(_writable(method))
    try:
        stored = _recipe(_split(pwhash)[0], OMITTED_PBKDF2_ITERATIONS)
    except _Unreadable:
        return True
    return _method_name(stored) != wanted
