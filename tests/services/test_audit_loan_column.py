"""Audit events carry the loan they belong to: set on writing, filled by the migration."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, select, text

from greendesk.services import audit
from greendesk.services.seeding import seed_demo
from greendesk.store import migrate
from greendesk.store.database import Database, open_database
from greendesk.store.models import AuditEvent, Loan, Pledge


def _loan_of_each_event(db: Database) -> dict[int, int | None]:
    with db.session() as session:
        return dict(session.execute(select(AuditEvent.seq, AuditEvent.loan_id)).all())


def _expected(db: Database) -> dict[int, int | None]:
    """Recomputed from the events' own text (the rule the history used to scan for)."""
    pledge_loans: dict[str, int] = {}
    with db.session() as session:
        for pledge in session.scalars(select(Pledge)):
            pledge_loans[str(pledge.id)] = pledge.loan_id
        rows = list(session.scalars(select(AuditEvent)))
    out: dict[int, int | None] = {}
    for row in rows:
        if row.entity_type == "loan":
            out[row.seq] = int(row.entity_id or 0)
        elif row.entity_type == "pledge":
            out[row.seq] = pledge_loans[row.entity_id or ""]
        elif row.entity_type in ("vote", "decision"):
            out[row.seq] = next(
                int(t.split('"loan_id":')[1].split(",")[0].rstrip("}"))
                for t in (row.after_json, row.before_json)
                if t and '"loan_id":' in t
            )
        else:
            out[row.seq] = None
    return out


def test_every_event_is_written_with_its_loan(database: Database) -> None:
    seed_demo(database)
    found = _loan_of_each_event(database)
    assert found == _expected(database)
    assert sum(1 for v in found.values() if v is not None) > 11  # loans and their pledges
    with database.session() as session:
        loan_id = session.scalars(select(Loan.id).order_by(Loan.id)).first()
    assert loan_id is not None
    trail = audit.history(database, "loan", loan_id)
    assert {e.entity_type for e in trail} == {"loan", "pledge"}
    assert [e.seq for e in trail] == sorted(e.seq for e in trail)


def test_the_migration_fills_old_events_and_leaves_the_chain_whole(db_url: str) -> None:
    db = open_database(db_url)
    try:
        seed_demo(db)
        expected = _expected(db)
        with db.engine.begin() as conn:  # back to before the column: its values are gone
            command.downgrade(migrate.alembic_config(conn), "0003")
        with db.engine.begin() as conn:
            columns = [c["name"] for c in inspect(conn).get_columns("audit_events")]
            assert "loan_id" not in columns
            migrate.upgrade_to_head(conn)
            assert conn.execute(text("SELECT count(*) FROM loan_facets")).scalar_one() == 11
        assert _loan_of_each_event(db) == expected
        assert audit.verify(db).ok
    finally:
        db.dispose()
