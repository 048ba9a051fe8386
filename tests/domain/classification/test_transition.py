"""Transition finance: high-carbon borrowers with a credible plan (Changji's coal-chemical case)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from greendesk.domain.classification import classify, parse_facts
from greendesk.domain.classification.transition import annual_reduction_pct

Case = Callable[[str], dict[str, Any]]


def _ids(findings: Any) -> list[str]:
    return [f.id for f in findings]


def test_coal_chemical_transition_linked_loan_is_transition_and_carbon_linked(case: Case) -> None:
    # Industrial Bank's 395,000,000.00 low-carbon-transition-linked loan in Changji: a modern
    # coal-chemical borrower couples green hydrogen into its process, plans 5.20 → 4.10 tCO2/t
    # from 2022 to 2030 (about 2.93 % a year, above the 2.0 % sector benchmark) and discloses
    # yearly; the margin steps 5 bps on a carbon-intensity KPI, capped at 15 bps, verified by CQC.
    result = classify(parse_facts(case("coal_chemical_transition_linked")))
    assert result.primary == "transition"
    assert result.labels == ("transition", "carbon_linked")
    assert result.green_share == Decimal("0.0000")
    assert result.transition is not None
    assert result.transition.sector == "coal_chemical"
    assert result.transition.eligible_amount == Decimal("395000000.00")
    assert result.transition.annual_reduction_pct == Decimal("2.93")
    assert result.flags == ()
    assert result.missing_evidence == ()


def test_annual_reduction_is_compound() -> None:
    # 100 → 81 over 2 years is exactly 10 % a year compounded (0.9 × 0.9 = 0.81), not 9.5 %.
    assert annual_reduction_pct(Decimal(100), Decimal(81), 2) == Decimal("10.00")
    # 5.20 → 4.10 over 8 years: (4.1/5.2)^(1/8) = 0.970726... → 2.93 %
    assert annual_reduction_pct(Decimal("5.20"), Decimal("4.10"), 8) == Decimal("2.93")
    # net zero by the target year is a 100 % fall
    assert annual_reduction_pct(Decimal(5), Decimal(0), 10) == Decimal("100.00")


def test_plan_below_the_sector_benchmark_is_not_transition(case: Case) -> None:
    facts = case("coal_chemical_transition_linked")
    # 5.20 → 4.90 over 8 years is about 0.74 % a year, under the 2.0 % benchmark
    facts["borrower"]["transition_plan"]["target_intensity"] = "4.90"
    result = classify(parse_facts(facts))
    assert "transition" not in result.labels
    assert result.primary == "carbon_linked"  # the KPI-linked pricing still stands
    assert "transition.below_benchmark" in _ids(result.flags)


def test_high_carbon_borrower_without_a_plan_is_flagged(case: Case) -> None:
    # A thermal-power company (one of Changji's 13 areas) asks for a retrofit loan but has no
    # transition plan at all.
    result = classify(parse_facts(case("thermal_power_without_plan")))
    assert result.primary == "conventional"
    assert "transition.high_carbon_without_plan" in _ids(result.flags)
    missing = _ids(result.missing_evidence)
    for name in ("baseline_intensity", "target_intensity", "base_year", "target_year"):
        assert f"transition.plan.{name}" in missing
    assert "transition conditions are not all met" in result.reason


def test_partial_plan_lists_what_is_missing_without_the_no_plan_flag(case: Case) -> None:
    facts = case("coal_chemical_transition_linked")
    del facts["borrower"]["transition_plan"]["target_year"]
    result = classify(parse_facts(facts))
    assert "transition" not in result.labels
    assert "transition.plan.target_year" in _ids(result.missing_evidence)
    assert "transition.high_carbon_without_plan" not in _ids(result.flags)


def test_no_yearly_disclosure_blocks_transition(case: Case) -> None:
    facts = case("coal_chemical_transition_linked")
    facts["borrower"]["transition_plan"]["disclosure"] = "none"
    result = classify(parse_facts(facts))
    assert "transition" not in result.labels
    assert "transition.no_yearly_disclosure" in _ids(result.flags)


def test_new_capacity_is_lock_in_not_transition(case: Case) -> None:
    facts = case("coal_chemical_transition_linked")
    facts["project"]["transition_activity"] = "new_coal_chemical_capacity"
    result = classify(parse_facts(facts))
    assert "transition" not in result.labels
    assert "transition.lock_in" in _ids(result.flags)


def test_activity_of_another_sector_is_not_eligible(case: Case) -> None:
    facts = case("coal_chemical_transition_linked")
    facts["project"]["transition_activity"] = "scrap_eaf"  # a steel activity
    result = classify(parse_facts(facts))
    assert "transition" not in result.labels
    assert "transition.activity_not_for_sector" in _ids(result.flags)


def test_activity_amount_follows_use_of_proceeds_lines(case: Case) -> None:
    facts = case("coal_chemical_transition_linked")
    facts["project"] = None
    facts["loan"]["use_of_proceeds"] = [
        {"activity": "waste_heat_recovery", "amount": "95000000.00"},
        {"activity": "green_hydrogen_substitution", "amount": "200000000.00"},
        {"description": "流动资金", "amount": "100000000.00"},
    ]
    result = classify(parse_facts(facts))
    assert result.primary == "transition"
    assert result.transition is not None
    assert result.transition.eligible_amount == Decimal("295000000.00")


def test_borrower_outside_high_carbon_sectors_gets_no_transition_findings(case: Case) -> None:
    result = classify(parse_facts(case("carbon_footprint_linked")))
    assert result.transition is None
    assert not any(f.id.startswith("transition.") for f in result.flags)
