"""The pledges' valuation is kept in the database: seeded, and revalued when a price changes.

Each test seeds the demo portfolio into a real SQLite file and a real PostgreSQL database, then
reads the stored columns back and compares them with the engine's own report
(``assessment.collateral_report``) or with figures worked out here by hand.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from greendesk.domain.errors import InvalidInput, UserError
from greendesk.domain.money import round_fen
from greendesk.domain.roles import Principal, Role
from greendesk.services import audit
from greendesk.services.assessment import collateral_report
from greendesk.services.records import market_data
from greendesk.services.records.inputs import PriceInput
from greendesk.services.seeding import seed_demo
from greendesk.store.database import Database, open_database
from greendesk.store.models import AuditEvent, Loan, Pledge, ReferencePrice, User

CEA_LOANS = ("XJ-CJ-2024-002", "XJ-CJ-2024-003")  # the two allowance-pledge loans of the article
NOT_CEA = "XJ-CJ-2023-001"  # Mulei: appraised equipment and receivables, no allowances


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    seed_demo(database)
    yield database
    database.dispose()


@pytest.fixture
def admin(db: Database) -> Principal:
    with db.session() as session:
        user = session.scalar(select(User).where(User.role == Role.ADMIN.value))
        assert user is not None
        return Principal(user.id, user.username, user.display_name, Role.ADMIN)


def _loan(db: Database, reference: str) -> Loan:
    with db.session() as session:
        loan = session.scalar(select(Loan).where(Loan.reference == reference))
        assert loan is not None
        _ = list(loan.pledges)  # loaded while the session is open
        return loan


def _events(db: Database, action: str) -> list[AuditEvent]:
    with db.session() as session:
        query = select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq)
        return list(session.scalars(query))


def _latest_cea(db: Database) -> ReferencePrice:
    with db.session() as session:
        row = session.scalar(
            select(ReferencePrice)
            .where(ReferencePrice.instrument == "CEA")
            .order_by(ReferencePrice.price_date.desc())
        )
        assert row is not None
        return row


def _stored(db: Database) -> dict[str, tuple[object, ...]]:
    """Every loan's stored totals and coverage plus its pledges' stored values."""
    with db.session() as session:
        return {
            loan.reference: (
                loan.collateral_value,
                loan.eligible_collateral_value,
                loan.coverage_ratio,
                loan.valued_on,
                tuple((p.value, p.eligible_value, p.value_basis) for p in loan.pledges),
            )
            for loan in session.scalars(select(Loan))
        }


def test_seeding_stores_the_engines_values_and_coverage(db: Database) -> None:
    reports = collateral_report(db, None, date.today())
    assert len(reports) == 11
    with db.session() as session:
        pledge_count = session.scalar(select(func.count()).select_from(Pledge))
        for report in reports:
            loan = session.get(Loan, report.loan_id)
            assert loan is not None
            assert loan.valued_on == date.today()
            assert loan.coverage_ratio == report.coverage
            assert loan.collateral_value == report.total_value
            assert loan.eligible_collateral_value == report.total_eligible
            stored = {p.seq: p for p in loan.pledges}
            assert sorted(stored) == [line.seq for line in report.pledges]
            for line in report.pledges:
                pledge = stored[line.seq]
                # every seeded pledge rests on a reference price or an appraisal
                assert line.basis in ("price", "appraisal")
                assert pledge.value == line.value
                assert pledge.eligible_value == line.eligible_value
                assert pledge.valued_on == date.today()
                assert line.value_date is not None
                assert pledge.value_basis is not None
                assert pledge.value_basis.startswith(line.basis)
                assert pledge.value_basis.endswith(line.value_date.isoformat())
            # the totals are the pledges' own stored values added up
            assert loan.collateral_value == sum(p.value or 0 for p in loan.pledges)
    assert pledge_count == sum(len(r.pledges) for r in reports)
    # each loan valued once, audited once
    assert len(_events(db, "loan.revalue")) == 11
    assert audit.verify(db).ok


def test_a_higher_allowance_price_raises_stored_values_and_coverage(
    db: Database, admin: Principal
) -> None:
    before = {ref: _loan(db, ref) for ref in (*CEA_LOANS, NOT_CEA)}
    events_before = len(_events(db, "loan.revalue"))
    latest = _latest_cea(db)
    assert latest.price_date < date.today()
    new_price = latest.price + Decimal("25.00")

    market_data.add_price(
        db, admin, PriceInput("CEA", date.today().isoformat(), str(new_price), "CNY/t", "test")
    )

    for ref in CEA_LOANS:
        old, new = before[ref], _loan(db, ref)
        assert new.coverage_ratio is not None and old.coverage_ratio is not None
        assert new.coverage_ratio > old.coverage_ratio
        assert new.collateral_value is not None and old.collateral_value is not None
        assert new.collateral_value > old.collateral_value
        for pledge in new.pledges:
            assert pledge.quantity is not None
            assert pledge.value == round_fen(pledge.quantity * new_price)
            assert pledge.value_basis == f"price CEA {date.today().isoformat()}"
        assert new.eligible_collateral_value == sum(p.eligible_value or 0 for p in new.pledges)
        assert new.coverage_ratio == _report_coverage(db, ref)
    # a loan without allowances is not touched
    untouched = _loan(db, NOT_CEA)
    assert untouched.coverage_ratio == before[NOT_CEA].coverage_ratio
    assert [p.value_basis for p in untouched.pledges] == [
        p.value_basis for p in before[NOT_CEA].pledges
    ]
    # derived figures are not an edit: an officer's open form (loaded at ``version``) still saves
    for ref in CEA_LOANS:
        assert _loan(db, ref).version == before[ref].version
    events = _events(db, "loan.revalue")
    assert len(events) == events_before + len(CEA_LOANS)
    revalued = {int(e.entity_id or 0) for e in events[events_before:]}
    assert revalued == {before[ref].id for ref in CEA_LOANS}
    assert audit.verify(db).ok


def _report_coverage(db: Database, reference: str) -> Decimal | None:
    [report] = collateral_report(db, reference, date.today())
    return report.coverage


def test_correcting_and_deleting_a_price_revalues_again(db: Database, admin: Principal) -> None:
    ref = CEA_LOANS[1]
    original = _loan(db, ref)
    added = market_data.add_price(
        db, admin, PriceInput("CEA", date.today().isoformat(), "150.00", "CNY/t", "test")
    )
    high = _loan(db, ref)
    corrected = market_data.update_price(
        db, admin, added.id, PriceInput("CEA", added.price_date.isoformat(), "30.00", "CNY/t",
        "test: corrected"), expected=added,
    )  # fmt: skip
    low = _loan(db, ref)
    assert low.coverage_ratio is not None and high.coverage_ratio is not None
    assert low.coverage_ratio < high.coverage_ratio
    assert [p.value for p in low.pledges] == [
        round_fen((p.quantity or Decimal(0)) * Decimal("30.00")) for p in low.pledges
    ]
    assert added.revalued_loans == corrected.revalued_loans == len(CEA_LOANS)
    assert added == dataclasses.replace(added, revalued_loans=0)  # the count is no part of the lock
    assert market_data.delete_price(db, admin, corrected.id, expected=corrected) == len(CEA_LOANS)
    back = _loan(db, ref)
    assert back.coverage_ratio == original.coverage_ratio
    assert [p.value for p in back.pledges] == [p.value for p in original.pledges]
    assert [p.value_basis for p in back.pledges] == [p.value_basis for p in original.pledges]
    assert audit.verify(db).ok


def test_a_failing_revaluation_leaves_prices_and_values_as_they_were(
    db: Database, admin: Principal
) -> None:
    """A pledge the engine cannot value (a type it does not know) stops the whole price change."""
    with db.session(write=True) as session:
        loan = session.scalar(select(Loan).where(Loan.reference == CEA_LOANS[0]))
        assert loan is not None
        session.add(
            Pledge(loan_id=loan.id, seq=99, collateral_type="no_such_type", quantity=Decimal(1),
                   price_instrument="CEA", unit="t")
        )  # fmt: skip
    stored_before = _stored(db)
    with db.session() as session:
        prices_before = session.scalar(select(func.count()).select_from(ReferencePrice))
        events_before = session.scalar(select(func.count()).select_from(AuditEvent))

    with pytest.raises(UserError, match="cannot value pledges"):
        market_data.add_price(
            db, admin, PriceInput("CEA", date.today().isoformat(), "120.00", "CNY/t", "test")
        )

    assert _stored(db) == stored_before
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(ReferencePrice)) == prices_before
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == events_before
    assert audit.verify(db).ok


def test_a_batch_of_prices_is_all_or_nothing_and_revalues_once(
    db: Database, admin: Principal
) -> None:
    today = date.today().isoformat()
    prices_before = market_data.list_prices(db)
    stored_before = _stored(db)
    bad = [
        PriceInput("CEA", today, "90.00", "CNY/t", "batch"),
        PriceInput("CEA", today, "91.00", "CNY/t", "batch"),  # the same day twice
        PriceInput("CCER", today, "0", "CNY/t", "batch"),
    ]
    with pytest.raises(InvalidInput) as refused:
        market_data.add_prices(db, admin, bad)
    assert [str(e) for e in refused.value.errors] == [
        f"rows[1].price_date: a CEA price for {today} already exists",
        "rows[2].price: must be greater than 0",
    ]
    assert market_data.list_prices(db) == prices_before and _stored(db) == stored_before

    events_before = len(_events(db, "loan.revalue"))
    added = market_data.add_prices(db, admin, [bad[0]])
    assert [(p.instrument, p.price) for p in added.prices] == [("CEA", Decimal("90.00"))]
    assert added.revalued_loans == len(CEA_LOANS)
    assert len(_events(db, "loan.revalue")) == events_before + len(CEA_LOANS)
    with pytest.raises(InvalidInput, match="rows: at least one price"):
        market_data.add_prices(db, admin, [])
    assert audit.verify(db).ok
