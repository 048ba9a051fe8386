"""What the main window's actions do: open editors, move the workflow, run reports and backups.

Every change goes through a service with the signed-in user as actor and the version the window
last saw (so a concurrent change is reported, not overwritten). Refusals arrive as ``UserError``
and are shown plainly; anything else goes to the error dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from greendesk import __version__
from greendesk.domain.roles import Action
from greendesk.domain.secrets import mask_secrets
from greendesk.services import workflow
from greendesk.services.records import borrowers, loans, pledges, projects
from greendesk.services.records.inputs import ClassificationOverrideInput
from greendesk.ui import labels, messages
from greendesk.ui.dialog_life import open_transient
from greendesk.ui.dialogs.calendar import CalendarDialog
from greendesk.ui.dialogs.market_data import MarketDataDialog
from greendesk.ui.dialogs.note import NoteDialog, VoteDialog
from greendesk.ui.dialogs.pledge import PledgeDialog
from greendesk.ui.dialogs.quorum import QuorumDialog
from greendesk.ui.dialogs.users import PasswordDialog, UsersDialog
from greendesk.ui.views.detail_data import LoanDetail
from greendesk.ui.views.language import content_language

if TYPE_CHECKING:
    from greendesk.ui.main_window import MainWindow


class Commands:
    """Connects the window's actions to services and dialogs.

    The editors, the report dialogs and the backup dialog are imported when first opened: with
    their services and engines (reportlab, openpyxl, numpy) they were a third of the window's start.
    """

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.dialog: QDialog | None = None  # the last dialog opened (tests drive it)
        connect = {
            "actionNewLoan": self.new_loan,
            "actionEditLoan": self.edit_loan,
            "actionNewBorrower": self.new_borrower,
            "actionEditBorrower": self.edit_borrower,
            "actionNewProject": self.new_project,
            "actionEditProject": self.edit_project,
            "actionNewPledge": self.new_pledge,
            "actionSubmit": lambda: self._move(
                workflow.submit, QCoreApplication.translate("Commands", "Submitted")
            ),
            "actionStartReview": lambda: self._move(
                workflow.start_review, QCoreApplication.translate("Commands", "Review started")
            ),
            "actionDecide": lambda: self._move(
                workflow.decide, QCoreApplication.translate("Commands", "Decision recorded")
            ),
            "actionDisburse": lambda: self._move(
                workflow.disburse, QCoreApplication.translate("Commands", "Disbursed")
            ),
            "actionClose": lambda: self._move(
                workflow.close, QCoreApplication.translate("Commands", "Closed")
            ),
            "actionReopen": self.reopen,
            "actionVote": self.vote,
            "actionReturn": self.return_for_changes,
            "actionMemo": self.memo,
            "actionExport": self.export,
            "actionBackup": self.backup,
            "actionAbout": self.about,
            "actionUsers": self.users,
            "actionMarketData": self.market_data,
            "actionCalendar": self.holiday_calendar,
            "actionQuorum": self.quorum,
            "actionChangePassword": self.change_password,
        }
        for name, slot in connect.items():
            window.action(name).triggered.connect(lambda _c=False, s=slot: s())
        detail = window.detail
        detail.add_pledge_requested.connect(self.new_pledge)
        detail.edit_pledge_requested.connect(self.edit_pledge)
        detail.remove_pledge_requested.connect(self.remove_pledge)
        detail.override_requested.connect(self.save_override)
        detail.clear_override_requested.connect(self.clear_override)
        detail.conditions_changed.connect(self._refresh_loan)

    # -- helpers
    @property
    def detail(self) -> LoanDetail | None:
        return self.w.detail.detail

    def _guard(self, fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        except Exception as exc:  # routed: user errors plainly, bugs to the error dialog
            messages.show_exception(self.w, exc)
            return None

    def _open(self, dialog: QDialog, on_accept: Callable[[], None]) -> QDialog:
        self.dialog = dialog
        dialog.accepted.connect(on_accept)
        open_transient(dialog)
        return dialog

    def _status(self, text: str) -> None:
        self.w.statusBar().showMessage(mask_secrets(text), 6000)

    # -- records
    def new_loan(self) -> None:
        from greendesk.ui.dialogs.loan import LoanDialog

        dialog = LoanDialog(self.w.db, self.w.actor, None, self.w)
        self._open(dialog, lambda: self._loan_saved(dialog.saved.id))

    def edit_loan(self) -> None:
        from greendesk.ui.dialogs.loan import LoanDialog

        current = self.detail
        if current is None:
            return
        terms = self._guard(lambda: loans.get_loan_terms(self.w.db, current.loan.id))
        if terms is None:
            return
        if not terms.editable:
            messages.user_error(
                self.w,
                QCoreApplication.translate(
                    "Commands",
                    "The terms of {ref} are frozen while it is {status}. Reopen it as a new "
                    "version to change them.",
                ).format(ref=terms.reference, status=labels.status_text(terms.status)),
            )
            return
        dialog = LoanDialog(self.w.db, self.w.actor, terms, self.w)
        self._open(dialog, lambda: self._loan_saved(dialog.saved.id))

    def _loan_saved(self, loan_id: int) -> None:
        self.w.reload(keep=loan_id)
        self.w.loan_changed(loan_id)
        self._status(QCoreApplication.translate("Commands", "Saved"))

    def new_borrower(self) -> None:
        from greendesk.ui.dialogs.borrower import BorrowerDialog

        dialog = BorrowerDialog(self.w.db, self.w.actor, None, self.w)
        self._open(
            dialog,
            lambda: self._status(
                QCoreApplication.translate("Commands", "Borrower {} saved").format(
                    dialog.saved.name
                )
            ),
        )

    def edit_borrower(self) -> None:
        from greendesk.ui.dialogs.borrower import BorrowerDialog

        current = self.detail
        if current is None:
            return
        record = self._guard(lambda: borrowers.get_borrower(self.w.db, current.borrower.id))
        if record is None:
            return
        dialog = BorrowerDialog(self.w.db, self.w.actor, record, self.w)
        self._open(dialog, lambda: self._refresh_loan(current.loan.id))

    def new_project(self) -> None:
        from greendesk.ui.dialogs.project import ProjectDialog

        current = self.detail
        borrower_id = current.borrower.id if current else None
        dialog = ProjectDialog(self.w.db, self.w.actor, None, borrower_id, self.w)
        self._open(
            dialog,
            lambda: self._status(
                QCoreApplication.translate("Commands", "Project {} saved").format(dialog.saved.name)
            ),
        )

    def edit_project(self) -> None:
        from greendesk.ui.dialogs.project import ProjectDialog

        current = self.detail
        if current is None or current.project is None:
            return
        project_id = current.project.id
        record = self._guard(lambda: projects.get_project(self.w.db, project_id))
        if record is None:
            return
        dialog = ProjectDialog(self.w.db, self.w.actor, record, None, self.w)
        self._open(dialog, lambda: self._refresh_loan(current.loan.id))

    def _refresh_loan(self, loan_id: int) -> None:
        self.w.loan_changed(loan_id)
        self._status(QCoreApplication.translate("Commands", "Saved"))

    def new_pledge(self) -> None:
        current = self.detail
        if current is None:
            return
        dialog = PledgeDialog(self.w.db, self.w.actor, current.loan.id, None, self.w)
        self._open(dialog, lambda: self._refresh_loan(current.loan.id))

    def edit_pledge(self, pledge_id: int) -> None:
        current = self.detail
        if current is None:
            return
        record = self._guard(lambda: pledges.get_pledge(self.w.db, pledge_id))
        if record is None:
            return
        dialog = PledgeDialog(self.w.db, self.w.actor, current.loan.id, record, self.w)
        self._open(dialog, lambda: self._refresh_loan(current.loan.id))

    def remove_pledge(self, pledge_id: int) -> None:
        current = self.detail
        if current is None:
            return
        record = next((p for p in current.pledges if p.id == pledge_id), None)
        if record is None:
            return
        box = QMessageBox(self.w)
        box.setObjectName("confirmRemovePledge")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("Commands", "Remove pledge"))
        box.setText(
            QCoreApplication.translate(
                "Commands", "Release pledge {n} ({type}) from {ref}?"
            ).format(n=record.seq, type=record.collateral_type, ref=current.loan.reference)
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)

        def clicked(button: Any) -> None:
            if box.standardButton(button) != QMessageBox.StandardButton.Yes:
                return

            def remove() -> bool:
                pledges.remove_pledge(
                    self.w.db, self.w.actor, pledge_id, expected_version=record.version
                )
                return True

            if self._guard(remove):
                self._refresh_loan(current.loan.id)

        box.buttonClicked.connect(clicked)
        self.confirm_box = box
        box.open()

    def save_override(self, primary: str, reason: str) -> None:
        current = self.detail
        if current is None:
            return
        data = ClassificationOverrideInput(primary=primary, reason=reason)
        done = self._guard(
            lambda: loans.set_classification_override(
                self.w.db,
                self.w.actor,
                current.loan.id,
                data,
                expected_version=current.loan.version,
            )
        )
        if done is not None:
            self._refresh_loan(current.loan.id)

    def clear_override(self) -> None:
        current = self.detail
        if current is None:
            return
        done = self._guard(
            lambda: loans.clear_classification_override(
                self.w.db, self.w.actor, current.loan.id, expected_version=current.loan.version
            )
        )
        if done is not None:
            self._refresh_loan(current.loan.id)

    # -- workflow
    def _version(self, current: LoanDetail) -> int | None:
        return current.state.version if current.state is not None else None

    def _move(self, service: Callable[..., workflow.WorkflowState], done_text: str) -> None:
        current = self.detail
        if current is None:
            return
        state = self._guard(
            lambda: service(self.w.db, self.w.actor, current.loan.id, self._version(current))
        )
        if state is not None:
            self.w.loan_changed(current.loan.id)
            self._status(f"{current.loan.reference}: {done_text}")

    def reopen(self) -> None:
        current = self.detail
        if current is None:
            return
        state = self._guard(
            lambda: workflow.reopen(
                self.w.db, self.w.actor, current.loan.id, self._version(current)
            )
        )
        if state is not None:
            self.w.reload(keep=state.loan_id)
            self.w.loan_changed(state.loan_id)
            self._status(
                QCoreApplication.translate("Commands", "{ref} reopened as version {v}").format(
                    ref=state.reference, v=state.application_version
                )
            )

    def vote(self) -> None:
        current = self.detail
        if current is None:
            return
        loan_id = current.loan.id

        def submit(decision: str, conditions: str, comment: str) -> None:
            workflow.vote(self.w.db, self.w.actor, loan_id, decision, conditions, comment)

        text = f"{current.loan.reference} · {current.borrower.name} · " + labels.money(
            current.loan.amount, current.loan.currency
        )
        dialog = VoteDialog(self.w, text, submit)
        self._open(dialog, lambda: self._refresh_loan(loan_id))

    def return_for_changes(self) -> None:
        current = self.detail
        if current is None:
            return
        loan_id, version = current.loan.id, self._version(current)

        def submit(reason: str) -> None:
            workflow.return_for_changes(self.w.db, self.w.actor, loan_id, reason, version)

        dialog = NoteDialog(
            self.w,
            QCoreApplication.translate("Commands", "Return for changes"),
            QCoreApplication.translate(
                "Commands", "Why is the application returned? The officer reads this."
            ),
            submit,
        )
        self._open(dialog, lambda: self._refresh_loan(loan_id))

    # -- reports and backups
    def memo(self) -> None:
        from greendesk.ui.dialogs.memo import MemoDialog

        current = self.detail
        if current is None or not self.w.actor.may(Action.EXPORT):
            return
        dialog = MemoDialog(
            self.w.db,
            current.loan.reference,
            self.w.tasks,
            content_language(),
            self.w,
            unit=labels.money_unit(),  # View → Amounts in, as the list and the detail show it
        )
        self.dialog = dialog
        open_transient(dialog)
        dialog.start_render()

    def export(self) -> None:
        from greendesk.ui.dialogs.export import ExportDialog

        dialog = ExportDialog(self.w.db, self.w.tasks, content_language(), self.w)
        dialog.exported.connect(
            lambda path: self._status(
                QCoreApplication.translate("Commands", "Workbook written: {}").format(path)
            )
        )
        self.dialog = dialog
        open_transient(dialog)

    def backup(self) -> None:
        from greendesk.ui.dialogs.backup import BackupDialog

        dialog = BackupDialog(self.w.db, self.w.actor, self.w.settings, self.w.tasks, self.w)
        dialog.restore_requested.connect(lambda path: self._restore(dialog, Path(path)))
        self.dialog = dialog
        open_transient(dialog)

    def _restore(self, dialog: QDialog, path: Path) -> None:
        dialog.accept()
        self.w.restore_requested.emit(str(path))

    # -- administration
    def users(self) -> None:
        self.dialog = UsersDialog(self.w.db, self.w.actor, self.w)
        open_transient(self.dialog)

    def market_data(self) -> None:
        dialog = MarketDataDialog(self.w.db, self.w.actor, self.w, self.w.tasks)
        dialog.changed.connect(self.w.refresh)  # revalued loans: coverage in list and detail
        self.dialog = dialog
        open_transient(dialog)

    def holiday_calendar(self) -> None:
        dialog = CalendarDialog(self.w.db, self.w.actor, self.w, self.w.tasks)
        dialog.changed.connect(self.w.refresh)  # re-derived loans: schedules in the detail
        self.dialog = dialog
        open_transient(dialog)

    def quorum(self) -> None:
        dialog = QuorumDialog(self.w.db, self.w.actor, self.w)

        def saved() -> None:
            self.w.refresh()  # whether a decision may be recorded now depends on the quorum
            self._status(QCoreApplication.translate("Commands", "Committee quorum saved"))

        self._open(dialog, saved)

    def change_password(self) -> None:
        dialog = PasswordDialog(self.w.db, self.w.actor, None, "", self.w)

        def changed() -> None:
            self._status(QCoreApplication.translate("Commands", "Your password was changed"))
            self.w.show_demo_flag()

        self._open(dialog, changed)

    def about(self) -> None:
        messages.information(
            self.w,
            QCoreApplication.translate(
                "Commands",
                "GreenDesk {v}\nGreen-finance loan origination for bank branches.\nDatabase: {db}",
            ).format(v=__version__, db=self.w.db.describe()),
            QCoreApplication.translate("Commands", "About GreenDesk"),
        )
