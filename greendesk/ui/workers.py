"""Slow work off the GUI thread (after Anki's ``operations``): memo, export, schedule, backup.

``Tasks.run(fn, on_done, ...)`` runs ``fn(progress)`` on Qt's thread pool. Results, failures and
progress travel back to the GUI thread as queued signals, so widgets are only ever touched there.
A progress dialog appears only if the work is still running after ``PROGRESS_DELAY_MS`` — quick
jobs never flash one. A failure goes to :func:`greendesk.ui.messages.show_exception` unless the
caller handles it: user errors as plain messages, bugs in the error dialog; nothing crashes.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from greendesk.ui import messages

log = logging.getLogger(__name__)

T = TypeVar("T")
PROGRESS_DELAY_MS = 600


class Progress:
    """Handed to the worker: report how far it is, and ask whether the user cancelled."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._signals.progress.emit(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Signals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object, str)


class _Runnable(QRunnable):
    def __init__(
        self, fn: Callable[[Progress], Any], signals: _Signals, progress: Progress
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._signals = signals
        self._progress = progress

    def run(self) -> None:
        from greendesk.store.database import wait_notices

        try:
            # a write waiting for another desk says so in the progress dialog
            with wait_notices(lambda text: self._progress.report(0, 0, text)):
                result = self._fn(self._progress)
        except BaseException as exc:  # every failure is reported, none escapes the pool
            self._signals.failed.emit(exc, traceback.format_exc())
        else:
            self._signals.succeeded.emit(result)


class Task(QObject, Generic[T]):
    """One background job and its optional, delayed progress dialog."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        label: str,
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException, str], None] | None,
        cancellable: bool,
    ) -> None:
        super().__init__(parent)
        self._widget = parent
        self._label = label
        self._on_done = on_done
        self._on_error = on_error
        self._cancellable = cancellable
        self._dialog: QProgressDialog | None = None
        self._last: tuple[int, int, str] = (0, 0, "")
        self.done = False
        self.signals = _Signals()
        self.progress = Progress(self.signals)
        self.signals.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self.signals.succeeded.connect(self._on_succeeded, Qt.ConnectionType.QueuedConnection)
        self.signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_dialog)

    def start(self, pool: QThreadPool, fn: Callable[[Progress], T]) -> None:
        self._timer.start(PROGRESS_DELAY_MS)
        pool.start(_Runnable(fn, self.signals, self.progress))

    @property
    def dialog(self) -> QProgressDialog | None:
        return self._dialog

    def _show_dialog(self) -> None:
        if self.done:
            return
        dialog = QProgressDialog(self._label, "", 0, 0, self._widget)
        dialog.setObjectName("taskProgress")
        dialog.setWindowTitle(self._label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if self._cancellable:
            dialog.setCancelButtonText(self.tr("Cancel"))
            dialog.canceled.connect(self.progress.cancel)
        else:
            dialog.setCancelButton(None)
        self._dialog = dialog
        self._apply(*self._last)
        dialog.show()

    def _apply(self, done: int, total: int, text: str) -> None:
        if self._dialog is None:
            return
        self._dialog.setMaximum(max(total, 0))
        self._dialog.setValue(min(done, total) if total > 0 else 0)
        if text:
            self._dialog.setLabelText(text)

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self._last = (done, total, text)
        self._apply(done, total, text)

    def _finish(self) -> None:
        self.done = True
        self._timer.stop()
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None

    def _on_succeeded(self, result: object) -> None:
        self._finish()
        try:
            self._on_done(result)  # type: ignore[arg-type]
        finally:
            self.finished.emit()

    def _on_failed(self, exc: BaseException, details: str) -> None:
        self._finish()
        try:
            if self._on_error is not None:
                self._on_error(exc, details)
            else:
                messages.show_exception(self._widget, exc, details)
        finally:
            self.finished.emit()


class Tasks(QObject):
    """Starts background tasks for a window and keeps them alive until they finish."""

    def __init__(self, parent: QWidget, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._widget = parent
        self.pool = pool or QThreadPool.globalInstance()
        self.running: set[Task[Any]] = set()

    def run(
        self,
        fn: Callable[[Progress], T],
        on_done: Callable[[T], None],
        *,
        label: str,
        on_error: Callable[[BaseException, str], None] | None = None,
        parent: QWidget | None = None,
        cancellable: bool = False,
    ) -> Task[T]:
        task: Task[T] = Task(parent or self._widget, label, on_done, on_error, cancellable)
        self.running.add(task)
        task.finished.connect(lambda: self._forget(task))
        task.start(self.pool, fn)
        return task

    def _forget(self, task: Task[Any]) -> None:
        self.running.discard(task)
        task.deleteLater()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool's jobs end (shutdown and tests); their results still queue."""
        return self.pool.waitForDone(msecs)
