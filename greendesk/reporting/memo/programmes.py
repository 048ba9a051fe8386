"""The credit memo's programmes section: each programme's verdict and figures, and the
carbon-account grade with the pricing policy's proposal (labels: reports/memo_programmes.toml)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from reportlab.platypus import Flowable, Spacer

from greendesk.domain.programmes import ProgrammeResult
from greendesk.paths import reports_dir
from greendesk.reporting.memo.sections import bullets, heading, subheading
from greendesk.reporting.memo.styles import iso, kv_table, para, pct
from greendesk.reporting.model import MemoData
from greendesk.reporting.templates import MemoTemplate
from greendesk.services.carbon_accounts import CarbonAccount, ReviewAlert


@dataclass(frozen=True)
class ProgrammesMemo:
    """What the section shows, from ``services.programmes`` and ``services.carbon_accounts``."""

    results: tuple[ProgrammeResult, ...]
    account: CarbonAccount | None
    reviews: tuple[ReviewAlert, ...]


@cache
def _labels(lang: str) -> dict[str, str]:
    data = tomllib.loads((reports_dir() / "memo_programmes.toml").read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data[lang].items()}


def _cite(text: str, lang: str) -> str:
    """A figure's source as the memo says it; the programme files word their notes in English,
    so the Chinese memo names the kind of basis and where its note is kept."""
    if lang != "zh":
        return text
    if text.startswith("unconfirmed:"):
        return "未经证实，沿用前版数值（说明见 resources/programmes/ 政策数据文件）"
    if text.startswith("ASSUMED"):
        return "本行自设假设（资金部门设定的一年期资金成本，演示数值）"
    return f"来源 {text}（见政策数据文件所列出处）"


def programmes(data: MemoData, tpl: MemoTemplate, width: float) -> list[Flowable]:
    lang = tpl.lang
    w = {key: tpl.with_unit(text) for key, text in _labels(lang).items()}
    out: list[Flowable] = [heading("programmes", tpl)]
    memo = data.programmes
    if memo is None:
        return [*out, para(tpl.t("none"))]
    for r in memo.results:
        verdict = w["eligible"] if r.eligible else w["not_eligible"]
        out.append(
            subheading(
                f"{r.name(lang)}：{verdict}" if lang == "zh" else f"{r.name(lang)}: {verdict}"
            )
        )
        pairs = [(w["version"], r.version or "—")]
        if r.eligible:
            pairs.append((w["eligible_outstanding"], tpl.amount(r.eligible_outstanding)))
            if r.refinancing is None:
                pairs.append((w["refinancing"], w["not_computed"]))
            else:
                pairs.append((w["refinancing"], tpl.amount(r.refinancing)))
                pairs.append(
                    (
                        w["terms"],
                        f"{pct(r.share_of_principal, 0)} / {pct(r.funding_rate)}",
                    )
                )
            if r.funding_benefit is not None:
                pairs.append((w["benefit"], tpl.amount(r.funding_benefit)))
            if r.annual_co2e_t is not None:
                pairs.append((w["co2e"], f"{r.annual_co2e_t:,.2f}"))
        out.append(kv_table(pairs, width))
        for key, items, style in (
            ("met", r.criteria_met, "bullet"),
            ("missing", r.missing, "alert"),
            ("notes", r.notes, "bullet"),
        ):
            if items:
                out += [para(w[key], bold=True), *bullets([f.in_lang(lang) for f in items], style)]
        if r.eligible and r.refinancing is not None:
            basis = [
                f"{w['share_basis']}：{_cite(r.share_source, lang)}",
                f"{w['rate_basis']}：{_cite(r.rate_source, lang)}",
                f"{w['benefit_basis']}：{_cite(r.comparison_source, lang)}",
            ]
            out += [para(w["sources"], bold=True), *bullets(basis)]
        out.append(Spacer(1, 4))
    out.append(subheading(w["account"]))
    account = memo.account
    if account is None or not account.grade:
        out.append(para(w["no_account"]))
    else:
        current = account.current
        pairs = [(w["grade"], account.grade)]
        if current is not None:
            intensity = (
                "—"
                if current.intensity is None
                else f"{current.intensity} {current.intensity_unit}"
            )
            pairs += [
                (w["platform"], current.platform),
                (w["assessed"], iso(current.assessed_on)),
                (w["intensity"], intensity.strip()),
                (w["source"], current.source),
            ]
        out.append(kv_table(pairs, width))
        if account.proposal is not None:
            out += [
                para(w["proposal"], bold=True),
                *bullets([account.proposal.in_lang(lang), account.proposal.source]),
            ]
    if memo.reviews:
        out += [
            para(w["reviews"], bold=True),
            *bullets([a.in_lang(lang) for a in memo.reviews], "alert"),
        ]
    return out
