"""Green by use of proceeds, on the article's projects."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from greendesk.domain.classification import classify, parse_facts

Case = Callable[[str], dict[str, Any]]


def _ids(findings: Any) -> list[str]:
    return [f.id for f in findings]


def test_burqin_grassland_carbon_sink_is_green_under_2019_4_1_6(case: Case) -> None:
    # Burqin County, Altay: restored grassland developed as a carbon sink (670,000 t traded in
    # 2023); the whole 15 million loan finances sink development and grassland restoration.
    result = classify(parse_facts(case("burqin_grassland_sink")))
    assert result.primary == "green"
    assert result.labels == ("green",)
    assert result.green_share == Decimal("1.0000")
    assert result.green_amount == Decimal("15000000.00")
    assert result.catalogue is not None
    assert (result.catalogue.version, result.catalogue.code) == ("2019", "4.1.6")
    assert result.catalogue.name == "碳汇林、植树种草及林木种苗花卉"
    assert result.missing_evidence == ()  # both required documents are on file
    assert result.flags == ()


def test_mulei_storage_plus_wind_and_solar_is_green_across_three_items(case: Case) -> None:
    # Mulei 125 MW / 500 MWh storage + 500 MW wind and PV; 2,443,000,000.00 split over three
    # catalogue items. Monocrystalline modules at 21.3 % pass the 17.8 % threshold.
    result = classify(parse_facts(case("mulei_storage_wind_solar")))
    assert result.primary == "green"
    assert result.green_share == Decimal("1.0000")
    assert result.green_amount == Decimal("2443000000.00")
    # the loan rests on its largest eligible item: wind, 1.1 billion
    assert result.catalogue is not None and result.catalogue.code == "3.2.1"
    met = _ids(result.criteria_met)
    assert met.count("green.use_of_proceeds") == 3
    assert "green.criterion.pv_module_efficiency_mono" in met
    assert "green.criterion.pv_annual_degradation_crystalline" in met


def test_partly_green_proceeds_give_a_partial_share(case: Case) -> None:
    # Same Mulei facts, but 443,000,000.00 of the solar tranche is re-labelled as the
    # operator's office and staff housing, which is in no catalogue item.
    facts = case("mulei_storage_wind_solar")
    uses = facts["loan"]["use_of_proceeds"]
    uses[2]["amount"] = "300000000.00"
    uses.append({"description": "办公楼及职工宿舍", "amount": "443000000.00"})
    result = classify(parse_facts(facts))
    assert result.primary == "green"
    assert result.green_amount == Decimal("2000000000.00")
    # 2,000,000,000 / 2,443,000,000 = 0.818665... → 0.8187
    assert result.green_share == Decimal("0.8187")
    assert "green.partial_share" in _ids(result.flags)


def test_pv_modules_below_the_efficiency_threshold_are_not_green(case: Case) -> None:
    # A PV-only plant whose monocrystalline modules convert 17.5 %, below 17.8 %.
    facts = case("mulei_storage_wind_solar")
    facts["project"]["catalogue_code"] = "2019:3.2.2"
    facts["project"]["technology"]["pv_module_efficiency_pct"] = "17.5"
    facts["loan"]["use_of_proceeds"] = [
        {"catalogue_code": "2019:3.2.2", "description": "光伏电站", "amount": "2443000000.00"}
    ]
    result = classify(parse_facts(facts))
    assert result.primary == "conventional"
    assert result.green_share == Decimal("0.0000")
    failed = [f for f in result.flags if f.id == "green.criterion_failed"]
    assert len(failed) == 1
    assert "17.5%" in failed[0].text and "17.8" in failed[0].text


def test_polycrystalline_threshold_differs_from_monocrystalline(case: Case) -> None:
    # 17.5 % fails for monocrystalline (17.8 %) but passes for polycrystalline (17 %).
    facts = case("mulei_storage_wind_solar")
    tech = facts["project"]["technology"]
    tech["pv_cell_type"] = "polycrystalline"
    tech["pv_module_efficiency_pct"] = "17.5"
    result = classify(parse_facts(facts))
    assert result.green_share == Decimal("1.0000")
    assert "green.criterion.pv_module_efficiency_poly" in _ids(result.criteria_met)


def test_degradation_above_the_limit_fails(case: Case) -> None:
    facts = case("mulei_storage_wind_solar")
    facts["project"]["technology"]["pv_annual_degradation_pct"] = "0.8"
    result = classify(parse_facts(facts))
    # the solar tranche (743,000,000.00) drops out; storage and wind remain
    assert result.green_amount == Decimal("1700000000.00")
    assert "green.criterion_failed" in _ids(result.flags)


def test_missing_pv_parameters_are_missing_evidence_not_a_pass(case: Case) -> None:
    facts = case("mulei_storage_wind_solar")
    del facts["project"]["technology"]["pv_module_efficiency_pct"]
    result = classify(parse_facts(facts))
    missing = _ids(result.missing_evidence)
    assert "green.criterion.pv_module_efficiency_mono" in missing
    assert "green.pending_evidence" in _ids(result.flags)


def test_concentrated_solar_power_is_green_without_pv_module_criteria(case: Case) -> None:
    # Jinta Zhongguang 100 MW CSP, one of Gansu's CCER projects: 3.2.2 includes CSP.
    result = classify(parse_facts(case("jinta_csp")))
    assert result.primary == "green"
    assert result.catalogue is not None and result.catalogue.code == "3.2.2"
    assert "green.criteria_not_applicable" in _ids(result.criteria_met)
    assert not any(f.id.startswith("green.criterion.") for f in result.criteria_met)


def test_solar_project_without_technology_stated_asks_for_it(case: Case) -> None:
    facts = case("jinta_csp")
    facts["project"]["technology"] = {}
    result = classify(parse_facts(facts))
    assert "green.technology_unstated" in _ids(result.missing_evidence)


def test_required_documents_missing_are_listed(case: Case) -> None:
    facts = case("jinta_csp")
    facts["project"]["evidence"] = ["project_approval"]
    result = classify(parse_facts(facts))
    missing = _ids(result.missing_evidence)
    assert "evidence.grid_connection_approval" in missing
    assert "evidence.environmental_impact_approval" in missing
    assert "evidence.project_approval" not in missing


def test_project_code_without_breakdown_finances_the_whole_loan(case: Case) -> None:
    # Pengyang water-and-soil conservation (2019:4.3.7) with no use-of-proceeds lines.
    facts = {
        "project": {"name": "李岔小流域水土保持", "catalogue_code": "2019:4.3.7"},
        "borrower": {"name": "彭阳县盛泽水务投资有限公司", "sector": "other"},
        "loan": {"amount": "1500000.00"},
    }
    result = classify(parse_facts(facts))
    assert result.primary == "green"
    assert result.green_share == Decimal("1.0000")
    assert "green.use_of_proceeds_unallocated" in _ids(result.missing_evidence)


def test_2024_catalogue_codes_classify_too() -> None:
    facts = {
        "project": {"name": "风电场", "catalogue_code": "2024:4.2.1"},
        "borrower": {"name": "x", "sector": "other"},
        "loan": {
            "amount": "300000000.00",
            "use_of_proceeds": [{"catalogue_code": "2024:4.2.1", "amount": "300000000.00"}],
        },
    }
    result = classify(parse_facts(facts))
    assert result.primary == "green"
    assert result.catalogue is not None
    assert (result.catalogue.version, result.catalogue.name) == ("2024", "风力发电设施建设和运营")


def test_conventional_loan_says_why(case: Case) -> None:
    result = classify(parse_facts(case("conventional_working_capital")))
    assert result.primary == "conventional"
    assert result.labels == ()
    assert result.catalogue is None
    assert "no proceeds finance an eligible green catalogue item" in result.reason
    assert "not in a high-carbon transition sector" in result.reason
    assert "not tied to carbon KPIs" in result.reason
