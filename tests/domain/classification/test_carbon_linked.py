"""Carbon-linked pricing: the five parts of the Sustainability-Linked Loan Principles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from greendesk.domain.classification import classify, parse_facts

Case = Callable[[str], dict[str, Any]]


def _ids(findings: Any) -> list[str]:
    return [f.id for f in findings]


def test_carbon_footprint_linked_loan(case: Case) -> None:
    # Industrial Bank's first 50,000,000.00 "carbon footprint" linked loan in Xinjiang: the
    # product footprint must fall from 820 to 760 kgCO2e/t, tested yearly, 10 bps a step
    # capped at 20 bps, with third-party verification. 820 × 0.99² = 803.7 is the
    # business-as-usual path, so 760 is more ambitious than the trend.
    result = classify(parse_facts(case("carbon_footprint_linked")))
    assert result.primary == "carbon_linked"
    assert result.labels == ("carbon_linked",)
    met = _ids(result.criteria_met)
    for part in ("carbon.kpi", "carbon.beyond_trend", "carbon.test_dates", "carbon.ratchet"):
        assert part in met
    assert "carbon.verification" in met
    assert result.missing_evidence == ()


def test_missing_verifier_is_missing_evidence_and_no_label(case: Case) -> None:
    facts = case("carbon_footprint_linked")
    del facts["loan"]["verifier"]
    result = classify(parse_facts(facts))
    assert result.primary == "conventional"
    assert "carbon.verification" in _ids(result.missing_evidence)
    assert "carbon.incomplete" in _ids(result.flags)
    assert "carbon-linked pricing is incomplete" in result.reason


def test_missing_cap_and_test_dates_are_each_reported(case: Case) -> None:
    facts = case("carbon_footprint_linked")
    del facts["loan"]["ratchet_cap_bps"]
    facts["loan"]["kpis"][0]["test_dates"] = []
    result = classify(parse_facts(facts))
    missing = _ids(result.missing_evidence)
    assert "carbon.ratchet_cap" in missing
    assert "carbon.test_dates" in missing
    assert "carbon_linked" not in result.labels


def test_target_no_better_than_baseline_is_not_ambitious(case: Case) -> None:
    facts = case("carbon_footprint_linked")
    facts["loan"]["kpis"][0]["target"] = "820"
    result = classify(parse_facts(facts))
    assert "carbon.target_not_ambitious" in _ids(result.flags)
    assert "carbon_linked" not in result.labels


def test_target_within_the_baseline_trend_is_not_ambitious(case: Case) -> None:
    # With footprint already falling 5 % a year, 820 → 760 over two years (BAU 740.05) is
    # no better than doing nothing.
    facts = case("carbon_footprint_linked")
    facts["loan"]["kpis"][0]["baseline_trend_pct_per_year"] = "-5"
    result = classify(parse_facts(facts))
    assert "carbon.target_within_trend" in _ids(result.flags)
    assert "carbon_linked" not in result.labels


def test_unknown_trend_is_evidence_to_collect_but_does_not_block(case: Case) -> None:
    facts = case("carbon_footprint_linked")
    del facts["loan"]["kpis"][0]["baseline_trend_pct_per_year"]
    result = classify(parse_facts(facts))
    assert result.primary == "carbon_linked"
    assert "carbon.baseline_trend" in _ids(result.missing_evidence)


def test_increasing_kpi_direction(case: Case) -> None:
    # A 碳效码 score where higher is better: 60 → 75 points.
    facts = case("carbon_footprint_linked")
    facts["loan"]["kpis"] = [
        {
            "name": "碳效码评分",
            "baseline": "60",
            "target": "75",
            "direction": "increase",
            "test_dates": ["2024-03-01"],
            "baseline_trend_pct_per_year": "1",
        }
    ]
    result = classify(parse_facts(facts))
    assert result.primary == "carbon_linked"


def test_ratchet_without_kpis_reports_the_missing_kpi(case: Case) -> None:
    facts = case("conventional_working_capital")
    facts["loan"]["ratchet_bps"] = 5
    facts["loan"]["ratchet_cap_bps"] = 10
    result = classify(parse_facts(facts))
    assert result.primary == "conventional"
    assert "carbon.kpi" in _ids(result.missing_evidence)
