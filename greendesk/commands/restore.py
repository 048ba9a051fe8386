"""``greendesk restore FILE``: check a backup, then replace the SQLite store with it.

Nothing is replaced unless the file is a sound GreenDesk database this version can open; the
replaced database is kept beside it as ``<name>.before-restore-<UTC time>``. Close GreenDesk on
every desk that uses the database first.
"""

from __future__ import annotations

import argparse
import getpass
from typing import Any

from greendesk.commands._common import add_db_argument, resolve_db_url


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "restore", help="replace the database with a checked backup FILE (the old one is kept)"
    )
    parser.add_argument("file", metavar="FILE", help="a backup made by 'greendesk backup'")
    add_db_argument(parser)
    parser.add_argument(
        "--check-only", action="store_true", help="only check FILE; replace nothing"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from greendesk.services import backup
    from greendesk.store.database import default_database_url

    if args.check_only:
        info = backup.check_backup(args.file)
        print(
            f"{info.path}: a sound GreenDesk backup (schema {info.revision}, {info.loans} loans, "
            f"{info.audit_events} audit events)"
        )
        return 0
    url = resolve_db_url(args.db) or default_database_url()
    result = backup.restore(url, args.file, f"os:{getpass.getuser()}"[:64])
    print(f"restored {result.database} from {result.restored_from} ({result.info.loans} loans)")
    if result.kept_aside:
        print(f"the replaced database is kept as {result.kept_aside}")
    return 0
