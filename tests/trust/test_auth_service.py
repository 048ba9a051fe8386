"""Users and log-in on SQLite and PostgreSQL: first administrator, roles, passwords, demo."""

from __future__ import annotations

import io
import sys

import pytest
from sqlalchemy import select

from greendesk.cli import main as greendesk_main
from greendesk.domain.errors import InvalidInput, UserError
from greendesk.domain.passwords import verify_password
from greendesk.domain.roles import PermissionDenied, Role
from greendesk.services import audit, auth
from greendesk.store.database import Database, open_database
from greendesk.store.models import User


def test_first_run_creates_the_administrator_once(database: Database) -> None:
    assert auth.needs_first_admin(database)
    admin = auth.create_first_admin(database, "chen", "first-admin-pw", "陈管理员")
    assert admin.role is Role.ADMIN and admin.user_id is not None
    assert not auth.needs_first_admin(database)
    with pytest.raises(UserError, match="already has users"):
        auth.create_first_admin(database, "mallory", "another-admin-pw")
    events = audit.history(database, "user", admin.user_id)
    assert [(e.action, e.actor) for e in events] == [("user.create", "system")]
    with database.session() as session:
        stored = session.execute(select(User.password_hash).where(User.username == "chen"))
        hashed = stored.scalar_one()
    assert hashed.startswith("scrypt$") and "first-admin-pw" not in hashed
    assert verify_password("first-admin-pw", hashed)


def test_log_in_and_refusals(database: Database) -> None:
    admin = auth.create_first_admin(database, "chen", "first-admin-pw")
    auth.create_user(database, admin, "wang", "officer", "officer-pw-1", "王芳")
    me = auth.authenticate(database, " wang ", "officer-pw-1")
    assert (me.username, me.role, me.display_name) == ("wang", Role.OFFICER, "王芳")
    with pytest.raises(UserError) as wrong:
        auth.authenticate(database, "wang", "officer-pw-2")
    with pytest.raises(UserError) as unknown:
        auth.authenticate(database, "nobody", "officer-pw-1")
    assert str(wrong.value) == str(unknown.value) == auth.WRONG_LOGIN
    auth.update_user(database, admin, "wang", active=False)
    with pytest.raises(UserError, match="deactivated"):
        auth.authenticate(database, "wang", "officer-pw-1")


def test_only_an_administrator_manages_users(database: Database) -> None:
    admin = auth.create_first_admin(database, "chen", "first-admin-pw")
    auth.create_user(database, admin, "wang", Role.OFFICER, "officer-pw-1")
    officer = auth.authenticate(database, "wang", "officer-pw-1")
    with pytest.raises(PermissionDenied):
        auth.create_user(database, officer, "li", Role.REVIEWER, "reviewer-pw-1")
    with pytest.raises(PermissionDenied):
        auth.set_password(database, officer, "chen", "stolen-password")
    with pytest.raises(PermissionDenied):
        auth.update_user(database, officer, "wang", role=Role.ADMIN)
    auth.change_own_password(database, officer, "officer-pw-1", "officer-pw-2")
    assert auth.authenticate(database, "wang", "officer-pw-2").username == "wang"
    with pytest.raises(UserError, match="wrong user name or password"):
        auth.change_own_password(database, officer, "officer-pw-1", "officer-pw-3")
    with pytest.raises(UserError, match="cannot demote or deactivate themselves"):
        auth.update_user(database, admin, "chen", role=Role.OFFICER)
    promoted = auth.update_user(database, admin, "wang", role="reviewer")
    assert promoted.role is Role.REVIEWER
    changes = audit.history(database, "user", promoted.id)
    # the officer's three refused attempts and the wrong old password are in the trail too
    assert [e.action for e in changes] == [
        "user.create",
        "refused",
        "refused",
        "refused",
        "user.set_password",
        "login.failed",
        "user.update",
    ]
    assert [(c.field, c.before, c.after) for c in changes[-1].changes] == [
        ("role", "officer", "reviewer")
    ]


