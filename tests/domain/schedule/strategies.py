"""Hypothesis strategy for random valid TERMS dictionaries."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Any

from hypothesis import strategies as st

from greendesk.domain.schedule.dates import add_months

MONTHS = {"monthly": 1, "quarterly": 3, "semiannual": 6, "annual": 12}


def _split(draw: st.DrawFn, total: int, parts: int) -> list[int]:
    """``total`` fen in ``parts`` positive whole-fen pieces."""
    cuts = sorted(
        draw(
            st.lists(st.integers(1, total - 1), min_size=parts - 1, max_size=parts - 1, unique=True)
        )
    )
    bounds = [0, *cuts, total]
    return [b - a for a, b in pairwise(bounds)]


def money(fen: int) -> str:
    return str(Decimal(fen).scaleb(-2))


@st.composite
def valid_terms(draw: st.DrawFn) -> dict[str, Any]:
    frequency = draw(st.sampled_from(sorted(MONTHS)))
    step = MONTHS[frequency]
    periods = draw(st.integers(1, min(120, 360 // step)))
    start = draw(st.dates(date(2015, 1, 1), date(2025, 12, 31)))
    amount = draw(st.integers(100_000, 10**11))
    method = draw(st.sampled_from(["annuity", "equal_principal", "bullet", "custom"]))
    grace = draw(st.integers(0, periods - 1))
    maturity = add_months(start, periods * step)
    data: dict[str, Any] = {
        "amount": money(amount),
        "currency": "CNY",
        "start_date": start.isoformat(),
        "term_months": periods * step,
        "frequency": frequency,
        "method": method,
        "grace_periods": grace,
        "day_count": draw(st.sampled_from(["ACT/360", "ACT/365F", "30/360"])),
        "business_day": draw(
            st.sampled_from(["following", "modified_following", "preceding", "unadjusted"])
        ),
    }
    if draw(st.booleans()):
        data["calendar"] = "NONE"
    else:
        data["calendar"] = "CN"
        data["calendar_beyond_coverage"] = "weekends"
    if draw(st.booleans()):
        data["rate"] = {"annual": str(Decimal(draw(st.integers(100, 1500))).scaleb(-4))}
    else:
        path_days = draw(st.lists(st.integers(1, (maturity - start).days), max_size=3, unique=True))
        data["rate"] = {
            "base": draw(st.sampled_from(["LPR1Y", "LPR5Y"])),
            "base_rate": str(Decimal(draw(st.integers(200, 500))).scaleb(-4)),
            "spread_bps": draw(st.integers(-100, 200)),
            "base_rate_path": [
                {
                    "from": (start + timedelta(days=d)).isoformat(),
                    "base_rate": str(Decimal(draw(st.integers(200, 500))).scaleb(-4)),
                }
                for d in sorted(path_days)
            ],
        }
    steps = draw(st.lists(st.integers(0, (maturity - start).days - 1), max_size=3))
    if steps:
        data["ratchet"] = [
            {
                "effective": (start + timedelta(days=d)).isoformat(),
                "adjust_bps": draw(st.integers(-20, 20)),
            }
            for d in steps
        ]
        if draw(st.booleans()):
            data["ratchet_cap_bps"] = draw(st.integers(0, 30))
    # drawdowns in the first half of the term (and before the first payment date for 1 period)
    first_end = add_months(start, step)
    window = max(0, min((maturity - start).days // 2, (first_end - start).days - 10))
    count = draw(st.integers(1, 4))
    drawn = amount if draw(st.booleans()) else draw(st.integers(count, amount))
    pieces = _split(draw, drawn, count) if count > 1 else [drawn]
    offsets = sorted(draw(st.lists(st.integers(0, window), min_size=count, max_size=count)))
    offsets[0] = 0 if draw(st.booleans()) else offsets[0]
    data["drawdowns"] = [
        {"date": (start + timedelta(days=o)).isoformat(), "amount": money(p)}
        for o, p in zip(offsets, pieces, strict=True)
    ]
    last_draw = start + timedelta(days=offsets[-1])
    if method == "custom":
        eligible = [
            k
            for k in range(max(grace, 1), periods)
            if add_months(start, k * step) >= last_draw + timedelta(days=15)
        ]
        chosen = (
            sorted(set(draw(st.lists(st.sampled_from(eligible), max_size=4)))) if eligible else []
        )
        chosen = [*chosen, periods] if drawn >= len(chosen) + 1 else [periods]
        ends = [add_months(start, k * step).isoformat() for k in chosen]
        if draw(st.booleans()) or len(chosen) == 1:
            parts = _split(draw, drawn, len(chosen)) if len(chosen) > 1 else [drawn]
            plan = [{"date": d, "amount": money(p)} for d, p in zip(ends, parts, strict=True)]
        else:
            parts = _split(draw, 10000, len(chosen))
            plan = [
                {"date": d, "percent": str(Decimal(p).scaleb(-2))}
                for d, p in zip(ends, parts, strict=True)
            ]
        data["custom_principal"] = plan
        data["grace_periods"] = min(grace, chosen[0] - 1)
    lender_count = draw(st.integers(0, 12))
    fees: dict[str, Any] = {}
    if draw(st.booleans()):
        fees["arrangement_rate"] = str(Decimal(draw(st.integers(0, 300))).scaleb(-4))
    if draw(st.booleans()):
        fees["commitment_fee_bps"] = draw(st.integers(0, 100))
    if lender_count:
        lender_count = min(lender_count, amount)
        commitments = _split(draw, amount, lender_count) if lender_count > 1 else [amount]
        roles = ["lead_arranger", "agent"] + ["participant"] * 10
        data["lenders"] = [
            {"name": f"银行{i}", "role": roles[i], "commitment": money(c)}
            for i, c in enumerate(commitments)
        ]
        if lender_count > 1 and draw(st.booleans()):
            fees["agency_fee_per_year"] = money(draw(st.integers(0, 50_000_000)))
    if fees:
        data["fees"] = fees
    return data
