"""Record an allocation of proceeds: a drawdown, a use-of-proceeds line, amount, date, evidence.

Laid out by ``forms/allocation_dialog.ui``. The dialog only gathers what was chosen and typed;
``services.allocation.record_allocation`` checks every rule (not beyond what the drawdown drew
or the line's amount, not before the drawdown, not in the future, evidence given) and saves
nothing when one fails: the dialog then stays open with the refusal in the window's language.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from greendesk.domain.errors import InvalidInput, UserError
from greendesk.services.allocation import AllocationInput, AllocationRecord, LoanAllocationReport
from greendesk.ui import labels
from greendesk.ui.error_text import window_text
from greendesk.ui.forms import child, setup_form

FIELDS = {
    "drawdown": "drawdownCombo",
    "line": "lineCombo",
    "amount": "amountEdit",
    "allocated_on": "dateEdit",
    "evidence": "evidenceEdit",
}


class AllocationDialog(QDialog):
    def __init__(
        self,
        parent: QWidget,
        report: LoanAllocationReport,
        submit: Callable[[AllocationInput], AllocationRecord],
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        setup_form(self, "allocation_dialog")
        self._report = report
        self._submit = submit
        self.saved: AllocationRecord | None = None
        child(self, QLabel, "loanLabel").setText(f"{report.reference} · {report.borrower}")
        self.drawdown = child(self, QComboBox, "drawdownCombo")
        self.line = child(self, QComboBox, "lineCombo")
        self.amount = child(self, QLineEdit, "amountEdit")
        self.day = child(self, QLineEdit, "dateEdit")
        self.evidence = child(self, QLineEdit, "evidenceEdit")
        self.left = child(self, QLabel, "leftLabel")
        self.error = child(self, QLabel, "errorLabel")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        for d in report.drawdowns:
            self.drawdown.addItem(
                QCoreApplication.translate(
                    "AllocationDialog", "{no}: {day}, {amount} ({left} unallocated)"
                ).format(
                    no=d.no,
                    day=labels.day(d.date),
                    amount=labels.money_exact(d.amount),
                    left=labels.money_exact(d.unallocated),
                ),
                d.no,
            )
        for u in report.lines:
            name = " ".join(x for x in (u.catalogue_code, u.description) if x)
            self.line.addItem(
                QCoreApplication.translate(
                    "AllocationDialog", "{no}: {name} ({left} unallocated)"
                ).format(no=u.no, name=name, left=labels.money_exact(u.unallocated)),
                u.no,
            )
        self.day.setText((today or date.today()).isoformat())
        self.drawdown.currentIndexChanged.connect(lambda _i: self._show_left())
        self.line.currentIndexChanged.connect(lambda _i: self._show_left())
        self._show_left()
        buttons = child(self, QDialogButtonBox, "buttonBox")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)

    def _show_left(self) -> None:
        d = next((x for x in self._report.drawdowns if x.no == self.drawdown.currentData()), None)
        u = next((x for x in self._report.lines if x.no == self.line.currentData()), None)
        if d is None or u is None:
            self.left.setText("")
            return
        self.left.setText(
            QCoreApplication.translate(
                "AllocationDialog", "At most {most}: drawdown {d} has {dl} left, line {u} {ul}."
            ).format(
                most=labels.money_exact(min(d.unallocated, u.unallocated)),
                d=d.no,
                dl=labels.money_exact(d.unallocated),
                u=u.no,
                ul=labels.money_exact(u.unallocated),
            )
        )

    def allocation(self) -> AllocationInput:
        return AllocationInput(
            reference=self._report.reference,
            drawdown=self.drawdown.currentData() or "",
            line=self.line.currentData() or "",
            amount=self.amount.text(),
            allocated_on=self.day.text(),
            evidence=self.evidence.text(),
        )

    def _mark(self, paths: set[str]) -> None:
        for path, name in FIELDS.items():
            widget = self.findChild(QWidget, name)
            if widget is None:
                continue
            widget.setProperty("invalid", path in paths)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def _accept(self) -> None:
        try:
            self.saved = self._submit(self.allocation())
        except UserError as exc:
            paths = {e.path for e in exc.errors} if isinstance(exc, InvalidInput) else set()
            self._mark(paths)
            self.error.setText(window_text(exc))
            self.error.setToolTip(str(exc))
            self.error.show()
            return
        self.accept()
