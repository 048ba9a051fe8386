"""The audit trail: one ``record`` call per change, in the same transaction as the change.

Every service that changes borrowers, projects, loans, pledges, prices, rates, users or decisions
calls ``record(session, actor, action, entity, before, after)`` before its unit of work commits, so
the change and its event are saved together or not at all. Events form a SHA-256 hash chain
(``greendesk.domain.audit_chain``); the chain head is kept in ``app_meta`` under ``audit_head``,
and taking that row's lock first serialises appends across processes and desks.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import BindParameter, Table, event, make_url, select, text, update
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from greendesk.domain.audit_chain import (
    GENESIS,
    Anchor,
    ChainEvent,
    ExternalAnchor,
    VerifyResult,
    canonical_json,
    check_external,
    event_payload,
    hash_payload,
    utc_text,
    verify_chain,
)
from greendesk.domain.roles import Action, Principal, Refused
from greendesk.domain.validation import LIMITS
from greendesk.services import anchors
from greendesk.store.database import (
    QUIET_WAIT_MS,
    Database,
    describe_url,
    is_busy,
    notify_wait,
    waiting_text,
    write_wait_seconds,
)
from greendesk.store.models import AppMeta, AuditEvent, Loan

HEAD_KEY = "audit_head"
_META: Table = AppMeta.__table__  # type: ignore[assignment]

# Entity types used in the trail; parts of a loan carry the loan's id as ``loan_id`` in their
# snapshots, so a loan's history gathers them too.
ENTITY_TYPES = (
    "borrower",
    "project",
    "loan",
    "pledge",
    "price",
    "rate",
    "user",
    "vote",
    "decision",
    "settings",
    "database",
    "calendar",
)
LOAN_PART_TYPES = ("pledge", "vote", "decision")

Snapshot = Mapping[str, Any]
Entity = tuple[str, object]


def to_jsonable(value: Any) -> Any:
    """A value as JSON data: Decimal as exact text, dates ISO, instants UTC, enums by value."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return utc_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return to_jsonable(value.value)
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, float):
        raise TypeError("a float cannot go into the audit trail; use Decimal")
    raise TypeError(f"cannot put {type(value).__name__} into the audit trail")


def snapshot(row: object, *, exclude: Sequence[str] = ()) -> dict[str, Any]:
    """The column values of an ORM row as JSON data (for ``before``/``after``).

    Password hashes are never copied into the trail.
    """
    mapper = sa_inspect(type(row))
    skip = {"password_hash", *exclude}
    return {
        attr.key: to_jsonable(getattr(row, attr.key))
        for attr in mapper.column_attrs
        if attr.key not in skip
    }


def _actor_name(actor: Principal | str) -> str:
    name = actor.username if isinstance(actor, Principal) else actor
    if not name or len(name) > LIMITS["actor"]:
        raise ValueError(f"audit actor {name!r} is empty or too long")
    return name


def _dump(data: Snapshot | None) -> str | None:
    return None if data is None else canonical_json(to_jsonable(data))


def event_loan_id(
    entity_type: str, entity_id: object, before: Snapshot | None, after: Snapshot | None
) -> int | None:
    """The loan an event belongs to: a loan's own id, or the ``loan_id`` in a part's snapshot."""
    if entity_type == "loan":
        text = str(entity_id) if entity_id is not None else ""
        return int(text) if text.isdigit() else None
    if entity_type in LOAN_PART_TYPES:
        for data in (after, before):
            value = None if data is None else data.get("loan_id")
            if isinstance(value, int) and not isinstance(value, bool):
                return value
    return None


def _lock_head(session: Session) -> Anchor:
    """Lock the chain head row (creating it empty on first use) and return the anchor it holds.

    The insert-if-missing cannot race (ON CONFLICT DO NOTHING waits for a concurrent insert), and
    the no-op UPDATE takes the row lock on PostgreSQL; SQLite's write sessions already hold the
    database's write lock.
    """
    table = _META
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    exists = session.execute(select(table.c.key).where(table.c.key == HEAD_KEY)).first()
    if exists is None:  # (a plain read: an insert would already wait for a writer's row lock)
        session.execute(
            insert(table)
            .values(key=HEAD_KEY, value=Anchor(0, GENESIS).text())
            .on_conflict_do_nothing(index_elements=["key"])
        )
    _lock_head_row(session, dialect)
    value = session.execute(select(table.c.value).where(table.c.key == HEAD_KEY)).scalar_one()
    anchor = Anchor.parse(value)
    if anchor is None:
        raise RuntimeError(f"app_meta.{HEAD_KEY} is damaged: {value!r}")
    return anchor


