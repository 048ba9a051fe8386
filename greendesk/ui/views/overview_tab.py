"""The overview tab: borrower, facility, project with its catalogue item, environmental benefit."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from greendesk.services.assessment import StoredClassification
from greendesk.ui import labels
from greendesk.ui.forms import child
from greendesk.ui.views.detail_data import LoanDetail


class OverviewTab:
    def __init__(self, root: QWidget) -> None:
        self._root = root

    def _set(self, name: str, value: str) -> None:
        child(self._root, QLabel, name).setText(value)

    def show(self, detail: LoanDetail) -> None:
        b, loan, p = detail.borrower, detail.loan, detail.project
        self._set("borrowerName", b.name)
        self._set("borrowerCode", b.credit_code)
        self._set("borrowerIndustry", labels.text(b.industry))
        self._set("borrowerSector", labels.word(b.sector))
        self._set("borrowerRegion", labels.text(b.region))
        self._set("borrowerGrade", labels.text(b.carbon_account_grade))
        self._set("loanAmount", labels.money(loan.amount, loan.currency))
        child(self._root, QLabel, "loanAmount").setToolTip(
            labels.money_exact(loan.amount, loan.currency)
        )
        self._set("loanPurpose", labels.text(loan.purpose))
        term = QCoreApplication.translate("OverviewTab", "{months} months, {start} to {end}")
        self._set(
            "loanTerm",
            term.format(
                months=labels.text(loan.term_months),
                start=labels.day(loan.start_date),
                end=labels.day(loan.maturity_date),
            ),
        )
        self._set("loanRate", rate_text(loan.rate_kind, loan))
        self._set(
            "loanRepayment",
            f"{labels.word(loan.method)} · {labels.word(loan.frequency)} · {loan.day_count}",
        )
        self._set("loanBank", " · ".join(x for x in (loan.bank, loan.branch) if x) or labels.DASH)
        self._set("loanOfficer", labels.text(loan.officer_name or loan.created_by))
        if p is None:
            for name in (
                "projectName",
                "projectLocation",
                "projectCatalogue",
                "projectCapacity",
                "projectInvestment",
                "projectDescription",
                "benefitCo2e",
                "benefitSink",
            ):
                self._set(name, labels.DASH)
        else:
            self._set("projectName", p.name)
            self._set("projectLocation", labels.text(p.location or p.region))
            self._set("projectCatalogue", labels.text(p.catalogue_code))
            capacity = labels.number(p.capacity_mw, "MW") if p.capacity_mw is not None else ""
            note = p.capacity_note or ""
            self._set("projectCapacity", " · ".join(x for x in (capacity, note) if x) or "—")
            self._set("projectInvestment", labels.money(p.total_investment, "CNY"))
            self._set("projectDescription", labels.text(p.description))
            self._set(
                "benefitCo2e",
                labels.number(
                    p.annual_co2e_reduction_t,
                    QCoreApplication.translate("OverviewTab", "tCO2e a year"),
                )
                if p.annual_co2e_reduction_t is not None
                else labels.DASH,
            )
            self._set(
                "benefitSink",
                labels.number(p.carbon_sink_t, "tCO2e")
                if p.carbon_sink_t is not None
                else labels.DASH,
            )
        primary = loan.override_primary or loan.classification_primary
        self._set("benefitClass", labels.word(primary))
        self._set("benefitShare", labels.DASH)

    def show_classification(self, info: StoredClassification | None) -> None:
        if info is None:
            return
        primary = info.override_primary or info.primary
        self._set("benefitClass", labels.word(primary))
        share = info.green_share
        self._set("benefitShare", labels.percent(share, 1) if share is not None else labels.DASH)


def rate_text(kind: str, loan: object) -> str:
    """``LPR5Y 3.50% + 20 bp`` for floating loans, ``3.45%`` for fixed ones."""
    annual = getattr(loan, "annual_rate", None)
    if kind == "fixed":
        return labels.rate(annual)
    name = getattr(loan, "base_rate_name", None) or "LPR"
    base = getattr(loan, "base_rate", None)
    spread = getattr(loan, "spread_bps", None)
    base_text = f"{name} {labels.rate(base)}" if base is not None else name
    spread_text = f" {spread:+d} bp" if spread is not None else ""
    return base_text + spread_text
