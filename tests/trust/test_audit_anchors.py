"""The audit chain's head kept outside the database it protects (issue 11, point 6).

Wiping or truncating the trail together with its head row used to verify as "OK, 0 events". The
head now also lives in the user's data folder, in every backup's manifest and on every credit
memo; ``audit verify`` compares with them and ``restore`` refuses a file that is behind them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select, text

from greendesk.cli import main as greendesk_main
from greendesk.domain.audit_chain import Anchor, ExternalAnchor
from greendesk.domain.errors import UserError
from greendesk.reporting.memo import render_memo
from greendesk.services import anchors, audit, backup
from greendesk.services.reports import memo_data
from greendesk.services.seeding import seed_demo
from greendesk.store.database import Database, open_database
from greendesk.store.models import Loan
from tests.trust.conftest import PASSWORD, Team, build_team, make_loan

WIPE = ("DELETE FROM audit_events", "DELETE FROM app_meta WHERE key = 'audit_head'")


def run_sql(db: Database, *statements: str) -> None:
    """Tampering with a generic tool: plain SQL, outside GreenDesk's services."""
    with db.engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))


def truncate_to(db: Database, keep: int) -> None:
    """Delete the newest events and move the head row back, so the rest verifies on its own."""
    with db.engine.begin() as conn:
        digest = conn.execute(
            text("SELECT hash FROM audit_events WHERE seq = :k"), {"k": keep}
        ).scalar_one()
        conn.execute(text("DELETE FROM audit_events WHERE seq > :k"), {"k": keep})
        conn.execute(
            text("UPDATE app_meta SET value = :v WHERE key = 'audit_head'"),
            {"v": Anchor(keep, digest).text()},
        )


def test_wiping_the_live_trail_and_its_head_is_caught(
    database: Database, team: Team, capsys: pytest.CaptureFixture[str]
) -> None:
    make_loan(database, team.officer)
    before = audit.verify(database)
    assert before.ok and before.events > 0
    assert any("audit-anchors" in source for source in before.checked)
    run_sql(database, *WIPE)
    result = audit.verify(database)
    assert not result.ok
    assert result.kind == "truncated" and result.bad_seq == 1
    assert f"#{before.events}" in result.message and "ends at #0" in result.message
    code = greendesk_main(["audit", "verify", "--db", str(database.engine.url)])
    assert code == 1
    assert "truncated" in capsys.readouterr().err


def test_truncating_the_newest_events_with_their_head_is_caught(
    database: Database, team: Team
) -> None:
    make_loan(database, team.officer)
    events = audit.verify(database).events
    truncate_to(database, events - 2)
    result = audit.verify(database)
    assert not result.ok and result.kind == "truncated"
    assert result.bad_seq == events - 1


def test_deleting_the_identity_record_is_caught(database: Database, team: Team) -> None:
    make_loan(database, team.officer)
    run_sql(database, "DELETE FROM app_meta WHERE key = 'database_id'", *WIPE)
    result = audit.verify(database)
    assert not result.ok and result.kind == "identity"


