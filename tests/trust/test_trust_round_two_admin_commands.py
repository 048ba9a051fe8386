"""Issue 11, point 4: restore, backup and generate-portfolio need an administrator and are
audited; generate-portfolio refuses a database holding real loans unless --into-existing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from greendesk.cli import main as greendesk_main
from greendesk.domain.errors import UserError
from greendesk.domain.roles import SYSTEM, PermissionDenied
from greendesk.services import audit, auth, backup
from greendesk.services.synthetic import generate_portfolio
from greendesk.store.database import Database, open_database
from tests.trust.conftest import PASSWORD, Team, build_team, make_loan


@dataclass
class Ran:
    code: int
    out: str
    err: str


Runner = Callable[..., Ran]


@pytest.fixture
def desk(sqlite_url: str, password_hash: str) -> str:
    db = open_database(sqlite_url)
    try:
        team = build_team(db, password_hash)
        make_loan(db, team.officer, reference="GD-2026-0001")
    finally:
        db.dispose()
    return sqlite_url


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Runner:
    monkeypatch.setenv("GREENDESK_PASSWORD", PASSWORD)

    def go(*args: str) -> Ran:
        code = greendesk_main(list(args))
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    return go


def _events(url: str) -> list[audit.HistoryRow]:
    db = open_database(url)
    try:
        return audit.recent(db, 200)
    finally:
        db.dispose()


def test_restore_needs_an_administrator_and_is_audited(
    desk: str, run: Runner, tmp_path: Path
) -> None:
    go = run
    copy = tmp_path / "copy.db"
    assert go("backup", str(copy), "--as", "admin", "--db", desk).code == 0
    refused = go("restore", str(copy), "--db", desk)
    assert refused.code == 2 and "--as" in refused.err
    refused = go("restore", str(copy), "--as", "wang", "--db", desk)
    assert refused.code == 2 and "may not restore a backup" in refused.err
    last = _events(desk)[-1]
    assert (last.action, last.actor) == ("refused", "wang")
    assert last.after is not None and last.after["what"] == "restore"
    checked = go("restore", "--check-only", str(copy), "--db", desk)
    assert checked.code == 0  # only reading the file: no log-in needed
    done = go("restore", str(copy), "--as", "admin", "--db", desk)
    assert done.code == 0, done.err
    last = _events(desk)[-1]
    assert (last.action, last.actor) == ("restore", "admin")


def test_restore_into_a_missing_database_says_what_to_do(
    desk: str, run: Runner, tmp_path: Path
) -> None:
    go = run
    copy = tmp_path / "copy.db"
    assert go("backup", str(copy), "--as", "admin", "--db", desk).code == 0
    missing = tmp_path / "nowhere.db"
    ran = go("restore", str(copy), "--as", "admin", "--db", f"sqlite:///{missing}")
    assert ran.code == 2 and "does not exist" in ran.err
    assert not missing.exists()


def test_backup_needs_an_administrator_and_is_audited(
    desk: str, run: Runner, tmp_path: Path
) -> None:
    go = run
    copy = tmp_path / "copy.db"
    ran = go("backup", str(copy), "--db", desk)
    assert ran.code == 2 and "--as" in ran.err and not copy.exists()
    ran = go("backup", str(copy), "--as", "li", "--db", desk)
    assert ran.code == 2 and "may not back up" in ran.err and not copy.exists()
    ran = go("backup", str(copy), "--as", "admin", "--db", desk)
    assert ran.code == 0, ran.err
    last = _events(desk)[-1]
    assert (last.action, last.actor, last.entity_type) == ("backup", "admin", "database")
    assert last.after is not None and last.after["to"] == str(copy)


def test_backup_service_refuses_other_roles(desk: str, tmp_path: Path) -> None:
    db = open_database(desk)
    try:
        officer = auth.authenticate(db, "wang", PASSWORD)
        with pytest.raises(PermissionDenied):
            backup.backup(db, tmp_path / "x.db", officer)
    finally:
        db.dispose()
    assert not (tmp_path / "x.db").exists()


def test_generate_portfolio_needs_an_administrator_and_refuses_real_loans(
    desk: str, run: Runner
) -> None:
    go = run
    args = ("generate-portfolio", "--loans", "20", "--seed", "4", "--db", desk)
    ran = go(*args)
    assert ran.code == 2 and "--as" in ran.err
    ran = go(*args, "--as", "wang")
    assert ran.code == 2 and "may not" in ran.err
    ran = go(*args, "--as", "admin")
    assert ran.code == 2 and "1 real loan" in ran.err and "--into-existing" in ran.err
    ran = go(*args, "--as", "admin", "--into-existing")
    assert ran.code == 0, ran.err
    last = _events(desk)[-1]
    assert (last.action, last.actor) == ("generate_portfolio", "admin")
    assert last.after is not None and last.after["loans"] == 20 and last.after["seed"] == 4
    # synthetic loans alone are not real loans: another seed needs no --into-existing
    db = open_database(desk)
    try:
        assert generate_portfolio(db, 5, seed=5, actor=SYSTEM, into_existing=True).loans == 5
    finally:
        db.dispose()


def test_generate_portfolio_on_a_database_of_synthetic_loans_only(
    database: Database, team: Team
) -> None:
    generate_portfolio(database, 10, seed=8, actor=team.admin)
    assert generate_portfolio(database, 10, seed=9, actor=team.admin).loans == 10
    with pytest.raises(PermissionDenied):
        generate_portfolio(database, 10, seed=10, actor=team.officer)
    make_loan(database, team.officer, reference="GD-REAL-1")
    with pytest.raises(UserError, match="into-existing"):
        generate_portfolio(database, 10, seed=11, actor=team.admin)


def test_a_backup_while_another_desk_writes_is_kept_and_says_it_was_not_recorded(
    desk: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    # the audit event waits for the other desk and gives up; how long is test_waits' matter
    monkeypatch.setenv("GREENDESK_WRITE_WAIT", "1")
    db = open_database(desk)
    writer = sqlite3.connect(Path(db.engine.url.database or ""), isolation_level=None)
    try:
        admin = auth.authenticate(db, "admin", PASSWORD)
        head = audit.recent(db, 1)[-1].seq
        writer.execute("BEGIN IMMEDIATE")  # another desk's long write holds the lock
        info = backup.backup(db, tmp_path / "busy.db", admin)
        writer.execute("ROLLBACK")
        assert info.loans == 1 and not info.audited
        assert backup.check_backup(tmp_path / "busy.db").loans == 1
        assert audit.recent(db, 1)[-1].seq == head
        assert backup.backup(db, tmp_path / "calm.db", admin).audited
    finally:
        writer.close()
        db.dispose()
