"""Green catalogues as versioned data: items, their numeric criteria and required evidence.

The catalogues change (2019, 2024, 2025 editions) and a loan file must keep the edition it was
judged under, so every item is addressed as ``VERSION:CODE`` and loaded from
``resources/taxonomy/*.json`` rather than written into code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from greendesk.domain.money import parse_decimal
from greendesk.paths import resources_dir

OPERATORS = (">=", "<=", ">", "<")


@dataclass(frozen=True)
class Criterion:
    """A numeric condition on a project's technical parameter, e.g. module efficiency ≥ 17.8 %."""

    id: str
    parameter: str
    op: str
    threshold: Decimal
    unit: str
    text_zh: str
    text_en: str
    when_parameter: str | None = None
    when_in: tuple[str, ...] = ()

    def applies(self, technology: dict[str, str]) -> bool | None:
        """True/False if the condition on another parameter decides; None if that one is missing."""
        if self.when_parameter is None:
            return True
        value = technology.get(self.when_parameter)
        if value is None:
            return None
        return value in self.when_in

    def passes(self, value: Decimal) -> bool:
        if self.op == ">=":
            return value >= self.threshold
        if self.op == "<=":
            return value <= self.threshold
        if self.op == ">":
            return value > self.threshold
        return value < self.threshold


@dataclass(frozen=True)
class CriteriaScope:
    """Which technologies an item's criteria cover (e.g. PV modules, not concentrated solar)."""

    parameter: str
    applies_to: tuple[str, ...]
    values: tuple[str, ...]


@dataclass(frozen=True)
class CatalogueItem:
    version: str
    code: str
    name_zh: str
    name_en: str
    category: str
    tags: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    scope: CriteriaScope | None = None
    verify: str | None = None
    verify_zh: str | None = None

    @property
    def key(self) -> str:
        return f"{self.version}:{self.code}"


@dataclass(frozen=True)
class Catalogue:
    """All loaded editions; look items up by ``VERSION:CODE``."""

    items: dict[str, CatalogueItem]
    titles: dict[str, str] = field(default_factory=dict)
    titles_en: dict[str, str] = field(default_factory=dict)
    top_names_en: dict[str, str] = field(default_factory=dict)  # "2019:3" -> English name

    def get(self, key: str) -> CatalogueItem | None:
        return self.items.get(key.strip())

    def top_category(self, item: CatalogueItem, lang: str) -> tuple[str, str]:
        """(``"VERSION:N"``, name in ``lang``) of the item's top-level category.

        The items carry their category path in Chinese (``"3 清洁能源产业 / 3.2 …"``); the
        English names of the top categories come with each catalogue file.
        """
        top = item.category.split(" / ")[0].strip()
        number, _, name = top.partition(" ")
        if not number.isdigit():
            return "", top
        key = f"{item.version}:{number}"
        if lang != "zh" and key in self.top_names_en:
            return key, self.top_names_en[key]
        return key, name or top  # no English name shipped: the Chinese one

    def top_category_names(self, lang: str) -> dict[str, str]:
        """Every top-level category of the loaded editions: ``"2019:3"`` → its name."""
        names: dict[str, str] = {}
        for item in self.items.values():
            key, name = self.top_category(item, lang)
            if key:
                names.setdefault(key, name)
        return dict(sorted(names.items()))

    def versions(self) -> list[str]:
        return sorted(self.titles)

    def measured_error(self, parameter: str, value: object) -> str | None:
        """None if ``value`` can be the measured ``parameter`` of a criterion, else the rule.

        A parameter some criterion compares with a threshold must be a number; one measured in
        % must lie between 0 and 100 (a module efficiency of 250 % is a typing error, not a
        pass). Parameters no criterion measures (``pv_cell_type``) are free text.
        """
        unit = measured_units(self).get(parameter)
        if unit is None:
            return None
        try:
            number = parse_decimal(value)
        except ValueError as exc:
            return str(exc)
        if unit == "%" and not Decimal(0) <= number <= Decimal(100):
            return "a percentage must be between 0 and 100"
        return None

    def code_error(self, key: str) -> str | None:
        """None if ``key`` names a known item, else the rule it breaks (for field errors)."""
        text = key.strip()
        version, sep, code = text.partition(":")
        if not sep or not version or not code:
            return "must be written VERSION:CODE, e.g. 2019:3.2.2"
        if version not in self.titles:
            known = ", ".join(self.versions())
            return f"unknown catalogue version {version} (known: {known})"
        if text not in self.items:
            return f"no item {code} in the {version} catalogue"
        return None


def measured_units(catalogue: Catalogue) -> dict[str, str]:
    """Each technical parameter some criterion measures, with its unit ('%', 'MW' …)."""
    return {c.parameter: c.unit for item in catalogue.items.values() for c in item.criteria}


def _criterion(raw: dict[str, Any]) -> Criterion:
    op = raw["op"]
    if op not in OPERATORS:
        raise ValueError(f"criterion {raw.get('id')}: unknown operator {op!r}")
    when = raw.get("when") or {}
    return Criterion(
        id=raw["id"],
        parameter=raw["parameter"],
        op=op,
        threshold=parse_decimal(raw["threshold"]),
        unit=raw.get("unit", ""),
        text_zh=raw.get("text_zh", ""),
        text_en=raw.get("text_en", ""),
        when_parameter=when.get("parameter"),
        when_in=tuple(when.get("in", ())),
    )


def _item(raw: dict[str, Any], version: str) -> CatalogueItem:
    if raw.get("version") != version:
        raise ValueError(f"item {raw.get('code')} is tagged {raw.get('version')!r}, not {version}")
    scope_raw = raw.get("criteria_scope")
    scope = (
        CriteriaScope(scope_raw["parameter"], tuple(scope_raw["in"]), tuple(scope_raw["values"]))
        if scope_raw
        else None
    )
    return CatalogueItem(
        version=version,
        code=raw["code"],
        name_zh=raw["name_zh"],
        name_en=raw["name_en"],
        category=raw.get("category", ""),
        tags=tuple(raw.get("tags", ())),
        evidence=tuple(raw.get("evidence", ())),
        criteria=tuple(_criterion(c) for c in raw.get("criteria", ())),
        scope=scope,
        verify=raw.get("verify"),
        verify_zh=raw.get("verify_zh") or raw.get("verify"),
    )


def load_catalogue_files(folder: Path) -> Catalogue:
    """Read every ``*.json`` catalogue in ``folder``; a malformed file is a bug in shipped data."""
    items: dict[str, CatalogueItem] = {}
    titles: dict[str, str] = {}
    titles_en: dict[str, str] = {}
    top_names_en: dict[str, str] = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        version = str(data["version"])
        if version in titles:
            raise ValueError(f"{path.name}: catalogue version {version} loaded twice")
        titles[version] = data["title_zh"]
        titles_en[version] = data.get("title_en", data["title_zh"])
        for number, name in data.get("top_categories_en", {}).items():
            top_names_en[f"{version}:{number}"] = name
        for raw in data["items"]:
            item = _item(raw, version)
            if item.key in items:
                raise ValueError(f"{path.name}: duplicate item {item.key}")
            items[item.key] = item
    return Catalogue(items=items, titles=titles, titles_en=titles_en, top_names_en=top_names_en)


@cache
def load_catalogue() -> Catalogue:
    """The catalogues shipped in ``resources/taxonomy`` (read once)."""
    return load_catalogue_files(resources_dir() / "taxonomy")


def catalogue_code_error(code: str) -> str | None:
    """Store/service hook: None if ``code`` is a known ``VERSION:CODE`` item, else the rule."""
    return load_catalogue().code_error(code)
