"""Copying a loan between its ORM rows, its frozen record, its audit snapshot and its input."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from greendesk.services import audit
from greendesk.services.records._unit import sync_children
from greendesk.services.records.inputs import (
    BaseRatePointInput,
    CustomPrincipalInput,
    DrawdownInput,
    KpiInput,
    LenderInput,
    LoanInput,
    RatchetStepInput,
    UseOfProceedsInput,
)
from greendesk.services.records.results import (
    BaseRateRow,
    CustomPrincipalRow,
    DrawdownRow,
    KpiRow,
    LenderRow,
    LoanRecord,
    RatchetRow,
    UseOfProceedsRow,
)
from greendesk.services.records.validation import LoanValues
from greendesk.store.models import (
    Loan,
    LoanBaseRate,
    LoanCustomPrincipal,
    LoanDrawdown,
    LoanKpi,
    LoanRatchetStep,
    LoanUseOfProceeds,
    SyndicateShare,
)

# Loan columns an editor sets (the status, classification and bookkeeping are set elsewhere).
TERM_COLUMNS = (
    "borrower_id", "project_id", "bank", "branch", "purpose", "amount", "currency",
    "start_date", "maturity_date", "term_months", "frequency", "repayment_method",
    "grace_periods", "rate_kind", "annual_rate", "base_rate_name", "base_rate", "spread_bps",
    "day_count", "calendar", "business_day", "arrangement_rate", "commitment_fee_bps",
    "agency_fee_per_year", "ratchet_cap_bps", "kpi_grace_days", "coverage_threshold",
)  # fmt: skip
AUDIT_COLUMNS = (
    "reference", "application_version", "status", *TERM_COLUMNS,
    "override_primary", "override_reason",
)  # fmt: skip

# (relationship on Loan, model, columns)
CHILDREN: tuple[tuple[str, type[Any], tuple[str, ...]], ...] = (
    ("drawdowns", LoanDrawdown, ("seq", "date", "amount")),
    ("custom_principal", LoanCustomPrincipal, ("seq", "date", "amount", "percent")),
    ("syndicate_shares", SyndicateShare, ("seq", "lender_name", "role", "commitment", "funded")),
    ("ratchet_steps", LoanRatchetStep, ("seq", "effective", "adjust_bps")),
    ("base_rate_path", LoanBaseRate, ("seq", "from_date", "base_rate")),
    ("kpis", LoanKpi, ("seq", "name", "unit", "baseline", "target", "test_dates", "verifier")),
    ("use_of_proceeds", LoanUseOfProceeds, ("seq", "catalogue_code", "description", "amount")),
)
_VALUES_KEY = {
    "drawdowns": "drawdowns",
    "custom_principal": "custom_principal",
    "syndicate_shares": "lenders",
    "ratchet_steps": "ratchet",
    "base_rate_path": "base_rate_path",
    "kpis": "kpis",
    "use_of_proceeds": "use_of_proceeds",
}


def write_children(session: Session, loan: Loan, values: LoanValues) -> None:
    for relation, model, _ in CHILDREN:
        rows: list[dict[str, Any]] = getattr(values, _VALUES_KEY[relation])
        sync_children(session, getattr(loan, relation), rows, model)


def loan_snapshot(loan: Loan) -> dict[str, Any]:
    """The loan and all its term rows as audit JSON (before/after of a change)."""
    data = {name: audit.to_jsonable(getattr(loan, name)) for name in AUDIT_COLUMNS}
    for relation, _, columns in CHILDREN:
        data[relation] = [
            {c: audit.to_jsonable(getattr(child, c)) for c in columns}
            for child in getattr(loan, relation)
        ]
    return data


def loan_record(loan: Loan) -> LoanRecord:
    cols = {name: getattr(loan, name) for name in TERM_COLUMNS if name != "repayment_method"}
    return LoanRecord(
        id=loan.id,
        reference=loan.reference,
        application_version=loan.application_version,
        version=loan.version,
        status=loan.status,
        method=loan.repayment_method,
        classification_primary=loan.classification_primary,
        override_primary=loan.override_primary,
        override_reason=loan.override_reason,
        officer_id=loan.officer_id,
        officer_name=loan.officer.display_name if loan.officer is not None else None,
        created_by=loan.created_by,
        updated_by=loan.updated_by,
        updated_at=loan.updated_at,
        drawdowns=tuple(DrawdownRow(d.seq, d.date, d.amount) for d in loan.drawdowns),
        custom_principal=tuple(
            CustomPrincipalRow(c.seq, c.date, c.amount, c.percent) for c in loan.custom_principal
        ),
        lenders=tuple(
            LenderRow(s.seq, s.lender_name, s.role, s.commitment, s.funded)
            for s in loan.syndicate_shares
        ),
        ratchet=tuple(RatchetRow(r.seq, r.effective, r.adjust_bps) for r in loan.ratchet_steps),
        base_rate_path=tuple(
            BaseRateRow(b.seq, b.from_date, b.base_rate) for b in loan.base_rate_path
        ),
        kpis=tuple(
            KpiRow(
                k.seq,
                k.name,
                k.unit,
                k.baseline,
                k.target,
                tuple(_date(t) for t in k.test_dates or []),
                k.verifier,
            )
            for k in loan.kpis
        ),
        use_of_proceeds=tuple(
            UseOfProceedsRow(u.seq, u.catalogue_code, u.description, u.amount)
            for u in loan.use_of_proceeds
        ),
        **cols,
    )


def _date(text: Any) -> date:
    return text if isinstance(text, date) else date.fromisoformat(str(text))


def _opt(value: Any) -> Any:
    return "" if value is None else value


def loan_input(rec: LoanRecord) -> LoanInput:
    """The record as an editor's input: typed values (Decimal, date) the validator accepts back."""
    return LoanInput(
        borrower_id=rec.borrower_id,
        project_id=rec.project_id,
        reference=rec.reference,
        bank=_opt(rec.bank),
        branch=_opt(rec.branch),
        purpose=_opt(rec.purpose),
        amount=rec.amount,
        currency=rec.currency,
        start_date=_opt(rec.start_date),
        term_months=_opt(rec.term_months),
        frequency=rec.frequency,
        method=rec.method,
        grace_periods=rec.grace_periods,
        rate_kind=rec.rate_kind,
        annual_rate=rec.annual_rate,
        base_rate_name=rec.base_rate_name or "LPR5Y",
        base_rate=rec.base_rate,
        spread_bps=rec.spread_bps,
        base_rate_path=[BaseRatePointInput(b.from_date, b.base_rate) for b in rec.base_rate_path],
        day_count=rec.day_count,
        calendar=rec.calendar,
        business_day=rec.business_day,
        drawdowns=[DrawdownInput(d.date, d.amount) for d in rec.drawdowns],
        custom_principal=[
            CustomPrincipalInput(c.date, c.amount, c.percent) for c in rec.custom_principal
        ],
        lenders=[LenderInput(x.name, x.role, x.commitment, x.funded) for x in rec.lenders],
        arrangement_rate=rec.arrangement_rate,
        commitment_fee_bps=rec.commitment_fee_bps,
        agency_fee_per_year=rec.agency_fee_per_year,
        ratchet=[RatchetStepInput(r.effective, r.adjust_bps) for r in rec.ratchet],
        ratchet_cap_bps=rec.ratchet_cap_bps,
        kpi_grace_days=rec.kpi_grace_days,
        kpis=[
            KpiInput(
                k.name,
                _opt(k.unit),
                _opt(k.baseline),
                _opt(k.target),
                list(k.test_dates),
                _opt(k.verifier),
            )
            for k in rec.kpis
        ],
        use_of_proceeds=[
            UseOfProceedsInput(_opt(u.catalogue_code), _opt(u.description), u.amount)
            for u in rec.use_of_proceeds
        ],
        coverage_threshold=rec.coverage_threshold,
    )
