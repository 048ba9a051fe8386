"""Exact money primitives: rounding, fen conversion, parsing and largest-remainder splits."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from greendesk.domain.money import (
    allocate,
    format_money,
    from_fen,
    parse_money,
    round_fen,
    to_fen,
)


def test_round_half_up_at_the_fen() -> None:
    assert round_fen(Decimal("0.005")) == Decimal("0.01")
    assert round_fen(Decimal("0.0049")) == Decimal("0.00")
    assert round_fen(Decimal("-0.005")) == Decimal("-0.01")


def test_fen_round_trip() -> None:
    assert to_fen(Decimal("2443000000.00")) == 244_300_000_000
    assert from_fen(244_300_000_000) == Decimal("2443000000.00")
    with pytest.raises(ValueError):
        to_fen(Decimal("0.001"))


def test_parse_money_refuses_floats_and_extra_places() -> None:
    assert parse_money("1,283,000,000.00") == Decimal("1283000000.00")
    with pytest.raises(ValueError, match="floating-point"):
        parse_money(0.1)
    with pytest.raises(ValueError, match="two decimal places"):
        parse_money("1.234")
    with pytest.raises(ValueError, match="not a number"):
        parse_money("abc")


def test_format_money_grouped() -> None:
    assert format_money(Decimal("902000000"), grouped=True) == "902,000,000.00"


def test_allocate_mulei_syndicate_shares() -> None:
    parts = allocate(Decimal("100.00"), [Decimal(1), Decimal(1), Decimal(1)])
    assert parts == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]


@given(
    total=st.integers(min_value=-(10**12), max_value=10**12),
    weights=st.lists(st.integers(min_value=0, max_value=10**11), min_size=1, max_size=15).filter(
        lambda w: sum(w) > 0
    ),
)
def test_allocate_adds_up_and_stays_within_a_fen(total: int, weights: list[int]) -> None:
    amount = from_fen(total)
    dec_weights = [Decimal(w) for w in weights]
    parts = allocate(amount, dec_weights)
    assert sum(parts, Decimal(0)) == amount
    weight_sum = sum(dec_weights)
    for part, weight in zip(parts, dec_weights, strict=True):
        exact = amount * weight / weight_sum
        assert abs(part - exact) < Decimal("0.01")
