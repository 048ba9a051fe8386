"""The carbon-account pricing policy (resources/carbon_accounts/pricing.toml) as data.

A grade (碳效码) maps to a spread adjustment in basis points, or to referral to the credit
committee. The loan editor proposes the adjustment and the memo states it; nothing changes a
loan's spread by itself.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache

from greendesk.domain.errors import UserError


@dataclass(frozen=True)
class GradePolicy:
    grade: str
    meaning_zh: str
    meaning_en: str
    spread_adjust_bps: int | None  # None with ``referral``
    referral: bool


@dataclass(frozen=True)
class PricingProposal:
    """What the policy proposes for one grade, worded for the editor and the memo."""

    grade: str
    spread_adjust_bps: int | None
    referral: bool
    zh: str
    en: str
    source: str

    def in_lang(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class PricingPolicy:
    version: str
    in_force_from: date
    source: str
    article_basis: str
    platforms: tuple[str, ...]
    grades: dict[str, GradePolicy]

    def propose(self, grade: str) -> PricingProposal | None:
        """The proposal for ``grade``; ``None`` when the borrower has no (known) grade."""
        policy = self.grades.get(grade.strip().upper()) if grade else None
        if policy is None:
            return None
        if policy.referral:
            zh = f"碳效码 {policy.grade}（{policy.meaning_zh}）：提交贷审会审议定价"
            en = (
                f"carbon-account grade {policy.grade} ({policy.meaning_en}): refer the pricing "
                "to the credit committee"
            )
        else:
            bps = policy.spread_adjust_bps or 0
            zh = f"碳效码 {policy.grade}（{policy.meaning_zh}）：建议利差调整 {bps:+d}bp"
            en = (
                f"carbon-account grade {policy.grade} ({policy.meaning_en}): proposed spread "
                f"adjustment {bps:+d} bps"
            )
        return PricingProposal(
            policy.grade, policy.spread_adjust_bps, policy.referral, zh, en, self.source
        )


def parse_pricing(data: dict[str, object], name: str = "pricing.toml") -> PricingPolicy:
    """Validate the policy document; every problem is named with its field."""
    errors: list[str] = []
    grades: dict[str, GradePolicy] = {}
    raw_grades = data.get("grades")
    for i, g in enumerate(raw_grades if isinstance(raw_grades, list) else []):
        where = f"{name}: grades[{i}]"
        grade = str(g.get("grade", "")).strip().upper()
        referral = g.get("referral", False) is True
        bps = g.get("spread_adjust_bps")
        if not grade:
            errors.append(f"{where}.grade: required")
        elif grade in grades:
            errors.append(f"{where}.grade: {grade!r} is listed twice")
        if referral == (bps is not None):
            errors.append(f"{where}: give spread_adjust_bps or referral = true, not both")
        if bps is not None and (not isinstance(bps, int) or isinstance(bps, bool)):
            errors.append(f"{where}.spread_adjust_bps: must be whole basis points")
        elif bps is not None and abs(bps) > 500:
            errors.append(f"{where}.spread_adjust_bps: more than 500 bps either way")
        grades[grade] = GradePolicy(
            grade,
            str(g.get("meaning_zh", "")),
            str(g.get("meaning_en", "")),
            bps if isinstance(bps, int) else None,
            referral,
        )
    if not grades:
        errors.append(f"{name}: grades: at least one grade is needed")
    start = data.get("in_force_from")
    if not isinstance(start, date):
        errors.append(f"{name}: in_force_from: must be a date")
    source = data.get("source")
    if not isinstance(source, str) or not source.strip():
        errors.append(f"{name}: source: required (where the policy comes from)")
    if errors:
        raise UserError("\n".join(errors))
    platforms = data.get("platforms")
    return PricingPolicy(
        version=str(data.get("version", "")),
        in_force_from=start,  # type: ignore[arg-type]
        source=str(source),
        article_basis=str(data.get("article_basis", "")),
        platforms=tuple(str(p) for p in platforms) if isinstance(platforms, list) else (),
        grades=grades,
    )


@cache
def load_pricing() -> PricingPolicy:
    from greendesk.paths import resources_dir

    path = resources_dir() / "carbon_accounts" / "pricing.toml"
    return parse_pricing(tomllib.loads(path.read_text(encoding="utf-8")), path.name)
