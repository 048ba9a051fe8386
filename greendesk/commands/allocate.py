"""``greendesk allocate REF --drawdown N --line N --amount A --date D --evidence TEXT --as USER``.

Allocates part of a drawdown to one of the loan's use-of-proceeds lines (Green Loan Principles:
management of proceeds). A drawdown cannot be allocated beyond its amount, nor a line beyond its
own; every refusal names the field and the rule and exits with status 2, nothing saved.
"""

from __future__ import annotations

import argparse
from typing import Any

from greendesk.commands._common import login, resolve_db_url
from greendesk.commands._reference_data import add_acting


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "allocate", help="allocate part of a drawdown to a use-of-proceeds line"
    )
    parser.add_argument("reference", metavar="REF")
    parser.add_argument("--drawdown", required=True, metavar="N", help="drawdown number (1-based)")
    parser.add_argument("--line", required=True, metavar="N", help="use-of-proceeds line (1-based)")
    parser.add_argument("--amount", required=True, metavar="A")
    parser.add_argument("--date", required=True, metavar="DATE", help="allocated on (YYYY-MM-DD)")
    parser.add_argument("--evidence", required=True, metavar="TEXT", help="invoice, contract …")
    add_acting(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from greendesk.services.allocation import AllocationInput, record_allocation
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        actor = login(db, args.acting)
        row = record_allocation(
            db,
            actor,
            AllocationInput(
                args.reference, args.drawdown, args.line, args.amount, args.date, args.evidence
            ),
        )
    finally:
        db.dispose()
    print(
        f"allocation {row.id}: {row.reference} drawdown {row.drawdown} → line {row.line} "
        f"{row.amount:,.2f} on {row.allocated_on}"
    )
    return 0
