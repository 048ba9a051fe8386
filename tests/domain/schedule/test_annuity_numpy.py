"""Annuity (等额本息) with 30/360 on regular dates against numpy-financial's pmt, ipmt and ppmt.

numpy-financial is the independent textbook oracle (floats are fine on the oracle side). The
engine rounds the instalment to the fen and each period's interest to the fen, then lets the
last period repay what is left. So:

- every instalment but the last equals numpy's pmt rounded to the fen, exactly;
- the first period's interest is within half a fen of ipmt, its principal within a fen of ppmt;
- on the usual loans below, every period but the last shows interest and principal at most one
  fen from numpy's figures rounded to the fen;
- later periods differ from the unrounded textbook only by the carried rounding of earlier
  periods: with r the periodic rate, |Δ interest_k| ≤ 0.005 + 0.01·((1+r)^(k−1) − 1) and
  |Δ principal_k| ≤ 0.01·(1+r)^(k−1); the last principal is within 0.01·((1+r)^(n−1) − 1)/r.
  The last period absorbs what the rounded instalment left over (e.g. 0.32 yuan on a 5-year
  monthly loan of 1,000,000 at 4.2 %), as the level-instalment rule requires.
"""

from __future__ import annotations

from decimal import Decimal

import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from greendesk.domain.schedule import Schedule, build_schedule, parse_terms
from tests.domain.schedule.helpers import half_up, terms

FREQUENCIES = {"monthly": 12, "quarterly": 4, "semiannual": 2, "annual": 1}


def _schedule(amount: Decimal, rate: Decimal, years: int, frequency: str, day: int) -> Schedule:
    return build_schedule(
        parse_terms(
            terms(
                amount=str(amount),
                rate={"annual": str(rate)},
                term_months=12 * years,
                frequency=frequency,
                start_date=f"2025-04-{day:02d}",
            )
        )
    )


def _check_against_numpy(schedule: Schedule, amount: Decimal, rate: Decimal, per_year: int,
                         fen_everywhere: bool) -> None:  # fmt: skip
    n = len(schedule.periods)
    r = float(rate) / per_year  # float-ok: oracle side
    pv = float(amount)  # float-ok: oracle side
    exact_instalment = -float(npf.pmt(r, n, pv))  # float-ok: oracle side
    instalment = half_up(exact_instalment)
    eps = 1e-12 * pv + 1e-9  # the oracle's own floating-point error
    for p in schedule.periods:
        k = p.no
        ipmt = -float(npf.ipmt(r, k, n, pv))  # float-ok: oracle side
        ppmt = -float(npf.ppmt(r, k, n, pv))  # float-ok: oracle side
        growth = (1 + r) ** (k - 1)
        if k < n:
            if fen_everywhere:
                assert p.payment == instalment, k
            else:
                # the oracle is a float: at a half-fen tie its own rounding may go either way
                assert abs(float(p.payment) - exact_instalment) <= 0.005 + eps, k
            interest_bound = 0.005 + 0.01 * (growth - 1) + eps
            principal_bound = 0.01 * growth + eps
        else:
            interest_bound = 0.005 + 0.01 * (growth - 1) + eps
            principal_bound = 0.01 * (growth - 1) / r + eps
        if fen_everywhere and k < n:
            # the figures as shown: ours and the textbook's, each to the fen, one fen apart at most
            assert abs(p.interest - half_up(ipmt)) <= Decimal("0.01"), (k, p.interest, ipmt)
            assert abs(p.principal - half_up(ppmt)) <= Decimal("0.01"), (k, p.principal, ppmt)
        assert abs(float(p.interest) - ipmt) <= interest_bound, (k, p.interest, ipmt)
        assert abs(float(p.principal) - ppmt) <= principal_bound, (k, p.principal, ppmt)


