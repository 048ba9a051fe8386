"""The fast engine gives exactly the schedule of a straightforward Decimal re-computation.

``build_schedule`` works in integer fen with cached calendar look-ups; ``reference`` is the
plain Decimal engine with ``money.allocate`` splits. Equal ``Schedule`` values (every field of
every borrower and lender period, totals, shares, calendar stamp), equal JSON, and every amount
carrying exactly two places, on random terms and on the named cases.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from greendesk.domain.calendar import Basis
from greendesk.domain.errors import InvalidInput
from greendesk.domain.money import format_money
from greendesk.domain.schedule import Schedule, build_schedule, parse_terms, schedule_to_json
from tests.bench.bench_schedule import TERMS as BENCH_TERMS
from tests.domain.schedule.helpers import SYNDICATE, terms
from tests.domain.schedule.reference import reference_schedule
from tests.domain.schedule.strategies import valid_terms

AMOUNTS = ("opening_balance", "drawdown", "principal", "interest", "fees", "payment",
           "closing_balance", "arrangement_fee", "commitment_fee", "agency_fee")  # fmt: skip
LENDER_AMOUNTS = ("drawdown", "principal", "interest", "fees", "payment")


def _two_places(schedule: Schedule) -> None:
    """Every amount is a Decimal with exactly two places (as the Decimal engine made them)."""
    for p in schedule.periods:
        for key in AMOUNTS:
            assert getattr(p, key).as_tuple().exponent == -2, (p.no, key)
    for lender in schedule.lenders:
        for lp in lender.periods:
            for key in LENDER_AMOUNTS:
                assert getattr(lp, key).as_tuple().exponent == -2, (lender.name, lp.no, key)
        for key in LENDER_AMOUNTS:
            assert getattr(lender.totals, key).as_tuple().exponent == -2


def assert_same_as_reference(data: dict[str, Any]) -> Schedule:
    parsed = parse_terms(data)
    fast = build_schedule(parsed)
    slow = reference_schedule(parsed)
    assert fast.periods == slow.periods
    assert fast.lenders == slow.lenders
    assert fast == slow
    assert [p.calendar_basis for p in fast.periods] == [p.calendar_basis for p in slow.periods]
    _two_places(fast)
    assert schedule_to_json(fast) == schedule_to_json(slow)
    return fast


@settings(max_examples=300, deadline=None)
@given(data=valid_terms())
def test_fast_engine_equals_the_decimal_recomputation_on_random_terms(
    data: dict[str, Any],
) -> None:
    assert_same_as_reference(data)


@settings(max_examples=60, deadline=None)
@given(data=valid_terms(), beyond=st.sampled_from(["project", "weekends"]))
def test_fast_engine_equals_the_recomputation_on_the_projected_cn_calendar(
    data: dict[str, Any], beyond: str
) -> None:
    data["calendar"] = "CN"
    data["calendar_beyond_coverage"] = beyond
    if data["start_date"] < "2020-01-01":  # the shipped official years start later
        data["start_date"] = "2025" + data["start_date"][4:]
        if data["start_date"][5:] == "02-29":
            data["start_date"] = "2025-02-28"
    try:
        parsed = parse_terms(data)
    except InvalidInput:  # a moved start may put drawdowns off the period grid: refused
        return
    fast = build_schedule(parsed)
    assert fast == reference_schedule(parsed)


@pytest.mark.parametrize(
    "data",
    [BENCH_TERMS, SYNDICATE, terms(), terms(method="equal_principal", day_count="ACT/365F")],
    ids=["bench-240x12", "syndicate", "plain", "equal-principal"],
)
def test_named_cases_equal_the_recomputation(data: dict[str, Any]) -> None:
    schedule = assert_same_as_reference(copy.deepcopy(data))
    assert schedule.periods[-1].closing_balance == Decimal("0.00")


def test_building_twice_gives_equal_schedules_from_the_caches() -> None:
    data = copy.deepcopy(BENCH_TERMS)
    data["calendar_beyond_coverage"] = "project"
    first = build_schedule(parse_terms(data))
    second = build_schedule(parse_terms(data))
    assert first == second
    assert Basis.PROJECTED in {p.calendar_basis for p in first.periods}
    assert first == reference_schedule(parse_terms(data))


def test_fixed_dates_are_kept_like_the_recomputation() -> None:
    parsed = parse_terms(copy.deepcopy(SYNDICATE))
    fixed = {1: build_schedule(parsed).periods[0].payment_date.replace(day=1)}
    fast = build_schedule(parsed, fixed_dates=fixed)
    assert fast.periods[0].payment_date == fixed[1]
    assert fast == reference_schedule(parsed, fixed_dates=fixed)


def test_json_of_amounts_without_two_places_is_still_the_formatted_text() -> None:
    # a schedule put together by hand (not by the engine) may hold 5, 1.5 or 1E+3
    schedule = build_schedule(parse_terms(copy.deepcopy(SYNDICATE)))
    lender = schedule.lenders[0]
    odd_lender = replace(
        lender,
        periods=(
            replace(lender.periods[0], drawdown=Decimal("5"), fees=Decimal("1E+3")),
            *lender.periods[1:],
        ),
    )
    odd = replace(
        schedule,
        periods=(
            replace(schedule.periods[0], interest=Decimal("1.5"), fees=Decimal("0.125")),
            *schedule.periods[1:],
        ),
        lenders=(odd_lender, *schedule.lenders[1:]),
    )
    data = schedule_to_json(odd)
    assert data["periods"][0]["interest"] == "1.50"
    assert data["periods"][0]["fees"] == format_money(Decimal("0.125"))
    assert data["lenders"][0]["periods"][0]["drawdown"] == "5.00"
    assert data["lenders"][0]["periods"][0]["fees"] == "1000.00"
    assert data["lenders"][1] == schedule_to_json(schedule)["lenders"][1]
    for period, expected in zip(data["periods"][1:], schedule.periods[1:], strict=True):
        assert period["payment"] == format_money(expected.payment)
