"""The catalogues and sector list ship as versioned data and hold what the article's cases need."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from greendesk.domain.classification import catalogue_code_error, load_catalogue, load_sectors
from greendesk.domain.classification.catalogue import load_catalogue_files
from greendesk.paths import resources_dir


def test_every_item_is_tagged_with_its_catalogue_version() -> None:
    for path in (resources_dir() / "taxonomy").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["items"], path.name
        assert {item["version"] for item in data["items"]} == {data["version"]}


@pytest.mark.parametrize(
    "tag",
    [
        "grassland_sink",
        "forest_sink",
        "afforestation",
        "water_soil_conservation",
        "wind",
        "solar_pv",
        "csp",
        "energy_storage",
        "new_energy_vehicles",
        "ecological_restoration",
        "carbon_trading",
        "environmental_rights_trading",
    ],
)
def test_each_article_activity_has_an_item_in_both_ndrc_catalogues(tag: str) -> None:
    cat = load_catalogue()
    versions = {item.version for item in cat.items.values() if tag in item.tags}
    assert {"2019", "2024"} <= versions


def test_widely_quoted_2019_codes_resolve_to_their_names() -> None:
    cat = load_catalogue()
    expected = {
        "2019:3.2.1": "风力发电设施建设和运营",
        "2019:3.2.2": "太阳能利用设施建设和运营",
        "2019:3.4.2": "高效储能设施建设和运营",
        "2019:4.1.6": "碳汇林、植树种草及林木种苗花卉",
        "2019:4.3.1": "退耕还林还草和退牧还草工程建设",
        "2019:4.3.7": "水土流失综合治理",
        "2019:6.2.3": "用能权交易服务",
        "2019:6.2.4": "水权交易服务",
        "2019:6.2.5": "排污许可及交易服务",
    }
    for key, name in expected.items():
        item = cat.get(key)
        assert item is not None, key
        assert item.name_zh == name


def test_pv_efficiency_thresholds_are_data_with_exact_decimals() -> None:
    item = load_catalogue().get("2019:3.2.2")
    assert item is not None
    by_id = {c.id: c for c in item.criteria}
    assert by_id["pv_module_efficiency_mono"].threshold == Decimal("17.8")
    assert by_id["pv_module_efficiency_poly"].threshold == Decimal("17")
    assert by_id["pv_module_efficiency_mono"].op == ">="


def test_code_errors_name_the_rule() -> None:
    assert catalogue_code_error("2019:4.1.6") is None
    assert catalogue_code_error("2024:4.2.1") is None
    assert "no item 9.9.9" in (catalogue_code_error("2019:9.9.9") or "")
    assert "unknown catalogue version 2031" in (catalogue_code_error("2031:3.2.2") or "")
    assert "VERSION:CODE" in (catalogue_code_error("3.2.2") or "")


def test_an_item_tagged_with_another_version_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text(
        json.dumps(
            {
                "version": "2019",
                "title_zh": "t",
                "items": [
                    {"version": "2024", "code": "1.1", "name_zh": "a", "name_en": "a"},
                ],
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="tagged '2024'"):
        load_catalogue_files(tmp_path)


def test_sector_list_has_the_issue_sectors_and_the_article_areas() -> None:
    sectors = load_sectors()
    required = {
        "coal_power", "steel", "building_materials", "agriculture", "coal_chemical",
        "nonferrous_smelting", "mining", "petrochemical", "chemicals", "papermaking",
        "aviation", "shipping", "thermal_power", "other",
    }  # fmt: skip
    assert required <= set(sectors)
    high = [s for s in sectors.values() if s.high_carbon]
    assert len(high) == 13
    assert not sectors["other"].high_carbon
    for sector in high:
        assert sector.benchmark_reduction_pct > 0, sector.key
        assert sector.eligible, sector.key
