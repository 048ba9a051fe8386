"""Issue 11, point 12: failed log-ins lock the account, every failure and refusal is audited.

Five consecutive failures lock an account for fifteen minutes (both from ``LockoutPolicy``, the
configuration); even the right password is refused while it is locked; an administrator can
unlock it. Every failed log-in and every refused action leaves an audit event naming who, what
and why — written in its own transaction, so the refusal itself still saves nothing else.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from greendesk.cli import main as greendesk_main
from greendesk.domain.errors import UserError
from greendesk.domain.lockout import DEFAULT_LOCKOUT, LockoutPolicy
from greendesk.domain.roles import PermissionDenied
from greendesk.domain.workflow import WorkflowError
from greendesk.services import audit, auth, workflow
from greendesk.store.database import Database, open_database
from tests.trust.conftest import PASSWORD, Team, build_team, make_loan

# Tomorrow 09:00: locks set in the test are still in force by the real clock too.
T0 = (datetime.now(UTC) + timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)


def _events(db: Database, action: str) -> list[audit.HistoryRow]:
    return [e for e in audit.recent(db, 500) if e.action == action]


def test_the_policy_is_configuration_data() -> None:
    assert (DEFAULT_LOCKOUT.max_failures, DEFAULT_LOCKOUT.lock_minutes) == (5, 15)
    assert LockoutPolicy.from_json({"max_failures": 3, "lock_minutes": 60}) == LockoutPolicy(3, 60)
    for bad in (
        {"max_failures": 0},
        {"lock_minutes": 0},
        {"max_failures": True},
        {"lock_minutes": 10**9},
        {"max_failures": "5"},
        [5],
    ):
        with pytest.raises(UserError, match="lockout"):
            LockoutPolicy.from_json(bad)


def test_five_failures_lock_the_account_for_fifteen_minutes(database: Database, team: Team) -> None:
    for n in range(4):
        with pytest.raises(UserError, match="wrong user name or password"):
            auth.authenticate(database, "wang", f"wrong-{n}", now=T0 + timedelta(seconds=n))
    with pytest.raises(UserError, match="locked"):
        auth.authenticate(database, "wang", "wrong-5", now=T0 + timedelta(seconds=5))
    # the right password is refused while the lock lasts, and says until when
    with pytest.raises(UserError, match=r"locked .* until 09:15 UTC"):
        auth.authenticate(database, "wang", PASSWORD, now=T0 + timedelta(minutes=14))
    assert auth.user_info(database, "wang").locked_until == T0 + timedelta(seconds=5, minutes=15)
    who = auth.authenticate(database, "wang", PASSWORD, now=T0 + timedelta(minutes=16))
    assert who.username == "wang"
    failed = _events(database, "login.failed")
    assert len(failed) == 6  # five wrong passwords and one attempt while locked
    assert failed[0].actor == "wang" and failed[0].after is not None
    assert failed[0].after["why"] == "wrong password"
    assert failed[-1].after is not None and failed[-1].after["why"] == "account locked"
    assert [e.actor for e in _events(database, "login.locked")] == ["wang"]
    assert audit.verify(database).ok


def test_a_success_resets_the_count(database: Database, team: Team) -> None:
    for n in range(4):
        with pytest.raises(UserError):
            auth.authenticate(database, "li", "nope-nope", now=T0 + timedelta(seconds=n))
    auth.authenticate(database, "li", PASSWORD, now=T0 + timedelta(seconds=10))
    for n in range(4):
        with pytest.raises(UserError, match="wrong user name"):
            auth.authenticate(database, "li", "nope-nope", now=T0 + timedelta(seconds=20 + n))
    assert auth.authenticate(database, "li", PASSWORD, now=T0 + timedelta(seconds=30))


def test_unknown_names_are_audited_but_lock_nobody(database: Database, team: Team) -> None:
    for n in range(7):
        with pytest.raises(UserError, match="wrong user name or password"):
            auth.authenticate(database, "nobody", "whatever-1", now=T0 + timedelta(seconds=n))
    events = _events(database, "login.failed")
    assert len(events) == 7 and events[0].after is not None
    assert events[0].after["why"] == "unknown user" and events[0].after["who"] == "nobody"
    # a name that is no user name (perhaps a password typed in the wrong box) is not kept
    with pytest.raises(UserError):
        auth.authenticate(database, "Secret Pass!", "x" * 8, now=T0)
    last = _events(database, "login.failed")[-1]
    assert last.after is not None and "Secret" not in str(last.after)


def test_an_administrator_unlocks(database: Database, team: Team) -> None:
    for n in range(5):
        with pytest.raises(UserError):
            auth.authenticate(database, "zhao", "bad-pw-xx", now=T0 + timedelta(seconds=n))
    with pytest.raises(PermissionDenied):
        auth.unlock_user(database, team.officer, "zhao")
    info = auth.unlock_user(database, team.admin, "zhao")
    assert info.locked_until is None
    assert auth.authenticate(database, "zhao", PASSWORD, now=T0 + timedelta(minutes=1))
    unlock = _events(database, "user.unlock")
    assert [(e.actor, e.entity_id) for e in unlock] == [("admin", str(team.r2.user_id))]


def test_the_lock_is_configurable(database: Database, team: Team) -> None:
    auth.set_lockout_policy(database, team.admin, LockoutPolicy(2, 1))
    for n in range(2):
        with pytest.raises(UserError):
            auth.authenticate(database, "sun", "bad-pw-xx", now=T0 + timedelta(seconds=n))
    with pytest.raises(UserError, match="locked"):
        auth.authenticate(database, "sun", PASSWORD, now=T0 + timedelta(seconds=30))
    assert auth.authenticate(database, "sun", PASSWORD, now=T0 + timedelta(minutes=2))
    with pytest.raises(PermissionDenied):
        auth.set_lockout_policy(database, team.r1, LockoutPolicy())


def test_refused_actions_are_audited_with_who_what_why(database: Database, team: Team) -> None:
    loan_id = make_loan(database, team.officer)
    head = audit.recent(database, 1)[-1].seq
    with pytest.raises(PermissionDenied):
        workflow.submit(database, team.r1, loan_id)
    with pytest.raises(PermissionDenied):
        auth.create_user(database, team.officer, "mallory", "admin", "pw-12345678")
    workflow.submit(database, team.officer, loan_id)
    workflow.start_review(database, team.r1, loan_id)
    with pytest.raises(PermissionDenied):
        workflow.vote(database, team.officer, loan_id, "approve")
    refused = [e for e in audit.recent(database, 50) if e.seq > head and e.action == "refused"]
    assert [e.actor for e in refused] == ["li", "wang", "wang"]
    first = refused[0].after
    assert first is not None
    assert first["what"] == "submit" and first["role"] == "reviewer"
    assert "may not submit" in first["why"]
    assert refused[1].after is not None and refused[1].after["what"] == "manage_users"
    assert audit.verify(database).ok


def test_maker_checker_refusals_are_audited(database: Database, team: Team) -> None:
    loan_id = make_loan(database, team.officer)
    with database.session() as session:
        from greendesk.store.models import Loan

        loan = session.get(Loan, loan_id)
        assert loan is not None
        borrower_id = loan.borrower_id
    with database.session(write=True) as session:
        audit.record(session, team.r2, "update", ("borrower", borrower_id), {}, {"x": 1})
    workflow.submit(database, team.officer, loan_id)
    workflow.start_review(database, team.r1, loan_id)
    with pytest.raises(WorkflowError, match="maker-checker: zhao"):
        workflow.vote(database, team.r2, loan_id, "approve")
    event = audit.recent(database, 1)[-1]
    assert (event.action, event.actor) == ("refused", "zhao")
    assert event.after is not None and event.after["what"] == "vote"
    assert "maker-checker" in event.after["why"]


def test_cli_lock_and_unlock(
    sqlite_url: str,
    password_hash: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = open_database(sqlite_url)
    try:
        build_team(db, password_hash)
    finally:
        db.dispose()

    def run(password: str, *args: str) -> tuple[int, str, str]:
        monkeypatch.setenv("GREENDESK_PASSWORD", password)
        code = greendesk_main([*args, "--db", sqlite_url])
        out, err = capsys.readouterr()
        return code, out, err

    for _ in range(5):
        code, _, err = run("wrong-password", "quorum", "set", "--min-votes", "3", "--as", "wang")
        assert code == 2 and "Traceback" not in err
    code, _, err = run(PASSWORD, "quorum", "set", "--min-votes", "3", "--as", "wang")
    assert code == 2 and "locked" in err
    code, out, _ = run(PASSWORD, "users", "list")
    assert code == 0 and "locked until" in next(line for line in out.splitlines() if "wang" in line)
    code, _, err = run(PASSWORD, "users", "unlock", "wang", "--as", "li")
    assert code == 2 and "may not" in err
    code, out, err = run(PASSWORD, "users", "unlock", "wang", "--as", "admin")
    assert code == 0, err
    assert "unlocked" in out
    code, _, err = run(PASSWORD, "quorum", "set", "--min-votes", "3", "--as", "wang")
    assert code == 2 and "may not set the committee quorum" in err


def test_cli_shows_and_sets_the_lockout(
    sqlite_url: str,
    password_hash: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = open_database(sqlite_url)
    try:
        build_team(db, password_hash)
    finally:
        db.dispose()
    monkeypatch.setenv("GREENDESK_PASSWORD", PASSWORD)

    def run(*args: str) -> tuple[int, str, str]:
        code = greendesk_main(["users", "lockout", *args, "--db", sqlite_url])
        out, err = capsys.readouterr()
        return code, out, err

    assert run()[1].strip().endswith("5 failed log-ins in a row lock an account for 15 minutes")
    code, _, err = run("--minutes", "30", "--as", "wang")
    assert code == 2 and "may not" in err
    code, _, err = run("--minutes", "0", "--as", "admin")
    assert code == 2 and "lockout.lock_minutes: from 1 to 1440" in err
    code, out, err = run("--minutes", "30", "--as", "admin")
    assert code == 0, err
    assert "5 failed log-ins in a row lock an account for 30 minutes" in out
    db = open_database(sqlite_url)
    try:
        assert auth.lockout_policy(db) == LockoutPolicy(5, 30)
    finally:
        db.dispose()
