"""The loan editor's list pages, driven through the real widgets and saved to a real database.

Base-rate path, custom repayment plan, KPIs, ratchet steps and cap, and use of proceeds: each is
typed into its grid cell by cell (the view's own cell editor, keys and Return), saved through the
dialog's OK button, and read back through the records service.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from greendesk.domain.classification.catalogue import load_catalogue
from greendesk.domain.roles import Principal
from greendesk.paths import seeds_dir
from greendesk.services import portfolio
from greendesk.services.records.loans import create_loan, get_loan, get_loan_terms
from greendesk.store.database import Database
from greendesk.ui.dialogs.loan import LoanDialog
from greendesk.ui.dialogs.loan_catalogue import CatalogueDelegate
from greendesk.ui.forms import child
from tests.ui.helpers import syndicated_loan

CARBON_LINKED_SEED = "09-carbon-footprint-linked-loan.toml"
W = TypeVar("W", bound=QWidget)


def ok(dialog: QDialog) -> None:
    child(dialog, QDialogButtonBox, "buttonBox").button(QDialogButtonBox.StandardButton.Ok).click()


def open_editor(qtbot: QtBot, db: Database, officer: Principal, loan_id: int) -> LoanDialog:
    dialog = LoanDialog(db, officer, get_loan_terms(db, loan_id))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def draft(db: Database, officer: Principal) -> int:
    """A draft syndicated loan (fixed 3.45 %, quarterly from 2025-01-15, 90,000,000.00 drawn)."""
    borrower_id = get_loan(db, portfolio.list_loans(db)[0].id).borrower_id
    return syndicated_loan(db, officer, borrower_id)


def choose(combo: QComboBox, code: str) -> None:
    index = combo.findData(code)
    assert index >= 0, code
    combo.setCurrentIndex(index)


def keys(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Type ``text``: ASCII as key presses, Chinese as an input method commits it."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def type_text(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.clear()
    keys(qtbot, edit, text)


def add_row(qtbot: QtBot, dialog: LoanDialog, button: str) -> None:
    clicked = child(dialog, QPushButton, button)
    dialog.tabs.setCurrentWidget(_page_of(dialog, clicked))
    assert clicked.isEnabled()
    qtbot.mouseClick(clicked, Qt.MouseButton.LeftButton)


def _page_of(dialog: LoanDialog, widget: QWidget) -> QWidget:
    for index in range(dialog.tabs.count()):
        page = dialog.tabs.widget(index)
        if page is not None and page.isAncestorOf(widget):
            return page
    raise AssertionError("widget on no page")


def cell_editor(view: QTableView, row: int, col: int, kind: type[W]) -> W:
    """Open the view's own editor on a cell (as a double-click does) and return it."""
    index = view.model().index(row, col)
    editing = view.state() == QTableView.State.EditingState and view.currentIndex() == index
    if not editing:  # (adding a row opens its first cell already)
        view.setCurrentIndex(index)
        view.edit(index)
    editors = [w for w in view.viewport().findChildren(kind) if w.isVisible()]
    assert len(editors) == 1, f"one open {kind.__name__} editor expected, found {len(editors)}"
    return editors[0]


