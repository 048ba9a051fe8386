"""``greendesk generate-portfolio --loans N --as ADMIN``: a synthetic portfolio for benchmarks and
tests; an administrator's job, audited, and refused on a database holding real loans unless
``--into-existing``."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from greendesk.commands._common import (
    add_admin_argument,
    add_db_argument,
    login_admin,
    resolve_db_url,
    whole_number,
)

WHAT = "generates the portfolio"


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "generate-portfolio", help="insert N synthetic loans (bulk) for benchmarks and tests"
    )
    parser.add_argument(
        "--loans", type=whole_number, required=True, metavar="N", help="how many loans"
    )
    parser.add_argument(
        "--seed",
        type=whole_number,
        default=1,
        metavar="S",
        help="random seed; references are SYN<S>-000001 ... (default 1)",
    )
    parser.add_argument(
        "--into-existing",
        action="store_true",
        help="add them even though the database holds real loans (refused otherwise)",
    )
    add_db_argument(parser)
    add_admin_argument(parser, WHAT)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from greendesk.services.synthetic import generate_portfolio
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    started = time.perf_counter()
    try:
        actor = login_admin(db, args.acting, WHAT)
        report = generate_portfolio(
            db,
            args.loans,
            seed=args.seed,
            actor=actor,
            into_existing=args.into_existing,
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
