"""Money in the loan editor's grids: grouped on screen, exact on saving, and live totals.

Amounts are typed (or pasted) into the real cell editors of the drawdowns, syndicate, custom
plan and use-of-proceeds grids, saved through the dialog's OK button and read back through the
records service. The total line under each grid is checked against sums worked out here from
the typed figures and from the seed file, and its tone (the desk's alert or ok box) against the
service's rules: parts may not exceed the loan amount, commitments must equal it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Principal
from greendesk.services import portfolio
from greendesk.services.records.loans import get_loan
from greendesk.store.database import Database
from greendesk.ui.dialogs.loan import LoanDialog
from greendesk.ui.forms import child
from greendesk.ui.models.editable import TextGridModel, plain_amount
from tests.ui.test_loan_editor_pages import (
    _page_of,
    cell_editor,
    choose,
    draft,
    ok,
    open_editor,
    seed_loan,
    type_cell,
    type_text,
)

MULEI_SEED = "04-mulei-storage-wind-solar-syndicate.toml"
EDIT = Qt.ItemDataRole.EditRole


def grouped(amount: str) -> str:
    """The figure as the officer reads it: thousands separators, two decimals."""
    return f"{Decimal(amount):,.2f}"


def total_label(dialog: LoanDialog, name: str) -> QLabel:
    return child(dialog, QLabel, name)


def on_page(dialog: LoanDialog, view: QTableView) -> QTableView:
    dialog.tabs.setCurrentWidget(_page_of(dialog, view))
    return view


def paste_cell(qtbot: QtBot, view: QTableView, row: int, col: int, text: str) -> None:
    """Paste ``text`` from the clipboard into a cell's editor (Ctrl+V), then commit."""
    QGuiApplication.clipboard().setText(text)
    editor = cell_editor(view, row, col, QLineEdit)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == text
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QTableView.State.EditingState)


def invalid_note(count: int) -> str:
    if count == 1:
        source = "1 cell is not a valid amount and is left out"
    else:
        source = "{count} cells are not valid amounts and are left out"
    return QCoreApplication.translate("LoanDialog", source).format(count=count)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("1100000000.00", "1100000000.00"),
        ("1,100,000,000.00", "1100000000.00"),
        (" 2,443,000,000 ", "2443000000"),
        ("１，０００．５", "1000.5"),
        ("12.345", None),
        ("-5.00", None),
        ("1e3", None),
        ("12O00.00", None),
        ("", None),
        ("7.2亿", "720000000.00"),
        ("9.6万元", "96000.00"),
        ("75_50", None),  # Decimal() reads 7550
        ("1,2,3.4", None),
        ("75,50", None),
        ("1,234.50", "1234.50"),
    ],
)
def test_a_money_cell_keeps_plain_text_only_for_a_valid_amount(
    typed: str, kept: str | None
) -> None:
    assert plain_amount(typed) == kept


def test_money_columns_show_grouped_amounts_and_keep_what_was_typed(
    qtmodeltester: ModelTester, desk_app: object
) -> None:
    model = TextGridModel(["Date", "Amount"], money=[1])
    model.set_rows([["2025-01-15", "1,100,000,000.00"], ["2025-04-15", "abc"]])
    model.add_row(["2025-07-15", "843000000"])
    qtmodeltester.check(model, force_py=True)
    assert [model.index(r, 1).data() for r in range(3)] == [
        "1,100,000,000.00",
        "abc",
        "843,000,000.00",
    ]
    assert [model.index(r, 1).data(EDIT) for r in range(3)] == ["1100000000.00", "abc", "843000000"]
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) is not None
    assert model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole) is not None  # marked
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.setData(model.index(1, 1), "500,000,000.00")
    summed = model.column_sum(1)
    assert (summed.total, summed.counted, summed.invalid) == (Decimal("2443000000.00"), 3, 0)
    assert model.setData(model.index(2, 1), "8430000OO")
    summed = model.column_sum(1)
    assert (summed.total, summed.counted, summed.invalid) == (Decimal("1600000000.00"), 2, 1)


