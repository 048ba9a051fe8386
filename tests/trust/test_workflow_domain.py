"""The application state machine without a database: transitions, maker-checker, quorum."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from greendesk.domain.errors import UserError
from greendesk.domain.roles import Action, PermissionDenied, Role
from greendesk.domain.workflow import (
    APPROVED_STATES,
    CastVote,
    Makers,
    QuorumRule,
    Status,
    Vote,
    WorkflowError,
    allowed_actions,
    check_editable,
    check_not_maker,
    check_transition,
    check_vote,
    tally,
)


def test_happy_path_through_every_state() -> None:
    s = Status.DRAFT
    s = check_transition(Action.SUBMIT, s, Role.OFFICER) or s
    assert s is Status.SUBMITTED
    s = check_transition(Action.START_REVIEW, s, Role.REVIEWER) or s
    assert s is Status.UNDER_REVIEW
    assert check_transition(Action.VOTE, s, Role.REVIEWER) is Status.UNDER_REVIEW
    assert check_transition(Action.DECIDE, s, Role.REVIEWER) is None  # the votes decide
    assert check_transition(Action.DISBURSE, Status.APPROVED, Role.OFFICER) is Status.DISBURSED
    assert (
        check_transition(Action.DISBURSE, Status.APPROVED_WITH_CONDITIONS, Role.OFFICER)
        is Status.DISBURSED
    )
    assert check_transition(Action.CLOSE, Status.DISBURSED, Role.OFFICER) is Status.CLOSED


def test_return_for_changes_and_resubmit() -> None:
    assert check_transition(Action.RETURN, Status.UNDER_REVIEW, Role.REVIEWER) is Status.RETURNED
    assert check_transition(Action.RETURN, Status.SUBMITTED, Role.REVIEWER) is Status.RETURNED
    check_editable(Status.RETURNED)
    assert check_transition(Action.SUBMIT, Status.RETURNED, Role.OFFICER) is Status.SUBMITTED


@pytest.mark.parametrize(
    ("action", "status"),
    [
        (Action.SUBMIT, Status.APPROVED),
        (Action.SUBMIT, Status.UNDER_REVIEW),
        (Action.START_REVIEW, Status.DRAFT),
        (Action.DISBURSE, Status.DECLINED),
        (Action.DISBURSE, Status.UNDER_REVIEW),
        (Action.CLOSE, Status.APPROVED),
        (Action.VOTE, Status.SUBMITTED),
        (Action.DECIDE, Status.APPROVED),
        (Action.REOPEN, Status.DRAFT),
        (Action.RETURN, Status.APPROVED),
    ],
)
def test_wrong_state_is_refused_with_the_state_named(action: Action, status: Status) -> None:
    role = (
        Role.REVIEWER
        if action in {Action.START_REVIEW, Action.VOTE, Action.DECIDE, Action.RETURN}
        else Role.OFFICER
    )
    with pytest.raises(WorkflowError, match=f"that is {status.value}"):
        check_transition(action, status, role)


def test_wrong_role_is_refused_before_the_state_is_looked_at() -> None:
    with pytest.raises(PermissionDenied):
        check_transition(Action.VOTE, Status.UNDER_REVIEW, Role.OFFICER)
    with pytest.raises(PermissionDenied):
        check_transition(Action.SUBMIT, Status.DRAFT, Role.ADMIN)


@pytest.mark.parametrize("status", [*APPROVED_STATES, Status.DECLINED])
def test_approved_terms_are_frozen_and_reopen_is_the_way(status: Status) -> None:
    with pytest.raises(WorkflowError, match=r"frozen.*new version"):
        check_editable(status)
    assert check_transition(Action.REOPEN, status, Role.OFFICER) is None


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.UNDER_REVIEW, Status.DISBURSED])
def test_terms_locked_while_in_review_or_after_disbursement(status: Status) -> None:
    with pytest.raises(WorkflowError, match="cannot be changed"):
        check_editable(status)


def test_allowed_actions_drive_the_window() -> None:
    assert allowed_actions(Status.DRAFT, Role.OFFICER) == [Action.EDIT_APPLICATION, Action.SUBMIT]
    assert set(allowed_actions(Status.UNDER_REVIEW, Role.REVIEWER)) == {
        Action.RETURN,
        Action.VOTE,
        Action.DECIDE,
    }
    assert allowed_actions(Status.UNDER_REVIEW, Role.OFFICER) == []
    assert allowed_actions(Status.CLOSED, Role.OFFICER) == []


def test_maker_cannot_check() -> None:
    makers = Makers.of("wang", "zhang", None, "")
    assert makers.usernames == {"wang", "zhang"}
    with pytest.raises(WorkflowError, match="maker-checker: zhang prepared or changed"):
        check_not_maker("zhang", makers)
    check_not_maker("li", makers)


def test_vote_rules() -> None:
    check_vote(Vote.APPROVE, "", ["li", "zhao"], "sun")
    with pytest.raises(WorkflowError, match="already voted"):
        check_vote(Vote.DECLINE, "", ["li", "zhao"], "zhao")
    with pytest.raises(WorkflowError, match=r"vote\.conditions: required"):
        check_vote(Vote.APPROVE_WITH_CONDITIONS, "  ", [], "sun")
    with pytest.raises(WorkflowError, match=r"vote\.conditions: only"):
        check_vote(Vote.DECLINE, "pledge more allowances", [], "sun")


def v(i: int, vote: Vote, cond: str = "") -> CastVote:
    return CastVote(f"member{i}", vote, cond)


def test_no_outcome_below_quorum() -> None:
    t = tally([v(1, Vote.APPROVE), v(2, Vote.APPROVE)], QuorumRule(min_votes=3))
    assert not t.quorum_met and t.outcome is None


def test_simple_majority() -> None:
    rule = QuorumRule(min_votes=3)
    assert (
        tally([v(1, Vote.APPROVE), v(2, Vote.APPROVE), v(3, Vote.DECLINE)], rule).outcome
        is Status.APPROVED
    )
    assert (
        tally([v(1, Vote.APPROVE), v(2, Vote.DECLINE), v(3, Vote.DECLINE)], rule).outcome
        is Status.DECLINED
    )
    # 2 of 4 is not more than half
    four = [v(1, Vote.APPROVE), v(2, Vote.APPROVE), v(3, Vote.DECLINE), v(4, Vote.DECLINE)]
    assert tally(four, rule).outcome is Status.DECLINED
    # "at least half" is met by a tie, but a tie never approves: approving must outnumber declining
    assert tally(four, QuorumRule(3, Fraction(1, 2), inclusive=True)).outcome is Status.DECLINED


def test_conditions_are_carried_into_the_decision() -> None:
    votes = [
        v(1, Vote.APPROVE),
        v(2, Vote.APPROVE_WITH_CONDITIONS, "register the CCER pledge at the national registry"),
        v(3, Vote.APPROVE_WITH_CONDITIONS, "coverage at least 1.30 before drawdown 2"),
    ]
    t = tally(votes, QuorumRule())
    assert t.outcome is Status.APPROVED_WITH_CONDITIONS
    assert t.conditions == (
        "register the CCER pledge at the national registry",
        "coverage at least 1.30 before drawdown 2",
    )
    # conditions of a losing side do not turn a decline into an approval
    lost = [v(1, Vote.DECLINE), v(2, Vote.DECLINE), v(3, Vote.APPROVE_WITH_CONDITIONS, "x")]
    assert tally(lost, QuorumRule()).outcome is Status.DECLINED


def test_two_thirds_supermajority() -> None:
    rule = QuorumRule(min_votes=5, share=Fraction(2, 3), inclusive=True)
    five = [v(i, Vote.APPROVE) for i in range(3)] + [v(i, Vote.DECLINE) for i in range(3, 5)]
    assert tally(five, rule).outcome is Status.DECLINED  # 3/5 < 2/3
    six = [v(i, Vote.APPROVE) for i in range(4)] + [v(i, Vote.DECLINE) for i in range(4, 6)]
    assert tally(six, rule).outcome is Status.APPROVED  # 4/6 = 2/3


@given(st.lists(st.sampled_from(list(Vote)), min_size=0, max_size=15), st.integers(1, 9))
def test_tally_counts_add_up_and_outcome_follows_the_share(
    votes: list[Vote], min_votes: int
) -> None:
    cast = [v(i, x, "c" if x is Vote.APPROVE_WITH_CONDITIONS else "") for i, x in enumerate(votes)]
    t = tally(cast, QuorumRule(min_votes=min_votes))
    assert t.approving + t.declining == t.votes == len(votes)
    if len(votes) < min_votes:
        assert t.outcome is None
    elif 2 * t.approving > len(votes):
        assert t.outcome in APPROVED_STATES
        assert (t.outcome is Status.APPROVED_WITH_CONDITIONS) == (t.with_conditions > 0)
    else:
        assert t.outcome is Status.DECLINED


@pytest.mark.parametrize(
    ("data", "rule"),
    [
        ({"min_votes": 0}, "min_votes: must be at least 1"),
        ({"min_votes": "3"}, "min_votes: must be a whole number"),
        ({"share": "abc"}, "share: must be a fraction"),
        ({"share": "3/2"}, "share: must be more than 0 and at most 1"),
        ({"inclusive": "yes"}, "inclusive: must be true or false"),
        ([3], "must be an object"),
    ],
)
def test_quorum_configuration_is_validated(data: object, rule: str) -> None:
    with pytest.raises(UserError, match=rule):
        QuorumRule.from_json(data)


def test_quorum_round_trips_through_json() -> None:
    rule = QuorumRule(min_votes=5, share=Fraction(2, 3), inclusive=True)
    assert QuorumRule.from_json(rule.to_json()) == rule
