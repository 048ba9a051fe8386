"""Background work: results come back on the GUI thread; failures become dialogs, not crashes."""

from __future__ import annotations

import threading

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from greendesk.domain.errors import UserError
from greendesk.ui.dialogs.error_dialog import ErrorDialog
from greendesk.ui.workers import Progress, Tasks
from tests.ui.helpers import top_level


def _host(qtbot: QtBot) -> tuple[QWidget, Tasks]:
    host = QWidget()
    qtbot.addWidget(host)
    host.show()
    return host, Tasks(host)


def test_result_arrives_on_the_gui_thread(qtbot: QtBot, desk_app: object) -> None:
    _host_widget, tasks = _host(qtbot)
    gui = threading.get_ident()
    seen: dict[str, int] = {}

    def work(progress: Progress) -> int:
        seen["worker"] = threading.get_ident()
        progress.report(1, 2, "half")
        return 42

    results: list[int] = []

    def done(value: int) -> None:
        seen["callback"] = threading.get_ident()
        results.append(value)

    tasks.run(work, done, label="test")
    qtbot.waitUntil(lambda: results == [42])
    assert seen["worker"] != gui
    assert seen["callback"] == gui
    qtbot.waitUntil(lambda: not tasks.running)


def test_a_bug_in_a_worker_shows_the_error_dialog(qtbot: QtBot, desk_app: object) -> None:
    host, tasks = _host(qtbot)

    def work(_progress: Progress) -> None:
        raise RuntimeError("ledger exploded")

    tasks.run(work, lambda _r: None, label="test")
    qtbot.waitUntil(lambda: bool(top_level(ErrorDialog)))
    dialog = top_level(ErrorDialog)[0]
    assert isinstance(dialog, ErrorDialog)
    assert "RuntimeError: ledger exploded" in dialog.details
    assert "Traceback" in dialog.details
    dialog.copy_details()
    assert QGuiApplication.clipboard().text() == dialog.details
    dialog.close()
    assert host.isVisible()  # the window lives on


def test_a_user_error_in_a_worker_is_a_plain_message(qtbot: QtBot, desk_app: object) -> None:
    _host_widget, tasks = _host(qtbot)

    def work(_progress: Progress) -> None:
        raise UserError("amount: must be positive")

    tasks.run(work, lambda _r: None, label="test")
    qtbot.waitUntil(lambda: bool(top_level(QMessageBox)))
    box = top_level(QMessageBox)[0]
    assert isinstance(box, QMessageBox)
    assert box.text() == "amount: must be positive"
    assert not top_level(ErrorDialog)
    box.close()


def test_progress_dialog_appears_while_slow_work_runs(qtbot: QtBot, desk_app: object) -> None:
    _host_widget, tasks = _host(qtbot)
    release = threading.Event()
    slow = tasks.run(lambda _p: release.wait(10), lambda _r: None, label="slow")
    qtbot.waitUntil(lambda: slow.dialog is not None, timeout=5_000)
    assert slow.dialog is not None and slow.dialog.isVisible()
    release.set()
    qtbot.waitUntil(lambda: slow.done)
    assert slow.dialog is None
