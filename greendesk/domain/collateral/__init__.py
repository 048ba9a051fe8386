"""Collateral: types as data, pledge valuation from a price table, coverage, alerts, revaluation.

Public entry points: ``load_collateral_types``, ``collateral_type_error``, ``PriceTable``,
``value_pledge``, ``assess_collateral`` (one loan), ``assess_portfolio``, ``revalue_on_price`` /
``revalue_portfolio`` and ``surrender_deadline``.
"""

from greendesk.domain.collateral.alerts import ALERT_KINDS, Alert, surrender_deadline
from greendesk.domain.collateral.coverage import (
    CollateralAssessment,
    LoanCollateral,
    assess_collateral,
    assess_portfolio,
    coverage_ratio,
)
from greendesk.domain.collateral.prices import PricePoint, PriceTable
from greendesk.domain.collateral.revaluation import Revaluation, revalue_on_price, revalue_portfolio
from greendesk.domain.collateral.types import (
    CollateralType,
    CollateralTypes,
    collateral_type_error,
    load_collateral_types,
)
from greendesk.domain.collateral.valuation import PledgeFacts, PledgeValuation, value_pledge

__all__ = [
    "ALERT_KINDS",
    "Alert",
    "CollateralAssessment",
    "CollateralType",
    "CollateralTypes",
    "LoanCollateral",
    "PledgeFacts",
    "PledgeValuation",
    "PricePoint",
    "PriceTable",
    "Revaluation",
    "assess_collateral",
    "assess_portfolio",
    "collateral_type_error",
    "coverage_ratio",
    "load_collateral_types",
    "revalue_on_price",
    "revalue_portfolio",
    "surrender_deadline",
    "value_pledge",
]
