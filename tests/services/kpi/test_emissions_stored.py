"""Financed emissions from the stored schedule aggregates equal those from schedules built anew.

The slow path is the rule itself: every loan loaded, its schedule built by the engine on its
stored terms (``report_support.loan_schedule``), its outstanding by
``report_support.outstanding_principal``, its figures by ``emissions.loan_emissions``. The
report (``emissions_report``, read through ``services.outstanding``) must give the very same
figures, digit for digit, on the seeded book and on a generated one whose stored aggregates and
checks are missing, stale or tampered with, whose terms are edited behind the services' back
(raw SQL), on days before any drawdown, on a payment date, between instalments and after
maturity.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal as D
from pathlib import Path

import pytest
from sqlalchemy import delete, func, insert, select, update

from greendesk.services import kpi_recording
from greendesk.services.emissions import (
    LoanEmissions,
    emissions_report,
    inputs_by_subject,
    loan_emissions,
)
from greendesk.services.kpi_input import ObservationInput, ReportFile
from greendesk.services.outstanding import OutstandingRun, outstanding_principals
from greendesk.services.report_support import (
    LIVE,
    current_loan_ids,
    loan_load_options,
    loan_schedule,
    outstanding_principal,
)
from greendesk.services.seeding import seed_demo
from greendesk.services.synthetic import generate_portfolio
from greendesk.store.database import Database, open_database
from greendesk.store.models import (
    Loan,
    LoanDrawdown,
    LoanPrincipalStep,
    LoanScheduleAggregate,
    LoanScheduleAggregateCheck,
    LoanScheduleCalendar,
)
from greendesk.store.queries import is_current_version
from tests.services.kpi.conftest import CHECKER, FOOTPRINT, KPI

SEEDED_DAYS = (date(2023, 1, 1), date(2024, 12, 31), date(2025, 7, 15), date(2040, 1, 1))


def _slow(db: Database, days: tuple[date, ...]) -> dict[date, tuple[LoanEmissions, ...]]:
    """Every current loan's figures on each day, from its schedule built anew."""
    out: dict[date, list[LoanEmissions]] = {day: [] for day in days}
    with db.session() as session:
        borrowers, projects = inputs_by_subject(session)
        ids = current_loan_ids(session)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            loans = {
                loan.id: loan
                for loan in session.scalars(
                    select(Loan).where(Loan.id.in_(chunk)).options(*loan_load_options())
                ).unique()
            }
            for loan_id in chunk:
                loan = loans[loan_id]
                schedule = loan_schedule(loan, borrower_only=True) if loan.status in LIVE else None
                for day in days:
                    amount = outstanding_principal(loan, day, schedule)
                    out[day].append(loan_emissions(loan, day, borrowers, projects, "zh", amount))
            session.expunge_all()
    return {day: tuple(rows) for day, rows in out.items()}


def _same(db: Database, days: tuple[date, ...]) -> None:
    slow = _slow(db, days)
    for day in days:
        fast = emissions_report(db, day).loans
        assert [x.reference for x in fast] == [x.reference for x in slow[day]], day
        for got, want in zip(fast, slow[day], strict=True):
            assert got == want, (day, got.reference)
            assert str(got.outstanding) == str(want.outstanding), (day, got.reference)


def _run(db: Database, day: date) -> OutstandingRun:
    with db.session() as session:
        return outstanding_principals(db, session, is_current_version(), day)


def _live(db: Database) -> int:
    with db.session() as session:
        query = select(func.count()).where(Loan.status.in_(LIVE), is_current_version())
        return int(session.scalar(query.select_from(Loan)) or 0)


def test_seeded_figures_equal_the_schedules_cold_warm_and_after_a_ratchet(db: Database) -> None:
    live = _live(db)
    assert live > 0
    cold = _run(db, SEEDED_DAYS[1])
    assert (cold.computed, cold.stored) == (live, 0)  # nothing stored yet: every one computed
    warm = _run(db, SEEDED_DAYS[1])
    assert (warm.computed, warm.stored) == (0, live)
    assert warm.outstanding == cold.outstanding
    _same(db, SEEDED_DAYS)
    # a decided KPI test moves the footprint loan's margin: its stored schedule is stale
    kpi_recording.record_observation(
        db, CHECKER,
        ObservationInput(FOOTPRINT, KPI, date(2025, 6, 30), "37.6", "中国质量认证中心",
                         ReportFile("r.pdf", b"%PDF-1.4 report")),
        today=date(2025, 8, 1),
    )  # fmt: skip
    after = _run(db, SEEDED_DAYS[2])
    assert after.computed == (1 if _is_live(db, FOOTPRINT) else 0)
    _same(db, SEEDED_DAYS)


def _is_live(db: Database, reference: str) -> bool:
    with db.session() as session:
        status = session.scalar(
            select(Loan.status).where(Loan.reference == reference, is_current_version())
        )
        return status in LIVE


def test_both_backends_read_the_stored_figures_alike(database: Database) -> None:
    seed_demo(database)
    day = date(2025, 7, 15)
    first = emissions_report(database, day)
    assert _run(database, day).computed == 0  # the report stored every live loan's schedule
    assert emissions_report(database, day) == first
    assert first.total.outstanding > D("0.00")
    _same(database, (day,))


