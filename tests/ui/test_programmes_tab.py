"""The loan detail's programmes tab: eligibility and carbon account in the interface language,
and the CERF disclosure exported from the window."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Principal
from greendesk.services import portfolio
from greendesk.services.carbon_accounts import record_assessment
from greendesk.store.database import Database
from greendesk.ui.dialogs.cerf_report import CerfReportDialog, recent_quarters
from greendesk.ui.main_window import MainWindow
from greendesk.ui.settings import Settings
from greendesk.ui.workers import Tasks
from tests.ui.helpers import column

MULEI = "XJ-CJ-2023-001"
CHP = "XJ-CJ-2024-002"


def _loan_id(db: Database, reference: str) -> int:
    return next(s.id for s in portfolio.list_loans(db) if s.reference == reference)


def _window(qtbot: QtBot, db: Database, officer: Principal, settings: Settings) -> MainWindow:
    win = MainWindow(db, officer, settings, "zh_CN")
    qtbot.addWidget(win)
    win.show()
    return win


def _show(qtbot: QtBot, win: MainWindow, loan_id: int) -> None:
    """Open the Programmes tab and select the loan (the tab reads only while it is shown)."""
    win.detail.tabs.setCurrentWidget(win.detail.programmes)
    with qtbot.waitSignal(win.detail.programmes.ready, timeout=10_000):
        assert win.select_loan(loan_id)


def test_the_programmes_are_read_only_once_their_tab_is_shown(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, settings: Settings
) -> None:
    win = _window(qtbot, db, officer, settings)
    win.detail.tabs.setCurrentIndex(0)
    assert win.select_loan(_loan_id(db, MULEI))
    assert win.detail.programmes.model.rowCount() == 0  # not read while another tab is shown
    with qtbot.waitSignal(win.detail.programmes.ready, timeout=10_000):
        win.detail.tabs.setCurrentWidget(win.detail.programmes)
    assert "碳减排支持工具" in win.detail.programmes.summary.text()


def test_mulei_shows_cerf_eligible_with_chinese_conditions(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, settings: Settings
) -> None:
    win = _window(qtbot, db, officer, settings)
    _show(qtbot, win, _loan_id(db, MULEI))
    tab = win.detail.programmes
    assert "碳减排支持工具" in tab.summary.text()
    assert "符合" in tab.summary.text()
    conditions = column(tab.model, 2)
    assert any("清洁能源" in c for c in conditions)
    assert not any("clean energy" in c for c in conditions)
    assert "已满足" in column(tab.model, 1)


def test_grade_change_shows_the_repricing_alert_on_that_loan_only(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, settings: Settings
) -> None:
    chp = _loan_id(db, CHP)
    with db.session() as session:
        from greendesk.store.models import Loan

        code = session.get(Loan, chp).borrower.credit_code  # type: ignore[union-attr]
    record_assessment(
        db,
        officer,
        code,
        platform="新能源云昌吉州碳中和支撑服务平台",
        grade="D",
        assessed_on=date(2026, 11, 30),
        source="平台年度评级",
    )
    win = _window(qtbot, db, officer, settings)
    _show(qtbot, win, chp)
    tab = win.detail.programmes
    assert "碳效码：D" in tab.account_summary.text() or "D" in tab.account_summary.text()
    assert "+15bp" in tab.account_summary.text()
    assert "C 变为 D" in tab.alerts.text()
    assert column(tab.history, 1) == ["D", "C", "D"]  # newest first, over the seeded history
    _show(qtbot, win, _loan_id(db, MULEI))
    assert tab.alerts.text() == ""


def test_disclosure_exported_from_the_window(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, tmp_path: Path
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    dialog = CerfReportDialog(db, Tasks(host), "zh", host)
    index = dialog.quarter.findData("2024Q4")
    assert index >= 0
    dialog.quarter.setCurrentIndex(index)
    target = tmp_path / "cerf.xlsx"
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.findChild(QDialogButtonBox, "buttonBox").button(  # type: ignore[union-attr]
            QDialogButtonBox.StandardButton.Ok
        ).click()
    sheet = load_workbook(target).worksheets[0]
    assert sheet.cell(1, 1).value == "贷款编号"
    assert sheet.cell(2, 1).value == MULEI  # the one loan supported in 2024Q4


def test_recent_quarters_newest_first() -> None:
    assert recent_quarters(date(2026, 12, 1), 5) == [
        "2026Q4",
        "2026Q3",
        "2026Q2",
        "2026Q1",
        "2025Q4",
    ]


def test_loan_editor_proposes_the_grade_pricing_for_the_chosen_borrower(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    from greendesk.services.records import borrowers
    from greendesk.ui.dialogs.loan import LoanDialog

    dialog = LoanDialog(db, officer)
    qtbot.addWidget(dialog)
    grades = {b.id: b.carbon_account_grade or "" for b in borrowers.list_borrowers(db)}
    graded = next(i for i, g in grades.items() if g == "B")
    ungraded = next(i for i, g in grades.items() if not g)
    dialog.borrower.setCurrentIndex(dialog.borrower.findData(graded))
    assert "碳效码 B" in dialog.pricing_note.text()
    assert "-10bp" in dialog.pricing_note.text()
    dialog.borrower.setCurrentIndex(dialog.borrower.findData(ungraded))
    assert "无碳效码" in dialog.pricing_note.text()
