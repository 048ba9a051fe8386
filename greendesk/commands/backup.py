"""``greendesk backup FILE``: a consistent copy of the SQLite store, even while it is open."""

from __future__ import annotations

import argparse
from typing import Any

from greendesk.commands._common import add_db_argument, resolve_db_url


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "backup", help="copy the database to FILE (SQLite online backup; safe while open)"
    )
    parser.add_argument("file", metavar="FILE", help="the backup file to write")
    add_db_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from greendesk.services import backup
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        info = backup.backup(db, args.file)
    finally:
        db.dispose()
    print(
        f"backed up {db.describe()} to {info.path} "
        f"({info.size} bytes, {info.loans} loans, {info.audit_events} audit events)"
    )
    return 0
