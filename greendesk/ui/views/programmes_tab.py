"""The programmes tab: each policy programme's verdict on the loan, and the carbon account.

Eligibility (conditions met and missing, eligible outstanding, refinancing, funding benefit),
the borrower's carbon-account grade with the pricing policy's proposal, its history and any
open repricing review are read on a worker thread; a newer selection wins. The CERF quarterly
disclosure is exported from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QTableView, QWidget

from greendesk.domain.errors import UserError
from greendesk.services.carbon_accounts import (
    AccountRecord,
    CarbonAccount,
    ReviewAlert,
    loan_carbon_account,
    open_reviews,
)
from greendesk.services.programmes import LoanProgrammes, loan_eligibility
from greendesk.store.database import Database
from greendesk.ui import labels, messages
from greendesk.ui.forms import child, setup_form
from greendesk.ui.models.rows import Column, RowsModel
from greendesk.ui.views.language import content_language
from greendesk.ui.workers import Progress, Tasks

MET = QColor("#1E7A46")
MISSING = QColor("#A32D2D")
NOTE = QColor("#5A6270")


@dataclass(frozen=True)
class FindingRow:
    programme: str
    kind: str  # met / missing / note
    text: str


@dataclass(frozen=True)
class ProgrammesView:
    """Everything the tab shows for one loan, read together off the GUI thread."""

    loan_id: int
    programmes: LoanProgrammes
    account: CarbonAccount
    alerts: tuple[ReviewAlert, ...]


def load_view(db: Database, loan_id: int, as_of: date) -> ProgrammesView:
    return ProgrammesView(
        loan_id,
        loan_eligibility(db, loan_id, as_of),
        loan_carbon_account(db, loan_id),
        tuple(open_reviews(db, loan_id)),
    )


class ProgrammesTab(QWidget):
    ready = Signal()
    report_requested = Signal()

    def __init__(self, db: Database, tasks: Tasks, parent: QWidget) -> None:
        super().__init__(parent)
        setup_form(self, "programmes_tab")
        self._db = db
        self._tasks = tasks
        self._loan_id: int | None = None
        self.summary = child(self, QLabel, "programmesSummary")
        self.account_summary = child(self, QLabel, "carbonAccountSummary")
        self.alerts = child(self, QLabel, "repricingAlerts")
        self.alerts.setStyleSheet(f"color: {MISSING.name()};")
        self.table = child(self, QTableView, "programmesTable")
        self.history_table = child(self, QTableView, "carbonHistoryTable")
        child(self, QPushButton, "cerfReportButton").clicked.connect(self.report_requested.emit)
        kinds = {
            "met": QCoreApplication.translate("ProgrammesTab", "met"),
            "missing": QCoreApplication.translate("ProgrammesTab", "missing"),
            "note": QCoreApplication.translate("ProgrammesTab", "note"),
        }
        colours = {"met": MET, "missing": MISSING, "note": NOTE}
        self.model: RowsModel[FindingRow] = RowsModel(
            [
                Column(
                    QCoreApplication.translate("ProgrammesTab", "Programme"), lambda r: r.programme
                ),
                Column(
                    QCoreApplication.translate("ProgrammesTab", "Status"),
                    lambda r: kinds[r.kind],
                    colour=lambda r: colours[r.kind],
                ),
                Column(
                    QCoreApplication.translate("ProgrammesTab", "Condition or note"),
                    lambda r: r.text,
                ),
            ],
            self,
        )
        self.history: RowsModel[AccountRecord] = RowsModel(
            [
                Column(
                    QCoreApplication.translate("ProgrammesTab", "Assessed"),
                    lambda r: r.assessed_on.isoformat(),
                ),
                Column(QCoreApplication.translate("ProgrammesTab", "Grade"), lambda r: r.grade),
                Column(
                    QCoreApplication.translate("ProgrammesTab", "Platform"), lambda r: r.platform
                ),
                Column(
                    QCoreApplication.translate("ProgrammesTab", "Intensity"),
                    lambda r: "" if r.intensity is None else f"{r.intensity} {r.intensity_unit}",
                    right=True,
                ),
                Column(QCoreApplication.translate("ProgrammesTab", "Source"), lambda r: r.source),
            ],
            self,
        )
        for view, model in ((self.table, self.model), (self.history_table, self.history)):
            view.setModel(model)
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            view.horizontalHeader().setStretchLastSection(True)
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(0, 150)
        self.table.setColumnWidth(1, 70)

    def show_loan(self, loan_id: int, as_of: date | None = None) -> None:
        self._loan_id = loan_id
        self.summary.setText(QCoreApplication.translate("ProgrammesTab", "Reading the programmes…"))
        self.account_summary.setText("")
        self.alerts.setText("")
        self.model.set_rows([])
        self.history.set_rows([])
        db, day = self._db, as_of or date.today()

        def work(_progress: Progress) -> ProgrammesView:
            return load_view(db, loan_id, day)

        def failed(exc: BaseException, details: str) -> None:
            if self._loan_id == loan_id:
                self.summary.setText(str(exc) if isinstance(exc, UserError) else "—")
                if not isinstance(exc, UserError):
                    messages.show_exception(self, exc, details)
            self.ready.emit()

        self._tasks.run(
            work,
            self._done,
            label=QCoreApplication.translate("ProgrammesTab", "Reading the programmes…"),
            on_error=failed,
            parent=self,
        )

    def _done(self, view: ProgrammesView) -> None:
        if view.loan_id != self._loan_id:
            return
        lang = content_language()
        lp = view.programmes
        lines: list[str] = []
        rows: list[FindingRow] = []
        if lp.error:
            lines.append(lp.error)
        for r in lp.results:
            name = r.name(lang)
            verdict = (
                QCoreApplication.translate("ProgrammesTab", "eligible")
                if r.eligible
                else QCoreApplication.translate("ProgrammesTab", "not eligible")
            )
            version = r.version or "—"
            line = (
                f"{name}（{version}）：{verdict}"
                if lang == "zh"
                else f"{name} ({version}): {verdict}"
            )
            if r.eligible:
                line += " · " + QCoreApplication.translate(
                    "ProgrammesTab", "eligible outstanding {amount}"
                ).format(amount=labels.money(r.eligible_outstanding))
                if r.refinancing is not None:
                    line += " · " + QCoreApplication.translate(
                        "ProgrammesTab", "refinancing {amount} ({share} at {rate})"
                    ).format(
                        amount=labels.money(r.refinancing),
                        share=labels.percent(r.share_of_principal, 0),
                        rate=labels.percent(r.funding_rate, 2),
                    )
                if r.funding_benefit is not None:
                    line += " · " + QCoreApplication.translate(
                        "ProgrammesTab", "funding benefit over the loan's life {amount}"
                    ).format(amount=labels.money(r.funding_benefit))
                if r.annual_co2e_t is not None:
                    line += " · " + QCoreApplication.translate(
                        "ProgrammesTab", "{tonnes} tCO2e a year"
                    ).format(tonnes=f"{r.annual_co2e_t:,.2f}")
            lines.append(line)
            rows += [FindingRow(name, "met", f.in_lang(lang)) for f in r.criteria_met]
            rows += [FindingRow(name, "missing", f.in_lang(lang)) for f in r.missing]
            rows += [FindingRow(name, "note", f.in_lang(lang)) for f in r.notes]
        self.summary.setText("\n".join(lines))
        self.model.set_rows(rows)
        account = view.account
        grade = account.grade or "—"
        text = QCoreApplication.translate("ProgrammesTab", "Carbon-account grade: {grade}").format(
            grade=grade
        )
        if account.proposal is not None:
            text += "\n" + account.proposal.in_lang(lang)
        elif not account.grade:
            text += "\n" + QCoreApplication.translate(
                "ProgrammesTab", "The borrower is not on a carbon-account platform."
            )
        self.account_summary.setText(text)
        self.alerts.setText("\n".join(f"⚑ {a.in_lang(lang)}" for a in view.alerts))
        self.alerts.setVisible(bool(view.alerts))
        self.history.set_rows(list(account.history))
        self.history_table.setVisible(bool(account.history))
        self.ready.emit()
