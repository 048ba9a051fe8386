"""``greendesk restore FILE --as ADMIN``: check a backup, then replace the SQLite store with it.

Only an administrator of the database being replaced may (``--check-only`` needs no log-in);
the restore is audited in the restored database, a refusal in the one that stays.

Nothing is replaced unless the file is a sound GreenDesk database this version can open; the
replaced database is kept beside it as ``<name>.before-restore-<UTC time>``. Close GreenDesk on
every desk that uses the database first: while another process has it open, restore refuses.
A file whose audit trail does not verify, or is behind the head recorded in its manifest, is
refused unless an administrator gives ``--force-reason`` (audited).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from greendesk.commands._common import (
    add_admin_argument,
    add_db_argument,
    login_admin,
    resolve_db_url,
)
from greendesk.domain.errors import UserError
from greendesk.domain.roles import Action, Principal

WHAT = "restores the backup"


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "restore", help="replace the database with a checked backup FILE (the old one is kept)"
    )
    parser.add_argument("file", metavar="FILE", help="a backup made by 'greendesk backup'")
    add_db_argument(parser)
    parser.add_argument(
        "--check-only", action="store_true", help="only check FILE; replace nothing"
    )
    add_admin_argument(parser, WHAT)
    parser.add_argument(
        "--force-reason",
        metavar="TEXT",
        help="restore a file whose audit trail does not verify or is behind its recorded head "
        "(the reason is audited)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from greendesk.services import backup
    from greendesk.store.database import default_database_url

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
    backup.check_backup(args.file)  # a file that is no backup is refused before any log-in
    actor = _administrator(url, args.acting)
    result = backup.restore(url, args.file, actor, force_reason=args.force_reason)
    print(f"restored {result.database} from {result.restored_from} ({result.info.loans} loans)")
    if result.kept_aside:
        print(f"the replaced database is kept as {result.kept_aside}")
    return 0


def _administrator(url: str, name: str | None) -> Principal:
    """Log in an administrator of the database about to be replaced (refusals audited there)."""
    from sqlalchemy import make_url

    from greendesk.services import audit
    from greendesk.store.database import open_database

    if not name:
        raise UserError(f"--as: name the administrator who {WHAT}")
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        path = Path(parsed.database or "").expanduser()
        if not path.exists():
            raise UserError(
                f"restore: {path} does not exist, so there is no administrator to check --as "
                "against and nothing to replace; copy the backup file to that place instead"
            )
    db = open_database(url)
    try:
        actor = login_admin(db, name, WHAT)
        audit.require(db, actor, Action.RESTORE)
    finally:
        db.dispose()
    return actor
