# -*- coding: utf-8 -*-
"""Password hashes: every stored format verifies on every interpreter.

The expected hashes are computed here with hashlib and hmac directly, never
with the module under test, so a wrong recipe cannot agree with itself.
"""
from __future__ import unicode_literals

import binascii
import hashlib
import hmac
import re
import sys

import pytest
import werkzeug.security

from flaskcompat import security
from flaskcompat.security import check_password_hash
from flaskcompat.security import generate_password_hash
from flaskcompat.security import needs_rehash



def _scrypt_works():
    # hashlib.scrypt exists on 3.6+ but some OpenSSL builds refuse it when
    # called ("unsupported hash type"), as on this matrix's 3.7.
    try:
        hashlib.scrypt(b"x", salt=b"y", n=2, r=1, p=1, dklen=8)
    except (AttributeError, ValueError):
        return False
    return True


HAS_SCRYPT = _scrypt_works()
ASCII_PW = "correct horse"
WIDE_PW = "gr\xfc\xdfe \u2603"


def _hex(raw):
    return binascii.hexlify(raw).decode("ascii")


def _utf8(text):
    return text.encode("utf-8")


def salted(name, salt, password):
    mac = hmac.new(_utf8(salt), _utf8(password), getattr(hashlib, str(name)))
    return "%s$%s$%s" % (name, salt, mac.hexdigest())


def unsalted(name, password):
    return "%s$$%s" % (name, hashlib.new(str(name), _utf8(password)).hexdigest())


def pbkdf2(written, name, rounds, salt, password):
    key = hashlib.pbkdf2_hmac(str(name), _utf8(password), _utf8(salt), rounds)
    return "%s$%s$%s" % (written, salt, _hex(key))


KNOWN_ANSWERS = [
    ("sha1 salted (Werkzeug 0.6-0.8 default)", salted("sha1", "Ab3dEf9h", ASCII_PW), ASCII_PW),
    ("sha1 salted, wide password", salted("sha1", "Q1w2E3r4", WIDE_PW), WIDE_PW),
    ("md5 salted", salted("md5", "zZ09yY18", ASCII_PW), ASCII_PW),
    ("sha256 salted", salted("sha256", "saltsaltsaltsalt", WIDE_PW), WIDE_PW),
    ("sha512 salted", salted("sha512", "k", ASCII_PW), ASCII_PW),
    ("sha1 unsalted", unsalted("sha1", ASCII_PW), ASCII_PW),
    ("md5 unsalted", unsalted("md5", WIDE_PW), WIDE_PW),
    ("plain", "plain$$" + WIDE_PW, WIDE_PW),
    ("plain ignores a salt", "plain$xyz$" + ASCII_PW, ASCII_PW),
    ("pbkdf2 sha256", pbkdf2("pbkdf2:sha256:1000", "sha256", 1000, "aB3x", WIDE_PW), WIDE_PW),
    ("pbkdf2 sha1", pbkdf2("pbkdf2:sha1:2000", "sha1", 2000, "salt16charsalt16", ASCII_PW),
     ASCII_PW),
    ("pbkdf2 sha512", pbkdf2("pbkdf2:sha512:700", "sha512", 700, "S", WIDE_PW), WIDE_PW),
    ("pbkdf2 md5", pbkdf2("pbkdf2:md5:10", "md5", 10, "S", ASCII_PW), ASCII_PW),
    ("pbkdf2 count omitted", pbkdf2("pbkdf2:sha256", "sha256", 150000, "Om1tted", ASCII_PW),
     ASCII_PW),
    ("pbkdf2 hash and count omitted", pbkdf2("pbkdf2", "sha256", 150000, "Om1tted", ASCII_PW),
     ASCII_PW),
]

