"""Top-level categories named in both languages: the items carry their category path in
Chinese only, so an English desk, workbook or emissions report needs the catalogue file's
English names of the top categories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from greendesk.domain.classification import load_catalogue
from greendesk.domain.classification.catalogue import CatalogueItem, load_catalogue_files
from greendesk.paths import resources_dir


def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_every_top_category_in_use_has_an_english_name() -> None:
    for path in (resources_dir() / "taxonomy").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        used = {item["category"].split(" / ")[0].split(" ")[0] for item in data["items"]}
        english = data["top_categories_en"]
        assert used <= set(english), path.name
        assert all(name.strip() and not _cjk(name) for name in english.values()), path.name


def test_names_by_language() -> None:
    catalogue = load_catalogue()
    zh, en = catalogue.top_category_names("zh"), catalogue.top_category_names("en")
    assert set(zh) == set(en)  # the same keys ("2019:3") in both languages
    assert zh["2019:3"] == "清洁能源产业"
    assert en["2019:3"] == "Clean energy industry"
    assert en["2024:4"] == "Green and low-carbon energy transition"
    assert all(not _cjk(name) for name in en.values())
    item = catalogue.get("2019:3.2.2")
    assert item is not None
    assert catalogue.top_category(item, "zh") == ("2019:3", "清洁能源产业")
    assert catalogue.top_category(item, "en") == ("2019:3", "Clean energy industry")


@pytest.mark.parametrize(
    ("category", "zh", "en"),
    [
        ("", ("", ""), ("", "")),  # no category path at all
        ("清洁能源", ("", "清洁能源"), ("", "清洁能源")),  # no number: kept as written
        ("9", ("2019:9", "9"), ("2019:9", "9")),  # a number without a name or English name
        ("9 新类别 / 9.1 子类", ("2019:9", "新类别"), ("2019:9", "新类别")),  # no English: Chinese
    ],
)
def test_odd_category_paths(category: str, zh: tuple[str, str], en: tuple[str, str]) -> None:
    catalogue = load_catalogue()
    item = CatalogueItem(version="2019", code="9.1.1", name_zh="x", name_en="x", category=category)
    assert catalogue.top_category(item, "zh") == zh
    assert catalogue.top_category(item, "en") == en


def test_a_catalogue_file_without_english_names_still_loads(tmp_path: Path) -> None:
    data = {
        "version": "2030",
        "title_zh": "目录",
        "items": [
            {"version": "2030", "code": "1.1", "category": "1 节能 / 1.1 改造",
             "name_zh": "改造", "name_en": "Retrofits"},
        ],
    }  # fmt: skip
    (tmp_path / "x.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    catalogue = load_catalogue_files(tmp_path)
    assert catalogue.top_category_names("en") == {"2030:1": "节能"}
