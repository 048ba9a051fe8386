"""The loan application's life as a state machine: states, transitions, maker-checker, quorum.

Pure Python (no Qt, no database) so the window, the CLI and the tests share one set of rules.
The services call ``check_transition`` before changing a status, ``check_not_maker`` before a vote
or a decision, and ``tally`` to turn committee votes into an outcome.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction

from greendesk.domain.errors import UserError
from greendesk.domain.numbers import parse_share
from greendesk.domain.roles import Action, Refused, Role, allowed, require


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    APPROVED = "approved"
    APPROVED_WITH_CONDITIONS = "approved_with_conditions"
    DECLINED = "declined"
    RETURNED = "returned"
    DISBURSED = "disbursed"
    CLOSED = "closed"


class Vote(StrEnum):
    APPROVE = "approve"
    APPROVE_WITH_CONDITIONS = "approve_with_conditions"
    DECLINE = "decline"


STATUS_LABELS: dict[Status, tuple[str, str]] = {
    Status.DRAFT: ("草稿", "draft"),
    Status.SUBMITTED: ("已提交", "submitted"),
    Status.UNDER_REVIEW: ("审查中", "under review"),
    Status.APPROVED: ("已批准", "approved"),
    Status.APPROVED_WITH_CONDITIONS: ("附条件批准", "approved with conditions"),
    Status.DECLINED: ("已否决", "declined"),
    Status.RETURNED: ("退回修改", "returned for changes"),
    Status.DISBURSED: ("已放款", "disbursed"),
    Status.CLOSED: ("已结清", "closed"),
}

APPROVED_STATES = frozenset({Status.APPROVED, Status.APPROVED_WITH_CONDITIONS})
EDITABLE_STATES = frozenset({Status.DRAFT, Status.RETURNED})


class WorkflowError(UserError):
    """An action that the application's state or the maker-checker rule does not allow."""


@dataclass(frozen=True)
class Transition:
    action: Action
    sources: frozenset[Status]
    target: Status | None  # None: decided by the votes (DECIDE) or a new version (REOPEN)


TRANSITIONS: dict[Action, Transition] = {
    t.action: t
    for t in (
        Transition(Action.SUBMIT, frozenset({Status.DRAFT, Status.RETURNED}), Status.SUBMITTED),
        Transition(Action.START_REVIEW, frozenset({Status.SUBMITTED}), Status.UNDER_REVIEW),
        Transition(
            Action.RETURN, frozenset({Status.SUBMITTED, Status.UNDER_REVIEW}), Status.RETURNED
        ),
        Transition(Action.VOTE, frozenset({Status.UNDER_REVIEW}), Status.UNDER_REVIEW),
        Transition(Action.DECIDE, frozenset({Status.UNDER_REVIEW}), None),
        Transition(Action.DISBURSE, APPROVED_STATES, Status.DISBURSED),
        Transition(Action.CLOSE, frozenset({Status.DISBURSED}), Status.CLOSED),
        # The old version keeps its status; the new version starts as a draft.
        Transition(Action.REOPEN, APPROVED_STATES | {Status.DECLINED}, None),
    )
}


def parse_status(text: str) -> Status:
    try:
        return Status(text)
    except ValueError:
        raise UserError(f"status: unknown status {text!r}") from None


def allowed_actions(status: Status, role: Role) -> list[Action]:
    """What ``role`` may do to an application in ``status`` (the window shows only these)."""
    actions = [a for a, t in TRANSITIONS.items() if status in t.sources and allowed(role, a)]
    if status in EDITABLE_STATES and allowed(role, Action.EDIT_APPLICATION):
        actions.insert(0, Action.EDIT_APPLICATION)
    return actions


def check_transition(action: Action, status: Status, role: Role, who: str = "") -> Status | None:
    """Refuse ``action`` unless ``role`` may do it and ``status`` allows it; return the target."""
    require(role, action, who)
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise ValueError(f"{action} is not a workflow transition")
    if status not in transition.sources:
        sources = ", ".join(sorted(s.value for s in transition.sources))
        raise WorkflowError(
            f"status: cannot {action.value.replace('_', ' ')} an application that is "
            f"{status.value} (only when {sources})"
        )
    return transition.target


def check_editable(status: Status) -> None:
    """Terms may change only in draft or returned; approved terms are frozen (reopen instead)."""
    if status in EDITABLE_STATES:
        return
    if status in APPROVED_STATES or status is Status.DECLINED:
        raise WorkflowError(
            f"status: the terms are frozen once {status.value}; reopen the application as a "
            "new version to change them"
        )
    raise WorkflowError(
        f"status: an application that is {status.value} cannot be changed "
        "(only in draft or returned)"
    )


@dataclass(frozen=True)
class Makers:
    """User names of those who prepared or changed an application: none of them may check it."""

    usernames: frozenset[str]

    @classmethod
    def of(cls, *names: str | None) -> Makers:
        return cls(frozenset(n for n in names if n))


class MakerCheckerError(WorkflowError, Refused):
    """A maker tried to check their own application (refused, and audited as a refusal)."""