# Written by Werkzeug 1.0.1's generate_password_hash on Python 2.7.18 with the
# method named (its defaults: pbkdf2:sha256:150000, 8-character salts).
WERKZEUG_1_0_1 = [
    ("1.0.1 default",
     "pbkdf2:sha256:150000$zUMuj05X$a133c61a63dfda07ebe42ae532abcb462bffe45772d4d89f3db30d0e7ce88"
     "042", ASCII_PW),
    ("1.0.1 sha1", "sha1$V85Y67ZR$231dbd661db9518cee01b1e5f52c3b18680e8820", ASCII_PW),
    ("1.0.1 md5", "md5$KdA8vt4O$c85b8a481dd736c41fed8d6fcb8cb794", ASCII_PW),
    ("1.0.1 plain", "plain$$" + WIDE_PW, WIDE_PW),
]

# Written by Werkzeug 3.1's generate_password_hash on Python 3.13 with the
# method named ("scrypt" alone is its default; 16-character salts).
WERKZEUG_3_1_PBKDF2 = [
    ("3.1 pbkdf2 sha256",
     "pbkdf2:sha256:50000$nHixSsoMmY616JVh$5ccf8a54f24aac464bff89d5fff4acdba641beacbcc85b4fa0918c"
     "db368a45f0", ASCII_PW),
    ("3.1 pbkdf2 sha512",
     "pbkdf2:sha512:20000$sMU83umXKvDEXzCf$aff9337f6cd742065dfd1a62cc7bec66d67b356dbaa8a9b23a7dc9"
     "46e56d5494821785ffd75f7c1ba1f99555c4878dd493b88c640b775bf1175d9a0cdfec5642", ASCII_PW),
]
WERKZEUG_3_1_SCRYPT = [
    ("3.1 scrypt default",
     "scrypt:32768:8:1$iom7z4r1y7gnBKUm$3d239ffbe908e484ea058a5f8f26ae520436b6fce9276cc083ef9d5da"
     "8346c294122d277714ee0dab65c066b1f49d427438fb259a5d8310cd71ed09c0babcc4b", ASCII_PW),
    ("3.1 scrypt n=16384",
     "scrypt:16384:8:1$nyd5ViDmTydF8Cmn$e9278e81550976853bae6d01c262ca419211905cbdffe34e9903c04ca"
     "a15bafb042fda8b182769d5cb8573de0202c0ebee58690651233079a3a5ec13c883f263", WIDE_PW),
]

READABLE = KNOWN_ANSWERS + WERKZEUG_1_0_1 + WERKZEUG_3_1_PBKDF2
IDS = [row[0] for row in READABLE]


def refusal(func, *args):
    """The message of the ValueError that ``func(*args)`` raises."""
    with pytest.raises(ValueError) as info:
        func(*args)
    return str(info.value)


def _forms(value):
    return [("text", value), ("bytes", _utf8(value))]


@pytest.mark.parametrize("label, pwhash, password", READABLE, ids=IDS)
def test_every_format_verifies_as_text_and_bytes(label, pwhash, password):
    outcomes = {}
    for hash_kind, hash_value in _forms(pwhash):
        for pw_kind, pw_value in _forms(password):
            outcomes[hash_kind, pw_kind] = check_password_hash(hash_value, pw_value)
    assert set(outcomes.values()) == {True}, outcomes


@pytest.mark.parametrize("label, pwhash, password", READABLE, ids=IDS)
def test_wrong_passwords_fail(label, pwhash, password):
    assert check_password_hash(pwhash, password + " ") is False
    assert check_password_hash(_utf8(pwhash), _utf8(password[:-1])) is False
    if pwhash.startswith("plain"):
        for wrong in ("", password.upper(), " " + password):
            assert check_password_hash(pwhash, wrong) is False, wrong


def test_salt_is_the_hmac_key():
    # the message is the password, never salt + password
    stored = "sha1$pepper$%s" % hashlib.sha1(b"pepper" + _utf8(ASCII_PW)).hexdigest()
    assert check_password_hash(stored, ASCII_PW) is False


SCRYPT_IDS = [row[0] for row in WERKZEUG_3_1_SCRYPT]


