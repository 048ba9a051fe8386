"""The application's plain status moves: submit, start review, disburse, close.

Each is one step the status chart allows for the actor's role (``check_transition``), taken in a
locked unit of work and audited. Disbursing also needs the latest version and every condition
precedent satisfied.
"""

from __future__ import annotations

from greendesk.domain.roles import Action, Principal
from greendesk.domain.workflow import WorkflowError, check_transition, parse_status
from greendesk.services import audit, conditions
from greendesk.services.workflow._unit import lock_loan, status_event, unit
from greendesk.services.workflow.state import WorkflowState, newer_id, state_in_session
from greendesk.store.database import Database


def _move(
    db: Database,
    actor: Principal,
    loan_id: int,
    action: Action,
    expected_version: int | None,
    **extra: object,
) -> WorkflowState:
    with unit(db) as session:
        loan = lock_loan(session, loan_id, expected_version)
        status = parse_status(loan.status)
        target = check_transition(action, status, actor.role, actor.username)
        if target is None:  # pragma: no cover - only simple transitions come here
            raise ValueError(f"{action} needs its own service")
        if action is Action.DISBURSE and (newer := newer_id(session, loan)) is not None:
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
        status_event(session, actor, action, loan, status, **extra)
        return state_in_session(session, actor, loan)


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
    """A reviewer takes a submitted application into the committee's review."""
    return _move(db, actor, loan_id, Action.START_REVIEW, expected_version)


@audit.refusals_audited
def disburse(
    db: Database, actor: Principal, loan_id: int, expected_version: int | None = None
) -> WorkflowState:
    """The officer marks an approved loan disbursed: only its newest version, and only once every
    condition precedent is satisfied."""
    return _move(db, actor, loan_id, Action.DISBURSE, expected_version)


@audit.refusals_audited
def close(
    db: Database, actor: Principal, loan_id: int, expected_version: int | None = None
) -> WorkflowState:
    """The officer closes a repaid loan (结清); it stays on file, read-only."""
    return _move(db, actor, loan_id, Action.CLOSE, expected_version)