def _lock_head_row(session: Session, dialect: str) -> None:
    """The no-op UPDATE that locks the head row; on PostgreSQL a wait for another desk's write
    is announced (``notify_wait``) and bounded by the write session's ``lock_timeout``."""
    table = _META
    touch = update(table).where(table.c.key == HEAD_KEY).values(value=table.c.value)
    if dialect != "postgresql":
        session.execute(touch)
        return
    try:
        with session.begin_nested():  # a refused quick try rolls back to here, not further
            session.execute(text(f"SET LOCAL lock_timeout = '{QUIET_WAIT_MS}ms'"))
            session.execute(touch)
        return
    except OperationalError as exc:
        if not is_busy(exc):
            raise
    # the savepoint's rollback restored the session's own lock_timeout (the wait limit)
    notify_wait(waiting_text(describe_url(session.get_bind().engine.url), write_wait_seconds()))
    session.execute(touch)


def record(
    session: Session,
    actor: Principal | str,
    action: str,
    entity: Entity,
    before: Snapshot | None,
    after: Snapshot | None,
    *,
    at: datetime | None = None,
) -> int:
    """Append one event to the chain inside ``session``'s transaction; return its sequence number.

    ``entity`` is ``(entity_type, entity_id)``; the session is flushed first, so a new row's id
    is known. ``before`` is None for a creation, ``after`` None for a deletion. Call it inside
    ``db.session(write=True)``: on SQLite that unit holds the write lock from its start, so the
    chain head read here cannot be overtaken by another process.
    """
    entity_type, entity_id = entity
    if entity_type not in ENTITY_TYPES:
        raise ValueError(f"unknown audit entity type {entity_type!r}")
    if len(action) > LIMITS["action"] or not action:
        raise ValueError(f"audit action {action!r} is empty or too long")
    session.flush()  # the change itself goes first, so its errors stop the event too
    anchor = _lock_head(session)
    seq, prev = anchor.seq + 1, anchor.hash
    moment = (at or datetime.now(UTC)).astimezone(UTC)
    actor_name = _actor_name(actor)
    entity_text = None if entity_id is None else str(entity_id)
    before_text, after_text = _dump(before), _dump(after)
    digest = hash_payload(
        event_payload(
            seq, moment, actor_name, action, entity_type, entity_text, before_text, after_text, prev
        )
    )
    session.add(
        AuditEvent(
            seq=seq,
            occurred_at=moment,
            actor=actor_name,
            action=action,
            entity_type=entity_type,
            entity_id=entity_text,
            before_json=before_text,
            after_json=after_text,
            prev_hash=prev,
            hash=digest,
            loan_id=event_loan_id(entity_type, entity_id, before, after),
        )
    )
    session.flush()
    table = _META
    session.execute(
        update(table).where(table.c.key == HEAD_KEY).values(value=Anchor(seq, digest).text())
    )
    if _ID_INFO not in session.info:
        session.info[_ID_INFO] = session.execute(
            select(table.c.value).where(table.c.key == anchors.DATABASE_ID_KEY)
        ).scalar_one_or_none()
    session.info[_HEAD_INFO] = (Anchor(seq, digest), describe_url(session.get_bind().engine.url))
    return seq


_ID_INFO, _HEAD_INFO = "greendesk_database_id", "greendesk_audit_head"


@event.listens_for(Session, "after_commit")
def _anchor_after_commit(session: Session) -> None:
    """Once the events are saved, their head goes to the user's data folder too."""
    if session.in_nested_transaction():
        return  # a savepoint released (SQLAlchemy reports it here too): nothing is saved yet
    head = session.info.pop(_HEAD_INFO, None)
    database_id = session.info.get(_ID_INFO)
    if head is not None and database_id:
        anchors.save_local(database_id, *head)


