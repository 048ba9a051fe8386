"""Exact money: Decimal amounts, half-up rounding to the fen, and largest-remainder splits."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from greendesk.domain.numbers import parse_amount, parse_number

FEN = Decimal("0.01")
ZERO = Decimal("0.00")


def round_fen(value: Decimal) -> Decimal:
    """Round half-up to 0.01 (the only rounding rule for money)."""
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def to_fen(amount: Decimal) -> int:
    """Exact integer fen; refuses amounts with fractions of a fen."""
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"{amount} has fractions of a fen")
    return int(fen)


def from_fen(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(FEN)


def parse_decimal(text: object) -> Decimal:
    """An exact decimal from a string, int or Decimal (never a float); ValueError names the rule.

    The strict parser of ``domain.numbers`` (digits, one '.', ',' only in groups of three).
    """
    return parse_number(text)


def parse_money(text: object) -> Decimal:
    """An amount of money in yuan to the fen; typed text may be in 万 or 亿 (``7.2亿``)."""
    return parse_amount(text)


def format_money(amount: Decimal, grouped: bool = False) -> str:
    """Two decimals, optionally grouped with commas (1,234.50)."""
    return f"{amount.quantize(FEN):,.2f}" if grouped else f"{amount.quantize(FEN):.2f}"


def allocate(total: Decimal, weights: Sequence[Decimal], unit: Decimal = FEN) -> list[Decimal]:
    """Split ``total`` by ``weights`` so the parts add up to ``total`` exactly.

    Largest-remainder method: each part is first rounded down to ``unit``; the units left over
    go one each to the parts with the largest remainders (ties to the earlier part).
    Works for negative totals too (the split of -x is the negation of the split of x).
    """
    if not weights:
        raise ValueError("no weights to allocate over")
    if any(w < 0 for w in weights):
        raise ValueError("weights must not be negative")
    weight_sum = sum(weights, Decimal(0))
    if weight_sum == 0:
        raise ValueError("weights add up to zero")
    if total < 0:
        return [-part for part in allocate(-total, weights, unit)]
    units = int((total / unit).to_integral_value(rounding=ROUND_HALF_UP))
    if Decimal(units) * unit != total:
        raise ValueError(f"{total} is not a whole number of {unit}")
    exact = [Fraction(units) * Fraction(w) / Fraction(weight_sum) for w in weights]
    floors = [int(x) for x in exact]  # exact rationals; int() floors non-negative values
    leftover = units - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:leftover]:
        floors[i] += 1
    return [Decimal(f) * unit for f in floors]