@pytest.mark.parametrize(
    ("amount", "rate", "years", "frequency"),
    [
        ("1000000.00", "0.042", 1, "monthly"),
        ("1000000.00", "0.042", 5, "monthly"),
        ("3500000.00", "0.0345", 10, "monthly"),
        ("2443000000.00", "0.0335", 15, "quarterly"),
        ("80000000.00", "0.0305", 8, "semiannual"),
        ("12000000.00", "0.049", 10, "annual"),
    ],
)
def test_usual_loans_agree_with_numpy_to_the_fen_in_every_period_but_the_last(
    amount: str, rate: str, years: int, frequency: str
) -> None:
    schedule = _schedule(Decimal(amount), Decimal(rate), years, frequency, 15)
    _check_against_numpy(schedule, Decimal(amount), Decimal(rate), FREQUENCIES[frequency], True)
    assert schedule.periods[-1].closing_balance == Decimal("0.00")


@settings(max_examples=60, deadline=None)
@given(
    fen=st.integers(min_value=100_000, max_value=10**12),
    rate_bps=st.integers(min_value=1, max_value=1200),
    years=st.integers(min_value=1, max_value=30),
    frequency=st.sampled_from(sorted(FREQUENCIES)),
    day=st.integers(min_value=1, max_value=28),
)
def test_random_regular_annuities_stay_within_the_carried_rounding_bound(
    fen: int, rate_bps: int, years: int, frequency: str, day: int
) -> None:
    amount = Decimal(fen).scaleb(-2)
    rate = Decimal(rate_bps).scaleb(-4)
    schedule = _schedule(amount, rate, years, frequency, day)
    _check_against_numpy(schedule, amount, rate, FREQUENCIES[frequency], False)


def test_zero_rate_annuity_repays_equal_instalments() -> None:
    schedule = build_schedule(parse_terms(terms(rate={"annual": "0"}, amount="1000.00")))
    assert {p.interest for p in schedule.periods} == {Decimal("0.00")}
    assert [p.principal for p in schedule.periods[:-1]] == [Decimal("83.33")] * 11
    assert schedule.periods[-1].principal == Decimal("1000.00") - 11 * Decimal("83.33")


Row = tuple[Decimal, Decimal, Decimal, Decimal]


def _rules_schedule(amount: Decimal, rate: Decimal, per_year: int, n: int) -> list[Row]:
    """The issue's annuity rules replayed independently: (payment, interest, principal, closing).

    The instalment is numpy-financial's pmt rounded half-up to the fen; each period's interest is
    the balance × the nominal periodic rate rounded half-up (30/360 on regular dates: days/basis is
    exactly 1/per_year); principal = instalment − interest; the last period repays the rest.
    """
    r = rate / per_year
    instalment = half_up(-float(npf.pmt(float(r), n, float(amount))))  # float-ok: oracle side
    balance, rows = amount, list[Row]()
    for k in range(1, n + 1):
        interest = half_up(balance * r)
        principal = balance if k == n else instalment - interest
        balance -= principal
        rows.append((principal + interest, interest, principal, balance))
    return rows


@pytest.mark.parametrize(
    ("amount", "rate", "years", "frequency"),
    [
        ("1000000.00", "0.042", 5, "monthly"),
        ("1000000.00", "0.035", 20, "monthly"),
        ("1000000.00", "0.0415", 30, "monthly"),
        ("2443000000.00", "0.0335", 15, "quarterly"),
        ("12000000.00", "0.049", 10, "annual"),
    ],
)
def test_the_issues_rules_fix_every_period_to_the_fen(
    amount: str, rate: str, years: int, frequency: str
) -> None:
    """Every figure, the last period's included, is the issue's rules applied to numpy's pmt.

    So the last period's distance from numpy's unrounded ppmt/pmt is the rules' own 尾差, not
    a choice of this engine.
    """
    per_year = FREQUENCIES[frequency]
    schedule = _schedule(Decimal(amount), Decimal(rate), years, frequency, 15)
    expected = _rules_schedule(Decimal(amount), Decimal(rate), per_year, len(schedule.periods))
    got = [(p.payment, p.interest, p.principal, p.closing_balance) for p in schedule.periods]
    assert got == expected
