"""What every workflow action shares: one unit of work that locks the loan and audits its move.

Each action locks the loan row first (SELECT ... FOR UPDATE on PostgreSQL; SQLite's write sessions
hold the database lock), so a vote and a decision, or two officers, cannot interleave. Callers pass
the ``version`` they last saw: if someone else changed the loan since, the action is refused with
"changed by someone else" instead of overwriting.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from greendesk.domain.errors import UserError
from greendesk.domain.roles import Action, Principal
from greendesk.domain.validation import LIMITS
from greendesk.domain.workflow import Status
from greendesk.services import audit
from greendesk.store.database import Database
from greendesk.store.models import Loan


class ConflictError(UserError):
    """Someone else changed the loan since the caller read it; nothing was saved."""


def _conflict(reference: str, seen: int, now: int) -> ConflictError:
    return ConflictError(
        f"loan {reference}: changed by someone else since you opened it (version {seen}, now "
        f"{now}); nothing was saved — reload it and try again"
    )


@contextlib.contextmanager
def unit(db: Database) -> Iterator[Session]:
    """A write unit of work that turns a lost optimistic-lock race into a ConflictError."""
    try:
        with db.session(write=True) as session:
            yield session
    except StaleDataError:
        raise ConflictError(
            "loan: changed by someone else at the same moment; nothing was saved — reload it "
            "and try again"
        ) from None


def lock_loan(session: Session, loan_id: int, expected_version: int | None) -> Loan:
    """The loan row, locked for this unit; a ConflictError if it moved past ``expected_version``."""
    loan = session.get(Loan, loan_id, with_for_update=True, populate_existing=True)
    if loan is None:
        raise UserError(f"loan: no loan with id {loan_id}")
    if expected_version is not None and loan.version != expected_version:
        raise _conflict(loan.reference, expected_version, loan.version)
    return loan


def note(text: str, path: str, *, required: bool) -> str | None:
    """A reason, condition or comment, trimmed and within the note limit (None when empty)."""
    cleaned = text.strip()
    if required and not cleaned:
        raise UserError(f"{path}: required")
    if len(cleaned) > LIMITS["note"]:
        raise UserError(f"{path}: too long (at most {LIMITS['note']} characters)")
    return cleaned or None


def status_event(
    session: Session, actor: Principal, action: Action, loan: Loan, before: Status, **extra: object
) -> None:
    """Audit a loan's move from ``before`` to its current status (and version)."""
    after: dict[str, object] = {"status": loan.status, "version": loan.version, **extra}
    audit.record(
        session,
        actor,
        action.value,
        ("loan", loan.id),
        {"status": before.value, "reference": loan.reference},
        after,
    )
