"""Plain input data for the renderers: what a memo or a workbook shows, already computed.

The renderers never reach the database or the engines; ``greendesk.services.reports`` fills
these dataclasses, and tests can build them by hand. Money is ``Decimal`` (two places)
throughout; enum-like fields hold keys (``status="approved"``, ``role="agent"``) that the
report templates translate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from greendesk.domain.schedule.model import LenderPeriod  # the engine's per-lender row, as is

if TYPE_CHECKING:
    from greendesk.reporting.memo.programmes import ProgrammesMemo


@dataclass(frozen=True)
class BorrowerInfo:
    name: str
    credit_code: str = ""
    industry: str = ""
    sector: str = "other"
    region: str = ""
    carbon_account_grade: str = ""
    baseline_intensity: Decimal | None = None
    target_intensity: Decimal | None = None
    base_year: int | None = None
    target_year: int | None = None
    disclosure_yearly: bool = False


@dataclass(frozen=True)
class ProjectInfo:
    name: str
    location: str = ""
    region: str = ""
    description: str = ""
    catalogue_code: str = ""  # "VERSION:CODE", e.g. "2019:3.4.2"
    catalogue_name: str = ""
    capacity_mw: Decimal | None = None
    capacity_note: str = ""
    total_investment: Decimal | None = None
    annual_co2e_reduction_t: Decimal | None = None
    carbon_sink_t: Decimal | None = None
    technology: Sequence[tuple[str, str]] = ()


@dataclass(frozen=True)
class ClassificationInfo:
    primary: str  # green | transition | carbon_linked | conventional
    labels: Sequence[str] = ()
    green_share: Decimal | None = None  # 0..1
    catalogue_version: str = ""
    catalogue_code: str = ""
    catalogue_name: str = ""
    criteria_met: Sequence[str] = ()
    missing_evidence: Sequence[str] = ()
    flags: Sequence[str] = ()
    override_primary: str | None = None
    override_reason: str = ""


@dataclass(frozen=True)
class Drawdown:
    date: date
    amount: Decimal


@dataclass(frozen=True)
class RatchetStep:
    effective: date
    adjust_bps: int


@dataclass(frozen=True)
class Kpi:
    name: str
    unit: str = ""
    baseline: Decimal | None = None
    target: Decimal | None = None
    test_dates: Sequence[date] = ()
    verifier: str = ""


@dataclass(frozen=True)
class TermsInfo:
    amount: Decimal
    currency: str = "CNY"
    purpose: str = ""
    start_date: date | None = None
    maturity_date: date | None = None
    term_months: int = 0
    frequency: str = "quarterly"
    method: str = "equal_principal"
    grace_periods: int = 0
    rate_kind: str = "floating"  # fixed | floating
    annual_rate: Decimal | None = None  # fixed rate, or the rate in force at start
    base_rate_name: str = ""  # LPR1Y | LPR5Y
    base_rate: Decimal | None = None
    spread_bps: int | None = None
    day_count: str = "ACT/360"
    calendar: str = "CN"
    business_day: str = "modified_following"
    drawdowns: Sequence[Drawdown] = ()
    ratchet: Sequence[RatchetStep] = ()
    ratchet_cap_bps: int | None = None
    kpis: Sequence[Kpi] = ()
    arrangement_rate: Decimal | None = None
    commitment_fee_bps: int | None = None
    agency_fee_per_year: Decimal | None = None


@dataclass(frozen=True)
class LenderInfo:
    name: str
    role: str  # lead_arranger | agent | participant
    commitment: Decimal
    share: Decimal  # 0..1
    fees: Decimal = Decimal("0.00")  # all fees this lender receives over the loan


@dataclass(frozen=True)
class PledgeInfo:
    seq: int
    collateral_type: str  # key, e.g. "cea"
    type_label: str  # display name in the memo's language (from the collateral data)
    description: str
    quantity: Decimal | None
    unit: str
    unit_price: Decimal | None
    basis: str  # e.g. "CEA 2026-03-31 × 92.00" or "appraisal"
    valuation_date: date | None
    value: Decimal
    pledge_rate: Decimal
    eligible_value: Decimal
    registry: str
    registration_no: str
    expiry: date | None = None
    owner: str = ""


@dataclass(frozen=True)
class SchedulePeriod:
    no: int
    payment_date: date
    opening_balance: Decimal
    drawdown: Decimal
    principal: Decimal
    interest: Decimal
    fees: Decimal
    payment: Decimal
    closing_balance: Decimal
    rate: Decimal | None = None
    projected: bool = False  # the payment date rests on projected, not official, holidays


@dataclass(frozen=True)
class CalendarInfo:
    """Which calendar the schedule's dates use (the version stored with the loan's schedule)."""

    version: str = ""
    official_through: int | None = None
    projection_rule: str | None = None
    projected_years: Sequence[int] = ()


@dataclass(frozen=True)
class LenderSchedule:
    name: str
    role: str
    share: Decimal
    periods: Sequence[LenderPeriod]


@dataclass(frozen=True)
class Vote:
    voter: str
    decision: str  # approve | approve_with_conditions | decline
    conditions: str = ""
    comment: str = ""
    cast_at: datetime | None = None


@dataclass(frozen=True)
class ConditionPrecedent:
    """One condition precedent of the approval: open, or met by whom, when, on what evidence."""

    position: int
    text: str
    satisfied_by: str = ""
    satisfied_on: date | None = None
    evidence: str = ""


@dataclass(frozen=True)
class MemoData:
    """Everything a credit memo shows, in one language-neutral bundle."""

    reference: str
    bank: str
    branch: str
    officer: str
    memo_date: date
    status: str
    borrower: BorrowerInfo
    project: ProjectInfo | None
    classification: ClassificationInfo | None
    terms: TermsInfo
    application_version: int = 1
    summary: str = ""
    recommendation: str = ""
    lenders: Sequence[LenderInfo] = ()
    pledges: Sequence[PledgeInfo] = ()
    coverage_ratio: Decimal | None = None
    coverage_threshold: Decimal | None = None
    collateral_alerts: Sequence[str] = ()
    periods: Sequence[SchedulePeriod] = ()
    calendar: CalendarInfo = field(default_factory=CalendarInfo)
    lender_schedules: Sequence[LenderSchedule] = ()
    risks: Sequence[str] = ()
    conditions: Sequence[str] = ()
    votes: Sequence[Vote] = ()
    # conditions precedent (放款前提条件) from the decision, each with where it stands
    conditions_precedent: Sequence[ConditionPrecedent] = ()
    extra: dict[str, str] = field(default_factory=dict)
    kpi: KpiMemo | None = None  # carbon-linked loans: observations, results, margin history
    emissions: EmissionRow | None = None  # PCAF financed and avoided emissions on the memo date
    programmes: ProgrammesMemo | None = None  # the policy-programmes section (issue 16)
    # the audit chain head (sequence number, hash) when the memo was made: an outside anchor
    audit_head: tuple[int, str] | None = None


# ---- portfolio workbook rows -------------------------------------------------------------


@dataclass(frozen=True)
class PortfolioRow:
    """One loan, every field an analyst filters on."""

    reference: str
    borrower: str
    credit_code: str
    sector: str
    region: str
    project: str
    catalogue_code: str  # "VERSION:CODE"
    catalogue_top: str  # top-level category name
    classification: str
    labels: str
    green_share: Decimal | None
    status: str
    bank: str
    branch: str
    currency: str
    amount: Decimal
    outstanding: Decimal
    start_date: date | None
    maturity_date: date | None
    term_months: int
    frequency: str
    method: str
    rate_kind: str
    annual_rate: Decimal | None
    spread_bps: int | None
    lenders: int
    collateral_value: Decimal
    eligible_value: Decimal
    coverage_ratio: Decimal | None
    annual_co2e_reduction_t: Decimal | None
    carbon_sink_t: Decimal | None
    open_conditions: str = ""  # conditions precedent not yet satisfied, "1. …; 2. …"


@dataclass(frozen=True)
class PledgeRow:
    reference: str
    seq: int
    collateral_type: str
    description: str
    quantity: Decimal | None
    unit: str
    unit_price: Decimal | None
    valuation_date: date | None
    value: Decimal
    pledge_rate: Decimal
    eligible_value: Decimal
    registry: str
    registration_no: str
    expiry: date | None
    alerts: str


@dataclass(frozen=True)
class SyndicateRow:
    reference: str
    borrower: str
    lender: str
    role: str
    commitment: Decimal
    share: Decimal
    funded: Decimal
    outstanding: Decimal


@dataclass(frozen=True)
class LoanBundle:
    """One loan with its pledges and lenders, so the workbook streams every sheet in one pass."""

    loan: PortfolioRow
    pledges: Sequence[PledgeRow] = ()
    syndicate: Sequence[SyndicateRow] = ()
    emissions: EmissionRow | None = None  # PCAF figures (the 排放 Emissions sheet)


@dataclass(frozen=True)
class MaturityRow:
    month: date  # first day of the month
    classification: str
    principal: Decimal
    interest: Decimal
    loans: int


# ---- carbon-linked loans after approval (issue 15) ---------------------------------------


@dataclass(frozen=True)
class KpiTestInfo:
    """One test of one KPI as the memo and the workbook show it, worded in one language."""

    reference: str
    borrower: str
    kpi: str
    unit: str
    baseline: Decimal | None
    target: Decimal | None
    test_date: date
    deadline: date
    value: Decimal | None  # the deciding (else the latest) observation
    comparison: str
    verification: str  # "verifier, report ref" or why it does not count
    outcome: str
    adjust_bps: int | None  # None while undecided
    cumulative_bps: int | None
    schedule_version: int | None


@dataclass(frozen=True)
class MarginInfo:
    version: int
    reason: str
    ratchet_bps: int  # the cumulative ratchet in force (capped)
    from_period: int | None  # the first period the change reaches
    from_rate: Decimal | None  # that period's all-in rate in this version
    created_by: str


@dataclass(frozen=True)
class KpiMemo:
    policy: str
    tests: Sequence[KpiTestInfo]
    margin: Sequence[MarginInfo]
    alerts: Sequence[str]


# ---- financed emissions (PCAF, issue 15 part 2) ------------------------------------------


@dataclass(frozen=True)
class EmissionRow:
    """One loan's PCAF figures for the Emissions sheet (tCO2e a year)."""

    reference: str
    borrower: str
    classification: str
    category: str
    region: str
    basis: str
    outstanding: Decimal
    option: str
    score: int | None
    attribution: Decimal | None
    emissions_t: Decimal | None
    financed_t: Decimal | None
    financed_scope3_t: Decimal | None
    avoided_t: Decimal | None
    year: int | None
    source: str
    assumed: str  # "ASSUMED" or ""
    notes: str


@dataclass(frozen=True)
class AllocationRow:
    """One use-of-proceeds line of one loan in the year's allocation and impact report."""

    reference: str
    borrower: str
    year: int
    line: int
    catalogue_code: str
    description: str
    amount: Decimal
    allocated_in_year: Decimal
    allocated: Decimal
    unallocated: Decimal
    attributed_reduction_t: Decimal | None  # the line's share of the project's yearly reduction
