"""Bad input everywhere (issue 6, item 7): one row per rule, on SQLite and on PostgreSQL.

Each row feeds one broken field through the real service and checks that the message names the
field's path and the rule, and that not a single row (nor an audit event) was written.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from greendesk.domain.errors import InvalidInput
from greendesk.services.records import borrowers, loans, market_data, pledges, projects
from greendesk.services.records.inputs import (
    BaseRatePointInput,
    ClassificationOverrideInput,
    CustomPrincipalInput,
    DrawdownInput,
    KpiInput,
    LenderInput,
    LoanInput,
    RatchetStepInput,
    UseOfProceedsInput,
)
from greendesk.store.database import Database, open_database
from tests.conftest import PgServer
from tests.services.records import builders
from tests.services.records.conftest import People, make_people, row_counts


@dataclass(frozen=True)
class World:
    db: Database
    people: People
    borrower_id: int
    project_id: int
    loan_id: int
    loan_version: int


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """One database per backend for the whole table: a borrower, a project, a loan, a price."""
    drop: Callable[[], None] = lambda: None  # noqa: E731
    if request.param == "sqlite":
        url = f"sqlite:///{Path(tmp_path_factory.mktemp('bad-input')) / 'greendesk.db'}"
    else:
        server: PgServer = request.getfixturevalue("pg_server")
        name = f"gd_{uuid.uuid4().hex[:16]}"
        server.admin(f'CREATE DATABASE "{name}"')
        url = server.url(name)
        drop = lambda: server.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # noqa: E731
    db = open_database(url)
    try:
        people = make_people(db)
        owner = borrowers.create_borrower(db, people.officer, builders.borrower(1))
        site = projects.create_project(db, people.officer, builders.project(owner.id))
        loan = loans.create_loan(db, people.officer, builders.loan(owner.id, site.id))
        market_data.add_price(db, people.admin, builders.price())
        market_data.add_rate(db, people.admin, builders.rate())
        yield World(db, people, owner.id, site.id, loan.id, loan.version)
    finally:
        db.dispose()
        drop()


Case = Callable[[World], Any]


def _borrower(**changes: object) -> Case:
    return lambda w: borrowers.create_borrower(w.db, w.people.officer,
                                               builders.borrower(50, **changes))  # fmt: skip


def _changed(data: Any, changes: dict[str, object]) -> Any:
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def _project(**changes: object) -> Case:
    return lambda w: projects.create_project(
        w.db, w.people.officer, _changed(builders.project(w.borrower_id), changes)
    )


def _loan(**changes: object) -> Case:
    return lambda w: loans.create_loan(
        w.db, w.people.officer, _changed(builders.loan(w.borrower_id, w.project_id), changes)
    )


def _loan_edit(edit: Callable[[LoanInput], None]) -> Case:
    """Change a valid loan input in place (for list items), then create it."""

    def run(w: World) -> Any:
        data = builders.loan(w.borrower_id, w.project_id)
        edit(data)
        return loans.create_loan(w.db, w.people.officer, data)

    return run


def _pledge(**changes: object) -> Case:
    return lambda w: pledges.add_pledge(
        w.db, w.people.officer, _changed(builders.pledge(w.loan_id), changes)
    )


def _price(**changes: object) -> Case:
    return lambda w: market_data.add_price(w.db, w.people.admin, builders.price(**changes))


def _rate(**changes: object) -> Case:
    return lambda w: market_data.add_rate(w.db, w.people.admin, builders.rate(**changes))


def _override(primary: str, reason: str) -> Case:
    return lambda w: loans.set_classification_override(
        w.db, w.people.officer, w.loan_id, ClassificationOverrideInput(primary, reason),
        expected_version=w.loan_version,
    )  # fmt: skip


def _setitem(attr: str, index: int, field: str, value: object) -> Callable[[LoanInput], None]:
    return lambda data: setattr(getattr(data, attr)[index], field, value)


def _one_drawdown_too_many(data: LoanInput) -> None:
    data.drawdowns.append(DrawdownInput("2027-01-20", "0.01"))


def _custom_plan_short(data: LoanInput) -> None:
    data.method = "custom"
    data.grace_periods = 0
    data.custom_principal = [
        CustomPrincipalInput("2030-06-20", "1000000000.00"),
        CustomPrincipalInput("2040-06-20", "1000000000.00"),
    ]


def _no_agent(data: LoanInput) -> None:
    data.lenders = [
        LenderInput("中国农业银行昌吉分行", "lead_arranger", "1443000000.01"),
        LenderInput("中国银行昌吉分行", "participant", "1000000000.00"),
    ]


# (id, case, path, rule) — the message must have a line "path: ...rule..."
CASES: list[tuple[str, Case, str, str]] = [
    # borrowers
    ("borrower-name-required", _borrower(name="  "), "name", "required"),
    ("borrower-name-too-long", _borrower(name="公" * 201), "name", "longer than 200"),
    ("borrower-code-check-char", _borrower(credit_code=builders.credit_code(9)[:17] + "0"),
     "credit_code", "check character should be"),
    ("borrower-code-length", _borrower(credit_code="91652301ABC"), "credit_code", "18 characters"),
    ("borrower-code-letters", _borrower(credit_code="9165230100000000IO"), "credit_code",
     "not allowed"),
    ("borrower-sector-unknown", _borrower(sector="crypto"), "sector", "unknown value"),
    ("borrower-years-order", _borrower(base_year="2030", target_year="2024"), "target_year",
     "not after base_year"),
    ("borrower-intensity-up", _borrower(target_intensity="0.9"), "target_intensity",
     "not below baseline_intensity"),
    ("borrower-intensity-negative", _borrower(baseline_intensity="-1"), "baseline_intensity",
     "at least 0"),
    ("borrower-year-range", _borrower(base_year="1800"), "base_year", "at least 1990"),
    ("borrower-year-not-number", _borrower(target_year="2030.5"), "target_year", "whole number"),
    ("borrower-flag-not-bool", _borrower(disclosure_yearly="yes"), "disclosure_yearly",
     "true or false"),
    ("borrower-region-too-long", _borrower(region="x" * 101), "region", "longer than 100"),
    # projects
    ("project-name-required", _project(name=""), "name", "required"),
    ("project-catalogue-syntax", _project(catalogue_code="3.2.2"), "catalogue_code",
     "VERSION:CODE"),
    ("project-catalogue-unknown-item", _project(catalogue_code="2019:9.9.9"), "catalogue_code",
     "no item 9.9.9 in the 2019 catalogue"),
    ("project-catalogue-unknown-version", _project(catalogue_code="2031:3.2.2"),
     "catalogue_code", "unknown catalogue version 2031"),
    ("project-capacity-negative", _project(capacity_mw="-1"), "capacity_mw", "at least 0"),
    ("project-investment-absurd", _project(total_investment="1000000000000.01"),
     "total_investment", "above the limit"),
    ("project-investment-fractions", _project(total_investment="1.001"), "total_investment",
     "more than two decimal places"),
    ("project-co2e-not-number", _project(annual_co2e_reduction_t="lots"),
     "annual_co2e_reduction_t", "not a number"),
    ("project-technology-float", _project(technology={"efficiency": 0.225}),
     "technology.efficiency", "not a floating-point number"),
    ("project-borrower-required", _project(borrower_id=None), "borrower_id", "required"),
    ("project-borrower-unknown", _project(borrower_id=98765), "borrower_id", "no borrower"),
    # loans: own fields
    ("loan-amount-negative", _loan(amount="-5.00"), "amount", "must not be negative"),
    ("loan-amount-zero", _loan(amount="0"), "amount", "greater than zero"),
    ("loan-amount-absurd", _loan(amount="1000000000000.01"), "amount", "above the limit"),
    ("loan-amount-fractions", _loan(amount="2443000000.001"), "amount",
     "more than two decimal places"),
    ("loan-amount-float", _loan(amount=2443000000.01), "amount", "floating-point"),
    ("loan-amount-text", _loan(amount="二十亿"), "amount", "not a number"),
    ("loan-borrower-required", _loan(borrower_id=None), "borrower_id", "required"),
    ("loan-bank-required", _loan(bank=""), "bank", "required"),
    ("loan-bank-too-long", _loan(bank="银" * 101), "bank", "longer than 100"),
    ("loan-purpose-too-long", _loan(purpose="p" * 501), "purpose", "longer than 500"),
    ("loan-reference-spaces", _loan(reference="GD 2025 1"), "reference", "no spaces"),
    ("loan-currency-unknown", _loan(currency="USD"), "currency", "unknown value"),
    ("loan-start-not-date", _loan(start_date="2025-13-01"), "start_date", "not a date"),
    ("loan-start-required", _loan(start_date=""), "start_date", "required"),
    ("loan-term-zero", _loan(term_months="0"), "term_months", "at least 1"),
    ("loan-term-absurd", _loan(term_months="600"), "term_months", "at most 480"),
    ("loan-frequency-unknown", _loan(frequency="weekly"), "frequency", "unknown value"),
    ("loan-method-unknown", _loan(method="balloon"), "method", "unknown value"),
    ("loan-day-count-unknown", _loan(day_count="ACT/366"), "day_count", "unknown value"),
    ("loan-calendar-unknown", _loan(calendar="US"), "calendar", "unknown value"),
    ("loan-business-day-unknown", _loan(business_day="nearest"), "business_day",
     "unknown value"),
    ("loan-rate-kind-unknown", _loan(rate_kind="hybrid"), "rate_kind", "unknown value"),
    ("loan-fixed-needs-rate", _loan(rate_kind="fixed", annual_rate=None), "annual_rate",
     "required"),
    ("loan-base-rate-absurd", _loan(base_rate="0.5"), "base_rate", "at most 0.36"),
    ("loan-base-rate-name", _loan(base_rate_name="SHIBOR"), "base_rate_name", "unknown value"),
    ("loan-spread-negative-rate", _loan(spread_bps="-400"), "spread_bps",
     "makes the rate negative"),
    ("loan-all-in-rate-negative", _loan(spread_bps="-347"), "rate",
     "all-in rate (base + spread + ratchet) is negative"),
    ("loan-arrangement-absurd", _loan(arrangement_rate="0.2"), "arrangement_rate",
     "at most 0.1"),
    ("loan-commitment-fee-negative", _loan(commitment_fee_bps="-1"), "commitment_fee_bps",
     "at least 0"),
    ("loan-agency-fee-negative", _loan(agency_fee_per_year="-200000.00"),
     "agency_fee_per_year", "must not be negative"),
    ("loan-coverage-negative", _loan(coverage_threshold="-1.3"), "coverage_threshold",
     "at least 0"),
    ("loan-ratchet-cap-negative", _loan(ratchet_cap_bps="-5"), "ratchet_cap_bps", "at least 0"),
    # loans: lists
    ("drawdown-after-maturity", _loan_edit(_setitem("drawdowns", 1, "date", "2041-01-01")),
     "drawdowns[1].date", "after maturity"),
    ("drawdown-before-start", _loan_edit(_setitem("drawdowns", 0, "date", "2025-01-01")),
     "drawdowns[0].date", "before start_date"),
    ("drawdown-out-of-order", _loan_edit(_setitem("drawdowns", 1, "date", "2025-06-20")),
     "drawdowns[1].date", "not after the previous entry's date"),
    ("drawdown-negative", _loan_edit(_setitem("drawdowns", 0, "amount", "-1.00")),
     "drawdowns[0].amount", "must not be negative"),
    ("drawdowns-above-amount", _loan_edit(_one_drawdown_too_many), "drawdowns",
     "above the amount"),
    ("lenders-do-not-add-up", _loan_edit(_setitem("lenders", 2, "commitment", "778000000.01")),
     "lenders", "commitments add up to 2443000000.02, not the amount 2443000000.01"),
    ("lender-role-unknown", _loan_edit(_setitem("lenders", 0, "role", "arranger")),
     "lenders[0].role", "unknown value"),
    ("lender-name-twice", _loan_edit(_setitem("lenders", 1, "name", "中国农业银行昌吉分行")),
     "lenders[1].name", "appears twice"),
    ("lender-funded-above", _loan_edit(_setitem("lenders", 0, "funded", "902000000.01")),
     "lenders[0].funded", "above the commitment"),
    ("lender-commitment-negative", _loan_edit(_setitem("lenders", 0, "commitment", "-1")),
     "lenders[0].commitment", "must not be negative"),
    ("lenders-no-agent-for-fee", _loan_edit(_no_agent), "lenders",
     "no agent to receive the agency fee"),
    ("custom-plan-missing", _loan(method="custom"), "custom_principal",
     "required when method is custom"),
    ("custom-plan-short", _loan_edit(_custom_plan_short), "custom_principal",
     "not the drawn total"),
    ("custom-plan-wrong-method", _loan(custom_principal=[CustomPrincipalInput("2030-06-20",
     "1.00")]), "custom_principal", "only when method is custom"),
    ("grace-too-long", _loan(grace_periods="60"), "grace_periods", "fewer than the number"),
    ("term-not-whole-periods", _loan(term_months="181"), "term_months", "multiple of 3"),
    ("ratchet-after-maturity", _loan(ratchet=[RatchetStepInput("2041-01-01", "-5")]),
     "ratchet[0].effective", "after maturity"),
    ("ratchet-step-absurd", _loan(ratchet=[RatchetStepInput("2027-06-20", "600")]),
     "ratchet[0].adjust_bps", "at most 500"),
    ("base-rate-path-at-start", _loan(base_rate_path=[BaseRatePointInput("2025-06-20",
     "0.0345")]), "base_rate_path[0].from_date", "after start_date"),
    ("base-rate-path-fixed", _loan(rate_kind="fixed", annual_rate="0.031",
     base_rate_path=[BaseRatePointInput("2026-06-20", "0.0345")]), "base_rate_path",
     "only for a floating rate"),
    ("kpi-name-required", _loan(kpis=[KpiInput("", "t", "1", "0.5", ["2026-12-31"])]),
     "kpis[0].name", "required"),
    ("kpi-baseline-not-number", _loan(kpis=[KpiInput("intensity", "t", "high", "0.5")]),
     "kpis[0].baseline", "not a number"),
    ("kpi-test-dates-order", _loan(kpis=[KpiInput("intensity", "t", "1", "0.5",
     ["2027-12-31", "2026-12-31"])]), "kpis[0].test_dates[1]", "not after the previous"),
    ("kpi-test-date-before-start", _loan(kpis=[KpiInput("intensity", "t", "1", "0.5",
     ["2024-12-31"])]), "kpis[0].test_dates[0]", "before start_date"),
    ("kpi-test-date-after-maturity", _loan(kpis=[KpiInput("intensity", "t", "1", "0.5",
     ["2030-06-30", "2040-06-21"])]), "kpis[0].test_dates[1]", "after maturity"),
    ("proceeds-above-amount", _loan(use_of_proceeds=[UseOfProceedsInput("2019:3.2.2", "solar",
     "2443000000.02")]), "use_of_proceeds", "above the amount"),
    ("proceeds-code-syntax", _loan(use_of_proceeds=[UseOfProceedsInput("solar", "", "1.00")]),
     "use_of_proceeds[0].catalogue_code", "VERSION:CODE"),
    ("proceeds-code-unknown", _loan(use_of_proceeds=[UseOfProceedsInput("2024:9.1.1", "",
     "1.00")]), "use_of_proceeds[0].catalogue_code", "no item 9.1.1 in the 2024 catalogue"),
    ("proceeds-code-required", _loan(use_of_proceeds=[UseOfProceedsInput("", "", "1.00")]),
     "use_of_proceeds[0].catalogue_code", "required"),
    ("proceeds-amount-zero", _loan(use_of_proceeds=[UseOfProceedsInput("2019:3.2.2", "",
     "0.00")]), "use_of_proceeds[0].amount", "greater than zero"),
    ("loan-project-unknown", _loan(project_id=55555), "project_id", "no project"),
    # classification override
    ("override-reason-required", _override("green", " "), "reason", "required"),
    ("override-reason-too-short", _override("green", "ok"), "reason", "too short"),
    ("override-class-unknown", _override("teal", "a reason long enough"), "primary",
     "unknown value"),
    # pledges
    ("pledge-type-required", _pledge(collateral_type=""), "collateral_type", "required"),
    ("pledge-type-unknown", _pledge(collateral_type="bitcoin"), "collateral_type",
     "unknown collateral type"),
    ("pledge-priced-needs-quantity", _pledge(quantity=None), "quantity",
     "required for a type valued at quantity"),
    ("pledge-appraised-needs-value", _pledge(collateral_type="patent", quantity=None, unit="",
     price_instrument="", unit_price=None), "appraised_value",
     "required for a type valued by appraisal"),
    ("pledge-quantity-needs-unit", _pledge(unit=""), "unit", "required with a quantity"),
    ("pledge-quantity-zero", _pledge(quantity="0"), "quantity", "greater than 0"),
    ("pledge-price-zero", _pledge(unit_price="0"), "unit_price", "greater than 0"),
    ("pledge-appraisal-absurd", _pledge(appraised_value="1000000000000.01"), "appraised_value",
     "above the limit"),
    ("pledge-rate-above-one", _pledge(pledge_rate="1.5"), "pledge_rate", "at most 1"),
    ("pledge-expiry-before-valuation", _pledge(expiry="2025-05-31"), "expiry",
     "before valuation_date"),
    ("pledge-valuation-date-required", _pledge(valuation_date=""), "valuation_date",
     "required"),
    ("pledge-vintage-range", _pledge(vintage_year="1900"), "vintage_year", "at least 1990"),
    ("pledge-registration-too-long", _pledge(registration_no="R" * 101), "registration_no",
     "longer than 100"),
    ("pledge-loan-required", _pledge(loan_id=None), "loan_id", "required"),
    ("pledge-loan-unknown", _pledge(loan_id=4040), "loan_id", "no loan 4040"),
    # market data
    ("price-zero", _price(price="0"), "price", "greater than 0"),
    ("price-absurd", _price(price="10000000.01"), "price", "at most 10000000"),
    ("price-instrument-required", _price(instrument=""), "instrument", "required"),
    ("price-unit-required", _price(unit=""), "unit", "required"),
    ("price-date-bad", _price(price_date="2025/06/03"), "price_date", "not a date"),
    ("price-twice-a-day", _price(price="90.00"), "price_date", "already exists"),
    ("rate-name-unknown", _rate(name="LPR10Y"), "name", "unknown value"),
    ("rate-absurd", _rate(rate="0.5"), "rate", "at most 0.36"),
    ("rate-negative", _rate(rate="-0.01"), "rate", "at least 0"),
    ("rate-date-required", _rate(effective_date=""), "effective_date", "required"),
    ("rate-twice-a-day", _rate(rate="0.0345"), "effective_date", "already exists"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "path", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_bad_input_is_refused_and_nothing_written(
    world: World, case: Case, path: str, rule: str
) -> None:
    before = row_counts(world.db)
    with pytest.raises(InvalidInput) as caught:
        case(world)
    lines = str(caught.value).splitlines()
    assert any(line.startswith(f"{path}: ") and rule in line for line in lines), lines
    assert any(e.path == path for e in caught.value.errors)
    assert row_counts(world.db) == before


def test_all_errors_are_reported_at_once(world: World) -> None:
    before = row_counts(world.db)
    data = builders.loan(world.borrower_id, world.project_id, amount="-1", bank="",
                         frequency="weekly")  # fmt: skip
    data.drawdowns[1].date = "not a date"
    data.kpis[0].test_dates = ["2027-12-31", "2026-12-31"]
    with pytest.raises(InvalidInput) as caught:
        loans.create_loan(world.db, world.people.officer, data)
    paths = {e.path for e in caught.value.errors}
    assert {"amount", "bank", "frequency", "drawdowns[1].date", "kpis[0].test_dates[1]"} <= paths
    assert row_counts(world.db) == before


def test_each_path_is_reported_once(world: World) -> None:
    """A rule both here and in the schedule engine is reported once, not twice."""
    data = builders.loan(world.borrower_id, world.project_id)
    data.lenders[2].commitment = "1.00"
    with pytest.raises(InvalidInput) as caught:
        loans.create_loan(world.db, world.people.officer, data)
    assert [e.path for e in caught.value.errors].count("lenders") == 1


def test_database_checks_are_reported_with_the_field_rules(world: World) -> None:
    """A taken credit code or a missing borrower comes in the same message as the field errors."""
    before = row_counts(world.db)
    with pytest.raises(InvalidInput) as caught:
        borrowers.create_borrower(
            world.db, world.people.officer, builders.borrower(1, name="", sector="crypto")
        )
    assert {e.path for e in caught.value.errors} == {"name", "sector", "credit_code"}
    with pytest.raises(InvalidInput) as caught:
        loans.create_loan(
            world.db, world.people.officer, _changed(builders.loan(777, 888), {"amount": "-1"})
        )
    assert {"amount", "borrower_id", "project_id"} <= {e.path for e in caught.value.errors}
    assert row_counts(world.db) == before
