"""Project and enterprise libraries (项目库): the library summaries behind the pipeline.

A library summary is a library's own reported totals — projects assessed, total investment,
loan demand, projects granted credit, credit granted, disbursed — read from
``seeds/libraries/*.toml`` (money as exact strings, counts as whole numbers). Each carries its
source. Summaries are reference data, read as they are shipped; nothing is written.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from greendesk.domain.errors import UserError
from greendesk.paths import seeds_dir

MONEY_FIELDS = ("total_investment", "loan_demand", "credit_granted", "disbursed")
COUNT_FIELDS = ("projects", "projects_granted")
TEXT_FIELDS = ("key", "name_zh", "name_en", "operator_zh", "operator_en", "rule_zh", "rule_en")


@dataclass(frozen=True)
class LibrarySummary:
    key: str
    name_zh: str
    name_en: str
    operator_zh: str
    operator_en: str
    rule_zh: str
    rule_en: str
    period: str
    as_reported: date | None
    source: str
    projects: int
    total_investment: Decimal
    loan_demand: Decimal
    projects_granted: int
    credit_granted: Decimal
    disbursed: Decimal

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


WORDS = {
    "projects": ("入库项目", "projects"),
    "total_investment": ("总投资（元）", "total investment (CNY)"),
    "loan_demand": ("贷款需求（元）", "loan demand (CNY)"),
    "projects_granted": ("获授信项目", "projects granted credit"),
    "credit_granted": ("授信（元）", "credit granted (CNY)"),
    "disbursed": ("到位贷款（元）", "disbursed (CNY)"),
    "source": ("来源", "source"),
    "totals": ("合计", "totals"),
}


@dataclass(frozen=True)
class Pipeline:
    libraries: tuple[LibrarySummary, ...]

    def total(self, field: str) -> Any:
        zero: Any = Decimal("0.00") if field in MONEY_FIELDS else 0
        return sum((getattr(x, field) for x in self.libraries), zero)

    def text(self, lang: str) -> str:
        def w(key: str) -> str:
            zh, en = WORDS[key]
            return zh if lang == "zh" else en

        lines: list[str] = []
        for lib in self.libraries:
            lines.append(f"{lib.name(lang)} ({lib.period})")
            lines.append(
                f"  {w('projects')} {lib.projects}   {w('projects_granted')} {lib.projects_granted}"
            )
            for field in MONEY_FIELDS:
                lines.append(f"  {w(field)} {getattr(lib, field):,.2f}")
            lines.append(f"  {w('source')}: {lib.source}")
            lines.append("")
        return "\n".join(lines)


def _summary(path: Path) -> LibrarySummary:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"{path.name}: cannot read: {exc}") from None
    errors: list[str] = []
    values: dict[str, Any] = {}
    for field in (*TEXT_FIELDS, "source", "period"):
        value = data.get(field)
        if not isinstance(value, str) or not value.strip():
            errors.append(f"{path.name}: {field}: must be a non-empty string")
        values[field] = value
    for field in MONEY_FIELDS:
        value = data.get(field)
        try:
            if not isinstance(value, str):
                raise InvalidOperation
            amount = Decimal(value)
            if amount < 0 or amount != amount.quantize(Decimal("0.01")):
                raise InvalidOperation
        except InvalidOperation:
            errors.append(f'{path.name}: {field}: must be an amount ≥ 0 as a string ("1.00")')
            amount = Decimal(0)
        values[field] = amount
    for field in COUNT_FIELDS:
        value = data.get(field)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            errors.append(f"{path.name}: {field}: must be a whole number ≥ 0")
        values[field] = value
    reported = data.get("as_reported")
    values["as_reported"] = reported if isinstance(reported, date) else None
    if not errors and values["projects_granted"] > values["projects"]:
        errors.append(f"{path.name}: projects_granted: more than the library's projects")
    if not errors and values["disbursed"] > values["credit_granted"]:
        errors.append(f"{path.name}: disbursed: more than the credit granted")
    if errors:
        raise UserError("\n".join(errors))
    return LibrarySummary(**values)


def library_summaries(folder: Path | None = None) -> tuple[LibrarySummary, ...]:
    """Every library summary shipped in ``seeds/libraries/`` (or ``folder``), by key."""
    root = folder or seeds_dir() / "libraries"
    return tuple(sorted((_summary(p) for p in root.glob("*.toml")), key=lambda s: s.key))


def pipeline() -> Pipeline:
    """The libraries' reported figures, from the shipped summaries."""
    return Pipeline(library_summaries())
