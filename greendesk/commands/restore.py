"""``greendesk restore FILE``: check a backup, then replace the SQLite store with it.

Nothing is replaced unless the file is a sound GreenDesk database this version can open; the
replaced database is kept beside it as ``<name>.before-restore-<UTC time>``. Close GreenDesk on
every desk that uses the database first: while another process has it open, restore refuses.
A file whose audit trail does not verify, or is behind the head recorded in its manifest, is
refused unless an administrator gives ``--force-reason`` (audited).
"""

from __future__ import annotations

import argparse
import getpass
from typing import TYPE_CHECKING, Any

from greendesk.commands._common import add_db_argument, login, resolve_db_url
from greendesk.domain.errors import UserError

if TYPE_CHECKING:
    from greendesk.domain.roles import Principal


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "restore", help="replace the database with a checked backup FILE (the old one is kept)"
    )
    parser.add_argument("file", metavar="FILE", help="a backup made by 'greendesk backup'")
    add_db_argument(parser)
    parser.add_argument(
        "--check-only", action="store_true", help="only check FILE; replace nothing"
    )
    parser.add_argument(
        "--force-reason",
        metavar="TEXT",
        help="restore a file whose audit trail does not verify or is behind its recorded head "
        "(needs an administrator, --as; the reason is audited)",
    )
    parser.add_argument("--as", dest="acting", metavar="NAME", help="administrator's user name")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from greendesk.services import backup
    from greendesk.store.database import default_database_url, open_database

    if args.check_only:
        from greendesk.services.backup_trail import check_trail

        info = backup.check_backup(args.file)
        trail = check_trail(info.path)
        if trail.problem is not None:
            raise UserError(f"{info.path}: {trail.problem}")
        head = f", audit head #{trail.head.seq}" if trail.head else ""
        print(
            f"{info.path}: a sound GreenDesk backup (schema {info.revision}, {info.loans} loans, "
            f"{info.audit_events} audit events{head})"
        )
        return 0
    url = resolve_db_url(args.db) or default_database_url()
    actor: Principal | str = f"os:{getpass.getuser()}"[:64]
    if args.force_reason is not None:
        if not args.acting:
            raise UserError("restore --force-reason: an administrator must log in (--as NAME)")
        db = open_database(url)
        try:
            actor = login(db, args.acting)
        finally:
            db.dispose()
    result = backup.restore(url, args.file, actor, force_reason=args.force_reason)
    print(f"restored {result.database} from {result.restored_from} ({result.info.loans} loans)")
    if result.kept_aside:
        print(f"the replaced database is kept as {result.kept_aside}")
    return 0