@pytest.mark.parametrize("label, pwhash, password", WERKZEUG_3_1_SCRYPT, ids=SCRYPT_IDS)
def test_scrypt_verifies_where_hashlib_has_it(label, pwhash, password):
    if HAS_SCRYPT:
        assert check_password_hash(pwhash, password) is True
        assert check_password_hash(_utf8(pwhash), _utf8(password)) is True
        assert check_password_hash(pwhash, password + "x") is False
    else:
        message = refusal(check_password_hash, pwhash, password)
        assert "hashlib.scrypt" in message
        assert "Python %s" % sys.version.split()[0] in message
        assert security.DEFAULT_METHOD in message


def test_scrypt_known_answer():
    salt, params = "SaltySalt", (1024, 4, 2)
    if HAS_SCRYPT:
        key = hashlib.scrypt(_utf8(WIDE_PW), salt=_utf8(salt), n=1024, r=4, p=2, dklen=64)
        stored = "scrypt:%d:%d:%d$%s$%s" % (params + (salt, _hex(key)))
        assert check_password_hash(stored, WIDE_PW) is True
        assert check_password_hash(stored, ASCII_PW) is False
    else:
        assert "hashlib.scrypt" in refusal(check_password_hash, "scrypt:1024:4:2$S$00", WIDE_PW)


def test_scrypt_generation():
    if HAS_SCRYPT:
        stored = generate_password_hash(WIDE_PW, "scrypt:1024:8:1")
        assert stored.startswith("scrypt:1024:8:1$")
        assert check_password_hash(stored, WIDE_PW) is True
        # Werkzeug reads scrypt hashes from 3.0 on (Python 3.8+ here).
        assert werkzeug_check(stored, WIDE_PW) is werkzeug_knows_scrypt()
    else:
        assert "hashlib.scrypt" in refusal(generate_password_hash, WIDE_PW, "scrypt")


def werkzeug_knows_scrypt():
    try:
        werkzeug.security.generate_password_hash("x", "scrypt")
    except (ValueError, TypeError, AttributeError):
        return False
    return True


def werkzeug_check(pwhash, password):
    # Werkzeug 1.0.1 on 2.7 needs a native str hash (text raises TypeError:
    # sha256); str() of an ASCII hash is that on every interpreter. A method
    # this Werkzeug does not know counts as not verified.
    try:
        return werkzeug.security.check_password_hash(str(pwhash), password)
    except ValueError:
        return False


def test_installed_werkzeug_hash_verifies():
    # Whatever Werkzeug this interpreter installs (1.0.1 on 2.7 ... 3.1).
    for method in ("pbkdf2:sha256:1000", "pbkdf2:sha1:1200", "pbkdf2:sha512:800"):
        written = werkzeug.security.generate_password_hash(WIDE_PW, str(method))
        assert check_password_hash(written, WIDE_PW) is True, written
        assert check_password_hash(written, ASCII_PW) is False, written


def test_installed_werkzeug_reads_our_hashes():
    stored = generate_password_hash(WIDE_PW, "pbkdf2:sha256:1000")
    assert werkzeug_check(stored, WIDE_PW) is True
    assert werkzeug_check(stored, ASCII_PW) is False


def test_default_format():
    stored = generate_password_hash(ASCII_PW)
    assert isinstance(stored, type(""))
    assert re.match(r"^pbkdf2:sha256:600000\$[A-Za-z0-9]{16}\$[0-9a-f]{64}$", stored), stored
    method, salt, digest = stored.split("$")
    expected = hashlib.pbkdf2_hmac(str("sha256"), _utf8(ASCII_PW), _utf8(salt), 600000)
    assert digest == _hex(expected)
    assert security.DEFAULT_METHOD == method == "pbkdf2:sha256:600000"
    assert needs_rehash(stored) is False


