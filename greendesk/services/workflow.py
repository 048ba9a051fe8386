"""The application workflow as services: every action checks role, state and maker-checker here.

Each action is one unit of work that locks the loan row first (SELECT ... FOR UPDATE on
PostgreSQL; SQLite's write sessions hold the database lock), so a vote and a decision, or two
officers, cannot interleave. Callers pass the ``version`` they last saw: if someone else changed the
loan since, the action is refused with "changed by someone else" instead of overwriting.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, bindparam, func, or_, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from greendesk.domain.audit_chain import canonical_json
from greendesk.domain.errors import UserError
from greendesk.domain.roles import Action, Principal, Role
from greendesk.domain.validation import LIMITS
from greendesk.domain.workflow import (
    APPROVED_STATES,
    CastVote,
    Makers,
    QuorumRule,
    Status,
    Tally,
    WorkflowError,
    allowed_actions,
    check_not_maker,
    check_transition,
    check_vote,
    parse_status,
    parse_vote,
    tally,
)
from greendesk.services import audit, conditions
from greendesk.store.database import Database
from greendesk.store.models import AppMeta, AuditEvent, DecisionVote, Loan, User

QUORUM_KEY = "workflow_quorum"
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


class ConflictError(UserError):
    """Someone else changed the loan since the caller read it; nothing was saved."""


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


def _conflict(reference: str, seen: int, now: int) -> ConflictError:
    return ConflictError(
        f"loan {reference}: changed by someone else since you opened it (version {seen}, now "
        f"{now}); nothing was saved — reload it and try again"
    )


@contextlib.contextmanager
def _unit(db: Database) -> Iterator[Session]:
    """A write unit of work that turns a lost optimistic-lock race into a ConflictError."""
    try:
        with db.session(write=True) as session:
            yield session
    except StaleDataError:
        raise ConflictError(
            "loan: changed by someone else at the same moment; nothing was saved — reload it "
            "and try again"
        ) from None


def _lock_loan(session: Session, loan_id: int, expected_version: int | None) -> Loan:
    loan = session.get(Loan, loan_id, with_for_update=True, populate_existing=True)
    if loan is None:
        raise UserError(f"loan: no loan with id {loan_id}")
    if expected_version is not None and loan.version != expected_version:
        raise _conflict(loan.reference, expected_version, loan.version)
    return loan


# The read side of every selection and workflow step, prepared once and bound per loan.
_NEWER = select(Loan.id).where(Loan.previous_id == bindparam("loan_id")).order_by(Loan.id).limit(1)
_QUORUM = select(AppMeta.value).where(AppMeta.key == QUORUM_KEY)
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


def _newer_id(session: Session, loan: Loan) -> int | None:
    return session.execute(_NEWER, {"loan_id": loan.id}).scalar_one_or_none()


def _makers(session: Session, loan: Loan) -> Makers:
    """Who prepared or changed this application, its pledges, borrower or project (the row and
    the audit trail)."""
    officer = loan.officer.username if loan.officer is not None else None
    params = {"loan_id": loan.id, "borrower": str(loan.borrower_id)}
    if loan.project_id is not None:
        params["project"] = str(loan.project_id)
    actors = session.execute(_MAKERS[loan.project_id is not None], params).scalars()
    names = {a for a in actors if a not in ("system", "seed")}
    return Makers.of(loan.created_by, loan.updated_by, officer, *names)


def _vote_lines(session: Session, loan_id: int) -> list[VoteInfo]:
    """The votes cast on ``loan_id`` with their voters, in the order they were cast."""
    return [VoteInfo(*row) for row in session.execute(_VOTE_LINES, {"loan_id": loan_id})]


def _votes(session: Session, loan_id: int) -> list[tuple[DecisionVote, User]]:
    rows = session.execute(
        select(DecisionVote, User)
        .join(User, User.id == DecisionVote.voter_id)
        .where(DecisionVote.loan_id == loan_id)
        .order_by(DecisionVote.id)
    ).all()
    return [(v, u) for v, u in rows]


def _quorum(session: Session) -> QuorumRule:
    """The quorum in force; a stored rule that breaks the rules is refused, never applied."""
    text = session.execute(_QUORUM).scalar_one_or_none()
    if text is None:
        return QuorumRule()
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None
    try:
        return QuorumRule.from_json(data)
    except UserError:
        raise UserError(
            "quorum: the stored quorum breaks the rules (at least 1 vote, a share above 0 and "
            "at most 1); an administrator must set it again"
        ) from None


def _usable_quorum(session: Session) -> QuorumRule | None:
    """The quorum in force, or None when the stored one breaks the rules (nothing is decided)."""
    try:
        return _quorum(session)
    except UserError:
        return None


def _tally(votes: Sequence[VoteInfo], quorum: QuorumRule | None) -> Tally:
    return tally(
        [CastVote(v.voter, parse_vote(v.decision), v.conditions or "") for v in votes], quorum
    )


def _state(session: Session, actor: Principal, loan: Loan) -> WorkflowState:
    status = parse_status(loan.status)
    makers = _makers(session, loan)
    quorum = _usable_quorum(session)
    votes = _vote_lines(session, loan.id)
    counted = _tally(votes, quorum)
    newer = _newer_id(session, loan)
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


def workflow_state(db: Database, actor: Principal, loan_id: int) -> WorkflowState:
    """The application's status, votes and tally, and the actions ``actor`` may take now."""
    with db.session() as session:
        loan = session.get(Loan, loan_id)
        if loan is None:
            raise UserError(f"loan: no loan with id {loan_id}")
        return _state(session, actor, loan)


