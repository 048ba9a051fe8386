"""The holiday calendar, on ``services.calendar``: what the desk believes of a year, and loading
a State Council notice (administrators only).

Showing a year is a small read. Loading a notice re-derives every loan dated in that year, so it
runs on a worker; the result lists each loan period whose payment date or interest moved, and
each paid period kept at its date. The service checks the role, the file and the year's place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from greendesk.domain.errors import UserError
from greendesk.domain.roles import Action, Principal
from greendesk.services import calendar as desk_calendar
from greendesk.services.calendar import CalendarDayView, ImportResult, YearView
from greendesk.store.database import Database
from greendesk.ui import labels, messages
from greendesk.ui.dialogs.admin_common import refit, setup_list
from greendesk.ui.forms import child, setup_form
from greendesk.ui.models.rows import Column, RowsModel
from greendesk.ui.workers import Progress, Task, Tasks


@dataclass(frozen=True)
class MovedRow:
    """One period of a re-derived loan: moved by the notice, or kept because already paid."""

    reference: str
    no: int
    old_date: date
    new_date: date | None  # None: kept at its paid date
    old_interest: Decimal | None
    new_interest: Decimal | None


def moved_rows(result: ImportResult) -> list[MovedRow]:
    rows: list[MovedRow] = []
    for loan in result.moved:
        rows += [
            MovedRow(loan.reference, p.no, p.old_date, p.new_date, p.old_interest, p.new_interest)
            for p in loan.moved
        ]
        rows += [MovedRow(loan.reference, no, date.min, None, None, None) for no in loan.kept]
    return rows


def _weekday(day: date) -> str:
    names = (
        QCoreApplication.translate("CalendarDialog", "Monday"),
        QCoreApplication.translate("CalendarDialog", "Tuesday"),
        QCoreApplication.translate("CalendarDialog", "Wednesday"),
        QCoreApplication.translate("CalendarDialog", "Thursday"),
        QCoreApplication.translate("CalendarDialog", "Friday"),
        QCoreApplication.translate("CalendarDialog", "Saturday"),
        QCoreApplication.translate("CalendarDialog", "Sunday"),
    )
    return names[day.weekday()]


def _kind(kind: str) -> str:
    if kind == "workday":
        return QCoreApplication.translate("CalendarDialog", "Working weekend day")
    return QCoreApplication.translate("CalendarDialog", "Day off")


def day_columns() -> list[Column[CalendarDayView]]:
    return [
        Column(QCoreApplication.translate("CalendarDialog", "Date"), lambda d: labels.day(d.day)),
        Column(QCoreApplication.translate("CalendarDialog", "Weekday"), lambda d: _weekday(d.day)),
        Column(QCoreApplication.translate("CalendarDialog", "Kind"), lambda d: _kind(d.kind)),
        Column(QCoreApplication.translate("CalendarDialog", "Name"), lambda d: d.name),
    ]


def _money(value: Decimal | None) -> str:
    return "" if value is None else labels.money(value)


def moved_columns() -> list[Column[MovedRow]]:
    kept = QCoreApplication.translate("CalendarDialog", "kept: already paid")
    return [
        Column(QCoreApplication.translate("CalendarDialog", "Loan"), lambda r: r.reference),
        Column(
            QCoreApplication.translate("CalendarDialog", "Period"), lambda r: str(r.no), right=True
        ),
        Column(
            QCoreApplication.translate("CalendarDialog", "Payment date before"),
            lambda r: "" if r.new_date is None else labels.day(r.old_date),
        ),
        Column(
            QCoreApplication.translate("CalendarDialog", "Payment date now"),
            lambda r: kept if r.new_date is None else labels.day(r.new_date),
        ),
        Column(
            QCoreApplication.translate("CalendarDialog", "Interest before"),
            lambda r: _money(r.old_interest),
            right=True,
        ),
        Column(
            QCoreApplication.translate("CalendarDialog", "Interest now"),
            lambda r: _money(r.new_interest),
            right=True,
        ),
    ]


def basis_label(basis: str) -> str:
    return {
        "official": QCoreApplication.translate("CalendarDialog", "Official (State Council notice)"),
        "projected": QCoreApplication.translate("CalendarDialog", "Projected"),
    }.get(basis, QCoreApplication.translate("CalendarDialog", "No holiday data"))


def source_text(view: YearView) -> str:
    """Where the desk's days for the year come from, in the window's language."""
    if view.basis == "official" and view.file_name:
        text = QCoreApplication.translate(
            "CalendarDialog", "Loaded on {day} by {user} from {file}."
        ).format(day=labels.day(view.loaded_on), user=view.loaded_by, file=view.file_name)
        return f"{text} {view.notice}".strip()
    if view.basis == "official":
        return QCoreApplication.translate(
            "CalendarDialog", "Shipped with GreenDesk: {notice}"
        ).format(notice=view.notice)
    if view.basis == "projected":
        return QCoreApplication.translate(
            "CalendarDialog",
            "No notice for this year yet (official holidays through {through}). Days off "
            "projected from the 2024 amendment's statutory holidays and the bridging rule; no "
            "make-up working weekends are projected.",
        ).format(through=view.official_through)
    return QCoreApplication.translate("CalendarDialog", "No holiday data for this year.")


def result_text(result: ImportResult) -> str:
    done = (
        QCoreApplication.translate("CalendarDialog", "{year} replaced")
        if result.replaced
        else QCoreApplication.translate("CalendarDialog", "{year} loaded")
    ).format(year=result.year)
    detail = QCoreApplication.translate(
        "CalendarDialog",
        "{done}: {holidays} days off, {workdays} working weekend days. Loans re-derived: "
        "{loans}; with dates or interest moved: {moved}. Calendar version {version}.",
    )
    return detail.format(
        done=done,
        holidays=result.holidays,
        workdays=result.workdays,
        loans=result.rederived,
        moved=len(result.moved),
        version=result.new_version,
    )


class CalendarDialog(QDialog):
    """One year's holidays as the desk holds them; administrators load notices here."""

    changed = Signal()  # a notice was loaded: loans' schedules may have moved

    def __init__(
        self,
        db: Database,
        actor: Principal,
        parent: QWidget | None = None,
        tasks: Tasks | None = None,
    ) -> None:
        super().__init__(parent)
        setup_form(self, "calendar_dialog")
        self._db = db
        self._actor = actor
        self._tasks = tasks or Tasks(self)
        self.loading: Task[ImportResult] | None = None  # the last load running (tests wait)
        self.loaded: ImportResult | None = None
        self.year = child(self, QSpinBox, "yearSpin")
        self.basis = child(self, QLabel, "basisLabel")
        self.source = child(self, QLabel, "sourceLabel")
        self.status = child(self, QLabel, "statusLabel")
        self.replace = child(self, QCheckBox, "replaceCheck")
        self.day_table = child(self, QTableView, "dayTable")
        self.moved_table = child(self, QTableView, "movedTable")
        self.days: RowsModel[CalendarDayView] = RowsModel(day_columns(), self)
        self.moved: RowsModel[MovedRow] = RowsModel(moved_columns(), self)
        setup_list(self.day_table, self.days)
        setup_list(self.moved_table, self.moved)
        self.moved_table.horizontalHeader().setStretchLastSection(False)
        self.moved_table.hide()
        child(self, QGroupBox, "loadGroup").setVisible(actor.may(Action.EDIT_REFERENCE_DATA))
        child(self, QPushButton, "loadButton").clicked.connect(lambda _c=False: self.choose_file())
        child(self, QDialogButtonBox, "buttonBox").rejected.connect(self.reject)
        self.year.setValue(date.today().year + 1)
        self.year.valueChanged.connect(lambda _v: self.show_year())
        self.show_year()

    def show_year(self) -> None:
        try:
            view = desk_calendar.show_year(self._db, self.year.value())
        except Exception as exc:  # user errors plainly, bugs to the error dialog
            messages.show_exception(self, exc)
            return
        self.basis.setText(basis_label(view.basis))
        self.basis.setProperty("tone", "alert" if view.basis == "projected" else "ok")
        self.basis.style().polish(self.basis)
        self.source.setText(source_text(view))
        self.days.set_rows(view.days)
        refit(self.day_table)

    def choose_file(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("CalendarDialog", "State Council holiday notice"),
            "",
            QCoreApplication.translate("CalendarDialog", "Notice files (*.csv *.json)"),
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        """Load ``path`` on a worker; the result or the refusal is shown when it is done."""
        db, actor, replace = self._db, self._actor, self.replace.isChecked()

        def work(_progress: Progress) -> ImportResult:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise UserError(f"{path.name}: cannot read ({exc.strerror})") from None
            return desk_calendar.import_year(db, actor, data, path.name, replace=replace)

        self.loading = self._tasks.run(
            work,
            self._loaded,
            label=QCoreApplication.translate(
                "CalendarDialog", "Loading the notice and re-deriving the loans' payment dates…"
            ),
            on_error=self._failed,
            parent=self,
        )

    def _failed(self, exc: BaseException, details: str) -> None:
        messages.show_exception(self, exc, details)  # a refused file: its lines, said plainly

    def _loaded(self, result: ImportResult) -> None:
        self.loaded = result
        self.status.setText(result_text(result))
        rows = moved_rows(result)
        self.moved.set_rows(rows)
        self.moved_table.setVisible(bool(rows))
        refit(self.moved_table)
        self.replace.setChecked(False)
        if self.year.value() == result.year:
            self.show_year()
        else:
            self.year.setValue(result.year)  # shows it
        self.changed.emit()
