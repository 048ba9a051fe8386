"""The KPI tab of a carbon-linked loan: each test's observation, verification and result, the
margin history (schedule versions) and the KPI alerts; recording an observation and deciding
overdue tests.

It reads ``services.kpi_readout.loan_kpis`` (a few small queries, like the other tabs' records)
and changes nothing itself: ``services.kpi_recording`` judges, verifies (maker-checker) and moves
the margin, then the tab asks the detail view to reload, so the schedule tab shows the new
version.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QMessageBox, QPushButton, QTableView, QWidget

from greendesk.domain.errors import UserError
from greendesk.domain.kpi.ratchet import OUTCOME_LABELS
from greendesk.domain.roles import Action, Principal
from greendesk.services import kpi_readout, kpi_recording
from greendesk.services.kpi_readout import LoanKpiReport, ObservationRecord, TestLine, VersionLine
from greendesk.services.kpi_settings import OBSERVABLE_STATUSES
from greendesk.store.database import Database
from greendesk.ui import labels, messages
from greendesk.ui.dialogs.kpi_observation import KpiObservationDialog
from greendesk.ui.error_text import window_text
from greendesk.ui.forms import child, setup_form
from greendesk.ui.models.rows import Column, RowsModel
from greendesk.ui.tables import fit_columns
from greendesk.ui.views.language import content_language

MET, MISSED = QColor("#1F6B45"), QColor("#A32D2D")


def _bps(value: int | None) -> str:
    return labels.DASH if value is None else f"{value:+d}"


class KpiTab(QWidget):
    """Shown only for a loan with KPIs; ``changed`` asks the detail view to reload the loan."""

    changed = Signal()

    def __init__(self, db: Database, actor: Principal | None, parent: QWidget) -> None:
        super().__init__(parent)
        setup_form(self, "kpi_tab")
        self._db = db
        self._actor = actor
        self.report: LoanKpiReport | None = None
        self._observations: dict[int, ObservationRecord] = {}
        self.policy = child(self, QLabel, "kpiPolicyLabel")
        self.alerts = child(self, QLabel, "kpiAlertsLabel")
        self.tests_table = child(self, QTableView, "kpiTestsTable")
        self.versions_table = child(self, QTableView, "kpiVersionsTable")
        self.tests: RowsModel[TestLine] = RowsModel(self._test_columns(), self)
        self.versions: RowsModel[VersionLine] = RowsModel(self._version_columns(), self)
        for table, model in ((self.tests_table, self.tests), (self.versions_table, self.versions)):
            table.setModel(model)
            table.verticalHeader().hide()
            table.verticalHeader().setDefaultSectionSize(24)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            table.horizontalHeader().setStretchLastSection(True)
        self.record_button = child(self, QPushButton, "recordObservationButton")
        self.review_button = child(self, QPushButton, "reviewOverdueButton")
        self.record_button.clicked.connect(self.record_observation)
        self.review_button.clicked.connect(self.review_overdue)

    # -- columns
    def _deciding(self, t: TestLine) -> ObservationRecord | None:
        if t.observation_id is not None:
            return self._observations.get(t.observation_id)
        seen = [
            o for o in self._observations.values() if o.kpi == t.kpi and o.test_date == t.test_date
        ]
        return seen[-1] if seen else None

    def _comparison(self, t: TestLine) -> str:
        o = self._deciding(t)
        if o is None:
            return QCoreApplication.translate("KpiTab", "no observation yet")
        text = o.comparison_zh if content_language() == "zh" else o.comparison_en
        return text or labels.number(o.value)

    def _verification(self, t: TestLine) -> str:
        o = self._deciding(t)
        if o is None:
            return labels.DASH
        if o.verified:
            return QCoreApplication.translate("KpiTab", "verified by {verifier}").format(
                verifier=o.verifier or ""
            )
        reason = o.unverified_reason_zh if content_language() == "zh" else o.unverified_reason
        return QCoreApplication.translate("KpiTab", "does not count: {reason}").format(
            reason=reason or ""
        )

    def _tone(self, t: TestLine) -> QColor | None:
        if t.outcome is None:
            return None
        return MET if t.outcome.value == "met" else MISSED

    def _test_columns(self) -> list[Column[TestLine]]:
        return [
            Column(QCoreApplication.translate("KpiTab", "KPI"), lambda t: t.kpi),
            Column(
                QCoreApplication.translate("KpiTab", "Test date"), lambda t: labels.day(t.test_date)
            ),
            Column(
                QCoreApplication.translate("KpiTab", "Grace until"),
                lambda t: labels.day(t.deadline),
            ),
            Column(
                QCoreApplication.translate("KpiTab", "Observed against the SPT"), self._comparison
            ),
            Column(QCoreApplication.translate("KpiTab", "Verification"), self._verification),
            Column(
                QCoreApplication.translate("KpiTab", "Result"),
                lambda t: t.outcome_text(content_language()),
                colour=self._tone,
            ),
            Column(
                QCoreApplication.translate("KpiTab", "Step (bps)"),
                lambda t: _bps(t.adjust_bps if t.outcome else None),
                right=True,
            ),
            Column(
                QCoreApplication.translate("KpiTab", "Version"),
                lambda t: str(t.schedule_version) if t.schedule_version else labels.DASH,
                right=True,
            ),
        ]

    def _version_columns(self) -> list[Column[VersionLine]]:
        return [
            Column(
                QCoreApplication.translate("KpiTab", "Version"),
                lambda v: str(v.version),
                right=True,
            ),
            Column(QCoreApplication.translate("KpiTab", "Why"), self._why),
            Column(
                QCoreApplication.translate("KpiTab", "From period"),
                lambda v: str(v.from_period) if v.from_period else labels.DASH,
                right=True,
            ),
            Column(
                QCoreApplication.translate("KpiTab", "Its rate"),
                lambda v: labels.rate(_decimal(v.from_rate)),
                right=True,
            ),
            Column(QCoreApplication.translate("KpiTab", "By"), lambda v: v.created_by),
        ]

    def _why(self, v: VersionLine) -> str:
        if v.outcome is None:
            return QCoreApplication.translate("KpiTab", "as originated")
        zh, en = OUTCOME_LABELS[v.outcome]
        outcome = zh if content_language() == "zh" else en
        return QCoreApplication.translate("KpiTab", "{kpi} {day}: {outcome}, {step} bps").format(
            kpi=v.kpi, day=labels.day(v.test_date), outcome=outcome, step=_bps(v.adjust_bps)
        )

    # -- showing
    def show_loan(self, reference: str, status: str) -> None:
        report = kpi_readout.loan_kpis(self._db, reference)
        self.report = report
        self._observations = {o.id: o for o in report.observations}
        self.tests.set_columns(self._test_columns(), [t for k in report.kpis for t in k.tests])
        self.versions.set_columns(self._version_columns(), list(report.versions))
        fit_columns(self.tests_table)
        fit_columns(self.versions_table)
        self.policy.setText(self._policy_text(report))
        lang = content_language()
        self.alerts.setVisible(bool(report.alerts))
        self.alerts.setText("\n".join(f"⚠ {a.in_lang(lang)}" for a in report.alerts))
        self.alerts.setProperty("tone", "alert")
        may = self._actor is None or self._actor.may(Action.RECORD_KPI)
        open_ = status in OBSERVABLE_STATUSES
        self.record_button.setVisible(may)
        self.review_button.setVisible(may)
        self.record_button.setEnabled(open_)
        overdue = any(a.kind == "kpi_test_overdue" for a in report.alerts)
        self.review_button.setEnabled(open_ and overdue)

    def _policy_text(self, report: LoanKpiReport) -> str:
        p = report.policy
        if p is None:
            return QCoreApplication.translate(
                "KpiTab", "No margin ratchet: results are judged and disclosed only."
            )
        cap = str(p.cap_bps) if p.cap_bps is not None else labels.DASH
        return QCoreApplication.translate(
            "KpiTab",
            "Met: margin −{down} bps · missed: +{up} bps · cap ±{cap} bps · grace {grace} days "
            "· margin change in force: {total} bps",
        ).format(
            down=p.step_down_bps,
            up=p.step_up_bps,
            cap=cap,
            grace=p.grace_days,
            total=_bps(report.cumulative_bps),
        )

    # -- acting
    def record_observation(self) -> None:
        report, actor = self.report, self._actor
        if report is None or actor is None:
            return
        dialog = KpiObservationDialog(
            self,
            report,
            lambda data: kpi_recording.record_observation(self._db, actor, data),
            entered_by=actor.username,
        )
        if dialog.exec() != KpiObservationDialog.DialogCode.Accepted or dialog.outcome is None:
            return
        outcome = dialog.outcome
        if outcome.decision is not None:
            text = QCoreApplication.translate(
                "KpiTab",
                "Recorded and verified: {result}. Margin {step} bps; schedule version {v}.",
            ).format(
                result=outcome.decision.outcome.value,
                step=_bps(outcome.decision.adjust_bps),
                v=outcome.decision.schedule_version or labels.DASH,
            )
        else:
            text = QCoreApplication.translate("KpiTab", "Recorded. It does not move the margin.")
        messages.information(self, text)
        self.changed.emit()

    def review_overdue(self) -> None:
        report, actor = self.report, self._actor
        if report is None or actor is None:
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("KpiTab", "Decide overdue tests"),
            QCoreApplication.translate(
                "KpiTab",
                "Tests whose grace period ended without a verified observation count as "
                "missed: the margin steps up. Decide them now?",
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            decided = kpi_recording.review_overdue(self._db, actor, references=[report.reference])
        except UserError as exc:
            messages.user_error(self, window_text(exc))
            return
        messages.information(
            self,
            QCoreApplication.translate("KpiTab", "{n} test(s) decided as missed.").format(
                n=len(decided)
            ),
        )
        self.changed.emit()


def _decimal(text: str | None) -> Decimal | None:
    return Decimal(text) if text is not None else None
