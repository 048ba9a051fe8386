"""Judging an observation against its SPT, and the maker-checker rule for verification."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from greendesk.domain.validation import canonical_decimal


class Direction(StrEnum):
    LOWER = "lower"  # lower is better: emissions, intensities (the default for carbon KPIs)
    HIGHER = "higher"  # higher is better: renewable share, carbon sink


def direction(baseline: Decimal | None, target: Decimal) -> Direction:
    """Which way the KPI improves: from the baseline towards the target.

    Without a baseline (or a target equal to it) a carbon KPI improves downwards.
    """
    if baseline is not None and target > baseline:
        return Direction.HIGHER
    return Direction.LOWER


@dataclass(frozen=True)
class Judgement:
    met: bool
    zh: str  # "多晶硅产品碳足迹 37.5 ≤ 目标 38"
    en: str  # "多晶硅产品碳足迹 37.5 ≤ target 38: met"

    @property
    def result(self) -> str:
        return "met" if self.met else "missed"


def judge(name: str, value: Decimal, target: Decimal, baseline: Decimal | None) -> Judgement:
    """Met or missed, with the comparison stated in words (the sign shows which side it fell)."""
    way = direction(baseline, target)
    met = value <= target if way is Direction.LOWER else value >= target
    signs = {Direction.LOWER: ("≤", ">"), Direction.HIGHER: ("≥", "<")}[way]
    sign = signs[0] if met else signs[1]
    v, t = canonical_decimal(value), canonical_decimal(target)
    zh = f"{name} {v} {sign} 目标 {t}：{'达标' if met else '未达标'}"
    en = f"{name} {v} {sign} target {t}: {'met' if met else 'missed'}"
    return Judgement(met, zh, en)


@dataclass(frozen=True)
class Verification:
    """Whether an observation may move the margin, and if not, every reason why not."""

    verified: bool
    reasons_zh: tuple[str, ...]
    reasons_en: tuple[str, ...]


def verification(
    *, verifier: str | None, report_attached: bool, entered_by: str, officer_of_record: str | None
) -> Verification:
    """Maker-checker: a verifier named, a report attached, entered by someone other than the
    officer of record (the officer who originated the loan may enter data, never confirm it)."""
    zh: list[str] = []
    en: list[str] = []
    if not (verifier or "").strip():
        zh.append("未注明核查机构")
        en.append("no verifier named")
    if not report_attached:
        zh.append("未附核查报告")
        en.append("no verification report attached")
    if officer_of_record is not None and entered_by == officer_of_record:
        zh.append("由本笔贷款的经办客户经理录入（须由他人复核录入）")
        en.append("entered by the loan's officer of record (maker-checker: someone else must)")
    return Verification(not en, tuple(zh), tuple(en))
