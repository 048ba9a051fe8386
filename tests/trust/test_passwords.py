"""Password hashes: salted, parameterised, verified in constant time, never the plain text."""

from __future__ import annotations

import base64

import pytest

from greendesk.domain.errors import UserError
from greendesk.domain.passwords import (
    ScryptParams,
    check_password_rules,
    hash_password,
    needs_rehash,
    verify_password,
)

FAST = ScryptParams(n=2**10)


def test_hash_verifies_the_right_password_only() -> None:
    stored = hash_password("correct horse 电池", FAST)
    assert verify_password("correct horse 电池", stored)
    assert not verify_password("correct horse 电池 ", stored)
    assert not verify_password("Correct horse 电池", stored)
    assert "correct" not in stored


def test_each_hash_has_its_own_salt() -> None:
    a = hash_password("same password", FAST)
    b = hash_password("same password", FAST)
    assert a != b
    assert a.split("$")[4] != b.split("$")[4]
    assert verify_password("same password", a) and verify_password("same password", b)


def test_stored_form_carries_its_parameters_and_default_is_memory_hard() -> None:
    stored = hash_password("a long passphrase")
    scheme, n, r, _p, salt, key = stored.split("$")
    assert scheme == "scrypt"
    assert int(n) * int(r) * 128 >= 16 * 1024 * 1024  # at least 16 MiB per hash
    assert len(base64.b64decode(salt)) == 16
    assert len(base64.b64decode(key)) == 32
    assert verify_password("a long passphrase", stored)


def test_parameters_are_read_from_the_stored_hash() -> None:
    old = hash_password("passphrase", ScryptParams(n=2**11, r=4))
    assert verify_password("passphrase", old)
    assert needs_rehash(old)
    assert not needs_rehash(hash_password("passphrase"))


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "plain-text-password",
        "scrypt$1024$8$1$bad base64$AAAA",
        "scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A" * 44,  # n not a power of two
        "scrypt$1048576000$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A" * 44,  # absurd memory
        "bcrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A" * 44,
    ],
)
def test_malformed_or_tampered_hashes_never_match(stored: str) -> None:
    assert not verify_password("anything at all", stored)
    assert needs_rehash(stored)


def test_flipping_one_byte_of_the_key_breaks_verification() -> None:
    stored = hash_password("passphrase", FAST)
    head, key = stored.rsplit("$", 1)
    raw = bytearray(base64.b64decode(key))
    raw[0] ^= 0x01
    assert not verify_password("passphrase", head + "$" + base64.b64encode(bytes(raw)).decode())


@pytest.mark.parametrize(
    ("password", "rule"),
    [("short", "at least 8"), (" " * 12, "only spaces"), ("x" * 300, "at most 256")],
)
def test_password_rules(password: str, rule: str) -> None:
    with pytest.raises(UserError, match=rule):
        check_password_rules(password)
    check_password_rules("long enough")
