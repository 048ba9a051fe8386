"""The engine's integer-fen representation of periods, and the JSON text made from fen.

``Periods`` and ``LenderPeriods`` keep the borrower's and a lender's periods as integer-fen
columns and make each ``Period`` / ``LenderPeriod`` when read; they must behave as the tuple
of those periods (equality, hash, slicing, pickling) and never keep what they made.
``fen_texts`` writes amounts in fen as the JSON's two-place strings; it must give
``format_money`` (and ``str``) of the ``Decimal`` amount for every integer, including
negatives, zero, one fen and amounts of 28 digits.
"""

from __future__ import annotations

import copy
import operator
import pickle
from dataclasses import replace
from decimal import Decimal, InvalidOperation, localcontext
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from greendesk.domain.money import format_money
from greendesk.domain.schedule import (
    LenderPeriod,
    Period,
    build_schedule,
    parse_terms,
    schedule_to_json,
)
from greendesk.domain.schedule.model import FEN_UNIT, FenRows, LenderPeriods, Periods
from greendesk.domain.schedule.output import fen_context, fen_texts
from tests.domain.schedule.helpers import SYNDICATE

EDGES = [
    0, 1, -1, 5, -5, 99, -99, 100, -100, 101, 12345, -12345, 10**12 + 7, -(10**12) - 7,
    10**25, -(10**25), 10**27 + 1, -(10**27) - 1, 10**28 - 1, -(10**28) + 1,
]  # fmt: skip


def _expected(column: list[int]) -> list[str]:
    return [format_money(FEN_UNIT * fen) for fen in column]


def test_fen_texts_are_the_decimal_text_at_the_edges() -> None:
    texts = fen_texts(EDGES)
    assert texts == _expected(EDGES)
    assert texts == [str(FEN_UNIT * fen) for fen in EDGES]
    assert texts[:5] == ["0.00", "0.01", "-0.01", "0.05", "-0.05"]
    assert texts[-2] == "99999999999999999999999999.99"


@pytest.mark.parametrize(
    "column",
    [[0] * 30, [0] * 29 + [-7], [0] * 29 + [10**27 + 1], [3, 0, 0, 0, -450, 0, 0, 0, 0, 0, 0, 0]],
    ids=["zeros", "sparse-negative", "sparse-huge", "sparse-mixed"],
)
def test_fen_texts_of_mostly_zero_columns(column: list[int]) -> None:
    assert fen_texts(column) == _expected(column)


@settings(max_examples=300, deadline=None)
@given(
    column=st.lists(
        st.one_of(
            st.just(0),
            st.integers(min_value=-500, max_value=500),
            st.integers(min_value=-(10**28) + 1, max_value=10**28 - 1),
        ),
        max_size=40,
    )
)
def test_fen_texts_equal_format_money_of_the_decimal(column: list[int]) -> None:
    assert fen_texts(column) == _expected(column)
    assert fen_texts(column, fen_context()) == _expected(column)


def test_fen_texts_beyond_the_context_digits_fail_as_format_money_does() -> None:
    # 10**28 fen has 29 digits: the Decimal is rounded, and format_money refuses it
    with pytest.raises(InvalidOperation):
        format_money(FEN_UNIT * 10**28)
    with pytest.raises(InvalidOperation):
        fen_texts([1, 10**28, 2])


def test_fen_texts_follow_the_current_context_like_the_amounts_read() -> None:
    with localcontext() as ctx:
        ctx.prec = 6
        column = [123, 12345678, 0]
        amounts = [FEN_UNIT * fen for fen in column]  # what reading a LenderPeriod gives here
        with pytest.raises(InvalidOperation):
            format_money(amounts[1])
        with pytest.raises(InvalidOperation):
            fen_texts(column)
        assert fen_texts([123, 0, 99999]) == ["1.23", "0.00", "999.99"]


