"""Backup while open, checked restore that keeps the old file, and daily rotation."""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from greendesk.cli import main as greendesk_main
from greendesk.domain.errors import UserError
from greendesk.services import audit, backup
from greendesk.store.database import Database, open_database
from greendesk.store.models import Borrower, Loan
from tests.trust.conftest import PASSWORD, build_team, make_loan


@pytest.fixture
def db(sqlite_url: str, password_hash: str) -> Iterator[Database]:
    database = open_database(sqlite_url)
    team = build_team(database, password_hash)
    make_loan(database, team.officer, reference="GD-2026-0001")
    make_loan(database, team.officer, reference="GD-2026-0002", credit_code="91650000MA77TEST1Y")
    yield database
    database.dispose()


def loans_in(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT reference FROM loans ORDER BY reference")]
    finally:
        con.close()


def test_backup_while_another_writer_holds_an_open_transaction(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the backup's audit event waits for the writer and gives up; how long is test_waits' matter
    monkeypatch.setenv("GREENDESK_WRITE_WAIT", "1")
    path = Path(db.engine.url.database or "")
    writer = sqlite3.connect(path, isolation_level=None, timeout=10)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute(
        "INSERT INTO borrowers (name, credit_code, sector, disclosure_yearly, version, "
        "created_at, updated_at) VALUES ('未提交', '91650000MA77TEST2Z', 'other', 0, 1, "
        "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"
    )
    info = backup.backup(db, tmp_path / "copy.db")  # does not wait for the writer
    writer.execute("COMMIT")
    writer.close()
    assert info.loans == 2 and info.audit_events > 0
    con = sqlite3.connect(tmp_path / "copy.db")
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    names = [r[0] for r in con.execute("SELECT name FROM borrowers")]
    con.close()
    assert "未提交" not in names and len(names) == 2
    copy = open_database(f"sqlite:///{tmp_path / 'copy.db'}")
    try:
        assert audit.verify(copy).ok
    finally:
        copy.dispose()


def test_restore_replaces_and_keeps_the_old_database(db: Database, tmp_path: Path) -> None:
    saved = tmp_path / "saved.db"
    backup.backup(db, saved)
    with db.session(write=True) as session:
        loan = session.execute(select(Loan).where(Loan.reference == "GD-2026-0002")).scalar_one()
        session.delete(loan)
    url = str(db.engine.url)
    db.dispose()
    target = Path(db.engine.url.database or "")
    assert loans_in(target) == ["GD-2026-0001"]

    result = backup.restore(url, saved, "os:tester")
    assert result.kept_aside is not None and result.kept_aside.exists()
    assert loans_in(target) == ["GD-2026-0001", "GD-2026-0002"]
    assert loans_in(result.kept_aside) == ["GD-2026-0001"]
    reopened = open_database(url)
    try:
        assert audit.verify(reopened).ok
        last = audit.recent(reopened, 1)[0]
        assert (last.action, last.actor, last.entity_type) == ("restore", "os:tester", "database")
    finally:
        reopened.dispose()


def _newer_schema(path: Path, good: Path) -> None:
    path.write_bytes(good.read_bytes())
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()


def _foreign_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    con.commit()
    con.close()


def _workbook(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p, good: None, "does not exist"),
        (lambda p, good: p.write_text("loan,amount\nGD-1,100\n"), "not a SQLite database"),
        (lambda p, good: _workbook(p), "not a SQLite database"),
        (lambda p, good: p.write_bytes(b""), "not a SQLite database"),
        (lambda p, good: p.write_bytes(good.read_bytes()[:5000]), "damaged|not a GreenDesk"),
        (lambda p, good: _foreign_sqlite(p), "not a GreenDesk database"),
        (_newer_schema, "newer than this GreenDesk"),
    ],
    ids=["missing", "csv", "xlsx", "empty", "truncated", "other-app", "newer-schema"],
)
def test_restore_refuses_a_bad_file_and_changes_nothing(
    db: Database, tmp_path: Path, make: object, message: str
) -> None:
    good = tmp_path / "good.db"
    backup.backup(db, good)
    url = str(db.engine.url)
    db.dispose()
    target = Path(db.engine.url.database or "")
    before = target.read_bytes()
    candidate = tmp_path / "candidate.db"
    make(candidate, good)  # type: ignore[operator]
    with pytest.raises(UserError, match=message):
        backup.restore(url, candidate)
    assert target.read_bytes() == before
    assert not list(tmp_path.glob("*.before-restore-*"))


