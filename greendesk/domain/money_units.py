"""元 / 万元 / 亿元: the one rule by which a CNY amount is shown in a larger unit.

The figure is the exact amount divided by 10^4 or 10^8 and rounded half-up to two decimals
(``720,000,000.00 元`` reads ``72,000.00 万元`` or ``7.20 亿元``); it is a display only, the
stored amount stays exact to the fen. Used by the window (list, detail) and the credit memo.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from greendesk.domain.money import FEN, format_money


class MoneyUnit(StrEnum):
    YUAN = "yuan"
    WAN = "wan"
    YI = "yi"


UNIT_DIVISORS: dict[MoneyUnit, Decimal] = {
    MoneyUnit.YUAN: Decimal(1),
    MoneyUnit.WAN: Decimal(10_000),
    MoneyUnit.YI: Decimal(100_000_000),
}
# the unit's name as a label or header shows it: (Chinese, English)
UNIT_NAMES: dict[MoneyUnit, tuple[str, str]] = {
    MoneyUnit.YUAN: ("元", "CNY"),
    MoneyUnit.WAN: ("万元", "10k CNY"),
    MoneyUnit.YI: ("亿元", "100m CNY"),
}
UNIT_CHOICES = tuple(u.value for u in MoneyUnit)
_ALIASES = {
    MoneyUnit.YUAN: ("yuan", "元"),
    MoneyUnit.WAN: ("wan", "万元", "万"),
    MoneyUnit.YI: ("yi", "亿元", "亿"),
}


def parse_unit(text: object) -> MoneyUnit:
    """``yuan``, ``wan`` or ``yi`` (also 元 / 万元 / 亿元); ValueError names the choices."""
    value = text.strip().lower() if isinstance(text, str) else None
    for unit in MoneyUnit:
        if value is not None and value in _ALIASES[unit]:
            return unit
    raise ValueError(f"must be one of {', '.join(UNIT_CHOICES)}, not {text!r}")


def unit_name(unit: MoneyUnit, lang: str) -> str:
    """元 / 万元 / 亿元 in Chinese, CNY / 10k CNY / 100m CNY otherwise."""
    zh, en = UNIT_NAMES[unit]
    return zh if lang.startswith("zh") else en


def in_unit(amount: Decimal, unit: MoneyUnit) -> Decimal:
    """The amount in ``unit``, rounded half-up to two decimals (exact for 元)."""
    return (amount / UNIT_DIVISORS[unit]).quantize(FEN, rounding=ROUND_HALF_UP)


def format_in_unit(amount: Decimal, unit: MoneyUnit, grouped: bool = True) -> str:
    """The figure alone (no unit name): ``72,000.00`` for 720,000,000.00 元 in 万元."""
    return format_money(in_unit(amount, unit), grouped=grouped)


def is_rounded(amount: Decimal, unit: MoneyUnit) -> bool:
    """True when the figure in ``unit`` is not the exact amount (fen lost to rounding)."""
    return in_unit(amount, unit) * UNIT_DIVISORS[unit] != amount
