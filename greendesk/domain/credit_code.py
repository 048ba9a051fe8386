"""统一社会信用代码 (unified social credit code, GB 32100-2015): structure and check character.

A borrower's code is the key banks and registries share; a mistyped character must be caught at
entry, before it reaches a credit file. The 18th character is a check over the first 17, computed
modulo 31 over an alphabet without I, O, S, V and Z.
"""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
"""The 31 characters GB 32100-2015 allows, in value order (0..30)."""

WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
"""Weight of positions 1..17: 3**(i-1) mod 31."""

_VALUES = {ch: i for i, ch in enumerate(ALPHABET)}
LENGTH = 18


def credit_code_check_char(first17: str) -> str:
    """The check character (position 18) for the first 17 characters of a code.

    Raises ValueError if ``first17`` is not 17 characters of the GB 32100 alphabet.
    """
    text = first17.upper()
    if len(text) != LENGTH - 1:
        raise ValueError(f"need 17 characters, got {len(text)}")
    total = 0
    for ch, weight in zip(text, WEIGHTS, strict=True):
        if ch not in _VALUES:
            raise ValueError(f"character {ch!r} is not allowed in a credit code")
        total += _VALUES[ch] * weight
    check = (31 - total % 31) % 31
    return ALPHABET[check]


def validate_credit_code(code: str) -> str | None:
    """None if ``code`` is a well-formed code with the right check character, else the rule broken.

    Checks length, alphabet, the 6-digit administrative-division part (positions 3-8) and the
    check character. Lower-case letters are accepted (officers type them); callers store upper case.
    """
    text = code.strip().upper()
    if len(text) != LENGTH:
        return f"must be {LENGTH} characters (has {len(text)})"
    bad = sorted({ch for ch in text if ch not in _VALUES})
    if bad:
        return "characters not allowed: " + " ".join(bad) + " (I, O, S, V, Z are never used)"
    if text[0] == "0":
        return "first character (registration authority) cannot be 0"
    if not text[2:8].isdigit():
        return "characters 3-8 must be the 6-digit administrative division code"
    expected = credit_code_check_char(text[:17])
    if text[17] != expected:
        return f"check character should be {expected}, not {text[17]}"
    return None
