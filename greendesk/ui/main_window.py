"""The main window: the loan list on the left, the selected loan's detail on the right.

Layout, menus, toolbar and shortcuts come from ``forms/main_window.ui``; this module wires them.
Actions a role may never take are hidden; workflow actions the loan's state does not allow now
are disabled. What each action does lives in :mod:`greendesk.ui.commands`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelection, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from greendesk.domain.errors import UserError
from greendesk.domain.roles import PERMISSIONS, Action, Principal
from greendesk.domain.validation import CLASSIFICATIONS, LOAN_STATUSES
from greendesk.services import auth, portfolio
from greendesk.services.loan_filter import LoanFilter
from greendesk.store.database import Database
from greendesk.ui import error_text, labels, messages
from greendesk.ui.commands import Commands
from greendesk.ui.forms import child, setup_form
from greendesk.ui.i18n import LANGUAGES
from greendesk.ui.list_columns import ListColumns, two_lines
from greendesk.ui.models.loan_table import STATUS_COLUMN, LoanTableModel
from greendesk.ui.money_units import unit_actions
from greendesk.ui.resources import icon
from greendesk.ui.settings import Settings
from greendesk.ui.views.detail import LoanDetailView
from greendesk.ui.views.filter_bar import FilterBar
from greendesk.ui.workers import Tasks

if TYPE_CHECKING:
    from greendesk.ui.views.dashboard import DashboardDialog

SEARCH_DELAY_MS = 250

ICONS = {
    "actionNewLoan": "loan-new",
    "actionEditLoan": "edit",
    "actionNewBorrower": "borrower",
    "actionEditBorrower": "borrower",
    "actionNewProject": "project",
    "actionEditProject": "project",
    "actionNewPledge": "pledge",
    "actionSubmit": "submit",
    "actionStartReview": "review",
    "actionVote": "vote",
    "actionDecide": "approve",
    "actionReturn": "return",
    "actionDisburse": "disburse",
    "actionClose": "close",
    "actionReopen": "reopen",
    "actionMemo": "memo",
    "actionExport": "export",
    "actionBackup": "backup",
    "actionRefresh": "refresh",
    "actionDashboard": "dashboard",
    "actionFocusSearch": "search",
    "actionLogout": "logout",
    "actionChangePassword": "pledge",
    "actionUsers": "user",
    "actionQuorum": "vote",
    "menuLanguage": "language",
}

# Workflow actions: which permission they need, hidden for roles that never have it.
WORKFLOW_ACTIONS: dict[str, Action] = {
    "actionSubmit": Action.SUBMIT,
    "actionStartReview": Action.START_REVIEW,
    "actionVote": Action.VOTE,
    "actionDecide": Action.DECIDE,
    "actionReturn": Action.RETURN,
    "actionDisburse": Action.DISBURSE,
    "actionClose": Action.CLOSE,
    "actionReopen": Action.REOPEN,
}
# Administration: hidden for roles that may never use them (the services refuse them anyway).
ADMIN_ACTIONS: dict[str, Action] = {
    "actionUsers": Action.MANAGE_USERS,
    "actionMarketData": Action.EDIT_REFERENCE_DATA,
    "actionQuorum": Action.CONFIGURE_WORKFLOW,
}
EDIT_ACTIONS = (
    "actionNewLoan",
    "actionEditLoan",
    "actionNewBorrower",
    "actionEditBorrower",
    "actionNewProject",
    "actionEditProject",
    "actionNewPledge",
)
NEEDS_LOAN = ("actionEditLoan", "actionEditBorrower", "actionEditProject", "actionNewPledge",
              "actionMemo")  # fmt: skip

# Column widths in characters of the default font: reference, borrower, project, region,
# amount, status, class, start, maturity.
COLUMN_CHARS = (15, 21, 19, 9, 16, 7, 8, 10, 10)
DETAIL_MIN_PX = 480  # the detail pane's cards stack in one column below 680 px, readable here


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    logout_requested = Signal()
    restore_requested = Signal(str)

    def __init__(
        self,
        db: Database,
        actor: Principal,
        settings: Settings,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        setup_form(self, "main_window")
        self.db = db
        self.actor = actor
        self.settings = settings
        self.tasks = Tasks(self)
        self.table = child(self, QTableView, "loanTable")
        self.search = child(self, QLineEdit, "searchEdit")
        self.count_label = child(self, QLabel, "countLabel")
        self.list_stack = child(self, QStackedWidget, "listStack")
        self.empty_label = child(self, QLabel, "emptyState")
        self.splitter = child(self, QSplitter, "splitter")
        self.model = LoanTableModel(db, self, tasks=self.tasks)
        self._keep: int | None = None  # the loan to keep selected when the new ids arrive
        self.model.reloaded.connect(lambda: self._after_reload(self._keep))
        self.filter_bar = FilterBar(self)
        list_layout = child(self, QWidget, "listPane").layout()
        assert isinstance(list_layout, QVBoxLayout)
        list_layout.insertWidget(1, self.filter_bar)
        self.filter_bar.changed.connect(self._apply_filters)
        self.dashboard: DashboardDialog | None = None
        self.detail = LoanDetailView(db, actor, self.tasks, self)
        host = child(self, QWidget, "detailHost")
        layout = host.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(self.detail)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self._setup_table()
        self._setup_actions(language)
        self._setup_status()
        self.commands = Commands(self)
        self.table.doubleClicked.connect(lambda _index: self._open_current())
        self.reload()
        self._load_choices()
        self._first_layout = False
        self._restore_layout()

    # -- set-up
    def action(self, name: str) -> QAction:
        return child(self, QAction, name)

    def _setup_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(26)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        metrics = table.fontMetrics()
        width = metrics.averageCharWidth()
        for column, chars in enumerate(COLUMN_CHARS):
            table.setColumnWidth(column, chars * width + 16)
        # coded columns: as wide as their longest word in the interface language (bold status)
        widest_status = max(two_lines(metrics, labels.status_text(s)) for s in LOAN_STATUSES)
        widest_class = max(metrics.horizontalAdvance(labels.word(c)) for c in CLASSIFICATIONS)
        # never cut a status: a long one ("approved with conditions") takes the row's two lines
        table.setColumnWidth(STATUS_COLUMN, widest_status * 11 // 10 + 18)
        table.setColumnWidth(STATUS_COLUMN + 1, min(widest_class, 14 * width) + 18)
        header.setStretchLastSection(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list_columns = ListColumns(table)  # borrower and project share what is left
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._apply_search)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)

    def _setup_actions(self, language: str) -> None:
        for name, icon_name in ICONS.items():
            found = self.findChild(QAction, name)
            if found is not None:
                found.setIcon(icon(icon_name))
        self.money_units = unit_actions(child(self, QMenu, "menuView"), self.settings, self.refresh)
        self.action("actionFocusSearch").triggered.connect(self._focus_search)
        self.action("actionRefresh").triggered.connect(self.refresh)
        self.action("actionDashboard").triggered.connect(self.show_dashboard)
        self.action("actionQuit").triggered.connect(self.close)
        self.action("actionQuit").setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.action("actionLogout").triggered.connect(self.logout_requested.emit)
        group = QActionGroup(self)
        for code, name in (("zh_CN", "actionLangZh"), ("en", "actionLangEn")):
            lang_action = self.action(name)
            lang_action.setText(LANGUAGES[code])
            group.addAction(lang_action)
            lang_action.setChecked(code == language)
            lang_action.triggered.connect(
                lambda _checked=False, c=code: self.language_requested.emit(c)
            )
        can_edit = self.actor.may(Action.EDIT_APPLICATION)
        for name in EDIT_ACTIONS:
            self.action(name).setVisible(can_edit)
        for name, needed in WORKFLOW_ACTIONS.items():
            self.action(name).setVisible(self.actor.role in PERMISSIONS[needed])
        self.action("actionExport").setVisible(self.actor.may(Action.EXPORT))
        self.action("actionMemo").setVisible(self.actor.may(Action.EXPORT))
        self.action("actionBackup").setVisible(
            self.actor.may(Action.BACKUP) or self.actor.may(Action.RESTORE)
        )
        allowed = [name for name, needed in ADMIN_ACTIONS.items() if self.actor.may(needed)]
        for name in ADMIN_ACTIONS:
            self.action(name).setVisible(name in allowed)
        child(self, QMenu, "menuAdmin").menuAction().setVisible(bool(allowed))
        _tidy_separators(child(self, QToolBar, "mainToolBar"))

    def _setup_status(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel(
            f"{self.actor.display_name} ({labels.role_text(self.actor.role)})", self
        )
        self.user_label.setObjectName("userLabel")
        self.db_label = QLabel(self.db.describe(), self)
        self.db_label.setObjectName("databaseLabel")
        bar.addPermanentWidget(self.user_label)
        # the public demo password: fine in the demo database, never unnoticed
        self.demo_label = QLabel(
            QCoreApplication.translate(
                "MainWindow", "Demo password — change it (File → Change my password…)"
            ),
            self,
        )
        self.demo_label.setObjectName("demoPasswordLabel")
        self.demo_label.setStyleSheet("color: #B3261E; font-weight: 600;")
        bar.addPermanentWidget(self.demo_label)
        self.show_demo_flag()
        bar.addPermanentWidget(self.db_label)
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "GreenDesk — green loan desk"))

    def show_demo_flag(self) -> None:
        """Flag the account while it still holds the public demo password."""
        self.demo_label.setVisible(auth.user_info(self.db, self.actor.username).demo_password)

    def _restore_layout(self) -> None:
        geometry = self.settings.geometry("main_window")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(_first_size(self))
        splitter = self.settings.geometry("main_splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            # every list column on screen at 1440 px; the detail's cards wrap in the rest
            list_width = self.width() * 63 // 100
            self.splitter.setSizes([list_width, self.width() - list_width])
            self._first_layout = True  # widened on the first show if the list lacks room

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_layout:
            QTimer.singleShot(0, self, self._give_list_room)  # not after the window is gone

    def _give_list_room(self) -> None:
        """On the first show without a remembered layout: widen the list (English headings are
        wider) so that every column fits, keeping the detail at least ``DETAIL_MIN_PX``."""
        self._first_layout = False
        short = self.list_columns.shortfall()
        left, right = self.splitter.sizes()
        give = min(short, max(0, right - DETAIL_MIN_PX))
        if give > 0:
            self.splitter.setSizes([left + give, right - give])

    # -- list
    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _apply_search(self) -> None:
        self._search_timer.stop()
        self._keep = self.current_loan_id()
        self.model.set_search(self.search.text())

    def _apply_filters(self, wanted: LoanFilter) -> None:
        self._keep = self.current_loan_id()
        self.model.ask(filters=wanted, on_error=self._filter_refused)

    def _filter_refused(self, exc: BaseException, details: str) -> None:
        if isinstance(exc, UserError):
            self.filter_bar.message.setText(error_text.window_text(exc))
            self.filter_bar.message.show()
        else:
            messages.show_exception(self, exc, details)

    def show_dashboard(self) -> None:
        """The dashboard of the loans the list shows (its filters and search words)."""
        if self.dashboard is None:
            from greendesk.ui.views.dashboard import DashboardDialog  # its charts: when first asked

            self.dashboard = DashboardDialog(self.db, self.tasks, self)
            self.dashboard.open_filter.connect(self.open_filtered)
        self.dashboard.load(self.model.filters.with_(search=self.model.search))
        self.dashboard.show()
        self.dashboard.raise_()

    def open_filtered(self, wanted: LoanFilter) -> None:
        """List the loans behind a dashboard figure."""
        if wanted.search != self.search.text().strip():
            self.search.setText(wanted.search)  # the timer then asks with the bar's filter
        self.filter_bar.set_filter(wanted)
        self.raise_()
        self.activateWindow()

    def _load_choices(self) -> None:
        self.tasks.run(
            lambda _progress: portfolio.filter_choices(self.db),
            self.filter_bar.set_choices,
            label="",
        )

    def reload(self, keep: int | None = None) -> None:
        """Re-read the loan list now (keeping the selection on ``keep`` or the current loan)."""
        self._keep = keep if keep is not None else self.current_loan_id()
        self.model.reload()

    def _after_reload(self, selected: int | None) -> None:
        total = self.model.rowCount()
        self.count_label.setText(
            QCoreApplication.translate("MainWindow", "{n} loans").format(n=f"{total:,}")
        )
        if total == 0:
            self.list_stack.setCurrentIndex(1)
            self.empty_label.setText(
                QCoreApplication.translate("MainWindow", "No loan matches “{text}”.").format(
                    text=self.model.search
                )
                if self.model.search
                else QCoreApplication.translate("MainWindow", "No loan matches the filters.")
                if self.model.filters.active
                else QCoreApplication.translate(
                    "MainWindow", "No loans yet. Start one with New loan (Ctrl+N)."
                )
            )
        else:
            self.list_stack.setCurrentIndex(0)
        row = self.model.row_of(selected) if selected is not None else None
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self.table.clearSelection()
            self.detail.clear()
            self._update_actions()

    def refresh(self) -> None:
        self.reload()
        loan_id = self.current_loan_id()
        if loan_id is not None:
            self.detail.show_loan(loan_id)
            self._update_actions()

    def current_loan_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.loan_id(rows[0].row()) if rows else None

    def select_loan(self, loan_id: int) -> bool:
        row = self.model.row_of(loan_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        loan_id = self.current_loan_id()
        if loan_id is None:
            self.detail.clear()
        else:
            self.detail.show_loan(loan_id)
        self._update_actions()

    def _open_current(self) -> None:
        """Double-click or Enter on a loan: edit it when its terms may change, else show terms."""
        detail = self.detail.detail
        if detail is not None and detail.may(Action.EDIT_APPLICATION):
            self.commands.edit_loan()
        elif detail is not None:
            self.detail.tabs.setCurrentIndex(1)

    def _update_actions(self) -> None:
        detail = self.detail.detail
        for name, needed in WORKFLOW_ACTIONS.items():
            self.action(name).setEnabled(detail is not None and detail.may(needed))
        for name in NEEDS_LOAN:
            self.action(name).setEnabled(detail is not None)
        if detail is not None:
            self.action("actionEditLoan").setEnabled(detail.may(Action.EDIT_APPLICATION))
            self.action("actionNewPledge").setEnabled(detail.may(Action.EDIT_APPLICATION))
            self.action("actionEditProject").setEnabled(detail.project is not None)

    def loan_changed(self, loan_id: int) -> None:
        """After a change to one loan: refresh its row and its detail."""
        self.model.refresh_rows([loan_id])
        if self.current_loan_id() == loan_id:
            self.detail.show_loan(loan_id)
        self._update_actions()

    # -- closing
    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set_geometry("main_window", self.saveGeometry())
        self.settings.set_geometry("main_splitter", self.splitter.saveState())
        self.settings.sync()
        self.tasks.wait(30_000)
        super().closeEvent(event)


def _tidy_separators(toolbar: QToolBar) -> None:
    """Hide separators left at an edge or doubled once a role's hidden actions are gone."""
    pending: QAction | None = None
    seen_action = False
    for item in toolbar.actions():
        if item.isSeparator():
            item.setVisible(False)
            if seen_action:
                pending = item
        elif item.isVisible():
            if pending is not None:
                pending.setVisible(True)
                pending = None
            seen_action = True


def _first_size(window: QMainWindow) -> QSize:
    """1480×900, or the screen's available area when that is smaller (a 1366 or 1440 laptop)."""
    wanted = QSize(1480, 900)
    screen = window.screen()
    if screen is None:
        return wanted
    return wanted.boundedTo(screen.availableGeometry().size())
