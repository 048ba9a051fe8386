"""The loan editor's live schedule: recomputed on a worker as the terms change.

Every edit restarts a short timer; when it fires, the form's terms are collected and the
schedule computed off the GUI thread (``services.terms.preview_schedule``). Each request carries
a number and only the latest one's answer is shown — a slow answer to older terms is dropped.
Terms the engine refuses leave the preview empty with the reason, worded like a refused save.
The page reuses the schedule tab (chart above table, borrower or one lender).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QTimer
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from greendesk.domain.errors import FieldError, InvalidInput, UserError
from greendesk.domain.schedule import Schedule
from greendesk.services.records.inputs import LoanInput
from greendesk.services.records.loan_rules import input_path
from greendesk.services.terms import preview_schedule
from greendesk.ui import messages
from greendesk.ui.forms import setup_form
from greendesk.ui.views.schedule_tab import ScheduleTab
from greendesk.ui.workers import Progress, Tasks

DELAY_MS = 350  # typing pauses this long before the schedule is recomputed
_SHOWN_ERRORS = 3


class SchedulePage(QWidget):
    """The form ``schedule_preview``: what the schedule tab shows, for unsaved terms."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        setup_form(self, "schedule_preview")
        self.tab = ScheduleTab(self)


class LivePreview:
    """Watches the editor's inputs and keeps :class:`SchedulePage` in step with them."""

    def __init__(
        self,
        page: SchedulePage,
        collect: Callable[[], LoanInput],
        describe: Callable[[], str],
        wording: Callable[[UserError], str],
        tasks: Tasks,
    ) -> None:
        self.page = page
        self._wording = wording
        self._collect = collect
        self._describe = describe
        self._tasks = tasks
        self.requested = 0  # number of the latest request
        self.shown = 0  # number of the request whose answer is on screen
        self._timer = QTimer(page)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.compute)

    def watch(
        self,
        edits: list[QLineEdit],
        combos: list[QComboBox],
        models: list[QAbstractItemModel],
    ) -> None:
        for edit in edits:
            edit.textChanged.connect(lambda _t: self.later())
        for combo in combos:
            combo.currentIndexChanged.connect(lambda _i: self.later())
        for model in models:
            model.dataChanged.connect(lambda *_a: self.later())
            model.rowsInserted.connect(lambda *_a: self.later())
            model.rowsRemoved.connect(lambda *_a: self.later())
            model.modelReset.connect(lambda: self.later())

    def later(self) -> None:
        self._timer.start()

    def compute(self) -> None:
        """Start computing the schedule of the terms on the form now (latest request wins)."""
        self._timer.stop()
        self.requested += 1
        number, data = self.requested, self._collect()

        def work(_progress: Progress) -> tuple[int, Schedule]:
            return number, preview_schedule(data)

        def failed(exc: BaseException, details: str) -> None:
            if number != self.requested:
                return
            self.shown = number
            tab = self.page.tab
            tab.waiting(self._describe())
            if isinstance(exc, InvalidInput):
                tab.failed(self._first_errors(exc))
            elif isinstance(exc, UserError):
                tab.failed(self._wording(exc))
            else:
                tab.failed(type(exc).__name__)
                messages.show_exception(self.page, exc, details)

        self._tasks.run(
            work,
            self._done,
            label=QCoreApplication.translate("LoanDialog", "Computing the schedule…"),
            on_error=failed,
            parent=self.page,
            quiet=True,
        )

    def _done(self, result: tuple[int, Schedule]) -> None:
        number, schedule = result
        if number != self.requested:  # the terms changed meanwhile: a newer answer is coming
            return
        self.shown = number
        self.page.tab.set_terms(self._describe())
        self.page.tab.show(schedule)

    def _first_errors(self, exc: InvalidInput) -> str:
        """The first few refused terms under the editor's field names; the save lists all."""
        head = InvalidInput(
            [FieldError(input_path(e.path), e.rule) for e in exc.errors[:_SHOWN_ERRORS]]
        )
        text = self._wording(head).replace("\n", "; ")
        more = len(exc.errors) - _SHOWN_ERRORS
        if more > 0:
            text += " " + QCoreApplication.translate("LoanDialog", "(+{n} more)").format(n=more)
        return text
