"""The schedule tab marks the payment dates that rest on projected holidays."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from greendesk.domain.roles import Principal
from greendesk.services import calendar as desk_calendar
from greendesk.store.database import Database
from greendesk.store.models import Loan
from greendesk.ui.main_window import MainWindow
from greendesk.ui.settings import Settings
from greendesk.ui.views.schedule_tab import PROJECTED_COLOUR
from tests.ui.helpers import column

NOTICE = Path(__file__).parent.parent / "data" / "calendar" / "notice_2027_test.csv"
LONG_LOAN = "GS-YM-2026-001"  # 20 years from December 2026, quarterly


def _show(qtbot: QtBot, win: MainWindow, loan_id: int) -> None:
    win.detail.show_tab("schedule")  # the schedule is computed when its tab is shown
    with qtbot.waitSignal(win.detail.schedule_ready, timeout=10_000):
        assert win.select_loan(loan_id)


def test_schedule_tab_flags_projected_years_until_the_notice_is_loaded(
    qtbot: QtBot,
    desk_app: object,
    db: Database,
    officer: Principal,
    admin: Principal,
    settings: Settings,
    tmp_path: Path,
) -> None:
    with db.session() as session:
        loan_id = session.scalar(select(Loan.id).where(Loan.reference == LONG_LOAN))
    assert loan_id is not None
    win = MainWindow(db, officer, settings, "zh_CN")
    qtbot.addWidget(win)
    win.show()
    _show(qtbot, win, loan_id)
    tab = win.detail.schedule_tab
    model = tab.table.model()
    last = 2  # the Calendar column, beside the payment date
    dates = column(model, 1)
    bases = column(model, last)
    assert len(dates) == 80
    assert all(b == ("推算" if d >= "2027" else "官方") for d, b in zip(dates, bases, strict=True))
    assert dates[0].startswith("2027")
    brush = model.data(model.index(0, last), Qt.ItemDataRole.ForegroundRole)
    assert brush is not None and brush.color() == PROJECTED_COLOUR
    assert "官方节假日至 2026 年；2027–2046 年为推算" in tab.summary.text()
    win.grab().save(str(tmp_path / "schedule_projected.png"))

    desk_calendar.import_year(db, admin, NOTICE.read_bytes(), NOTICE.name)
    win.reload(keep=loan_id)
    _show(qtbot, win, loan_id)
    bases = column(tab.table.model(), last)
    assert all(b == ("推算" if d >= "2028" else "官方") for d, b in zip(dates, bases, strict=True))
    assert "官方节假日至 2027 年；2028–2046 年为推算" in tab.summary.text()
    shown = tab.table.model()
    assert shown.data(shown.index(0, last), Qt.ItemDataRole.ForegroundRole) is None
