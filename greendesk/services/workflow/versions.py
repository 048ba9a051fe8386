"""Application versions: approved or declined terms are frozen; a change starts a new version.

Reopening copies the loan, every term, part and pledge into a new draft that points back with
``previous_id``; the old version and its votes stay as they were and stay readable.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy import inspect as sa_inspect

from greendesk.domain.errors import UserError
from greendesk.domain.roles import Action, Principal
from greendesk.domain.workflow import (
    Status,
    WorkflowError,
    check_transition,
    parse_status,
)
from greendesk.services import audit
from greendesk.services.workflow._unit import lock_loan, unit
from greendesk.services.workflow.state import WorkflowState, newer_id, state_in_session
from greendesk.store.database import Database
from greendesk.store.models import Loan

# Children copied into a new version when approved terms are reopened.
_LOAN_PARTS = (
    "drawdowns",
    "custom_principal",
    "ratchet_steps",
    "base_rate_path",
    "kpis",
    "use_of_proceeds",
    "syndicate_shares",
    "pledges",
)


def _copy_row(row: object, skip: set[str]) -> object:
    mapper = sa_inspect(type(row))
    values = {a.key: getattr(row, a.key) for a in mapper.column_attrs if a.key not in skip}
    return type(row)(**values)


@audit.refusals_audited
def reopen(
    db: Database, actor: Principal, loan_id: int, expected_version: int | None = None
) -> WorkflowState:
    """Approved (or declined) terms are frozen: a change starts a new version, as a draft.

    The old version and its votes stay as they were and stay readable; the new row points back
    to it with ``previous_id`` and carries a copy of every term, part and pledge.
    """
    with unit(db) as session:
        old = lock_loan(session, loan_id, expected_version)
        check_transition(Action.REOPEN, parse_status(old.status), actor.role, actor.username)
        if (newer := newer_id(session, old)) is not None:
            raise WorkflowError(
                f"loan {old.reference}: already reopened as a newer version (loan id {newer})"
            )
        top = session.execute(
            select(func.max(Loan.application_version)).where(Loan.reference == old.reference)
        ).scalar_one()
        new = _copy_row(
            old,
            {
                "id",
                "version",
                "previous_id",
                "application_version",
                "status",
                "created_at",
                "updated_at",
                "created_by",
                "updated_by",
            },
        )
        assert isinstance(new, Loan)
        new.previous_id = old.id
        new.application_version = int(top) + 1
        new.status = Status.DRAFT.value
        new.created_by = new.updated_by = actor.username
        for part in _LOAN_PARTS:
            copies = [_copy_row(p, {"id", "loan_id", "version"}) for p in getattr(old, part)]
            setattr(new, part, copies)
        session.add(new)
        session.flush()
        audit.record(
            session,
            actor,
            "reopen",
            ("loan", new.id),
            {
                "from_loan_id": old.id,
                "status": old.status,
                "application_version": old.application_version,
            },
            audit.snapshot(new),
        )
        return state_in_session(session, actor, new)


def latest_loan_id(db: Database, reference: str) -> int:
    """The id of the newest application version with this reference (a user error if none)."""
    with db.session() as session:
        found = session.execute(
            select(Loan.id)
            .where(Loan.reference == reference)
            .order_by(Loan.application_version.desc())
            .limit(1)
        ).scalar_one_or_none()
    if found is None:
        raise UserError(f"loan: no loan with reference {reference!r}")
    return int(found)
