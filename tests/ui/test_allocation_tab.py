"""The loan detail's allocation tab (Green Loan Principles: management of proceeds): per line
allocated and unallocated, the drawdowns, the allocations and the yearly impact, read only while
the tab is shown; recording an allocation through its dialog, refusals shown, nothing half-saved.

The seeded Mulei syndicated loan (XJ-CJ-2023-001) has three use-of-proceeds lines and seeded
allocations of its drawdowns (seeds/allocations.toml).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from greendesk.domain.roles import Principal
from greendesk.services import allocation, portfolio
from greendesk.services.allocation import AllocationInput
from greendesk.store.database import Database
from greendesk.store.models import AuditEvent, ProceedsAllocation
from greendesk.ui.dialogs.allocation import AllocationDialog
from greendesk.ui.forms import child
from greendesk.ui.main_window import MainWindow
from greendesk.ui.settings import Settings
from greendesk.ui.views.allocation_tab import AllocationTab
from tests.ui.helpers import column

MULEI = "XJ-CJ-2023-001"
FOOTPRINT = "XJ-CJ-2024-004"  # a sustainability-linked loan: no use-of-proceeds lines
YEAR = date.today().year


def _loan_id(db: Database, reference: str) -> int:
    return next(s.id for s in portfolio.list_loans(db) if s.reference == reference)


def _window(qtbot: QtBot, db: Database, officer: Principal, settings: Settings) -> MainWindow:
    win = MainWindow(db, officer, settings, "zh_CN")
    qtbot.addWidget(win)
    win.show()
    return win


def _shown(qtbot: QtBot, win: MainWindow, reference: str) -> AllocationTab:
    tab = win.detail.allocation_tab
    win.detail.tabs.setCurrentWidget(tab)
    with qtbot.waitSignal(tab.ready, timeout=10_000):
        assert win.select_loan(_loan_id(win.detail._db, reference))
    return tab


def stored(db: Database) -> tuple[int, int]:
    with db.session() as session:
        rows = session.scalar(select(func.count()).select_from(ProceedsAllocation)) or 0
        events = session.scalar(select(func.count()).select_from(AuditEvent)) or 0
    return rows, events


def test_the_report_is_read_only_once_the_tab_is_shown_and_matches_the_service(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, settings: Settings
) -> None:
    win = _window(qtbot, db, officer, settings)
    win.detail.tabs.setCurrentIndex(0)
    assert win.select_loan(_loan_id(db, MULEI))
    tab = win.detail.allocation_tab
    assert tab.report is None and tab.lines.rowCount() == 0  # not read while hidden
    with qtbot.waitSignal(tab.ready, timeout=10_000):
        win.detail.tabs.setCurrentWidget(tab)
    expected = allocation.loan_allocation(db, MULEI, YEAR)
    assert tab.report == expected
    assert tab.lines.rowCount() == len(expected.lines) == 3
    assert column(tab.lines, 6) == [f"{x.unallocated:,.2f}" for x in expected.lines]
    assert column(tab.lines, 5) == [f"{x.allocated:,.2f}" for x in expected.lines]
    assert tab.allocations.rowCount() == len(expected.allocations) > 0
    assert "风机" in " ".join(column(tab.allocations, 4))
    assert tab.drawdowns.rowCount() == len(expected.drawdowns)
    assert f"{expected.unallocated:,.2f}" in tab.summary.text()
    assert tab.impact.text()
    # every seeded drawdown is allocated in full: nothing left to record
    assert sum(d.unallocated for d in expected.drawdowns) == 0
    assert tab.record_button.isVisible() and not tab.record_button.isEnabled()


def test_a_loan_without_use_of_proceeds_lines_has_no_allocation_tab(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, settings: Settings
) -> None:
    win = _window(qtbot, db, officer, settings)
    assert win.select_loan(_loan_id(db, FOOTPRINT))
    tabs = win.detail.tabs
    assert not tabs.isTabVisible(tabs.indexOf(win.detail.allocation_tab))
    assert win.select_loan(_loan_id(db, MULEI))
    assert tabs.isTabVisible(tabs.indexOf(win.detail.allocation_tab))


def test_an_earlier_year_shows_what_was_allocated_by_its_end(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, settings: Settings
) -> None:
    win = _window(qtbot, db, officer, settings)
    tab = _shown(qtbot, win, MULEI)
    with qtbot.waitSignal(tab.ready, timeout=10_000):
        tab.year.setValue(2022)  # before the first drawdown
    assert tab.report is not None and tab.report.year == 2022
    assert tab.allocations.rowCount() == 0
    assert column(tab.lines, 5) == ["0.00", "0.00", "0.00"]


def _fill(
    dialog: AllocationDialog, amount: str, day: str, evidence: str, line: int = 3, draw: int = 1
) -> None:
    dialog.drawdown.setCurrentIndex(dialog.drawdown.findData(draw))
    dialog.line.setCurrentIndex(dialog.line.findData(line))
    dialog.amount.setText(amount)
    dialog.day.setText(day)
    dialog.evidence.setText(evidence)


def _save(dialog: AllocationDialog) -> None:
    child(dialog, QDialogButtonBox, "buttonBox").button(
        QDialogButtonBox.StandardButton.Save
    ).click()


def test_recording_an_allocation_from_the_tab_stores_it_and_the_tab_shows_it(
    qtbot: QtBot,
    desk_app: object,
    db: Database,
    officer: Principal,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    with db.session(write=True) as session:  # the last seeded allocation was never made
        last = session.scalars(
            select(ProceedsAllocation).order_by(ProceedsAllocation.id.desc()).limit(1)
        ).one()
        session.delete(last)
    win = _window(qtbot, db, officer, settings)
    tab = _shown(qtbot, win, MULEI)
    before = tab.report
    assert before is not None and tab.record_button.isEnabled()
    draw = max(before.drawdowns, key=lambda d: d.unallocated)
    line = max(before.lines, key=lambda u: u.unallocated)
    left = min(draw.unallocated, line.unallocated)
    assert left > 0
    amount = min(left, Decimal("1234567.89"))

    def drive(dialog: AllocationDialog) -> int:
        evidence = "储能系统验收付款凭证 No. 2024-031"
        _fill(dialog, f"{amount}", draw.date.isoformat(), evidence, line.no, draw.no)
        dialog.show()
        dialog.grab().save(str(tmp_path / "allocation-dialog.png"))
        _save(dialog)
        return int(dialog.result())

    monkeypatch.setattr(AllocationDialog, "exec", drive)
    with qtbot.waitSignal(tab.ready, timeout=10_000):
        tab.record_button.click()
    after = tab.report
    assert after is not None
    changed = after.lines[line.no - 1]
    assert changed.allocated == line.allocated + amount
    assert changed.unallocated == line.unallocated - amount
    assert after.drawdowns[draw.no - 1].unallocated == draw.unallocated - amount
    assert len(after.allocations) == len(before.allocations) + 1
    assert "储能系统验收付款凭证 No. 2024-031" in column(tab.allocations, 4)
    tab.grab().save(str(tmp_path / "allocation-tab.png"))


def _dialog(qtbot: QtBot, db: Database, officer: Principal) -> AllocationDialog:
    report = allocation.loan_allocation(db, MULEI, YEAR)
    dialog = AllocationDialog(
        None,  # type: ignore[arg-type]
        report,
        lambda data: allocation.record_allocation(db, officer, data),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.mark.parametrize(
    ("amount", "day", "evidence", "rule", "field"),
    [
        ("99999999999.00", "2024-03-01", "凭证", "more than the", "amount"),
        ("-5", "2024-03-01", "凭证", "must not be negative", "amount"),
        ("0", "2024-03-01", "凭证", "greater than zero", "amount"),
        ("1.001", "2024-03-01", "凭证", "two decimal places", "amount"),
        ("一万", "2024-03-01", "凭证", "not a number", "amount"),
        ("100.00", "2999-01-01", "凭证", "in the future", "allocated_on"),
        ("100.00", "2020-01-01", "凭证", "before the drawdown date", "allocated_on"),
        ("100.00", "03/01/2024", "凭证", "not a date", "allocated_on"),
        ("100.00", "2024-03-01", "", "required", "evidence"),
        ("100.00", "2024-03-01", "凭证\x1b[31m", "control character", "evidence"),
    ],
)
def test_a_refused_allocation_keeps_the_dialog_open_names_the_rule_and_saves_nothing(
    qtbot: QtBot,
    desk_app: object,
    db: Database,
    officer: Principal,
    amount: str,
    day: str,
    evidence: str,
    rule: str,
    field: str,
) -> None:
    before = stored(db)
    dialog = _dialog(qtbot, db, officer)
    _fill(dialog, amount, day, evidence)
    _save(dialog)
    assert dialog.isVisible() and dialog.saved is None
    assert not dialog.error.isHidden() and dialog.error.text()
    assert f"{field}: " in dialog.error.toolTip() and rule in dialog.error.toolTip()
    assert "Traceback" not in dialog.error.text()
    # the refusal is worded in the window's language
    assert dialog.error.text() != dialog.error.toolTip()
    assert stored(db)[0] == before[0]


def test_a_reviewer_sees_the_report_but_cannot_record(
    qtbot: QtBot, desk_app: object, db: Database, reviewer: Principal, settings: Settings
) -> None:
    win = _window(qtbot, db, reviewer, settings)
    tab = _shown(qtbot, win, MULEI)
    assert tab.lines.rowCount() == 3
    assert not tab.record_button.isVisible()


def test_the_service_refuses_a_reviewer_even_if_asked_directly(
    db: Database, reviewer: Principal
) -> None:
    from greendesk.domain.roles import PermissionDenied

    before = stored(db)
    data = AllocationInput(MULEI, 1, 3, "100.00", "2024-03-01", "凭证")
    with pytest.raises(PermissionDenied):
        allocation.record_allocation(db, reviewer, data)
    assert stored(db)[0] == before[0]
