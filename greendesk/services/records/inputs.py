"""Plain input dataclasses that editor dialogs and scripts fill in.

Values come straight from widgets: text (``str``), ``Decimal`` or ``int`` for numbers, ``str`` or
``date`` for dates. Nothing here is trusted; :mod:`greendesk.services.records.validation` checks
every field and reports all violations at once, naming each field's path.
Loan field names follow the schedule engine's TERMS contract (issue 3): ``method``, ``drawdowns``,
``lenders``, ``custom_principal``, ``ratchet``, ``grace_periods`` ...
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

Number = str | Decimal | int
"""A number as a widget hands it over; floats are refused by validation."""

DateLike = str | date
"""An ISO date ``YYYY-MM-DD`` or a ``date``."""


@dataclass
class BorrowerInput:
    name: str = ""
    credit_code: str = ""  # 18-character 统一社会信用代码
    industry: str = ""
    sector: str = "other"
    region: str = ""
    carbon_account_grade: str = ""  # 碳效码 grade, optional
    baseline_intensity: Number | None = None  # transition plan, optional as a whole
    target_intensity: Number | None = None
    base_year: Number | None = None
    target_year: Number | None = None
    disclosure_yearly: bool = False


@dataclass
class ProjectInput:
    borrower_id: int | None = None
    name: str = ""
    location: str = ""
    region: str = ""
    description: str = ""
    catalogue_code: str = ""  # "VERSION:CODE", e.g. "2019:3.2.2"; optional
    capacity_mw: Number | None = None
    capacity_note: str = ""
    total_investment: Number | None = None
    annual_co2e_reduction_t: Number | None = None
    carbon_sink_t: Number | None = None
    technology: dict[str, object] = field(default_factory=dict)


@dataclass
class DrawdownInput:
    date: DateLike = ""
    amount: Number = ""


@dataclass
class CustomPrincipalInput:
    """One planned repayment: an ``amount`` or a ``percent`` of the facility, not both."""

    date: DateLike = ""
    amount: Number | None = None
    percent: Number | None = None


@dataclass
class LenderInput:
    name: str = ""
    role: str = "participant"  # lead_arranger | agent | participant
    commitment: Number = ""
    funded: Number | None = None  # defaults to 0.00 for a new application


@dataclass
class RatchetStepInput:
    effective: DateLike = ""
    adjust_bps: Number = ""


@dataclass
class BaseRatePointInput:
    from_date: DateLike = ""
    base_rate: Number = ""


@dataclass
class KpiInput:
    name: str = ""
    unit: str = ""
    baseline: Number = ""
    target: Number = ""
    test_dates: list[DateLike] = field(default_factory=list)
    verifier: str = ""


@dataclass
class UseOfProceedsInput:
    catalogue_code: str = ""
    description: str = ""
    amount: Number = ""


@dataclass
class LoanInput:
    """A loan application: parties, facility terms (TERMS names) and green features."""

    borrower_id: int | None = None
    project_id: int | None = None
    reference: str = ""  # blank: generated on create
    bank: str = ""
    branch: str = ""
    purpose: str = ""
    amount: Number = ""
    currency: str = "CNY"
    start_date: DateLike = ""
    term_months: Number = ""
    frequency: str = "quarterly"
    method: str = "annuity"
    grace_periods: Number = 0
    rate_kind: str = "floating"  # fixed | floating
    annual_rate: Number | None = None  # fixed: e.g. "0.0345"
    base_rate_name: str = "LPR5Y"  # floating: LPR1Y | LPR5Y
    base_rate: Number | None = None
    spread_bps: Number | None = None
    base_rate_path: list[BaseRatePointInput] = field(default_factory=list)
    day_count: str = "ACT/360"
    calendar: str = "CN"
    business_day: str = "modified_following"
    drawdowns: list[DrawdownInput] = field(default_factory=list)
    custom_principal: list[CustomPrincipalInput] = field(default_factory=list)
    lenders: list[LenderInput] = field(default_factory=list)
    arrangement_rate: Number | None = None
    commitment_fee_bps: Number | None = None
    agency_fee_per_year: Number | None = None
    ratchet: list[RatchetStepInput] = field(default_factory=list)
    ratchet_cap_bps: Number | None = None
    kpi_grace_days: Number | None = None  # blank: the house default (120 days)
    kpis: list[KpiInput] = field(default_factory=list)
    use_of_proceeds: list[UseOfProceedsInput] = field(default_factory=list)
    coverage_threshold: Number | None = None  # e.g. "1.30"


@dataclass
class ClassificationOverrideInput:
    primary: str = ""  # green | transition | carbon_linked | conventional
    reason: str = ""


@dataclass
class PledgeInput:
    loan_id: int | None = None
    collateral_type: str = ""
    description: str = ""
    quantity: Number | None = None
    unit: str = ""
    price_instrument: str = ""  # e.g. CEA, CCER; blank when appraised
    unit_price: Number | None = None
    appraised_value: Number | None = None
    valuation_date: DateLike = ""
    pledge_rate: Number | None = None  # None: the collateral type's default
    registry: str = ""
    registration_no: str = ""
    vintage_year: Number | None = None
    expiry: DateLike | None = None
    owner: str = ""


@dataclass
class PriceInput:
    instrument: str = ""
    price_date: DateLike = ""
    price: Number = ""
    unit: str = "CNY/t"
    source: str = ""


@dataclass
class RateInput:
    name: str = "LPR1Y"  # LPR1Y | LPR5Y
    effective_date: DateLike = ""
    rate: Number = ""  # annual, as a fraction: "0.0300"
    source: str = ""