def _engine_rows() -> tuple[Periods, LenderPeriods]:
    schedule = build_schedule(parse_terms(copy.deepcopy(SYNDICATE)))
    borrower, lender = schedule.periods, schedule.lenders[1].periods
    assert isinstance(borrower, Periods) and isinstance(lender, LenderPeriods)
    return borrower, lender


@pytest.mark.parametrize("party", ["borrower", "lender"])
def test_fen_rows_behave_as_the_tuple_of_their_periods(party: str) -> None:
    periods: FenRows[Any] = _engine_rows()[party == "lender"]
    rows = tuple(periods)
    assert {type(p) for p in rows} == {Period if party == "borrower" else LenderPeriod}
    assert periods == rows and rows == periods
    assert operator.ne(periods, rows) is False
    assert hash(periods) == hash(rows)
    assert len(periods) == len(rows)
    assert periods[0] == rows[0] and periods[-1] == rows[-1]
    assert periods[3:7] == rows[3:7] and isinstance(periods[3:7], tuple)
    assert periods[::-1] == rows[::-1]
    assert list(reversed(periods)) == list(reversed(rows))
    assert periods.index(rows[5]) == 5 and rows[5] in periods
    assert repr(periods) == repr(rows)
    assert periods != list(rows)  # like a tuple, not equal to a list
    changed = (*rows[:2], replace(rows[2], interest=rows[2].interest + FEN_UNIT), *rows[3:])
    assert periods != changed
    assert _engine_rows()[party == "borrower"] != periods  # the other party's rows
    with pytest.raises(IndexError):
        periods[len(rows)]


def test_period_amounts_are_two_place_decimals_made_fresh_on_each_read() -> None:
    borrower, lender = _engine_rows()
    for periods in (borrower, lender):
        first, again = periods[0], periods[0]
        assert first == again and first is not again  # nothing kept between reads
    for p in lender:
        assert p.payment == p.principal + p.interest + p.fees
        for amount in (p.drawdown, p.principal, p.interest, p.fees, p.payment):
            assert isinstance(amount, Decimal) and amount.as_tuple().exponent == -2
    opening = Decimal("0.00")
    for b in borrower:
        assert b.opening_balance == opening
        assert b.closing_balance == b.opening_balance + b.drawdown - b.principal
        assert b.fees == b.arrangement_fee + b.commitment_fee + b.agency_fee
        assert b.payment == b.principal + b.interest + b.fees
        opening = b.closing_balance
    assert borrower[-1].closing_balance == Decimal("0.00")


def test_projected_years_read_from_the_columns_equal_those_of_the_periods() -> None:
    data = copy.deepcopy(SYNDICATE)
    data["calendar"] = "CN"
    data["calendar_beyond_coverage"] = "project"
    schedule = build_schedule(parse_terms(data))
    years = schedule.projected_years()
    assert years  # a 15-year loan from 2025 reaches past the official years
    assert replace(schedule, periods=tuple(schedule.periods)).projected_years() == years


def test_fen_rows_pickle_and_copy_to_equal_values() -> None:
    for periods in _engine_rows():
        for other in (pickle.loads(pickle.dumps(periods)), copy.deepcopy(periods)):
            assert type(other) is type(periods)
            assert other == periods and tuple(other) == tuple(periods)
    schedule = build_schedule(parse_terms(copy.deepcopy(SYNDICATE)))
    assert pickle.loads(pickle.dumps(schedule)) == schedule


def test_json_from_the_columns_equals_the_json_from_the_periods() -> None:
    schedule = build_schedule(parse_terms(copy.deepcopy(SYNDICATE)))
    as_tuples = replace(
        schedule,
        periods=tuple(schedule.periods),
        lenders=tuple(replace(x, periods=tuple(x.periods)) for x in schedule.lenders),
    )
    assert as_tuples == schedule
    assert type(as_tuples.periods) is tuple
    assert all(type(x.periods) is tuple for x in as_tuples.lenders)
    assert schedule_to_json(as_tuples) == schedule_to_json(schedule)
