"""Password hashing with the standard library's scrypt (salted, memory-hard); constant-time check.

Stored form: ``scrypt$<n>$<r>$<p>$<salt, base64>$<key, base64>``, so the parameters travel with each
hash and can be raised later without breaking old accounts (``needs_rehash`` tells when).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from greendesk.domain.errors import UserError

SCHEME = "scrypt"
MIN_LENGTH = 8
MAX_LENGTH = 256


@dataclass(frozen=True)
class ScryptParams:
    n: int = 2**15  # CPU/memory cost: 128 * n * r bytes = 32 MiB
    r: int = 8
    p: int = 1
    dklen: int = 32
    salt_bytes: int = 16


DEFAULT_PARAMS = ScryptParams()


def check_password_rules(password: str, field: str = "password") -> None:
    """Refuse passwords that are too short, too long or only spaces."""
    if len(password) < MIN_LENGTH:
        raise UserError(f"{field}: at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise UserError(f"{field}: at most {MAX_LENGTH} characters")
    if not password.strip():
        raise UserError(f"{field}: must not be only spaces")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(password: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    maxmem = 128 * n * r * 2 + 1024 * 1024
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=dklen, maxmem=maxmem
    )


def hash_password(password: str, params: ScryptParams = DEFAULT_PARAMS) -> str:
    """A new salted hash of ``password`` in the stored form."""
    salt = secrets.token_bytes(params.salt_bytes)
    key = _derive(password, salt, params.n, params.r, params.p, params.dklen)
    return f"{SCHEME}${params.n}${params.r}${params.p}${_b64(salt)}${_b64(key)}"


@dataclass(frozen=True)
class _Parsed:
    n: int
    r: int
    p: int
    salt: bytes
    key: bytes


def _parse(stored: str) -> _Parsed | None:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return None
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt = base64.b64decode(parts[4], validate=True)
        key = base64.b64decode(parts[5], validate=True)
    except ValueError:
        return None
    # Refuse absurd parameters rather than let a tampered row exhaust memory.
    if n < 2 or n & (n - 1) or n > 2**20 or not 1 <= r <= 32 or not 1 <= p <= 16:
        return None
    if not salt or not 16 <= len(key) <= 64:
        return None
    return _Parsed(n, r, p, salt, key)


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored``; a malformed hash never matches."""
    parsed = _parse(stored)
    if parsed is None:
        return False
    candidate = _derive(password, parsed.salt, parsed.n, parsed.r, parsed.p, len(parsed.key))
    return hmac.compare_digest(candidate, parsed.key)


def needs_rehash(stored: str, params: ScryptParams = DEFAULT_PARAMS) -> bool:
    """True when ``stored`` was made with weaker parameters than ``params``."""
    parsed = _parse(stored)
    if parsed is None:
        return True
    return (parsed.n, parsed.r, parsed.p) != (params.n, params.r, params.p)
