"""Revalue a portfolio when a reference price changes: coverage before and after, new alerts.

When the allowance price falls, every loan secured by allowances loses cover at once; the
revaluation lists exactly the loans whose figures moved and the alerts the move raised.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from greendesk.domain.collateral.alerts import Alert
from greendesk.domain.collateral.coverage import LoanCollateral, assess_collateral
from greendesk.domain.collateral.prices import PricePoint, PriceTable
from greendesk.domain.collateral.types import CollateralTypes


@dataclass(frozen=True)
class Revaluation:
    reference: str
    eligible_before: Decimal
    eligible_after: Decimal
    coverage_before: Decimal | None
    coverage_after: Decimal | None
    new_alerts: tuple[Alert, ...]

    @property
    def change(self) -> Decimal:
        return self.eligible_after - self.eligible_before


def revalue_portfolio(
    loans: Sequence[LoanCollateral],
    types: CollateralTypes,
    before: PriceTable,
    after: PriceTable,
    as_of: date,
) -> list[Revaluation]:
    """Loans whose eligible value changes between two price tables on ``as_of``."""
    out = []
    for loan in loans:
        old = assess_collateral(loan, types, before, as_of)
        new = assess_collateral(loan, types, after, as_of)
        if old.total_eligible == new.total_eligible and old.alerts == new.alerts:
            continue
        old_alerts = set(old.alerts)
        out.append(
            Revaluation(
                reference=loan.reference,
                eligible_before=old.total_eligible,
                eligible_after=new.total_eligible,
                coverage_before=old.coverage,
                coverage_after=new.coverage,
                new_alerts=tuple(a for a in new.alerts if a not in old_alerts),
            )
        )
    return out


def revalue_on_price(
    loans: Sequence[LoanCollateral], types: CollateralTypes, prices: PriceTable, point: PricePoint
) -> list[Revaluation]:
    """What a new quote does to the portfolio, valued on the quote's date."""
    return revalue_portfolio(loans, types, prices, prices.with_price(point), point.price_date)
