"""Bad terms: every violated rule is reported as ``path: rule``, all at once."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from greendesk.domain.calendar import cn_holiday_data
from greendesk.domain.errors import InvalidInput
from greendesk.domain.schedule import parse_terms
from tests.domain.schedule.helpers import SYNDICATE, terms


def _errors(data: Any) -> list[str]:
    with pytest.raises(InvalidInput) as info:
        parse_terms(data)
    return [str(e) for e in info.value.errors]


def _without(key: str) -> dict[str, Any]:
    data = terms()
    del data[key]
    return data


CASES: list[tuple[str, dict[str, Any], str]] = [
    ("missing amount", _without("amount"), "amount: required"),
    ("missing start", _without("start_date"), "start_date: required"),
    ("missing rate", _without("rate"), "rate: required"),
    ("float amount", terms(amount=1000000.5), "amount: must be a decimal string"),
    ("float rate", terms(rate={"annual": 0.042}), "rate.annual: must be a decimal string"),
    ("amount 3 places", terms(amount="1000.005"), "amount: has more than two decimal places"),
    ("amount not number", terms(amount="lots"), "amount: 'lots' is not a decimal number"),
    ("zero amount", terms(amount="0"), "amount: must be greater than 0"),
    ("bool term", terms(term_months=True), "term_months: must be a whole number"),
    ("string term", terms(term_months="12"), "term_months: must be a whole number"),
    ("bad date", terms(start_date="2025-02-30"), "start_date: '2025-02-30' is not a valid date"),
    ("bad frequency", terms(frequency="weekly"), "frequency: must be one of: monthly"),
    ("bad method", terms(method="balloon"), "method: must be one of: annuity"),
    ("bad day count", terms(day_count="ACT/ACT"), "day_count: must be one of"),
    ("bad calendar", terms(calendar="US"), "calendar: must be one of: CN, NONE"),
    ("bad rule", terms(business_day="nearest"), "business_day: must be one of"),
    ("currency", terms(currency="USD"), "currency: only CNY is supported"),
    ("unknown field", terms(amout="1.00"), "amout: unknown field"),
    ("percent rate", terms(rate={"annual": "4.2"}), "rate.annual: must be below 1"),
    ("negative rate", terms(rate={"annual": "-0.01"}), "rate.annual: must not be negative"),
    (
        "negative all-in",
        terms(rate={"base": "LPR1Y", "base_rate": "0.03", "spread_bps": -400}),
        "rate: all-in rate (base + spread + ratchet) is negative",
    ),
    ("both rate kinds", terms(rate={"annual": "0.03", "base": "LPR1Y"}), "rate: give either"),
    ("bad base", terms(rate={"base": "SHIBOR", "base_rate": "0.03"}), "rate.base: must be one"),
    (
        "path before start",
        terms(
            rate={
                "base": "LPR5Y",
                "base_rate": "0.035",
                "base_rate_path": [{"from": "2024-12-20", "base_rate": "0.034"}],
            }
        ),
        "rate.base_rate_path[0].from: must be after start_date",
    ),
    (
        "path not increasing",
        terms(
            rate={
                "base": "LPR5Y",
                "base_rate": "0.035",
                "base_rate_path": [
                    {"from": "2025-06-20", "base_rate": "0.034"},
                    {"from": "2025-05-20", "base_rate": "0.033"},
                ],
            }
        ),
        "rate.base_rate_path[1].from: must be later than the entry before it",
    ),
    (
        "term not multiple",
        terms(frequency="quarterly", term_months=13),
        "term_months: must be a multiple of 3",
    ),
    ("term zero", terms(term_months=0), "term_months: must be at least 1"),
    (
        "grace too long",
        terms(grace_periods=12),
        "grace_periods: must be fewer than the number of periods (12)",
    ),
    ("negative grace", terms(grace_periods=-1), "grace_periods: must be at least 0"),
    (
        "drawdown after maturity",
        terms(
            drawdowns=[
                {"date": "2025-01-15", "amount": "500000.00"},
                {"date": "2026-02-01", "amount": "500000.00"},
            ]
        ),
        "drawdowns[1].date: after maturity",
    ),
    (
        "drawdown before start",
        terms(drawdowns=[{"date": "2025-01-14", "amount": "500000.00"}]),
        "drawdowns[0].date: before start_date",
    ),
    (
        "drawdowns above amount",
        terms(
            drawdowns=[
                {"date": "2025-01-15", "amount": "600000.00"},
                {"date": "2025-03-15", "amount": "400000.01"},
            ]
        ),
        "drawdowns: add up to 1000000.01, more than amount 1000000.00",
    ),
    ("empty drawdowns", terms(drawdowns=[]), "drawdowns: must not be empty"),
    (
        "drawdown zero",
        terms(drawdowns=[{"date": "2025-01-15", "amount": "0.00"}]),
        "drawdowns[0].amount: must be greater than 0",
    ),
    (
        "custom not adding up",
        terms(
            method="custom",
            custom_principal=[
                {"date": "2025-07-15", "amount": "400000.00"},
                {"date": "2026-01-15", "amount": "500000.00"},
            ],
        ),
        "custom_principal: adds up to 900000.00, not the drawn total 1000000.00",
    ),
    (
        "custom percents",
        terms(
            method="custom",
            custom_principal=[
                {"date": "2025-07-15", "percent": "40"},
                {"date": "2026-01-15", "percent": "50"},
            ],
        ),
        "custom_principal: percentages add up to 90, not 100",
    ),
    (
        "custom off grid",
        terms(method="custom", custom_principal=[{"date": "2025-07-16", "amount": "1000000.00"}]),
        "custom_principal[0].date: not a period end or payment date",
    ),
    ("custom missing", terms(method="custom"), "custom_principal: required for method custom"),
    (
        "custom with annuity",
        terms(custom_principal=[{"date": "2026-01-15", "amount": "1000000.00"}]),
        "custom_principal: only allowed with method custom",
    ),
    (
        "custom mixed",
        terms(
            method="custom",
            custom_principal=[
                {"date": "2025-07-15", "percent": "40"},
                {"date": "2026-01-15", "amount": "600000.00"},
            ],
        ),
        "custom_principal: mixes amount and percent",
    ),
    (
        "lenders not adding up",
        terms(
            lenders=[
                {"name": "A", "role": "lead_arranger", "commitment": "600000.00"},
                {"name": "B", "role": "participant", "commitment": "300000.00"},
            ]
        ),
        "lenders: commitments add up to 900000.00, not the amount 1000000.00",
    ),
    (
        "lender role",
        terms(lenders=[{"name": "A", "role": "boss", "commitment": "1000000.00"}]),
        "lenders[0].role: must be one of: lead_arranger, agent, participant",
    ),
    (
        "duplicate lender",
        terms(
            lenders=[
                {"name": "A", "role": "lead_arranger", "commitment": "500000.00"},
                {"name": "A", "role": "agent", "commitment": "500000.00"},
            ]
        ),
        "lenders[1].name: repeats another lender's name",
    ),
    (
        "agency fee without agent",
        terms(
            lenders=[{"name": "A", "role": "lead_arranger", "commitment": "1000000.00"}],
            fees={"agency_fee_per_year": "1000.00"},
        ),
        "lenders: no agent to receive the agency fee",
    ),
    (
        "fee float",
        terms(fees={"arrangement_rate": 0.002}),
        "fees.arrangement_rate: must be a decimal string",
    ),
    (
        "fee negative",
        terms(fees={"commitment_fee_bps": -5}),
        "fees.commitment_fee_bps: must not be negative",
    ),
    ("fee unknown", terms(fees={"upfront": "1"}), "fees.upfront: unknown field"),
    (
        "ratchet float",
        terms(ratchet=[{"effective": "2025-06-01", "adjust_bps": -5.0}]),
        "ratchet[0].adjust_bps: must be a whole number",
    ),
    (
        "ratchet late",
        terms(ratchet=[{"effective": "2027-06-01", "adjust_bps": -5}]),
        "ratchet[0].effective: after maturity",
    ),
    ("ratchet cap", terms(ratchet_cap_bps=-1), "ratchet_cap_bps: must be at least 0"),
    ("not an object", [], "(top level): must be an object"),  # type: ignore[list-item]
]


@pytest.mark.parametrize(("name", "data", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_bad_input_names_path_and_rule(name: str, data: Any, expected: str) -> None:
    errors = _errors(data)
    assert any(e.startswith(expected) for e in errors), errors


def test_all_errors_are_reported_at_once() -> None:
    data = terms(
        amount=100.5,
        frequency="quarterly",
        term_months=13,
        method="balloon",
        rate={"annual": "4.5"},
        drawdowns=[{"date": "2025-01-01", "amount": "10.001"}],
        lenders=[{"name": "A", "role": "boss", "commitment": "1.00"}],
        colour="green",
    )
    errors = _errors(data)
    for path in (
        "amount",
        "term_months",
        "method",
        "rate.annual",
        "drawdowns[0].amount",
        "lenders[0].role",
        "colour",
    ):
        assert any(e.startswith(f"{path}: ") for e in errors), (path, errors)
    assert len(errors) >= 7


def test_cross_field_errors_are_reported_with_field_errors() -> None:
    data = copy.deepcopy(SYNDICATE)
    data["drawdowns"][1]["date"] = "2024-12-31"
    data["drawdowns"][2]["amount"] = "1.234"
    data["lenders"][0]["commitment"] = "1.00"
    errors = _errors(data)
    assert "drawdowns[1].date: before start_date" in errors
    assert "drawdowns[2].amount: has more than two decimal places" in errors
    assert any(e.startswith("lenders: commitments add up to") for e in errors)


def test_cn_calendar_refuses_dates_beyond_its_official_years_only_when_asked() -> None:
    data = copy.deepcopy(SYNDICATE)
    data["calendar_beyond_coverage"] = "error"
    errors = _errors(data)
    assert len(errors) == 1
    data_years = cn_holiday_data()
    assert errors[0].startswith(
        f"calendar: CN official holidays cover {data_years.first_year}–{data_years.last_year}"
    )
    assert "calendar_beyond_coverage" in errors[0]
    del data["calendar_beyond_coverage"]
    assert parse_terms(data).calendar_beyond_coverage.value == "project"


def test_custom_plan_cannot_repay_before_the_money_is_drawn() -> None:
    data = terms(
        method="custom",
        drawdowns=[
            {"date": "2025-01-15", "amount": "100000.00"},
            {"date": "2025-08-01", "amount": "900000.00"},
        ],
        custom_principal=[
            {"date": "2025-06-15", "amount": "500000.00"},
            {"date": "2026-01-15", "amount": "500000.00"},
        ],
    )
    assert "custom_principal[0]: repays more than has been drawn by 2025-06-15" in _errors(data)


def test_custom_repayment_inside_grace_is_refused() -> None:
    data = terms(
        method="custom",
        grace_periods=3,
        custom_principal=[
            {"date": "2025-03-15", "percent": "50"},
            {"date": "2026-01-15", "percent": "50"},
        ],
    )
    assert "custom_principal[0].date: falls in a grace period" in _errors(data)
