"""Record editors built from forms: every error shown at once, nothing saved until it is right."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Principal
from greendesk.services import portfolio
from greendesk.services.records.borrowers import list_borrowers
from greendesk.services.records.loans import get_loan, get_loan_terms
from greendesk.services.records.pledges import list_pledges
from greendesk.store.database import Database
from greendesk.ui.dialogs.borrower import BorrowerDialog
from greendesk.ui.dialogs.loan import LoanDialog
from greendesk.ui.dialogs.pledge import PledgeDialog
from greendesk.ui.forms import child
from tests.ui.helpers import syndicated_loan


def _ok(dialog: QDialog) -> None:
    child(dialog, QDialogButtonBox, "buttonBox").button(QDialogButtonBox.StandardButton.Ok).click()


def test_borrower_editor_lists_every_error_and_saves_nothing(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    before = len(list_borrowers(db))
    dialog = BorrowerDialog(db, officer, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(child(dialog, type(dialog.edits["credit_code"]), "creditCodeEdit"), "123")
    _ok(dialog)
    assert dialog.isVisible() and dialog.saved is None
    text = dialog.error.text()
    assert "名称：" in text and "统一社会信用代码：" in text
    assert "credit_code: " in dialog.error.toolTip()
    assert dialog.edits["name"].property("invalid") is True
    assert dialog.edits["credit_code"].property("invalid") is True
    assert len(list_borrowers(db)) == before


def test_borrower_editor_changes_a_borrower(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    record = list_borrowers(db)[0]
    dialog = BorrowerDialog(db, officer, record)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edits["industry"].setText("风电、储能（已核实）")
    _ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    changed = next(b for b in list_borrowers(db) if b.id == record.id)
    assert changed.industry == "风电、储能（已核实）"
    assert changed.version == record.version + 1


def test_loan_editor_keeps_the_terms_it_does_not_show(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    borrower_id = get_loan(db, portfolio.list_loans(db)[0].id).borrower_id
    loan_id = syndicated_loan(db, officer, borrower_id)
    terms = get_loan_terms(db, loan_id)
    before = get_loan(db, loan_id)
    dialog = LoanDialog(db, officer, terms)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.lenders.rowCount() == 3 and dialog.drawdowns.rowCount() == 2
    dialog.edits["spread_bps"].setText("")
    dialog.edits["purpose"].setText("储能电站建设（修订）")
    _ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    after = get_loan(db, loan_id)
    assert after.purpose == "储能电站建设（修订）"
    assert [x.name for x in after.lenders] == ["甲银行", "乙银行", "丙银行"]
    assert after.drawdowns == before.drawdowns
    assert after.lenders == before.lenders
    assert after.annual_rate == before.annual_rate
    assert after.version == before.version + 1


def test_pledge_editor_adds_a_pledge(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    borrower_id = get_loan(db, portfolio.list_loans(db)[0].id).borrower_id
    loan_id = syndicated_loan(db, officer, borrower_id)
    dialog = PledgeDialog(db, officer, loan_id)
    qtbot.addWidget(dialog)
    dialog.show()
    index = dialog.type_combo.findData("cea")
    assert index >= 0
    dialog.type_combo.setCurrentIndex(index)
    dialog.edits["quantity"].setText("1000000")
    dialog.edits["unit"].setText("tCO2e")
    dialog.instrument.setEditText("CEA")
    dialog.edits["valuation_date"].setText("2025-01-10")
    dialog.edits["vintage_year"].setText("2024")
    dialog.edits["registry"].setText("全国碳排放权注册登记系统")
    dialog.edits["registration_no"].setText("CEA-2025-0001")
    _ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    pledges = list_pledges(db, loan_id)
    assert [(p.collateral_type, p.quantity) for p in pledges] == [("cea", dialog.saved.quantity)]
