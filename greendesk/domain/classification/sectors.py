"""High-carbon sectors for transition finance, loaded from ``resources/transition/sectors.json``.

The benchmark yearly reduction and the eligible activities are policy data that change with
regulation and credit policy, so they live in a file, one record per sector.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from greendesk.domain.money import parse_decimal
from greendesk.paths import resources_dir


@dataclass(frozen=True)
class Activity:
    key: str
    name_zh: str
    name_en: str


@dataclass(frozen=True)
class Sector:
    key: str
    name_zh: str
    name_en: str
    high_carbon: bool
    source: str
    source_zh: str
    benchmark_reduction_pct: Decimal
    eligible: tuple[Activity, ...]
    excluded: tuple[Activity, ...]

    def activity(self, key: str) -> Activity | None:
        return next((a for a in self.eligible if a.key == key), None)

    def excluded_activity(self, key: str) -> Activity | None:
        return next((a for a in self.excluded if a.key == key), None)


def _activities(raw: list[dict[str, Any]]) -> tuple[Activity, ...]:
    return tuple(Activity(a["key"], a["name_zh"], a["name_en"]) for a in raw)


def load_sector_file(path: Path) -> dict[str, Sector]:
    data = json.loads(path.read_text(encoding="utf-8"))
    sectors: dict[str, Sector] = {}
    for raw in data["sectors"]:
        sectors[raw["key"]] = Sector(
            key=raw["key"],
            name_zh=raw["name_zh"],
            name_en=raw["name_en"],
            high_carbon=bool(raw["high_carbon"]),
            source=raw.get("source", ""),
            source_zh=raw.get("source_zh") or raw.get("source", ""),
            benchmark_reduction_pct=parse_decimal(raw["benchmark_reduction_pct_per_year"]),
            eligible=_activities(raw.get("eligible_activities", [])),
            excluded=_activities(raw.get("excluded_activities", [])),
        )
    return sectors


@cache
def load_sectors() -> dict[str, Sector]:
    """The shipped sector list, keyed by sector key (read once)."""
    return load_sector_file(resources_dir() / "transition" / "sectors.json")
