"""Conditions precedent (放款前提条件): made at the decision, satisfied with evidence, gating
disbursement in the service — on SQLite and PostgreSQL, and through the command line."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from greendesk.cli import main as greendesk_main
from greendesk.domain.errors import UserError
from greendesk.domain.roles import Action, PermissionDenied
from greendesk.domain.workflow import Status, WorkflowError
from greendesk.services import audit, conditions, workflow
from greendesk.store.database import Database, open_database
from greendesk.store.models import LoanCondition
from tests.trust.conftest import PASSWORD, Team, build_team, make_loan


def approve_with_conditions(db: Database, team: Team, loan_id: int) -> None:
    workflow.submit(db, team.officer, loan_id)
    workflow.start_review(db, team.r1, loan_id)
    workflow.vote(
        db,
        team.r1,
        loan_id,
        "approve_with_conditions",
        conditions="完成 CEA 质押登记（全国碳排放权注册登记系统）\n\n  提供项目并网验收报告  ",
    )
    workflow.vote(db, team.r2, loan_id, "approve")
    workflow.vote(
        db, team.r3, loan_id, "approve_with_conditions", conditions="追加保证人：母公司连带责任"
    )
    workflow.decide(db, team.r4, loan_id)


def test_decision_makes_the_checklist_and_disbursement_waits(
    database: Database, team: Team
) -> None:
    loan_id = make_loan(database, team.officer)
    approve_with_conditions(database, team, loan_id)
    listed = conditions.list_conditions(database, loan_id)
    assert [(c.position, c.text, c.reviewer) for c in listed] == [
        (1, "完成 CEA 质押登记（全国碳排放权注册登记系统）", "li"),
        (2, "提供项目并网验收报告", "li"),
        (3, "追加保证人：母公司连带责任", "sun"),
    ]
    assert not any(c.satisfied for c in listed)
    state = workflow.workflow_state(database, team.officer, loan_id)
    assert Action.DISBURSE not in state.allowed
    assert len(state.open_conditions) == 3
    with pytest.raises(WorkflowError, match="3 condition\\(s\\) precedent not yet satisfied"):
        workflow.disburse(database, team.officer, loan_id)
    assert workflow.workflow_state(database, team.officer, loan_id).status is (
        Status.APPROVED_WITH_CONDITIONS
    )

    done = conditions.satisfy(database, team.officer, loan_id, 2, " 并网验收报告 2026-03-01 ")
    assert (
        done.satisfied
        and done.satisfied_by == "wang"
        and done.evidence == ("并网验收报告 2026-03-01")
    )
    assert done.satisfied_at is not None
    with pytest.raises(WorkflowError, match="condition: number 2 already satisfied by wang"):
        conditions.satisfy(database, team.officer, loan_id, 2, "again")
    with pytest.raises(WorkflowError, match="2 condition\\(s\\)"):
        workflow.disburse(database, team.officer, loan_id)
    conditions.satisfy(database, team.officer, loan_id, 1, "登记编号 CEA-2026-0042")
    conditions.satisfy(database, team.officer, loan_id, 3, "保证合同 BZ-2026-7")
    state = workflow.disburse(database, team.officer, loan_id)
    assert state.status is Status.DISBURSED
    with database.session() as session:
        rows = session.execute(
            select(LoanCondition).where(LoanCondition.loan_id == loan_id)
        ).scalars()
        assert {r.position: r.satisfied_by for r in rows} == {1: "wang", 2: "wang", 3: "wang"}
    actions = [h.action for h in audit.history(database, "loan", loan_id)]
    assert actions[-5:] == [
        "decide",
        "condition.satisfy",
        "condition.satisfy",
        "condition.satisfy",
        "disburse",
    ]
    assert audit.verify(database).ok


def test_satisfying_is_refused_for_bad_input_and_the_wrong_people(
    database: Database, team: Team
) -> None:
    loan_id = make_loan(database, team.officer)
    workflow.submit(database, team.officer, loan_id)
    with pytest.raises(WorkflowError, match="is submitted; conditions are satisfied only"):
        conditions.satisfy(database, team.officer, loan_id, 1, "x")
    workflow.start_review(database, team.r1, loan_id)
    for member in (team.r1, team.r2):
        workflow.vote(database, member, loan_id, "approve")
    workflow.vote(database, team.r3, loan_id, "approve_with_conditions", conditions="保险单")
    workflow.decide(database, team.r4, loan_id)
    with pytest.raises(PermissionDenied):
        conditions.satisfy(database, team.r1, loan_id, 1, "reviewer says so")
    for blank in ("", "   ", "\n\t"):
        with pytest.raises(UserError, match=r"condition\.evidence: required"):
            conditions.satisfy(database, team.officer, loan_id, 1, blank)
    with pytest.raises(UserError, match="control characters"):
        conditions.satisfy(database, team.officer, loan_id, 1, "ok\x00bad")
    with pytest.raises(UserError, match="too long"):
        conditions.satisfy(database, team.officer, loan_id, 1, "证" * 2001)
    for position in (0, 2, -1, 10**12):
        with pytest.raises(UserError, match=f"has no condition number {position}"):
            conditions.satisfy(database, team.officer, loan_id, position, "x")
    with pytest.raises(UserError, match="no loan with id 999999"):
        conditions.satisfy(database, team.officer, 999999, 1, "x")
    assert not conditions.list_conditions(database, loan_id)[0].satisfied


def test_plain_approval_has_no_conditions_and_disburses(database: Database, team: Team) -> None:
    loan_id = make_loan(database, team.officer)
    workflow.submit(database, team.officer, loan_id)
    workflow.start_review(database, team.r1, loan_id)
    for member in (team.r1, team.r2, team.r3):
        workflow.vote(database, member, loan_id, "approve")
    workflow.decide(database, team.r4, loan_id)
    assert conditions.list_conditions(database, loan_id) == []
    assert workflow.disburse(database, team.officer, loan_id).status is Status.DISBURSED


def test_conditions_from_the_command_line(
    sqlite_url: str,
    password_hash: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = open_database(sqlite_url)
    try:
        team = build_team(db, password_hash)
        loan_id = make_loan(db, team.officer, reference="GD-CP-1")
        approve_with_conditions(db, team, loan_id)
    finally:
        db.dispose()
    monkeypatch.setenv("GREENDESK_PASSWORD", PASSWORD)

    def run(*args: str) -> tuple[int, str, str]:
        code = greendesk_main([*args, "--db", sqlite_url])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = run("conditions", "list", "GD-CP-1")
    assert code == 0
    assert "3 conditions precedent, 3 open" in out and "[ ] 3. 追加保证人" in out
    code, _, err = run("conditions", "satisfy", "GD-CP-1", "1", "--evidence", "证", "--as", "li")
    assert code == 2 and "may not" in err
    code, _, err = run("conditions", "satisfy", "GD-CP-1", "9", "--evidence", "证", "--as", "wang")
    assert code == 2 and "has no condition number 9" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as usage:  # argparse: a usage error, exit status 2
        run("conditions", "satisfy", "GD-CP-1", "x", "--evidence", "证", "--as", "wang")
    assert usage.value.code == 2
    capsys.readouterr()
    code, _, err = run("workflow", "disburse", "GD-CP-1", "--as", "wang")
    assert code == 2 and "3 condition(s) precedent not yet satisfied" in err
    for n in ("1", "2", "3"):
        code, out, err = run(
            "conditions", "satisfy", "GD-CP-1", n, "--evidence", f"文件 {n}", "--as", "wang"
        )
        assert code == 0, err
    assert "all conditions satisfied" in out
    code, out, _ = run("conditions", "list", "GD-CP-1", "--json")
    listed = json.loads(out)
    assert [c["satisfied_by"] for c in listed] == ["wang"] * 3
    assert listed[0]["evidence"] == "文件 1"
    assert run("workflow", "disburse", "GD-CP-1", "--as", "wang")[0] == 0
