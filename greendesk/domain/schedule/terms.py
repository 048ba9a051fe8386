"""Typed loan terms, as produced by ``parse_terms`` from the TERMS JSON.

All amounts are ``Decimal`` with two places, all rates ``Decimal`` fractions (0.0345 = 3.45 %).
The dataclasses are frozen: a ``Terms`` value is checked once and never changes. Build it with
``parse_terms``: the engine relies on its checks (sums, dates on the period grid, drawdowns in
date order, the calendar's coverage) and does not repeat them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

from greendesk.domain.calendar import BeyondCoverage, BusinessDay
from greendesk.domain.daycount import DayCount


class Frequency(Enum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"
    ANNUAL = "annual"

    @property
    def months(self) -> int:
        return {"monthly": 1, "quarterly": 3, "semiannual": 6, "annual": 12}[self.value]

    @property
    def per_year(self) -> int:
        return 12 // self.months


class Method(Enum):
    ANNUITY = "annuity"  # 等额本息
    EQUAL_PRINCIPAL = "equal_principal"  # 等额本金
    BULLET = "bullet"  # 按期付息到期还本
    CUSTOM = "custom"  # 按计划还款


class Role(Enum):
    LEAD_ARRANGER = "lead_arranger"  # 牵头行
    AGENT = "agent"  # 代理行
    PARTICIPANT = "participant"  # 参加行


@dataclass(frozen=True)
class FixedRate:
    annual: Decimal


@dataclass(frozen=True)
class BaseRatePoint:
    start: date  # "from" in the JSON
    base_rate: Decimal


@dataclass(frozen=True)
class FloatingRate:
    """Base rate (e.g. LPR5Y) plus a spread, repriced on each anniversary of the start date."""

    base: str
    base_rate: Decimal
    spread_bps: int
    base_rate_path: tuple[BaseRatePoint, ...] = ()


@dataclass(frozen=True)
class RatchetStep:
    effective: date
    adjust_bps: int


@dataclass(frozen=True)
class Drawdown:
    date: date
    amount: Decimal


@dataclass(frozen=True)
class CustomPrincipal:
    """One scheduled repayment, already resolved to an amount (percentages converted)."""

    date: date
    amount: Decimal


@dataclass(frozen=True)
class Lender:
    name: str
    role: Role
    commitment: Decimal


@dataclass(frozen=True)
class Fees:
    arrangement_rate: Decimal = Decimal(0)
    commitment_fee_bps: Decimal = Decimal(0)
    agency_fee_per_year: Decimal = Decimal("0.00")


@dataclass(frozen=True)
class Terms:
    amount: Decimal
    currency: str
    start_date: date
    term_months: int
    frequency: Frequency
    method: Method
    rate: FixedRate | FloatingRate
    drawdowns: tuple[Drawdown, ...]
    grace_periods: int = 0
    custom_principal: tuple[CustomPrincipal, ...] = ()
    ratchet: tuple[RatchetStep, ...] = ()
    ratchet_cap_bps: int | None = None
    day_count: DayCount = DayCount.ACT_360
    calendar: str = "CN"
    calendar_beyond_coverage: BeyondCoverage = BeyondCoverage.PROJECT
    business_day: BusinessDay = BusinessDay.MODIFIED_FOLLOWING
    lenders: tuple[Lender, ...] = ()
    fees: Fees = Fees()

    @property
    def periods(self) -> int:
        return self.term_months // self.frequency.months

    @property
    def drawn_total(self) -> Decimal:
        return sum((d.amount for d in self.drawdowns), Decimal("0.00"))