def test_the_memo_carries_the_head_and_verify_checks_it_with_anchor(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_demo(database)
    with database.session() as session:
        reference = session.scalars(select(Loan.reference).order_by(Loan.id)).first()
    assert reference is not None
    data = memo_data(database, reference, lang="en")
    head = data.audit_head
    stored = audit.head(database)
    assert head is not None and stored is not None and head == (stored.seq, stored.hash)
    pdf = tmp_path / "memo.pdf"
    pages = render_memo(data, pdf, lang="en")
    printed = [page.extract_text() for page in PdfReader(pdf).pages]
    assert len(printed) == pages
    assert all(f"Audit chain head #{head[0]} · {head[1]}" in page for page in printed)
    # the data folder's anchor is gone too: only the memo still knows the head
    database_id = audit.database_id(database)
    assert database_id is not None
    (anchors.anchors_folder() / f"{database_id}.json").unlink()
    run_sql(database, *WIPE)
    assert audit.verify(database).ok  # nothing outside left to compare with
    memo = ExternalAnchor(Anchor(*head), "the credit memo")
    assert audit.verify(database, [memo]).kind == "truncated"
    url = str(database.engine.url)
    assert greendesk_main(["audit", "verify", "--db", url, "--anchor", f"{head[0]}:{head[1]}"]) == 1
    assert greendesk_main(["audit", "verify", "--db", url, "--anchor", "12:notahash"]) == 2
    capsys.readouterr()


@pytest.fixture
def db(sqlite_url: str, password_hash: str) -> Iterator[tuple[Database, Team]]:
    database = open_database(sqlite_url)
    team = build_team(database, password_hash)
    make_loan(database, team.officer)
    yield database, team
    database.dispose()


def tamper_file(path: Path, *statements: str) -> None:
    con = sqlite3.connect(path)
    for statement in statements:
        con.execute(statement)
    con.commit()
    con.close()


def test_every_backup_has_a_manifest_with_the_head(
    db: tuple[Database, Team], tmp_path: Path
) -> None:
    database, _team = db
    info = backup.backup(database, tmp_path / "saved.db")
    manifest = json.loads(anchors.manifest_path(info.path).read_text(encoding="utf-8"))
    copy = open_database(f"sqlite:///{info.path}")
    try:
        head = audit.head(copy)  # the head of the trail the copy holds
    finally:
        copy.dispose()
    assert head is not None
    assert manifest["audit_head"] == {"seq": head.seq, "hash": head.hash}
    live = audit.head(database)  # the live trail has one event more: the backup itself
    assert live is not None and live.seq == head.seq + 1
    assert manifest["database_id"] == audit.database_id(database)
    folder = tmp_path / "auto"
    made = backup.auto_backup(database, folder, keep=1)
    assert made is not None and anchors.manifest_path(made).is_file()


def test_restore_refuses_a_backup_whose_trail_was_wiped_unless_forced(
    db: tuple[Database, Team], tmp_path: Path
) -> None:
    database, team = db
    saved = tmp_path / "saved.db"
    backup.backup(database, saved)
    anchors.manifest_path(saved).unlink()  # even without its manifest
    tamper_file(saved, *WIPE)
    url = str(database.engine.url)
    database.dispose()
    target = Path(database.engine.url.database or "")
    before = target.read_bytes()
    with pytest.raises(UserError, match="audit trail was wiped") as refused:
        backup.restore(url, saved, "os:tester")
    assert "--force-reason" in str(refused.value)
    assert target.read_bytes() == before
    with pytest.raises(UserError, match="force_reason: an administrator"):
        backup.restore(url, saved, "os:tester", force_reason="the only copy left")
    result = backup.restore(url, saved, team.admin, force_reason="the only copy left")
    assert result.kept_aside is not None
    restored = open_database(url)
    try:
        verified = audit.verify(restored)
        assert verified.ok, verified.message
        last = audit.recent(restored, 1)[0]
        assert last.action == "restore" and last.actor == "admin"
        assert last.after is not None and last.after["forced"] == "the only copy left"
        assert "wiped" in last.after["trail_problem"]
    finally:
        restored.dispose()


def test_restore_refuses_a_backup_behind_its_manifest(
    db: tuple[Database, Team], tmp_path: Path
) -> None:
    database, _team = db
    saved = tmp_path / "saved.db"
    info = backup.backup(database, saved)
    keep = info.audit_events - 2
    con = sqlite3.connect(saved)
    digest = con.execute("SELECT hash FROM audit_events WHERE seq = ?", (keep,)).fetchone()[0]
    con.close()
    tamper_file(
        saved,
        f"DELETE FROM audit_events WHERE seq > {keep}",
        f"UPDATE app_meta SET value = '{keep}:{digest}' WHERE key = 'audit_head'",
    )
    url = str(database.engine.url)
    database.dispose()
    with pytest.raises(UserError, match=r"behind or differs.*manifest"):
        backup.restore(url, saved, "os:tester")


def test_restoring_an_older_backup_starts_a_new_line_of_anchors(
    db: tuple[Database, Team], tmp_path: Path
) -> None:
    database, team = db
    saved = tmp_path / "saved.db"
    backup.backup(database, saved)
    make_loan(database, team.officer, reference="GD-LATER", credit_code="91650000MA77TEST5C")
    old_id = audit.database_id(database)
    url = str(database.engine.url)
    database.dispose()
    backup.restore(url, saved, "os:tester")  # behind the live anchor: a normal restore
    restored = open_database(url)
    try:
        assert audit.database_id(restored) != old_id
        result = audit.verify(restored)
        assert result.ok, result.message
        assert result.checked  # its own new anchor, written after the restore event
    finally:
        restored.dispose()


def test_cli_restore_names_the_problem_and_needs_an_administrator_to_force(
    db: tuple[Database, Team],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database, team = db
    saved = tmp_path / "saved.db"
    backup.backup(database, saved)
    tamper_file(saved, *WIPE)
    url = str(database.engine.url)
    database.dispose()
    assert greendesk_main(["restore", "--check-only", str(saved)]) == 2
    assert "audit trail was wiped" in capsys.readouterr().err
    # every restore is an administrator's (issue 11 point 4), a forced one included
    assert greendesk_main(["restore", str(saved), "--db", url, "--force-reason", "x"]) == 2
    assert "--as: name the administrator" in capsys.readouterr().err
    monkeypatch.setenv("GREENDESK_PASSWORD", PASSWORD)
    admin = ["--as", team.admin.username]
    assert greendesk_main(["restore", str(saved), "--db", url, *admin]) == 2
    assert "--force-reason" in capsys.readouterr().err
