"""The loan editor's refusals and notes: bad list entries are named and outlined, nothing is
saved; parts that do not apply are out of play; an annuity on actual days gets its note."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QTableView, QWidget
from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Principal
from greendesk.services.records.loans import get_loan
from greendesk.store.database import Database
from greendesk.ui.dialogs.loan import LoanDialog
from greendesk.ui.forms import child
from tests.ui.test_loan_editor_pages import choose, draft, ok, open_editor, type_row, type_text

Fill = Callable[[QtBot, LoanDialog], None]


def _bad_ratchet(qtbot: QtBot, dialog: LoanDialog) -> None:
    type_row(qtbot, dialog, "ratchet", "addRatchetButton", ["2026-01-15", "abc"])


def _plan_short(qtbot: QtBot, dialog: LoanDialog) -> None:
    choose(dialog.combos["method"], "custom")
    for day in ("2026-01-15", "2027-01-15"):  # 60,000,000.00 of the 90,000,000.00 drawn
        type_row(qtbot, dialog, "custom_principal", "addCustomButton", [day, "30000000.00", ""])


def _path_before_start(qtbot: QtBot, dialog: LoanDialog) -> None:
    choose(dialog.combos["rate_kind"], "floating")
    type_text(qtbot, dialog.edits["base_rate"], "0.0350")
    type_row(qtbot, dialog, "base_rate_path", "addBaseRateButton", ["2024-12-20", "0.0340"])


def _bad_test_date(qtbot: QtBot, dialog: LoanDialog) -> None:
    kpi = ["碳排放强度", "tCO2e/t", "2.5", "2.1", "2025-12-31; 2026-13-01", "核查机构"]
    type_row(qtbot, dialog, "kpis", "addKpiButton", kpi)


def _no_catalogue_item(qtbot: QtBot, dialog: LoanDialog) -> None:
    type_row(qtbot, dialog, "use_of_proceeds", "addProceedsButton", ["", "光伏", "1000000.00"])


@pytest.mark.parametrize(
    ("fill", "path", "table"),
    [
        (_bad_ratchet, "ratchet[0].adjust_bps", "ratchetTable"),
        (_plan_short, "custom_principal", "customPlanTable"),
        (_path_before_start, "base_rate_path[0].from_date", "baseRatePathTable"),
        (_bad_test_date, "kpis[0].test_dates[1]", "kpiTable"),
        (_no_catalogue_item, "use_of_proceeds[0].catalogue_code", "proceedsTable"),
    ],
    ids=["ratchet-abc", "plan-short", "path-before-start", "kpi-test-date", "no-catalogue-item"],
)
def test_a_bad_list_entry_is_named_outlined_and_nothing_is_saved(
    qtbot: QtBot,
    desk_app: object,
    db: Database,
    officer: Principal,
    fill: Fill,
    path: str,
    table: str,
) -> None:
    loan_id = draft(db, officer)
    before = get_loan(db, loan_id)
    dialog = open_editor(qtbot, db, officer, loan_id)
    fill(qtbot, dialog)
    dialog.tabs.setCurrentIndex(0)  # the officer is back on the first page when saving
    ok(dialog)
    assert dialog.isVisible() and dialog.saved is None
    assert not dialog.error.isHidden()
    # the services' wording (``path: rule``) is shown, or kept in the tooltip when reworded
    assert path in dialog.error.text() + "\n" + dialog.error.toolTip()
    view = child(dialog, QTableView, table)
    assert view.property("invalid") is True
    assert dialog.tabs.currentWidget().isAncestorOf(view)  # turned to the outlined list
    assert get_loan(db, loan_id) == before


def test_the_annuity_note_follows_the_method_and_day_count(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    dialog = LoanDialog(db, officer, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(child(dialog, QWidget, "ratePage"))
    hint = child(dialog, QLabel, "annuityHint")
    assert hint.wordWrap() and "30/360" in hint.text()
    for method, day_count, shown in (
        ("annuity", "ACT/360", True),
        ("annuity", "30/360", False),
        ("annuity", "ACT/365F", True),
        ("equal_principal", "ACT/365F", False),
        ("bullet", "ACT/360", False),
        ("annuity", "ACT/360", True),
    ):
        choose(dialog.combos["method"], method)
        choose(dialog.combos["day_count"], day_count)
        assert hint.isVisible() is shown, (method, day_count)


def test_a_plan_or_path_that_no_longer_applies_is_not_saved(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    """Typed under ``custom`` and ``floating``, then switched away: the rows are out of play."""
    loan_id = draft(db, officer)
    dialog = open_editor(qtbot, db, officer, loan_id)
    choose(dialog.combos["method"], "custom")
    type_row(qtbot, dialog, "custom_principal", "addCustomButton", ["2026-01-15", "", "100"])
    choose(dialog.combos["rate_kind"], "floating")
    type_row(qtbot, dialog, "base_rate_path", "addBaseRateButton", ["2026-01-15", "0.0300"])
    choose(dialog.combos["method"], "equal_principal")
    choose(dialog.combos["rate_kind"], "fixed")
    assert not dialog.grids.view("custom_principal").isEnabled()
    assert dialog.grids.path_box.isHidden()
    assert dialog.grids.custom_plan.rowCount() == 1  # still on screen, greyed out
    ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    saved = get_loan(db, loan_id)
    assert (saved.method, saved.rate_kind) == ("equal_principal", "fixed")
    assert saved.custom_principal == () and saved.base_rate_path == ()


def test_fixed_and_floating_fields_follow_the_rate_kind(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    dialog = open_editor(qtbot, db, officer, draft(db, officer))
    assert dialog.edits["annual_rate"].isEnabled()
    assert not dialog.edits["base_rate"].isEnabled() and not dialog.edits["spread_bps"].isEnabled()
    choose(dialog.combos["rate_kind"], "floating")
    assert not dialog.edits["annual_rate"].isEnabled()
    assert dialog.edits["base_rate"].isEnabled() and dialog.combos["base_rate_name"].isEnabled()
