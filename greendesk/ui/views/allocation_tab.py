"""The allocation tab of a green loan (Green Loan Principles: management of proceeds, reporting).

Per use-of-proceeds line the amount, allocated in the year, allocated to the year's end and
unallocated; per drawdown what is not yet allocated; the allocations themselves (drawdown, line,
amount, date, evidence, who) and the yearly impact figure, all from
``services.allocation.loan_allocation``. The report is read on a worker thread and only while
the tab is visible (a selection that never looks at it costs nothing); a newer selection wins.
Recording an allocation opens ``dialogs.allocation`` (the service refuses what breaks a rule,
nothing half-saved), then the tab reads the report again.

The detail view needs two calls: :meth:`AllocationTab.place` once, :meth:`show_loan` per loan.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QWidget,
)

from greendesk.domain.errors import UserError
from greendesk.domain.roles import Action, Principal
from greendesk.services import allocation
from greendesk.services.allocation import (
    AllocationRecord,
    DrawdownReport,
    LineReport,
    LoanAllocationReport,
)
from greendesk.store.database import Database
from greendesk.ui import labels, messages
from greendesk.ui.forms import child, setup_form
from greendesk.ui.models.rows import Column, RowsModel
from greendesk.ui.tables import fit_columns
from greendesk.ui.workers import LatestRequest, Progress, Tasks


class AllocationTab(QWidget):
    """Shown for a loan with use-of-proceeds lines; ``ready`` after each report is shown."""

    ready = Signal()

    def __init__(
        self, db: Database, actor: Principal | None, tasks: Tasks, parent: QWidget
    ) -> None:
        super().__init__(parent)
        setup_form(self, "allocation_tab")
        self._db, self._actor, self._tasks = db, actor, tasks
        self._latest = LatestRequest()
        self._tabs: QTabWidget | None = None
        self._pending: tuple[str, str] | None = None  # (reference, status) not yet read
        self.reference: str | None = None
        self.status = ""
        self.report: LoanAllocationReport | None = None
        self.year = child(self, QSpinBox, "allocationYearSpin")
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(lambda _v: self._reload())
        self.summary = child(self, QLabel, "allocationSummary")
        self.impact = child(self, QLabel, "allocationImpact")
        self.record_button = child(self, QPushButton, "recordAllocationButton")
        self.record_button.clicked.connect(self.record_allocation)
        self.lines: RowsModel[LineReport] = RowsModel(
            [
                Column(
                    QCoreApplication.translate("AllocationTab", "Line"),
                    lambda r: str(r.no),
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("AllocationTab", "Catalogue item"),
                    lambda r: r.catalogue_code or labels.DASH,
                ),
                Column(
                    QCoreApplication.translate("AllocationTab", "Description"),
                    lambda r: r.description,
                ),
                Column(
                    QCoreApplication.translate("AllocationTab", "Amount"),
                    lambda r: labels.money_exact(r.amount),
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("AllocationTab", "Allocated in the year"),
                    lambda r: labels.money_exact(r.allocated_in_year),
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("AllocationTab", "Allocated to the year's end"),
                    lambda r: labels.money_exact(r.allocated),
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("AllocationTab", "Unallocated"),
                    lambda r: labels.money_exact(r.unallocated),
                    right=True,
                ),
            ],
            self,
        )
        self.drawdowns: RowsModel[DrawdownReport] = RowsModel(
            [
                Column(
                    QCoreApplication.translate("AllocationTab", "Drawdown"),
                    lambda r: str(r.no),
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("AllocationTab", "Date"),
                    lambda r: labels.day(r.date),
                ),
                Column(
                    QCoreApplication.translate("AllocationTab", "Amount"),
                    lambda r: labels.money_exact(r.amount),
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("AllocationTab", "Allocated"),
                    lambda r: labels.money_exact(r.allocated),
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("AllocationTab", "Unallocated"),
                    lambda r: labels.money_exact(r.unallocated),
                    right=True,
                ),
            ],
            self,
        )
        self.allocations: RowsModel[AllocationRecord] = RowsModel(
            [
                Column(
                    QCoreApplication.translate("AllocationTab", "Date"),
                    lambda r: labels.day(r.allocated_on),
                ),
                Column(
                    QCoreApplication.translate("AllocationTab", "Drawdown"),
                    lambda r: str(r.drawdown),
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("AllocationTab", "Line"),
                    lambda r: str(r.line),
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("AllocationTab", "Amount"),
                    lambda r: labels.money_exact(r.amount),
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("AllocationTab", "Evidence"), lambda r: r.evidence
                ),
                Column(
                    QCoreApplication.translate("AllocationTab", "Entered by"),
                    lambda r: r.entered_by,
                ),
            ],
            self,
        )
        self.tables = {
            "lines": child(self, QTableView, "allocationLinesTable"),
            "drawdowns": child(self, QTableView, "allocationDrawdownsTable"),
            "allocations": child(self, QTableView, "allocationListTable"),
        }
        for name, model in (
            ("lines", self.lines),
            ("drawdowns", self.drawdowns),
            ("allocations", self.allocations),
        ):
            view = self.tables[name]
            view.setModel(model)
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            view.horizontalHeader().setStretchLastSection(True)

    @classmethod
    def place(
        cls, db: Database, actor: Principal | None, tasks: Tasks, tabs: QTabWidget
    ) -> AllocationTab:
        """Add the tab to the detail's tabs; it reads its loan when it becomes the current tab."""
        tab = cls(db, actor, tasks, tabs)
        tab._tabs = tabs
        tabs.addTab(tab, QCoreApplication.translate("LoanDetail", "Allocation"))
        tabs.currentChanged.connect(lambda _index: tab._read_if_visible())
        return tab

    # -- showing
    def show_loan(self, reference: str, status: str, has_lines: bool) -> None:
        """The detail shows another loan: hide the tab without lines; read later if hidden."""
        self.reference, self.status = reference, status
        self.report = None
        self._latest.next()  # a report still coming for the previous loan is dropped
        if self._tabs is not None:
            self._tabs.setTabVisible(self._tabs.indexOf(self), has_lines)
        self._pending = (reference, status) if has_lines else None
        self._read_if_visible()

    def _read_if_visible(self) -> None:
        if self._pending is None:
            return
        if self._tabs is not None and self._tabs.currentWidget() is not self:
            return
        reference, _status = self._pending
        self._pending = None
        self._start(reference)

    def _reload(self) -> None:
        if self.reference is None:
            return
        self._pending = (self.reference, self.status)
        self._read_if_visible()

    def _start(self, reference: str) -> None:
        self.summary.setText(
            QCoreApplication.translate("AllocationTab", "Reading the allocation report…")
        )
        self.impact.setText("")
        for model in (self.lines, self.drawdowns, self.allocations):
            model.set_rows([])
        self.record_button.setEnabled(False)
        ticket = self._latest.next()
        db, latest, year = self._db, self._latest, self.year.value()

        def work(_progress: Progress) -> LoanAllocationReport | None:
            if not latest.is_latest(ticket):
                return None
            return allocation.loan_allocation(db, reference, year)

        def done(report: LoanAllocationReport | None) -> None:
            if report is None or not latest.is_latest(ticket) or report.reference != reference:
                return
            self._show(report)

        def failed(exc: BaseException, details: str) -> None:
            if not latest.is_latest(ticket):
                return
            self.summary.setText(str(exc))
            if not isinstance(exc, UserError):
                messages.show_exception(self, exc, details)
            self.ready.emit()

        self._tasks.run(
            work,
            done,
            label=QCoreApplication.translate("AllocationTab", "Reading the allocation report…"),
            on_error=failed,
            parent=self,
        )

    def _show(self, report: LoanAllocationReport) -> None:
        self.report = report
        self.lines.set_rows(list(report.lines))
        self.drawdowns.set_rows(list(report.drawdowns))
        self.allocations.set_rows(list(report.allocations))
        for view in self.tables.values():
            fit_columns(view)
        total = sum((x.amount for x in report.lines), allocation.ZERO)
        self.summary.setText(
            QCoreApplication.translate(
                "AllocationTab",
                "{year}: allocated in the year {in_year}; to the year's end {allocated} of "
                "{total}; unallocated {left}.",
            ).format(
                year=report.year,
                in_year=labels.money_exact(report.allocated_in_year),
                allocated=labels.money_exact(report.allocated),
                total=labels.money_exact(total),
                left=labels.money_exact(report.unallocated),
            )
        )
        self.impact.setText(self._impact_text(report))
        may = self._actor is None or self._actor.may(Action.EDIT_APPLICATION)
        self.record_button.setVisible(may)
        room = any(d.unallocated > 0 for d in report.drawdowns) and any(
            u.unallocated > 0 for u in report.lines
        )
        self.record_button.setEnabled(may and self.status in allocation.ALLOCATABLE and room)
        self.record_button.setToolTip(
            ""
            if room
            else QCoreApplication.translate(
                "AllocationTab", "Everything drawn is allocated: nothing is left to allocate."
            )
        )
        self.ready.emit()

    @staticmethod
    def _impact_text(report: LoanAllocationReport) -> str:
        if report.annual_co2e_reduction_t is None or report.financed_share is None:
            return QCoreApplication.translate(
                "AllocationTab",
                "Impact: the project states no expected reduction or total investment.",
            )
        return QCoreApplication.translate(
            "AllocationTab",
            "Impact: the project's expected reduction {reduction} tCO2e a year × allocated ÷ "
            "total investment {investment} ({share}) = {attributed} tCO2e a year.",
        ).format(
            reduction=labels.number(report.annual_co2e_reduction_t),
            investment=labels.money_exact(report.total_investment),
            share=labels.percent(report.financed_share, 4),
            attributed=labels.number(report.attributed_reduction_t),
        )

    # -- acting
    def record_allocation(self) -> None:
        from greendesk.ui.dialogs.allocation import AllocationDialog

        report, actor = self.report, self._actor
        if report is None or actor is None:
            return
        dialog = AllocationDialog(
            self, report, lambda data: allocation.record_allocation(self._db, actor, data)
        )
        self.dialog = dialog
        if dialog.exec() == AllocationDialog.DialogCode.Accepted and dialog.saved is not None:
            self._reload()