@pytest.mark.parametrize(
    ("username", "password", "rule"),
    [
        ("", "long-enough-pw", "username: required"),
        ("Wang Fang", "long-enough-pw", "username: lower-case letters"),
        ("x" * 65, "long-enough-pw", "username: too long"),
        ("system", "long-enough-pw", "username: reserved"),
        ("wang", "short", "password: at least 8"),
        ("王芳", "short", "username: lower-case letters.*\n.*password: at least 8"),
    ],
)
def test_new_user_fields_are_checked(
    database: Database, username: str, password: str, rule: str
) -> None:
    admin = auth.create_first_admin(database, "chen", "first-admin-pw")
    with pytest.raises(InvalidInput, match=rule):
        auth.create_user(database, admin, username, "officer", password)
    with pytest.raises(UserError, match="unknown role 'boss'"):
        auth.create_user(database, admin, "zhao", "boss", "long-enough-pw")
    assert [u.username for u in auth.list_users(database)] == ["chen"]


def test_duplicate_username_is_refused(database: Database) -> None:
    admin = auth.create_first_admin(database, "chen", "first-admin-pw")
    auth.create_user(database, admin, "wang", "officer", "officer-pw-1")
    with pytest.raises(UserError, match="'wang' already exists"):
        auth.create_user(database, admin, "wang", "reviewer", "officer-pw-1")


def test_demo_users_are_created_once_and_can_log_in(database: Database) -> None:
    created = auth.ensure_demo_users(database)
    assert created == [u for u, _, _ in auth.DEMO_USERS]
    assert auth.ensure_demo_users(database) == []
    roles = {u.username: u.role for u in auth.list_users(database)}
    assert sum(r is Role.REVIEWER for r in roles.values()) >= 3
    who = auth.authenticate(database, "officer", auth.DEMO_PASSWORD)
    assert who.role is Role.OFFICER
    assert audit.verify(database).ok


def test_cli_users_first_admin_then_add_and_list(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def run(*args: str, stdin: str = "", env_pw: str | None = None) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        if env_pw is None:
            monkeypatch.delenv("GREENDESK_PASSWORD", raising=False)
        else:
            monkeypatch.setenv("GREENDESK_PASSWORD", env_pw)
        code = greendesk_main(["users", *args, "--db", sqlite_url])
        out, err = capsys.readouterr()
        return code, out, err

    code, _, err = run("add", "wang", "--role", "officer", "--password-stdin", stdin="pw-123456\n")
    assert code == 2 and "first user must be an administrator" in err
    code, _, err = run("add", "chen", "--role", "admin", "--password-stdin", stdin="admin-pw-1\n")
    assert code == 0, err
    code, _, err = run("add", "wang", "--role", "officer", "--password-stdin", stdin="pw-123456\n")
    assert code == 2 and "--as" in err
    code, _, err = run(
        "add",
        "wang",
        "--role",
        "officer",
        "--as",
        "chen",
        "--password-stdin",
        stdin="pw-123456\n",
        env_pw="wrong-password",
    )
    assert code == 2 and "wrong user name or password" in err
    code, _, err = run(
        "add",
        "wang",
        "--role",
        "officer",
        "--name",
        "王芳",
        "--as",
        "chen",
        "--password-stdin",
        stdin="pw-123456\n",
        env_pw="admin-pw-1",
    )
    assert code == 0, err
    code, out, _ = run("list")
    assert code == 0
    assert [line.split()[:2] for line in out.splitlines()] == [
        ["chen", "admin"],
        ["wang", "officer"],
    ]
    code, _, err = run(
        "set-password", "wang", "--password-stdin", stdin="pw-999999\n", env_pw="pw-123456"
    )
    assert code == 0, err
    db = open_database(sqlite_url)
    try:
        assert auth.authenticate(db, "wang", "pw-999999").display_name == "王芳"
    finally:
        db.dispose()
