"""Which PCAF formula a borrower's or project's inputs lead to, said in words (zh and en).

The editors' "Emissions data" page shows it while the officer types, so the branch that
``domain.emissions.pcaf`` will take is visible before anything is saved: business loan (the
borrower's record) or project finance (the project's own record), equity + debt or the fallback
to total assets, negative equity counted as 0, and the estimate options that need no factor.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from greendesk.domain.emissions.pcaf import OPTIONS

ZERO = Decimal(0)

_EMISSIONS: dict[str, tuple[str, str]] = {
    "1a": ("× 经核查的报告排放量（范围一、二）", "× verified reported scope 1+2 emissions"),
    "1b": ("× 未经核查的报告排放量（范围一、二）", "× unverified reported scope 1+2 emissions"),
    "2a": ("× Σ 能源消耗量 × 排放因子", "× Σ energy use × its emission factor"),
    "2b": ("× Σ 产量 × 排放因子", "× Σ production × its emission factor"),
    "3a": ("× 营业收入 × 行业排放因子", "× revenue × the sector's factor per revenue"),
}


@dataclass(frozen=True)
class BranchText:
    zh: str
    en: str
    basis: str | None  # "equity+debt", "total assets", None (3b/3c or no factor possible)

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def _yuan(value: Decimal) -> str:
    return f"{value:,.2f}"


def describe_branch(
    subject: str,
    option: str | None,
    equity: Decimal | None,
    debt: Decimal | None,
    total_assets: Decimal | None,
    score: int | None = None,
) -> BranchText:
    """The formula for a ``subject`` of "borrower" (business loans) or "project" (project
    finance); values not (yet) valid are passed as None by the caller."""
    if subject == "project":
        who_zh = "项目融资：本项目贷款按项目自身的权益 + 负债归因"
        who_en = "Project finance: loans for this project are attributed on the project's own"
    else:
        who_zh = "企业贷款：该借款人的贷款（项目无自身排放记录时）按借款人的权益 + 负债归因"
        who_en = (
            "Business loan: this borrower's loans (whose project has no record of its own) are "
            "attributed on the borrower's"
        )
    if option not in OPTIONS:
        return BranchText(
            "请选择 PCAF 数据质量选项。", "Choose the PCAF data-quality option.", None
        )
    score = OPTIONS[option] if score is None else score
    if option in ("3b", "3c"):
        factor_zh = "总资产" if option == "3b" else "资产周转率 × 营业收入"
        factor_en = "assets" if option == "3b" else "asset turnover × revenue"
        return BranchText(
            f"选项 {option}（数据质量评分 {score}）：按每元贷款估算，融资排放 = 贷款余额 × 行业"
            f"{factor_zh}排放因子，不用归因系数。",
            f"Option {option} (data-quality score {score}): an estimate per yuan lent, financed "
            f"emissions = outstanding × the sector's factor per {factor_en}; no attribution "
            "factor.",
            None,
        )
    tail_zh, tail_en = _EMISSIONS[option]
    if equity is None and debt is None:
        if total_assets is None or total_assets <= 0:
            return BranchText(
                f"{who_zh.split('：')[0]}：未填权益、负债或总资产，无法计算归因系数。",
                f"{who_en.split(':')[0]}: no equity, debt or total assets given, so no "
                "attribution factor can be computed.",
                None,
            )
        return BranchText(
            f"{who_zh.split('：')[0]}：未填权益和负债，归因改按总资产：归因系数 = 贷款余额 ÷ "
            f"总资产 {_yuan(total_assets)}；融资排放 = 归因系数 {tail_zh}"
            f"（选项 {option}，数据质量评分 {score}）。",
            f"{who_en.split(':')[0]}: equity and debt are not given, so the factor falls back to "
            f"total assets: attribution = outstanding ÷ total assets {_yuan(total_assets)}; "
            f"financed = attribution {tail_en} (option {option}, data-quality score {score}).",
            "total assets",
        )
    eq = equity if equity is not None else ZERO
    note_zh = note_en = ""
    if eq < 0:
        note_zh = f"（负权益 {_yuan(eq)} 按 0 计）"
        note_en = f" (negative equity {_yuan(eq)} counted as 0)"
        eq = ZERO
    denominator = eq + (debt if debt is not None else ZERO)
    if denominator <= 0:
        return BranchText(
            f"{who_zh}{note_zh}，但权益 + 负债为 0：无法计算归因系数。",
            f"{who_en} equity + debt{note_en}, but that is zero: no attribution factor.",
            None,
        )
    return BranchText(
        f"{who_zh}{note_zh}：归因系数 = 贷款余额 ÷ {_yuan(denominator)}；融资排放 = 归因系数 "
        f"{tail_zh}（选项 {option}，数据质量评分 {score}）。",
        f"{who_en} equity + debt{note_en}: attribution = outstanding ÷ {_yuan(denominator)}; "
        f"financed = attribution {tail_en} (option {option}, data-quality score {score}).",
        "equity+debt",
    )
