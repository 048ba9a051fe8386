"""The application workflow as services: every action checks role, state and maker-checker here.

This package is the one public entry (``workflow.submit(db, actor, loan_id)``); its modules keep
one responsibility each: :mod:`.state` (where an application stands and what a user may do),
:mod:`.transitions` (submit, start review, disburse, close), :mod:`.committee` (vote, decide,
return for changes), :mod:`.versions` (reopening frozen terms, the newest version),
:mod:`.quorum` (the committee's quorum), on the locked, conflict-checked unit of work in
:mod:`._unit`.
"""

from greendesk.services.workflow._unit import ConflictError
from greendesk.services.workflow.committee import decide, return_for_changes, vote
from greendesk.services.workflow.quorum import (
    QUORUM_KEY,
    active_reviewers,
    get_quorum,
    quorum_warning,
    set_quorum,
)
from greendesk.services.workflow.state import (
    CHECKER_ACTIONS,
    VoteInfo,
    WorkflowState,
    state_in_session,
    workflow_state,
)
from greendesk.services.workflow.transitions import close, disburse, start_review, submit
from greendesk.services.workflow.versions import latest_loan_id, reopen

__all__ = [
    "CHECKER_ACTIONS",
    "QUORUM_KEY",
    "ConflictError",
    "VoteInfo",
    "WorkflowState",
    "active_reviewers",
    "close",
    "decide",
    "disburse",
    "get_quorum",
    "latest_loan_id",
    "quorum_warning",
    "reopen",
    "return_for_changes",
    "set_quorum",
    "start_review",
    "state_in_session",
    "submit",
    "vote",
    "workflow_state",
]
