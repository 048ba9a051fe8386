"""Reading files people hand in: UTF-8 only (named when it is not), nesting measured safely."""

from __future__ import annotations

from typing import Any

from greendesk.domain.errors import UserError

_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def encoding_problem(raw: bytes) -> str | None:
    """None if ``raw`` is UTF-8 text (a BOM allowed), else the rule it breaks, naming the cause."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return f"the file is {name}, not UTF-8: save it as UTF-8"
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        guess = "UTF-16" if b"\x00" in raw[:64] else "another encoding (Latin-1, GBK …)"
        return (
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}; "
            f"looks like {guess}): save it as UTF-8"
        )
    return None


def decode_utf8(raw: bytes, source: str) -> str:
    """The text of a UTF-8 file (BOM allowed); any other encoding is a user error naming it."""
    problem = encoding_problem(raw)
    if problem:
        raise UserError(f"{source}: {problem}")
    return raw.decode("utf-8-sig")


def json_depth(data: Any) -> int:
    """How deeply lists and objects nest (without recursion, so any depth can be measured)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, depth)
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)
    return deepest
