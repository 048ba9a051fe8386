"""Every finding is worded in Chinese and English, the memo's default language being Chinese.

The Chinese must read as a bank's credit file does (the catalogue named by its official title,
"缺少：…" for missing evidence), and stored results keep ``text`` (English) for older readers.
"""

from __future__ import annotations

import re
from typing import Any

import jsonschema
import pytest

from greendesk.domain.classification import classify_json, load_catalogue, load_sectors
from greendesk.domain.classification.wording import WORDING
from greendesk.paths import resources_dir

from .conftest import FACTS_DIR, load_case

CASES = sorted(p.stem for p in FACTS_DIR.glob("*.json"))
CJK = re.compile(r"[\u4e00-\u9fff]")
KINDS = ("criteria_met", "missing_evidence", "flags")


def _findings(result: dict[str, Any]) -> list[dict[str, str]]:
    return [f for kind in KINDS for f in result[kind]]


def _zh(result: dict[str, Any], kind: str) -> list[str]:
    return [f["zh"] for f in result[kind]]


@pytest.mark.parametrize("name", CASES)
def test_every_finding_has_chinese_and_english(name: str) -> None:
    result = classify_json(load_case(name))
    for f in _findings(result):
        assert set(f) == {"id", "zh", "en", "text"}
        assert f["text"] == f["en"]
        assert CJK.search(f["zh"]), f
        assert f["zh"] != f["en"]
        # no English sentence left in the Chinese (field paths like loan.kpis are not shown)
        assert not re.search(r"\b[a-z]{3,} [a-z]{3,} [a-z]{3,}\b", f["zh"]), f["zh"]
        assert "loan." not in f["zh"] and "borrower." not in f["zh"], f["zh"]


def test_green_use_of_proceeds_names_the_catalogue_by_its_title() -> None:
    facts = load_case("jinta_csp")
    facts["project"]["evidence"] = []  # nothing filed yet: every document the item asks for
    result = classify_json(facts)
    title = load_catalogue().titles["2019"]
    assert title == "绿色产业指导目录（2019年版）"
    met = [z for z in _zh(result, "criteria_met") if z.startswith("募集资金用途符合")]
    assert met and all(f"《{title}》3.2.2 太阳能利用设施建设和运营" in z for z in met)
    missing = _zh(result, "missing_evidence")
    assert missing and all(z.startswith("缺少：") for z in missing)
    assert "缺少：并网接入批复（2019版目录 3.2.2 太阳能利用设施建设和运营）" in missing


def test_missing_verifier_reads_as_missing_external_verifier() -> None:
    facts = load_case("carbon_footprint_linked")
    facts["loan"].pop("verifier", None)
    result = classify_json(facts)
    assert "缺少：外部核查机构" in _zh(result, "missing_evidence")
    assert "loan.verifier: no external verifier named" in [
        f["en"] for f in result["missing_evidence"]
    ]


def test_high_carbon_borrower_without_plan_is_flagged_in_chinese() -> None:
    result = classify_json(load_case("thermal_power_without_plan"))
    sector = load_sectors()["thermal_power"].name_zh
    assert f"高碳行业借款人未提供转型计划（{sector}）" in _zh(result, "flags")
    assert all(z.startswith("缺少：") for z in _zh(result, "missing_evidence"))


def test_transition_plan_figures_appear_in_both_languages() -> None:
    facts = load_case("coal_chemical_transition_linked")
    plan = facts["borrower"]["transition_plan"]
    result = classify_json(facts)
    [zh] = [f["zh"] for f in result["criteria_met"] if f["id"] == "transition.plan_meets_benchmark"]
    [en] = [f["en"] for f in result["criteria_met"] if f["id"] == "transition.plan_meets_benchmark"]
    pct = result["transition"]["annual_reduction_pct"]
    for text in (zh, en):
        assert str(plan["baseline_intensity"]) in text and str(plan["target_intensity"]) in text
        assert pct in text and result["transition"]["benchmark_pct"] in text
    assert f"（{plan['base_year']}年）" in zh and f"年均降幅 {pct}%" in zh


def test_every_template_is_worded_in_both_languages() -> None:
    for key, (zh, en) in WORDING.items():
        assert CJK.search(zh), key
        assert en and zh != en, key
        # both templates take the same figures, so neither language loses one
        figures = {"amount", "pct", "baseline", "target", "bps", "cap", "measured", "years"}
        zh_fields = set(re.findall(r"{(\w+)", zh)) & figures
        en_fields = set(re.findall(r"{(\w+)", en)) & figures
        assert zh_fields == en_fields, key


def test_schema_requires_both_languages_on_each_finding() -> None:
    """The published schema now requires zh and en on each finding."""
    import json

    schema = json.loads(
        (resources_dir() / "schemas" / "classification.schema.json").read_text("utf-8")
    )
    result = classify_json(load_case("burqin_grassland_sink"))
    jsonschema.validate(result, schema)
    old = {
        **result,
        "criteria_met": [{"id": f["id"], "text": f["text"]} for f in result["criteria_met"]],
    }
    with pytest.raises(jsonschema.ValidationError, match="zh"):
        jsonschema.validate(old, schema)


def test_unverified_2024_position_is_flagged_in_both_languages() -> None:
    facts = load_case("burqin_grassland_sink")
    facts["project"]["catalogue_code"] = "2024:5.1.6"
    for use in facts["loan"]["use_of_proceeds"]:
        use["catalogue_code"] = "2024:5.1.6"
    result = classify_json(facts)
    [flag] = [f for f in result["flags"] if f["id"] == "green.catalogue_position_unverified"]
    item = load_catalogue().get("2024:5.1.6")
    assert item is not None and item.verify_zh and item.verify
    assert flag["zh"].startswith(f"2024版目录 5.1.6 {item.name_zh}：{item.verify_zh}")
    assert flag["en"].endswith(item.verify)
    title = load_catalogue().titles["2024"]
    assert any(f"《{title}》5.1.6" in z for z in _zh(result, "criteria_met"))
