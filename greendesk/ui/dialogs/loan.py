"""The loan application editor: a loan officer structures the whole loan in one dialog.

Pages (``forms/loan_dialog.ui``): parties and amount; rate and repayment, with the base-rate path
(floating rates only) and the custom repayment plan (method ``custom`` only); drawdowns;
syndicate; fees; use of proceeds (catalogue items picked by number and name); carbon-linked
terms (KPIs, ratchet steps and cap). It edits a :class:`LoanInput` as widget text; the records
service validates all of it and a refused save lists every error, outlines the named widgets
and turns to the page of the first one. An annuity on an actual-day basis gets a standing,
non-blocking note: its last payment absorbs the extra interest, so 30/360 gives level
instalments (README "Repayment schedules"). The lists live in :mod:`.loan_pages`.
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTabWidget, QWidget

from greendesk.domain.roles import Principal
from greendesk.domain.validation import (
    BASE_RATE_NAMES,
    BUSINESS_DAY_RULES,
    CALENDARS,
    CURRENCIES,
    DAY_COUNTS,
    FREQUENCIES,
    RATE_KINDS,
    REPAYMENT_METHODS,
)
from greendesk.services import kpi_settings
from greendesk.services.records import borrowers, loans, projects
from greendesk.services.records.inputs import LoanInput
from greendesk.services.records.results import LoanRecord, LoanTerms
from greendesk.store.database import Database
from greendesk.ui import labels
from greendesk.ui.dialogs.editor import EditorDialog, blank_none
from greendesk.ui.dialogs.loan_base_rate import BaseRateFill
from greendesk.ui.dialogs.loan_pages import GRID_TABLES, LoanGrids
from greendesk.ui.dialogs.loan_preview import LivePreview, SchedulePage
from greendesk.ui.error_text import ErrorWording
from greendesk.ui.forms import child
from greendesk.ui.workers import Tasks

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
    "kpi_grace_days": "kpiGraceEdit",
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
    "kpi_grace_days",
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
FIXED_ONLY = ("annual_rate",)
FLOATING_ONLY = ("base_rate", "spread_bps")


def _text(value: object) -> str:
    return "" if value is None else str(value)


class LoanDialog(EditorDialog):
    FIELDS: ClassVar[dict[str, str]] = {
        **TEXT_FIELDS,
        **{k: v[0] for k, v in CHOICES.items()},
        "borrower_id": "borrowerCombo",
        "project_id": "projectCombo",
        "currency": "currencyCombo",
        **GRID_TABLES,
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
        self.tabs = child(self, QTabWidget, "tabs")
        # open at the form's size (fits a 1366x768 desk), not the tables' generous size hints
        self.resize(self.minimumSize().expandedTo(self.minimumSizeHint()))
        self.edits = {k: child(self, QLineEdit, v) for k, v in TEXT_FIELDS.items()}
        self.edits["kpi_grace_days"].setPlaceholderText(
            QCoreApplication.translate("LoanDialog", "blank: {n} (house default)").format(
                n=kpi_settings.grace_days()
            )
        )
        self.combos = {k: child(self, QComboBox, v[0]) for k, v in CHOICES.items()}
        for key, (_name, codes) in CHOICES.items():
            for code in codes:
                self.combos[key].addItem(labels.word(code), code)
        self.borrower = child(self, QComboBox, "borrowerCombo")
        self.project = child(self, QComboBox, "projectCombo")
        self.currency = child(self, QComboBox, "currencyCombo")
        for code in CURRENCIES:
            self.currency.addItem(code, code)
        self._grades: dict[int, str] = {}
        for b in borrowers.list_borrowers(db):
            self.borrower.addItem(f"{b.name} ({b.credit_code})", b.id)
            self._grades[b.id] = b.carbon_account_grade or ""
        self.borrower.currentIndexChanged.connect(lambda _i: self._fill_projects(None))
        self.pricing_note = child(self, QLabel, "carbonPricingNote")
        self.borrower.currentIndexChanged.connect(lambda _i: self._propose_pricing())
        self.grids = LoanGrids(self)
        self.drawdowns = self.grids.drawdowns
        self.lenders = self.grids.lenders
        self._load(start)
        for key in ("rate_kind", "method", "day_count"):
            self.combos[key].currentIndexChanged.connect(lambda _i: self._follow_terms())
        self._follow_terms()
        self._propose_pricing()
        self.base_rate_fill = BaseRateFill(
            db,
            self.edits["base_rate"],
            self.combos["base_rate_name"],
            self.combos["rate_kind"],
            self.edits["start_date"],
        )
        self._start_preview()
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

    def _propose_pricing(self) -> None:
        """The carbon-account pricing policy's proposal for the chosen borrower's grade."""
        from greendesk.domain.programmes.carbon_pricing import load_pricing
        from greendesk.ui.views.language import content_language

        grade = self._grades.get(self.borrower.currentData(), "")
        proposal = load_pricing().propose(grade) if grade else None
        if proposal is None:
            self.pricing_note.setText(
                QCoreApplication.translate(
                    "LoanDialog",
                    "Carbon-account pricing: the borrower has no carbon-account grade.",
                )
            )
            return
        self.pricing_note.setText(
            QCoreApplication.translate("LoanDialog", "Carbon-account pricing: {}").format(
                proposal.in_lang(content_language())
            )
        )

    def _start_preview(self) -> None:
        """The schedule page, recomputed off the GUI thread whenever a term changes."""
        self.schedule_page = SchedulePage(self.tabs)
        self.tabs.addTab(
            self.schedule_page, QCoreApplication.translate("LoanDialog", "Schedule preview")
        )
        pool = QThreadPool(self)  # the editor's own: closing waits for its work, no one else's
        pool.setMaxThreadCount(1)
        self.tasks = Tasks(self, pool)
        self.preview = LivePreview(
            self.schedule_page,
            self.collect,
            self._terms_line,
            lambda exc: ErrorWording(labels.chinese(), self.form_labels()).exception(exc).text,
            self.tasks,
        )
        g = self.grids
        self.preview.watch(
            [*self.edits.values()],
            [*self.combos.values(), self.currency],
            [g.drawdowns, g.lenders, g.base_rate_path, g.custom_plan, g.ratchet],
        )
        self.preview.compute()

    def _terms_line(self) -> str:
        """The terms in words above the preview: method, frequency, day count, calendar."""
        return " · ".join(
            labels.word(self._choice(key)) if key != "day_count" else self._choice(key)
            for key in ("rate_kind", "method", "frequency", "day_count", "calendar", "business_day")
        )

    def done(self, result: int) -> None:
        """Closing waits for a schedule still being computed (it touches no widget after)."""
        self.preview.requested += 1  # any answer still on its way is now stale
        self.tasks.wait(10_000)
        super().done(result)

    def _choice(self, key: str) -> str:
        return str(self.combos[key].currentData())

    def _follow_terms(self) -> None:
        """Enable what the chosen rate and method use; note an annuity on actual days."""
        rate_kind = self._choice("rate_kind")
        for key in FIXED_ONLY:
            self.edits[key].setEnabled(rate_kind == "fixed")
        for key in FLOATING_ONLY:
            self.edits[key].setEnabled(rate_kind == "floating")
        self.combos["base_rate_name"].setEnabled(rate_kind == "floating")
        self.grids.follow(rate_kind, self._choice("method"), self._choice("day_count"))

    def try_save(self) -> None:
        """Save; when refused, turn to the page of the first outlined field unless one shows."""
        super().try_save()
        if self.result() == self.DialogCode.Accepted or self.error.isHidden():
            return
        marked = [
            widget
            for name in self.FIELDS.values()
            if (widget := self.findChild(QWidget, name)) is not None
            and widget.property("invalid") is True
        ]
        current = self.tabs.currentWidget()
        if not marked or any(current is not None and current.isAncestorOf(w) for w in marked):
            return
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is not None and page.isAncestorOf(marked[0]):
                self.tabs.setCurrentIndex(index)
                return

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
        self.grids.load(data)

    def collect(self) -> LoanInput:
        values: dict[str, Any] = {}
        for key, edit in self.edits.items():
            text = edit.text()
            values[key] = blank_none(text) if key in OPTIONAL else text.strip()
        for key in self.combos:
            values[key] = self._choice(key)
        borrower = self.borrower.currentData()
        project = self.project.currentData()
        return dataclasses.replace(
            self._start,
            **values,
            **self.grids.collect(self._start, values["rate_kind"], values["method"]),
            borrower_id=int(borrower) if borrower is not None else None,
            project_id=int(project) if project is not None else None,
            currency=self.currency.currentText().strip(),
        )
