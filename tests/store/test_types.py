"""The column types' conversions, over many values (the database round trip is in test_database)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.dialects import postgresql, sqlite

from greendesk.domain.validation import canonical_decimal
from greendesk.store.types import ExactDecimal, Money

DIALECTS = (sqlite.dialect(), postgresql.dialect())


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_money_is_exact_to_the_fen(fen: int) -> None:
    amount = Decimal(fen).scaleb(-2)
    for dialect in DIALECTS:
        stored = Money().process_bind_param(amount, dialect)
        assert stored == fen
        assert Money().process_result_value(stored, dialect) == amount


@given(st.decimals(allow_nan=False, allow_infinity=False, places=None, min_value=-(10**12),
                   max_value=10**12))  # fmt: skip
def test_exact_decimals_round_trip_through_their_text(value: Decimal) -> None:
    text = ExactDecimal().process_bind_param(value, DIALECTS[0])
    assert text is not None
    assert "E" not in text and "e" not in text  # positional, never exponent notation
    assert Decimal(text) == value
    assert text == canonical_decimal(Decimal(text))  # canonical: one text per number


@pytest.mark.parametrize(
    ("value", "text"),
    [("0.0350", "0.035"), ("1E+2", "100"), ("-0.00", "0"), ("1.30", "1.3"), ("670000", "670000")],
)
def test_canonical_text(value: str, text: str) -> None:
    assert canonical_decimal(Decimal(value)) == text


def test_floats_and_nans_are_refused() -> None:
    with pytest.raises(TypeError):
        Money().process_bind_param(0.1, DIALECTS[0])
    with pytest.raises(TypeError):
        ExactDecimal().process_bind_param(0.035, DIALECTS[0])
    with pytest.raises(ValueError):
        ExactDecimal().process_bind_param(Decimal("NaN"), DIALECTS[0])
