"""The KPI part of the credit memo and the portfolio workbook, worded in one language.

Built from ``services.kpi_readout``, so the memo, the workbook, the window and
``greendesk kpi list`` show one set of figures.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from greendesk.domain.kpi.ratchet import OUTCOME_LABELS, capped_total
from greendesk.reporting.model import KpiMemo, KpiTestInfo, MarginInfo
from greendesk.services.kpi_readout import (
    LoanKpiReport,
    ObservationRecord,
    VersionLine,
    kpi_references,
    report_in_session,
)
from greendesk.store.models import Loan
from greendesk.store.queries import is_current_version

WORDS = {
    "zh": {
        "policy": "达标利率下调 {down} 基点，未达标上调 {up} 基点，累计调整上限 ±{cap} 基点；"
        "测试日后 {grace} 天内无经核查的观测值视同未达标。",
        "no_policy": "本笔贷款未约定利率调整：观测结果只作披露。",
        "no_cap": "不设上限",
        "verified": "已核查：{verifier}{ref}",
        "unverified": "不生效：{reason}",
        "none": "尚无观测值",
        "originated": "合同原始还款计划（尚无 KPI 结果生效）",
        "reason": "{kpi} {day} 测试：{outcome}，利率调整 {step:+d} 基点",
    },
    "en": {
        "policy": "Met: margin −{down} bps; missed: +{up} bps; cumulative change capped at "
        "±{cap} bps; no verified observation within {grace} days of the test date counts as "
        "missed.",
        "no_policy": "No margin ratchet agreed: results are disclosed only.",
        "no_cap": "no cap",
        "verified": "verified: {verifier}{ref}",
        "unverified": "does not count: {reason}",
        "none": "no observation yet",
        "originated": "schedule as originated (no KPI result in force)",
        "reason": "{kpi} test {day}: {outcome}, margin {step:+d} bps",
    },
}


def _policy(report: LoanKpiReport, lang: str) -> str:
    w = WORDS[lang]
    p = report.policy
    if p is None:
        return w["no_policy"]
    cap = str(p.cap_bps) if p.cap_bps is not None else w["no_cap"]
    return w["policy"].format(down=p.step_down_bps, up=p.step_up_bps, cap=cap, grace=p.grace_days)


def _verification(o: ObservationRecord, lang: str) -> str:
    w = WORDS[lang]
    if o.verified:
        ref = f"，{o.report_reference}" if lang == "zh" else f", {o.report_reference}"
        return w["verified"].format(
            verifier=o.verifier or "", ref=ref if o.report_reference else ""
        )
    reason = o.unverified_reason_zh if lang == "zh" else o.unverified_reason
    return w["unverified"].format(reason=reason or "")


def test_rows(report: LoanKpiReport, borrower: str, lang: str) -> list[KpiTestInfo]:
    """One row per test date of every KPI: the deciding observation, outcome and margin."""
    w = WORDS[lang]
    cumulative = {(m.kpi, m.effective): m.cumulative_bps for m in report.margin}
    rows: list[KpiTestInfo] = []
    for k in report.kpis:
        for t in k.tests:
            seen = [
                o for o in report.observations if o.kpi == k.name and o.test_date == t.test_date
            ]
            deciding = next((o for o in seen if o.id == t.observation_id), None)
            shown = deciding or (seen[-1] if seen else None)
            comparison = ""
            if shown is not None:
                comparison = (shown.comparison_zh if lang == "zh" else shown.comparison_en) or ""
            rows.append(
                KpiTestInfo(
                    reference=report.reference,
                    borrower=borrower,
                    kpi=k.name,
                    unit=k.unit or "",
                    baseline=k.baseline,
                    target=k.target,
                    test_date=t.test_date,
                    deadline=t.deadline,
                    value=shown.value if shown else None,
                    comparison=comparison,
                    verification=_verification(shown, lang) if shown else w["none"],
                    outcome=t.outcome_text(lang),
                    adjust_bps=t.adjust_bps if t.outcome is not None else None,
                    cumulative_bps=cumulative.get((k.name, t.test_date)),
                    schedule_version=t.schedule_version,
                )
            )
    return rows


def _reason(v: VersionLine, lang: str) -> str:
    w = WORDS[lang]
    if v.outcome is None or v.test_date is None:
        return w["originated"] if v.version == 1 else v.reason
    zh, en = OUTCOME_LABELS[v.outcome]
    outcome = zh if lang == "zh" else en
    return w["reason"].format(kpi=v.kpi, day=v.test_date, outcome=outcome, step=v.adjust_bps)


def kpi_memo(report: LoanKpiReport, borrower: str, lang: str) -> KpiMemo:
    cap = report.policy.cap_bps if report.policy else None
    margin = [
        MarginInfo(
            version=v.version,
            reason=_reason(v, lang),
            ratchet_bps=capped_total((int(s["adjust_bps"]) for s in v.ratchet), cap),
            from_period=v.from_period,
            from_rate=Decimal(v.from_rate) if v.from_rate is not None else None,
            created_by=v.created_by,
        )
        for v in report.versions
    ]
    return KpiMemo(
        policy=_policy(report, lang),
        tests=test_rows(report, borrower, lang),
        margin=margin,
        alerts=[a.in_lang(lang) for a in report.alerts],
    )


def memo_kpi(session: Session, loan: Loan, lang: str, today: date) -> KpiMemo | None:
    """The memo's KPI part of a loan row in ``session``; None for a loan without KPIs."""
    if not loan.kpis:
        return None
    return kpi_memo(report_in_session(session, loan, today), loan.borrower.name, lang)


def portfolio_kpi_rows(session: Session, lang: str, today: date) -> Iterator[KpiTestInfo]:
    """Every test of every KPI-linked current loan, for the workbook's KPI sheet."""
    for reference in kpi_references(session):
        loan = session.scalars(
            select(Loan).where(Loan.reference == reference, is_current_version())
        ).one()
        yield from test_rows(report_in_session(session, loan, today), loan.borrower.name, lang)
