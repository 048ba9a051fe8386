"""The holiday calendar dialog: a year as the desk holds it, and loading a notice (real SQLite)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QGroupBox, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Principal
from greendesk.services import audit
from greendesk.services import calendar as desk_calendar
from greendesk.store.database import Database
from greendesk.ui.dialogs.calendar import CalendarDialog
from greendesk.ui.forms import child
from greendesk.ui.main_window import MainWindow
from greendesk.ui.settings import Settings
from tests.ui.helpers import column, top_level

NOTICE = Path(__file__).parent.parent / "data" / "calendar" / "notice_2027_test.csv"


def _dialog(qtbot: QtBot, db: Database, actor: Principal) -> CalendarDialog:
    dialog = CalendarDialog(db, actor)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.year.setValue(2027)
    return dialog


def _load(qtbot: QtBot, dialog: CalendarDialog, path: Path) -> None:
    dialog.load_file(path)
    task = dialog.loading
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass


def test_administrator_loads_2027_and_sees_the_loans_that_moved(
    qtbot: QtBot, desk_app: object, db: Database, admin: Principal, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, db, admin)
    assert dialog.basis.text() == "推算"
    assert len(dialog.days.rows) == len(desk_calendar.show_year(db, 2027).days) > 20
    assert child(dialog, QGroupBox, "loadGroup").isVisibleTo(dialog)
    dialog.grab().save(str(tmp_path / "calendar_projected.png"))
    changed: list[bool] = []
    dialog.changed.connect(lambda: changed.append(True))
    _load(qtbot, dialog, NOTICE)
    result = dialog.loaded
    assert result is not None and result.year == 2027 and changed == [True]
    assert dialog.basis.text() == "官方（国务院通知）"
    assert "notice_2027_test.csv" in dialog.source.text()
    assert "2027 年已导入" in dialog.status.text()
    moved = dialog.moved
    assert moved.rowCount() == sum(len(r.moved) + len(r.kept) for r in result.moved) > 0
    assert "GS-YM-2026-001" in column(moved, 0)
    assert "2027-09-18" in column(moved, 3)
    assert [e.action for e in audit.history(db, "calendar", 2027)] == ["calendar.import"]
    # the loan's own history tab shows its re-derivation
    (first,) = [r for r in result.moved if r.reference == "GS-YM-2026-001"]
    actions = [e.action for e in audit.history(db, "loan", first.loan_id)]
    assert actions[-1] == "loan.calendar_rederive"


def test_a_bad_file_is_refused_in_the_window_language_and_nothing_is_loaded(
    qtbot: QtBot, desk_app: object, db: Database, admin: Principal, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, db, admin)
    bad = tmp_path / "bad.csv"
    bad.write_text("date,kind,name\n2027-01-01,holiday,元旦\n2027-02-08,workday,x\n", "utf-8")
    _load(qtbot, dialog, bad)
    boxes = [w for w in top_level(QMessageBox) if w.objectName() == "userErrorBox"]
    assert len(boxes) == 1
    box = boxes[0]
    assert isinstance(box, QMessageBox)
    assert box.text() == (
        "bad.csv：未导入\n第 3 行：2027-02-08 是星期一，调休上班日必须是周六或周日"
    )
    box.close()
    assert dialog.loaded is None
    assert desk_calendar.show_year(db, 2027).basis == "projected"


def test_officer_reads_the_calendar_but_cannot_load_a_notice(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, settings: Settings
) -> None:
    win = MainWindow(db, officer, settings, "zh_CN")
    qtbot.addWidget(win)
    # under View for every role (the Administration menu stays hidden for an officer)
    assert win.action("actionCalendar").isVisible()
    assert win.action("actionCalendar") in child(win, QMenu, "menuView").actions()
    dialog = _dialog(qtbot, db, officer)
    assert not child(dialog, QGroupBox, "loadGroup").isVisibleTo(dialog)
    dialog.year.setValue(2026)
    assert dialog.basis.text() == "官方（国务院通知）"
    assert "2026-10-01" in column(dialog.days, 0)
