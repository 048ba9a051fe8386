"""The issue's done-when facts on the demo database, and the quarterly disclosure."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from sqlalchemy import select, update

from greendesk.domain.errors import UserError
from greendesk.services.programmes import disclosure, eligibility, parse_quarter
from greendesk.services.seeding import seed_demo
from greendesk.services.terms import loan_schedule
from greendesk.store.database import Database, open_database
from greendesk.store.models import Loan

MULEI, JINTA, YUMEN = "XJ-CJ-2023-001", "GS-JQ-2024-001", "GS-YM-2026-001"
CHP_PLEDGE, CEA_PLEDGE = "XJ-CJ-2024-002", "XJ-CJ-2024-003"  # coal power, allowance pledges
FEN = Decimal("0.01")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path_factory.mktemp('db') / 'p.db'}")
    seed_demo(database)
    # Jinta and Yumen are approved / under review in the demo: record them as disbursed so
    # their refinancing is measured on real outstanding principal too.
    with database.session(write=True) as session:
        session.execute(
            update(Loan).where(Loan.reference.in_([JINTA, YUMEN])).values(status="disbursed")
        )
    try:
        yield database
    finally:
        database.dispose()


def outstanding_by_hand(db: Database, reference: str, day: date) -> Decimal:
    """Drawdowns to ``day`` less principal due to ``day``, straight from the schedule engine."""
    with db.session() as session:
        loan_id = session.scalars(select(Loan.id).where(Loan.reference == reference)).one()
    schedule = loan_schedule(db, loan_id)
    drawn = sum((d.amount for d in schedule.terms.drawdowns if d.date <= day), Decimal(0))
    repaid = sum((p.principal for p in schedule.periods if p.payment_date <= day), Decimal(0))
    return drawn - repaid


@pytest.mark.parametrize(
    ("reference", "day"),
    [(MULEI, date(2024, 12, 31)), (JINTA, date(2026, 6, 30)), (YUMEN, date(2027, 3, 31))],
)
def test_green_energy_loans_get_sixty_percent_of_outstanding_to_the_fen(
    db: Database, reference: str, day: date
) -> None:
    [lp] = eligibility(db, reference, day)
    r = lp.result("cerf")
    assert r is not None and r.eligible, r and [f.en for f in r.missing]
    outstanding = outstanding_by_hand(db, reference, day)
    assert outstanding > 0
    assert r.outstanding == outstanding == r.eligible_outstanding
    assert r.refinancing == (Decimal("0.60") * outstanding).quantize(FEN, ROUND_HALF_UP)
    assert r.funding_benefit is not None and r.funding_benefit > 0


@pytest.mark.parametrize("reference", [CHP_PLEDGE, CEA_PLEDGE])
def test_coal_power_allowance_pledge_loans_are_not_eligible_and_say_why(
    db: Database, reference: str
) -> None:
    [lp] = eligibility(db, reference, date(2024, 12, 31))
    r = lp.result("cerf")
    assert r is not None and not r.eligible
    reasons = {f.id: f for f in r.missing}
    assert set(reasons) == {"area", "sector"}
    assert "煤炭清洁高效利用专项再贷款" in reasons["sector"].zh
    assert "clean and efficient use of coal" in reasons["sector"].en
    assert r.refinancing == Decimal("0.00")


def test_mulei_in_2026q4_is_refinanced_only_on_its_last_drawdown_still_in_window(
    db: Database,
) -> None:
    day = date(2026, 12, 31)
    [lp] = eligibility(db, MULEI, day)
    r = lp.result("cerf")
    assert r is not None and r.eligible
    outstanding = outstanding_by_hand(db, MULEI, day)
    # only the 385,000,000.00 drawn on 2024-03-20 is inside its 36 months on 2026-12-31
    share = Decimal("385000000.00") / Decimal("2185000000.00")
    expected = (Decimal("0.60") * outstanding * share).quantize(FEN, ROUND_HALF_UP)
    assert r.refinancing == expected


def test_disclosure_totals_are_the_sum_of_the_loans_figures(db: Database) -> None:
    report = disclosure(db, "cerf", "2026Q4")
    assert report.version == "2026-01" and report.funding_rate == Decimal("0.0125")
    refs = [row.reference for row in report.rows]
    assert refs == sorted([MULEI, JINTA, YUMEN])
    per_loan = {lp.reference: lp.result("cerf") for lp in eligibility(db, None, report.end)}
    assert report.total_refinanced == sum(per_loan[x].refinancing for x in refs)  # type: ignore[union-attr,misc]
    assert report.total_outstanding == sum(per_loan[x].outstanding for x in refs)  # type: ignore[union-attr,misc]
    yumen = next(r for r in report.rows if r.reference == YUMEN)
    assert yumen.disbursed_in_quarter == Decimal("500000000.00")  # first drawdown 2026-12-15
    weighted = sum(r.rate * r.amount for r in report.rows) / report.total_amount
    assert report.weighted_rate == weighted.quantize(Decimal("0.0001"))


@pytest.mark.parametrize("text", ["2026Q5", "2026-Q4", "Q4", "", "２０２６Q4", "2026Q4\x00"])
def test_a_bad_quarter_is_refused(text: str) -> None:
    with pytest.raises(UserError, match="--quarter"):
        parse_quarter(text)


def test_quarters_end_on_the_right_day() -> None:
    assert parse_quarter("2024q1") == (date(2024, 1, 1), date(2024, 3, 31))
    assert parse_quarter("2026Q4") == (date(2026, 10, 1), date(2026, 12, 31))


def test_unknown_loan_and_programme_are_refused(db: Database) -> None:
    with pytest.raises(UserError, match="no loan with reference NOPE"):
        eligibility(db, "NOPE", date(2026, 1, 1))
    with pytest.raises(UserError, match="programme"):
        disclosure(db, "lvtanrong", "2026Q4")