@pytest.fixture(scope="module")
def generated_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("emissions-book") / "book.db"
    db = open_database(f"sqlite:///{path}")
    try:
        generate_portfolio(db, 3000, seed=7)
    finally:
        db.dispose()
    return path


@pytest.fixture
def book(generated_file: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "book.db"
    path.write_bytes(generated_file.read_bytes())
    database = open_database(f"sqlite:///{path}")
    try:
        yield database
    finally:
        database.dispose()


def _ids(db: Database, status_live: bool, count: int, skip: int = 0) -> list[int]:
    with db.session() as session:
        wanted = Loan.status.in_(LIVE) if status_live else Loan.status.not_in(LIVE)
        query = select(Loan.id).where(wanted).order_by(Loan.id).offset(skip).limit(count)
        return list(session.scalars(query))


def _tamper(db: Database) -> set[int]:
    """Edit the book behind the services' back; the live loans whose figures must be redone."""
    live = _ids(db, True, 400)
    asleep = _ids(db, False, 20)
    groups = [live[i : i + 40] for i in range(0, 400, 40)]
    (missing, bad_key, no_check, repriced, longer, split, kept, closed, bad_calendar,
     untouched) = groups  # fmt: skip
    with db.engine.begin() as conn:
        conn.execute(
            delete(LoanScheduleAggregate).where(LoanScheduleAggregate.loan_id.in_(missing))
        )
        conn.execute(
            update(LoanScheduleAggregate)
            .where(LoanScheduleAggregate.loan_id.in_(bad_key))
            .values(terms_key="0" * 64)
        )
        conn.execute(
            delete(LoanScheduleAggregateCheck).where(
                LoanScheduleAggregateCheck.loan_id.in_(no_check)
            )
        )
        conn.execute(
            update(Loan)
            .where(Loan.id.in_(repriced))
            .values(spread_bps=Loan.spread_bps + 75, repayment_method="annuity")
        )
        conn.execute(
            update(Loan).where(Loan.id.in_(longer)).values(term_months=Loan.term_months + 12)
        )
        # partial drawdowns: half at the start, the rest 100 days later
        rows = conn.execute(
            select(LoanDrawdown.loan_id, LoanDrawdown.date, LoanDrawdown.amount).where(
                LoanDrawdown.loan_id.in_(split)
            )
        ).all()
        conn.execute(delete(LoanDrawdown).where(LoanDrawdown.loan_id.in_(split)))
        for loan_id, day, amount in rows:
            half = (amount / 2).quantize(D("0.01"))
            conn.execute(
                insert(LoanDrawdown),
                [
                    {"loan_id": loan_id, "seq": 1, "date": day, "amount": half},
                    {"loan_id": loan_id, "seq": 2, "date": day + timedelta(days=100),
                     "amount": amount - half},
                ],
            )  # fmt: skip
        first_days = {  # period 1's payment date, kept three days earlier as if paid then
            loan_id: json.loads(periods)[0][0]
            for loan_id, periods in conn.execute(
                select(LoanScheduleAggregate.loan_id, LoanScheduleAggregate.periods).where(
                    LoanScheduleAggregate.loan_id.in_(kept)
                )
            )
        }
        conn.execute(
            insert(LoanScheduleCalendar),
            [
                {"loan_id": loan_id, "calendar_version": "test", "projected_years": [],
                 "kept_dates": {"1": date.fromordinal(first_days[loan_id] - 3).isoformat()},
                 "derived_by": "test"}
                for loan_id in kept
            ],
        )  # fmt: skip
        conn.execute(update(Loan).where(Loan.id.in_(closed)).values(status="closed"))
        conn.execute(update(Loan).where(Loan.id.in_(asleep)).values(status="disbursed"))
        conn.execute(
            update(LoanScheduleAggregateCheck)
            .where(LoanScheduleAggregateCheck.loan_id.in_(bad_calendar))
            .values(calendar_version="an older calendar")
        )
    assert untouched and len(first_days) == len(kept)
    return set(live) - set(closed) - set(untouched) | set(asleep)


def test_a_generated_book_equals_the_schedules_whatever_was_stored(book: Database) -> None:
    day = date(2026, 12, 1)
    live = _live(book)
    assert 1000 < live < 3000
    assert _run(book, day).computed == live  # cold: every live loan computed and stored
    redo = _tamper(book)
    after = _run(book, day)
    assert after.computed == len(redo)  # exactly the edited, missing and stale ones
    assert _run(book, day).computed == 0
    with book.session() as session:
        late = date.fromordinal(int(session.scalar(select(func.max(LoanPrincipalStep.day))) or 0))
        one_step = session.scalar(
            select(LoanPrincipalStep.day).order_by(LoanPrincipalStep.day).offset(500).limit(1)
        )
    days = (
        date(2021, 6, 30),  # before any drawdown
        date.fromordinal(int(one_step or 0)),  # a payment date: its principal is repaid
        day,  # between instalments for most
        late,  # the last payment of the longest loan
        date(2050, 1, 1),  # after every maturity
    )
    _same(book, days)
