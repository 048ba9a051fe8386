"""The loan editor's live schedule and the schedule charts, on real widgets and a real database.

The officer changes the terms and the preview follows (computed on a worker; the latest request
wins); a term the engine refuses empties the preview with the reason and saves nothing; the
chart follows the borrower or a lender; the detail's schedule tab draws the same chart.
"""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Principal
from greendesk.services import portfolio
from greendesk.services.records import borrowers
from greendesk.services.records.loans import get_loan_terms
from greendesk.store.database import Database
from greendesk.ui.dialogs.loan import LoanDialog
from greendesk.ui.main_window import MainWindow
from greendesk.ui.settings import Settings
from tests.ui.helpers import syndicated_loan


def _settled(qtbot: QtBot, dialog: LoanDialog) -> None:
    qtbot.waitUntil(lambda: dialog.preview.shown == dialog.preview.requested, timeout=10_000)


def test_preview_follows_the_terms_and_latest_wins(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    borrower = borrowers.list_borrowers(db)[0]
    loan_id = syndicated_loan(db, officer, borrower.id)
    dialog = LoanDialog(db, officer, get_loan_terms(db, loan_id))
    qtbot.addWidget(dialog)
    dialog.show()
    _settled(qtbot, dialog)
    tab = dialog.schedule_page.tab
    assert tab.borrower_model.rowCount() == 12  # 36 months, quarterly
    assert len(tab.chart.points) == 12
    assert tab.chart.points[-1].balance == 0
    assert tab.chart.points[0].balance == Decimal("55000000.00")  # 60M drawn, 5M repaid
    assert {s.count() for s in tab.chart.series.values()} == {12}

    # typing a new term: the preview recomputes after the pause, off the GUI thread
    dialog.edits["term_months"].setText("24")
    qtbot.waitUntil(lambda: tab.borrower_model.rowCount() == 8, timeout=10_000)

    # several requests in a row: only the last one's answer is shown
    dialog.edits["term_months"].setText("48")
    dialog.preview.compute()
    dialog.edits["term_months"].setText("60")
    dialog.preview.compute()
    _settled(qtbot, dialog)
    assert tab.borrower_model.rowCount() == 20
    assert dialog.preview.shown == dialog.preview.requested

    # a lender's own schedule and chart: its balance is its drawdowns less its principal
    tab.party.setCurrentIndex(1)
    lender = tab.schedule.lenders[0] if tab.schedule else None
    assert lender is not None
    assert len(tab.chart.points) == len(lender.periods)
    assert tab.chart.points[-1].balance == 0
    assert sum(p.principal for p in tab.chart.points) == lender.commitment
    drawn = [p.drawdown for p in lender.periods]
    assert tab.chart.points[0].balance == drawn[0] - lender.periods[0].principal
    assert tab.chart.chart().title() == lender.name

    # a term the engine refuses: no schedule, the reason in words, and nothing saved
    before = get_loan_terms(db, loan_id)
    dialog.edits["start_date"].setText("2025-02-30")
    dialog.preview.compute()
    _settled(qtbot, dialog)
    assert tab.borrower_model.rowCount() == 0
    assert tab.chart.points == []
    assert tab.terms.property("tone") == "alert"
    assert "起始日" in tab.terms.text() or "起息日" in tab.terms.text()
    assert get_loan_terms(db, loan_id) == before
    dialog.edits["start_date"].setText("2025-01-15")
    dialog.preview.compute()
    _settled(qtbot, dialog)
    assert tab.borrower_model.rowCount() == 20 and tab.terms.property("tone") == ""
    dialog.reject()


def test_schedule_tab_draws_the_chart(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, settings: Settings
) -> None:
    loan = next(x for x in portfolio.list_loans(db) if x.reference == "XJ-CJ-2023-001")
    win = MainWindow(db, officer, settings, "zh_CN")
    qtbot.addWidget(win)
    win.show()
    ready: list[bool] = []
    win.detail.schedule_ready.connect(lambda: ready.append(True))
    win.detail.show_tab("schedule")  # the schedule is computed when its tab is shown
    assert win.select_loan(loan.id)
    qtbot.waitUntil(lambda: bool(ready), timeout=10_000)
    tab = win.detail.schedule_tab
    assert tab.schedule is not None
    assert len(tab.chart.points) == len(tab.schedule.periods)
    assert [p.principal for p in tab.chart.points] == [p.principal for p in tab.schedule.periods]
    axes = [a.titleText() for a in tab.chart.chart().axes() if a.titleText()]
    assert axes == ["余额（亿元）", "每期还款（万元）"]
    for index in range(1, tab.party.count()):
        tab.party.setCurrentIndex(index)
        lender = tab.schedule.lenders[index - 1]
        assert sum(p.principal for p in tab.chart.points) == lender.totals.principal
    win.close()
