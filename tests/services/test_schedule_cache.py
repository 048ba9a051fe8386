"""The export's stored schedule aggregates: reused when fresh, recomputed when stale.

The demo portfolio is seeded into a real database; the aggregates are compared with the schedule
engine run afresh on each loan (``services.terms.loan_schedule``), and the workbook exported on a
warm, a cold and a tampered cache is compared cell by cell. A warm export trusts an aggregate
through its check (``services.outstanding``): a raw-SQL edit of one loan's terms must send that
loan, and only it, through the terms and the engine again.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import delete, func, select, update

from greendesk.domain.roles import Principal, Role
from greendesk.services import calendar as desk_calendar
from greendesk.services.report_portfolio import export_portfolio
from greendesk.services.report_support import LIVE, loan_load_options
from greendesk.services.schedule_cache import ScheduleAggregate, ScheduleCache
from greendesk.services.seeding import seed_demo
from greendesk.services.terms import loan_schedule
from greendesk.store.database import Database, open_database
from greendesk.store.models import Loan, LoanScheduleAggregate, LoanScheduleAggregateCheck, User

AS_OF = date(2026, 6, 30)
NOTICE = Path(__file__).parent.parent / "data" / "calendar" / "notice_2027_test.csv"


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    seed_demo(database)
    yield database
    database.dispose()


def _aggregates(db: Database) -> tuple[dict[int, ScheduleAggregate], int, int]:
    """Every live loan's aggregate through one cache; (aggregates, computed, reused)."""
    with db.session() as session:
        loans = list(
            session.scalars(
                select(Loan).where(Loan.status.in_(LIVE)).options(*loan_load_options())
            ).unique()
        )
        cache = ScheduleCache(db, session)
        found = cache.aggregates(loans)
        cache.flush()
        return found, cache.computed, cache.reused


def _fresh(db: Database, loan_id: int) -> tuple[tuple[int, int, int], ...]:
    periods = loan_schedule(db, loan_id).periods
    return tuple(
        (p.payment_date.toordinal(), int(p.principal * 100), int(p.interest * 100))
        for p in periods
        if p.principal or p.interest
    )


def _stored(db: Database) -> dict[int, str]:
    with db.session() as session:
        rows = session.execute(
            select(LoanScheduleAggregate.loan_id, LoanScheduleAggregate.terms_key)
        )
        return {loan_id: key for loan_id, key in rows}


def test_first_read_computes_and_stores_then_reuses(db: Database) -> None:
    first, computed, reused = _aggregates(db)
    assert computed == len(first) >= 5 and reused == 0
    for loan_id, aggregate in first.items():
        assert aggregate.periods == _fresh(db, loan_id)
    assert set(_stored(db)) == set(first)
    second, computed, reused = _aggregates(db)
    assert (computed, reused) == (0, len(first))
    assert second == first


def test_changed_terms_recompute_only_that_loan(db: Database) -> None:
    first, _, _ = _aggregates(db)
    keys = _stored(db)
    with db.session(write=True) as session:
        target = session.scalar(
            select(Loan).where(Loan.reference == "XJ-CJ-2026-006", Loan.status.in_(LIVE))
        )
        assert target is not None
        target_id = target.id
        if target.rate_kind == "fixed":
            target.annual_rate = (target.annual_rate or Decimal("0.03")) + Decimal("0.01")
        else:
            target.spread_bps = (target.spread_bps or 0) + 100
    second, computed, reused = _aggregates(db)
    assert (computed, reused) == (1, len(first) - 1)
    assert second[target_id].periods == _fresh(db, target_id)
    assert second[target_id] != first[target_id]  # more interest at the higher rate
    after = _stored(db)
    assert after[target_id] != keys[target_id]
    assert {k: v for k, v in after.items() if k != target_id} == {
        k: v for k, v in keys.items() if k != target_id
    }


def test_a_loaded_holiday_notice_makes_every_row_stale(db: Database) -> None:
    first, _, _ = _aggregates(db)
    with db.session() as session:
        admin = session.scalar(select(User).where(User.role == Role.ADMIN.value))
        assert admin is not None
        actor = Principal(admin.id, admin.username, admin.display_name, Role.ADMIN)
    desk_calendar.import_year(db, actor, NOTICE.read_bytes(), NOTICE.name, as_of=date(2026, 12, 1))
    second, computed, reused = _aggregates(db)
    assert (computed, reused) == (len(first), 0)
    for loan_id, aggregate in second.items():
        assert aggregate.periods == _fresh(db, loan_id)
    moved = [i for i in first if first[i] != second[i]]
    assert moved  # the made-up 2027 notice moves some payment dates


