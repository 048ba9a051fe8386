"""The "Emissions data" page of the borrower and project editors, typed into through the real
widgets, saved with its own button and read back from the database and ``greendesk emissions``.

XJ-CJ-2024-005 had 200,000,000.00 outstanding on 2024-12-31 (see
tests/services/kpi/test_emission_inputs.py for the hand-worked figures).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from greendesk.domain.roles import Principal
from greendesk.services import emission_inputs as inputs
from greendesk.services.emissions import emissions_report
from greendesk.services.records import borrowers, projects
from greendesk.store.database import Database
from greendesk.store.models import AuditEvent, EmissionInput, Loan
from greendesk.ui import labels
from greendesk.ui.dialogs.borrower import BorrowerDialog
from greendesk.ui.dialogs.emissions_page import EmissionsPage
from greendesk.ui.dialogs.project import ProjectDialog
from greendesk.ui.forms import child
from tests.ui.test_loan_editor_pages import type_text

METHANOL = "XJ-CJ-2024-005"
CODE = "91652325MA7745G70M"
MULEI = "XJ-CJ-2023-001"  # project finance: the Mulei project company's own record


def financed(db: Database, reference: str) -> tuple[Decimal | None, Decimal | None, str]:
    x = next(r for r in emissions_report(db, date(2024, 12, 31)).loans if r.reference == reference)
    return x.financed_t, x.attribution, x.basis


def borrower_editor(qtbot: QtBot, db: Database, officer: Principal) -> BorrowerDialog:
    record = next(b for b in borrowers.list_borrowers(db) if b.credit_code == CODE)
    dialog = BorrowerDialog(db, officer, record)
    qtbot.addWidget(dialog)
    dialog.show()
    tabs = child(dialog, QTabWidget, "tabs")
    tabs.setCurrentIndex(1)
    assert tabs.tabText(1) in ("排放数据", "Emissions data")
    return dialog


def said(zh: str, en: str) -> str:
    return zh if labels.chinese() else en


def stored(db: Database) -> tuple[object, ...]:
    with db.session() as session:
        rows = tuple(
            (r.option, r.equity, r.debt, r.total_assets, r.year, r.source)
            for r in session.scalars(select(EmissionInput).order_by(EmissionInput.id))
        )
        events = session.scalar(select(func.count()).select_from(AuditEvent))
    return rows, events


def test_the_borrower_page_shows_the_branch_as_typed_saves_and_moves_the_figures(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    dialog = borrower_editor(qtbot, db, officer)
    page: EmissionsPage = dialog.emissions
    assert page.option.currentData() == "1b"
    assert page.edits["scope12_t"].text() == "2160000"
    assert said("企业贷款", "Business loan") in page.branch.text()
    assert "3,600,000,000.00" in page.branch.text()

    assert not page.status.text()
    type_text(qtbot, page.edits["equity"], "-600000000")
    type_text(qtbot, page.edits["debt"], "2000000000")
    unsaved = page.status.text()
    assert unsaved
    assert said(
        "负权益 -600,000,000.00 按 0 计", "negative equity -600,000,000.00 counted as 0"
    ) in (page.branch.text())
    assert "2,000,000,000.00" in page.branch.text()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.error.isHidden(), page.error.text()
    assert page.status.text() and page.status.text() != unsaved
    assert financed(db, METHANOL)[:2] == (Decimal("216000.00"), Decimal("0.1"))

    page.edits["equity"].clear()
    page.edits["debt"].clear()
    type_text(qtbot, page.edits["total_assets"], "4000000000")
    assert said("改按总资产", "falls back to total assets") in page.branch.text()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.error.isHidden(), page.error.text()
    view = inputs.show_inputs(db, "borrower", inputs.find_subject(db, "borrower", CODE))
    assert view.record is not None
    assert (view.record.equity, view.record.debt, view.record.total_assets) == (
        None, None, Decimal("4000000000.00"),
    )  # fmt: skip
    assert financed(db, METHANOL)[:2] == (Decimal("108000.00"), Decimal("0.05"))
    assert [h.actor for h in view.history][-2:] == ["officer", "officer"]


@pytest.mark.parametrize(
    ("field", "typed", "rule"),
    [
        ("equity", "一百万", "equity"),
        ("debt", "-1", "debt"),
        ("year", "2999", "year"),
        ("year", "", "year"),
        ("scope12_t", "-5", "scope12_t"),
        ("activity", "raw_coal", "activity"),
    ],
)
def test_a_hostile_value_is_named_outlined_and_nothing_is_saved(
    qtbot: QtBot,
    desk_app: object,
    db: Database,
    officer: Principal,
    field: str,
    typed: str,
    rule: str,
) -> None:
    dialog = borrower_editor(qtbot, db, officer)
    page = dialog.emissions
    before = stored(db)
    figures = financed(db, METHANOL)
    edit = page.edits[field]
    if typed:
        type_text(qtbot, edit, typed)
    else:
        edit.clear()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert not page.error.isHidden()
    assert rule in page.error.toolTip()  # the service's own words: field: rule
    assert page.error.text() and "Traceback" not in page.error.text()
    assert edit.property("invalid") is True
    assert stored(db) == before
    assert financed(db, METHANOL) == figures


def test_a_control_character_in_the_source_is_refused(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    page = borrower_editor(qtbot, db, officer).emissions
    before = stored(db)
    page.edits["source"].setText("inventory\x07")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "source: contains the control character U+0007" in page.error.toolTip()
    assert stored(db) == before


def test_the_project_page_says_project_finance_and_its_avoided_figure(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    with db.session() as session:
        pid = session.scalars(select(Loan.project_id).where(Loan.reference == MULEI)).one()
    dialog = ProjectDialog(db, officer, projects.get_project(db, pid))
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.emissions
    assert page.option.currentData() == "2a"
    assert said("项目融资", "Project finance") in page.branch.text()
    assert "580,000.00" in page.avoided.text() and not page.avoided.isHidden()
    before = financed(db, MULEI)
    assert before[2] == "project finance"
    # AF = 2,185,000,000 ÷ 3,050,000,000; financed = AF × 37,000 MWh × 0.5703 t/MWh
    type_text(qtbot, page.edits["activity"], "grid_electricity_cn_2022=37000")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.error.isHidden(), page.error.text()
    after = financed(db, MULEI)
    assert after[1] == before[1]
    assert (before[0], after[0]) == (Decimal("7558.34"), Decimal("15116.69"))


def test_a_new_borrower_s_page_waits_for_the_record(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal
) -> None:
    dialog = BorrowerDialog(db, officer, None)
    qtbot.addWidget(dialog)
    assert not dialog.emissions.isEnabled()
    assert dialog.emissions.branch.text()
