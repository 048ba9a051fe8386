"""What every record service shares: the actor, permission, one write transaction, the lock, audit.

A service validates first, then opens ONE unit of work with :func:`write_unit`; a stale version
(here or caught by SQLAlchemy's version column at flush) becomes :class:`RecordChanged`, a unique
clash becomes a :class:`~greendesk.domain.errors.UserError`, and in either case nothing is kept.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from greendesk.domain.errors import UserError
from greendesk.domain.roles import Action, Principal
from greendesk.services import audit
from greendesk.store.database import Database
from greendesk.store.models import Loan
from greendesk.store.queries import is_current_version

Actor = Principal
"""Who is acting: the signed-in user (or ``roles.SYSTEM`` for GreenDesk's own work)."""


class RecordChanged(UserError):
    """Optimistic lock: the record changed since the editor loaded it; nothing was saved."""


class NotFound(UserError):
    """The record asked for does not exist (deleted meanwhile, or a wrong id)."""


audited_refusals = audit.refusals_audited
"""Every write service wears it: a refused actor leaves an audit event (who, what, why)."""


def permit(actor: Actor, action: Action) -> None:
    """Refuse unless the actor's role allows ``action`` (the window hides it; we refuse anyway)."""
    actor.require(action)


def changed_message(what: str) -> str:
    return (
        f"{what} was changed by someone else since you opened it; nothing was saved — "
        "reload it and make your change again"
    )


@contextlib.contextmanager
def write_unit(db: Database, what: str) -> Iterator[Session]:
    """One write transaction; lock conflicts and unique clashes become user errors."""
    try:
        with db.session(write=True) as session:
            yield session
    except StaleDataError:
        raise RecordChanged(changed_message(what)) from None
    except IntegrityError as exc:
        detail = str(exc.orig).splitlines()[0] if exc.orig is not None else str(exc)
        raise UserError(
            f"{what}: conflicts with a record saved meanwhile ({detail}); nothing was saved"
        ) from None


def check_version(what: str, current: int, expected: int | None) -> None:
    if expected is None:
        raise UserError(f"{what}: expected_version is required to change a record")
    if current != expected:
        raise RecordChanged(changed_message(what))


def get_or_fail(
    session: Session, model: type[Any], record_id: object, what: str, *, lock: bool = False
) -> Any:
    """The row, or a user error naming it; ``lock`` takes its row lock (PostgreSQL) for a write."""
    row = session.get(model, record_id, with_for_update=lock, populate_existing=lock)
    if row is None:
        raise NotFound(f"{what} {record_id} does not exist (deleted by someone else?)")
    return row


def current_loan(session: Session, reference: str) -> Loan:
    """The current version of the loan, or a UserError naming the reference typed."""
    text = (reference or "").strip()
    loan = session.scalars(
        select(Loan).where(Loan.reference == text, is_current_version())
    ).one_or_none()
    if loan is None:
        raise UserError(f"loan: no loan with reference {text!r}")
    return loan


def snapshot(row: Any, names: Iterable[str]) -> dict[str, Any]:
    """The named attributes of an ORM row as a JSON-safe dict (the audit's before/after)."""
    return {name: audit.to_jsonable(getattr(row, name)) for name in names}


def record_event(
    session: Session,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: object,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    """Append the audit event in the same transaction as the change."""
    audit.record(session, actor, action, (entity_type, entity_id), before, after)


def stored(session: Session) -> None:
    """Write pending changes and forget the in-memory values, so the audit's ``after`` and the
    returned record show what the database really holds (e.g. ``0.60`` kept as ``0.6``)."""
    session.flush()
    session.expire_all()


def assign(row: Any, values: dict[str, Any]) -> None:
    for name, value in values.items():
        setattr(row, name, value)


def sync_children(
    session: Session, children: list[Any], rows: list[dict[str, Any]], make: type[Any]
) -> None:
    """Make ``children`` hold ``rows`` (by position): update in place, add, remove the rest.

    Updating in place keeps the (loan_id, seq) keys stable, so no insert clashes with a row that
    the same flush is about to delete.
    """
    for child, values in zip(children, rows, strict=False):
        assign(child, values)
    for values in rows[len(children) :]:
        children.append(make(**values))
    for child in children[len(rows) :]:
        children.remove(child)
        session.delete(child)
