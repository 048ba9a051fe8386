"""Coverage and each alert, on the article's collateral cases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from greendesk.domain.collateral import (
    LoanCollateral,
    PledgeFacts,
    PricePoint,
    PriceTable,
    assess_collateral,
    coverage_ratio,
    load_collateral_types,
    revalue_on_price,
    surrender_deadline,
)
from greendesk.domain.errors import InvalidInput

PRICES = PriceTable(
    [
        PricePoint("CEA", date(2024, 12, 31), Decimal("97.50")),
        PricePoint("GRASSLAND_SINK", date(2024, 12, 20), Decimal("29.50")),
    ]
)


def _burqin(threshold: str = "1.30") -> LoanCollateral:
    # Burqin grassland loan: 15,000,000.00, pledging two years of the 670,000 t sink
    return LoanCollateral(
        reference="XJ-ALT-2024-001",
        exposure=Decimal("15000000.00"),
        maturity_date=date(2027, 3, 15),
        coverage_threshold=Decimal(threshold),
        pledges=(
            PledgeFacts(
                seq=1,
                collateral_type="grassland_sink_revenue",
                quantity=Decimal("1340000"),
                expiry=date(2027, 12, 31),
            ),
        ),
    )


def _cea_loan(vintage: int | None, maturity: date) -> LoanCollateral:
    # CCB Changji's first allowance-pledge loan: 200,000,000.00 against allowances
    return LoanCollateral(
        reference="XJ-CJ-2023-CCB-CEA",
        exposure=Decimal("200000000.00"),
        maturity_date=maturity,
        coverage_threshold=Decimal("1.00"),
        pledges=(
            PledgeFacts(
                seq=1, collateral_type="cea", quantity=Decimal("4200000"), vintage_year=vintage
            ),
        ),
    )


def test_burqin_coverage_above_threshold_has_no_alert() -> None:
    result = assess_collateral(_burqin(), load_collateral_types(), PRICES, date(2025, 1, 10))
    # 1,340,000 × 29.50 = 39,530,000.00; × 0.50 = 19,765,000.00; / 15,000,000 = 1.31767 → 1.3177
    assert result.total_value == Decimal("39530000.00")
    assert result.total_eligible == Decimal("19765000.00")
    assert result.coverage == Decimal("1.3177")
    assert result.alerts == ()


def test_coverage_below_the_loans_threshold() -> None:
    result = assess_collateral(_burqin("1.50"), load_collateral_types(), PRICES, date(2025, 1, 10))
    assert result.alert_kinds() == ["coverage_below_threshold"]
    alert = result.alerts[0]
    assert (alert.coverage, alert.threshold, alert.exposure) == (
        Decimal("1.3177"),
        Decimal("1.50"),
        Decimal("15000000.00"),
    )
    assert alert.zh == "押品覆盖率 131.77% 低于本笔贷款警戒线 150.00%（敞口 15,000,000.00 元）"
    assert "131.77%" in alert.en and "150.00%" in alert.en and alert.message == alert.en


def test_coverage_ratio_of_zero_exposure_is_none() -> None:
    assert coverage_ratio(Decimal("10.00"), Decimal("0.00")) is None
    assert coverage_ratio(Decimal("2.00"), Decimal("3.00")) == Decimal("0.6667")


def test_pledge_expiring_before_maturity() -> None:
    loan = _burqin()
    pledge = loan.pledges[0]
    early = LoanCollateral(
        loan.reference, loan.exposure, loan.maturity_date, loan.coverage_threshold,
        (PledgeFacts(pledge.seq, pledge.collateral_type, quantity=pledge.quantity,
                     expiry=date(2025, 12, 31)),),
    )  # fmt: skip
    result = assess_collateral(early, load_collateral_types(), PRICES, date(2025, 1, 10))
    assert result.alert_kinds() == ["pledge_expires_before_maturity"]
    alert = result.alerts[0]
    assert (alert.pledge_seq, alert.expiry, alert.maturity) == (
        1,
        date(2025, 12, 31),
        date(2027, 3, 15),
    )
    assert alert.collateral_type == "grassland_sink_revenue"
    assert alert.zh.startswith("押品 1（草原碳汇") and "于 2025-12-31 到期" in alert.zh
    assert "早于贷款到期日 2027-03-15" in alert.zh
    assert "expires 2025-12-31, before the loan matures 2027-03-15" in alert.en


def test_expiry_not_recorded_for_a_right_with_a_term_is_an_info_alert() -> None:
    loan = LoanCollateral(
        "X", Decimal("1000000.00"), date(2030, 1, 1), None,
        (PledgeFacts(1, "patent", appraised_value=Decimal("5000000.00"),
                     valuation_date=date(2025, 1, 1)),),
    )  # fmt: skip
    result = assess_collateral(loan, load_collateral_types(), PRICES, date(2025, 1, 10))
    assert [(a.kind, a.severity) for a in result.alerts] == [("expiry_unknown", "info")]
    assert result.alerts[0].zh.endswith("有期限，但未登记到期日")


def test_surrender_deadline_is_31_december_of_the_following_year() -> None:
    assert surrender_deadline(2024) == date(2025, 12, 31)


def test_allowance_vintage_surrendered_before_the_loan_ends() -> None:
    # A 2024-vintage allowance must be surrendered by 2025-12-31; a loan maturing in 2026
    # cannot rely on it to the end (the article's "cross-compliance-period" pledge problem).
    result = assess_collateral(
        _cea_loan(2024, date(2026, 6, 30)), load_collateral_types(), PRICES, date(2025, 1, 10)
    )
    assert result.alert_kinds() == ["allowance_surrendered_before_maturity"]
    alert = result.alerts[0]
    assert (alert.vintage, alert.surrender_deadline, alert.maturity) == (
        2024,
        date(2025, 12, 31),
        date(2026, 6, 30),
    )
    assert alert.zh == "押品 1：2024 年度配额须于 2025-12-31 前清缴，早于贷款到期日 2026-06-30"
    ok = assess_collateral(
        _cea_loan(2024, date(2025, 12, 31)), load_collateral_types(), PRICES, date(2025, 1, 10)
    )
    assert ok.alerts == ()


def test_allowance_without_vintage_is_flagged() -> None:
    result = assess_collateral(
        _cea_loan(None, date(2025, 6, 30)), load_collateral_types(), PRICES, date(2025, 1, 10)
    )
    assert result.alert_kinds() == ["allowance_vintage_unknown"]


def test_price_older_than_the_limit() -> None:
    # the last CEA close is 2024-12-31; on 2025-03-01 it is 60 days old (limit 30)
    result = assess_collateral(
        _cea_loan(2025, date(2026, 6, 30)), load_collateral_types(), PRICES, date(2025, 3, 1)
    )
    assert "stale_price" in result.alert_kinds()
    stale = next(a for a in result.alerts if a.kind == "stale_price")
    assert (stale.instrument, stale.value_date, stale.age_days, stale.limit_days) == (
        "CEA",
        date(2024, 12, 31),
        60,
        30,
    )
    assert "已 60 天未更新（上限 30 天）" in stale.zh
    assert "price of 2024-12-31 is 60 days old (limit 30)" in stale.en
    fresh = assess_collateral(
        _cea_loan(2025, date(2026, 6, 30)), load_collateral_types(), PRICES, date(2025, 1, 30)
    )
    assert "stale_price" not in fresh.alert_kinds()


def test_old_appraisal_and_missing_value() -> None:
    loan = LoanCollateral(
        "X", Decimal("1000000.00"), date(2026, 1, 1), None,
        (
            PledgeFacts(1, "real_estate", appraised_value=Decimal("3000000.00"),
                        valuation_date=date(2023, 6, 30)),
            PledgeFacts(2, "equipment"),
        ),
    )  # fmt: skip
    result = assess_collateral(loan, load_collateral_types(), PRICES, date(2025, 1, 10))
    assert result.alert_kinds() == ["stale_appraisal", "no_value"]
    assert result.valuations[1].value == Decimal("0.00")
    appraisal, no_value = result.alerts
    # 2023-06-30 to 2024-06-30 is 366 days (2024 is a leap year), then 194 to 2025-01-10
    assert (appraisal.value_date, appraisal.age_days) == (date(2023, 6, 30), 560)
    assert appraisal.limit_days is not None and appraisal.limit_days < 560
    assert "评估日 2023-06-30，已 560 天" in appraisal.zh
    assert no_value.zh.startswith("押品 2（") and "无法估值：无评估价值" in no_value.zh
    assert no_value.en.endswith("cannot be valued: no appraised value")


def test_unknown_collateral_type_is_refused() -> None:
    loan = LoanCollateral("X", Decimal("1.00"), None, None, (PledgeFacts(1, "gold_bars"),))
    with pytest.raises(InvalidInput, match=r"X.pledges\[0\].collateral_type: unknown"):
        assess_collateral(loan, load_collateral_types(), PRICES, date(2025, 1, 10))


def test_revaluation_when_the_allowance_price_falls() -> None:
    # CEA falls from 97.50 to 58.60: the allowance loan loses cover and drops below 1.00;
    # the grassland loan is untouched and not listed.
    types = load_collateral_types()
    cea = _cea_loan(2025, date(2026, 6, 30))
    changes = revalue_on_price(
        [cea, _burqin()], types, PRICES, PricePoint("CEA", date(2025, 1, 20), Decimal("58.60"))
    )
    assert [c.reference for c in changes] == ["XJ-CJ-2023-CCB-CEA"]
    change = changes[0]
    # 4,200,000 t × 97.50 × 0.5 = 204,750,000.00 → × 58.60 × 0.5 = 123,060,000.00
    assert change.eligible_before == Decimal("204750000.00")
    assert change.eligible_after == Decimal("123060000.00")
    assert change.change == Decimal("-81690000.00")
    assert (change.coverage_before, change.coverage_after) == (Decimal("1.0238"), Decimal("0.6153"))
    assert [a.kind for a in change.new_alerts] == ["coverage_below_threshold"]


def test_every_alert_kind_is_worded_in_both_languages() -> None:
    """Each kind has a Chinese and an English template naming the pledge (or the coverage)."""
    from greendesk.domain.collateral import ALERT_KINDS
    from greendesk.domain.collateral.wording import ALERT_WORDING

    assert set(ALERT_KINDS) == set(ALERT_WORDING)
    for kind, (zh, en) in ALERT_WORDING.items():
        assert zh.startswith(("押品 {seq}", "押品覆盖率")), kind
        assert en.startswith(("pledge {seq}", "collateral coverage")), kind
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in en), kind


def test_price_table_finds_the_quote_in_force() -> None:
    table = PriceTable(
        [
            PricePoint("CEA", date(2025, 1, 3), Decimal("98.00")),
            PricePoint("CEA", date(2024, 12, 31), Decimal("97.50")),
            PricePoint("CEA", date(2025, 1, 6), Decimal("99.10")),
        ]
    )
    assert table.latest("CEA", date(2024, 12, 30)) is None
    assert table.latest("CEA", date(2024, 12, 31)) == PricePoint(
        "CEA", date(2024, 12, 31), Decimal("97.50")
    )
    found = table.latest("CEA", date(2025, 1, 5))
    assert found is not None and found.price == Decimal("98.00")
    found = table.latest("CEA", date(2030, 1, 1))
    assert found is not None and found.price == Decimal("99.10")
    assert table.latest("CCER", date(2025, 1, 5)) is None
    newer = table.with_price(PricePoint("CEA", date(2025, 1, 4), Decimal("90.00")))
    found = newer.latest("CEA", date(2025, 1, 5))
    assert found is not None and found.price == Decimal("90.00")
    found = table.latest("CEA", date(2025, 1, 5))
    assert found is not None and found.price == Decimal("98.00")  # the original is unchanged
