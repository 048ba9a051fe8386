"""Conditions precedent of an approval (放款前提条件): the checklist that gates disbursement.

When the committee's decision is *approved with conditions*, every line of every approving
reviewer's conditions becomes one condition on the loan (:func:`create_for_decision`, called by
``workflow.decide`` in its unit of work). The officer who disburses marks each one satisfied with
the evidence on file (:func:`satisfy`: who and when are recorded, and audited); ``workflow``
refuses to disburse while any is open (:func:`open_texts`), so the window and the CLI obey the
same rule. The memo and the workbook list the open ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from greendesk.domain.errors import UserError
from greendesk.domain.roles import Action, Principal
from greendesk.domain.validation import LIMITS
from greendesk.domain.workflow import APPROVED_STATES, WorkflowError, parse_status
from greendesk.services import audit
from greendesk.store.database import Database
from greendesk.store.models import Loan, LoanCondition
from greendesk.store.types import utcnow


@dataclass(frozen=True)
class ConditionInfo:
    """One condition precedent as the window, the CLI and the reports show it."""

    id: int
    loan_id: int
    position: int
    text: str
    reviewer: str | None
    created_at: datetime
    satisfied_at: datetime | None
    satisfied_by: str | None
    evidence: str | None

    @property
    def satisfied(self) -> bool:
        return self.satisfied_at is not None


_MAX_POSITION = 2**31 - 1  # an INTEGER column: a larger number names no condition


def split_conditions(text: str) -> list[str]:
    """A reviewer's conditions, one per non-blank line (how the vote dialog asks for them)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _info(row: LoanCondition) -> ConditionInfo:
    return ConditionInfo(
        id=row.id,
        loan_id=row.loan_id,
        position=row.position,
        text=row.text,
        reviewer=row.reviewer,
        created_at=row.created_at,
        satisfied_at=row.satisfied_at,
        satisfied_by=row.satisfied_by,
        evidence=row.evidence,
    )


def _rows(session: Session, loan_id: int) -> list[LoanCondition]:
    return list(
        session.execute(
            select(LoanCondition)
            .where(LoanCondition.loan_id == loan_id)
            .order_by(LoanCondition.position)
        ).scalars()
    )


def create_for_decision(
    session: Session, loan: Loan, conditioned: Sequence[tuple[str, str]]
) -> list[ConditionInfo]:
    """Write the conditions of ``(reviewer, conditions text)`` votes on ``loan`` (in session)."""
    start = session.execute(
        select(func.coalesce(func.max(LoanCondition.position), 0)).where(
            LoanCondition.loan_id == loan.id
        )
    ).scalar_one()
    made: list[LoanCondition] = []
    for reviewer, text in conditioned:
        for line in split_conditions(text):
            row = LoanCondition(
                loan_id=loan.id, position=int(start) + len(made) + 1, text=line, reviewer=reviewer
            )
            session.add(row)
            made.append(row)
    session.flush()  # the decide event that follows lists these conditions
    return [_info(r) for r in made]


# Read on every loan selection and workflow step: prepared once, bound per loan.
_ALL = (
    select(*(getattr(LoanCondition, name) for name in ConditionInfo.__dataclass_fields__))
    .where(LoanCondition.loan_id == bindparam("loan_id"))
    .order_by(LoanCondition.position)
)
_OPEN = (
    select(LoanCondition.position, LoanCondition.text)
    .where(LoanCondition.loan_id == bindparam("loan_id"), LoanCondition.satisfied_at.is_(None))
    .order_by(LoanCondition.position)
)


def open_texts(session: Session, loan_id: int) -> list[str]:
    """The conditions of ``loan_id`` not yet satisfied, as ``"N. text"`` lines."""
    rows = session.execute(_OPEN, {"loan_id": loan_id})
    return [f"{position}. {text}" for position, text in rows]


def list_conditions(db: Database, loan_id: int) -> list[ConditionInfo]:
    """Every condition precedent of loan ``loan_id``, in the committee's order."""
    with db.session() as session:
        return conditions_of(session, loan_id)


def conditions_of(session: Session, loan_id: int) -> list[ConditionInfo]:
    """:func:`list_conditions` inside the caller's session."""
    return [ConditionInfo(**row) for row in session.execute(_ALL, {"loan_id": loan_id}).mappings()]


def satisfy(
    db: Database, actor: Principal, loan_id: int, position: int, evidence: str
) -> ConditionInfo:
    """Mark condition ``position`` of ``loan_id`` met, on ``evidence``; who and when are kept.

    The role that disburses records it, only while the loan stands approved and not yet
    disbursed; a condition is satisfied once (a mistake is for the committee, not an edit).
    """
    actor.require(Action.DISBURSE)
    cleaned = evidence.strip()
    if not cleaned:
        raise UserError("condition.evidence: required: name the document or fact that meets it")
    if len(cleaned) > LIMITS["note"]:
        raise UserError(f"condition.evidence: too long (at most {LIMITS['note']} characters)")
    if any(ord(c) < 32 and c not in "\n\t" for c in cleaned):
        raise UserError("condition.evidence: contains control characters")
    with db.session(write=True) as session:
        loan = session.get(Loan, loan_id, with_for_update=True)
        if loan is None:
            raise UserError(f"loan: no loan with id {loan_id}")
        if parse_status(loan.status) not in APPROVED_STATES:
            raise WorkflowError(
                f"condition: loan {loan.reference} is {loan.status}; conditions are satisfied "
                "only while it stands approved, before disbursement"
            )
        row = (
            session.execute(
                select(LoanCondition).where(
                    LoanCondition.loan_id == loan_id, LoanCondition.position == position
                )
            ).scalar_one_or_none()
            if 0 < position <= _MAX_POSITION
            else None
        )
        if row is None:
            raise UserError(f"condition: loan {loan.reference} has no condition number {position}")
        if row.satisfied_at is not None:
            raise WorkflowError(
                f"condition: number {position} already satisfied by {row.satisfied_by} "
                f"on {row.satisfied_at:%Y-%m-%d}"
            )
        row.satisfied_at = utcnow()
        row.satisfied_by = actor.username
        row.evidence = cleaned
        session.flush()
        audit.record(
            session,
            actor,
            "condition.satisfy",
            ("loan", loan.id),
            {"position": row.position, "text": row.text},
            {"position": row.position, "text": row.text, "evidence": cleaned},
        )
        return _info(row)