@pytest.mark.parametrize(
    "method, written",
    [
        ("pbkdf2:sha256:1000", "pbkdf2:sha256:1000"),
        ("pbkdf2:sha1:5", "pbkdf2:sha1:5"),
        ("pbkdf2:sha512:0001", "pbkdf2:sha512:1"),
    ],
)
def test_generate_writes_the_method(method, written):
    stored = generate_password_hash(_utf8(WIDE_PW), method, salt_length=5)
    assert re.match(r"^%s\$[A-Za-z0-9]{5}\$[0-9a-f]+$" % written, stored), stored
    assert check_password_hash(stored, WIDE_PW) is True


def test_generate_fills_the_default_count():
    stored = generate_password_hash(ASCII_PW, "pbkdf2")
    assert stored.startswith(security.DEFAULT_METHOD + "$")


def test_salts_differ():
    hashes = set(generate_password_hash(ASCII_PW, "pbkdf2:sha256:1") for _ in range(20))
    assert len(set(h.split("$")[1] for h in hashes)) == 20


@pytest.mark.parametrize(
    "method",
    ["sha1", "md5", "plain", "pbkdf2:md4:1000", "pbkdf2:sha256:x", "scrypt:3:8:1", "bcrypt"],
)
def test_generate_refuses_legacy_and_unknown_methods(method):
    assert repr(method) in refusal(generate_password_hash, ASCII_PW, method)


def test_method_may_be_bytes_but_not_anything_else():
    stored = generate_password_hash(ASCII_PW, b"pbkdf2:sha1:3")
    assert stored.startswith("pbkdf2:sha1:3$")
    for method in (None, 600000, b"pbkdf2:sha256:\xff"):
        assert "cannot write" in refusal(generate_password_hash, ASCII_PW, method)


def test_generate_refuses_empty_salt():
    assert "salt" in refusal(generate_password_hash, ASCII_PW, "pbkdf2:sha256:10", 0)


MALFORMED = [
    None,
    1234,
    "",
    "$",
    "$$",
    "sha1",
    "sha1$abc",
    "nothing$salt$hash",
    "pbkdf2:sha256:abc$salt$00",
    "pbkdf2:sha256:0$salt$00",
    "pbkdf2:sha256:-5$salt$00",
    "pbkdf2:sha256:\xb2$salt$00",
    "pbkdf2:sha256:99999999999$salt$00",
    "pbkdf2:md4:1000$salt$00",
    "pbkdf2:sha256:1000:1$salt$00",
    "pbkdf2:sha256:1000$$00",
    "scrypt:3:8:1$salt$00",
    "scrypt:16:8$salt$00",
    "scrypt:16:8:1:1$salt$00",
    "scrypt:1048576:1024:1024$salt$00",
    "sha1:1$salt$00",
    "SHA1$salt$00",
    b"\xff\xfe$salt$00",
]


@pytest.mark.parametrize("pwhash", MALFORMED, ids=[repr(m) for m in MALFORMED])
def test_malformed_hashes_are_false(pwhash):
    assert check_password_hash(pwhash, ASCII_PW) is False
    assert check_password_hash(pwhash, "") is False
    assert needs_rehash(pwhash) is True


def test_malformed_hex_is_false():
    good = pbkdf2("pbkdf2:sha256:10", "sha256", 10, "s", ASCII_PW)
    for damaged in (good + "0", good[:-1], good.upper(), good[:-2] + "\u00e9\u00e9"):
        assert check_password_hash(damaged, ASCII_PW) is False


