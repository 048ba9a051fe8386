"""PCAF Part A by hand: each formula branch and each data-quality option, worked on paper.

Factor table used throughout (a small one, so every figure below can be checked by hand).
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from greendesk.domain.emissions.pcaf import (
    Activity,
    ActivityFactor,
    EmissionInputs,
    FactorTable,
    PcafError,
    SectorFactor,
    attribution,
    avoided,
    financed,
    weighted_score,
)

FACTORS = FactorTable(
    version="test-1",
    activities={
        "grid": ActivityFactor("grid", D("0.5"), "MWh", "energy"),
        "coal": ActivityFactor("coal", D("2"), "t", "energy"),
        "cement": ActivityFactor("cement", D("0.8"), "t", "production"),
    },
    sectors={"steel": SectorFactor("steel", D("400"), D("250"), D("0.6"))},
)
OUT = D("10000000.00")  # 10 million outstanding


def test_attribution_on_equity_plus_debt() -> None:
    af = attribution(OUT, D("30000000"), D("70000000"), D("1"))  # total assets ignored
    assert af.factor == D("0.1") and af.basis == "equity+debt" and af.notes == ()


def test_negative_equity_counts_as_zero() -> None:
    af = attribution(OUT, D("-5000000"), D("40000000"), None)
    assert af.factor == D("0.25")  # 10 / (0 + 40), not 10 / 35
    assert af.notes == ("negative equity -5000000 counted as 0",)


def test_missing_equity_and_debt_fall_back_to_total_assets_and_say_so() -> None:
    af = attribution(OUT, None, None, D("80000000"))
    assert af.factor == D("0.125") and af.basis == "total assets"
    assert af.notes == ("equity and debt unknown: attributed on total assets",)


def test_only_debt_known_uses_debt_alone() -> None:
    assert attribution(OUT, None, D("20000000"), D("999")).factor == D("0.5")


def test_attribution_is_held_at_one() -> None:
    af = attribution(OUT, D("2000000"), D("3000000"), None)
    assert af.factor == 1 and "held at 100%" in af.notes[0]


@pytest.mark.parametrize(
    ("equity", "debt", "assets", "message"),
    [
        (None, None, None, "no equity, debt or total assets"),
        (None, None, D(0), "no equity, debt or total assets"),
        (D("-10"), D(0), None, r"equity \+ debt is zero"),
    ],
)
def test_no_denominator_is_refused(
    equity: D | None, debt: D | None, assets: D | None, message: str
) -> None:
    with pytest.raises(PcafError, match=message):
        attribution(OUT, equity, debt, assets)


BALANCE = {"equity": D("30000000"), "debt": D("70000000")}  # AF = 0.1


@pytest.mark.parametrize(
    ("inputs", "score", "own", "expected"),
    [
        # 1a verified reported: 0.1 × 12,345.67 = 1,234.567 → 1,234.57
        (EmissionInputs("1a", scope12_t=D("12345.67"), **BALANCE), 1, D("12345.67"), D("1234.57")),
        # 1b unverified reported, same arithmetic, score 2
        (EmissionInputs("1b", scope12_t=D("12345.67"), **BALANCE), 2, D("12345.67"), D("1234.57")),
        # 2a energy: 1,000 MWh × 0.5 + 300 t coal × 2 = 1,100 t; × 0.1 = 110
        (
            EmissionInputs(
                "2a", activity=(Activity("grid", D(1000)), Activity("coal", D(300))), **BALANCE
            ),
            2, D("1100.00"), D("110.00"),
        ),
        # 2b production: 50,000 t cement × 0.8 = 40,000 t; × 0.1 = 4,000
        (EmissionInputs("2b", activity=(Activity("cement", D(50000)),), **BALANCE), 3,
         D("40000.00"), D("4000.00")),
        # 3a revenue: 250 million × 400 t per million = 100,000 t; × 0.1 = 10,000
        (EmissionInputs("3a", revenue=D("250000000"), sector="steel", **BALANCE), 4,
         D("100000.00"), D("10000.00")),
    ],
    ids=["1a", "1b", "2a", "2b", "3a"],
)  # fmt: skip
def test_options_with_an_attribution_factor(
    inputs: EmissionInputs, score: int, own: D, expected: D
) -> None:
    result = financed(OUT, inputs, FACTORS)
    assert result.score == score and result.option == inputs.option
    assert result.attribution is not None and result.attribution.factor == D("0.1")
    assert result.emissions_t == own and result.financed_t == expected


def test_option_3b_is_outstanding_times_the_asset_factor() -> None:
    # 10 million × 250 t per million of assets = 2,500 t; no attribution factor enters
    result = financed(OUT, EmissionInputs("3b", sector="steel", **BALANCE), FACTORS)
    assert (result.score, result.attribution, result.financed_t) == (5, None, D("2500.00"))


def test_option_3c_goes_through_the_asset_turnover() -> None:
    # 10 million × 0.6 turnover × 400 t per million of revenue = 2,400 t
    result = financed(OUT, EmissionInputs("3c", sector="steel"), FACTORS)
    assert (result.score, result.financed_t) == (5, D("2400.00"))


def test_scope_3_is_attributed_beside_scope_1_and_2() -> None:
    inputs = EmissionInputs("1a", scope12_t=D(1000), scope3_t=D("555.55"), **BALANCE)
    result = financed(OUT, inputs, FACTORS)
    assert (result.financed_t, result.financed_scope3_t) == (D("100.00"), D("55.56"))


def test_zero_outstanding_finances_nothing() -> None:
    inputs = EmissionInputs("1a", scope12_t=D(1000), **BALANCE)
    assert financed(D("0.00"), inputs, FACTORS).financed_t == D("0.00")


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        (EmissionInputs("4a", **BALANCE), "unknown PCAF option '4a'"),
        (EmissionInputs("1a", **BALANCE), "no reported scope 1"),
        (EmissionInputs("2a", **BALANCE), "no energy data"),
        (EmissionInputs("2a", activity=(Activity("cement", D(1)),), **BALANCE), "is a production"),
        (EmissionInputs("2b", activity=(Activity("oil", D(1)),), **BALANCE), "unknown emission"),
        (EmissionInputs("3a", sector="steel", **BALANCE), "no revenue"),
        (EmissionInputs("3b", sector="glass"), "unknown sector factor 'glass'"),
    ],
    ids=["option", "1a-none", "2a-none", "2a-kind", "2b-factor", "3a-revenue", "3b-sector"],
)
def test_inputs_that_cannot_give_a_figure_say_why(inputs: EmissionInputs, message: str) -> None:
    with pytest.raises(PcafError, match=message):
        financed(OUT, inputs, FACTORS)


def test_avoided_emissions_are_attributed_the_same_way_and_kept_apart() -> None:
    assert avoided(D("0.1"), D("13600")) == D("1360.00")
    assert avoided(D("0.1"), None) is None


def test_weighted_score_weights_by_outstanding() -> None:
    # (300 × 1 + 100 × 5) / 400 = 2.00
    assert weighted_score([(D(300), 1), (D(100), 5)]) == D("2.00")
    assert weighted_score([(D(0), 3)]) is None
