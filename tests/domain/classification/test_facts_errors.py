"""Bad FACTS are refused with every error naming its field path."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from greendesk.domain.classification import parse_facts
from greendesk.domain.errors import InvalidInput

Case = Callable[[str], dict[str, Any]]


def _errors(raw: Any) -> list[str]:
    with pytest.raises(InvalidInput) as info:
        parse_facts(raw)
    return [str(e) for e in info.value.errors]


def test_unknown_catalogue_code(case: Case) -> None:
    facts = case("burqin_grassland_sink")
    facts["project"]["catalogue_code"] = "2019:4.1.99"
    errors = _errors(facts)
    assert errors == ["project.catalogue_code: no item 4.1.99 in the 2019 catalogue"]


def test_unknown_catalogue_version_in_use_of_proceeds(case: Case) -> None:
    facts = case("mulei_storage_wind_solar")
    facts["loan"]["use_of_proceeds"][1]["catalogue_code"] = "2017:3.2.1"
    errors = _errors(facts)
    assert len(errors) == 1
    assert errors[0].startswith("loan.use_of_proceeds[1].catalogue_code: unknown catalogue version")


def test_use_of_proceeds_above_the_amount(case: Case) -> None:
    facts = case("mulei_storage_wind_solar")
    facts["loan"]["amount"] = "2000000000.00"
    errors = _errors(facts)
    assert errors == [
        "loan.use_of_proceeds: total 2443000000.00 is above loan.amount 2000000000.00"
    ]


def test_target_year_before_base_year(case: Case) -> None:
    facts = case("coal_chemical_transition_linked")
    facts["borrower"]["transition_plan"]["target_year"] = 2020
    errors = _errors(facts)
    assert errors == ["borrower.transition_plan.target_year: before base_year 2022"]


def test_float_amount_is_refused(case: Case) -> None:
    facts = case("burqin_grassland_sink")
    facts["loan"]["amount"] = 15000000.5
    errors = _errors(facts)
    assert errors == ["loan.amount: must be a decimal string, not a floating-point number"]


def test_ratchet_above_cap_and_test_date_after_maturity(case: Case) -> None:
    facts = case("carbon_footprint_linked")
    facts["loan"]["ratchet_bps"] = 25
    facts["loan"]["kpis"][0]["test_dates"] = ["2024-03-01", "2027-03-01"]
    errors = _errors(facts)
    assert "loan.ratchet_bps: above ratchet_cap_bps 20" in errors
    assert "loan.kpis[0].test_dates[1]: after maturity_date" in errors


def test_all_errors_are_reported_at_once(case: Case) -> None:
    facts = case("coal_chemical_transition_linked")
    facts["borrower"]["sector"] = "tobacco"
    facts["borrower"]["transition_plan"]["baseline_intensity"] = "-1"
    facts["loan"]["amount"] = "0"
    facts["loan"]["kpis"][0]["test_dates"] = ["2025-12-31", "2024-12-31"]
    facts["loan"]["colour"] = "green"
    facts["project"]["transition_activity"] = "perpetual_motion"
    errors = _errors(facts)
    paths = {e.split(":")[0] for e in errors}
    assert paths == {
        "borrower.sector",
        "borrower.transition_plan.baseline_intensity",
        "loan.amount",
        "loan.kpis[0].test_dates",
        "loan.colour",
        "project.transition_activity",
    }


def test_missing_sections_and_a_non_object() -> None:
    assert _errors({}) == ["borrower: required", "loan: required"]
    assert _errors([1, 2]) == ["FACTS: must be a JSON object with project, borrower and loan"]


def test_technology_values_must_not_be_floats(case: Case) -> None:
    facts = case("mulei_storage_wind_solar")
    facts["project"]["technology"]["pv_module_efficiency_pct"] = 21.3
    errors = _errors(facts)
    assert errors == [
        "project.technology.pv_module_efficiency_pct: must be a decimal string, "
        "not a floating-point number"
    ]
