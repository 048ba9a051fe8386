"""Opening, migrating and using a database: the same behaviour on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError, OperationalError, StatementError
from sqlalchemy.orm.exc import StaleDataError

from greendesk.store import migrate
from greendesk.store.database import Database, open_database
from greendesk.store.models import AppMeta, Borrower, Loan, Project
from tests.store.helpers import add_loan


def test_new_database_is_migrated_and_marked_as_greendesk(database: Database) -> None:
    assert database.schema_revision() == migrate.head_revision()
    assert database.migrated_from is None
    with database.session() as session:
        assert session.get(AppMeta, "application") is not None
        assert session.get(AppMeta, "application").value == "greendesk"  # type: ignore[union-attr]


def test_reopening_changes_nothing(db_url: str) -> None:
    first = open_database(db_url)
    first.dispose()
    again = open_database(db_url)
    try:
        assert again.migrated_from == migrate.head_revision()
        assert again.schema_revision() == migrate.head_revision()
    finally:
        again.dispose()


def test_sqlite_pragmas_are_set_on_every_connection(sqlite_url: str) -> None:
    db = open_database(sqlite_url)
    try:
        with db.engine.connect() as a, db.engine.connect() as b:  # two pooled connections
            for conn in (a, b):
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000
    finally:
        db.dispose()


@pytest.mark.parametrize(
    "amount",
    ["2443000000.00", "0.01", "999999999999.99", "902000000.07"],
)
def test_money_round_trips_to_the_fen_and_is_stored_as_integer_fen(
    database: Database, amount: str
) -> None:
    with database.session() as session:
        loan_id = add_loan(session, amount=Decimal(amount)).id
    with database.session() as session:
        loaded = session.get(Loan, loan_id)
        assert loaded is not None
        assert loaded.amount == Decimal(amount)
        assert loaded.amount.as_tuple().exponent == -2
        raw = session.execute(text("SELECT amount FROM loans WHERE id = :i"), {"i": loan_id})
        assert raw.scalar() == int(Decimal(amount) * 100)


def test_money_with_fractions_of_a_fen_or_a_float_is_refused(database: Database) -> None:
    with pytest.raises(StatementError, match="fractions of a fen"), database.session() as session:
        add_loan(session, amount=Decimal("10.005"))
    with pytest.raises(StatementError, match="must be a Decimal"), database.session() as session:
        add_loan(session, amount=10.5)  # type: ignore[arg-type]
    with database.session() as session:
        assert session.scalar(select(Loan.id)) is None  # both attempts rolled back


def test_exact_decimals_are_canonical_text(database: Database) -> None:
    with database.session() as session:
        loan = add_loan(session)
        loan.base_rate = Decimal("0.0350")
        loan.coverage_threshold = Decimal("1.30")
        loan_id = loan.id
    with database.session() as session:
        row = session.execute(
            text("SELECT base_rate, coverage_threshold FROM loans WHERE id = :i"), {"i": loan_id}
        ).one()
        assert tuple(row) == ("0.035", "1.3")
        loaded = session.get(Loan, loan_id)
        assert loaded is not None
        assert loaded.base_rate == Decimal("0.035")
        assert loaded.coverage_threshold == Decimal("1.3")


def test_timestamps_come_back_aware_in_utc(database: Database) -> None:
    beijing = timezone(timedelta(hours=8))
    moment = datetime(2026, 3, 1, 9, 30, 15, tzinfo=beijing)
    with database.session() as session:
        loan = add_loan(session)
        loan.updated_at = moment
        loan_id = loan.id
    with database.session() as session:
        loaded = session.get(Loan, loan_id)
        assert loaded is not None
        assert loaded.updated_at == moment
        assert loaded.updated_at.utcoffset() == timedelta(0)
        assert loaded.updated_at.hour == 1  # 09:30 in Beijing is 01:30 UTC
        assert loaded.created_at.tzinfo is not None


def test_naive_timestamp_is_refused(database: Database) -> None:
    with pytest.raises(StatementError, match="no time zone"), database.session() as session:
        loan = add_loan(session)
        loan.updated_at = datetime(2026, 3, 1, 9, 30)
        session.flush()


def test_foreign_keys_are_enforced(database: Database) -> None:
    with pytest.raises(IntegrityError), database.session() as session:
        session.add(Project(borrower_id=424242, name="孤儿项目"))
        session.flush()


def test_check_constraints_refuse_unknown_codes(database: Database) -> None:
    with pytest.raises(IntegrityError), database.session() as session:
        loan = add_loan(session)
        loan.status = "bogus"
        session.flush()


def test_a_failed_unit_of_work_leaves_nothing(database: Database) -> None:
    with pytest.raises(RuntimeError), database.session() as session:
        add_loan(session)
        raise RuntimeError("the officer's machine lost power")
    with database.session() as session:
        assert session.scalar(select(Borrower.id)) is None
        assert session.scalar(select(Loan.id)) is None


def test_a_row_changed_under_an_object_is_detected_by_the_version_column(
    database: Database,
) -> None:
    with database.session() as session:
        loan_id = add_loan(session).id
    with pytest.raises(StaleDataError), database.session(write=True) as session:
        loan = session.get(Loan, loan_id)
        assert loan is not None and loan.version == 1
        # another writer's change lands between our read and our write
        session.execute(text("UPDATE loans SET version = version + 1, purpose = 'theirs'"))
        loan.purpose = "ours"
        session.flush()
    with database.session() as session:
        loaded = session.get(Loan, loan_id)
        assert loaded is not None
        assert (loaded.purpose, loaded.version) == (None, 1)  # the whole unit rolled back


def test_interleaved_writers_never_silently_overwrite(database: Database) -> None:
    """Two desks load version 1; the first saves; the second is told (no lost update)."""
    with database.session() as session:
        loan_id = add_loan(session).id
    with database.session() as first, database.session() as second:
        if database.dialect == "sqlite":  # do not sit out the 10 s busy timeout in a test
            second.connection().exec_driver_sql("PRAGMA busy_timeout=200")
        a, b = first.get(Loan, loan_id), second.get(Loan, loan_id)
        assert a is not None and b is not None and a.version == b.version == 1
        a.purpose = "first officer's change"
        first.commit()
        b.purpose = "second officer's change, based on version 1"
        # PostgreSQL: the UPDATE ... WHERE version = 1 matches nothing (StaleDataError);
        # SQLite: the second desk's snapshot is out of date, so its write is refused.
        with pytest.raises((StaleDataError, OperationalError)):
            second.flush()
        second.rollback()
    with database.session() as session:
        loaded = session.get(Loan, loan_id)
        assert loaded is not None
        assert loaded.purpose == "first officer's change"
        assert loaded.version == 2


def test_write_sessions_serialise_writers(sqlite_url: str) -> None:
    """On SQLite a write session holds the write lock from BEGIN: a second writer waits."""
    db = open_database(sqlite_url)
    other = open_database(sqlite_url)
    try:
        with db.session(write=True) as session:
            add_loan(session)
            with other.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA busy_timeout=0")
                with pytest.raises(Exception, match="locked"):
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
        with other.session() as session:
            assert session.scalar(select(Loan.reference)) == "T-0001"
    finally:
        db.dispose()
        other.dispose()


def test_describe_names_the_place_without_a_password(db_url: str) -> None:
    db = open_database(db_url)
    try:
        described = db.describe()
    finally:
        db.dispose()
    if db_url.startswith("sqlite"):
        assert described.startswith("SQLite · /")
        assert described.endswith("greendesk.db")
    else:
        assert described.startswith("PostgreSQL · postgres@127.0.0.1:")


def test_created_at_defaults_to_now(database: Database) -> None:
    before = datetime.now(UTC)
    with database.session() as session:
        borrower_id = add_loan(session).borrower_id
    with database.session() as session:
        borrower = session.get(Borrower, borrower_id)
        assert borrower is not None
        assert before - timedelta(seconds=5) <= borrower.created_at <= datetime.now(UTC)