def test_typed_amounts_show_separators_and_are_saved_exactly(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    loan_id = draft(db, officer)  # 90,000,000.00 drawn as 60,000,000.00 + 30,000,000.00
    dialog = open_editor(qtbot, db, officer, loan_id)
    view = on_page(dialog, dialog.grids.view("drawdowns"))
    assert view.model().index(0, 1).data() == "60,000,000.00"
    assert cell_editor(view, 0, 1, QLineEdit).text() == "60000000.00"  # edited as plain digits
    qtbot.keyClick(cell_editor(view, 0, 1, QLineEdit), Qt.Key.Key_Escape)
    type_cell(qtbot, view, 0, 1, "59999999.99")
    type_cell(qtbot, view, 1, 1, "30000000.01")
    assert [view.model().index(r, 1).data() for r in range(2)] == ["59,999,999.99", "30,000,000.01"]
    assert [d.amount for d in dialog.collect().drawdowns] == ["59999999.99", "30000000.01"]
    ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    saved = get_loan(db, loan_id)
    assert [d.amount for d in saved.drawdowns] == [Decimal("59999999.99"), Decimal("30000000.01")]


def test_amounts_pasted_with_separators_are_accepted(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    loan_id = draft(db, officer)  # commitments 40 + 30 + 20 million = the 90 million facility
    dialog = open_editor(qtbot, db, officer, loan_id)
    view = on_page(dialog, dialog.grids.view("lenders"))
    paste_cell(qtbot, view, 0, 2, "41,000,000.00")
    paste_cell(qtbot, view, 2, 2, "19,000,000.00")
    assert view.model().index(0, 2).data() == "41,000,000.00"
    assert view.model().index(0, 2).data(EDIT) == "41000000.00"
    assert [x.commitment for x in dialog.collect().lenders] == [
        "41000000.00",
        "30000000.00",
        "19000000.00",
    ]
    ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    commitments = [x.commitment for x in get_loan(db, loan_id).lenders]
    assert commitments == [Decimal("41000000.00"), Decimal("30000000.00"), Decimal("19000000.00")]


def test_invalid_text_is_kept_as_typed_and_refused_with_its_field(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    loan_id = draft(db, officer)
    before = get_loan(db, loan_id)
    dialog = open_editor(qtbot, db, officer, loan_id)
    view = on_page(dialog, dialog.grids.view("drawdowns"))
    type_cell(qtbot, view, 1, 1, "3OOOOOOO.OO")  # letter O for zero
    assert view.model().index(1, 1).data() == "3OOOOOOO.OO"
    assert dialog.collect().drawdowns[1].amount == "3OOOOOOO.OO"
    line = total_label(dialog, "drawdownTotal")
    assert line.property("tone") == "alert"
    assert invalid_note(1) in line.text()
    assert f"{grouped('60000000.00')} / " in line.text()  # the valid cell alone is counted
    ok(dialog)
    assert dialog.isVisible() and dialog.saved is None
    assert "drawdowns[1].amount" in dialog.error.text() + "\n" + dialog.error.toolTip()
    assert view.property("invalid") is True
    assert get_loan(db, loan_id) == before


def test_totals_follow_every_edit_and_warn_above_the_amount(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    dialog = open_editor(qtbot, db, officer, draft(db, officer))
    line = total_label(dialog, "drawdownTotal")
    view = on_page(dialog, dialog.grids.view("drawdowns"))
    assert line.isVisible()
    assert line.text().count(grouped("90000000.00")) == 2 and line.property("tone") == "ok"
    type_cell(qtbot, view, 1, 1, "20000000.00")
    assert grouped("80000000.00") in line.text() and grouped("10000000.00") in line.text()
    assert line.property("tone") == ""
    type_cell(qtbot, view, 1, 1, "45000000.00")  # 105 million against 90
    assert grouped("105000000.00") in line.text() and grouped("15000000.00") in line.text()
    assert line.property("tone") == "alert"
    type_text(qtbot, dialog.edits["amount"], "110000000.00")
    assert grouped("110000000.00") in line.text() and grouped("5000000.00") in line.text()
    assert line.property("tone") == ""
    dialog.grids.drawdowns.remove_row(1)
    assert grouped("60000000.00") in line.text() and grouped("50000000.00") in line.text()
    type_text(qtbot, dialog.edits["amount"], "abc")  # no amount to compare with
    assert grouped("60000000.00") in line.text() and grouped("110000000.00") not in line.text()

    proceeds = total_label(dialog, "proceedsTotal")
    dialog.grids.proceeds.add_row(["2019:3.2.2", "光伏", "70000000.00"])
    dialog.grids.proceeds.add_row(["2019:3.4.2", "储能", "xyz"])
    dialog.grids.proceeds.add_row(["2019:3.4.2", "储能", "1.005"])
    type_text(qtbot, dialog.edits["amount"], "60,000,000.00")
    assert grouped("70000000.00") in proceeds.text() and grouped("10000000.00") in proceeds.text()
    assert invalid_note(2) in proceeds.text() and proceeds.property("tone") == "alert"


def test_commitments_that_differ_from_the_amount_are_flagged_either_way(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    dialog = open_editor(qtbot, db, officer, draft(db, officer))
    line = total_label(dialog, "lenderTotal")
    view = on_page(dialog, dialog.grids.view("lenders"))
    assert line.property("tone") == "ok" and line.text().count(grouped("90000000.00")) == 2
    type_cell(qtbot, view, 2, 2, "15000000.00")  # 85 million: short by 5
    assert line.property("tone") == "alert"
    assert grouped("85000000.00") in line.text() and grouped("5000000.00") in line.text()
    type_text(qtbot, dialog.edits["amount"], "80000000.00")  # now 5 million over
    assert line.property("tone") == "alert" and grouped("80000000.00") in line.text()
    type_text(qtbot, dialog.edits["amount"], "85000000.00")
    assert line.property("tone") == "ok"
    for _ in range(3):
        dialog.grids.lenders.remove_row(0)
    assert line.property("tone") == "" and grouped("0") not in line.text()  # bilateral


def test_the_custom_plan_total_is_against_the_drawn_total(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    dialog = open_editor(qtbot, db, officer, draft(db, officer))
    line = total_label(dialog, "customPlanTotal")
    view = on_page(dialog, dialog.grids.view("custom_principal"))
    assert line.isHidden()  # the plan is out of play under equal principal
    choose(dialog.combos["method"], "custom")
    assert line.isVisible()
    dialog.grids.custom_plan.add_row(["2026-01-15", "50000000.00", ""])
    assert grouped("50000000.00") in line.text() and grouped("40000000.00") in line.text()
    type_cell(qtbot, view, 0, 1, "95000000.00")
    assert line.property("tone") == "alert" and grouped("5000000.00") in line.text()
    dialog.grids.drawdowns.set_rows([["2025-01-15", "95,000,000.00"]])  # drawn total moves
    assert line.property("tone") == "ok" and line.text().count(grouped("95000000.00")) == 2


def test_the_seeded_syndicated_loan_adds_up_without_a_warning(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    seed = seed_loan(MULEI_SEED)
    loan = next(x for x in portfolio.list_loans(db) if x.reference == seed["reference"])
    dialog = open_editor(qtbot, db, officer, loan.id)
    amount = grouped(seed["amount"])
    commitments = [x["commitment"] for x in seed["lenders"]]
    assert sum(Decimal(c) for c in commitments) == Decimal(seed["amount"])
    view = on_page(dialog, dialog.grids.view("lenders"))
    assert [view.model().index(r, 2).data() for r in range(len(commitments))] == [
        grouped(c) for c in commitments
    ]
    lenders = total_label(dialog, "lenderTotal")
    assert lenders.isVisible() and lenders.property("tone") == "ok"
    assert lenders.text().count(amount) == 2
    drawn = sum(Decimal(d["amount"]) for d in seed["drawdowns"])
    drawdowns = total_label(dialog, "drawdownTotal")
    assert drawdowns.property("tone") == ""
    assert grouped(str(drawn)) in drawdowns.text()
    assert grouped(str(Decimal(seed["amount"]) - drawn)) in drawdowns.text()
    proceeds = total_label(dialog, "proceedsTotal")
    assert sum(Decimal(u["amount"]) for u in seed["use_of_proceeds"]) == Decimal(seed["amount"])
    assert proceeds.property("tone") == "ok" and proceeds.text().count(amount) == 2
