"""Where an application stands: status, makers, votes and tally, and what a user may do now.

Every workflow action answers with this state, and the desk shows it. The makers — whoever
prepared or changed the loan, its pledges, borrower or project — may not vote on it or decide it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, bindparam, or_, select
from sqlalchemy.orm import Session

from greendesk.domain.errors import UserError
from greendesk.domain.roles import Action, Principal
from greendesk.domain.workflow import (
    CastVote,
    Makers,
    QuorumRule,
    Status,
    Tally,
    allowed_actions,
    parse_status,
    parse_vote,
    tally,
)
from greendesk.services import audit, conditions
from greendesk.services.workflow.quorum import usable_quorum
from greendesk.store.database import Database
from greendesk.store.models import AuditEvent, DecisionVote, Loan, User

# Audit actions on a loan that a checker performs; every other action on a loan makes its actor
# one of the loan's makers.
CHECKER_ACTIONS = frozenset(
    {
        "start_review",
        "return",
        "vote",
        "decide",
        "vote.void",
        "disburse",
        "close",
    }
)


@dataclass(frozen=True)
class VoteInfo:
    voter: str
    display_name: str
    decision: str
    conditions: str | None
    comment: str | None
    cast_at: datetime


@dataclass(frozen=True)
class WorkflowState:
    """Where an application stands, and what the given user may do to it now."""

    loan_id: int
    reference: str
    application_version: int
    previous_id: int | None
    newer_id: int | None
    status: Status
    version: int
    makers: frozenset[str]
    votes: tuple[VoteInfo, ...]
    tally: Tally
    quorum: QuorumRule | None  # None: the stored quorum breaks the rules; nothing is decided
    allowed: tuple[Action, ...]
    open_conditions: tuple[str, ...] = ()  # conditions precedent not yet met ("N. text")


# The read side of every selection and workflow step, prepared once and bound per loan.
_NEWER = select(Loan.id).where(Loan.previous_id == bindparam("loan_id")).order_by(Loan.id).limit(1)
_VOTE_LINES = (
    select(
        User.username,
        User.display_name,
        DecisionVote.decision,
        DecisionVote.conditions,
        DecisionVote.comment,
        DecisionVote.cast_at,
    )
    .join(User, User.id == DecisionVote.voter_id)
    .where(DecisionVote.loan_id == bindparam("loan_id"))
    .order_by(DecisionVote.id)
)


def _makers_query(with_project: bool) -> Select[Any]:
    # Involvement covers the loan, its pledges, its borrower and its project: one indexed look-up
    # each (the loan's trail by its loan_id, the borrower's and project's by entity).
    involved = [
        audit.mentions_loan(bindparam("loan_id"), ("loan", "pledge")),
        (AuditEvent.entity_type == "borrower") & (AuditEvent.entity_id == bindparam("borrower")),
    ]
    if with_project:
        involved.append(
            (AuditEvent.entity_type == "project") & (AuditEvent.entity_id == bindparam("project"))
        )
    return (
        select(AuditEvent.actor)
        .where(or_(*involved))
        .where(AuditEvent.action.not_in(sorted(CHECKER_ACTIONS)))
        .distinct()
    )


_MAKERS = {with_project: _makers_query(with_project) for with_project in (False, True)}


def newer_id(session: Session, loan: Loan) -> int | None:
    """The id of the version this loan was reopened as, if it was."""
    return session.execute(_NEWER, {"loan_id": loan.id}).scalar_one_or_none()


def loan_makers(session: Session, loan: Loan) -> Makers:
    """Who prepared or changed this application, its pledges, borrower or project (the row and
    the audit trail)."""
    officer = loan.officer.username if loan.officer is not None else None
    params = {"loan_id": loan.id, "borrower": str(loan.borrower_id)}
    if loan.project_id is not None:
        params["project"] = str(loan.project_id)
    actors = session.execute(_MAKERS[loan.project_id is not None], params).scalars()
    names = {a for a in actors if a not in ("system", "seed")}
    return Makers.of(loan.created_by, loan.updated_by, officer, *names)


def vote_lines(session: Session, loan_id: int) -> list[VoteInfo]:
    """The votes cast on ``loan_id`` with their voters, in the order they were cast."""
    return [VoteInfo(*row) for row in session.execute(_VOTE_LINES, {"loan_id": loan_id})]


def tally_of(votes: Sequence[VoteInfo], quorum: QuorumRule | None) -> Tally:
    """The committee's count of ``votes`` under ``quorum``."""
    return tally(
        [CastVote(v.voter, parse_vote(v.decision), v.conditions or "") for v in votes], quorum
    )


def workflow_state(db: Database, actor: Principal, loan_id: int) -> WorkflowState:
    """The application's status, votes and tally, and the actions ``actor`` may take now."""
    with db.session() as session:
        loan = session.get(Loan, loan_id)
        if loan is None:
            raise UserError(f"loan: no loan with id {loan_id}")
        return state_in_session(session, actor, loan)


def state_in_session(session: Session, actor: Principal, loan: Loan) -> WorkflowState:
    """:func:`workflow_state` of a loan row already read in the caller's session."""
    status = parse_status(loan.status)
    makers = loan_makers(session, loan)
    quorum = usable_quorum(session)
    votes = vote_lines(session, loan.id)
    counted = tally_of(votes, quorum)
    newer = newer_id(session, loan)
    still_open = tuple(conditions.open_texts(session, loan.id))
    voters = {v.voter for v in votes}
    allowed: list[Action] = []
    for action in allowed_actions(status, actor.role):
        if action in (Action.VOTE, Action.DECIDE) and actor.username in makers.usernames:
            continue
        if action is Action.VOTE and actor.username in voters:
            continue
        if action is Action.DECIDE and not counted.quorum_met:
            continue
        if action in (Action.DISBURSE, Action.REOPEN) and newer is not None:
            continue
        if action is Action.DISBURSE and still_open:
            continue
        allowed.append(action)
    return WorkflowState(
        loan_id=loan.id,
        reference=loan.reference,
        application_version=loan.application_version,
        previous_id=loan.previous_id,
        newer_id=newer,
        status=status,
        version=loan.version,
        makers=makers.usernames,
        votes=tuple(votes),
        tally=counted,
        quorum=quorum,
        allowed=tuple(allowed),
        open_conditions=still_open,
    )
