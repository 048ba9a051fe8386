"""``greendesk loans``: the current loans as a text table, or ``--json`` for other programs.

Takes the window's filters (``--class --status --region --category --officer --collateral
--coverage --coverage-below --start-from --start-to --maturity-from --maturity-to --search``).
"""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from greendesk.commands._common import add_db_argument, print_json, resolve_db_url
from greendesk.commands._filters import add_filter_arguments, filter_from_args
from greendesk.domain.money import format_money
from greendesk.domain.validation import LOAN_ORDER_KEYS

if TYPE_CHECKING:
    from greendesk.services.portfolio import LoanSummary


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("loans", help="list the loans (a table, or --json)")
    add_db_argument(parser)
    parser.add_argument("--json", action="store_true", help="a JSON list instead of a table")
    add_filter_arguments(parser)
    parser.add_argument(
        "--order-by",
        default="reference",
        metavar="KEY",
        help=f"sort key ({', '.join(LOAN_ORDER_KEYS)}); descending with a '-' prefix, "
        "written --order-by=-amount",
    )
    parser.set_defaults(handler=run)


def as_json(loan: LoanSummary) -> dict[str, Any]:
    """The JSON contract: amount as a string with two decimals, dates ISO."""
    return {
        "reference": loan.reference,
        "borrower": loan.borrower,
        "project": loan.project,
        "region": loan.region,
        "amount": format_money(loan.amount),
        "currency": loan.currency,
        "status": loan.status,
        "classification": loan.classification,
        "start_date": loan.start_date.isoformat() if loan.start_date else None,
        "maturity_date": loan.maturity_date.isoformat() if loan.maturity_date else None,
    }


def _width(text: str) -> int:
    """Display width in a terminal: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(width - _width(text), 0)
    return gap + text if right else text + gap


def table(rows: Sequence[Sequence[str]], right: Sequence[bool]) -> str:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(_pad(cell, widths[i], right[i]) for i, cell in enumerate(row)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from greendesk.services.portfolio import fetch_loan_summaries, list_loan_ids
    from greendesk.services.seeding import open_desk

    wanted = filter_from_args(args)
    db = open_desk(resolve_db_url(args.db))
    try:
        ids = list_loan_ids(db, order_by=args.order_by, filters=wanted)
        found = fetch_loan_summaries(db, ids)
    finally:
        db.dispose()
    loans = [found[i] for i in ids if i in found]
    if args.json:
        print_json([as_json(loan) for loan in loans])
        return 0
    header = ("reference", "borrower", "amount", "currency", "status", "classification")
    rows = [header] + [
        (
            loan.reference,
            loan.borrower,
            format_money(loan.amount, grouped=True),
            loan.currency,
            loan.status,
            loan.classification or "-",
        )
        for loan in loans
    ]
    print(table(rows, right=(False, False, True, False, False, False)))
    print(f"{len(loans)} loans")
    return 0
