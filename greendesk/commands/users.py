"""``greendesk users add | list | set-password | unlock | lockout``: accounts and roles from the
command line.

On a database with no users, ``users add NAME --role admin`` creates the first administrator.
Otherwise an administrator acts: ``--as NAME`` with the password from $GREENDESK_PASSWORD or a
prompt. New passwords come from a prompt (typed twice) or, with ``--password-stdin``, the first
line of standard input — never from the command line, where other users could see them.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC
from typing import TYPE_CHECKING, Any

from greendesk.commands._common import (
    PASSWORD_ENV,
    add_db_argument,
    ask_password,
    login,
    print_json,
    resolve_db_url,
    whole_number,
)
from greendesk.domain.errors import UserError
from greendesk.domain.roles import Principal, Role

if TYPE_CHECKING:
    from greendesk.services.auth import UserInfo
    from greendesk.store.database import Database


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("users", help="add and list users, set passwords")
    inner = parser.add_subparsers(dest="users_command", metavar="ACTION", required=True)

    add = inner.add_parser("add", help="add a user (the first one must be an admin)")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--name", default="", help="display name, e.g. 王芳")
    _acting(add)
    add.set_defaults(handler=run_add)

    listing = inner.add_parser("list", help="list users and their roles")
    add_db_argument(listing)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)

    setpw = inner.add_parser("set-password", help="set a user's password")
    setpw.add_argument("username")
    _acting(setpw)
    setpw.set_defaults(handler=run_set_password)

    unlock = inner.add_parser(
        "unlock", help="lift the lock that failed log-ins put on an account (administrator)"
    )
    unlock.add_argument("username")
    add_db_argument(unlock)
    unlock.add_argument(
        "--as",
        dest="acting",
        metavar="ADMIN",
        help=f"administrator who unlocks (password: ${PASSWORD_ENV} or a prompt)",
    )
    unlock.set_defaults(handler=run_unlock)

    lockout = inner.add_parser(
        "lockout",
        help="show, or set (administrator), how many failed log-ins lock an account, how long",
    )
    lockout.add_argument("--max-failures", type=whole_number, metavar="N", help="failures in a row")
    lockout.add_argument(
        "--minutes", type=whole_number, metavar="M", help="how long the lock lasts"
    )
    add_db_argument(lockout)
    lockout.add_argument(
        "--as",
        dest="acting",
        metavar="ADMIN",
        help=f"administrator who changes it (password: ${PASSWORD_ENV} or a prompt)",
    )
    lockout.set_defaults(handler=run_lockout)


def _acting(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument(
        "--as",
        dest="acting",
        metavar="ADMIN",
        help=f"administrator who makes the change (password: ${PASSWORD_ENV} or a prompt)",
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the new password from the first line of standard input",
    )


def _new_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        if not line:
            raise UserError("password: nothing on standard input")
        return line.rstrip("\r\n")
    first = ask_password("New password: ")
    if ask_password("Repeat it: ") != first:
        raise UserError("password: the two entries differ")
    return first


def _login(db: Database, name: str | None) -> Principal:
    if not name:
        raise UserError("--as: name the administrator who makes this change")
    return login(db, name)


def run_add(args: argparse.Namespace) -> int:
    from greendesk.services import auth
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        if auth.count_users(db) == 0:
            if args.role != Role.ADMIN.value:
                raise UserError("role: the first user must be an administrator (--role admin)")
            actor = auth.create_first_admin(db, args.username, _new_password(args), args.name)
            print(f"created the first administrator {actor.username}")
            return 0
        acting = _login(db, args.acting)
        info = auth.create_user(
            db, acting, args.username, args.role, _new_password(args), args.name
        )
        print(f"created {info.username} ({info.role.value})")
        return 0
    finally:
        db.dispose()


def run_list(args: argparse.Namespace) -> int:
    from greendesk.services import auth
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        users = auth.list_users(db)
    finally:
        db.dispose()
    if args.json:
        print_json(
            [
                {
                    "username": u.username,
                    "display_name": u.display_name,
                    "role": u.role.value,
                    "active": u.active,
                    "locked_until": u.locked_until.isoformat() if u.locked_until else None,
                    "demo_password": u.demo_password,
                }
                for u in users
            ]
        )
        return 0
    for u in users:
        print(f"{u.username:<16} {u.role.value:<9} {u.display_name}{_flags(u)}")
    return 0


def _flags(user: UserInfo) -> str:
    """What an administrator must see at a glance: deactivated, locked, demo password."""
    flags = [] if user.active else ["deactivated"]
    if user.locked_until is not None:
        flags.append(f"locked until {user.locked_until.astimezone(UTC):%Y-%m-%d %H:%M} UTC")
    if user.demo_password:
        flags.append("DEMO PASSWORD: must be changed")
    return "".join(f"  ({f})" for f in flags)


def run_unlock(args: argparse.Namespace) -> int:
    from greendesk.services import auth
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        acting = _login(db, args.acting)
        auth.unlock_user(db, acting, args.username)
        print(f"{args.username} unlocked")
        return 0
    finally:
        db.dispose()


def run_set_password(args: argparse.Namespace) -> int:
    from greendesk.services import auth
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        name = args.acting or args.username
        own = name.strip() == args.username.strip()
        acting = login(db, name, changing_own_password=own) if own else _login(db, name)
        auth.set_password(db, acting, args.username, _new_password(args))
        print(f"password of {args.username} changed")
        return 0
    finally:
        db.dispose()


def run_lockout(args: argparse.Namespace) -> int:
    from greendesk.domain.lockout import LockoutPolicy
    from greendesk.services import auth
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        policy = auth.lockout_policy(db)
        if args.max_failures is not None or args.minutes is not None:
            acting = _login(db, args.acting)
            wanted = LockoutPolicy.from_json(
                {
                    "max_failures": policy.max_failures
                    if args.max_failures is None
                    else args.max_failures,
                    "lock_minutes": policy.lock_minutes if args.minutes is None else args.minutes,
                }
            )
            policy = auth.set_lockout_policy(db, acting, wanted)
    finally:
        db.dispose()
    print(
        f"lockout: {policy.max_failures} failed log-ins in a row lock an account for "
        f"{policy.lock_minutes} minutes"
    )
    return 0
