"""Users: creation, the first administrator, log-in, passwords, roles — each change audited.

Log-in hands back a ``Principal`` (a plain dataclass); every service that changes data takes one
and checks its role itself, so the window, the CLI and scripts obey the same rules.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from greendesk.domain.errors import ErrorCollector, UserError
from greendesk.domain.passwords import (
    check_password_rules,
    hash_password,
    needs_rehash,
    verify_password,
)
from greendesk.domain.roles import SYSTEM, Action, Principal, Role, parse_role
from greendesk.domain.validation import LIMITS, control_character
from greendesk.services import audit
from greendesk.store.database import Database
from greendesk.store.models import User

__all__ = ["DEMO_PASSWORD", "DEMO_USERS", "Principal", "UserInfo"]

USERNAME_RULE = re.compile(r"[a-z0-9][a-z0-9._-]*")
RESERVED_NAMES = frozenset({"system", "seed"})  # actors of GreenDesk's own work

# The demo database's documented accounts (README): one officer, three committee members for the
# default quorum of three, one administrator — all with the same demo password.
DEMO_PASSWORD = "greendesk-demo"
DEMO_USERS: tuple[tuple[str, str, Role], ...] = (
    ("officer", "王客户经理 (demo officer)", Role.OFFICER),
    ("reviewer1", "李委员 (demo reviewer)", Role.REVIEWER),
    ("reviewer2", "赵委员 (demo reviewer)", Role.REVIEWER),
    ("reviewer3", "孙委员 (demo reviewer)", Role.REVIEWER),
    ("admin", "系统管理员 (demo admin)", Role.ADMIN),
)


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    created_at: datetime


def _info(user: User) -> UserInfo:
    return UserInfo(
        user.id, user.username, user.display_name, Role(user.role), user.active, user.created_at
    )


def _principal(user: User) -> Principal:
    return Principal(user.id, user.username, user.display_name, Role(user.role))


def _check_new_user(username: str, display_name: str, password: str) -> tuple[str, str]:
    errors = ErrorCollector()
    name = username.strip()
    if not name:
        errors.add("username", "required")
    elif len(name) > LIMITS["username"]:
        errors.add("username", f"too long (at most {LIMITS['username']} characters)")
    elif not USERNAME_RULE.fullmatch(name):
        errors.add("username", "lower-case letters, digits, '.', '_' or '-' only")
    elif name in RESERVED_NAMES:
        errors.add("username", "reserved for GreenDesk itself")
    shown = display_name.strip() or name
    if len(shown) > LIMITS["display_name"]:
        errors.add("display_name", f"too long (at most {LIMITS['display_name']} characters)")
    elif (bad := control_character(shown)) is not None:
        errors.add("display_name", f"contains the control character U+{ord(bad):04X}")
    try:
        check_password_rules(password)
    except UserError as exc:
        path, _, rule = str(exc).partition(": ")
        errors.add(path, rule)
    errors.raise_if_any()
    return name, shown


def _add_user(
    session: Session, actor: Principal, username: str, display_name: str, role: Role, password: str
) -> User:
    if session.execute(select(User.id).where(User.username == username)).first():
        raise UserError(f"username: {username!r} already exists")
    user = User(
        username=username,
        display_name=display_name,
        role=role.value,
        password_hash=hash_password(password),
        active=True,
    )
    session.add(user)
    session.flush()
    audit.record(session, actor, "user.create", ("user", user.id), None, audit.snapshot(user))
    return user


def count_users(db: Database) -> int:
    with db.session() as session:
        return int(session.execute(select(func.count(User.id))).scalar_one())


def needs_first_admin(db: Database) -> bool:
    """True on first run: no active administrator exists, so the window must create one."""
    with db.session() as session:
        found = session.execute(
            select(User.id).where(User.role == Role.ADMIN.value, User.active.is_(True)).limit(1)
        ).first()
    return found is None


def create_first_admin(
    db: Database, username: str, password: str, display_name: str = ""
) -> Principal:
    """First run only: create the administrator (refused once any user exists)."""
    name, shown = _check_new_user(username, display_name, password)
    with db.session(write=True) as session:
        if session.execute(select(User.id).limit(1)).first():
            raise UserError(
                "users: this database already has users; an administrator adds new ones"
            )
        user = User(
            username=name,
            display_name=shown,
            role=Role.ADMIN.value,
            password_hash=hash_password(password),
            active=True,
        )
        session.add(user)
        session.flush()
        audit.record(session, SYSTEM, "user.create", ("user", user.id), None, audit.snapshot(user))
        return _principal(user)


def create_user(
    db: Database,
    actor: Principal,
    username: str,
    role: Role | str,
    password: str,
    display_name: str = "",
) -> UserInfo:
    """An administrator adds a user with a role and an initial password."""
    actor.require(Action.MANAGE_USERS)
    role = parse_role(role) if isinstance(role, str) else role
    name, shown = _check_new_user(username, display_name, password)
    with db.session(write=True) as session:
        return _info(_add_user(session, actor, name, shown, role, password))


WRONG_LOGIN = "log-in: wrong user name or password"


@cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_hex(16))


def authenticate(db: Database, username: str, password: str) -> Principal:
    """Log in; the same message for an unknown name and a wrong password."""
    name = username.strip()
    with db.session() as session:
        user = session.execute(select(User).where(User.username == name)).scalar_one_or_none()
        stored = user.password_hash if user is not None else None
    if user is None or stored is None:
        verify_password(password, _dummy_hash())  # as slow as a real check: names don't leak
        raise UserError(WRONG_LOGIN)
    if not verify_password(password, stored):
        raise UserError(WRONG_LOGIN)
    if not user.active:
        raise UserError(f"log-in: the account {name!r} is deactivated; ask an administrator")
    if needs_rehash(stored):
        with db.session(write=True) as session:
            fresh = session.get(User, user.id)
            if fresh is not None and fresh.password_hash == stored:
                fresh.password_hash = hash_password(password)
    return _principal(user)


def _user_by_name(session: Session, username: str) -> User:
    user = session.execute(
        select(User).where(User.username == username.strip())
    ).scalar_one_or_none()
    if user is None:
        raise UserError(f"username: no user named {username!r}")
    return user


def set_password(db: Database, actor: Principal, username: str, new_password: str) -> None:
    """An administrator resets any password; every user may change their own."""
    if actor.username != username.strip():
        actor.require(Action.MANAGE_USERS)
    check_password_rules(new_password)
    with db.session(write=True) as session:
        user = _user_by_name(session, username)
        user.password_hash = hash_password(new_password)
        session.flush()
        # The hash itself never enters the trail; the event says that the password changed.
        audit.record(
            session,
            actor,
            "user.set_password",
            ("user", user.id),
            {"username": user.username, "password": "(previous)"},
            {"username": user.username, "password": "(changed)"},
        )


def change_own_password(db: Database, actor: Principal, old: str, new: str) -> None:
    """A user changes their own password after proving the old one."""
    authenticate(db, actor.username, old)
    set_password(db, actor, actor.username, new)


def update_user(
    db: Database,
    actor: Principal,
    username: str,
    *,
    role: Role | str | None = None,
    active: bool | None = None,
    display_name: str | None = None,
) -> UserInfo:
    """An administrator changes a user's role, name or active flag (users are never deleted)."""
    actor.require(Action.MANAGE_USERS)
    new_role = parse_role(role) if isinstance(role, str) else role
    with db.session(write=True) as session:
        user = _user_by_name(session, username)
        before = audit.snapshot(user)
        if user.id == actor.user_id and (
            (new_role is not None and new_role is not Role.ADMIN) or active is False
        ):
            raise UserError("users: an administrator cannot demote or deactivate themselves")
        if new_role is not None:
            user.role = new_role.value
        if active is not None:
            user.active = active
        if display_name is not None:
            shown = display_name.strip()
            if not shown or len(shown) > LIMITS["display_name"]:
                raise UserError(
                    f"display_name: required, at most {LIMITS['display_name']} characters"
                )
            if (bad := control_character(shown)) is not None:
                raise UserError(f"display_name: contains the control character U+{ord(bad):04X}")
            user.display_name = shown
        session.flush()
        after = audit.snapshot(user)
        if after != before:
            audit.record(session, actor, "user.update", ("user", user.id), before, after)
        return _info(user)


def list_users(db: Database) -> list[UserInfo]:
    with db.session() as session:
        users = session.execute(select(User).order_by(User.username)).scalars()
        return [_info(u) for u in users]


def ensure_demo_users(db: Database) -> list[str]:
    """Create the documented demo accounts that are missing (idempotent); return those created.

    Only for the demo database: the seeding step calls it after loading the demo portfolio.
    """
    created: list[str] = []
    with db.session(write=True) as session:
        existing = set(session.execute(select(User.username)).scalars())
        for username, display_name, role in DEMO_USERS:
            if username not in existing:
                _add_user(session, SYSTEM, username, display_name, role, DEMO_PASSWORD)
                created.append(username)
    return created
