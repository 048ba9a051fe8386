"""Issue 11, points 1 and 3: decisions that could be forced the wrong way.

A quorum is at least one vote and a share in (0, 1]; approval always needs at least one approving
vote and more approving than declining votes; involvement in the borrower or the project makes a
reviewer a maker of the loan.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from greendesk.cli import main as greendesk_main
from greendesk.domain.errors import UserError
from greendesk.domain.roles import Action
from greendesk.domain.workflow import (
    MAX_MIN_VOTES,
    CastVote,
    QuorumRule,
    Status,
    Vote,
    WorkflowError,
    tally,
)
from greendesk.services import audit, workflow
from greendesk.store.database import Database, open_database
from greendesk.store.models import Borrower, Loan, Project
from tests.trust.conftest import PASSWORD, Team, build_team, make_loan


def _votes(*choices: Vote) -> list[CastVote]:
    return [CastVote(f"r{i}", v) for i, v in enumerate(choices)]


@pytest.mark.parametrize(
    ("share", "inclusive"),
    [
        (Fraction(0), True),
        (Fraction(0), False),
        (Fraction(-1, 2), True),
        (Fraction(1), False),
        (Fraction(3, 2), True),
    ],
)
def test_a_share_outside_zero_to_one_is_refused(share: Fraction, inclusive: bool) -> None:
    with pytest.raises(UserError, match=r"quorum\.share"):
        QuorumRule(3, share, inclusive)


@pytest.mark.parametrize("votes", [0, -1, MAX_MIN_VOTES + 1, 10**20])
def test_an_absurd_number_of_votes_is_refused(votes: int) -> None:
    with pytest.raises(UserError, match=r"quorum\.min_votes"):
        QuorumRule(votes, Fraction(1, 2))
    with pytest.raises(UserError, match=r"quorum\.min_votes"):
        QuorumRule.from_json({"min_votes": votes, "share": "1/2", "inclusive": False})


@pytest.mark.parametrize(
    "rule",
    [
        QuorumRule(1, Fraction(1, 100), True),
        QuorumRule(3, Fraction(1, 3), True),
        QuorumRule(4, Fraction(1, 2), True),
        QuorumRule(2, Fraction(1, 100), False),
    ],
)
def test_approval_needs_more_approving_than_declining(rule: QuorumRule) -> None:
    declines = _votes(*[Vote.DECLINE] * rule.min_votes)
    assert tally(declines, rule).outcome is Status.DECLINED
    n = max(rule.min_votes, 2)
    half = n // 2
    tied = _votes(*[Vote.APPROVE] * half, *[Vote.DECLINE] * half)
    if len(tied) >= rule.min_votes:
        assert tally(tied, rule).outcome is Status.DECLINED
    one_of_three = _votes(Vote.APPROVE, Vote.DECLINE, Vote.DECLINE)
    if rule.min_votes <= 3:
        assert tally(one_of_three, rule).outcome is Status.DECLINED
    majority = _votes(*[Vote.APPROVE] * rule.min_votes)
    assert tally(majority, rule).outcome is Status.APPROVED


def test_cli_share_zero_is_refused_and_three_declines_never_approve(
    sqlite_url: str,
    password_hash: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = open_database(sqlite_url)
    try:
        team = build_team(db, password_hash)
        loan_id = make_loan(db, team.officer)
    finally:
        db.dispose()
    monkeypatch.setenv("GREENDESK_PASSWORD", PASSWORD)

    def run(*args: str) -> tuple[int, str, str]:
        code = greendesk_main(["quorum", "set", *args, "--as", "admin", "--db", sqlite_url])
        out, err = capsys.readouterr()
        return code, out, err

    code, _, err = run("--min-votes", "3", "--share", "0", "--at-least")
    assert code == 2 and "quorum.share" in err and "Traceback" not in err
    code, _, err = run("--min-votes", "100000000000000000000")
    assert code == 2 and "quorum.min_votes" in err and f"at most {MAX_MIN_VOTES}" in err
    # More votes than the committee has members: saved, with a warning that names the count.
    code, _, err = run("--min-votes", "5")
    assert code == 0, err
    assert "warning" in err and "4 active reviewers" in err
    code, _, err = run("--min-votes", "3", "--share", "1/100", "--at-least")
    assert code == 0 and "warning" not in err
    db = open_database(sqlite_url)
    try:
        workflow.submit(db, team.officer, loan_id)
        workflow.start_review(db, team.r1, loan_id)
        for member in (team.r1, team.r2, team.r3):
            workflow.vote(db, member, loan_id, "decline")
        assert workflow.decide(db, team.r4, loan_id).status is Status.DECLINED
    finally:
        db.dispose()


def test_a_stored_quorum_that_breaks_the_rules_cannot_approve(
    database: Database, team: Team
) -> None:
    """A rule written before the fix (share 0, at least) is refused, never used to approve."""
    with database.session(write=True) as session:
        from greendesk.store.models import AppMeta

        session.add(
            AppMeta(
                key=workflow.QUORUM_KEY,
                value='{"inclusive":true,"min_votes":3,"share":"0"}',
            )
        )
    loan_id = make_loan(database, team.officer)
    workflow.submit(database, team.officer, loan_id)
    workflow.start_review(database, team.r1, loan_id)
    for member in (team.r1, team.r2, team.r3):
        state = workflow.vote(database, member, loan_id, "decline")
    assert state.quorum is None and not state.tally.quorum_met
    assert Action.DECIDE not in state.allowed
    with pytest.raises(
        UserError, match=r"stored quorum breaks the rules.*administrator must set it again"
    ):
        workflow.decide(database, team.r4, loan_id)
    assert workflow.set_quorum(database, team.admin, QuorumRule()).min_votes == 3
    assert workflow.decide(database, team.r4, loan_id).status is Status.DECLINED


def test_active_reviewers_warning(database: Database, team: Team) -> None:
    assert workflow.active_reviewers(database) == 4
    assert workflow.quorum_warning(database, QuorumRule(4)) is None
    warning = workflow.quorum_warning(database, QuorumRule(7))
    assert warning is not None and "7 votes" in warning and "4 active reviewers" in warning


def _edit(db: Database, who: Team, kind: str, row_id: int, actor_name: str) -> None:
    """Change a borrower or project the way an editing service does: row and audit event."""
    team = who
    actor = next(p for p in (team.r1, team.r2, team.r3, team.r4) if p.username == actor_name)
    with db.session(write=True) as session:
        model = Borrower if kind == "borrower" else Project
        row = session.get(model, row_id)
        assert row is not None
        before = audit.snapshot(row)
        row.name = row.name + "（更名）"
        session.flush()
        audit.record(session, actor, "update", (kind, row.id), before, audit.snapshot(row))


def test_an_editor_of_the_borrower_may_not_vote(database: Database, team: Team) -> None:
    loan_id = make_loan(database, team.officer)
    with database.session() as session:
        loan = session.get(Loan, loan_id)
        assert loan is not None
        borrower_id = loan.borrower_id
    _edit(database, team, "borrower", borrower_id, team.r2.username)
    workflow.submit(database, team.officer, loan_id)
    workflow.start_review(database, team.r1, loan_id)
    state = workflow.workflow_state(database, team.r2, loan_id)
    assert "zhao" in state.makers
    with pytest.raises(WorkflowError, match="maker-checker: zhao"):
        workflow.vote(database, team.r2, loan_id, "approve")
    with pytest.raises(WorkflowError, match="maker-checker: zhao"):
        workflow.decide(database, team.r2, loan_id)


def test_an_editor_of_the_project_may_not_vote(database: Database, team: Team) -> None:
    loan_id = make_loan(database, team.officer)
    with database.session(write=True) as session:
        loan = session.get(Loan, loan_id)
        assert loan is not None
        project = Project(borrower_id=loan.borrower_id, name="布尔津草原碳汇项目")
        session.add(project)
        session.flush()
        audit.record(
            session,
            team.officer,
            "create",
            ("project", project.id),
            None,
            audit.snapshot(project),
        )
        loan.project_id = project.id
        project_id = project.id
    _edit(database, team, "project", project_id, team.r3.username)
    workflow.submit(database, team.officer, loan_id)
    workflow.start_review(database, team.r1, loan_id)
    with pytest.raises(WorkflowError, match="maker-checker: sun"):
        workflow.vote(database, team.r3, loan_id, "approve")
    assert Action.VOTE not in workflow.workflow_state(database, team.r3, loan_id).allowed
    assert Action.VOTE in workflow.workflow_state(database, team.r1, loan_id).allowed
