"""The desk around the window: language switch, backup and restore from the window, crash hook."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Principal
from greendesk.services import backup as backup_service
from greendesk.services import portfolio
from greendesk.services.synthetic import generate_portfolio
from greendesk.store.database import Database, open_database
from greendesk.ui import messages
from greendesk.ui.app import Desk
from greendesk.ui.dialogs.backup import BackupDialog, default_backup_folder
from greendesk.ui.dialogs.error_dialog import ErrorDialog
from greendesk.ui.i18n import Translations
from greendesk.ui.logs import setup_logging
from greendesk.ui.main_window import MainWindow
from greendesk.ui.settings import Settings
from tests.ui.helpers import top_level


def _desk(
    app: QApplication,
    db: Database,
    actor: Principal,
    settings: Settings,
    translations: Translations,
) -> Desk:
    desk = Desk(app, db, db.url, settings, translations)
    desk.actor = actor
    desk.open_window()
    return desk


def test_language_switch_rebuilds_the_window_and_keeps_the_loan(
    qtbot: QtBot,
    desk_app: QApplication,
    desk_translations: Translations,
    db: Database,
    officer: Principal,
    settings: Settings,
) -> None:
    desk = _desk(desk_app, db, officer, settings, desk_translations)
    assert desk.window is not None
    loan = portfolio.list_loans(db)[3]
    desk.window.select_loan(loan.id)
    assert desk.window.action("actionNewLoan").text() == "新建贷款…"
    desk.window.action("actionLangEn").trigger()
    window = desk.window
    assert window is not None
    qtbot.addWidget(window)
    assert window.action("actionNewLoan").text() == "New loan…"
    assert window.action("actionLangEn").isChecked()
    assert window.current_loan_id() == loan.id
    assert settings.language == "en"
    assert Settings(settings.path).language == "en"  # remembered for the next start
    window.close()


def test_backup_and_restore_from_the_window(
    qtbot: QtBot,
    desk_app: QApplication,
    desk_translations: Translations,
    db: Database,
    admin: Principal,
    settings: Settings,
    tmp_path: Path,
) -> None:
    desk = _desk(desk_app, db, admin, settings, desk_translations)
    window = desk.window
    assert window is not None
    assert not window.action("actionNewLoan").isVisible()  # the administrator originates nothing
    window.action("actionBackup").trigger()
    dialog = window.commands.dialog
    assert isinstance(dialog, BackupDialog) and dialog.isVisible()
    target = tmp_path / "copy.db"
    with qtbot.waitSignal(dialog.backed_up, timeout=30_000):
        dialog.backup_to(target)
    info = backup_service.check_backup(target)
    count = portfolio.count_loans(db)
    assert info.loans == count
    # change the live database, then restore the backup through the desk
    generate_portfolio(db, 5, seed=3, into_existing=True)
    assert portfolio.count_loans(db) == count + 5
    dialog.confirm_restore(target)
    box = dialog.confirm_box
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: desk.window is not None and desk.window is not window)
    assert desk.window is not None
    qtbot.addWidget(desk.window)
    assert portfolio.count_loans(desk.db) == count
    assert desk.window.model.rowCount() == count
    desk.window.close()
    desk.db.dispose()


def test_unhandled_bug_in_a_slot_shows_the_error_dialog(
    qtbot: QtBot, desk_app: QApplication
) -> None:
    previous = sys.excepthook
    messages.install_excepthook()
    try:
        try:
            raise ZeroDivisionError("interest over zero days")
        except ZeroDivisionError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        dialogs = top_level(ErrorDialog)
        assert dialogs, "no error dialog"
        dialog = dialogs[-1]
        assert isinstance(dialog, ErrorDialog)
        assert "ZeroDivisionError: interest over zero days" in dialog.details
        dialog.close()
    finally:
        sys.excepthook = previous


def test_automatic_daily_backup_runs_when_enabled(
    qtbot: QtBot,
    desk_app: QApplication,
    desk_translations: Translations,
    db: Database,
    officer: Principal,
    admin: Principal,
    settings: Settings,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "daily"
    settings.auto_backup = True
    settings.backup_folder = str(folder)
    settings.backup_keep = 3
    # an officer's desk keeps its daily copy too, but only beside the database: a folder of
    # one's choosing (a USB stick) is an administrator's to pick (issue 11 point 4)
    beside = default_backup_folder(db)
    desk = _desk(desk_app, db, officer, settings, desk_translations)
    window = desk.window
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.tasks.running)  # the filter choices load on a worker
    desk.auto_backup()
    qtbot.waitUntil(lambda: any(beside.glob("greendesk-*.db")), timeout=30_000)
    qtbot.waitUntil(lambda: not desk.window.tasks.running if desk.window else True)
    assert not folder.exists()
    assert backup_service.check_backup(next(beside.glob("greendesk-*.db"))).loans > 0
    desk.window.close()
    desk = _desk(desk_app, db, admin, settings, desk_translations)
    assert desk.window is not None
    qtbot.addWidget(desk.window)
    desk.auto_backup()
    qtbot.waitUntil(lambda: any(folder.glob("greendesk-*.db")), timeout=30_000)
    made = next(folder.glob("greendesk-*.db"))
    qtbot.waitUntil(lambda: not desk.window.tasks.running if desk.window else True)
    assert backup_service.check_backup(made).loans == portfolio.count_loans(db)
    desk.window.close()


def test_bugs_are_logged_to_the_log_file(
    qtbot: QtBot, desk_app: QApplication, tmp_path: Path
) -> None:
    path = setup_logging(tmp_path / "logs")
    try:
        dialog = messages.bug(None, ValueError("bad ledger"), "Traceback: details here")
        qtbot.addWidget(dialog)
        assert str(path) in dialog.findChild(QLabel, "logLabel").text()  # type: ignore[union-attr]
        for handler in logging.getLogger("greendesk").handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert "bad ledger" in text and "Traceback: details here" in text
    finally:
        for handler in list(logging.getLogger("greendesk").handlers):
            logging.getLogger("greendesk").removeHandler(handler)
            handler.close()


@pytest.mark.postgres
def test_no_password_in_the_status_bar_messages_or_error_dialog(
    qtbot: QtBot, desk_app: QApplication, pg_url: str, settings: Settings
) -> None:
    """Issue 11 point 11: a PostgreSQL URL with a password never shows it in the window."""
    from greendesk.services import auth

    secret = "SuperSecret123"
    url = pg_url.replace("postgres@", f"postgres:{secret}@")  # the test server trusts, ignores it
    db = open_database(url)
    try:
        admin = auth.create_first_admin(db, "chen", "admin-pw-12")
        win = MainWindow(db, admin, settings, "en")
        qtbot.addWidget(win)
        win.show()
        assert secret not in win.db_label.text() and "PostgreSQL" in win.db_label.text()
        win.commands._status(f"connected to {url}")
        assert secret not in win.statusBar().currentMessage()
        box = messages.user_error(win, f"cannot reach {url}")
        qtbot.addWidget(box)
        assert secret not in box.text() and "***" in box.text()
        dialog = messages.bug(win, RuntimeError(f"lost {url}"), f"Traceback ... {url}")
        qtbot.addWidget(dialog)
        assert secret not in dialog.details
        shown = [w.text() for w in dialog.findChildren(QLabel)]
        assert all(secret not in t for t in shown) and any("***" in t for t in shown)
        win.close()
    finally:
        db.dispose()
