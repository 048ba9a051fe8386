"""``greendesk db upgrade`` migrates a database to this version's schema; ``db current`` reports."""

from __future__ import annotations

import argparse
from typing import Any

from greendesk.commands._common import add_db_argument, resolve_db_url


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("db", help="database schema: upgrade or show the revision")
    inner = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = inner.add_parser(
        "upgrade", help="create the database if new and migrate it to the latest schema"
    )
    add_db_argument(upgrade)
    upgrade.set_defaults(handler=run_upgrade)
    current = inner.add_parser(
        "current", help="show the database's schema revision (changes nothing)"
    )
    add_db_argument(current)
    current.set_defaults(handler=run_current)


def run_upgrade(args: argparse.Namespace) -> int:
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        now, before, where = db.schema_revision(), db.migrated_from, db.describe()
    finally:
        db.dispose()
    if before == now:
        print(f"{where}: schema already at revision {now} (latest)")
    else:
        print(f"{where}: schema upgraded from {before or 'nothing (new database)'} to {now}")
    return 0


def run_current(args: argparse.Namespace) -> int:
    from greendesk.store.database import database_status

    status = database_status(resolve_db_url(args.db))
    if not status.exists:
        print(f"{status.where}: no database yet (latest schema revision {status.head})")
    elif status.revision is None:
        print(f"{status.where}: empty, not yet migrated (latest {status.head})")
    else:
        state = "latest" if status.up_to_date else f"upgrade available to {status.head}"
        print(f"{status.where}: schema revision {status.revision} ({state})")
    return 0
