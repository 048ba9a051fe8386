"""Lenders' parts add up to the borrower's figures exactly; fees go to the right banks."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from greendesk.domain.money import allocate
from greendesk.domain.schedule import Schedule, build_schedule, parse_terms, syndicate
from greendesk.domain.schedule.syndicate import split_columns, split_fen
from greendesk.domain.schedule.terms import Role
from tests.domain.schedule.helpers import SYNDICATE, terms

COLUMNS = ("drawdown", "principal", "interest", "fees", "payment")


@settings(max_examples=200, deadline=None)
@given(
    total=st.integers(min_value=-(10**12), max_value=10**12),
    weights=st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=15).filter(
        lambda w: sum(w) > 0
    ),
)
def test_integer_split_is_the_same_rule_as_money_allocate(total: int, weights: list[int]) -> None:
    expected = allocate(Decimal(total).scaleb(-2), [Decimal(w) for w in weights])
    assert [Decimal(p).scaleb(-2) for p in split_fen(total, weights)] == expected


def split_each(totals: list[int], weights: list[int]) -> list[list[int]]:
    """``split_fen`` of each total, as one column per weight."""
    rows = [split_fen(t, weights) for t in totals]
    return [[row[k] for row in rows] for k in range(len(weights))]


@settings(max_examples=300, deadline=None)
@given(
    totals=st.lists(
        st.one_of(
            st.integers(min_value=0, max_value=10**12),
            st.integers(min_value=0, max_value=30),  # many ties and zero leftovers
            st.integers(min_value=-(10**6), max_value=10**20),  # negative, beyond 64 bits
        ),
        max_size=60,
    ),
    weights=st.lists(
        st.one_of(st.integers(min_value=0, max_value=10**4), st.integers(0, 10**18)),
        min_size=1,
        max_size=15,
    ).filter(lambda w: sum(w) > 0),
)
def test_column_split_is_split_fen_of_every_total(totals: list[int], weights: list[int]) -> None:
    """numpy (64-bit products), the integer loops and ``split_fen``: one rule, to the fen."""
    assert split_columns(totals, weights) == split_each(totals, weights)


def test_column_split_takes_numpy_only_where_64_bits_hold(monkeypatch: Any) -> None:
    """Products just inside and just beyond 2**63 - 1: both exact (the wider one by Python)."""
    calls: list[int] = []
    real = syndicate._split_columns_int64

    def spy(totals: Any, weights: list[int], weight_sum: int) -> list[list[int]]:
        calls.append(len(totals))
        return real(totals, weights, weight_sum)

    monkeypatch.setattr(syndicate, "_split_columns_int64", spy)
    limit = 2**63 - 1
    weights = [3, 1, 1]
    inside = [limit // 3 - k for k in range(10)]
    beyond = [limit // 3 + 1 + k for k in range(10)]
    for totals, numpy_used in ((inside, True), (beyond, False)):
        calls.clear()
        expected = split_each(totals, weights)
        assert split_columns(totals, weights) == expected
        assert sum(map(sum, expected)) == sum(totals)
        assert bool(calls) is numpy_used


def assert_lenders_add_up(schedule: Schedule) -> None:
    """Every column of every period, and every total, adds up across lenders exactly."""
    for i, row in enumerate(schedule.periods):
        for column in COLUMNS:
            parts = [getattr(lender.periods[i], column) for lender in schedule.lenders]
            assert sum(parts, Decimal(0)) == getattr(row, column), (row.no, column)
    for column in COLUMNS:
        parts = [getattr(lender.totals, column) for lender in schedule.lenders]
        assert sum(parts, Decimal(0)) == getattr(schedule.totals, column), column
    for lender in schedule.lenders:
        assert lender.totals.principal == lender.totals.drawdown, lender.name
        balance = Decimal(0)
        for part in lender.periods:
            balance += part.drawdown - part.principal
            assert balance >= 0, (lender.name, part.no)
            assert part.payment == part.principal + part.interest + part.fees
        assert balance == 0


def test_syndicated_loan_splits_exactly_and_routes_fees() -> None:
    schedule = build_schedule(parse_terms(SYNDICATE))
    assert_lenders_add_up(schedule)
    amount = Decimal(SYNDICATE["amount"])
    for lender, given_lender in zip(schedule.lenders, SYNDICATE["lenders"], strict=True):
        commitment = Decimal(given_lender["commitment"])
        assert lender.share == (commitment / amount).quantize(Decimal("0.000001"))
        # the drawn total is the whole amount, so each lender lends exactly its commitment
        assert lender.totals.drawdown == commitment
    lead = next(x for x in schedule.lenders if x.role is Role.LEAD_ARRANGER)
    agent = next(x for x in schedule.lenders if x.role is Role.AGENT)
    arrangement = schedule.periods[0].arrangement_fee
    assert arrangement == amount * Decimal("0.002")
    others = [x for x in schedule.lenders if x is not lead]
    commitment_fee_1 = schedule.periods[0].commitment_fee
    assert lead.periods[0].fees > arrangement
    assert sum((x.periods[0].fees for x in others), Decimal(0)) + lead.periods[0].fees == (
        arrangement + commitment_fee_1
    )
    agency_total = sum((p.agency_fee for p in schedule.periods), Decimal(0))
    assert agency_total == Decimal("200000.00") * 15
    participants_fees = sum(
        (x.totals.fees for x in schedule.lenders if x.role is Role.PARTICIPANT), Decimal(0)
    )
    commitment_total = sum((p.commitment_fee for p in schedule.periods), Decimal(0))
    assert agent.totals.fees > agency_total
    assert participants_fees < commitment_total


def test_equal_shares_with_awkward_amounts_still_add_up() -> None:
    data = terms(
        amount="1000.01",
        term_months=36,
        method="annuity",
        lenders=[{"name": n, "role": r, "commitment": c} for n, r, c in (
            ("A", "lead_arranger", "333.34"), ("B", "agent", "333.34"),
            ("C", "participant", "333.33"))],
        fees={"arrangement_rate": "0.0123", "agency_fee_per_year": "0.05"},
    )  # fmt: skip
    assert_lenders_add_up(build_schedule(parse_terms(data)))
