"""``greendesk backup FILE --as ADMIN``: a consistent copy of the SQLite store, even while it is
open; an administrator's job (a backup holds every record), audited."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from greendesk.commands._common import (
    add_admin_argument,
    add_db_argument,
    login_admin,
    resolve_db_url,
)

WHAT = "makes the backup"


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "backup", help="copy the database to FILE (SQLite online backup; safe while open)"
    )
    parser.add_argument("file", metavar="FILE", help="the backup file to write")
    add_db_argument(parser)
    add_admin_argument(parser, WHAT)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from greendesk.services import backup
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        actor = login_admin(db, args.acting, WHAT)
        info = backup.backup(db, args.file, actor)
    finally:
        db.dispose()
    print(
        f"backed up {db.describe()} to {info.path} "
        f"({info.size} bytes, {info.loans} loans, {info.audit_events} audit events)"
    )
    if not info.audited:
        print(
            "greendesk: warning: the database was busy; the backup is sound but not recorded "
            "in the audit trail",
            file=sys.stderr,
        )
    return 0
