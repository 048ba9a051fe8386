"""Methods, accrual, repricing, ratchet, fees and dates on small hand-worked loans."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import numpy_financial as npf

from greendesk.domain.schedule import build_schedule, parse_terms
from tests.domain.schedule.helpers import half_up, terms

D = Decimal


def test_drawdown_inside_a_period_accrues_in_sub_intervals() -> None:
    data = terms(
        amount="1500000.00",
        start_date="2025-01-10",
        term_months=3,
        method="bullet",
        day_count="ACT/360",
        rate={"annual": "0.036"},
        drawdowns=[{"date": "2025-01-10", "amount": "1000000.00"},
                   {"date": "2025-01-25", "amount": "500000.00"}],
    )  # fmt: skip
    first, second, third = build_schedule(parse_terms(data)).periods
    # 1,000,000 × 3.6 % × 15 / 360 = 1,500.00, then 1,500,000 × 3.6 % × 16 / 360 = 2,400.00
    assert first.interest == D("3900.00")
    assert first.drawdown == D("1500000.00")
    assert first.opening_balance == D("0.00")
    assert second.interest == D("4200.00")  # 28 days of February
    assert second.days == 28
    assert third.principal == D("1500000.00")
    assert third.closing_balance == D("0.00")


def test_floating_rate_reprices_on_the_anniversary_only() -> None:
    data = terms(
        start_date="2025-03-20",
        term_months=24,
        frequency="quarterly",
        method="bullet",
        day_count="ACT/360",
        rate={"base": "LPR5Y", "base_rate": "0.0350", "spread_bps": -15,
              "base_rate_path": [{"from": "2025-05-20", "base_rate": "0.0340"},
                                 {"from": "2026-09-20", "base_rate": "0.0300"}]},
    )  # fmt: skip
    periods = build_schedule(parse_terms(data)).periods
    assert [p.rate for p in periods] == [D("0.0335")] * 4 + [D("0.0325")] * 4
    fifth = periods[4]
    assert fifth.start == date(2026, 3, 20)
    assert fifth.interest == half_up(D("1000000") * D("0.0325") * 92 / 360)


def test_repricing_inside_a_period_splits_the_accrual() -> None:
    # 2026-02-01 is a Sunday: period 12 is paid on Monday 2 February, one day after repricing.
    data = terms(
        start_date="2025-02-01",
        term_months=24,
        method="bullet",
        day_count="ACT/360",
        calendar="CN",
        calendar_beyond_coverage="weekends",
        business_day="following",
        rate={"base": "LPR1Y", "base_rate": "0.0310", "spread_bps": 20,
              "base_rate_path": [{"from": "2025-12-22", "base_rate": "0.0290"}]},
    )  # fmt: skip
    periods = build_schedule(parse_terms(data)).periods
    twelfth = periods[11]
    assert twelfth.payment_date == date(2026, 2, 2)
    before = (date(2026, 2, 1) - twelfth.start).days
    expected = half_up(D("1000000") * D("0.0330") * before / 360) + half_up(
        D("1000000") * D("0.0310") * 1 / 360
    )
    assert twelfth.interest == expected
    assert twelfth.rate == D("0.0330")
    assert periods[12].rate == D("0.0310")


def test_ratchet_applies_from_the_next_period_start_and_is_capped() -> None:
    data = terms(
        term_months=15,
        frequency="quarterly",
        method="bullet",
        rate={"annual": "0.0400"},
        ratchet=[{"effective": "2025-04-01", "adjust_bps": -5},
                 {"effective": "2025-07-01", "adjust_bps": -5},
                 {"effective": "2025-10-01", "adjust_bps": 3}],
        ratchet_cap_bps=8,
    )  # fmt: skip
    rates = [p.rate for p in build_schedule(parse_terms(data)).periods]
    assert rates == [D("0.0400"), D("0.0395"), D("0.0392"), D("0.0395"), D("0.0395")]


def test_equal_principal_repays_equal_parts_and_interest_on_the_balance() -> None:
    data = terms(method="equal_principal", rate={"annual": "0.048"})
    periods = build_schedule(parse_terms(data)).periods
    assert [p.principal for p in periods[:-1]] == [D("83333.33")] * 11
    assert periods[-1].principal == D("83333.37")
    balance = D("1000000.00")
    for p in periods:
        assert p.interest == half_up(balance * D("0.004"))
        balance -= p.principal
    assert balance == 0


def test_grace_periods_are_interest_only_then_the_annuity_runs_over_the_rest() -> None:
    data = terms(grace_periods=3, rate={"annual": "0.06"})
    periods = build_schedule(parse_terms(data)).periods
    assert [p.principal for p in periods[:3]] == [D("0.00")] * 3
    assert [p.interest for p in periods[:3]] == [D("5000.00")] * 3
    instalment = half_up(-npf.pmt(0.005, 9, 1000000.0))
    assert [p.payment for p in periods[3:-1]] == [instalment] * 8


def test_bullet_repays_everything_at_maturity() -> None:
    periods = build_schedule(parse_terms(terms(method="bullet"))).periods
    assert all(p.principal == 0 for p in periods[:-1])
    assert periods[-1].principal == D("1000000.00")
    assert {p.interest for p in periods} == {D("3500.00")}


def test_custom_percentages_become_amounts_on_their_dates() -> None:
    data = terms(
        method="custom",
        custom_principal=[{"date": "2025-07-15", "percent": "30"},
                          {"date": "2025-10-15", "percent": "30"},
                          {"date": "2026-01-15", "percent": "40"}],
    )  # fmt: skip
    periods = build_schedule(parse_terms(data)).periods
    repaid = {p.end.isoformat(): p.principal for p in periods if p.principal}
    assert repaid == {
        "2025-07-15": D("300000.00"),
        "2025-10-15": D("300000.00"),
        "2026-01-15": D("400000.00"),
    }


def test_fees_enter_the_fees_column_and_the_payment() -> None:
    data = terms(
        term_months=30,
        frequency="quarterly",
        method="bullet",
        day_count="ACT/360",
        drawdowns=[{"date": "2025-01-15", "amount": "400000.00"},
                   {"date": "2025-03-01", "amount": "600000.00"}],
        lenders=[{"name": "Lead", "role": "lead_arranger", "commitment": "600000.00"},
                 {"name": "Agent", "role": "agent", "commitment": "400000.00"}],
        fees={"arrangement_rate": "0.01", "commitment_fee_bps": 50,
              "agency_fee_per_year": "12000.00"},
    )  # fmt: skip
    schedule = build_schedule(parse_terms(data))
    periods = schedule.periods
    assert periods[0].arrangement_fee == D("10000.00")
    # 600,000 undrawn × 0.5 % × 45 days (15 Jan → 1 Mar) / 360
    assert periods[0].commitment_fee == D("375.00")
    assert [p.agency_fee for p in periods] == [D(0)] * 3 + [D("12000.00")] + [D(0)] * 3 + [
        D("12000.00"),
        D(0),
        D("6000.00"),  # last half year pro rata, on maturity
    ]
    for p in periods:
        assert p.fees == p.arrangement_fee + p.commitment_fee + p.agency_fee
        assert p.payment == p.principal + p.interest + p.fees
    lead, agent = schedule.lenders
    assert lead.periods[0].fees == D("10000.00") + D("225.00")
    assert agent.periods[0].fees == D("150.00")
    assert agent.periods[3].fees == D("12000.00")
    assert lead.periods[3].fees == D("0.00")


def test_payment_dates_roll_by_calendar_and_rule() -> None:
    base = terms(start_date="2025-01-31", term_months=14, calendar="CN")
    periods = build_schedule(parse_terms(base)).periods
    by_end = {p.end: p.payment_date for p in periods}
    assert by_end[date(2025, 5, 31)] == date(2025, 5, 30)  # Saturday; Monday is in June
    assert by_end[date(2025, 2, 28)] == date(2025, 2, 28)  # clamped month end, a Friday
    following = build_schedule(parse_terms({**base, "business_day": "following"})).periods
    assert {p.end: p.payment_date for p in following}[date(2025, 5, 31)] == date(2025, 6, 3)
    spring = terms(start_date="2025-02-15", term_months=12, calendar="CN")
    last = build_schedule(parse_terms(spring)).periods[-1]
    assert last.end == date(2026, 2, 15)
    assert last.payment_date == date(2026, 2, 24)  # Spring Festival 15–23 February 2026
