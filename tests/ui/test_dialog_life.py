"""A dialog the desk opens is deleted once it closes, instead of staying behind as a hidden child
of the main window (each loan editor held about 8 MB: a day of opening it ran out of memory)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Principal
from greendesk.store.database import Database
from greendesk.ui.dialogs.loan import LoanDialog
from greendesk.ui.dialogs.memo import MemoDialog
from greendesk.ui.main_window import MainWindow
from greendesk.ui.settings import Settings
from tests.ui.test_loan_editor_pages import draft


def _window(qtbot: QtBot, db: Database, officer: Principal, settings: Settings) -> MainWindow:
    win = MainWindow(db, officer, settings, "zh_CN")
    qtbot.addWidget(win)
    win.show()
    return win


def test_closed_loan_editors_are_deleted(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, settings: Settings
) -> None:
    loan_id = draft(db, officer)
    win = _window(qtbot, db, officer, settings)
    assert win.select_loan(loan_id)
    for closing in ("reject", "close", "reject"):
        win.action("actionEditLoan").trigger()
        dialog = win.commands.dialog
        assert isinstance(dialog, LoanDialog) and dialog.isVisible()
        getattr(dialog, closing)()
        qtbot.waitUntil(lambda: not win.findChildren(LoanDialog), timeout=5_000)
    win.action("actionNewLoan").trigger()
    assert isinstance(win.commands.dialog, LoanDialog)
    win.commands.dialog.reject()
    qtbot.waitUntil(lambda: not win.findChildren(QDialog), timeout=5_000)


def test_a_closed_memo_preview_is_deleted(
    qtbot: QtBot, desk_app: object, db: Database, officer: Principal, settings: Settings
) -> None:
    win = _window(qtbot, db, officer, settings)
    win.table.selectRow(0)
    win.action("actionMemo").trigger()
    dialog = win.commands.dialog
    assert isinstance(dialog, MemoDialog)
    qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=60_000)
    dialog.close()
    qtbot.waitUntil(lambda: not win.findChildren(MemoDialog), timeout=5_000)
