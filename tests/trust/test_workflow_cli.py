"""``greendesk workflow``: the command line obeys the same roles, states and maker-checker."""

from __future__ import annotations

import json

import pytest

from greendesk.cli import main as greendesk_main
from greendesk.store.database import open_database
from tests.trust.conftest import PASSWORD, build_team, make_loan


def test_workflow_from_the_command_line(
    sqlite_url: str,
    password_hash: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = open_database(sqlite_url)
    try:
        team = build_team(db, password_hash)
        make_loan(db, team.officer, reference="GD-CLI-1")
    finally:
        db.dispose()
    monkeypatch.setenv("GREENDESK_PASSWORD", PASSWORD)

    def run(*args: str) -> tuple[int, str, str]:
        code = greendesk_main(["workflow", *args, "--db", sqlite_url])
        out, err = capsys.readouterr()
        return code, out, err

    def cond(*args: str) -> tuple[int, str, str]:
        code = greendesk_main(["conditions", *args, "--db", sqlite_url])
        out, err = capsys.readouterr()
        return code, out, err

    assert run("submit", "GD-CLI-1", "--as", "li")[0] == 2  # a reviewer may not submit
    assert run("submit", "GD-CLI-1", "--as", "wang")[0] == 0
    assert run("review", "GD-CLI-1", "--as", "li")[0] == 0
    code, _, err = run("vote", "GD-CLI-1", "approve", "--as", "wang")
    assert code == 2 and "may not vote" in err
    for member in ("li", "zhao"):
        assert run("vote", "GD-CLI-1", "approve", "--as", member)[0] == 0
    code, _, err = run("decide", "GD-CLI-1", "--as", "sun")
    assert code == 2 and "quorum not met — 2 of 3" in err
    code, _, err = run(
        "vote", "GD-CLI-1", "approve_with_conditions", "--conditions", "CEA 质押登记", "--as", "sun"
    )
    assert code == 0, err
    code, out, _ = run("decide", "GD-CLI-1", "--as", "qian")
    assert code == 0 and "approved_with_conditions" in out
    code, out, _ = run("status", "GD-CLI-1", "--as", "wang", "--json")
    status = json.loads(out)
    assert status["status"] == "approved_with_conditions"
    # the condition precedent is open: disbursement waits for it, here as in the window
    assert status["you_may"] == ["reopen"]
    assert [v["voter"] for v in status["votes"]] == ["li", "zhao", "sun"]
    code, _, err = run("disburse", "GD-CLI-1", "--as", "wang")
    assert code == 2 and "1 condition(s) precedent not yet satisfied: 1. CEA 质押登记" in err
    code, out, err = cond(
        "satisfy", "GD-CLI-1", "1", "--evidence", "中登网登记 2026-01-05", "--as", "wang"
    )
    assert code == 0, err
    assert "satisfied by wang" in out and "all conditions satisfied" in out
    code, out, _ = run("status", "GD-CLI-1", "--as", "wang", "--json")
    assert json.loads(out)["you_may"] == ["disburse", "reopen"]
    monkeypatch.setenv("GREENDESK_PASSWORD", "not-the-password")
    code, _, err = run("status", "GD-CLI-1", "--as", "wang")
    assert code == 2 and "wrong user name or password" in err
