"""Users: creation, the first administrator, log-in, passwords, roles — each change audited.

Log-in hands back a ``Principal`` (a plain dataclass); every service that changes data takes one
and checks its role itself, so the window, the CLI and scripts obey the same rules.
"""

from __future__ import annotations

import hmac
import json
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from sqlalchemy import Table, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from greendesk.domain.errors import ErrorCollector, UserError
from greendesk.domain.lockout import DEFAULT_LOCKOUT, LockoutPolicy
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
from greendesk.store.models import AppMeta, User, UserLoginState
from greendesk.store.types import utcnow

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
    locked_until: datetime | None = None  # set while failed log-ins lock the account
    demo_password: bool = False  # still the public demo password: must be changed


def _info(user: User, state: UserLoginState | None = None, now: datetime | None = None) -> UserInfo:
    locked = state.locked_until if state is not None else None
    if locked is not None and locked <= (now or utcnow()):
        locked = None
    return UserInfo(
        user.id,
        user.username,
        user.display_name,
        Role(user.role),
        user.active,
        user.created_at,
        locked,
        bool(state is not None and state.demo_password),
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


def _refuse_demo_password(password: str, field: str = "password") -> None:
    """The demo password is public (README): no account outside the demo gets it."""
    if hmac.compare_digest(password.encode("utf-8"), DEMO_PASSWORD.encode("utf-8")):
        raise UserError(f"{field}: the public demo password cannot be used")


def _add_user(
    session: Session,
    actor: Principal,
    username: str,
    display_name: str,
    role: Role,
    password: str,
    *,
    demo: bool = False,
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
    if demo:
        session.add(UserLoginState(user_id=user.id, failed_logins=0, demo_password=True))
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
    _refuse_demo_password(password)
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


@audit.refusals_audited
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
    _refuse_demo_password(password)
    with db.session(write=True) as session:
        return _info(_add_user(session, actor, name, shown, role, password))


WRONG_LOGIN = "log-in: wrong user name or password"
LOCKOUT_KEY = "login_lockout"  # app_meta: the database's own LockoutPolicy, if any


@cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_hex(16))


def _lockout(session: Session) -> LockoutPolicy:
    text = session.execute(
        select(AppMeta.value).where(AppMeta.key == LOCKOUT_KEY)
    ).scalar_one_or_none()
    if text is None:
        return DEFAULT_LOCKOUT
    try:
        return LockoutPolicy.from_json(json.loads(text))
    except (UserError, json.JSONDecodeError):
        return DEFAULT_LOCKOUT  # a damaged setting never switches the lock off


def lockout_policy(db: Database) -> LockoutPolicy:
    with db.session() as session:
        return _lockout(session)


@audit.refusals_audited
def set_lockout_policy(db: Database, actor: Principal, policy: LockoutPolicy) -> LockoutPolicy:
    """The administrator sets how many failures lock an account, and for how long (audited)."""
    actor.require(Action.MANAGE_USERS)
    with db.session(write=True) as session:
        before = _lockout(session).to_json()
        row = session.get(AppMeta, LOCKOUT_KEY)
        text = json.dumps(policy.to_json(), sort_keys=True)
        if row is None:
            session.add(AppMeta(key=LOCKOUT_KEY, value=text))
        else:
            row.value = text
        session.flush()
        audit.record(
            session, actor, "settings.update", ("settings", LOCKOUT_KEY), before, policy.to_json()
        )
    return policy


def _login_state(session: Session, user_id: int) -> UserLoginState:
    """The user's log-in state row, locked for update (created if missing, race-free)."""
    table: Table = UserLoginState.__table__  # type: ignore[assignment]
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(
        insert(table)
        .values(user_id=user_id, failed_logins=0, demo_password=False)
        .on_conflict_do_nothing(index_elements=["user_id"])
    )
    state = session.get(UserLoginState, user_id, with_for_update=True, populate_existing=True)
    assert state is not None
    return state


def _shown_name(name: str) -> str:
    """A typed name fit for the trail: a real user name, else a placeholder (it may be a
    password typed into the wrong box)."""
    if USERNAME_RULE.fullmatch(name) and len(name) <= LIMITS["username"]:
        return name
    return "(not a user name)"


def _failed(db: Database, user: User, now: datetime, why: str) -> datetime | None:
    """Count a failed log-in, lock the account at the limit; return the lock's end if locked."""
    with db.session(write=True) as session:
        policy = _lockout(session)
        state = _login_state(session, user.id)
        if state.locked_until is not None and state.locked_until <= now:
            state.failed_logins, state.locked_until = 0, None  # the old lock ran out
        state.failed_logins += 1
        state.last_failed_at = now
        locked = state.failed_logins >= policy.max_failures and state.locked_until is None
        if locked:
            state.locked_until = policy.locked_until(now)
        session.flush()
        after: dict[str, object] = {"who": user.username, "what": "log-in", "why": why}
        after["failed"] = state.failed_logins
        audit.record(session, user.username, "login.failed", ("user", user.id), None, after)
        if locked:
            audit.record(
                session,
                user.username,
                "login.locked",
                ("user", user.id),
                None,
                {
                    "who": user.username,
                    "what": "log-in",
                    "why": f"{state.failed_logins} failed log-ins in a row",
                    "locked_until": state.locked_until,
                },
            )
        return state.locked_until


def _locked_message(name: str, until: datetime, policy: LockoutPolicy) -> UserError:
    return UserError(
        f"log-in: the account {name!r} is locked after {policy.max_failures} failed log-ins "
        f"until {until.astimezone(UTC):%H:%M} UTC; an administrator can unlock it"
    )


def authenticate(
    db: Database, username: str, password: str, *, now: datetime | None = None
) -> Principal:
    """Log in; the same message for an unknown name and a wrong password.

    Every failure is audited; ``LockoutPolicy.max_failures`` failures in a row lock the account
    for ``lock_minutes``, during which even the right password is refused.
    """
    moment = now or utcnow()
    name = username.strip()
    with db.session() as session:
        user = session.execute(select(User).where(User.username == name)).scalar_one_or_none()
        state = session.get(UserLoginState, user.id) if user is not None else None
        policy = _lockout(session)
    stored = user.password_hash if user is not None else None
    if user is None or stored is None:
        verify_password(password, _dummy_hash())  # as slow as a real check: names don't leak
        audit.record_refusal(db, _shown_name(name), "login.failed", "log-in", "unknown user")
        raise UserError(WRONG_LOGIN)
    locked_until = state.locked_until if state is not None else None
    if locked_until is not None and locked_until > moment:
        verify_password(password, _dummy_hash())
        audit.record_refusal(
            db, name, "login.failed", "log-in", "account locked", ("user", user.id)
        )
        raise _locked_message(name, locked_until, policy)
    if not verify_password(password, stored):
        locked = _failed(db, user, moment, "wrong password")
        if locked is not None:
            raise _locked_message(name, locked, policy)
        raise UserError(WRONG_LOGIN)
    if not user.active:
        audit.record_refusal(
            db, name, "login.failed", "log-in", "account deactivated", ("user", user.id)
        )
        raise UserError(f"log-in: the account {name!r} is deactivated; ask an administrator")
    is_demo = hmac.compare_digest(password.encode("utf-8"), DEMO_PASSWORD.encode("utf-8"))
    dirty = state is not None and (state.failed_logins or state.locked_until is not None)
    flag_demo = is_demo and not (state is not None and state.demo_password)
    if needs_rehash(stored) or dirty or flag_demo:
        with db.session(write=True) as session:
            fresh = session.get(User, user.id)
            if fresh is not None and fresh.password_hash == stored and needs_rehash(stored):
                fresh.password_hash = hash_password(password)
            if dirty or flag_demo:
                row = _login_state(session, user.id)
                row.failed_logins, row.locked_until = 0, None
                row.demo_password = row.demo_password or is_demo
    return _principal(user)


def _user_by_name(session: Session, username: str) -> User:
    user = session.execute(
        select(User).where(User.username == username.strip())
    ).scalar_one_or_none()
    if user is None:
        raise UserError(f"username: no user named {username!r}")
    return user


@audit.refusals_audited
def set_password(db: Database, actor: Principal, username: str, new_password: str) -> None:
    """An administrator resets any password; every user may change their own."""
    if actor.username != username.strip():
        actor.require(Action.MANAGE_USERS)
    check_password_rules(new_password)
    _refuse_demo_password(new_password)
    with db.session(write=True) as session:
        user = _user_by_name(session, username)
        user.password_hash = hash_password(new_password)
        state = session.get(UserLoginState, user.id)
        if state is not None:
            state.demo_password = False
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


@audit.refusals_audited
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
        rows = session.execute(
            select(User, UserLoginState)
            .outerjoin(UserLoginState, UserLoginState.user_id == User.id)
            .order_by(User.username)
        ).all()
        return [_info(u, st) for u, st in rows]


def user_info(db: Database, username: str) -> UserInfo:
    with db.session() as session:
        user = _user_by_name(session, username)
        return _info(user, session.get(UserLoginState, user.id))


@audit.refusals_audited
def unlock_user(db: Database, actor: Principal, username: str) -> UserInfo:
    """An administrator lifts a lock from failed log-ins (and clears the count); audited."""
    actor.require(Action.MANAGE_USERS)
    with db.session(write=True) as session:
        user = _user_by_name(session, username)
        state = _login_state(session, user.id)
        before = {"failed_logins": state.failed_logins, "locked_until": state.locked_until}
        state.failed_logins, state.locked_until = 0, None
        session.flush()
        audit.record(
            session,
            actor,
            "user.unlock",
            ("user", user.id),
            audit.to_jsonable(before),
            {"failed_logins": 0, "locked_until": None},
        )
        return _info(user, state)


DEMO_DATABASE_KEY = "demo_database"  # app_meta: this database was seeded empty, as the demo


def _is_empty(session: Session) -> bool:
    from greendesk.store.models import Borrower, Loan

    return all(
        session.execute(select(model.id).limit(1)).first() is None
        for model in (User, Loan, Borrower)
    )


def ensure_demo_users(db: Database) -> list[str]:
    """Make an empty database the demo: the documented demo accounts, flagged as holding the
    public demo password; return those created.

    On any other database — one that has users or records of its own — nothing is created: an
    account with a password printed in the README would open a real bank's data.
    """
    created: list[str] = []
    with db.session(write=True) as session:
        if not _is_empty(session):
            return created
        for username, display_name, role in DEMO_USERS:
            _add_user(session, SYSTEM, username, display_name, role, DEMO_PASSWORD, demo=True)
            created.append(username)
        session.add(AppMeta(key=DEMO_DATABASE_KEY, value=utcnow().isoformat()))
    return created


def is_demo_database(db: Database) -> bool:
    with db.session() as session:
        return session.get(AppMeta, DEMO_DATABASE_KEY) is not None


@dataclass(frozen=True)
class DemoAccounts:
    """What the log-in of the demo database tells a new user: the accounts still open with the
    public demo password (README), and that password."""

    accounts: tuple[UserInfo, ...]
    password: str = DEMO_PASSWORD


def demo_accounts(db: Database) -> DemoAccounts | None:
    """The demo accounts to name at log-in; ``None`` on any database that is not the demo.

    Only active accounts that still hold the demo password are named: an account whose password
    was changed is nobody's to guess. A database with real users says nothing of the kind.
    """
    if not is_demo_database(db):
        return None
    demo_names = [name for name, _display, _role in DEMO_USERS]
    users = {u.username: u for u in list_users(db) if u.active and u.demo_password}
    named = tuple(users[name] for name in demo_names if name in users)
    return DemoAccounts(named) if named else None


def must_change_password(db: Database, username: str) -> bool:
    """True when the account still holds the public demo password outside the demo database."""
    with db.session() as session:
        user = session.execute(
            select(User.id).where(User.username == username.strip())
        ).scalar_one_or_none()
        if user is None:
            return False
        state = session.get(UserLoginState, user)
        if state is None or not state.demo_password:
            return False
        return session.get(AppMeta, DEMO_DATABASE_KEY) is None


def demo_password_refusal(name: str) -> UserError:
    """The refusal for an account that must first change the public demo password."""
    return UserError(
        f"log-in: the account {name!r} still has the public demo password; outside the demo "
        "database it must be changed first"
    )
