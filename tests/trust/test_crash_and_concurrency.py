"""Crash safety and concurrent writers, with real processes on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from greendesk.services import audit
from greendesk.store.database import Database, open_database
from greendesk.store.models import AuditEvent, Borrower, Loan
from tests.trust.conftest import Team, make_loan

ROOT = Path(__file__).resolve().parents[2]


def child(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.trust._child", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def counts(db: Database) -> tuple[int, int, int]:
    with db.session() as session:
        return (
            session.execute(select(func.count(Borrower.id))).scalar_one(),
            session.execute(select(func.count(Loan.id))).scalar_one(),
            session.execute(select(func.count(AuditEvent.id))).scalar_one(),
        )


@pytest.mark.parametrize("kind", ["import", "generate"])
def test_kill_9_in_the_middle_of_a_large_import_leaves_the_database_as_before(
    database: Database, db_url: str, team: Team, tmp_path: Path, kind: str
) -> None:
    make_loan(database, team.officer)
    before = counts(database)
    marker = tmp_path / "flushed"
    sqlite = db_url.startswith("sqlite")
    wal = Path(db_url.removeprefix("sqlite:///") + "-wal")
    wal_before = wal.stat().st_size if sqlite else 0
    if kind == "import":  # ORM rows, each with its audit event, in one unit of work
        proc = child("import", db_url, str(marker), "1000" if sqlite else "400")
    else:  # generate-portfolio: Core bulk inserts in chunks of 5,000 loans
        proc = child("generate", db_url, str(marker), "40000")
    deadline = time.monotonic() + 120  # float-ok: a wait limit, not an assertion on speed
    while not marker.exists():
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        assert time.monotonic() < deadline, "the import never reached the marker"
        time.sleep(0.05)
    if sqlite and kind == "generate":
        # The half-done import really reached the disk: SQLite spilled its pages to the WAL.
        assert wal.stat().st_size > wal_before + 1_000_000
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait(timeout=60) == -signal.SIGKILL
    if proc.stdout:
        proc.stdout.close()
    if proc.stderr:
        proc.stderr.close()

    database.dispose()
    reopened = open_database(db_url)
    try:
        assert counts(reopened) == before
        assert audit.verify(reopened).ok
        if sqlite:
            path = db_url.removeprefix("sqlite:///")
            con = sqlite3.connect(path)
            assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            con.close()
        # The database is usable at once: no lock left behind.
        make_loan(reopened, team.officer, reference="GD-AFTER", credit_code="91650000MA77TEST9Z")
        assert counts(reopened)[1] == before[1] + 1
    finally:
        reopened.dispose()


def test_two_processes_editing_one_loan_lose_no_update(
    database: Database, db_url: str, team: Team
) -> None:
    loan_id = make_loan(database, team.officer)
    events_before = counts(database)[2]
    times = 20
    procs = [child("bump", db_url, str(loan_id), str(times), tag) for tag in ("a", "b")]
    outputs = [p.communicate(timeout=300) for p in procs]
    for p, (_out, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err
    with database.session() as session:
        loan = session.get(Loan, loan_id)
        assert loan is not None
        assert loan.grace_periods == 2 * times  # every edit counted once: none lost
    assert counts(database)[2] == events_before + 2 * times
    result = audit.verify(database)
    assert result.ok, result.message
    actors = [h.actor for h in audit.history(database, "loan", loan_id)]
    assert actors.count("proc-a") == times and actors.count("proc-b") == times
    if db_url.startswith("sqlite"):
        con = sqlite3.connect(db_url.removeprefix("sqlite:///"))
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        con.close()


def test_verify_while_another_desk_appends_sees_an_intact_chain(
    database: Database, db_url: str, team: Team
) -> None:
    loan_id = make_loan(database, team.officer)
    proc = child("bump", db_url, str(loan_id), "30", "c")
    results = []
    while proc.poll() is None:
        results.append(audit.verify(database))
    _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    results.append(audit.verify(database))
    bad = [r.message for r in results if not r.ok]
    assert bad == []
    assert results[-1].events == counts(database)[2]
