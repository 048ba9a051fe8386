"""Slow work off the GUI thread (after Anki's ``operations``): memo, export, schedule, backup.

``Tasks.run(fn, on_done, ...)`` runs ``fn(progress)`` on Qt's thread pool. Results, failures and
progress travel back to the GUI thread as queued signals, so widgets are only ever touched there.
A progress dialog appears only if the work is still running after ``PROGRESS_DELAY_MS`` — quick
jobs never flash one. A failure goes to :func:`greendesk.ui.messages.show_exception` unless the
caller handles it: user errors as plain messages, bugs in the error dialog; nothing crashes.

A result that arrives after the widget that asked for it is gone (a closed dialog, a window
rebuilt for another language) is dropped and logged at debug level: a task is kept alive by
``_IN_FLIGHT`` until it reports, never by its widget, so its late signals always find a living
receiver. At interpreter exit the pool is waited for first, so no worker emits into a
half-finalised interpreter ("Signal source has been deleted").
"""

from __future__ import annotations

import atexit
import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from greendesk.ui import messages

log = logging.getLogger(__name__)

T = TypeVar("T")
PROGRESS_DELAY_MS = 600
EXIT_WAIT_MS = 30_000  # how long the process waits at exit for running workers

# Tasks that have started and not yet reported: what keeps each alive while its worker runs.
_IN_FLIGHT: set[Task[Any]] = set()


class LatestRequest:
    """Numbers requests so that work overtaken by a newer request can be skipped.

    The GUI thread takes a ticket per request; a worker asks ``is_latest(ticket)`` before its
    slow part. A plain object with a lock: workers never touch a widget to find out.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._latest = 0

    def next(self) -> int:
        with self._lock:
            self._latest += 1
            return self._latest

    def is_latest(self, ticket: int) -> bool:
        with self._lock:
            return ticket == self._latest


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
            self._emit(self._signals.failed, exc, traceback.format_exc())
        else:
            self._emit(self._signals.succeeded, result)

    @staticmethod
    def _emit(signal: Any, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the receiving side was torn down (process exit): nobody to tell
            log.debug("worker result dropped: its signals are gone")


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
        quiet: bool = False,
    ) -> None:
        super().__init__()  # no Qt parent: _IN_FLIGHT keeps it until it reports
        self._quiet = quiet or not label  # no progress dialog (the list's queries, previews)
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
        _IN_FLIGHT.add(self)
        if not self._quiet:
            self._timer.start(PROGRESS_DELAY_MS)
        pool.start(_Runnable(fn, self.signals, self.progress))

    @property
    def dialog(self) -> QProgressDialog | None:
        return self._dialog

    def _widget_alive(self) -> bool:
        return shiboken6.isValid(self._widget)

    def _show_dialog(self) -> None:
        if self.done or self._quiet or not self._widget_alive():
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

    def _finish(self) -> bool:
        """Stop the progress indication; whether the asking widget is still there."""
        self.done = True
        self._timer.stop()
        if self._dialog is not None:
            if shiboken6.isValid(self._dialog):
                self._dialog.close()
                self._dialog.deleteLater()
            self._dialog = None
        alive = self._widget_alive()
        if not alive:
            log.debug("%s: result dropped, the window that asked for it is gone", self._label)
        return alive

    def _reported(self) -> None:
        _IN_FLIGHT.discard(self)
        self.finished.emit()

    def _on_succeeded(self, result: object) -> None:
        try:
            if self._finish():
                self._on_done(result)  # type: ignore[arg-type]
        finally:
            self._reported()

    def _on_failed(self, exc: BaseException, details: str) -> None:
        try:
            if not self._finish():
                log.debug("%s failed after its window closed", self._label, exc_info=exc)
            elif self._on_error is not None:
                self._on_error(exc, details)
            else:
                messages.show_exception(self._widget, exc, details)
        finally:
            self._reported()


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
        quiet: bool = False,
    ) -> Task[T]:
        """Run ``fn`` on the pool; ``quiet`` work (a live preview) never shows a progress dialog."""
        task: Task[T] = Task(parent or self._widget, label, on_done, on_error, cancellable, quiet)
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


@atexit.register
def _wait_for_workers() -> None:
    """Let running workers finish while the interpreter is still whole (runs before Qt's own
    clean-up: atexit handlers run last-registered first)."""
    if _IN_FLIGHT:
        QThreadPool.globalInstance().waitForDone(EXIT_WAIT_MS)
