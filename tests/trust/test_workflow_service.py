"""The workflow services on SQLite and PostgreSQL: roles, maker-checker, quorum, versions, locks."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from sqlalchemy import select

from greendesk.domain.errors import UserError
from greendesk.domain.roles import Action, PermissionDenied
from greendesk.domain.workflow import QuorumRule, Status, WorkflowError
from greendesk.services import audit, workflow
from greendesk.store.database import Database, open_database
from greendesk.store.models import DecisionVote, Loan, Pledge
from tests.trust.conftest import Team, make_loan


def to_review(db: Database, team: Team, loan_id: int) -> None:
    workflow.submit(db, team.officer, loan_id)
    workflow.start_review(db, team.r1, loan_id)


def test_full_life_with_votes_and_decision(database: Database, team: Team) -> None:
    loan_id = make_loan(database, team.officer)
    state = workflow.submit(database, team.officer, loan_id)
    assert state.status is Status.SUBMITTED
    state = workflow.start_review(database, team.r1, loan_id)
    assert state.status is Status.UNDER_REVIEW
    workflow.vote(database, team.r1, loan_id, "approve")
    workflow.vote(database, team.r2, loan_id, "approve", comment="solid carbon-sink revenue")
    state = workflow.vote(database, team.r3, loan_id, "decline", comment="price risk")
    assert state.tally.quorum_met and Action.DECIDE in state.allowed
    state = workflow.decide(database, team.r4, loan_id)
    assert state.status is Status.APPROVED
    state = workflow.disburse(database, team.officer, loan_id)
    assert state.status is Status.DISBURSED
    state = workflow.close(database, team.officer, loan_id)
    assert state.status is Status.CLOSED
    actions = [h.action for h in audit.history(database, "loan", loan_id)]
    assert actions == [
        "create",
        "submit",
        "start_review",
        "vote",
        "vote",
        "vote",
        "decide",
        "disburse",
        "close",
    ]
    assert audit.verify(database).ok


def test_each_role_is_refused_what_it_may_not_do(database: Database, team: Team) -> None:
    loan_id = make_loan(database, team.officer)
    with pytest.raises(PermissionDenied, match="li \\(reviewer\\) may not submit"):
        workflow.submit(database, team.r1, loan_id)
    with pytest.raises(PermissionDenied):
        workflow.submit(database, team.admin, loan_id)
    workflow.submit(database, team.officer, loan_id)
    with pytest.raises(PermissionDenied):
        workflow.start_review(database, team.officer, loan_id)
    workflow.start_review(database, team.r1, loan_id)
    with pytest.raises(PermissionDenied):
        workflow.vote(database, team.officer2, loan_id, "approve")
    with pytest.raises(PermissionDenied):
        workflow.vote(database, team.admin, loan_id, "approve")
    assert workflow.workflow_state(database, team.r1, loan_id).status is Status.UNDER_REVIEW


def test_maker_cannot_vote_or_decide_even_as_a_reviewer(database: Database, team: Team) -> None:
    loan_id = make_loan(database, team.officer)
    # A committee member who changed the application (recorded in the trail) becomes a maker.
    with database.session(write=True) as session:
        loan = session.get(Loan, loan_id)
        assert loan is not None
        before = audit.snapshot(loan)
        loan.purpose = "草原碳汇收益权质押贷款"
        loan.updated_by = team.r2.username
        session.flush()
        audit.record(session, team.r2, "update", ("loan", loan_id), before, audit.snapshot(loan))
    to_review(database, team, loan_id)
    state = workflow.workflow_state(database, team.r2, loan_id)
    assert Action.VOTE not in state.allowed
    assert {"wang", "zhao"} <= state.makers
    with pytest.raises(WorkflowError, match="maker-checker: zhao"):
        workflow.vote(database, team.r2, loan_id, "approve")
    for member in (team.r1, team.r3, team.r4):
        workflow.vote(database, member, loan_id, "approve")
    with pytest.raises(WorkflowError, match="maker-checker: zhao"):
        workflow.decide(database, team.r2, loan_id)
    assert workflow.decide(database, team.r1, loan_id).status is Status.APPROVED


def test_decision_needs_the_quorum_and_counts_conditions(database: Database, team: Team) -> None:
    loan_id = make_loan(database, team.officer)
    to_review(database, team, loan_id)
    workflow.vote(database, team.r1, loan_id, "approve")
    workflow.vote(
        database,
        team.r2,
        loan_id,
        "approve_with_conditions",
        conditions="register the allowance pledge before the first drawdown",
    )
    with pytest.raises(WorkflowError, match="quorum not met — 2 of 3 votes"):
        workflow.decide(database, team.r1, loan_id)
    with pytest.raises(WorkflowError, match="already voted"):
        workflow.vote(database, team.r1, loan_id, "decline")
    workflow.vote(database, team.r3, loan_id, "decline")
    state = workflow.decide(database, team.r4, loan_id)
    assert state.status is Status.APPROVED_WITH_CONDITIONS
    assert state.tally.conditions == ("register the allowance pledge before the first drawdown",)
    event = audit.history(database, "loan", loan_id)[-1]
    assert event.action == "decide"
    assert event.after is not None
    assert event.after["conditions"] == ["register the allowance pledge before the first drawdown"]
    assert event.after["votes"] == {
        "cast": 3,
        "approving": 2,
        "with_conditions": 1,
        "declining": 1,
    }


def test_quorum_is_configurable_by_the_administrator(database: Database, team: Team) -> None:
    with pytest.raises(PermissionDenied):
        workflow.set_quorum(database, team.r1, QuorumRule(min_votes=2))
    workflow.set_quorum(database, team.admin, QuorumRule(4, Fraction(2, 3), inclusive=True))
    assert workflow.get_quorum(database) == QuorumRule(4, Fraction(2, 3), inclusive=True)
    loan_id = make_loan(database, team.officer)
    to_review(database, team, loan_id)
    for member in (team.r1, team.r2, team.r3):
        workflow.vote(database, member, loan_id, "approve")
    with pytest.raises(WorkflowError, match="3 of 4 votes"):
        workflow.decide(database, team.r1, loan_id)
    workflow.vote(database, team.r4, loan_id, "decline")
    assert workflow.decide(database, team.r1, loan_id).status is Status.APPROVED  # 3/4 >= 2/3
    settings = audit.history(database, "settings", "workflow_quorum")
    assert [h.after for h in settings] == [{"min_votes": 4, "share": "2/3", "inclusive": True}]


def test_declined_by_majority(database: Database, team: Team) -> None:
    loan_id = make_loan(database, team.officer)
    to_review(database, team, loan_id)
    workflow.vote(database, team.r1, loan_id, "decline")
    workflow.vote(database, team.r2, loan_id, "decline")
    workflow.vote(database, team.r3, loan_id, "approve")
    assert workflow.decide(database, team.r1, loan_id).status is Status.DECLINED
    with pytest.raises(WorkflowError, match="cannot disburse an application that is declined"):
        workflow.disburse(database, team.officer, loan_id)


def test_return_voids_votes_and_allows_resubmission(database: Database, team: Team) -> None:
    loan_id = make_loan(database, team.officer)
    to_review(database, team, loan_id)
    workflow.vote(database, team.r1, loan_id, "approve")
    with pytest.raises(UserError, match=r"return\.reason: required"):
        workflow.return_for_changes(database, team.r2, loan_id, "  ")
    state = workflow.return_for_changes(
        database, team.r2, loan_id, "collateral coverage below 1.30"
    )
    assert state.status is Status.RETURNED and state.votes == ()
    with database.session() as session:
        assert session.execute(select(DecisionVote)).first() is None
    workflow.submit(database, team.officer, loan_id)
    workflow.start_review(database, team.r1, loan_id)
    workflow.vote(database, team.r1, loan_id, "approve")  # voting again is allowed
    voided = [h for h in audit.history(database, "loan", loan_id) if h.action == "vote.void"]
    assert len(voided) == 1 and voided[0].before is not None
    assert voided[0].before["voter_id"] == team.r1.user_id


def test_reopen_makes_a_new_version_and_keeps_the_old(database: Database, team: Team) -> None:
    loan_id = make_loan(database, team.officer)
    with database.session(write=True) as session:
        loan = session.get(Loan, loan_id)
        assert loan is not None
        loan.pledges.append(
            Pledge(seq=1, collateral_type="cea", quantity=Decimal("500000"), unit="t")
        )
    to_review(database, team, loan_id)
    for member in (team.r1, team.r2, team.r3):
        workflow.vote(database, member, loan_id, "approve")
    approved = workflow.decide(database, team.r1, loan_id)
    # A reviewer's new version makes that reviewer a maker of the new version.
    with pytest.raises(PermissionDenied):
        workflow.reopen(database, team.r1, loan_id)
    new = workflow.reopen(database, team.officer2, loan_id, approved.version)
    assert new.status is Status.DRAFT and new.application_version == 2
    assert new.previous_id == loan_id and new.loan_id != loan_id
    assert "zhou" in new.makers
    with pytest.raises(WorkflowError, match="already reopened"):
        workflow.reopen(database, team.officer, loan_id)
    with pytest.raises(WorkflowError, match="superseded"):
        workflow.disburse(database, team.officer, loan_id)
    old = workflow.workflow_state(database, team.officer, loan_id)
    assert old.status is Status.APPROVED and len(old.votes) == 3 and old.newer_id == new.loan_id
    with database.session() as session:
        copies = session.execute(select(Pledge).where(Pledge.loan_id == new.loan_id)).scalars()
        assert [(p.collateral_type, p.quantity) for p in copies] == [("cea", Decimal("500000"))]
        originals = session.execute(select(Pledge).where(Pledge.loan_id == loan_id)).scalars()
        assert len(list(originals)) == 1
    history = audit.loan_history(database, "GD-2026-0001")
    assert history[-1].action == "reopen" and history[-1].entity_id == str(new.loan_id)


def test_stale_version_is_refused_and_the_second_writer_told(
    database: Database, team: Team
) -> None:
    loan_id = make_loan(database, team.officer)
    seen = workflow.workflow_state(database, team.officer, loan_id).version
    workflow.submit(database, team.officer, loan_id, seen)
    with pytest.raises(workflow.ConflictError, match="changed by someone else"):
        workflow.start_review(database, team.r1, loan_id, seen)
    state = workflow.workflow_state(database, team.r1, loan_id)
    assert state.status is Status.SUBMITTED
    assert [h.action for h in audit.history(database, "loan", loan_id)] == ["create", "submit"]


def test_votes_carry_validated_text(database: Database, team: Team) -> None:
    loan_id = make_loan(database, team.officer)
    to_review(database, team, loan_id)
    with pytest.raises(UserError, match=r"vote\.decision: unknown decision 'maybe'"):
        workflow.vote(database, team.r1, loan_id, "maybe")
    with pytest.raises(UserError, match=r"vote\.comment: too long"):
        workflow.vote(database, team.r1, loan_id, "approve", comment="很" * 2001)
    with pytest.raises(UserError, match=r"vote\.conditions: required"):
        workflow.vote(database, team.r1, loan_id, "approve_with_conditions")
    assert workflow.workflow_state(database, team.r1, loan_id).votes == ()


def test_two_desks_the_second_writer_is_told(database: Database, db_url: str, team: Team) -> None:
    """Two desks (two engines) open the same application; the later change is refused."""
    loan_id = make_loan(database, team.officer)
    workflow.submit(database, team.officer, loan_id)
    other_desk = open_database(db_url)
    try:
        seen_here = workflow.workflow_state(database, team.r1, loan_id).version
        seen_there = workflow.workflow_state(other_desk, team.r2, loan_id).version
        assert seen_here == seen_there
        workflow.return_for_changes(
            other_desk, team.r2, loan_id, "missing registry number", seen_there
        )
        with pytest.raises(workflow.ConflictError, match="changed by someone else"):
            workflow.start_review(database, team.r1, loan_id, seen_here)
    finally:
        other_desk.dispose()
    state = workflow.workflow_state(database, team.r1, loan_id)
    assert state.status is Status.RETURNED
    assert [h.actor for h in audit.history(database, "loan", loan_id)][-1] == "zhao"
