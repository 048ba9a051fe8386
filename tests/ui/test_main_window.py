"""The main window on a seeded real SQLite file: the list, search, the detail tabs, roles."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView, QToolBar
from pytestqt.qtbot import QtBot

from greendesk.domain.money import format_money
from greendesk.domain.roles import Principal
from greendesk.domain.schedule import build_schedule, parse_terms
from greendesk.services import audit, portfolio, workflow
from greendesk.services.records.borrowers import get_borrower
from greendesk.services.records.loans import get_loan
from greendesk.services.terms import schedule_terms
from greendesk.store.database import Database
from greendesk.ui.dialogs.note import VoteDialog
from greendesk.ui.forms import child
from greendesk.ui.main_window import MainWindow
from greendesk.ui.models.loan_table import AMOUNT_COLUMN
from greendesk.ui.settings import Settings
from tests.ui.helpers import column, syndicated_loan


@pytest.fixture
def window(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, settings: Settings
) -> MainWindow:
    win = MainWindow(db, officer, settings, "zh_CN")
    qtbot.addWidget(win)
    win.show()
    return win


def _select(qtbot: QtBot, win: MainWindow, loan_id: int) -> None:
    assert win.select_loan(loan_id)
    qtbot.waitUntil(lambda: win.detail.detail is not None and win.detail.detail.loan.id == loan_id)


def test_window_lists_the_seeded_portfolio(window: MainWindow, db: Database) -> None:
    loans = portfolio.list_loans(db)
    assert len(loans) >= 10
    model = window.model
    assert model.rowCount() == portfolio.count_loans(db) == len(loans)
    assert column(model, 0) == [loan.reference for loan in loans]
    amounts = column(model, AMOUNT_COLUMN)
    assert amounts == [format_money(loan.amount, grouped=True) for loan in loans]
    assert "2,443,000,000.00" in amounts  # the Mulei storage + wind/solar syndicated loan
    align = model.data(model.index(0, AMOUNT_COLUMN), Qt.ItemDataRole.TextAlignmentRole)
    assert int(align) & int(Qt.AlignmentFlag.AlignRight)
    assert db.describe() in window.db_label.text()
    assert window.count_label.text() == f"共 {len(loans)} 笔贷款"


def test_search_filters_the_list(qtbot: QtBot, window: MainWindow, db: Database) -> None:
    window.search.setText("昌吉")
    qtbot.waitUntil(lambda: window.model.search == "昌吉")
    expected = portfolio.list_loan_ids(db, search="昌吉")
    assert 0 < window.model.rowCount() == len(expected) < portfolio.count_loans(db)
    assert [window.model.loan_id(r) for r in range(window.model.rowCount())] == expected
    window.search.setText("no such borrower anywhere")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    assert window.list_stack.currentIndex() == 1
    assert "no such borrower anywhere" in window.empty_label.text()


def test_selecting_a_loan_fills_the_detail_tabs(
    qtbot: QtBot, window: MainWindow, db: Database, officer: Principal
) -> None:
    loan = next(s for s in portfolio.list_loans(db) if s.amount == 2_443_000_000)
    _select(qtbot, window, loan.id)
    record = get_loan(db, loan.id)
    borrower = get_borrower(db, record.borrower_id)
    detail = window.detail
    assert detail.title.text() == loan.reference
    assert child(detail, QLabel, "borrowerName").text() == borrower.name
    assert child(detail, QLabel, "borrowerCode").text() == borrower.credit_code
    assert child(detail, QLabel, "loanAmount").text() == "2,443,000,000.00 CNY"
    # the officer of record (the demo officer for seeded loans), not the account that seeded it
    assert record.officer_id == officer.user_id
    assert child(detail, QLabel, "loanOfficer").text() == officer.display_name
    detail.show_tab("collateral")  # each further tab is filled when it is shown
    pledges = child(detail, QTableView, "pledgeTable").model()
    assert detail.detail is not None
    assert pledges.rowCount() == len(detail.detail.pledges) > 0
    detail.show_tab("history")
    history = child(detail, QTableView, "historyTable").model()
    assert history.rowCount() == len(audit.history(db, "loan", loan.id)) > 0


def test_schedule_tab_shows_the_engines_figures(
    qtbot: QtBot, window: MainWindow, db: Database, officer: Principal
) -> None:
    borrower_id = get_loan(db, portfolio.list_loans(db)[0].id).borrower_id
    loan_id = syndicated_loan(db, officer, borrower_id)
    window.reload(keep=loan_id)
    window.detail.show_tab("schedule")  # the schedule is computed when its tab is shown
    with qtbot.waitSignal(window.detail.schedule_ready, timeout=10_000):
        _select(qtbot, window, loan_id)
    expected = build_schedule(parse_terms(schedule_terms(db, loan_id)))
    tab = window.detail.schedule_tab
    model = tab.table.model()
    assert model.rowCount() == len(expected.periods) == 12
    payments = column(model, 10)
    assert payments == [format_money(p.payment, grouped=True) for p in expected.periods]
    assert column(model, 8) == [format_money(p.interest, grouped=True) for p in expected.periods]
    assert column(model, 2) == ["—"] * 12  # calendar NONE: no date rests on any holiday data
    assert column(model, 1) == [p.payment_date.isoformat() for p in expected.periods]
    # the per-lender view: each lender's own share of every period
    assert tab.party.count() == 1 + len(expected.lenders) == 4
    for index, lender in enumerate(expected.lenders, start=1):
        tab.party.setCurrentIndex(index)
        shown = tab.table.model()
        assert column(shown, 6) == [format_money(p.payment, grouped=True) for p in lender.periods]
    assert format_money(expected.lenders[-1].totals.payment, grouped=True) in tab.summary.text()


def test_officer_sees_no_committee_actions(window: MainWindow) -> None:
    for name in ("actionVote", "actionDecide", "actionStartReview", "actionReturn"):
        assert not window.action(name).isVisible(), name
    for name in ("actionNewLoan", "actionSubmit", "actionNewPledge"):
        assert window.action(name).isVisible(), name


def test_reviewer_sees_committee_actions_but_no_editing(
    qtbot: QtBot, desk_app: object, db: Database, reviewer: Principal, settings: Settings
) -> None:
    win = MainWindow(db, reviewer, settings, "zh_CN")
    qtbot.addWidget(win)
    for name in ("actionVote", "actionDecide", "actionStartReview", "actionReturn"):
        assert win.action(name).isVisible(), name
    for name in ("actionNewLoan", "actionEditLoan", "actionSubmit", "actionNewPledge"):
        assert not win.action(name).isVisible(), name


def test_reviewer_starts_review_from_the_window(
    qtbot: QtBot, desk_app: object, db: Database, reviewer: Principal, settings: Settings
) -> None:
    submitted = next(s for s in portfolio.list_loans(db) if s.status == "submitted")
    win = MainWindow(db, reviewer, settings, "zh_CN")
    qtbot.addWidget(win)
    win.show()
    _select(qtbot, win, submitted.id)
    action = win.action("actionStartReview")
    assert action.isEnabled()
    assert not win.action("actionDecide").isEnabled()  # no votes yet: no quorum
    action.trigger()
    assert get_loan(db, submitted.id).status == "under_review"
    assert win.detail.detail is not None and win.detail.detail.loan.status == "under_review"
    assert not action.isEnabled()


def test_reviewer_votes_through_the_vote_dialog(
    qtbot: QtBot, desk_app: object, db: Database, reviewer: Principal, settings: Settings
) -> None:
    loan = next(s for s in portfolio.list_loans(db) if s.status == "under_review")
    win = MainWindow(db, reviewer, settings, "zh_CN")
    qtbot.addWidget(win)
    win.show()
    _select(qtbot, win, loan.id)
    assert win.action("actionVote").isEnabled()
    win.action("actionVote").trigger()
    dialog = win.commands.dialog
    assert isinstance(dialog, VoteDialog)
    dialog.decision.setCurrentIndex(dialog.decision.findData("approve_with_conditions"))
    dialog._accept()  # conditions are required for this decision
    assert dialog.isVisible() and "附加条件" in dialog.error.text()
    dialog.conditions.setPlainText("落实碳排放权质押登记后放款")
    dialog._accept()
    assert not dialog.isVisible()
    state = workflow.workflow_state(db, reviewer, loan.id)
    mine = [v for v in state.votes if v.voter == reviewer.username]
    assert [(v.decision, v.conditions) for v in mine] == [
        ("approve_with_conditions", "落实碳排放权质押登记后放款")
    ]
    assert not win.action("actionVote").isEnabled()  # one vote per member


@pytest.mark.parametrize("role", ["officer", "reviewer", "admin"])
def test_toolbar_has_no_stray_separators_for_any_role(
    qtbot: QtBot,
    desk_app: object,
    db: Database,
    settings: Settings,
    role: str,
    request: pytest.FixtureRequest,
) -> None:
    actor: Principal = request.getfixturevalue(role)
    win = MainWindow(db, actor, settings, "zh_CN")
    qtbot.addWidget(win)
    toolbar = child(win, QToolBar, "mainToolBar")
    shown = [a for a in toolbar.actions() if a.isVisible()]
    assert shown and not shown[0].isSeparator() and not shown[-1].isSeparator()
    assert not any(a.isSeparator() and b.isSeparator() for a, b in itertools.pairwise(shown))
    # the groups stay apart: a separator still stands wherever two visible groups meet
    assert any(a.isSeparator() for a in shown)
