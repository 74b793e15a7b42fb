# -*- coding: utf-8 -*-
"""Properties of flaskcompat.security over generated passwords and hashes."""
from __future__ import unicode_literals

import hashlib

import hypothesis
import hypothesis.strategies as st

from flaskcompat.security import check_password_hash
from flaskcompat.security import generate_password_hash
from flaskcompat.security import needs_rehash


try:  # present on 3.6+, but some OpenSSL builds refuse it when called
    hashlib.scrypt(b"x", salt=b"y", n=2, r=1, p=1, dklen=8)
    HAS_SCRYPT = True
except (AttributeError, ValueError):
    HAS_SCRYPT = False
# Few rounds keep a hundred examples fast; the count does not change the code
# path.
CHEAP_METHODS = ["pbkdf2:sha256:1", "pbkdf2:sha1:2", "pbkdf2:sha512:3", "pbkdf2:md5:1"]
if HAS_SCRYPT:
    CHEAP_METHODS.append("scrypt:16:2:1")

quick = hypothesis.settings(deadline=None, max_examples=60, database=None)


@quick
@hypothesis.given(password=st.text(), method=st.sampled_from(CHEAP_METHODS))
def test_round_trip(password, method):
    stored = generate_password_hash(password, method, salt_length=4)
    assert check_password_hash(stored, password) is True
    assert check_password_hash(stored.encode("ascii"), password.encode("utf-8")) is True
    # (not "\x00": HMAC pads its key with zeros, so "" and "\x00" agree)
    assert check_password_hash(stored, password + "x") is False
    assert needs_rehash(stored, method) is False


METHOD_PARTS = st.sampled_from(
    ["pbkdf2", "scrypt", "sha1", "md5", "plain", "sha256", "bcrypt", "", "PBKDF2"]
)
NUMBERS = st.one_of(
    st.integers(min_value=-3, max_value=40).map(str),
    st.sampled_from(["", "sha1", "sha256", "md4", "1e3", "0x10", "\xb2", " 5", "16"]),
)
ALMOST_METHODS = st.builds(
    lambda head, tail: ":".join([head] + tail),
    METHOD_PARTS,
    st.lists(NUMBERS, max_size=4),
)
ALMOST_HASHES = st.builds(
    lambda method, salt, rest: "$".join([method, salt] + rest),
    ALMOST_METHODS,
    st.text(max_size=8),
    st.lists(st.text(max_size=20), max_size=2),
)
ANY_HASH = st.one_of(
    ALMOST_HASHES, st.text(), st.binary(), ALMOST_HASHES.map(lambda text: text.encode("utf-8"))
)


def _is_scrypt_hash(pwhash):
    if isinstance(pwhash, bytes):
        return pwhash.startswith(b"scrypt")
    return pwhash.startswith("scrypt")


@quick
@hypothesis.given(pwhash=ANY_HASH, password=st.one_of(st.text(max_size=10), st.binary(max_size=10)))
def test_check_never_raises(pwhash, password):
    # The one exception: a well-formed scrypt hash on a host without scrypt.
    try:
        outcome = check_password_hash(pwhash, password)
    except ValueError as error:
        assert not HAS_SCRYPT and _is_scrypt_hash(pwhash), error
        assert "hashlib.scrypt" in str(error)
    else:
        assert isinstance(outcome, bool)
        assert needs_rehash(pwhash) in (True, False)
