"""``greendesk generate-portfolio --loans N``: a synthetic portfolio for benchmarks and tests."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from greendesk.commands._common import add_db_argument, resolve_db_url


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "generate-portfolio", help="insert N synthetic loans (bulk) for benchmarks and tests"
    )
    parser.add_argument("--loans", type=int, required=True, metavar="N", help="how many loans")
    parser.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="S",
        help="random seed; references are SYN<S>-000001 ... (default 1)",
    )
    add_db_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from greendesk.services.synthetic import generate_portfolio
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    started = time.perf_counter()
    try:
        report = generate_portfolio(
            db,
            args.loans,
            seed=args.seed,
            progress=lambda done, total: print(
                f"\rgenerate-portfolio: {done:,}/{total:,}", end="", file=sys.stderr, flush=True
            ),
        )
    finally:
        db.dispose()
    print(
        f"\n{report.loans} loans, {report.borrowers} borrowers, {report.pledges} pledges, "
        f"{report.lenders} lender shares in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 0
