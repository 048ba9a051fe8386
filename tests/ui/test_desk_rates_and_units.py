"""Rates and amounts as bankers write them, in the window: the base rate in force on the start
date pre-filled from the rate table, and amounts shown in 元 / 万元 / 亿元 (exact underneath)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Principal
from greendesk.services import portfolio
from greendesk.services.records import borrowers
from greendesk.services.records.loans import get_loan
from greendesk.services.records.market_data import list_rates
from greendesk.store.database import Database
from greendesk.ui import labels
from greendesk.ui.dialogs.loan import LoanDialog
from greendesk.ui.forms import child
from greendesk.ui.main_window import MainWindow
from greendesk.ui.settings import Settings
from tests.ui.helpers import column


def _rate_on(db: Database, name: str, day: str) -> Decimal:
    """The table's rate in force on ``day``, read independently of the service under test."""
    rows = [r for r in list_rates(db, name) if r.effective_date.isoformat() <= day]
    return max(rows, key=lambda r: r.effective_date).rate


def test_base_rate_is_prefilled_from_the_rate_table(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    dialog = LoanDialog(db, officer)
    qtbot.addWidget(dialog)
    dialog.show()
    borrower = borrowers.list_borrowers(db)[0]
    dialog.borrower.setCurrentIndex(dialog.borrower.findData(borrower.id))
    kind = dialog.combos["rate_kind"]
    kind.setCurrentIndex(kind.findData("floating"))
    name = dialog.combos["base_rate_name"]
    name.setCurrentIndex(name.findData("LPR5Y"))
    base = dialog.edits["base_rate"]
    assert base.text() == ""  # no start date yet: nothing to look up
    dialog.edits["start_date"].setText("2025-06-01")
    expected = _rate_on(db, "LPR5Y", "2025-06-01")
    assert Decimal(base.text()) == expected
    assert "LPR5Y" in base.toolTip() and labels.rate(expected) in base.toolTip()
    name.setCurrentIndex(name.findData("LPR1Y"))  # still the filled figure: follows the name
    assert Decimal(base.text()) == _rate_on(db, "LPR1Y", "2025-06-01")
    dialog.edits["start_date"].setText("1990-01-01")  # before the table: cleared, and said so
    assert base.text() == "" and "1990-01-01" in base.toolTip()
    dialog.edits["start_date"].setText("2025-06-01")
    base.setText("0.0312")  # the officer's own figure is never overwritten
    name.setCurrentIndex(name.findData("LPR5Y"))
    dialog.edits["start_date"].setText("2025-07-01")
    assert base.text() == "0.0312"
    for key, text in (("amount", "80000000.00"), ("term_months", "36"), ("bank", "测试银行")):
        dialog.edits[key].setText(text)
    dialog.edits["spread_bps"].setText("-20")
    base.setText("")
    dialog.edits["start_date"].setText("2025-07-02")  # blank again: filled again
    child(dialog, QDialogButtonBox, "buttonBox").button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    saved = get_loan(db, dialog.saved.id)
    assert saved.base_rate == _rate_on(db, "LPR5Y", "2025-07-02")


def test_amounts_in_wan_and_yi_yuan_exact_underneath(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, settings: Settings
) -> None:
    win = MainWindow(db, officer, settings, "zh_CN")
    qtbot.addWidget(win)
    win.show()
    loan = next(x for x in portfolio.list_loans(db) if x.reference == "XJ-CJ-2023-001")
    row = win.model.row_of(loan.id)
    assert row is not None
    assert column(win.model, 4)[row] == "2,443,000,000.00"
    win.action("actionMoney_wan").trigger()
    assert settings.money_unit == "wan" and Settings(settings.path).money_unit == "wan"
    assert column(win.model, 4)[win.model.row_of(loan.id) or 0] == "244,300.00 万元"
    assert win.select_loan(loan.id)
    qtbot.waitUntil(lambda: win.detail.detail is not None)
    amount = win.detail.findChild(QLabel, "loanAmount")
    assert amount is not None
    assert amount.text() == "244,300.00 万元"
    assert amount.toolTip() == "2,443,000,000.00 CNY"  # exact to the fen underneath
    win.action("actionMoney_yi").trigger()
    assert column(win.model, 4)[win.model.row_of(loan.id) or 0] == "24.43 亿元"
    ready: list[bool] = []
    win.detail.schedule_ready.connect(lambda: ready.append(True))
    win.detail.show_tab("schedule")  # computed when its tab is shown
    qtbot.waitUntil(lambda: bool(ready))
    tab = win.detail.schedule_tab
    assert "." in column(tab.borrower_model, 5)[0] and "亿" not in column(tab.borrower_model, 5)[0]
    win.action("actionMoney_yuan").trigger()
    assert column(win.model, 4)[win.model.row_of(loan.id) or 0] == "2,443,000,000.00"
    win.close()
    labels.set_money_unit("yuan")
