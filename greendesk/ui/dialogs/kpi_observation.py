"""Record a KPI observation: the KPI and test date, the value, the period, the verifier and report.

The dialog only gathers what was typed; ``services.kpi_recording.record_observation`` judges it,
decides whether it is verified (maker-checker) and moves the margin. A refusal keeps the dialog
open with the message in the window's language.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from greendesk.domain.errors import UserError
from greendesk.services.kpi_input import MAX_REPORT_BYTES, ObservationInput, ReportFile
from greendesk.services.kpi_readout import KpiLine, LoanKpiReport
from greendesk.services.kpi_recording import RecordOutcome
from greendesk.ui import labels
from greendesk.ui.error_text import window_text
from greendesk.ui.forms import child, setup_form


def read_report(path_text: str) -> ReportFile | None:
    """The report file named in the dialog, read whole; an unreadable one is a user error."""
    text = path_text.strip()
    if not text:
        return None
    path = Path(text)
    try:
        if path.stat().st_size > MAX_REPORT_BYTES:
            raise UserError(f"report: {path.name}: larger than {MAX_REPORT_BYTES // 2**20} MB")
        return ReportFile(path.name, path.read_bytes())
    except OSError as exc:
        raise UserError(f"report: cannot read {text} ({exc.strerror})") from None


class KpiObservationDialog(QDialog):
    def __init__(
        self,
        parent: QWidget,
        report: LoanKpiReport,
        submit: Callable[[ObservationInput], RecordOutcome],
        *,
        entered_by: str,
    ) -> None:
        super().__init__(parent)
        setup_form(self, "kpi_observation_dialog")
        self._report = report
        self._submit = submit
        self.outcome: RecordOutcome | None = None
        child(self, QLabel, "loanLabel").setText(report.reference)
        self.kpi = child(self, QComboBox, "kpiCombo")
        self.test_date = child(self, QComboBox, "testDateCombo")
        self.value = child(self, QLineEdit, "valueEdit")
        self.target = child(self, QLabel, "targetText")
        self.period_start = child(self, QLineEdit, "periodStartEdit")
        self.period_end = child(self, QLineEdit, "periodEndEdit")
        self.verifier = child(self, QLineEdit, "verifierEdit")
        self.report_file = child(self, QLineEdit, "reportEdit")
        self.report_ref = child(self, QLineEdit, "reportRefEdit")
        self.report_date = child(self, QLineEdit, "reportDateEdit")
        self.error = child(self, QLabel, "errorLabel")
        self.error.hide()
        note = child(self, QLabel, "makerCheckerLabel")
        if report.officer is not None and report.officer == entered_by:
            note.setText(
                QCoreApplication.translate(
                    "KpiObservationDialog",
                    "You are this loan's officer of record: your entry is kept, but only an "
                    "observation entered by someone else, with a verifier and a report, moves "
                    "the margin.",
                )
            )
            note.setProperty("tone", "alert")
        else:
            note.setText(
                QCoreApplication.translate(
                    "KpiObservationDialog",
                    "A verifier named and a report attached make the observation verified: it "
                    "then decides the test and moves the margin.",
                )
            )
        for k in report.kpis:
            self.kpi.addItem(f"{k.name} ({k.unit})" if k.unit else k.name, k.seq)
        self.kpi.currentIndexChanged.connect(self._kpi_changed)
        self._kpi_changed()
        child(self, QPushButton, "browseButton").clicked.connect(self._browse)
        buttons = child(self, QDialogButtonBox, "buttonBox")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)

    def _current(self) -> KpiLine | None:
        seq = self.kpi.currentData()
        return next((k for k in self._report.kpis if k.seq == seq), None)

    def _kpi_changed(self) -> None:
        k = self._current()
        self.test_date.clear()
        if k is None:
            return
        undecided = [t for t in k.tests if t.outcome is None]
        for t in undecided:
            self.test_date.addItem(t.test_date.isoformat(), t.test_date.isoformat())
        if k.verifier and not self.verifier.text():
            self.verifier.setText(k.verifier)
        way = "≤" if k.direction is None or k.direction.value == "lower" else "≥"
        target = labels.number(k.target) if k.target is not None else labels.DASH
        baseline = labels.number(k.baseline) if k.baseline is not None else labels.DASH
        self.target.setText(
            QCoreApplication.translate(
                "KpiObservationDialog",
                "met when the value is {sign} {target} (baseline {baseline})",
            ).format(sign=way, target=target, baseline=baseline)
        )

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("KpiObservationDialog", "Verification report")
        )
        if name:
            self.report_file.setText(name)

    def observation(self) -> ObservationInput:
        k = self._current()
        return ObservationInput(
            reference=self._report.reference,
            kpi=k.name if k is not None else "",
            test_date=str(self.test_date.currentData() or ""),
            value=self.value.text(),
            verifier=self.verifier.text(),
            report=read_report(self.report_file.text()),
            report_reference=self.report_ref.text(),
            report_date=self.report_date.text() or None,
            period_start=self.period_start.text() or None,
            period_end=self.period_end.text() or None,
        )

    def _accept(self) -> None:
        try:
            self.outcome = self._submit(self.observation())
        except UserError as exc:
            self.error.setText(window_text(exc))
            self.error.show()
            return
        self.accept()
