"""``greendesk conditions list | satisfy``: an approval's conditions precedent (放款前提条件).

``list REF`` shows each condition of the application's latest version, open or satisfied (by
whom, when, on what evidence); ``satisfy REF N --evidence TEXT --as USER`` marks condition N met.
``greendesk workflow disburse`` is refused until every condition is satisfied — the same service
rule as the window.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from greendesk.commands._common import (
    add_db_argument,
    login,
    print_json,
    resolve_db_url,
    whole_number,
)
from greendesk.commands._reference_data import add_acting

if TYPE_CHECKING:
    from greendesk.services.conditions import ConditionInfo


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "conditions", help="list or satisfy an approval's conditions precedent (放款前提条件)"
    )
    inner = parser.add_subparsers(dest="conditions_command", metavar="ACTION", required=True)

    listing = inner.add_parser("list", help="the conditions of application REF")
    listing.add_argument("reference", metavar="REF")
    listing.add_argument("--json", action="store_true")
    add_db_argument(listing)
    listing.set_defaults(handler=run_list)

    mark = inner.add_parser("satisfy", help="mark condition N of REF satisfied (officer)")
    mark.add_argument("reference", metavar="REF")
    mark.add_argument("position", metavar="N", type=whole_number, help="the condition's number")
    mark.add_argument("--evidence", required=True, help="the document or fact that meets it")
    add_acting(mark)
    mark.set_defaults(handler=run_satisfy)


def _as_json(c: ConditionInfo) -> dict[str, Any]:
    return {
        "number": c.position,
        "condition": c.text,
        "reviewer": c.reviewer,
        "satisfied": c.satisfied,
        "satisfied_by": c.satisfied_by,
        "satisfied_at": c.satisfied_at.isoformat() if c.satisfied_at else None,
        "evidence": c.evidence,
    }


def _line(c: ConditionInfo) -> str:
    head = f"{c.position}. {c.text}"
    if c.reviewer:
        head += f" (set by {c.reviewer})"
    if not c.satisfied or c.satisfied_at is None:
        return f"[ ] {head}"
    return (
        f"[x] {head}\n      satisfied by {c.satisfied_by} on {c.satisfied_at:%Y-%m-%d %H:%M} "
        f"UTC: {c.evidence}"
    )


def run_list(args: argparse.Namespace) -> int:
    from greendesk.services import conditions, workflow
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        loan_id = workflow.latest_loan_id(db, args.reference)
        found = conditions.list_conditions(db, loan_id)
    finally:
        db.dispose()
    if args.json:
        print_json([_as_json(c) for c in found])
        return 0
    if not found:
        print(f"{args.reference}: no conditions precedent")
        return 0
    still = sum(1 for c in found if not c.satisfied)
    print(f"{args.reference}: {len(found)} conditions precedent, {still} open")
    for c in found:
        print(_line(c))
    return 0


def run_satisfy(args: argparse.Namespace) -> int:
    from greendesk.services import conditions, workflow
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        actor = login(db, args.acting)
        loan_id = workflow.latest_loan_id(db, args.reference)
        done = conditions.satisfy(db, actor, loan_id, args.position, args.evidence)
        still = sum(1 for c in conditions.list_conditions(db, loan_id) if not c.satisfied)
    finally:
        db.dispose()
    print(_line(done))
    print(f"{still} condition(s) still open" if still else "all conditions satisfied")
    return 0