def type_cell(qtbot: QtBot, view: QTableView, row: int, col: int, text: str) -> None:
    editor = cell_editor(view, row, col, QLineEdit)
    editor.selectAll()
    keys(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on its next event loop turn
    # the cell keeps the text typed (a money cell shows it grouped: 30,000,000.00)
    qtbot.waitUntil(lambda: view.model().index(row, col).data(Qt.ItemDataRole.EditRole) == text)


def type_row(qtbot: QtBot, dialog: LoanDialog, path: str, button: str, cells: list[str]) -> None:
    """Add a row with the page's button, then type each cell ("" leaves a cell blank)."""
    view = dialog.grids.view(path)
    add_row(qtbot, dialog, button)
    row = view.model().rowCount() - 1
    for col, text in enumerate(cells):
        if text:
            type_cell(qtbot, view, row, col, text)


def test_base_rate_path_typed_on_the_rate_page_is_stored(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    loan_id = draft(db, officer)
    dialog = open_editor(qtbot, db, officer, loan_id)
    box = child(dialog, QLineEdit, "baseRateEdit").parentWidget()
    assert box is not None
    assert dialog.grids.path_box.isHidden()  # a fixed rate has no path
    choose(dialog.combos["rate_kind"], "floating")
    assert not dialog.grids.path_box.isHidden()
    choose(dialog.combos["base_rate_name"], "LPR5Y")
    type_text(qtbot, dialog.edits["base_rate"], "0.0360")
    type_text(qtbot, dialog.edits["spread_bps"], "-25")
    type_row(qtbot, dialog, "base_rate_path", "addBaseRateButton", ["2025-05-20", "0.0350"])
    type_row(qtbot, dialog, "base_rate_path", "addBaseRateButton", ["2026-05-20", "0.0340"])
    ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    saved = get_loan(db, loan_id)
    assert (saved.rate_kind, saved.base_rate, saved.spread_bps) == (
        "floating",
        Decimal("0.036"),
        -25,
    )
    assert [(p.from_date, p.base_rate) for p in saved.base_rate_path] == [
        (date(2025, 5, 20), Decimal("0.035")),
        (date(2026, 5, 20), Decimal("0.034")),
    ]


def test_custom_repayment_plan_is_enabled_by_the_method_and_stored(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    loan_id = draft(db, officer)
    dialog = open_editor(qtbot, db, officer, loan_id)
    plan = dialog.grids.view("custom_principal")
    assert not plan.isEnabled()
    assert not child(dialog, QPushButton, "addCustomButton").isEnabled()
    choose(dialog.combos["method"], "custom")
    assert plan.isEnabled()
    for day in ("2026-01-15", "2027-01-15", "2028-01-15"):  # period ends; 90,000,000.00 drawn
        type_row(qtbot, dialog, "custom_principal", "addCustomButton", [day, "30000000.00", ""])
    ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    saved = get_loan(db, loan_id)
    assert saved.method == "custom"
    assert [(c.date, c.amount, c.percent) for c in saved.custom_principal] == [
        (date(2026, 1, 15), Decimal("30000000.00"), None),
        (date(2027, 1, 15), Decimal("30000000.00"), None),
        (date(2028, 1, 15), Decimal("30000000.00"), None),
    ]


def test_custom_plan_in_percent_is_stored_as_percent(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    loan_id = draft(db, officer)
    dialog = open_editor(qtbot, db, officer, loan_id)
    choose(dialog.combos["method"], "custom")
    type_row(qtbot, dialog, "custom_principal", "addCustomButton", ["2027-01-15", "", "40"])
    type_row(qtbot, dialog, "custom_principal", "addCustomButton", ["2028-01-15", "", "60"])
    ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    plan = get_loan(db, loan_id).custom_principal
    assert [(c.date, c.amount, c.percent) for c in plan] == [
        (date(2027, 1, 15), None, Decimal(40)),
        (date(2028, 1, 15), None, Decimal(60)),
    ]


def test_kpis_ratchet_steps_and_cap_on_the_carbon_linked_page_are_stored(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    loan_id = draft(db, officer)
    dialog = open_editor(qtbot, db, officer, loan_id)
    kpi = ["单位产品碳排放", "tCO2e/t", "2.50", "2.10", "2025-12-31；2026-12-31, 2027-06-30"]
    type_row(qtbot, dialog, "kpis", "addKpiButton", [*kpi, "中国质量认证中心"])
    type_row(qtbot, dialog, "kpis", "addKpiButton", ["绿电使用比例", "%", "20", "45", "2026-12-31"])
    type_text(qtbot, dialog.edits["ratchet_cap_bps"], "15")
    type_row(qtbot, dialog, "ratchet", "addRatchetButton", ["2026-01-15", "-5"])
    type_row(qtbot, dialog, "ratchet", "addRatchetButton", ["2027-01-15", "+5"])
    ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    saved = get_loan(db, loan_id)
    assert saved.ratchet_cap_bps == 15
    assert [(s.effective, s.adjust_bps) for s in saved.ratchet] == [
        (date(2026, 1, 15), -5),
        (date(2027, 1, 15), 5),
    ]
    first, second = saved.kpis
    assert (first.name, first.unit, first.baseline, first.target, first.verifier) == (
        "单位产品碳排放",
        "tCO2e/t",
        Decimal("2.5"),
        Decimal("2.1"),
        "中国质量认证中心",
    )
    assert first.test_dates == (date(2025, 12, 31), date(2026, 12, 31), date(2027, 6, 30))
    assert (second.name, second.unit, second.test_dates, second.verifier) == (
        "绿电使用比例",
        "%",
        (date(2026, 12, 31),),
        None,
    )


def test_use_of_proceeds_is_picked_from_the_catalogue_and_stored(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    loan_id = draft(db, officer)
    dialog = open_editor(qtbot, db, officer, loan_id)
    view = dialog.grids.view("use_of_proceeds")
    for key, text, amount in (
        ("2019:3.2.2", "光伏电站建设", "60000000.00"),
        ("2019:3.4.2", "配套储能电站", "30000000.00"),
    ):
        type_row(qtbot, dialog, "use_of_proceeds", "addProceedsButton", ["", text, amount])
        row = view.model().rowCount() - 1
        cell = view.model().index(row, 0)
        view.setCurrentIndex(cell)
        view.edit(cell)  # as a double-click does: the catalogue tree opens as the editor
        delegate = view.itemDelegateForColumn(0)
        assert isinstance(delegate, CatalogueDelegate) and delegate.picker is not None
        picker = delegate.picker
        assert picker.isVisible()
        qtbot.keyClicks(picker.search, key.split(":")[1])  # search by the code
        assert picker.key == key
        qtbot.mouseClick(picker.ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda cell=cell, key=key: cell.data() == key)  # type: ignore[misc]
        item = load_catalogue().get(key)
        assert item is not None
        shown = delegate.displayText(key, view.locale())
        assert key in shown and item.name_zh in shown  # the officer sees the item's name
    ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    saved = get_loan(db, loan_id).use_of_proceeds
    assert [(u.catalogue_code, u.description, u.amount) for u in saved] == [
        ("2019:3.2.2", "光伏电站建设", Decimal("60000000.00")),
        ("2019:3.4.2", "配套储能电站", Decimal("30000000.00")),
    ]


def seed_loan(file_name: str = CARBON_LINKED_SEED) -> dict[str, Any]:
    """The seed file itself: an independent record of what the loan must show."""
    with (seeds_dir() / "loans" / file_name).open("rb") as handle:
        loan: dict[str, Any] = tomllib.load(handle)["loan"]
    return loan


def test_a_seeded_carbon_linked_loan_shows_its_kpis_and_ratchet(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    seed = seed_loan()
    loan = next(x for x in portfolio.list_loans(db) if x.reference == seed["reference"])
    dialog = open_editor(qtbot, db, officer, loan.id)
    kpis, steps = seed["kpis"], seed["ratchet"]
    assert isinstance(kpis, list) and isinstance(steps, list) and kpis and steps
    assert dialog.edits["ratchet_cap_bps"].text() == str(seed["ratchet_cap_bps"])
    assert [(r[0], int(r[1])) for r in dialog.grids.ratchet.rows()] == [
        (s["effective"].isoformat(), s["adjust_bps"]) for s in steps
    ]
    shown = dialog.grids.kpis.rows()
    assert len(shown) == len(kpis)
    for row, kpi in zip(shown, kpis, strict=True):
        assert row[0] == kpi["name"] and row[1] == kpi["unit"] and row[5] == kpi["verifier"]
        assert Decimal(row[2]) == Decimal(kpi["baseline"])
        assert Decimal(row[3]) == Decimal(kpi["target"])
        assert row[4].replace(" ", "").split(";") == [d.isoformat() for d in kpi["test_dates"]]


def test_editing_a_carbon_linked_loan_keeps_its_kpis_ratchet_and_path(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    """The seed is disbursed (frozen), so its terms are re-entered as a new draft and edited."""
    seed = seed_loan()
    source = next(x for x in portfolio.list_loans(db) if x.reference == seed["reference"])
    terms = get_loan_terms(db, source.id).input
    loan_id = create_loan(db, officer, replace(terms, reference="")).id
    before = get_loan(db, loan_id)
    assert before.kpis and before.ratchet and before.base_rate_path
    dialog = open_editor(qtbot, db, officer, loan_id)
    type_text(qtbot, dialog.edits["purpose"], "碳足迹挂钩贷款（续作）")
    ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    after = get_loan(db, loan_id)
    assert after.purpose == "碳足迹挂钩贷款（续作）" and after.version == before.version + 1
    assert after.kpis == before.kpis
    assert after.ratchet == before.ratchet
    assert after.ratchet_cap_bps == before.ratchet_cap_bps == seed["ratchet_cap_bps"]
    assert after.base_rate_path == before.base_rate_path
    assert after.use_of_proceeds == before.use_of_proceeds
    assert after.custom_principal == before.custom_principal
    assert [k.name for k in after.kpis] == [k["name"] for k in seed["kpis"]]


def test_a_catalogue_key_the_catalogues_do_not_know_is_kept_as_it_is(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    """Picking nothing new must not blank a key from elsewhere (the service then names it)."""
    dialog = open_editor(qtbot, db, officer, draft(db, officer))
    dialog.grids.proceeds.add_row(["2015:9.9.9", "旧目录项目", "1000000.00"])
    view = dialog.grids.view("use_of_proceeds")
    dialog.tabs.setCurrentWidget(_page_of(dialog, view))
    cell = view.model().index(0, 0)
    view.setCurrentIndex(cell)
    view.edit(cell)
    delegate = view.itemDelegateForColumn(0)
    assert isinstance(delegate, CatalogueDelegate) and delegate.picker is not None
    picker = delegate.picker
    assert picker.key is None and not picker.ok.isEnabled()  # unknown: nothing to pick it from
    picker.reject()
    qtbot.waitUntil(lambda: view.state() != QTableView.State.EditingState)
    assert view.model().index(0, 0).data() == "2015:9.9.9"
    ok(dialog)
    assert dialog.saved is None
    assert "use_of_proceeds[0].catalogue_code" in dialog.error.toolTip() + dialog.error.text()
