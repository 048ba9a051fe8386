"""Reference prices and rates from the window: revaluation, refusals, stale edits (real SQLite)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
)
from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Principal
from greendesk.services import audit, portfolio
from greendesk.services.assessment import collateral_report
from greendesk.services.records import market_data
from greendesk.services.records.inputs import PriceInput
from greendesk.services.records.loans import get_loan
from greendesk.services.records.pledges import list_pledges
from greendesk.store.database import Database
from greendesk.ui import labels
from greendesk.ui.dialogs.error_dialog import ErrorDialog
from greendesk.ui.dialogs.market_data import MarketDataDialog, PriceDialog, RateDialog
from greendesk.ui.forms import child
from greendesk.ui.main_window import MainWindow
from greendesk.ui.settings import Settings
from tests.ui.helpers import top_level

CEA_LOAN = (
    "XJ-CJ-2024-003"  # Construction Bank Changji: 3,100,000 t of allowances, pledge rate 0.70
)


def _ok(dialog: QDialog) -> None:
    child(dialog, QDialogButtonBox, "buttonBox").button(QDialogButtonBox.StandardButton.Ok).click()


def _save(qtbot: QtBot, editor: PriceDialog) -> None:
    """Press OK and wait for the worker thread that saves the price (and revalues) to report."""
    _ok(editor)
    assert editor.busy and not editor.ok.isEnabled()  # no second save while the first runs
    qtbot.waitUntil(lambda: not editor.busy, timeout=10_000)


def _dialog(qtbot: QtBot, db: Database, actor: Principal) -> MarketDataDialog:
    dialog = MarketDataDialog(db, actor)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _cea_pledged_loans(db: Database) -> set[int]:
    """Current loans with a pledge valued by CEA, found from the pledge records themselves."""
    return {
        loan.id
        for loan in portfolio.list_loans(db)
        if any(
            p.price_instrument == "CEA"
            or (p.price_instrument is None and p.collateral_type == "cea")
            for p in list_pledges(db, loan.id)
        )
    }


def _head(db: Database) -> int:
    return audit.recent(db, 1)[-1].seq


def test_adding_a_cea_price_revalues_the_pledged_loans_and_the_window(
    qtbot: QtBot, desk_app: object, db: Database, admin: Principal, settings: Settings
) -> None:
    loan = next(s for s in portfolio.list_loans(db) if s.reference == CEA_LOAN)
    win = MainWindow(db, admin, settings, "zh_CN")
    qtbot.addWidget(win)
    win.show()
    assert win.select_loan(loan.id)
    qtbot.waitUntil(lambda: win.detail.detail is not None and win.detail.detail.loan.id == loan.id)
    today = date.today()
    before = collateral_report(db, CEA_LOAN, today)[0].coverage
    expected_loans = _cea_pledged_loans(db)
    assert loan.id in expected_loans

    win.action("actionMarketData").trigger()
    dialog = win.commands.dialog
    assert isinstance(dialog, MarketDataDialog)
    child(dialog, QPushButton, "priceAddButton").click()
    editor = dialog.editor
    assert isinstance(editor, PriceDialog)
    assert editor.instrument.currentText() == "CEA"
    assert editor.date.text() == today.isoformat()  # a new price starts on today
    qtbot.keyClicks(editor.price, "95.00")
    assert editor.unit.text() == "CNY/t"
    _save(qtbot, editor)
    assert editor.result() == QDialog.DialogCode.Accepted

    saved = [p for p in market_data.list_prices(db, "CEA") if p.price_date == today]
    assert [p.price for p in saved] == [Decimal("95.00")]
    # coverage of the CEA-pledged loan, worked out from its pledge and the new price
    pledge = next(p for p in list_pledges(db, loan.id) if p.price_instrument == "CEA")
    assert pledge.quantity is not None and pledge.pledge_rate is not None
    exposure = get_loan(db, loan.id).amount
    wanted = (pledge.quantity * Decimal("95.00") * pledge.pledge_rate / exposure).quantize(
        Decimal("0.0001")
    )
    after = collateral_report(db, CEA_LOAN, today)[0].coverage
    assert after == wanted != before
    # the stored figures moved in the same transaction (audited as a revaluation)
    revalue = [e for e in audit.history(db, "loan", loan.id) if e.action == "loan.revalue"][-1]
    assert revalue.after is not None and Decimal(revalue.after["coverage_ratio"]) == wanted
    # the dialog tells how many loans were revalued; the window shows the new coverage
    assert dialog.revalued == len(expected_loans)
    assert str(len(expected_loans)) in dialog.status.text()
    assert win.detail.detail is not None and win.detail.detail.loan.id == loan.id
    win.detail.show_tab("collateral")  # valued as of today when the tab is shown
    assert labels.percent(wanted) in win.detail.collateral.coverage.text()


@pytest.mark.parametrize(
    ("price_date", "price", "said", "label"),
    [
        ("2026-11-02", "-5", "price: must be greater than 0", "priceEditLabel"),
        ("2026-11-02", "abc", "price: ", "priceEditLabel"),
        ("2026-11-02", "75_50", "price: not a number", "priceEditLabel"),
        ("2026-11-02", "7,5", "price: ',' may only separate thousands", "priceEditLabel"),
        ("2026-11-02", "1e2", "price: not a number", "priceEditLabel"),
        ("2026-09-30", "70.00", "price_date: a CEA price for 2026-09-30 already exists",
         "priceDateEditLabel"),
    ],
    ids=["negative", "not-a-number", "underscore", "comma-decimal", "exponent", "duplicate-date"],
)  # fmt: skip
def test_a_bad_price_is_refused_with_the_field_named_and_nothing_saved(
    qtbot: QtBot,
    desk_app: object,
    db: Database,
    admin: Principal,
    price_date: str,
    price: str,
    said: str,
    label: str,
) -> None:
    prices = market_data.list_prices(db)
    head = _head(db)
    dialog = _dialog(qtbot, db, admin)
    dialog.add_price()
    editor = dialog.editor
    assert isinstance(editor, PriceDialog)
    editor.instrument.setEditText("CEA")
    editor.date.setText(price_date)
    qtbot.keyClicks(editor.price, price)
    _save(qtbot, editor)
    assert editor.isVisible() and editor.saved is None
    assert said in editor.error.toolTip()
    assert child(editor, QLabel, label).text() in editor.error.text()
    field = editor.price if label == "priceEditLabel" else editor.date
    assert field.property("invalid") is True
    assert market_data.list_prices(db) == prices
    assert _head(db) == head  # not even an audit event


def test_a_stale_price_edit_shows_the_conflict_and_keeps_the_other_change(
    qtbot: QtBot, desk_app: object, db: Database, admin: Principal
) -> None:
    dialog = _dialog(qtbot, db, admin)
    dialog.price_table.selectRow(0)
    record = dialog.current_price()
    assert record is not None
    dialog.edit_price()
    editor = dialog.editor
    assert isinstance(editor, PriceDialog)
    # someone else corrects the same row meanwhile
    behind = PriceInput(record.instrument, record.price_date.isoformat(), "123.45", record.unit)
    market_data.update_price(db, admin, record.id, behind, expected=record)
    editor.price.setText("99.99")
    _save(qtbot, editor)
    assert editor.isVisible() and editor.saved is None
    assert "was changed by someone else" in editor.error.toolTip()
    assert top_level(ErrorDialog) == []  # a plain refusal, no traceback
    assert next(p for p in market_data.list_prices(db) if p.id == record.id).price == Decimal(
        "123.45"
    )
    editor.reject()
    qtbot.waitUntil(lambda: dialog.current_price() is not None)
    assert dialog.current_price().price == Decimal("123.45")  # type: ignore[union-attr]


def test_a_stale_price_deletion_is_refused_plainly(
    qtbot: QtBot, desk_app: object, db: Database, admin: Principal
) -> None:
    dialog = _dialog(qtbot, db, admin)
    dialog.price_table.selectRow(0)
    record = dialog.current_price()
    assert record is not None
    dialog.delete_price()
    box = dialog.editor
    assert isinstance(box, QMessageBox) and box.objectName() == "confirmDeletePrice"
    behind = PriceInput(record.instrument, record.price_date.isoformat(), "123.45", record.unit)
    market_data.update_price(db, admin, record.id, behind, expected=record)
    box.button(QMessageBox.StandardButton.Yes).click()

    def refusals() -> list[QMessageBox]:
        boxes = [w for w in top_level(QMessageBox) if isinstance(w, QMessageBox)]
        return [w for w in boxes if w.objectName() == "userErrorBox"]

    qtbot.waitUntil(lambda: len(refusals()) == 1, timeout=10_000)
    errors = refusals()
    assert "已被他人修改" in errors[0].text()  # the service's conflict, in the window's language
    assert record.id in [p.id for p in market_data.list_prices(db)]
    errors[0].close()


def test_deleting_a_price_revalues_and_removes_it(
    qtbot: QtBot, desk_app: object, db: Database, admin: Principal
) -> None:
    newest_cea = market_data.list_prices(db, "CEA")[0]
    dialog = _dialog(qtbot, db, admin)
    dialog.price_table.selectRow([p.id for p in dialog.prices.rows].index(newest_cea.id))
    dialog.delete_price()
    box = dialog.editor
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: newest_cea.id not in [p.id for p in dialog.prices.rows], timeout=10_000)
    assert newest_cea.id not in [p.id for p in market_data.list_prices(db)]
    assert dialog.revalued is not None and dialog.revalued >= 1


def test_a_base_rate_is_added_and_shown_as_a_percentage(
    qtbot: QtBot, desk_app: object, db: Database, admin: Principal
) -> None:
    dialog = _dialog(qtbot, db, admin)
    child(dialog, QTabWidget, "tabs").setCurrentIndex(1)
    dialog.add_rate()
    editor = dialog.editor
    assert isinstance(editor, RateDialog)
    editor.name.setCurrentIndex(editor.name.findData("LPR5Y"))
    qtbot.keyClicks(editor.date, "2026-10-20")
    qtbot.keyClicks(editor.rate, "0.0345")
    assert "3.45%" in editor.hint.text()
    _ok(editor)
    assert editor.result() == QDialog.DialogCode.Accepted
    newest = market_data.list_rates(db, "LPR5Y")[0]
    assert (newest.effective_date, newest.rate) == (date(2026, 10, 20), Decimal("0.0345"))
    assert dialog.current_rate() == newest
    row = [r.id for r in dialog.rates.rows].index(newest.id)
    assert dialog.rates.data(dialog.rates.index(row, 2)) == "3.45%"


@pytest.mark.parametrize("typed", ["3.45", "3.45%", "３.４５％"])
def test_a_base_rate_typed_as_a_percentage_is_read_by_the_one_rule(
    qtbot: QtBot, desk_app: object, db: Database, admin: Principal, typed: str
) -> None:
    dialog = _dialog(qtbot, db, admin)
    child(dialog, QTabWidget, "tabs").setCurrentIndex(1)
    dialog.add_rate()
    editor = dialog.editor
    assert isinstance(editor, RateDialog)
    editor.name.setCurrentIndex(editor.name.findData("LPR5Y"))
    qtbot.keyClicks(editor.date, "2026-10-20")
    editor.rate.setText(typed)
    assert "3.45%" in editor.hint.text()
    _ok(editor)
    assert editor.result() == QDialog.DialogCode.Accepted
    newest = market_data.list_rates(db, "LPR5Y")[0]
    assert newest.rate == Decimal("0.0345")


def test_other_roles_may_read_the_tables_but_not_change_them(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    dialog = _dialog(qtbot, db, officer)
    assert dialog.prices.rowCount() == len(market_data.list_prices(db)) > 0
    for button in dialog._buttons.values():
        assert not button.isVisible()
