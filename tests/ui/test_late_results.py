"""Results and signals that arrive after their window is gone are dropped quietly.

An officer closes the memo preview while it renders, switches language while the schedule is
computed, quits while a backup runs, or closes the loan editor with a cell still being edited.
None of these may print a traceback or open an error dialog: the late result is dropped and a
debug line says so.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from greendesk.domain.roles import Principal
from greendesk.services import portfolio
from greendesk.services.records.loans import get_loan_terms
from greendesk.store.database import Database
from greendesk.ui import messages
from greendesk.ui.dialogs.loan import LoanDialog
from greendesk.ui.main_window import MainWindow
from greendesk.ui.settings import Settings
from greendesk.ui.workers import Tasks
from tests.ui.test_loan_editor_pages import _page_of, cell_editor, draft, keys

ROOT = Path(__file__).resolve().parents[2]


def delete_now(widget: QWidget) -> None:
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(widget)


def finish_workers(qtbot: QtBot) -> None:
    assert QThreadPool.globalInstance().waitForDone(30_000)
    qtbot.wait(50)  # the queued results are delivered


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """Every exception that would have reached the error dialog."""
    seen: list[BaseException] = []
    monkeypatch.setattr(
        messages, "show_exception", lambda _parent, exc, _details="": seen.append(exc)
    )
    return seen


def test_a_result_for_a_deleted_widget_is_dropped_with_a_debug_line(
    qtbot: QtBot, desk_app: QApplication, caplog: pytest.LogCaptureFixture
) -> None:
    host = QWidget()
    tasks = Tasks(host)
    gate = threading.Event()
    delivered: list[object] = []
    tasks.run(lambda _p: gate.wait(10) and "schedule", delivered.append, label="Computing")
    delete_now(host)
    caplog.set_level(logging.DEBUG, logger="greendesk.ui.workers")
    gate.set()
    finish_workers(qtbot)
    assert delivered == []
    assert "Computing: result dropped, the window that asked for it is gone" in caplog.text


def test_a_failure_for_a_deleted_widget_opens_no_dialog(
    qtbot: QtBot,
    desk_app: QApplication,
    caplog: pytest.LogCaptureFixture,
    shown_errors: list[BaseException],
) -> None:
    host = QWidget()
    tasks = Tasks(host)
    gate = threading.Event()
    handled: list[BaseException] = []

    def fails(_progress: object) -> None:
        gate.wait(10)
        raise ValueError("a bug after the window closed")

    tasks.run(fails, lambda _r: None, label="Rendering", on_error=lambda e, _d: handled.append(e))
    tasks.run(fails, lambda _r: None, label="Exporting")  # the default route: the error dialog
    delete_now(host)
    caplog.set_level(logging.DEBUG, logger="greendesk.ui.workers")
    gate.set()
    finish_workers(qtbot)
    assert handled == [] and shown_errors == []
    assert "Rendering failed after its window closed" in caplog.text
    assert "Exporting failed after its window closed" in caplog.text


def test_closing_the_window_while_its_workers_run_raises_nothing(
    qtbot: QtBot,
    desk_app: QApplication,
    db: Database,
    officer: Principal,
    settings: Settings,
    shown_errors: list[BaseException],
    capfd: pytest.CaptureFixture[str],
) -> None:
    window = MainWindow(db, officer, settings, "zh_CN")
    window.show()
    for loan in portfolio.list_loans(db):  # each selection starts its schedule and classification
        window.select_loan(loan.id)
    window.action("actionMemo").trigger()  # and the memo preview starts rendering
    window.close()
    delete_now(window)
    finish_workers(qtbot)
    assert shown_errors == []
    assert "Traceback" not in capfd.readouterr().err


def test_closing_the_editor_with_a_cell_being_typed_into_raises_nothing(
    qtbot: QtBot, desk_app: QApplication, db: Database, officer: Principal
) -> None:
    dialog = LoanDialog(db, officer, get_loan_terms(db, draft(db, officer)))
    dialog.show()
    view = dialog.grids.view("drawdowns")
    dialog.tabs.setCurrentWidget(_page_of(dialog, view))
    editor = cell_editor(view, 0, 1, QLineEdit)
    keys(qtbot, editor, "12345")  # not committed yet: the delegate commits as the view goes
    dialog.reject()
    delete_now(dialog)
    qtbot.wait(20)  # pytest-qt fails the test on any exception raised in a slot meanwhile


def test_quitting_while_workers_run_prints_no_traceback(tmp_path: Path) -> None:
    script = (
        "import sys, time\n"
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "from greendesk.ui.workers import Tasks\n"
        "app = QApplication([])\n"
        "host = QWidget()\n"
        "tasks = Tasks(host)\n"
        "for _ in range(4):\n"
        "    tasks.run(lambda p: time.sleep(0.3) or 42, print, label='backup')\n"
        "sys.exit(0)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert "Signal source has been deleted" not in result.stderr, result.stderr
