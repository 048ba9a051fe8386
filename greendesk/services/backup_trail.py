"""Whether a backup's audit trail can be trusted before it replaces the database.

A restore refuses a file whose chain does not verify, that holds records but no audit event (a
wiped trail), or whose chain is behind or differs from a head recorded outside it: its manifest,
or this desk's anchor for the same database. An administrator can still restore it with a
reason, which the restore's audit event records.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from greendesk.domain.audit_chain import Anchor, ChainEvent, check_external, verify_chain
from greendesk.services import anchors, audit
from greendesk.store.models import AppMeta, AuditEvent, Borrower, Loan, User


@dataclass(frozen=True)
class Trail:
    """A backup file's audit trail: its identity, head and the reason not to trust it (if any)."""

    database_id: str | None
    head: Anchor | None
    events: int
    problem: str | None


def _read(path: Path) -> tuple[list[ChainEvent], dict[str, str], int]:
    def connect() -> sqlite3.Connection:
        return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)

    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)
    try:
        with Session(engine) as session:
            rows = session.scalars(select(AuditEvent).order_by(AuditEvent.seq))
            events = [audit.chain_event(row) for row in rows]
            meta = {
                key: value for key, value in session.execute(select(AppMeta.key, AppMeta.value))
            }
            records = sum(
                session.execute(select(func.count()).select_from(model)).scalar_one()
                for model in (User, Borrower, Loan)
            )
    finally:
        engine.dispose()
    return events, meta, int(records)


def check_trail(path: Path) -> Trail:
    """Read and judge the audit trail of the (already checked) backup file ``path``."""
    events, meta, records = _read(path)
    database_id = meta.get(anchors.DATABASE_ID_KEY)
    head_text = meta.get(audit.HEAD_KEY)
    anchor = Anchor.parse(head_text) if head_text else None

    def trail(problem: str | None) -> Trail:
        return Trail(database_id, anchor, len(events), problem)

    if head_text and anchor is None:
        return trail("its audit chain head record is damaged")
    result = verify_chain(events, anchor)
    if not result.ok:
        return trail(f"its audit trail does not verify ({result.kind}: {result.message})")
    if not events and records:
        return trail(f"it holds {records} records but no audit event: its audit trail was wiped")
    outside = []
    manifest = anchors.read_manifest(path)
    if manifest is not None:
        if database_id and manifest.database_id != database_id:
            return trail(f"it is not the database its manifest {manifest.path} describes")
        if (external := manifest.external()) is not None:
            outside.append(external)
    local = anchors.load_local(database_id) if database_id else None
    last = events[-1].seq if events else 0
    if local is not None and local.anchor.seq <= last:  # an older anchor: its event must match
        outside.append(local)
    for external in outside:
        failure = check_external(events, external, result.head)
        if failure is not None:
            return trail(f"its audit trail is behind or differs from what was recorded outside it "
                         f"({failure.message})")  # fmt: skip
    return trail(None)
