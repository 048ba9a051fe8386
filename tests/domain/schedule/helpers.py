"""Terms dictionaries for the schedule tests."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

FEN = Decimal("0.01")


def half_up(value: Decimal | float | str) -> Decimal:
    """Round half-up to the fen, from a Decimal or (oracle side only) a float via its repr."""
    return Decimal(str(value)).quantize(FEN, rounding=ROUND_HALF_UP)


def terms(**overrides: Any) -> dict[str, Any]:
    """A plain valid loan: 1,000,000 over 12 months, monthly annuity at 4.2 %, no calendar."""
    data: dict[str, Any] = {
        "amount": "1000000.00",
        "currency": "CNY",
        "start_date": "2025-01-15",
        "term_months": 12,
        "frequency": "monthly",
        "method": "annuity",
        "rate": {"annual": "0.042"},
        "day_count": "30/360",
        "calendar": "NONE",
    }
    data.update(overrides)
    return data


SYNDICATE: dict[str, Any] = {
    "amount": "2443000000.00",
    "start_date": "2025-03-20",
    "term_months": 180,
    "frequency": "quarterly",
    "method": "equal_principal",
    "grace_periods": 8,
    "rate": {
        "base": "LPR5Y",
        "base_rate": "0.0360",
        "spread_bps": -15,
        "base_rate_path": [
            {"from": "2025-05-20", "base_rate": "0.0350"},
            {"from": "2027-01-20", "base_rate": "0.0340"},
        ],
    },
    "ratchet": [
        {"effective": "2027-01-01", "adjust_bps": -5},
        {"effective": "2028-01-01", "adjust_bps": -5},
    ],
    "ratchet_cap_bps": 8,
    "calendar": "CN",
    "calendar_beyond_coverage": "weekends",
    "drawdowns": [
        {"date": "2025-03-20", "amount": "800000000.00"},
        {"date": "2025-07-10", "amount": "700000000.00"},
        {"date": "2025-11-15", "amount": "600000000.00"},
        {"date": "2026-02-27", "amount": "343000000.00"},
    ],
    "lenders": [
        {"name": "国家开发银行新疆分行", "role": "lead_arranger", "commitment": "600000000.00"},
        {"name": "中国农业银行新疆分行", "role": "agent", "commitment": "500000000.00"},
        {"name": "中国银行新疆分行", "role": "participant", "commitment": "443000000.00"},
        {"name": "建设银行新疆分行", "role": "participant", "commitment": "300000000.00"},
        {"name": "工商银行新疆分行", "role": "participant", "commitment": "300000000.00"},
        {"name": "乌鲁木齐银行", "role": "participant", "commitment": "300000000.00"},
    ],
    "fees": {
        "arrangement_rate": "0.002",
        "commitment_fee_bps": 30,
        "agency_fee_per_year": "200000.00",
    },
}
