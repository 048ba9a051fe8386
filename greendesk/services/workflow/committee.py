"""The credit committee on an application under review: votes, the decision, sending it back.

A member votes once per application version and no maker of the loan votes or decides; the
decision follows from the votes once the quorum in force is met. Sending the application back for
changes voids the votes cast so far, each voiding audited.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from greendesk.domain.errors import UserError
from greendesk.domain.roles import Action, Principal
from greendesk.domain.workflow import (
    Status,
    WorkflowError,
    check_not_maker,
    check_transition,
    check_vote,
    parse_status,
    parse_vote,
)
from greendesk.services import audit, conditions
from greendesk.services.workflow._unit import lock_loan, note, status_event, unit
from greendesk.services.workflow.quorum import stored_quorum
from greendesk.services.workflow.state import (
    WorkflowState,
    loan_makers,
    state_in_session,
    tally_of,
    vote_lines,
)
from greendesk.store.database import Database
from greendesk.store.models import DecisionVote, User


def _votes(session: Session, loan_id: int) -> list[tuple[DecisionVote, User]]:
    rows = session.execute(
        select(DecisionVote, User)
        .join(User, User.id == DecisionVote.voter_id)
        .where(DecisionVote.loan_id == loan_id)
        .order_by(DecisionVote.id)
    ).all()
    return [(v, u) for v, u in rows]


@audit.refusals_audited
def return_for_changes(
    db: Database,
    actor: Principal,
    loan_id: int,
    reason: str,
    expected_version: int | None = None,
) -> WorkflowState:
    """The committee sends the application back; votes cast so far are voided (and audited)."""
    why = note(reason, "return.reason", required=True)
    with unit(db) as session:
        loan = lock_loan(session, loan_id, expected_version)
        status = parse_status(loan.status)
        check_transition(Action.RETURN, status, actor.role, actor.username)
        for vote, _user in _votes(session, loan.id):
            before = audit.snapshot(vote)
            session.delete(vote)
            session.flush()
            audit.record(session, actor, "vote.void", ("vote", vote.id), before, None)
        loan.status = Status.RETURNED.value
        session.flush()
        status_event(session, actor, Action.RETURN, loan, status, reason=why)
        return state_in_session(session, actor, loan)


@audit.refusals_audited
def vote(
    db: Database,
    actor: Principal,
    loan_id: int,
    decision: str,
    conditions: str = "",
    comment: str = "",
) -> WorkflowState:
    """A committee member votes once per application version; makers may not vote."""
    choice = parse_vote(decision)
    cond = note(conditions, "vote.conditions", required=False) or ""
    remark = note(comment, "vote.comment", required=False)
    if actor.user_id is None:
        raise UserError("vote: only a logged-in committee member can vote")
    with unit(db) as session:
        loan = lock_loan(session, loan_id, None)
        check_transition(Action.VOTE, parse_status(loan.status), actor.role, actor.username)
        check_not_maker(actor.username, loan_makers(session, loan))
        earlier = [u.username for _, u in _votes(session, loan.id)]
        check_vote(choice, cond, earlier, actor.username)
        row = DecisionVote(
            loan_id=loan.id,
            voter_id=actor.user_id,
            decision=choice.value,
            conditions=cond or None,
            comment=remark,
        )
        session.add(row)
        session.flush()
        audit.record(session, actor, "vote", ("vote", row.id), None, audit.snapshot(row))
        return state_in_session(session, actor, loan)


@audit.refusals_audited
def decide(
    db: Database, actor: Principal, loan_id: int, expected_version: int | None = None
) -> WorkflowState:
    """Record the committee's decision from the votes, once the quorum is met."""
    with unit(db) as session:
        loan = lock_loan(session, loan_id, expected_version)
        status = parse_status(loan.status)
        check_transition(Action.DECIDE, status, actor.role, actor.username)
        check_not_maker(actor.username, loan_makers(session, loan), Action.DECIDE)
        rule = stored_quorum(session)  # a stored rule that breaks the rules is refused here
        cast_votes = vote_lines(session, loan.id)
        counted = tally_of(cast_votes, rule)
        if counted.outcome is None:
            raise WorkflowError(
                f"decision: quorum not met — {counted.votes} of {rule.min_votes} votes cast "
                f"({rule.describe()})"
            )
        loan.status = counted.outcome.value
        session.flush()
        if counted.outcome is Status.APPROVED_WITH_CONDITIONS:
            conditions.create_for_decision(
                session,
                loan,
                [
                    (v.voter, v.conditions or "")
                    for v in cast_votes
                    if v.decision == "approve_with_conditions"
                ],
            )
        status_event(
            session,
            actor,
            Action.DECIDE,
            loan,
            status,
            votes={
                "cast": counted.votes,
                "approving": counted.approving,
                "with_conditions": counted.with_conditions,
                "declining": counted.declining,
            },
            quorum=rule.to_json(),
            conditions=list(counted.conditions),
        )
        return state_in_session(session, actor, loan)