def test_restore_over_a_damaged_database_keeps_it_byte_for_byte(
    db: Database, tmp_path: Path
) -> None:
    saved = tmp_path / "saved.db"
    backup.backup(db, saved)
    url = str(db.engine.url)
    db.dispose()
    target = Path(db.engine.url.database or "")
    Path(f"{target}-wal").unlink(missing_ok=True)
    garbage = b"SQLite format 3\x00" + b"\xff" * 8000
    target.write_bytes(garbage)
    result = backup.restore(url, saved, "os:tester")
    assert result.kept_aside is not None and result.kept_aside.read_bytes() == garbage
    assert loans_in(target) == ["GD-2026-0001", "GD-2026-0002"]


def test_daily_backup_rotation(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "auto"
    start = date(2026, 11, 1)
    for i in range(10):
        made = backup.auto_backup(db, folder, keep=3, today=start + timedelta(days=i))
        assert made is not None and made.exists()
    assert backup.auto_backup(db, folder, keep=3, today=start + timedelta(days=9)) is None
    (folder / "notes.txt").write_text("not a backup")
    backup.auto_backup(db, folder, keep=3, today=start + timedelta(days=10))
    assert sorted(p.name for p in folder.iterdir()) == [
        "greendesk-2026-11-09.db",
        "greendesk-2026-11-09.db.manifest.json",
        "greendesk-2026-11-10.db",
        "greendesk-2026-11-10.db.manifest.json",
        "greendesk-2026-11-11.db",
        "greendesk-2026-11-11.db.manifest.json",
        "notes.txt",
    ]
    assert backup.check_backup(folder / "greendesk-2026-11-11.db").loans == 2
    beside = backup.default_backup_folder(db)
    assert beside == Path(db.engine.url.database or "").parent / "backups"


def test_backup_refuses_postgresql_and_bad_targets(
    pg_url: str, db: Database, tmp_path: Path
) -> None:
    pg = open_database(pg_url)
    try:
        with pytest.raises(UserError, match="pg_dump"):
            backup.backup(pg, tmp_path / "x.db")
    finally:
        pg.dispose()
    with pytest.raises(UserError, match="is a folder"):
        backup.backup(db, tmp_path)
    with pytest.raises(UserError, match="does not exist"):
        backup.backup(db, tmp_path / "no" / "such" / "x.db")
    with pytest.raises(UserError, match="the database itself"):
        backup.backup(db, Path(db.engine.url.database or ""))


def test_cli_backup_and_restore(
    db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GREENDESK_PASSWORD", PASSWORD)
    url = str(db.engine.url)
    copy = tmp_path / "cli-copy.db"

    @dataclass
    class Ran:
        returncode: int
        stdout: str
        stderr: str

    def run(*args: str) -> Ran:
        admin = [] if "--check-only" in args else ["--as", "admin"]
        code = greendesk_main([*args, *admin, "--db", url])
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    made = run("backup", str(copy))
    assert made.returncode == 0, made.stderr
    assert "2 loans" in made.stdout
    checked = run("restore", "--check-only", str(copy))
    assert checked.returncode == 0 and "sound GreenDesk backup" in checked.stdout
    not_one = tmp_path / "portfolio.xlsx"
    _workbook(not_one)
    refused = run("restore", str(not_one))
    assert refused.returncode == 2
    assert "not a SQLite database" in refused.stderr
    with db.session(write=True) as session:
        session.add(Borrower(name="新增", credit_code="91650000MA77TEST3A"))
    db.dispose()
    restored = run("restore", str(copy))
    assert restored.returncode == 0, restored.stderr
    assert "kept as" in restored.stdout
    again = open_database(url)
    try:
        with again.session() as session:
            assert session.execute(select(func.count(Borrower.id))).scalar_one() == 2
    finally:
        again.dispose()