@event.listens_for(Session, "after_rollback")
def _forget_head(session: Session) -> None:
    session.info.pop(_HEAD_INFO, None)


def chain_event(row: AuditEvent) -> ChainEvent:
    return ChainEvent(
        seq=row.seq,
        occurred_at=row.occurred_at,
        actor=row.actor,
        action=row.action,
        entity_type=row.entity_type,
        entity_id=row.entity_id,
        before=row.before_json,
        after=row.after_json,
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


def verify(db: Database, outside: Sequence[ExternalAnchor] = ()) -> VerifyResult:
    """Check the whole chain, then against every head kept outside the database it can find.

    Those are the user's data folder, the manifests of the backups beside a SQLite file, and
    ``outside`` (e.g. the head printed on a credit memo). The result names the first bad event
    and what happened to it.
    """
    # The outside anchors are read first: each was written after its event committed, so none
    # can be ahead of the snapshot read next (a desk appending meanwhile is not tampering).
    database_id_before = database_id(db)
    found = [*outside, *_outside_anchors(db, database_id_before)] if database_id_before else []
    with db.session() as session:
        if db.dialect == "postgresql":
            # One snapshot for events and head, or a desk appending meanwhile looks like tampering.
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        rows = session.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars()
        events: list[ChainEvent] = []
        for row in rows:
            try:
                events.append(chain_event(row))
            except (TypeError, ValueError) as exc:  # pragma: no cover - defensive
                return VerifyResult(False, len(events), None, row.seq, "edited", str(exc))
        query = select(AppMeta.key, AppMeta.value).where(
            AppMeta.key.in_([HEAD_KEY, anchors.DATABASE_ID_KEY])
        )
        meta = {key: value for key, value in session.execute(query)}
    head_text = meta.get(HEAD_KEY)
    anchor = Anchor.parse(head_text) if head_text is not None else None
    if head_text is not None and anchor is None:
        return VerifyResult(
            False, len(events), None, None, "anchor", "the audit chain head record is damaged"
        )
    result = verify_chain(events, anchor)
    if not result.ok:
        return result
    if not meta.get(anchors.DATABASE_ID_KEY):
        return VerifyResult(
            False,
            len(events),
            result.head,
            None,
            "identity",
            "the database's identity record (app_meta database_id) is missing: it was deleted, "
            "so the heads kept outside the database cannot be found",
        )
    for external in found:
        failure = check_external(events, external, result.head)
        if failure is not None:
            return failure
    return dataclasses.replace(result, checked=tuple(e.source for e in found))


def _outside_anchors(db: Database, database_id: str) -> list[ExternalAnchor]:
    found = [a for a in [anchors.load_local(database_id)] if a is not None]
    url = make_url(db.engine.url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        folder = Path(url.database or "").parent / "backups"
        found.extend(anchors.manifests_in(folder, database_id))
    return found


def database_id(db: Database) -> str | None:
    """The database's identity (app_meta database_id), which names its outside anchors."""
    with db.session() as session:
        return session.execute(
            select(AppMeta.value).where(AppMeta.key == anchors.DATABASE_ID_KEY)
        ).scalar_one_or_none()


def head(db: Database) -> Anchor | None:
    """The chain head as recorded now (printed on memos and written into backup manifests)."""
    with db.session() as session:
        text_value = session.execute(
            select(AppMeta.value).where(AppMeta.key == HEAD_KEY)
        ).scalar_one_or_none()
    return Anchor.parse(text_value) if text_value else None


@dataclass(frozen=True)
class Change:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class HistoryRow:
    """One audit event as the window and the CLI show it."""

    seq: int
    occurred_at: datetime
    actor: str
    action: str
    entity_type: str
    entity_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    changes: tuple[Change, ...]
    hash: str


def _load(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    value = json.loads(text)
    return value if isinstance(value, dict) else {"value": value}


def diff(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> tuple[Change, ...]:
    """The fields whose values differ between two snapshots, in key order."""
    b, a = before or {}, after or {}
    keys = sorted(set(b) | set(a))
    return tuple(Change(k, b.get(k), a.get(k)) for k in keys if b.get(k) != a.get(k))


def _history_row(row: AuditEvent) -> HistoryRow:
    before, after = _load(row.before_json), _load(row.after_json)
    return HistoryRow(
        seq=row.seq,
        occurred_at=row.occurred_at,
        actor=row.actor,
        action=row.action,
        entity_type=row.entity_type,
        entity_id=row.entity_id,
        before=before,
        after=after,
        changes=diff(before, after),
        hash=row.hash,
    )


def mentions_loan(loan_id: int | BindParameter[int], types: Sequence[str] | None = None) -> Any:
    """Events of a loan and of its parts (the indexed ``loan_id`` set when each was written),
    only those of the entity ``types`` when given."""
    condition = AuditEvent.loan_id == loan_id
    return condition if types is None else condition & AuditEvent.entity_type.in_(types)


def history(
    db: Database, entity_type: str, entity_id: object, *, limit: int | None = None
) -> list[HistoryRow]:
    """Events about one entity, oldest first; a loan's history includes its pledges and votes."""
    ident = str(entity_id)
    with db.session() as session:
        condition = (AuditEvent.entity_type == entity_type) & (AuditEvent.entity_id == ident)
        if entity_type == "loan" and isinstance(entity_id, int):
            condition = mentions_loan(entity_id)
        query = select(AuditEvent).where(condition).order_by(AuditEvent.seq)
        if limit is not None:
            query = query.limit(limit)
        return [_history_row(r) for r in session.execute(query).scalars()]


def loan_history(db: Database, reference: str) -> list[HistoryRow]:
    """Every event about every version of the loan ``reference``, oldest first."""
    with db.session() as session:
        ids = list(session.execute(select(Loan.id).where(Loan.reference == reference)).scalars())
    rows: dict[int, HistoryRow] = {}
    for loan_id in ids:
        for row in history(db, "loan", loan_id):
            rows[row.seq] = row
    return [rows[k] for k in sorted(rows)]


def recent(db: Database, limit: int = 100) -> list[HistoryRow]:
    """The newest ``limit`` events, oldest first."""
    with db.session() as session:
        query = select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit)
        rows = [_history_row(r) for r in session.execute(query).scalars()]
    return rows[::-1]


# -- refusals: every failed log-in and every refused action leaves an event (issue 11)

_log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")


def record_refusal(
    db: Database,
    who: Principal | str,
    action: str,
    what: str,
    why: str,
    entity: Entity = ("user", None),
    **extra: object,
) -> None:
    """One event for a refusal — who asked, what, why — in its own transaction.

    The refused work itself rolled back; this must not fail the caller, so a database that
    cannot take the event (locked, read-only) is logged instead.
    """
    role = who.role.value if isinstance(who, Principal) else None
    after: dict[str, object] = {
        "who": who.username if isinstance(who, Principal) else who,
        "what": what,
        "why": why[: LIMITS["note"]],
        **({"role": role} if role else {}),
        **extra,
    }
    try:
        with db.session(write=True) as session:
            record(session, who, action, entity, None, after)
    except Exception:  # the refusal stands; only its record failed
        _log.warning("could not audit the refusal %s of %s", action, after["who"], exc_info=True)


def require(db: Database, actor: Principal, action: Action) -> None:
    """``actor.require(action)``, with a refusal audited (for services that take no actor
    first, such as the restore of a file)."""
    try:
        actor.require(action)
    except Refused as exc:
        record_refusal(db, actor, "refused", exc.what, str(exc), ("user", actor.user_id))
        raise


def refusals_audited(
    fn: Callable[Concatenate[Database, Principal, P], R],
) -> Callable[Concatenate[Database, Principal, P], R]:
    """Wrap a service ``fn(db, actor, ...)``: a ``Refused`` it raises is audited, then re-raised."""

    @functools.wraps(fn)
    def wrapper(db: Database, actor: Principal, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(db, actor, *args, **kwargs)
        except Refused as exc:
            who = ("user", actor.user_id)
            record_refusal(db, actor, "refused", exc.what or fn.__name__, str(exc), who)
            raise

    return wrapper
