"""Loan coverage: Σ(value × pledge rate) / exposure, with all the loan's collateral alerts.

Coverage is what a credit committee watches: it must stay above the loan's threshold as prices
move, and the collateral must outlive the loan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from greendesk.domain.collateral.alerts import (
    Alert,
    coverage_alert,
    expiry_alerts,
    staleness_alerts,
    vintage_alerts,
)
from greendesk.domain.collateral.prices import PriceTable
from greendesk.domain.collateral.types import CollateralTypes
from greendesk.domain.collateral.valuation import PledgeFacts, PledgeValuation, value_pledge
from greendesk.domain.errors import ErrorCollector

RATIO_PLACES = Decimal("0.0001")


@dataclass(frozen=True)
class LoanCollateral:
    """A loan as the collateral rules see it."""

    reference: str
    exposure: Decimal
    maturity_date: date | None
    coverage_threshold: Decimal | None
    pledges: tuple[PledgeFacts, ...]


@dataclass(frozen=True)
class CollateralAssessment:
    reference: str
    as_of: date
    exposure: Decimal
    maturity_date: date | None
    coverage_threshold: Decimal | None
    valuations: tuple[PledgeValuation, ...]
    total_value: Decimal
    total_eligible: Decimal
    coverage: Decimal | None  # None when the exposure is zero
    alerts: tuple[Alert, ...]

    def alert_kinds(self) -> list[str]:
        return [a.kind for a in self.alerts]


def coverage_ratio(total_eligible: Decimal, exposure: Decimal) -> Decimal | None:
    """Σ eligible value / exposure to four places (half-up); None for a zero exposure."""
    if exposure <= 0:
        return None
    return (total_eligible / exposure).quantize(RATIO_PLACES, rounding=ROUND_HALF_UP)


def check_pledge_types(loan: LoanCollateral, types: CollateralTypes) -> None:
    """Every pledge must name a known type; ``InvalidInput`` lists those that do not."""
    e = ErrorCollector()
    for i, pledge in enumerate(loan.pledges):
        broken = types.type_error(pledge.collateral_type)
        if broken:
            e.add(f"{loan.reference}.pledges[{i}].collateral_type", broken)
    e.raise_if_any()


def assess_collateral(
    loan: LoanCollateral, types: CollateralTypes, prices: PriceTable, as_of: date
) -> CollateralAssessment:
    """Value every pledge on ``as_of``, the loan's coverage, and all its alerts."""
    check_pledge_types(loan, types)
    policy = types.policy
    valuations: list[PledgeValuation] = []
    alerts: list[Alert] = []
    for pledge in loan.pledges:
        ctype = types.types[pledge.collateral_type]
        valuation = value_pledge(pledge, ctype, prices, as_of)
        valuations.append(valuation)
        alerts += staleness_alerts(
            valuation, as_of, policy.max_price_age_days, policy.max_appraisal_age_days, ctype
        )
        alerts += expiry_alerts(pledge, ctype, loan.maturity_date)
        alerts += vintage_alerts(pledge, ctype, loan.maturity_date)
    total_value = sum((v.value for v in valuations), Decimal("0.00"))
    total_eligible = sum((v.eligible_value for v in valuations), Decimal("0.00"))
    ratio = coverage_ratio(total_eligible, loan.exposure)
    low = coverage_alert(ratio, loan.coverage_threshold, loan.exposure)
    if low is not None:
        alerts.insert(0, low)
    return CollateralAssessment(
        reference=loan.reference,
        as_of=as_of,
        exposure=loan.exposure,
        maturity_date=loan.maturity_date,
        coverage_threshold=loan.coverage_threshold,
        valuations=tuple(valuations),
        total_value=total_value,
        total_eligible=total_eligible,
        coverage=ratio,
        alerts=tuple(alerts),
    )


def assess_portfolio(
    loans: Sequence[LoanCollateral], types: CollateralTypes, prices: PriceTable, as_of: date
) -> list[CollateralAssessment]:
    return [assess_collateral(loan, types, prices, as_of) for loan in loans]
