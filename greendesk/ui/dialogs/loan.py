"""The loan application editor: parties, amount, rate, repayment, drawdowns, syndicate, fees.

It edits a :class:`LoanInput`. Parts it has no page for (KPIs, ratchet steps, use of proceeds,
custom repayment plans, base-rate paths) are carried over unchanged from the stored terms.
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHeaderView, QLineEdit, QPushButton, QTableView, QWidget

from greendesk.domain.roles import Principal
from greendesk.domain.validation import (
    BASE_RATE_NAMES,
    BUSINESS_DAY_RULES,
    CALENDARS,
    CURRENCIES,
    DAY_COUNTS,
    FREQUENCIES,
    LENDER_ROLES,
    RATE_KINDS,
    REPAYMENT_METHODS,
)
from greendesk.services.records import borrowers, loans, projects
from greendesk.services.records.inputs import DrawdownInput, LenderInput, LoanInput
from greendesk.services.records.results import LoanRecord, LoanTerms
from greendesk.store.database import Database
from greendesk.ui import labels
from greendesk.ui.dialogs.editor import EditorDialog, blank_none
from greendesk.ui.forms import child
from greendesk.ui.models.editable import TextGridModel

TEXT_FIELDS = {
    "reference": "referenceEdit",
    "purpose": "purposeEdit",
    "bank": "bankEdit",
    "branch": "branchEdit",
    "amount": "amountEdit",
    "start_date": "startDateEdit",
    "term_months": "termEdit",
    "coverage_threshold": "coverageEdit",
    "annual_rate": "annualRateEdit",
    "base_rate": "baseRateEdit",
    "spread_bps": "spreadEdit",
    "grace_periods": "graceEdit",
    "arrangement_rate": "arrangementEdit",
    "commitment_fee_bps": "commitmentFeeEdit",
    "agency_fee_per_year": "agencyFeeEdit",
    "ratchet_cap_bps": "ratchetCapEdit",
}
OPTIONAL = {
    "coverage_threshold",
    "annual_rate",
    "base_rate",
    "spread_bps",
    "arrangement_rate",
    "commitment_fee_bps",
    "agency_fee_per_year",
    "ratchet_cap_bps",
}
CHOICES: dict[str, tuple[str, tuple[str, ...]]] = {
    "rate_kind": ("rateKindCombo", RATE_KINDS),
    "base_rate_name": ("baseRateNameCombo", BASE_RATE_NAMES),
    "frequency": ("frequencyCombo", FREQUENCIES),
    "method": ("methodCombo", REPAYMENT_METHODS),
    "day_count": ("dayCountCombo", DAY_COUNTS),
    "calendar": ("calendarCombo", CALENDARS),
    "business_day": ("businessDayCombo", BUSINESS_DAY_RULES),
}


def _text(value: object) -> str:
    return "" if value is None else str(value)


class LoanDialog(EditorDialog):
    FIELDS: ClassVar[dict[str, str]] = {
        **TEXT_FIELDS,
        **{k: v[0] for k, v in CHOICES.items()},
        "borrower_id": "borrowerCombo",
        "project_id": "projectCombo",
        "currency": "currencyCombo",
        "drawdowns": "drawdownTable",
        "lenders": "lenderTable",
    }

    def __init__(
        self,
        db: Database,
        actor: Principal,
        terms: LoanTerms | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, "loan_dialog")
        self._db = db
        self.terms = terms
        start = terms.input if terms is not None else LoanInput()
        self._start = start
        self.edits = {k: child(self, QLineEdit, v) for k, v in TEXT_FIELDS.items()}
        self.combos = {k: child(self, QComboBox, v[0]) for k, v in CHOICES.items()}
        for key, (_name, codes) in CHOICES.items():
            for code in codes:
                self.combos[key].addItem(labels.word(code), code)
        self.borrower = child(self, QComboBox, "borrowerCombo")
        self.project = child(self, QComboBox, "projectCombo")
        self.currency = child(self, QComboBox, "currencyCombo")
        for code in CURRENCIES:
            self.currency.addItem(code, code)
        for b in borrowers.list_borrowers(db):
            self.borrower.addItem(f"{b.name} ({b.credit_code})", b.id)
        self.borrower.currentIndexChanged.connect(lambda _i: self._fill_projects(None))
        self.drawdowns = TextGridModel(
            [
                QCoreApplication.translate("LoanDialog", "Date"),
                QCoreApplication.translate("LoanDialog", "Amount"),
            ],
            right=[1],
            parent=self,
        )
        self.lenders = TextGridModel(
            [
                QCoreApplication.translate("LoanDialog", "Lender"),
                QCoreApplication.translate("LoanDialog", "Role"),
                QCoreApplication.translate("LoanDialog", "Commitment"),
            ],
            right=[2],
            parent=self,
        )
        self._table("drawdownTable", self.drawdowns, "addDrawdownButton", "removeDrawdownButton")
        self._table("lenderTable", self.lenders, "addLenderButton", "removeLenderButton")
        self._load(start)
        reference = terms.reference if terms else ""
        self.edits["reference"].setReadOnly(terms is not None)
        self.setWindowTitle(
            QCoreApplication.translate("LoanDialog", "New loan application")
            if terms is None
            else QCoreApplication.translate("LoanDialog", "Loan {}").format(reference)
        )

        def save() -> LoanRecord:
            data = self.collect()
            if terms is None:
                return loans.create_loan(db, actor, data)
            return loans.update_loan_terms(
                db, actor, terms.loan_id, data, expected_version=terms.version
            )

        self.set_saver(save)

    def _table(self, name: str, model: TextGridModel, add: str, remove: str) -> None:
        view = child(self, QTableView, name)
        view.setModel(model)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        child(self, QPushButton, add).clicked.connect(lambda: model.add_row())
        child(self, QPushButton, remove).clicked.connect(
            lambda: model.remove_row(view.currentIndex().row())
        )

    def _fill_projects(self, selected: int | None) -> None:
        self.project.clear()
        self.project.addItem(QCoreApplication.translate("LoanDialog", "(no project)"), None)
        borrower = self.borrower.currentData()
        if borrower is None:
            return
        for p in projects.list_projects(self._db, int(borrower)):
            self.project.addItem(p.name, p.id)
        if selected is not None:
            self.project.setCurrentIndex(max(0, self.project.findData(selected)))

    def _load(self, data: LoanInput) -> None:
        for key, edit in self.edits.items():
            edit.setText(_text(getattr(data, key)))
        for key, combo in self.combos.items():
            combo.setCurrentIndex(max(0, combo.findData(getattr(data, key))))
        self.currency.setCurrentIndex(max(0, self.currency.findData(data.currency)))
        if data.borrower_id is not None:
            self.borrower.setCurrentIndex(max(0, self.borrower.findData(data.borrower_id)))
        self._fill_projects(data.project_id)
        self.drawdowns.set_rows([[_text(d.date), _text(d.amount)] for d in data.drawdowns])
        self.lenders.set_rows(
            [[x.name, labels.word(x.role), _text(x.commitment)] for x in data.lenders]
        )

    def collect(self) -> LoanInput:
        values: dict[str, Any] = {}
        for key, edit in self.edits.items():
            text = edit.text()
            values[key] = blank_none(text) if key in OPTIONAL else text.strip()
        for key, combo in self.combos.items():
            values[key] = str(combo.currentData())
        borrower = self.borrower.currentData()
        project = self.project.currentData()
        funded = {x.name: x.funded for x in self._start.lenders}
        return dataclasses.replace(
            self._start,
            **values,
            borrower_id=int(borrower) if borrower is not None else None,
            project_id=int(project) if project is not None else None,
            currency=self.currency.currentText().strip(),
            drawdowns=[
                DrawdownInput(date=r[0].strip(), amount=r[1].strip()) for r in self.drawdowns.rows()
            ],
            lenders=[
                LenderInput(
                    name=r[0].strip(),
                    role=_role(r[1]),
                    commitment=r[2].strip(),
                    funded=funded.get(r[0].strip()),
                )
                for r in self.lenders.rows()
            ],
        )


def _role(text: str) -> str:
    """Accept a role's code or its label in either language."""
    wanted = text.strip()
    for code in LENDER_ROLES:
        if wanted in (code, labels.word(code)):
            return code
    return wanted