def state_in_session(session: Session, actor: Principal, loan: Loan) -> WorkflowState:
    """:func:`workflow_state` of a loan row already read in the caller's session."""
    return _state(session, actor, loan)


def _note(text: str, path: str, *, required: bool) -> str | None:
    cleaned = text.strip()
    if required and not cleaned:
        raise UserError(f"{path}: required")
    if len(cleaned) > LIMITS["note"]:
        raise UserError(f"{path}: too long (at most {LIMITS['note']} characters)")
    return cleaned or None


def _status_event(
    session: Session, actor: Principal, action: Action, loan: Loan, before: Status, **extra: object
) -> None:
    after: dict[str, object] = {"status": loan.status, "version": loan.version, **extra}
    audit.record(
        session,
        actor,
        action.value,
        ("loan", loan.id),
        {"status": before.value, "reference": loan.reference},
        after,
    )


def _move(
    db: Database,
    actor: Principal,
    loan_id: int,
    action: Action,
    expected_version: int | None,
    **extra: object,
) -> WorkflowState:
    with _unit(db) as session:
        loan = _lock_loan(session, loan_id, expected_version)
        status = parse_status(loan.status)
        target = check_transition(action, status, actor.role, actor.username)
        if target is None:  # pragma: no cover - only simple transitions come here
            raise ValueError(f"{action} needs its own service")
        if action is Action.DISBURSE and (newer := _newer_id(session, loan)) is not None:
            raise WorkflowError(
                f"loan {loan.reference}: superseded by a newer version (loan id {newer}); "
                "disburse that one once approved"
            )
        if action is Action.DISBURSE and (pending := conditions.open_texts(session, loan.id)):
            raise WorkflowError(
                f"disburse: loan {loan.reference} has {len(pending)} condition(s) precedent not "
                f"yet satisfied: {'; '.join(pending)}"
            )
        loan.status = target.value
        session.flush()
        _status_event(session, actor, action, loan, status, **extra)
        return _state(session, actor, loan)


@audit.refusals_audited
def submit(
    db: Database, actor: Principal, loan_id: int, expected_version: int | None = None
) -> WorkflowState:
    """The officer submits a draft (or a returned application) to the committee."""
    return _move(db, actor, loan_id, Action.SUBMIT, expected_version)


@audit.refusals_audited
def start_review(
    db: Database, actor: Principal, loan_id: int, expected_version: int | None = None
) -> WorkflowState:
    return _move(db, actor, loan_id, Action.START_REVIEW, expected_version)


@audit.refusals_audited
def disburse(
    db: Database, actor: Principal, loan_id: int, expected_version: int | None = None
) -> WorkflowState:
    return _move(db, actor, loan_id, Action.DISBURSE, expected_version)


@audit.refusals_audited
def close(
    db: Database, actor: Principal, loan_id: int, expected_version: int | None = None
) -> WorkflowState:
    return _move(db, actor, loan_id, Action.CLOSE, expected_version)


