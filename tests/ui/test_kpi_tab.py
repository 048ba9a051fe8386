"""The KPI tab on the seeded desk: tests, results and versions shown; recording through the dialog.

The desk's clock is held at 2026-12-01 (``services.kpi_settings.today``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Principal
from greendesk.services import kpi_input, kpi_readout, kpi_recording, kpi_settings
from greendesk.services.workflow import latest_loan_id
from greendesk.store.database import Database
from greendesk.ui.dialogs.kpi_observation import KpiObservationDialog
from greendesk.ui.forms import child
from greendesk.ui.main_window import MainWindow
from greendesk.ui.settings import Settings
from tests.ui.helpers import column

FOOTPRINT, METHANOL = "XJ-CJ-2024-004", "XJ-CJ-2024-005"


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kpi_settings, "today", lambda: date(2026, 12, 1))


def _window(qtbot: QtBot, db: Database, who: Principal, settings: Settings, ref: str) -> MainWindow:
    win = MainWindow(db, who, settings, "zh_CN")
    qtbot.addWidget(win)
    win.show()
    loan_id = latest_loan_id(db, ref)
    assert win.select_loan(loan_id)
    qtbot.waitUntil(lambda: win.detail.detail is not None and win.detail.detail.loan.id == loan_id)
    if win.detail.tabs.isTabVisible(win.detail._kpi_index):
        win.detail.show_tab("kpi")  # filled when shown
    return win


def test_the_tab_shows_only_for_a_loan_with_kpis(
    qtbot: QtBot, desk_app: object, db: Database, reviewer: Principal, settings: Settings
) -> None:
    win = _window(qtbot, db, reviewer, settings, METHANOL)
    detail = win.detail
    assert detail.tabs.isTabVisible(detail._kpi_index)
    tab = detail.kpi_tab
    assert tab.tests.rowCount() == 3
    assert column(tab.tests, 1) == ["2025-12-31", "2026-12-31", "2027-12-31"]
    assert "测试日 2026-12-31 将在 30 天后到期，尚无观测值" in tab.alerts.text()
    assert tab.review_button.isEnabled()  # the 2025-12-31 test is past its grace period
    win2 = _window(qtbot, db, reviewer, settings, "XJ-CJ-2023-001")
    assert not win2.detail.tabs.isTabVisible(win2.detail._kpi_index)


def test_recording_through_the_dialog_moves_the_margin_and_adds_a_version(
    qtbot: QtBot,
    desk_app: object,
    db: Database,
    reviewer: Principal,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    report = tmp_path / "核查报告.pdf"
    report.write_bytes(b"%PDF-1.7\n")
    win = _window(qtbot, db, reviewer, settings, METHANOL)
    tab = win.detail.kpi_tab
    shown: list[str] = []
    monkeypatch.setattr(
        "greendesk.ui.views.kpi_tab.messages.information",
        lambda _parent, text, title="": shown.append(text),
    )

    def fill(dialog: KpiObservationDialog) -> None:
        assert [dialog.test_date.itemText(i) for i in range(dialog.test_date.count())] == [
            "2025-12-31", "2026-12-31", "2027-12-31"
        ]  # fmt: skip
        dialog.test_date.setCurrentIndex(1)
        qtbot.keyClicks(dialog.value, "3.05")
        dialog.report_file.setText(str(report))
        qtbot.keyClicks(dialog.report_ref, "CEC-2026-118")
        child(dialog, QDialogButtonBox, "buttonBox").button(
            QDialogButtonBox.StandardButton.Save
        ).click()

    def run_dialog(dialog: KpiObservationDialog) -> int:
        fill(dialog)
        return dialog.result()

    monkeypatch.setattr(KpiObservationDialog, "exec", run_dialog)
    tab.record_observation()
    assert len(shown) == 1 and "-5" in shown[0] and "2" in shown[0]
    qtbot.waitUntil(lambda: win.detail.kpi_tab.versions.rowCount() == 2)
    assert column(win.detail.kpi_tab.tests, 5)[1] == "达标（利率下调）"
    assert kpi_readout.schedule_version(db, METHANOL).version == 2


def test_a_refused_value_keeps_the_dialog_open_with_the_reason(
    qtbot: QtBot, desk_app: object, db: Database, reviewer: Principal, settings: Settings
) -> None:
    win = _window(qtbot, db, reviewer, settings, METHANOL)
    report = win.detail.kpi_tab.report
    assert report is not None
    saved: list[object] = []

    def submit(data: kpi_input.ObservationInput) -> kpi_recording.RecordOutcome:
        outcome = kpi_recording.record_observation(db, reviewer, data)
        saved.append(outcome)
        return outcome

    dialog = KpiObservationDialog(win, report, submit, entered_by=reviewer.username)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.value, "abc")
    child(dialog, QDialogButtonBox, "buttonBox").button(
        QDialogButtonBox.StandardButton.Save
    ).click()
    assert not dialog.error.isHidden() and "观测值" in dialog.error.text()
    assert not saved and kpi_readout.loan_kpis(db, METHANOL).observations == ()


def test_the_officer_of_record_is_told_their_entry_will_not_count(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, settings: Settings
) -> None:
    win = _window(qtbot, db, officer, settings, METHANOL)
    report = win.detail.kpi_tab.report
    assert report is not None and report.officer == officer.username
    dialog = KpiObservationDialog(win, report, lambda d: None, entered_by=officer.username)  # type: ignore[arg-type,return-value]
    qtbot.addWidget(dialog)
    note = child(dialog, QLabel, "makerCheckerLabel")
    assert note.property("tone") == "alert" and note.text()
