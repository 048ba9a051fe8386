"""Two desks editing the same loan at once: one wins, the other is told, nothing is half-saved."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from decimal import Decimal

import pytest

from greendesk.services import audit
from greendesk.services.records import borrowers, loans, projects
from greendesk.services.records._unit import RecordChanged, write_unit
from greendesk.services.records.inputs import LoanInput
from greendesk.store.database import Database, open_database
from greendesk.store.models import Loan
from tests.services.records import builders
from tests.services.records.conftest import make_people, row_counts


def test_simultaneous_saves_one_wins_one_is_told(db_url: str) -> None:
    setup = open_database(db_url)
    people = make_people(setup)
    owner = borrowers.create_borrower(setup, people.officer, builders.borrower(1))
    site = projects.create_project(setup, people.officer, builders.project(owner.id))
    loan = loans.create_loan(setup, people.officer, builders.loan(owner.id, site.id))
    setup.dispose()

    desks = [open_database(db_url), open_database(db_url)]  # two engines, as on two desks
    edits: list[LoanInput] = []
    for n, desk in enumerate(desks):
        data = loans.get_loan_terms(desk, loan.id).input
        data.purpose = f"desk {n} purpose"
        data.agency_fee_per_year = f"{200000 + n}.0{n + 1}"
        edits.append(data)
    start = threading.Barrier(2)
    outcome: dict[int, object] = {}

    def save(n: int) -> None:
        start.wait()
        actor = people.officer if n == 0 else people.officer2
        try:
            outcome[n] = loans.update_loan_terms(
                desks[n], actor, loan.id, edits[n], expected_version=loan.version
            )
        except RecordChanged as exc:
            outcome[n] = exc

    threads = [threading.Thread(target=save, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    try:
        told = [n for n, r in outcome.items() if isinstance(r, RecordChanged)]
        won = [n for n, r in outcome.items() if not isinstance(r, RecordChanged)]
        assert len(told) == 1 and len(won) == 1, outcome
        assert "changed by someone else" in str(outcome[told[0]])
        final = loans.get_loan(desks[0], loan.id)
        assert final.version == loan.version + 1
        assert final.purpose == f"desk {won[0]} purpose"
        assert final.agency_fee_per_year == Decimal(f"{200000 + won[0]}.0{won[0] + 1}")
        updates = [
            e
            for e in audit.history(desks[0], "loan", loan.id)
            if e.action not in ("loan.create", "loan.classify")
        ]
        assert len(updates) == 1  # the loser left no audit event either
        assert audit.verify(desks[0]).ok
    finally:
        for desk in desks:
            desk.dispose()


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    db = open_database(pg_url)
    yield db
    db.dispose()


@pytest.mark.postgres
def test_a_race_lost_at_flush_is_reported_and_rolled_back(pg_db: Database) -> None:
    """The version column catches a writer that read the row before another desk committed."""
    people = make_people(pg_db)
    owner = borrowers.create_borrower(pg_db, people.officer, builders.borrower(1))
    loan = loans.create_loan(pg_db, people.officer, builders.loan(owner.id))
    before = row_counts(pg_db)
    with (
        pytest.raises(RecordChanged, match=f"loan {loan.id} was changed by someone else"),
        write_unit(pg_db, f"loan {loan.id}") as session,
    ):
        row = session.get(Loan, loan.id)  # read without a row lock, version 1
        assert row is not None and row.version == 1
        other = loans.get_loan_terms(pg_db, loan.id).input
        other.purpose = "saved by the other desk meanwhile"
        loans.update_loan_terms(pg_db, people.officer2, loan.id, other, expected_version=1)
        row.purpose = "this desk's stale change"
        audit.record(session, people.officer, "loan.update_terms", ("loan", loan.id), {}, {})
        session.flush()
    final = loans.get_loan(pg_db, loan.id)
    assert final.purpose == "saved by the other desk meanwhile" and final.version == 2
    after = row_counts(pg_db)
    assert after["audit_events"] == before["audit_events"] + 1  # only the other desk's event
    assert after == {**before, "audit_events": after["audit_events"]}
    assert audit.verify(pg_db).ok
