"""Each collateral type is valued on a date from the price table or its appraisal."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from greendesk.domain.collateral import (
    PledgeFacts,
    PricePoint,
    PriceTable,
    collateral_type_error,
    load_collateral_types,
    value_pledge,
)

AS_OF = date(2025, 10, 15)
PRICES = PriceTable(
    [
        PricePoint("CEA", date(2024, 12, 31), Decimal("97.50")),
        PricePoint("CEA", date(2025, 9, 30), Decimal("58.60")),
        PricePoint("CEA", date(2025, 12, 31), Decimal("62.00")),  # after AS_OF: not used
        PricePoint("CCER", date(2025, 9, 30), Decimal("85.00")),
        PricePoint("GRASSLAND_SINK", date(2025, 9, 30), Decimal("29.50")),
        PricePoint("FOREST_SINK", date(2025, 9, 30), Decimal("40.00")),
        PricePoint("SWC_SINK", date(2025, 9, 30), Decimal("31.00")),
        PricePoint("DISCHARGE", date(2025, 9, 30), Decimal("3500.00")),
        PricePoint("ENERGY_RIGHT", date(2025, 9, 30), Decimal("120.00")),
    ]
)

# (type, quantity, appraised value, expected value, expected eligible at the default rate)
CASES = [
    # 2,000,000 t of allowances × 58.60 (latest CEA close on or before 15 Oct 2025)
    ("cea", "2000000", None, "117200000.00", "58600000.00"),
    # Zhangye afforestation CCER: 15 years × 13,600 t = 204,000 t × 85.00
    ("ccer", "204000", None, "17340000.00", "8670000.00"),
    ("forest_sink_revenue", "13600", None, "544000.00", "272000.00"),
    # Burqin: two years of the 670,000 t sink at 29.50 yuan/t
    ("grassland_sink_revenue", "1340000", None, "39530000.00", "19765000.00"),
    # Pengyang: the unsold 57,000 t of the 93,000 t sink at 31.00 yuan/t
    ("swc_sink_revenue", "57000", None, "1767000.00", "883500.00"),
    ("plant_variety_right", "3", "12000000.00", "12000000.00", "3600000.00"),
    ("discharge_right", "120.5", None, "421750.00", "210875.00"),
    ("water_use_right", "400000", "1200000.00", "1200000.00", "600000.00"),
    ("energy_use_right", "5000", None, "600000.00", "300000.00"),
    ("forest_right", "120000", "95000000.00", "95000000.00", "47500000.00"),
    ("renewable_subsidy_receivable", None, "86000000.00", "86000000.00", "68800000.00"),
    ("patent", "5", "8000000.00", "8000000.00", "2400000.00"),
    ("franchise_right", "1", "150000000.00", "150000000.00", "90000000.00"),
    ("real_estate", "3200", "24000000.00", "24000000.00", "16800000.00"),
    ("equipment", "40", "30000000.00", "30000000.00", "15000000.00"),
]


def test_every_shipped_type_is_covered_by_a_case() -> None:
    assert {c[0] for c in CASES} == set(load_collateral_types().types)


@pytest.mark.parametrize(("key", "quantity", "appraised", "value", "eligible"), CASES)
def test_each_type_is_valued(
    key: str, quantity: str | None, appraised: str | None, value: str, eligible: str
) -> None:
    types = load_collateral_types()
    pledge = PledgeFacts(
        seq=1,
        collateral_type=key,
        quantity=Decimal(quantity) if quantity else None,
        appraised_value=Decimal(appraised) if appraised else None,
        valuation_date=date(2025, 6, 30),
    )
    result = value_pledge(pledge, types.types[key], PRICES, AS_OF)
    assert result.value == Decimal(value)
    assert result.eligible_value == Decimal(eligible)
    assert result.registry == types.types[key].registry.name_zh


def test_allowance_uses_the_latest_price_on_or_before_the_date() -> None:
    types = load_collateral_types()
    pledge = PledgeFacts(seq=1, collateral_type="cea", quantity=Decimal("1000"))
    early = value_pledge(pledge, types.types["cea"], PRICES, date(2025, 1, 15))
    assert (early.unit_price, early.value_date, early.value) == (
        Decimal("97.50"),
        date(2024, 12, 31),
        Decimal("97500.00"),
    )
    before_any = value_pledge(pledge, types.types["cea"], PRICES, date(2024, 1, 1))
    assert before_any.basis == "none"
    assert before_any.value == Decimal("0.00")


def test_pledge_rate_on_the_pledge_overrides_the_type_default() -> None:
    types = load_collateral_types()
    pledge = PledgeFacts(
        seq=1, collateral_type="cea", quantity=Decimal("1000"), pledge_rate=Decimal("0.7")
    )
    result = value_pledge(pledge, types.types["cea"], PRICES, AS_OF)
    assert result.eligible_value == Decimal("41020.00")  # 58,600.00 × 0.7


def test_values_round_half_up_to_the_fen() -> None:
    types = load_collateral_types()
    # 333.333 t × 58.60 = 19,533.3138 → 19,533.31; × 0.50 = 9,766.655 → 9,766.66 (half-up)
    pledge = PledgeFacts(seq=1, collateral_type="cea", quantity=Decimal("333.333"))
    result = value_pledge(pledge, types.types["cea"], PRICES, AS_OF)
    assert result.value == Decimal("19533.31")
    assert result.eligible_value == Decimal("9766.66")


def test_pledge_price_is_used_when_the_table_has_none() -> None:
    types = load_collateral_types()
    pledge = PledgeFacts(
        seq=2,
        collateral_type="ccer",
        quantity=Decimal("10000"),
        price_instrument="CCER_GS",
        unit_price=Decimal("100"),
        valuation_date=date(2025, 5, 1),
    )
    result = value_pledge(pledge, types.types["ccer"], PRICES, AS_OF)
    assert result.basis == "pledge_price"
    assert result.value == Decimal("1000000.00")
    assert "CCER_GS" in result.note


def test_collateral_type_error() -> None:
    assert collateral_type_error("cea") is None
    assert (collateral_type_error("gold_bars") or "").startswith("unknown collateral type")


def test_price_table_replaces_a_quote_on_the_same_day() -> None:
    table = PRICES.with_price(PricePoint("CEA", date(2025, 9, 30), Decimal("60.00")))
    point = table.latest("CEA", AS_OF)
    assert point is not None and point.price == Decimal("60.00")
    original = PRICES.latest("CEA", AS_OF)
    assert original is not None and original.price == Decimal("58.60")
