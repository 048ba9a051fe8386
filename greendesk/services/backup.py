"""Backups and restores of the SQLite store, safe while the application is open.

``backup`` uses SQLite's online backup API, so the copy is consistent even while other desks or
windows write; it is written to a temporary file and renamed into place, so a half-written backup
never carries the final name. ``restore`` checks the file first (is SQLite, passes
``integrity_check``, is a GreenDesk database, its schema is not newer than this code), then takes
the database exclusively — refusing while another process has it open — and only then keeps the
current database aside and writes the backup into it, so no acknowledged write is lost.
``auto_backup`` keeps one backup a day and deletes the oldest beyond ``keep``.

PostgreSQL servers are backed up with the server's own tools (``pg_dump``); see the README.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import time
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import make_url, update
from sqlalchemy.exc import OperationalError

from greendesk.domain.audit_chain import Anchor
from greendesk.domain.errors import UserError
from greendesk.domain.roles import SYSTEM, Action, Principal
from greendesk.services import anchors, audit, evidence_files
from greendesk.services.backup_trail import Trail, check_trail
from greendesk.store import migrate
from greendesk.store.database import (
    APPLICATION,
    SQLITE_HEADER,
    Database,
    DatabaseBusy,
    is_busy,
    open_database,
)
from greendesk.store.models import AppMeta

_log = logging.getLogger(__name__)
AUTO_PATTERN = re.compile(r"greendesk-(\d{4}-\d{2}-\d{2})\.db")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    revision: str
    loans: int
    audit_events: int
    audited: bool = True  # False: the database was too busy to record the backup


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    database: Path
    kept_aside: Path | None
    info: BackupInfo


def _sqlite_path(url: str) -> Path:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise UserError(
            "backup: GreenDesk backs up SQLite stores; back up a PostgreSQL server with "
            "pg_dump (see the README)"
        )
    if parsed.database in (None, "", ":memory:"):
        raise UserError("backup: an in-memory database has no file to back up or restore")
    return Path(parsed.database or "").expanduser().absolute()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy_online(source: sqlite3.Connection, target: Path) -> None:
    """Copy ``source`` into ``target`` atomically: temp file, backup API, fsync, rename."""
    tmp = target.with_name(f".{target.name}.partial-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    try:
        dest = sqlite3.connect(tmp)
        try:
            source.backup(dest)
            # A backup is a self-contained file: no WAL beside it.
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        _fsync(tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def _check_target(path: Path) -> Path:
    path = path.expanduser().absolute()
    if path.is_dir():
        raise UserError(f"backup: {path} is a folder; give a file name")
    if not path.parent.is_dir():
        raise UserError(f"backup: the folder {path.parent} does not exist")
    if not os.access(path.parent, os.W_OK):
        raise UserError(f"backup: the folder {path.parent} is not writable")
    return path


def backup(db: Database, path: Path | str, actor: Principal | None = None) -> BackupInfo:
    """A consistent copy of the open SQLite database at ``path`` (replaced if it exists).

    ``actor`` must be an administrator (None: GreenDesk's own daily backup); each backup is
    audited in the database it copies.
    """
    audit.require(db, actor or SYSTEM, Action.BACKUP)
    source = _sqlite_path(db.url)
    target = _check_target(Path(path))
    if target == source:
        raise UserError("backup: the backup file cannot be the database itself")
    raw = db.engine.raw_connection()
    try:
        conn = raw.driver_connection
        assert isinstance(conn, sqlite3.Connection)
        _copy_online(conn, target)
    finally:
        raw.close()
    evidence_files.carry_files(source, target)  # the documents' files travel with the database
    info = check_backup(target)
    _write_manifest(info)
    try:
        with db.session(write=True) as session:
            audit.record(
                session,
                actor or SYSTEM,
                "backup",
                ("database", source.name),
                None,
                {"to": str(target), "loans": info.loans, "audit_events": info.audit_events},
            )
    except (OperationalError, DatabaseBusy):
        # Another desk held the write lock past the busy timeout: the copy is sound and kept;
        # only its record is missing, and the caller says so.
        _log.warning("backup to %s made, but not recorded in the busy audit trail", target)
        return replace(info, audited=False)
    return info


def _write_manifest(info: BackupInfo) -> None:
    """The backup's audit head (read from the copy itself) goes into its manifest."""
    con = sqlite3.connect(f"{info.path.as_uri()}?mode=ro", uri=True)
    try:
        keys = (audit.HEAD_KEY, anchors.DATABASE_ID_KEY)
        meta = dict(con.execute("SELECT key, value FROM app_meta WHERE key IN (?, ?)", keys))
    finally:
        con.close()
    head = Anchor.parse(meta[audit.HEAD_KEY]) if audit.HEAD_KEY in meta else None
    details = {"schema": info.revision, "loans": info.loans, "audit_events": info.audit_events}
    anchors.write_manifest(info.path, meta.get(anchors.DATABASE_ID_KEY, ""), head, details)


def check_backup(path: Path | str) -> BackupInfo:
    """Refuse anything that is not a sound GreenDesk database this code can open."""
    path = Path(path).expanduser().absolute()
    if not path.is_file():
        raise UserError(f"restore: {path} does not exist or is not a file")
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise UserError(f"restore: {path} is not a SQLite database (not a GreenDesk backup)")
    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise UserError(f"restore: {path} cannot be opened ({exc})") from None
    try:
        try:
            problems = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
        except sqlite3.DatabaseError as exc:
            raise UserError(f"restore: {path} is damaged ({exc})") from None
        if problems != ["ok"]:
            raise UserError(f"restore: {path} is damaged (integrity check: {problems[0]})")
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        application = None
        if "app_meta" in tables:
            row = con.execute("SELECT value FROM app_meta WHERE key = 'application'").fetchone()
            application = row[0] if row else None
        if application != APPLICATION or migrate.VERSION_TABLE not in tables:
            raise UserError(f"restore: {path} is not a GreenDesk database")
        row = con.execute(f"SELECT version_num FROM {migrate.VERSION_TABLE}").fetchone()
        revision = row[0] if row else ""
        if not migrate.is_known_revision(revision):
            raise UserError(
                f"restore: {path} has schema revision {revision}, newer than this GreenDesk "
                f"(latest {migrate.head_revision()}); update GreenDesk first"
            )
        loans = con.execute("SELECT count(*) FROM loans").fetchone()[0]
        events = con.execute("SELECT count(*) FROM audit_events").fetchone()[0]
    finally:
        con.close()
    return BackupInfo(path, path.stat().st_size, revision, int(loans), int(events))


OPEN_ELSEWHERE = (
    "restore: {where} is open in another process (a GreenDesk window or command on this or "
    "another desk); close it everywhere and try again — nothing was changed"
)
EXCLUSIVE_TRIES_SECONDS = 5  # a short command finishing meanwhile is waited for, a window is not


def _take_exclusively(path: Path) -> sqlite3.Connection | None:
    """A connection holding ``path`` exclusively: no other process can read or write it.

    Leaving WAL mode needs every other connection closed, so it is the test that nobody else
    has the file open; EXCLUSIVE locking mode then keeps the lock until we close. Tried for a
    few seconds, then refused. None for a file that is not a readable database (damaged).
    """
    con = sqlite3.connect(path, isolation_level=None, timeout=0)
    deadline = time.monotonic() + EXCLUSIVE_TRIES_SECONDS
    try:
        while True:
            try:
                mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            except sqlite3.OperationalError as exc:
                if not is_busy(exc):
                    raise
                mode = "busy"
            if mode == "delete":
                break
            if time.monotonic() > deadline:
                raise UserError(OPEN_ELSEWHERE.format(where=path))
            time.sleep(0.02)
        con.execute("PRAGMA locking_mode=EXCLUSIVE")
        con.execute("BEGIN EXCLUSIVE")  # in EXCLUSIVE mode the lock outlives the COMMIT
        con.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        con.close()
        if isinstance(exc, sqlite3.OperationalError) and is_busy(exc):
            raise UserError(OPEN_ELSEWHERE.format(where=path)) from None
        return None
    except BaseException:
        con.close()
        raise
    return con


def _aside_name(path: Path, now: datetime) -> Path:
    return path.with_name(f"{path.name}.before-restore-{now.strftime('%Y%m%dT%H%M%SZ')}")


def _keep_damaged(path: Path, aside: Path) -> None:
    """A damaged database (often the reason for restoring) is kept byte for byte."""
    shutil.copy2(path, aside)
    wal = Path(f"{path}-wal")
    if wal.exists():
        shutil.copy2(wal, Path(f"{aside}-wal"))


def _replace_damaged(target: Path, info: BackupInfo) -> None:
    """Swap a damaged file (nobody can be using it) for a copy of the backup."""
    staged = target.with_name(f".{target.name}.restoring-{os.getpid()}")
    try:
        source = sqlite3.connect(f"{info.path.as_uri()}?mode=ro", uri=True)
        try:
            _copy_online(source, staged)
        finally:
            source.close()
        # The old WAL belongs to the old file: left beside the new one it would corrupt it.
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(staged, target)
    finally:
        staged.unlink(missing_ok=True)


def _swap_in(target: Path, info: BackupInfo, now: datetime) -> Path | None:
    """Keep the current database aside and write the backup into it, holding it exclusively.

    Every write another process had committed is in the copy kept aside; every later write waits
    for the lock and lands in the restored database. The backup is written into the same file
    (SQLite's backup API, one journaled transaction), never renamed over it, so a process that
    opened the file meanwhile cannot be left writing to a replaced one.
    """
    if not target.exists():
        _replace_damaged(target, info)  # nothing to keep, nobody to wait for
        return None
    aside = _aside_name(target, now)
    held = _take_exclusively(target)
    if held is None:
        _keep_damaged(target, aside)
        _replace_damaged(target, info)
        return aside
    try:
        _copy_online(held, aside)
        source = sqlite3.connect(f"{info.path.as_uri()}?mode=ro", uri=True)
        try:
            source.backup(held)
        finally:
            source.close()
        _fsync(target)
    finally:
        held.close()  # the lock goes; the next connection switches the file back to WAL
    return aside


def restore(
    db_url: str,
    path: Path | str,
    actor: Principal | str | None = None,
    *,
    now: datetime | None = None,
    force_reason: str | None = None,
) -> RestoreResult:
    """Replace the SQLite database at ``db_url`` by the backup ``path``, after checking it.

    Close the database everywhere first (the window disposes its engine before calling this):
    while another process has it open the restore is refused and nothing changes.
    The replaced database is kept as ``<name>.before-restore-<UTC time>``. ``actor`` is the
    logged-in administrator in the window, or a name such as ``os:<login>`` from the command
    line (whose authority is access to the file itself); the restore is audited in the
    restored database, which gets a new ``database_id`` (a new line of history for its anchors).

    A file whose audit trail cannot be trusted (``backup_trail.check_trail``) is refused unless
    a logged-in administrator gives ``force_reason``, which the audit event records.
    """
    if isinstance(actor, Principal):
        actor.require(Action.RESTORE)
    target = _sqlite_path(db_url)
    info = check_backup(path)
    if info.path == target:
        raise UserError("restore: that file is the database itself")
    if not target.parent.is_dir():
        raise UserError(f"restore: the folder {target.parent} does not exist")
    trail = check_trail(info.path)
    reason = _forced(trail, info.path, actor, force_reason)
    aside = _swap_in(target, info, now or datetime.now(UTC))
    evidence_files.carry_files(info.path, target)
    db = open_database(f"sqlite:///{target}")  # migrates an older backup to this schema
    try:
        with db.session(write=True) as session:
            session.execute(
                update(AppMeta)
                .where(AppMeta.key == anchors.DATABASE_ID_KEY)
                .values(value=str(uuid.uuid4()))
            )
            audit.record(
                session,
                actor or SYSTEM,
                "restore",
                ("database", target.name),
                None,
                {
                    "from": str(info.path),
                    "kept_aside": str(aside) if aside else None,
                    "loans": info.loans,
                    "audit_events": info.audit_events,
                    "backup_database_id": trail.database_id,
                    "backup_audit_head": trail.head.text() if trail.head else None,
                    "forced": reason,
                    "trail_problem": trail.problem,
                },
            )
    finally:
        db.dispose()
    return RestoreResult(info.path, target, aside, info)


FORCE_LIMIT = 500


def _forced(
    trail: Trail, path: Path, actor: Principal | str | None, force_reason: str | None
) -> str | None:
    """Refuse an untrusted trail, unless an administrator forces it with a reason."""
    reason = (force_reason or "").strip()
    if trail.problem is None:
        return reason or None
    if not reason:
        raise UserError(
            f"restore: {path}: {trail.problem}; nothing was changed — an administrator can "
            "restore it anyway by giving a reason (--force-reason TEXT), which is audited"
        )
    if not isinstance(actor, Principal):
        raise UserError("force_reason: an administrator must be logged in (--as NAME)")
    if len(reason) > FORCE_LIMIT or not reason.isprintable():
        raise UserError(f"force_reason: at most {FORCE_LIMIT} printable characters, one line")
    return reason


def default_backup_folder(db: Database) -> Path:
    """Where the automatic daily backups go: ``backups/`` beside the SQLite file."""
    return _sqlite_path(db.url).parent / "backups"


def auto_backup(
    db: Database, folder: Path | str, keep: int = 7, today: date | None = None
) -> Path | None:
    """Today's automatic backup (once a day) in ``folder``; keep the newest ``keep`` of them.

    Returns the new file, or None when today's backup already exists.
    """
    if keep < 1:
        raise UserError("auto_backup.keep: at least 1")
    folder = Path(folder).expanduser().absolute()
    folder.mkdir(parents=True, exist_ok=True)
    day = today or datetime.now(UTC).date()
    target = folder / f"greendesk-{day.isoformat()}.db"
    created: Path | None = None
    if not target.exists():
        backup(db, target)
        created = target
    dated = sorted(
        (m.group(1), p) for p in folder.iterdir() if (m := AUTO_PATTERN.fullmatch(p.name))
    )
    for _day, old in dated[:-keep]:
        old.unlink()
        anchors.manifest_path(old).unlink(missing_ok=True)
        shutil.rmtree(evidence_files.evidence_folder_of(old).parent, ignore_errors=True)
    return created
