"""Plain frozen records handed up to dialogs and scripts: ids, versions and typed fields.

Never live ORM objects: each record is copied out inside the unit of work, so a view can keep it
after the session is closed. ``version`` is what an editor passes back as ``expected_version``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from greendesk.services.records.inputs import LoanInput


@dataclass(frozen=True)
class BorrowerRecord:
    id: int
    version: int
    name: str
    credit_code: str
    industry: str | None
    sector: str
    region: str | None
    carbon_account_grade: str | None
    baseline_intensity: Decimal | None
    target_intensity: Decimal | None
    base_year: int | None
    target_year: int | None
    disclosure_yearly: bool
    updated_at: datetime | None


@dataclass(frozen=True)
class ProjectRecord:
    id: int
    version: int
    borrower_id: int
    name: str
    location: str | None
    region: str | None
    description: str | None
    catalogue_code: str | None
    capacity_mw: Decimal | None
    capacity_note: str | None
    total_investment: Decimal | None
    annual_co2e_reduction_t: Decimal | None
    carbon_sink_t: Decimal | None
    technology: tuple[tuple[str, Any], ...]  # (name, value) pairs, sorted by name
    updated_at: datetime | None


@dataclass(frozen=True)
class DrawdownRow:
    seq: int
    date: date
    amount: Decimal


@dataclass(frozen=True)
class CustomPrincipalRow:
    seq: int
    date: date
    amount: Decimal | None
    percent: Decimal | None


@dataclass(frozen=True)
class LenderRow:
    seq: int
    name: str
    role: str
    commitment: Decimal
    funded: Decimal


@dataclass(frozen=True)
class RatchetRow:
    seq: int
    effective: date
    adjust_bps: int


@dataclass(frozen=True)
class BaseRateRow:
    seq: int
    from_date: date
    base_rate: Decimal


@dataclass(frozen=True)
class KpiRow:
    seq: int
    name: str
    unit: str | None
    baseline: Decimal | None
    target: Decimal | None
    test_dates: tuple[date, ...]
    verifier: str | None


@dataclass(frozen=True)
class UseOfProceedsRow:
    seq: int
    catalogue_code: str | None
    description: str | None
    amount: Decimal


@dataclass(frozen=True)
class LoanRecord:
    """One version of a loan application with all its terms (TERMS names where they exist)."""

    id: int
    reference: str
    application_version: int
    version: int
    status: str
    borrower_id: int
    project_id: int | None
    bank: str | None
    branch: str | None
    purpose: str | None
    amount: Decimal
    currency: str
    start_date: date | None
    maturity_date: date | None
    term_months: int | None
    frequency: str
    method: str
    grace_periods: int
    rate_kind: str
    annual_rate: Decimal | None
    base_rate_name: str | None
    base_rate: Decimal | None
    spread_bps: int | None
    day_count: str
    calendar: str
    business_day: str
    arrangement_rate: Decimal | None
    commitment_fee_bps: Decimal | None
    agency_fee_per_year: Decimal | None
    ratchet_cap_bps: int | None
    kpi_grace_days: int | None
    coverage_threshold: Decimal | None
    classification_primary: str | None
    override_primary: str | None
    override_reason: str | None
    officer_id: int | None
    officer_name: str | None  # the officer of record's display name
    created_by: str | None
    updated_by: str | None
    updated_at: datetime | None
    drawdowns: tuple[DrawdownRow, ...]
    custom_principal: tuple[CustomPrincipalRow, ...]
    lenders: tuple[LenderRow, ...]
    ratchet: tuple[RatchetRow, ...]
    base_rate_path: tuple[BaseRateRow, ...]
    kpis: tuple[KpiRow, ...]
    use_of_proceeds: tuple[UseOfProceedsRow, ...]


@dataclass(frozen=True)
class LoanTerms:
    """What the loan editor opens with: the terms as an input to edit, and the lock to send back."""

    loan_id: int
    reference: str
    version: int
    status: str
    editable: bool  # draft or returned; approved terms are frozen
    input: LoanInput


@dataclass(frozen=True)
class PledgeRecord:
    id: int
    version: int
    loan_id: int
    seq: int
    collateral_type: str
    description: str | None
    quantity: Decimal | None
    unit: str | None
    price_instrument: str | None
    unit_price: Decimal | None
    appraised_value: Decimal | None
    valuation_date: date | None
    pledge_rate: Decimal | None
    registry: str | None
    registration_no: str | None
    vintage_year: int | None
    expiry: date | None
    owner: str | None


@dataclass(frozen=True)
class PriceRecord:
    """A reference price; the table has no version column, so the record itself is the lock."""

    id: int
    instrument: str
    price_date: date
    price: Decimal
    unit: str
    source: str | None
    # loans the change that returned this record revalued (0 when merely read); not part of the lock
    revalued_loans: int = field(default=0, compare=False)


@dataclass(frozen=True)
class PricesAdded:
    """A batch of prices recorded together, and how many loans their instruments revalued."""

    prices: tuple[PriceRecord, ...]
    revalued_loans: int


@dataclass(frozen=True)
class RateRecord:
    """A published base rate in force from ``effective_date``; the record itself is the lock."""

    id: int
    name: str
    effective_date: date
    rate: Decimal
    source: str | None