@pytest.mark.parametrize(
    "pwhash, method, expected",
    [
        ("pbkdf2:sha256:600000$abc$00", None, False),
        (b"pbkdf2:sha256:600000$abc$00", None, False),
        ("pbkdf2:sha256:150000$abc$00", None, True),
        ("pbkdf2:sha256:1000000$abc$00", None, True),
        ("pbkdf2:sha512:600000$abc$00", None, True),
        ("pbkdf2:sha256$abc$00", None, True),
        ("scrypt:32768:8:1$abc$00", None, True),
        ("sha1$abc$00", None, True),
        ("plain$$pw", None, True),
        ("scrypt$abc$00", "scrypt:32768:8:1", False),
        ("scrypt:32768:8:1$abc$00", "scrypt", False),
        ("pbkdf2:sha256:1000$abc$00", "pbkdf2:sha256:1000", False),
        ("pbkdf2:sha256:0001000$abc$00", "pbkdf2:sha256:1000", False),
        ("pbkdf2:sha256:1000$abc$00", "pbkdf2:sha256:2000", True),
        ("pbkdf2:sha256:600000$abc$00", "pbkdf2", False),
    ],
)
def test_needs_rehash(pwhash, method, expected):
    if method is None:
        assert needs_rehash(pwhash) is expected
    else:
        assert needs_rehash(pwhash, method) is expected


def test_rehash_at_login():
    users = {"ada": salted("sha1", "Ab3dEf9h", ASCII_PW)}
    password = ASCII_PW
    assert check_password_hash(users["ada"], password)
    if needs_rehash(users["ada"], "pbkdf2:sha256:1000"):
        users["ada"] = generate_password_hash(password, "pbkdf2:sha256:1000")
    assert users["ada"].startswith("pbkdf2:sha256:1000$")
    assert check_password_hash(users["ada"], password) is True
    assert needs_rehash(users["ada"], "pbkdf2:sha256:1000") is False


def test_gen_salt():
    salt = security.gen_salt(40)
    assert re.match(r"^[A-Za-z0-9]{40}$", salt)
    assert isinstance(salt, type(""))
    assert "salt" in refusal(security.gen_salt, 0)


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("abc", "abc", True),
        (b"abc", "abc", True),
        (WIDE_PW, _utf8(WIDE_PW), True),
        ("abc", "abd", False),
        ("abc", "abcd", False),
        (b"", "", True),
    ],
)
def test_safe_str_cmp(a, b, expected):
    assert security.safe_str_cmp(a, b) is expected


def test_bytes_equal_fallback():
    from flaskcompat._compat import _bytes_equal_loop

    assert _bytes_equal_loop(b"abc", b"abc") is True
    assert _bytes_equal_loop(b"abc", b"abd") is False
    assert _bytes_equal_loop(b"abc", b"ab") is False
    assert _bytes_equal_loop(b"", b"") is True


def test_password_must_be_a_string():
    stored = "sha1$salt$%s" % hmac.new(b"salt", b"", hashlib.sha1).hexdigest()
    for password in (None, 42):
        with pytest.raises(TypeError):
            check_password_hash(stored, password)
        with pytest.raises(TypeError):
            generate_password_hash(password, "pbkdf2:sha256:10")


def test_needs_rehash_refuses_a_method_it_cannot_write():
    assert "'sha1'" in refusal(needs_rehash, "sha1$a$b", str("sha1"))


# Written by this module's generate_password_hash with the default method,
# once on Python 2.7.18 (Werkzeug 1.0.1) and once on 3.13 (Werkzeug 3.1):
# each host of a mixed fleet reads what the other wrote.
WRITTEN_ON_27 = (
    "pbkdf2:sha256:600000$6Iy6ew3ZtzdgEZeg$0df0dcee8dd346c89a06be3321ad6e7990b7a7fe5d35d2a3b3cfb8"
    "8376c03900"
)
WRITTEN_ON_313 = (
    "pbkdf2:sha256:600000$9u1VmziY2zSXN1A8$2209651593a7af67162373b9cb6eb4013e2ceb05260342a664f0e4"
    "5816d83a3d"
)


def test_default_hashes_cross_interpreters():
    assert check_password_hash(WRITTEN_ON_27, WIDE_PW) is True
    assert check_password_hash(_utf8(WRITTEN_ON_313), ASCII_PW) is True
    assert needs_rehash(WRITTEN_ON_27) is needs_rehash(WRITTEN_ON_313) is False
