"""A restore while another process writes loses no acknowledged write (issue 11, point 5).

A real child process writes borrowers one unit of work at a time and prints the number of each
write whose commit returned. Every acknowledged write must end up in the database (the restore
was refused) or in the copy the restore kept aside (it happened before) or in the restored
database (it happened after).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from greendesk.domain.errors import UserError
from greendesk.services import backup
from greendesk.store.database import Database, open_database
from tests.trust.conftest import build_team, make_loan

ROOT = Path(__file__).resolve().parents[2]
OPEN_ELSEWHERE = "open in another process"


@pytest.fixture
def db(sqlite_url: str, password_hash: str) -> Iterator[Database]:
    database = open_database(sqlite_url)
    team = build_team(database, password_hash)
    make_loan(database, team.officer)
    yield database
    database.dispose()


@pytest.fixture
def writer() -> Iterator[Callable[[str, int, str], subprocess.Popen[str]]]:
    """Start the writing child; whatever the test's outcome, it is ended and its pipes closed."""
    started: list[subprocess.Popen[str]] = []

    def start(url: str, count: int, mode: str) -> subprocess.Popen[str]:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.trust._child", "write", url, str(count), mode],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        started.append(proc)
        return proc

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=60)


def acknowledged(proc: subprocess.Popen[str], seen: list[str]) -> set[str]:
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    proc.stdout, proc.stderr = None, None  # read to the end
    return {f"9165{int(n):014d}" for n in [*seen, *out.split()]}


def codes(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT credit_code FROM borrowers")}
    finally:
        con.close()


def test_restore_refuses_while_another_process_has_the_database_open(
    db: Database, tmp_path: Path, writer: Callable[[str, int, str], subprocess.Popen[str]]
) -> None:
    saved = tmp_path / "saved.db"
    backup.backup(db, saved)
    url = str(db.engine.url)
    target = Path(db.engine.url.database or "")
    db.dispose()
    proc = writer(url, 500, "keep")
    assert proc.stdout is not None
    seen = [proc.stdout.readline().strip() for _ in range(20)]  # it is writing now
    with pytest.raises(UserError, match=OPEN_ELSEWHERE):
        backup.restore(url, saved, "os:tester")
    assert proc.poll() is None  # refused while the writer was still at work
    acked = acknowledged(proc, seen)
    assert len(acked) == 500
    assert acked <= codes(target)  # nothing acknowledged went missing
    assert not list(tmp_path.glob("*.before-restore-*"))
    con = sqlite3.connect(target)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()


def test_restore_between_writes_of_another_process_loses_no_acknowledged_write(
    db: Database, tmp_path: Path, writer: Callable[[str, int, str], subprocess.Popen[str]]
) -> None:
    saved = tmp_path / "saved.db"
    backup.backup(db, saved)
    url = str(db.engine.url)
    target = Path(db.engine.url.database or "")
    db.dispose()
    proc = writer(url, 1500, "reconnect")
    assert proc.stdout is not None
    seen = [proc.stdout.readline().strip() for _ in range(10)]
    result = None
    deadline = time.monotonic() + 120  # float-ok: a wait limit, not an assertion on speed
    while result is None and time.monotonic() < deadline:
        try:
            result = backup.restore(url, saved, "os:tester")
        except UserError as exc:  # the writer happened to be connected: try again
            assert OPEN_ELSEWHERE in str(exc)
    assert result is not None and result.kept_aside is not None
    acked = acknowledged(proc, seen)
    before, after = codes(result.kept_aside), codes(target)
    lost = acked - before - after
    assert not lost, f"{len(lost)} acknowledged writes lost"
    assert acked & before and acked & after  # the restore really fell between the writes
    for path in (target, result.kept_aside):
        con = sqlite3.connect(path)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        con.close()
