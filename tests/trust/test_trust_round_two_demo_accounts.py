"""Issue 11, point 2: seeding never creates an account with a known password, except in a new
demo database; accounts still holding the demo password are flagged and, outside the demo
database, must change it at their first log-in."""

from __future__ import annotations

import pytest

from greendesk.cli import main as greendesk_main
from greendesk.domain.errors import UserError
from greendesk.services import auth
from greendesk.services.seeding import seed_demo
from greendesk.store.database import Database, open_database
from greendesk.store.models import Borrower, UserLoginState
from tests.trust.conftest import PASSWORD, Team, build_team


def test_seeding_a_database_with_its_own_administrator_adds_no_account(
    database: Database, team: Team
) -> None:
    before = {u.username for u in auth.list_users(database)}
    report = seed_demo(database)
    assert report.loans > 0 and report.users == 0
    assert {u.username for u in auth.list_users(database)} == before
    with pytest.raises(UserError, match="wrong user name or password"):
        auth.authenticate(database, "officer", auth.DEMO_PASSWORD)
    assert not auth.is_demo_database(database)
    # "admin" is this bank's own administrator: the demo password does not open it
    with pytest.raises(UserError, match="wrong user name or password"):
        auth.authenticate(database, "admin", auth.DEMO_PASSWORD)


def test_seeding_a_database_with_records_but_no_users_adds_no_account(
    database: Database,
) -> None:
    with database.session(write=True) as session:
        session.add(Borrower(name="昌吉某热电公司", credit_code="91652300MA78TEST1X"))
    report = seed_demo(database)
    assert report.loans > 0 and report.users == 0
    assert auth.list_users(database) == [] and not auth.is_demo_database(database)


def test_an_empty_database_seeded_becomes_the_demo_with_flagged_accounts(
    database: Database,
) -> None:
    report = seed_demo(database)
    assert report.users == len(auth.DEMO_USERS)
    assert auth.is_demo_database(database)
    assert all(u.demo_password for u in auth.list_users(database))
    who = auth.authenticate(database, "officer", auth.DEMO_PASSWORD)
    assert not auth.must_change_password(database, who.username)  # the demo itself is fine
    # seeding the demo again creates nothing, even after an account was renamed away
    assert seed_demo(database).users == 0


def test_no_account_can_be_given_the_demo_password(database: Database, team: Team) -> None:
    with pytest.raises(UserError, match="public demo password"):
        auth.create_user(database, team.admin, "wu", "officer", auth.DEMO_PASSWORD)
    with pytest.raises(UserError, match="public demo password"):
        auth.set_password(database, team.admin, "wang", auth.DEMO_PASSWORD)


def test_a_demo_password_outside_the_demo_must_be_changed(database: Database) -> None:
    """An account carried over from the demo (an older seeding, a copied file) keeps the flag."""
    seed_demo(database)
    with database.session(write=True) as session:
        from greendesk.store.models import AppMeta

        row = session.get(AppMeta, auth.DEMO_DATABASE_KEY)
        assert row is not None
        session.delete(row)  # this database is not (any longer) the demo
    assert auth.must_change_password(database, "admin")
    flagged = {u.username for u in auth.list_users(database) if u.demo_password}
    assert "admin" in flagged
    who = auth.authenticate(database, "admin", auth.DEMO_PASSWORD)
    auth.change_own_password(database, who, auth.DEMO_PASSWORD, "a-new-secret-1")
    assert not auth.must_change_password(database, "admin")
    assert not auth.user_info(database, "admin").demo_password
    with database.session() as session:
        state = session.get(UserLoginState, who.user_id)
        assert state is not None and state.demo_password is False


def test_the_flag_is_found_at_log_in_for_accounts_made_before_it(
    database: Database, team: Team
) -> None:
    """An account whose hash is the demo password but carries no flag gets it at log-in."""
    from greendesk.domain.passwords import hash_password
    from greendesk.store.models import User

    with database.session(write=True) as session:
        user = session.get(User, team.officer.user_id)
        assert user is not None
        user.password_hash = hash_password(auth.DEMO_PASSWORD)
    assert not auth.user_info(database, "wang").demo_password
    auth.authenticate(database, "wang", auth.DEMO_PASSWORD)
    assert auth.user_info(database, "wang").demo_password
    assert auth.must_change_password(database, "wang")


def test_cli_refuses_a_demo_password_outside_the_demo_until_it_is_changed(
    sqlite_url: str,
    password_hash: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = open_database(sqlite_url)
    try:
        seed_demo(db)
        with db.session(write=True) as session:
            from greendesk.store.models import AppMeta

            session.delete(session.get(AppMeta, auth.DEMO_DATABASE_KEY))
    finally:
        db.dispose()

    def run(password: str, *args: str, stdin: str = "") -> tuple[int, str, str]:
        import io
        import sys

        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        monkeypatch.setenv("GREENDESK_PASSWORD", password)
        code = greendesk_main([*args, "--db", sqlite_url])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = run(auth.DEMO_PASSWORD, "users", "list")
    assert code == 0 and "DEMO PASSWORD" in next(ln for ln in out.splitlines() if "admin" in ln)
    code, _, err = run(auth.DEMO_PASSWORD, "quorum", "set", "--min-votes", "3", "--as", "admin")
    assert code == 2 and "demo password" in err and "set-password" in err
    code, _, err = run(
        auth.DEMO_PASSWORD,
        "users",
        "set-password",
        "admin",
        "--password-stdin",
        stdin="bank-own-secret-1\n",
    )
    assert code == 0, err
    code, _, err = run("bank-own-secret-1", "quorum", "set", "--min-votes", "3", "--as", "admin")
    assert code == 0, err
    assert PASSWORD  # the team fixture's password is unrelated here
    _ = password_hash


def test_cli_seed_says_why_no_account_was_made(
    sqlite_url: str, password_hash: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(sqlite_url)
    try:
        build_team(db, password_hash)
    finally:
        db.dispose()
    assert greendesk_main(["seed", "--db", sqlite_url]) == 0
    out, _ = capsys.readouterr()
    assert "0 demo accounts" in out and "not empty" in out
