"""The audit trail on a real database: same transaction as the change, tampering caught."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, text

from greendesk.cli import main as greendesk_main
from greendesk.domain.errors import UserError
from greendesk.services import audit, auth, seeding, workflow
from greendesk.store.database import Database, open_database
from greendesk.store.models import AuditEvent, Borrower
from tests.trust.conftest import Team, build_team, make_loan


def greendesk(*args: str, db_url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "greendesk", *args, "--db", db_url],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_event_and_change_commit_or_roll_back_together(database: Database, team: Team) -> None:
    before = audit.verify(database).events
    with pytest.raises(UserError), database.session(write=True) as session:
        b = Borrower(name="张掖林场", credit_code="91620700MA7XTEST01")
        session.add(b)
        session.flush()
        audit.record(session, team.officer, "create", ("borrower", b.id), None, audit.snapshot(b))
        raise UserError("a later check fails")
    with database.session() as session:
        assert session.execute(select(func.count(Borrower.id))).scalar_one() == 0
        assert session.execute(select(func.count(AuditEvent.id))).scalar_one() == before
    assert audit.verify(database).ok


def test_snapshots_are_exact_and_never_hold_password_hashes(database: Database, team: Team) -> None:
    loan_id = make_loan(database, team.officer, amount="2443000000.00")
    created = audit.history(database, "loan", loan_id)[0]
    assert created.after is not None
    assert created.after["amount"] == "2443000000.00"
    assert created.after["start_date"] == "2026-03-01"
    users = audit.history(database, "user", team.officer.user_id)
    assert users and all("password_hash" not in (h.after or {}) for h in users)
    with database.session() as session:
        texts = session.execute(select(AuditEvent.after_json)).scalars()
        assert not any("scrypt$" in (t or "") for t in texts)


def test_record_refuses_floats_and_unknown_entities(database: Database, team: Team) -> None:
    with database.session(write=True) as session:
        with pytest.raises(TypeError, match="float"):
            audit.record(session, team.officer, "update", ("loan", 1), None, {"rate": 0.035})
        with pytest.raises(ValueError, match="unknown audit entity"):
            audit.record(session, team.officer, "update", ("spaceship", 1), None, None)


def _tamper(db: Database, sql: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(text(sql))


def test_edit_delete_reorder_caught_on_both_databases(database: Database, team: Team) -> None:
    loan_id = make_loan(database, team.officer)
    workflow.submit(database, team.officer, loan_id)
    workflow.start_review(database, team.r1, loan_id)
    workflow.vote(database, team.r1, loan_id, "approve")
    good = audit.verify(database)
    assert good.ok and good.events >= 10

    _tamper(database, "UPDATE audit_events SET actor = 'mallory' WHERE seq = 9")
    bad = audit.verify(database)
    assert (bad.ok, bad.kind, bad.bad_seq) == (False, "edited", 9)
    _tamper(database, f"UPDATE audit_events SET actor = '{team.officer.username}' WHERE seq = 9")
    assert audit.verify(database).ok

    _tamper(database, "UPDATE audit_events SET seq = -4 WHERE seq = 4")
    _tamper(database, "UPDATE audit_events SET seq = 4 WHERE seq = 6")
    _tamper(database, "UPDATE audit_events SET seq = 6 WHERE seq = -4")
    bad = audit.verify(database)
    assert (bad.ok, bad.kind, bad.bad_seq) == (False, "reordered", 4)
    assert "recorded as #6" in bad.message
    _tamper(database, "UPDATE audit_events SET seq = -4 WHERE seq = 4")
    _tamper(database, "UPDATE audit_events SET seq = 4 WHERE seq = 6")
    _tamper(database, "UPDATE audit_events SET seq = 6 WHERE seq = -4")
    assert audit.verify(database).ok

    _tamper(database, "DELETE FROM audit_events WHERE seq = 7")
    bad = audit.verify(database)
    assert (bad.ok, bad.kind, bad.bad_seq) == (False, "deleted", 7)


def test_deleting_the_newest_event_is_caught(database: Database, team: Team) -> None:
    make_loan(database, team.officer)
    last = audit.verify(database).events
    _tamper(database, f"DELETE FROM audit_events WHERE seq = {last}")
    bad = audit.verify(database)
    assert (bad.ok, bad.kind, bad.bad_seq) == (False, "deleted", last)


def test_demo_database_verifies_then_fails_after_one_byte_changed_with_sqlite3(
    sqlite_url: str,
) -> None:
    db = open_database(sqlite_url)
    try:
        seeding.seed_demo(db)
        auth.ensure_demo_users(db)
    finally:
        db.dispose()
    ok = greendesk("audit", "verify", db_url=sqlite_url)
    assert ok.returncode == 0, ok.stderr
    assert "audit trail: OK" in ok.stdout

    path = sqlite_url.removeprefix("sqlite:///")
    con = sqlite3.connect(path)
    seq, after = con.execute(
        "SELECT seq, after_json FROM audit_events WHERE entity_type = 'loan' "
        'AND after_json LIKE \'%"amount":"%\' ORDER BY seq LIMIT 1'
    ).fetchone()
    raw = bytearray(after.encode("utf-8"))
    i = raw.index(b'"amount":"') + len(b'"amount":"')
    raw[i] = ord("9") if raw[i] != ord("9") else ord("8")  # one byte of the amount
    con.execute("UPDATE audit_events SET after_json = ? WHERE seq = ?", (raw.decode(), seq))
    con.commit()
    con.close()

    bad = greendesk("audit", "verify", db_url=sqlite_url)
    assert bad.returncode == 1
    assert f"FAILED at event #{seq} (edited)" in bad.stderr
    assert f"#{seq} (loan.create loan" in bad.stderr


def test_sqlite3_command_line_edit_is_caught(
    sqlite_url: str, team_sqlite: tuple[Database, Team], capsys: pytest.CaptureFixture[str]
) -> None:
    db, team = team_sqlite
    make_loan(db, team.officer)
    db.dispose()
    path = sqlite_url.removeprefix("sqlite:///")
    # Change one character of the actor of event #2 with the sqlite3 shell.
    subprocess.run(
        ["sqlite3", path, "UPDATE audit_events SET actor = 'adnin' WHERE seq = 2;"],
        check=True,
        capture_output=True,
    )
    assert greendesk_main(["audit", "verify", "--db", sqlite_url]) == 1
    assert "FAILED at event #2 (edited)" in capsys.readouterr().err


def test_cli_log_for_a_loan(
    sqlite_url: str, team_sqlite: tuple[Database, Team], capsys: pytest.CaptureFixture[str]
) -> None:
    db, team = team_sqlite
    loan_id = make_loan(db, team.officer, reference="GD-2026-0042")
    workflow.submit(db, team.officer, loan_id)
    make_loan(db, team.officer, reference="GD-2026-0043", credit_code="91650000MA77TEST1Y")
    db.dispose()
    assert (
        greendesk_main(["audit", "log", "--loan", "GD-2026-0042", "--json", "--db", sqlite_url])
        == 0
    )
    events = json.loads(capsys.readouterr().out)
    assert [(e["action"], e["actor"]) for e in events] == [("create", "wang"), ("submit", "wang")]
    assert {"field": "status", "before": "draft", "after": "submitted"} in events[1]["changes"]
    assert greendesk_main(["audit", "log", "--db", sqlite_url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(" submit " in line and "wang" in line for line in lines)
    assert any("status: draft → submitted" in line for line in lines)


@pytest.fixture
def team_sqlite(sqlite_url: str, password_hash: str) -> Iterator[tuple[Database, Team]]:
    """A team on a SQLite file, for tests that also edit the file with sqlite3 or the CLI."""
    db = open_database(sqlite_url)
    try:
        yield db, build_team(db, password_hash)
    finally:
        db.dispose()
