"""The classification result: one primary class, labels, the catalogue item, and why.

Plain frozen data with a JSON form, so the CLI, the store (``classification_json``), the credit
memo and other bank systems all read the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

PRIMARY_CLASSES = ("green", "transition", "carbon_linked", "conventional")
SHARE_PLACES = Decimal("0.0001")


def quantize_share(value: Decimal) -> Decimal:
    """Shares are kept to four places (0.01 %), rounded half-up."""
    return value.quantize(SHARE_PLACES, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Finding:
    """One criterion met, one piece of missing evidence, or one flag; ``id`` is stable for UIs.

    Worded in both languages because the credit memo is Chinese by default and the same result
    is read in English by other bank systems; ``text`` (English) is the pre-bilingual key that
    stored ``classification_json`` documents still carry.
    """

    id: str
    zh: str
    en: str

    @property
    def text(self) -> str:
        return self.en

    def in_lang(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def to_json(self) -> dict[str, str]:
        return {"id": self.id, "zh": self.zh, "en": self.en, "text": self.en}


@dataclass(frozen=True)
class CatalogueRef:
    version: str
    code: str
    name: str
    name_en: str

    def to_json(self) -> dict[str, str]:
        return {
            "version": self.version,
            "code": self.code,
            "name": self.name,
            "name_en": self.name_en,
        }


@dataclass(frozen=True)
class TransitionDetail:
    sector: str
    sector_name: str
    annual_reduction_pct: Decimal | None
    benchmark_pct: Decimal
    eligible_amount: Decimal

    def to_json(self) -> dict[str, Any]:
        return {
            "sector": self.sector,
            "sector_name": self.sector_name,
            "annual_reduction_pct": None
            if self.annual_reduction_pct is None
            else str(self.annual_reduction_pct),
            "benchmark_pct": str(self.benchmark_pct),
            "eligible_amount": f"{self.eligible_amount:.2f}",
        }


@dataclass(frozen=True)
class Override:
    """An officer's decision replacing the engine's primary class, with the written reason."""

    primary: str
    reason: str
    engine_primary: str
    by: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "primary": self.primary,
            "reason": self.reason,
            "engine_primary": self.engine_primary,
            "by": self.by,
        }


@dataclass(frozen=True)
class ClassificationResult:
    primary: str
    labels: tuple[str, ...]
    green_share: Decimal
    green_amount: Decimal
    catalogue: CatalogueRef | None
    criteria_met: tuple[Finding, ...]
    missing_evidence: tuple[Finding, ...]
    flags: tuple[Finding, ...]
    reason: str
    transition: TransitionDetail | None = None
    override: Override | None = field(default=None)

    def flag_ids(self) -> list[str]:
        return [f.id for f in self.flags]

    def with_override(self, override: Override) -> ClassificationResult:
        return replace(self, primary=override.primary, override=override)

    def to_json(self) -> dict[str, Any]:
        return {
            "primary": self.primary,
            "labels": list(self.labels),
            "green_share": str(self.green_share),
            "green_amount": f"{self.green_amount:.2f}",
            "catalogue": self.catalogue.to_json() if self.catalogue else None,
            "criteria_met": [f.to_json() for f in self.criteria_met],
            "missing_evidence": [f.to_json() for f in self.missing_evidence],
            "flags": [f.to_json() for f in self.flags],
            "reason": self.reason,
            "transition": self.transition.to_json() if self.transition else None,
            "override": self.override.to_json() if self.override else None,
        }
