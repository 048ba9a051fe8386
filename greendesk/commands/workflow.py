"""``greendesk workflow ACTION REF --as USER``: move an application through its workflow.

The same services as the window, so the same rules: the acting user's role, the application's
state, maker-checker and the committee quorum. The password comes from $GREENDESK_PASSWORD or a
prompt. ``status`` shows where an application stands and what the user may do.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from greendesk.commands._common import add_db_argument, login, print_json, resolve_db_url

if TYPE_CHECKING:
    from greendesk.domain.roles import Principal
    from greendesk.services.workflow import WorkflowState
    from greendesk.store.database import Database

# actions that take only the application; their services are looked up in `_simple_service`
SIMPLE = ("submit", "review", "decide", "disburse", "close", "reopen")


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "workflow", help="submit, review, vote on, decide, disburse an application (--as USER)"
    )
    inner = parser.add_subparsers(dest="workflow_command", metavar="ACTION", required=True)
    for name in ("status", *SIMPLE, "return", "vote"):
        sub = inner.add_parser(name, help=f"{name} the application REF (its latest version)")
        sub.add_argument("reference", metavar="REF")
        sub.add_argument("--as", dest="acting", required=True, metavar="USER")
        add_db_argument(sub)
        if name == "return":
            sub.add_argument("--reason", required=True)
        if name == "vote":
            sub.add_argument("decision", choices=["approve", "approve_with_conditions", "decline"])
            sub.add_argument("--conditions", default="")
            sub.add_argument("--comment", default="")
        if name == "status":
            sub.add_argument("--json", action="store_true")
        sub.set_defaults(handler=run)


def _simple_service(command: str) -> Callable[[Database, Principal, int], WorkflowState]:
    from greendesk.services import workflow

    services: dict[str, Callable[[Database, Principal, int], WorkflowState]] = {
        "submit": workflow.submit,
        "review": workflow.start_review,
        "decide": workflow.decide,
        "disburse": workflow.disburse,
        "close": workflow.close,
        "reopen": workflow.reopen,
    }
    return services[command]


def _show(state: WorkflowState, as_json: bool) -> None:
    quorum = (
        state.quorum.describe()
        if state.quorum is not None
        else "not valid (an administrator must set it again)"
    )
    data = {
        "reference": state.reference,
        "application_version": state.application_version,
        "status": state.status.value,
        "version": state.version,
        "votes": [
            {"voter": v.voter, "decision": v.decision, "conditions": v.conditions}
            for v in state.votes
        ],
        "quorum": quorum,
        "quorum_met": state.tally.quorum_met,
        "you_may": [a.value for a in state.allowed],
    }
    if as_json:
        print_json(data)
        return
    print(
        f"{state.reference} v{state.application_version}: {state.status.value} "
        f"({len(state.votes)} votes; quorum {quorum})"
    )
    for v in state.votes:
        extra = f" — {v.conditions}" if v.conditions else ""
        print(f"  {v.voter}: {v.decision}{extra}")
    print("you may: " + (", ".join(a.value for a in state.allowed) or "nothing"))


def run(args: argparse.Namespace) -> int:
    from greendesk.services import workflow
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        actor = login(db, args.acting)
        loan_id = workflow.latest_loan_id(db, args.reference)
        command = args.workflow_command
        if command == "status":
            _show(workflow.workflow_state(db, actor, loan_id), args.json)
            return 0
        if command == "vote":
            state = workflow.vote(db, actor, loan_id, args.decision, args.conditions, args.comment)
        elif command == "return":
            state = workflow.return_for_changes(db, actor, loan_id, args.reason)
        else:
            state = _simple_service(command)(db, actor, loan_id)
        _show(state, False)
        return 0
    finally:
        db.dispose()
