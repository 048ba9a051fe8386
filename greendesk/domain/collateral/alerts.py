"""Collateral alerts: thin coverage, pledges ending early, surrendered allowances, stale prices.

Each check is a small function so a report, a revaluation and a test can run exactly the one
they need; ``loan_alerts`` runs them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from greendesk.domain.collateral.types import CollateralType
from greendesk.domain.collateral.valuation import PledgeFacts, PledgeValuation

ALERT_KINDS = (
    "coverage_below_threshold",
    "pledge_expires_before_maturity",
    "allowance_surrendered_before_maturity",
    "allowance_vintage_unknown",
    "expiry_unknown",
    "stale_price",
    "stale_appraisal",
    "no_value",
)


@dataclass(frozen=True)
class Alert:
    kind: str
    severity: str  # "warning" or "info"
    pledge_seq: int | None
    message: str


def surrender_deadline(vintage_year: int) -> date:
    """Allowances of vintage Y are surrendered (cancelled) by 31 December of year Y+1."""
    return date(vintage_year + 1, 12, 31)


def coverage_alert(
    coverage: Decimal | None, threshold: Decimal | None, exposure: Decimal
) -> Alert | None:
    if threshold is None or coverage is None or coverage >= threshold:
        return None
    return Alert(
        "coverage_below_threshold",
        "warning",
        None,
        f"coverage {coverage:.4f} is below the loan's threshold {threshold} (exposure "
        f"{exposure:,.2f})",
    )


def expiry_alerts(pledge: PledgeFacts, ctype: CollateralType, maturity: date | None) -> list[Alert]:
    if ctype.allowance_vintage:
        return []  # allowances end by surrender: see vintage_alerts
    if pledge.expiry is None:
        if ctype.expiry_applies:
            return [
                Alert(
                    "expiry_unknown",
                    "info",
                    pledge.seq,
                    f"pledge {pledge.seq}: {ctype.name_zh} has a term but no expiry is recorded",
                )
            ]
        return []
    if maturity is not None and pledge.expiry < maturity:
        return [
            Alert(
                "pledge_expires_before_maturity",
                "warning",
                pledge.seq,
                f"pledge {pledge.seq}: {ctype.name_zh} expires {pledge.expiry}, before maturity "
                f"{maturity}",
            )
        ]
    return []


def vintage_alerts(
    pledge: PledgeFacts, ctype: CollateralType, maturity: date | None
) -> list[Alert]:
    if not ctype.allowance_vintage:
        return []
    if pledge.vintage_year is None:
        return [
            Alert(
                "allowance_vintage_unknown",
                "warning",
                pledge.seq,
                f"pledge {pledge.seq}: allowance vintage not recorded, so its surrender date is "
                "unknown",
            )
        ]
    deadline = surrender_deadline(pledge.vintage_year)
    if maturity is not None and deadline < maturity:
        return [
            Alert(
                "allowance_surrendered_before_maturity",
                "warning",
                pledge.seq,
                f"pledge {pledge.seq}: {pledge.vintage_year} allowances must be surrendered by "
                f"{deadline}, "
                f"before maturity {maturity}",
            )
        ]
    return []


def staleness_alerts(
    valuation: PledgeValuation, as_of: date, max_price_age_days: int, max_appraisal_age_days: int
) -> list[Alert]:
    seq = valuation.seq
    if valuation.basis == "none":
        return [
            Alert("no_value", "warning", seq, f"pledge {seq}: cannot be valued ({valuation.note})")
        ]
    if valuation.value_date is None:
        return []
    age = (as_of - valuation.value_date).days
    if valuation.basis in ("price", "pledge_price") and age > max_price_age_days:
        return [
            Alert(
                "stale_price",
                "warning",
                seq,
                f"pledge {seq}: {valuation.instrument} price of {valuation.value_date} is {age} "
                "days old "
                f"(limit {max_price_age_days})",
            )
        ]
    if valuation.basis == "appraisal" and age > max_appraisal_age_days:
        return [
            Alert(
                "stale_appraisal",
                "warning",
                seq,
                f"pledge {seq}: appraisal of {valuation.value_date} is {age} days old (limit "
                f"{max_appraisal_age_days})",
            )
        ]
    return []