def _cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every sheet's values, but the summary's 生成时间 (the clock at export) row."""
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return {
            ws.title: [r for r in ws.iter_rows(values_only=True) if r[:1] != ("生成时间",)]
            for ws in book.worksheets
        }
    finally:
        book.close()


def test_workbook_identical_cold_warm_and_after_tampered_keys(db: Database, tmp_path: Path) -> None:
    cold, warm, tampered = (tmp_path / f"{n}.xlsx" for n in ("cold", "warm", "tampered"))
    export_portfolio(db, cold, as_of=AS_OF)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(LoanScheduleAggregate))
    export_portfolio(db, warm, as_of=AS_OF)
    with db.session(write=True) as session:  # stale rows with wrong figures must not be used
        session.execute(update(LoanScheduleAggregate).values(terms_key="stale", periods="[]"))
    export_portfolio(db, tampered, as_of=AS_OF)
    reference = _cells(cold)
    assert sum(len(rows) for rows in reference.values()) > 50
    assert _cells(warm) == reference
    assert _cells(tampered) == reference
    assert "stale" not in _stored(db).values()


def test_a_deleted_loan_takes_its_row_with_it(db: Database) -> None:
    first, _, _ = _aggregates(db)
    victim = min(first)
    with db.session(write=True) as session:
        session.execute(
            delete(LoanScheduleAggregate).where(LoanScheduleAggregate.loan_id == victim)
        )
    _, computed, reused = _aggregates(db)
    assert (computed, reused) == (1, len(first) - 1)


def _stored_checks(db: Database) -> dict[int, tuple[str, str, object]]:
    """Each loan's (check digest, aggregate key, aggregate computed at)."""
    check, aggregate = LoanScheduleAggregateCheck, LoanScheduleAggregate
    with db.session() as session:
        rows = session.execute(
            select(
                check.loan_id, check.inputs_digest, aggregate.terms_key, aggregate.computed_at
            ).join(aggregate, aggregate.loan_id == check.loan_id)
        )
        return {loan_id: (digest, key, at) for loan_id, digest, key, at in rows}


def test_a_raw_sql_edit_recomputes_exactly_that_loan_on_the_next_export(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, edited, scratch = (tmp_path / f"{n}.xlsx" for n in ("first", "edited", "scratch"))
    export_portfolio(db, first, as_of=AS_OF)
    before = _stored_checks(db)
    with db.session() as session:
        live = set(session.scalars(select(Loan.id).where(Loan.status.in_(LIVE))))
    assert set(before) == live and len(live) >= 5  # the export checked every live loan
    target = min(live)
    with db.engine.begin() as conn:  # behind the services' back: no audit, no version bump
        kind, rate, spread = conn.execute(
            select(Loan.rate_kind, Loan.annual_rate, Loan.spread_bps).where(Loan.id == target)
        ).one()
        higher = (
            {"annual_rate": (rate or Decimal("0.03")) + Decimal("0.01")}
            if kind == "fixed"
            else {"spread_bps": (spread or 0) + 100}
        )
        conn.execute(update(Loan).where(Loan.id == target).values(**higher))
    termed: list[int] = []  # loans whose terms the export built (the cache's slow path)
    keyed = ScheduleCache.keyed

    def spy(self: ScheduleCache, loans: list[Loan]) -> dict[int, tuple[ScheduleAggregate, str]]:
        termed.extend(loan.id for loan in loans)
        return keyed(self, loans)

    monkeypatch.setattr(ScheduleCache, "keyed", spy)
    export_portfolio(db, edited, as_of=AS_OF)
    assert termed == [target]
    after = _stored_checks(db)
    assert set(after) == live
    assert after[target][:2] != before[target][:2]  # new digest, new aggregate key
    assert {k: v for k, v in after.items() if k != target} == {
        k: v for k, v in before.items() if k != target
    }  # every other loan's check and aggregate untouched
    termed.clear()
    export_portfolio(db, tmp_path / "again.xlsx", as_of=AS_OF)
    assert termed == []  # the edited loan is fresh again
    with db.session(write=True) as session:  # from scratch: nothing stored
        session.execute(delete(LoanScheduleAggregateCheck))
        session.execute(delete(LoanScheduleAggregate))
    export_portfolio(db, scratch, as_of=AS_OF)
    assert sorted(termed) == sorted(live)
    assert _cells(edited) == _cells(scratch)
    assert _cells(edited) != _cells(first)  # the edit moved the target's interest
