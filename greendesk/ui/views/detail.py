"""The loan detail: a title, the status badge and its tabs, filled from one ``LoanDetail``.

The title, the overview (with the committee panel) and the classification come in at once, from
one small read. Every other tab is filled when it is shown, for the loan shown then: an officer
holding the arrow key down passes dozens of loans and looks at one tab, so the others wait. The
schedule is computed on a worker thread and fills its tab when ready. A newer selection wins:
work still queued for an earlier selection is skipped when its worker starts, and a late
schedule for another loan is dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QItemSelection, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QWidget,
)

from greendesk.domain.errors import UserError
from greendesk.domain.roles import Action, Principal
from greendesk.domain.schedule import Schedule
from greendesk.services.terms import loan_schedule
from greendesk.store.database import Database
from greendesk.ui import labels, messages
from greendesk.ui.dialog_life import open_transient
from greendesk.ui.forms import child, setup_form
from greendesk.ui.views.allocation_tab import AllocationTab
from greendesk.ui.views.classification_tab import ClassificationTab
from greendesk.ui.views.collateral_tab import CollateralTab
from greendesk.ui.views.committee_panel import CommitteePanel
from greendesk.ui.views.detail_data import LoanDetail, load_collateral, load_detail, load_history
from greendesk.ui.views.history_tab import HistoryTab
from greendesk.ui.views.kpi_tab import KpiTab
from greendesk.ui.views.overview_tab import OverviewTab, rate_text
from greendesk.ui.views.programmes_tab import ProgrammesTab
from greendesk.ui.views.reflow import ReflowCards
from greendesk.ui.views.schedule_tab import ScheduleTab
from greendesk.ui.workers import LatestRequest, Progress, Tasks


class LoanDetailView(QWidget):
    """Shows one loan; emits requests for changes, which the main window carries out."""

    add_pledge_requested = Signal()
    edit_pledge_requested = Signal(int)
    remove_pledge_requested = Signal(int)
    override_requested = Signal(str, str)
    clear_override_requested = Signal()
    conditions_changed = Signal(int)  # a condition precedent was marked satisfied
    schedule_ready = Signal()
    classification_ready = Signal()

    def __init__(
        self, db: Database, actor: Principal | None, tasks: Tasks, parent: QWidget
    ) -> None:
        super().__init__(parent)
        setup_form(self, "loan_detail")
        self._db = db
        self._actor = actor
        self._tasks = tasks
        self._latest = LatestRequest()
        self.detail: LoanDetail | None = None
        self.evidence_dialog: QWidget | None = None
        self.stack = child(self, QStackedWidget, "detailStack")
        self.tabs = child(self, QTabWidget, "tabs")
        self.title = child(self, QLabel, "detailTitle")
        self.subtitle = child(self, QLabel, "detailSubtitle")
        self.badge = child(self, QLabel, "statusBadge")
        self.overview = OverviewTab(self)
        self.schedule_tab = ScheduleTab(self)
        self.collateral = CollateralTab(self)
        self.classification = ClassificationTab(
            self,
            self.override_requested.emit,
            self.clear_override_requested.emit,
            self.open_evidence if actor is None or actor.may(Action.EDIT_APPLICATION) else None,
        )
        self.history = HistoryTab(self)
        # Carbon-linked loans: the KPI tab (its own form), shown only for a loan with KPIs.
        self.kpi_tab = KpiTab(db, actor, self.tabs)
        self._kpi_index = self.tabs.addTab(
            self.kpi_tab, QCoreApplication.translate("LoanDetail", "KPIs")
        )
        self.kpi_tab.changed.connect(self._reload)
        self.programmes = ProgrammesTab(db, tasks, self)
        self.tabs.addTab(self.programmes, QCoreApplication.translate("LoanDetail", "Programmes"))
        self.programmes.report_requested.connect(self._cerf_report)
        self.allocation_tab = AllocationTab.place(db, actor, tasks, self.tabs)  # read when shown
        # tab page -> how to fill it for the loan shown; run when the page is shown
        self._pending: dict[QWidget, Callable[[], None]] = {}
        self._page: dict[str, QWidget] = {
            name: child(self, QWidget, f"{name}Tab")
            for name in ("overview", "schedule", "collateral", "classification", "history")
        }
        self._page["kpi"] = self.kpi_tab
        self._page["programmes"] = self.programmes
        self.tabs.currentChanged.connect(lambda _index: self._fill_current_tab())
        self.committee = CommitteePanel(db, actor, self.conditions_changed.emit, self)
        # the committee panel below the cards, across the grid; two columns of cards when the
        # pane is wide, one when narrow (nothing cut at 1440 px)
        self.overview_cards = ReflowCards(
            child(self, QScrollArea, "overviewScroll"),
            child(self, QGridLayout, "overviewGrid"),
            [
                child(self, QGroupBox, name)
                for name in ("borrowerGroup", "loanGroup", "projectGroup", "benefitGroup")
            ],
            [self.committee],
        )
        self._add_pledge = child(self, QPushButton, "addPledgeButton")
        self._edit_pledge = child(self, QPushButton, "editPledgeButton")
        self._remove_pledge = child(self, QPushButton, "removePledgeButton")
        self._add_pledge.clicked.connect(self.add_pledge_requested.emit)
        self._edit_pledge.clicked.connect(self._edit_selected_pledge)
        self._remove_pledge.clicked.connect(self._remove_selected_pledge)
        pledges = child(self, QTableView, "pledgeTable")
        pledges.selectionModel().selectionChanged.connect(self._pledge_selection)
        pledges.doubleClicked.connect(lambda _i: self._edit_selected_pledge())
        self._pledge_table = pledges
        can_view_audit = actor is None or actor.may(Action.VIEW_AUDIT)
        self.tabs.setTabVisible(4, can_view_audit)
        self.clear()

    # -- showing
    def clear(self) -> None:
        self.detail = None
        self._pending.clear()
        self.stack.setCurrentIndex(0)

    def show_loan(self, loan_id: int) -> None:
        detail = load_detail(self._db, self._actor, loan_id)
        self.detail = detail
        loan = detail.loan
        self.stack.setCurrentIndex(1)
        version = f" · v{loan.application_version}" if loan.application_version > 1 else ""
        self.title.setText(f"{loan.reference}{version}")
        colour = labels.status_colour(loan.status).name()
        self.badge.setText(labels.status_text(loan.status))
        self.badge.setStyleSheet(
            f"color: white; background: {colour}; border-radius: 3px; padding: 2px 8px;"
        )
        project = detail.project.name if detail.project else ""
        self.subtitle.setText(
            " · ".join(
                x
                for x in (detail.borrower.name, project, labels.money(loan.amount, loan.currency))
                if x
            )
        )
        has_kpis = bool(loan.kpis)
        self.tabs.setTabVisible(self._kpi_index, has_kpis)
        self.allocation_tab.show_loan(loan.reference, loan.status, bool(loan.use_of_proceeds))
        editable = detail.may(Action.EDIT_APPLICATION)
        self._add_pledge.setVisible(editable)
        self._edit_pledge.setVisible(editable)
        self._remove_pledge.setVisible(editable)
        ticket = self._latest.next()
        self._pending = {
            self._page["overview"]: lambda: self._show_overview(detail),
            self._page["schedule"]: lambda: self._start_schedule(loan_id, ticket),
            self._page["collateral"]: lambda: self._show_collateral(detail),
            self._page["classification"]: lambda: self._show_classification(detail),
            self._page["history"]: lambda: self._show_history(loan_id),
            self._page["kpi"]: lambda: self.kpi_tab.show_loan(loan.reference, loan.status),
            self._page["programmes"]: lambda: self.programmes.show_loan(loan_id),
        }
        self._fill_current_tab()
        self.classification_ready.emit()

    def show_tab(self, name: str) -> None:
        """Bring a tab to the front (overview, schedule, collateral, classification, history,
        kpi, programmes); it is filled for the shown loan if it was not yet."""
        self.tabs.setCurrentWidget(self._page[name])

    def _fill_current_tab(self) -> None:
        fill = self._pending.pop(self.tabs.currentWidget(), None)
        if fill is not None:
            fill()

    def _show_overview(self, detail: LoanDetail) -> None:
        self.overview.show(detail)
        self.overview.show_classification(detail.classification)
        self.committee.show_detail(detail)

    def _show_classification(self, detail: LoanDetail) -> None:
        self.classification.show(detail)
        self.classification.show_info(detail.classification)

    def _show_collateral(self, detail: LoanDetail) -> None:
        self.collateral.show(detail, load_collateral(self._db, detail.loan.id))
        self._pledge_selection(QItemSelection(), QItemSelection())

    def _show_history(self, loan_id: int) -> None:
        trail = load_history(self._db, self._actor, loan_id)
        self.history.show(trail.rows, trail.people)

    def open_evidence(self, item_id: str | None = None) -> None:
        """The evidence page of the shown loan (on ``item_id``); reload if anything was supplied."""
        from greendesk.ui.dialogs.evidence import EvidenceDialog

        if self.detail is None:
            return
        dialog = EvidenceDialog(
            self, self._db, self._actor, self._tasks, self.detail.loan.id, item_id
        )
        self.evidence_dialog = dialog
        dialog.finished.connect(lambda _r: self._evidence_closed(dialog))
        open_transient(dialog)

    def _evidence_closed(self, dialog: QWidget) -> None:
        self.evidence_dialog = None
        if getattr(dialog, "changed", False):
            self._reload()

    def _reload(self) -> None:
        if self.detail is not None:
            self.show_loan(self.detail.loan.id)

    def _cerf_report(self) -> None:
        from greendesk.ui.dialogs.cerf_report import CerfReportDialog
        from greendesk.ui.views.language import content_language

        open_transient(CerfReportDialog(self._db, self._tasks, content_language(), self))

    def _terms_text(self) -> str:
        assert self.detail is not None
        loan = self.detail.loan
        parts = [
            rate_text(loan.rate_kind, loan),
            labels.word(loan.method),
            labels.word(loan.frequency),
            loan.day_count,
            labels.word(loan.calendar),
            labels.word(loan.business_day),
        ]
        if loan.grace_periods:
            parts.append(
                QCoreApplication.translate("LoanDetail", "{n} grace periods").format(
                    n=loan.grace_periods
                )
            )
        if loan.lenders:
            parts.append(
                QCoreApplication.translate("LoanDetail", "{n} lenders").format(n=len(loan.lenders))
            )
        return " · ".join(parts)

    def _start_schedule(self, loan_id: int, ticket: int) -> None:
        self.schedule_tab.waiting(self._terms_text())
        db, latest = self._db, self._latest

        def work(_progress: Progress) -> tuple[int, Schedule] | None:
            if not latest.is_latest(ticket):
                return None  # another loan was selected before this job started
            return loan_id, loan_schedule(db, loan_id)

        self._tasks.run(
            work,
            self._schedule_done,
            label=QCoreApplication.translate("LoanDetail", "Computing the schedule…"),
            on_error=self._schedule_failed(loan_id),
            parent=self,
        )

    def _schedule_done(self, result: tuple[int, Schedule] | None) -> None:
        if result is None:
            return
        loan_id, schedule = result
        if self.detail is None or self.detail.loan.id != loan_id:
            return
        self.schedule_tab.show(schedule)
        self.schedule_ready.emit()

    def _schedule_failed(self, loan_id: int) -> Callable[[BaseException, str], None]:
        def failed(exc: BaseException, details: str) -> None:
            if self.detail is None or self.detail.loan.id != loan_id:
                return
            if isinstance(exc, UserError):
                self.schedule_tab.failed(str(exc))
            else:
                self.schedule_tab.failed(type(exc).__name__)
                messages.show_exception(self, exc, details)
            self.schedule_ready.emit()

        return failed

    # -- pledges
    def _selected_pledge_id(self) -> int | None:
        rows = self._pledge_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.collateral.pledge_id(rows[0].row())

    def _pledge_selection(self, _a: QItemSelection, _b: QItemSelection) -> None:
        chosen = self._selected_pledge_id() is not None
        self._edit_pledge.setEnabled(chosen)
        self._remove_pledge.setEnabled(chosen)

    def _edit_selected_pledge(self) -> None:
        pledge_id = self._selected_pledge_id()
        detail = self.detail
        if pledge_id is not None and detail is not None and detail.may(Action.EDIT_APPLICATION):
            self.edit_pledge_requested.emit(pledge_id)

    def _remove_selected_pledge(self) -> None:
        pledge_id = self._selected_pledge_id()
        if pledge_id is not None:
            self.remove_pledge_requested.emit(pledge_id)
