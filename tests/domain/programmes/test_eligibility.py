"""The rules on hand-made positions: the figures checked against sums done by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from greendesk.domain.programmes import LoanPosition, UseOfProceeds, assess, load_programmes
from greendesk.domain.programmes.spec import ComparisonRate

RATES = (ComparisonRate(date(2015, 1, 1), Decimal("0.0200"), "test"),)
WIND = "2019:3.2.1"


def position(**changes: object) -> LoanPosition:
    base = LoanPosition(
        reference="T-1",
        borrower="测试风电有限公司",
        project="测试风电场",
        region="新疆 昌吉州",
        sector="other",
        carbon_account_grade="",
        classification="green",
        green_share=Decimal(1),
        project_code=WIND,
        transition_activity=None,
        library_recognised=False,
        use_of_proceeds=(),
        amount=Decimal("100000000.00"),
        start_date=date(2022, 1, 1),
        maturity_date=date(2024, 1, 1),
        term_months=24,
        start_rate=Decimal("0.0370"),
        lpr_name="LPR1Y",
        lpr_at_start=Decimal("0.0380"),
        live=True,
        drawdowns=((date(2022, 1, 1), Decimal("100000000.00")),),
        repayments=((date(2024, 1, 1), Decimal("100000000.00")),),
        annual_co2e_t=Decimal("50000"),
        total_investment=Decimal("200000000.00"),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def cerf(loan: LoanPosition, as_of: date):  # type: ignore[no-untyped-def]
    return assess(load_programmes()["cerf"], loan, as_of, RATES)


def test_bullet_wind_loan_refinanced_at_sixty_percent_and_its_benefit_by_hand() -> None:
    r = cerf(position(), date(2023, 6, 30))
    assert r.eligible and not r.missing
    assert r.outstanding == Decimal("100000000.00")
    assert r.refinancing == Decimal("60000000.00")
    # 60,000,000 × (2.00 % − 1.75 %) × 730 days / 360 = 304,166.666… → 304,166.67
    assert r.funding_benefit == Decimal("304166.67")
    # 50,000 t × 100,000,000 / 200,000,000
    assert r.annual_co2e_t == Decimal("25000.00")
    assert {f.id for f in r.criteria_met} == {"in_force", "area.clean_energy", "rate"}


def test_use_of_proceeds_partly_eligible_refinances_only_that_part() -> None:
    uses = (
        UseOfProceeds(WIND, Decimal("30000000.00")),
        UseOfProceeds("2019:4.1.6", Decimal("70000000.00")),
    )
    r = cerf(position(use_of_proceeds=uses), date(2023, 6, 30))
    assert r.eligible_share == Decimal("0.3")
    assert r.eligible_outstanding == Decimal("30000000.00")
    assert r.refinancing == Decimal("18000000.00")


def test_odd_amounts_round_once_half_up_to_the_fen() -> None:
    loan = position(
        amount=Decimal("1.01"),
        drawdowns=((date(2022, 1, 1), Decimal("1.01")),),
        repayments=((date(2024, 1, 1), Decimal("1.01")),),
    )
    r = cerf(loan, date(2022, 2, 1))
    assert r.refinancing == Decimal("0.61")  # 0.606 → 0.61


def test_refinancing_lapses_after_the_term_and_two_rollovers() -> None:
    loan = position(
        maturity_date=date(2032, 1, 1),
        repayments=((date(2032, 1, 1), Decimal("100000000.00")),),
        term_months=120,
        lpr_name="LPR5Y",
        lpr_at_start=Decimal("0.0465"),
    )
    assert cerf(loan, date(2024, 12, 31)).refinancing == Decimal("60000000.00")
    late = cerf(loan, date(2025, 1, 1))  # 36 months after the drawdown
    assert late.eligible and late.refinancing == Decimal("0.00")
    assert any(n.id == "window" for n in late.notes)


def test_coal_power_and_off_catalogue_are_refused_with_both_reasons_in_both_languages() -> None:
    r = cerf(position(sector="coal_power", project_code=None), date(2023, 6, 30))
    assert not r.eligible
    assert {f.id for f in r.missing} == {"area", "sector"}
    for f in r.missing:
        assert f.zh and f.en and f.zh != f.en
    assert r.refinancing == Decimal("0.00") and r.eligible_outstanding == Decimal("0.00")


def test_rate_far_above_lpr_is_missing_and_says_by_how_much() -> None:
    r = cerf(position(start_rate=Decimal("0.0400")), date(2023, 6, 30))
    assert [f.id for f in r.missing] == ["rate"]
    assert "4.00% > same-tenor LPR1Y 3.80% + 10 bps" in r.missing[0].en


def test_before_the_programme_nothing_is_in_force() -> None:
    r = cerf(position(start_date=date(2021, 1, 4)), date(2021, 6, 30))
    assert not r.eligible and r.version is None
    assert r.missing[0].id == "in_force"


def test_lvtanrong_pure_green_in_changji_is_eligible_but_computes_nothing() -> None:
    p = load_programmes()["lvtanrong"]
    r = assess(p, position(), date(2023, 6, 30), RATES)
    assert r.eligible and r.refinancing is None and r.funding_benefit is None
    assert any(n.id == "refinancing" for n in r.notes)
    elsewhere = assess(p, position(region="甘肃 酒泉市"), date(2023, 6, 30), RATES)
    assert [f.id for f in elsewhere.missing] == ["region"]
    transition = position(classification="transition", green_share=Decimal(0))
    assert not assess(p, transition, date(2023, 6, 30), RATES).eligible
    graded = replace(transition, carbon_account_grade="B")
    assert assess(p, graded, date(2023, 6, 30), RATES).eligible