def check_not_maker(username: str, makers: Makers, action: Action = Action.VOTE) -> None:
    """The maker-checker rule: a maker may neither vote on nor decide their own application."""
    if username in makers.usernames:
        raise MakerCheckerError(
            f"maker-checker: {username} prepared or changed this application and may "
            "not vote on or decide it",
            who=username,
            what=action.value,
        )


MAX_MIN_VOTES = 99  # no credit committee is larger (the dialog's spin box stops there too)


@dataclass(frozen=True)
class QuorumRule:
    """How many votes a decision needs and what share of them must approve.

    ``share`` with ``inclusive=False`` means "more than" (a simple majority is 1/2, exclusive);
    ``inclusive=True`` means "at least" (two thirds: 2/3, inclusive).
    """

    min_votes: int = 3
    share: Fraction = Fraction(1, 2)
    inclusive: bool = False

    def __post_init__(self) -> None:
        if self.min_votes < 1:
            raise UserError("quorum.min_votes: must be at least 1")
        if self.min_votes > MAX_MIN_VOTES:
            raise UserError(f"quorum.min_votes: at most {MAX_MIN_VOTES}")
        # A share of 0 would let declines approve; "more than 1" can never be met.
        if not (0 < self.share < 1) and not (self.share == 1 and self.inclusive):
            raise UserError(
                "quorum.share: must be more than 0 and at most 1 (1 only with 'at least')"
            )

    def describe(self) -> str:
        op = "at least" if self.inclusive else "more than"
        return f"{self.min_votes} votes, {op} {self.share} approving"

    def to_json(self) -> dict[str, object]:
        return {
            "min_votes": self.min_votes,
            "share": str(self.share),
            "inclusive": self.inclusive,
        }

    @classmethod
    def from_json(cls, data: object) -> QuorumRule:
        if not isinstance(data, dict):
            raise UserError("quorum: must be an object with min_votes, share, inclusive")
        try:
            min_votes = data.get("min_votes", 3)
            if isinstance(min_votes, bool) or not isinstance(min_votes, int):
                raise UserError("quorum.min_votes: must be a whole number")
            share = parse_share(data.get("share", "1/2"))
        except ValueError:
            raise UserError("quorum.share: must be a fraction such as 1/2 or 2/3") from None
        inclusive = data.get("inclusive", False)
        if not isinstance(inclusive, bool):
            raise UserError("quorum.inclusive: must be true or false")
        return cls(min_votes=min_votes, share=share, inclusive=inclusive)


@dataclass(frozen=True)
class CastVote:
    voter: str
    vote: Vote
    conditions: str = ""


@dataclass(frozen=True)
class Tally:
    votes: int
    approving: int
    with_conditions: int
    declining: int
    quorum_met: bool
    outcome: Status | None  # None while the quorum is not met
    conditions: tuple[str, ...] = field(default=())


def tally(votes: Sequence[CastVote], rule: QuorumRule | None) -> Tally:
    """Count the committee's votes.

    Approved when the approving votes (with or without conditions) reach the rule's share and
    outnumber the declining votes (so at least one approves, whatever the rule says); approved
    *with conditions* when any approving vote carries conditions (all are kept, in voting
    order); declined otherwise. No outcome until ``rule.min_votes`` votes are cast, nor ever
    without a rule (``None``: the stored quorum is not valid).
    """
    n = len(votes)
    approving = sum(1 for v in votes if v.vote is not Vote.DECLINE)
    conditioned = [v for v in votes if v.vote is Vote.APPROVE_WITH_CONDITIONS]
    declining = n - approving
    quorum_met = rule is not None and n >= rule.min_votes
    outcome: Status | None = None
    conditions: tuple[str, ...] = ()
    if quorum_met and rule is not None:
        ratio = Fraction(approving, n)
        passes = ratio >= rule.share if rule.inclusive else ratio > rule.share
        passes = passes and approving > declining
        if passes and conditioned:
            outcome = Status.APPROVED_WITH_CONDITIONS
            conditions = tuple(v.conditions.strip() for v in conditioned if v.conditions.strip())
        elif passes:
            outcome = Status.APPROVED
        else:
            outcome = Status.DECLINED
    return Tally(n, approving, len(conditioned), declining, quorum_met, outcome, conditions)


def check_vote(vote: Vote, conditions: str, earlier_voters: Iterable[str], voter: str) -> None:
    """One vote per member per application version; conditions go with 'approve with conditions'."""
    if voter in set(earlier_voters):
        raise WorkflowError("vote: this member has already voted on this application version")
    if vote is Vote.APPROVE_WITH_CONDITIONS and not conditions.strip():
        raise WorkflowError("vote.conditions: required when approving with conditions")
    if vote is not Vote.APPROVE_WITH_CONDITIONS and conditions.strip():
        raise WorkflowError("vote.conditions: only an 'approve with conditions' vote carries them")


def parse_vote(text: str) -> Vote:
    try:
        return Vote(text.strip().lower())
    except ValueError:
        known = ", ".join(v.value for v in Vote)
        raise UserError(f"vote.decision: unknown decision {text!r} (known: {known})") from None
