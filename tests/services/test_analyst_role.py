"""The head-office analyst: reads and exports, never edits, votes or decides."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from greendesk.domain.roles import PERMISSIONS, Action, PermissionDenied, Role, allowed
from greendesk.services import audit, auth, workflow
from greendesk.services.portfolio import list_loan_ids
from greendesk.services.portfolio_summary import portfolio_summary
from greendesk.services.records.borrowers import create_borrower
from greendesk.services.records.inputs import BorrowerInput
from greendesk.services.report_portfolio import export_portfolio
from greendesk.services.seeding import seed_demo
from greendesk.store.database import Database

READS = {Action.VIEW, Action.EXPORT, Action.VIEW_AUDIT, Action.VERIFY_AUDIT}


def test_the_analyst_may_read_and_export_and_nothing_else() -> None:
    for action in Action:
        assert allowed(Role.ANALYST, action) is (action in READS), action
    assert all(Role.ANALYST not in PERMISSIONS[a] for a in Action if a not in READS)


def test_an_analyst_account_reads_the_book_and_is_refused_changes(
    database: Database, tmp_path: Path
) -> None:
    admin = auth.create_first_admin(database, "chen", "first-admin-pw")
    info = auth.create_user(database, admin, "zhao", "analyst", "analyst-pw-1", "赵分析")
    assert info.role is Role.ANALYST
    analyst = auth.authenticate(database, "zhao", "analyst-pw-1")
    seed_demo(database)
    ids = list_loan_ids(database)
    assert ids and portfolio_summary(database).loans == len(ids)
    assert audit.verify(database).ok
    with pytest.raises(PermissionDenied, match="zhao \\(analyst\\)"):
        create_borrower(database, analyst, BorrowerInput(name="新公司", credit_code="x"))
    under_review = [
        i
        for i in ids
        if workflow.workflow_state(database, analyst, i).status.value == "under_review"
    ]
    assert under_review
    with pytest.raises(PermissionDenied):
        workflow.vote(database, analyst, under_review[0], "approve")
    with pytest.raises(PermissionDenied):
        auth.create_user(database, analyst, "eve", "officer", "officer-pw-1")
    stats = export_portfolio(database, tmp_path / "book.xlsx", as_of=date(2026, 6, 30))
    assert stats is not None