@audit.refusals_audited
def return_for_changes(
    db: Database,
    actor: Principal,
    loan_id: int,
    reason: str,
    expected_version: int | None = None,
) -> WorkflowState:
    """The committee sends the application back; votes cast so far are voided (and audited)."""
    why = _note(reason, "return.reason", required=True)
    with _unit(db) as session:
        loan = _lock_loan(session, loan_id, expected_version)
        status = parse_status(loan.status)
        check_transition(Action.RETURN, status, actor.role, actor.username)
        for vote, _user in _votes(session, loan.id):
            before = audit.snapshot(vote)
            session.delete(vote)
            session.flush()
            audit.record(session, actor, "vote.void", ("vote", vote.id), before, None)
        loan.status = Status.RETURNED.value
        session.flush()
        _status_event(session, actor, Action.RETURN, loan, status, reason=why)
        return _state(session, actor, loan)


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
    cond = _note(conditions, "vote.conditions", required=False) or ""
    remark = _note(comment, "vote.comment", required=False)
    if actor.user_id is None:
        raise UserError("vote: only a logged-in committee member can vote")
    with _unit(db) as session:
        loan = _lock_loan(session, loan_id, None)
        check_transition(Action.VOTE, parse_status(loan.status), actor.role, actor.username)
        check_not_maker(actor.username, _makers(session, loan))
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
        return _state(session, actor, loan)


@audit.refusals_audited
def decide(
    db: Database, actor: Principal, loan_id: int, expected_version: int | None = None
) -> WorkflowState:
    """Record the committee's decision from the votes, once the quorum is met."""
    with _unit(db) as session:
        loan = _lock_loan(session, loan_id, expected_version)
        status = parse_status(loan.status)
        check_transition(Action.DECIDE, status, actor.role, actor.username)
        check_not_maker(actor.username, _makers(session, loan), Action.DECIDE)
        rule = _quorum(session)  # a stored rule that breaks the rules is refused here
        cast_votes = _vote_lines(session, loan.id)
        counted = _tally(cast_votes, rule)
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
        _status_event(
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
        return _state(session, actor, loan)


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
    with _unit(db) as session:
        old = _lock_loan(session, loan_id, expected_version)
        check_transition(Action.REOPEN, parse_status(old.status), actor.role, actor.username)
        if (newer := _newer_id(session, old)) is not None:
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
        return _state(session, actor, new)


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


def get_quorum(db: Database) -> QuorumRule:
    with db.session() as session:
        return _quorum(session)


def active_reviewers(db: Database) -> int:
    """How many active committee members could vote."""
    with db.session() as session:
        return int(
            session.execute(
                select(func.count(User.id)).where(
                    User.role == Role.REVIEWER.value, User.active.is_(True)
                )
            ).scalar_one()
        )


def quorum_warning(db: Database, rule: QuorumRule) -> str | None:
    """A warning when the rule needs more votes than there are active reviewers to cast them."""
    members = active_reviewers(db)
    if rule.min_votes <= members:
        return None
    return (
        f"quorum.min_votes: {rule.min_votes} votes needed but only {members} active reviewers "
        "can vote; no application can be decided until more reviewers are added"
    )


@audit.refusals_audited
def set_quorum(db: Database, actor: Principal, rule: QuorumRule) -> QuorumRule:
    """The administrator sets the committee's quorum (kept in app_meta, audited)."""
    actor.require(Action.CONFIGURE_WORKFLOW)
    with _unit(db) as session:
        try:
            before: dict[str, object] | None = _quorum(session).to_json()
        except UserError:  # replacing a stored rule that breaks the rules
            before = None
        row = session.get(AppMeta, QUORUM_KEY)
        text = canonical_json(rule.to_json())
        if row is None:
            session.add(AppMeta(key=QUORUM_KEY, value=text))
        else:
            row.value = text
        session.flush()
        audit.record(
            session,
            actor,
            "settings.update",
            ("settings", QUORUM_KEY),
            before,
            rule.to_json(),
        )
    return rule


def is_frozen(status: str) -> bool:
    """True when the loan's terms may no longer change in place (approved or declined)."""
    return parse_status(status) in APPROVED_STATES | {Status.DECLINED}
