"""``greendesk seed``: load the demo portfolio (the article's cases) into a database."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from greendesk.commands._common import add_db_argument, resolve_db_url


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "seed",
        help="load the demo portfolio from seeds/ (idempotent: nothing is duplicated)",
        description="Load the demo portfolio. Records already present (same credit code, "
        "reference, price date ...) are left as they are; a bad value loads nothing.",
    )
    add_db_argument(parser)
    parser.add_argument(
        "--folder",
        metavar="DIR",
        type=Path,
        default=None,
        help="seed folder to load instead of the packaged seeds/",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from greendesk.services.seeding import seed_demo
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        report = seed_demo(db, args.folder)
        where = db.describe()
    finally:
        db.dispose()
    print(
        f"{where}: added {report.loans} loans, {report.borrowers} borrowers, "
        f"{report.projects} projects, {report.pledges} pledges, {report.prices} prices, "
        f"{report.rates} rates, {report.users} demo accounts from {report.files} files "
        f"({report.already_present} records already present)"
    )
    if not report.demo_database:
        print(
            "no demo accounts: this database was not empty when first seeded, and accounts "
            "with the public demo password are made only in a new demo database"
        )
    return 0
