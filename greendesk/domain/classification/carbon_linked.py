"""Carbon-linked (sustainability-linked) pricing: the five parts of the LMA principles.

A margin ratchet tied to a carbon KPI only counts when every part is there — KPI, calibrated
target beyond the baseline, test dates, a capped ratchet, external verification. A missing part
is reported as missing evidence, never passed silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from greendesk.domain.classification.facts import Facts, Kpi
from greendesk.domain.classification.result import Finding
from greendesk.domain.classification.wording import Both, say

VALUE_NAMES = {"baseline": "基准值", "target": "目标值"}


@dataclass
class CarbonOutcome:
    eligible: bool = False
    attempted: bool = False
    met: list[Finding] = field(default_factory=list)
    missing: list[Finding] = field(default_factory=list)
    flags: list[Finding] = field(default_factory=list)


def _better(kpi: Kpi, target: Decimal, reference: Decimal) -> bool:
    return target < reference if kpi.direction == "decrease" else target > reference


def _years(facts: Facts, kpi: Kpi) -> int:
    """Years from the loan's start (else from the first test) to the last test date, at least 1."""
    last = kpi.test_dates[-1]
    start = facts.loan.start_date or kpi.test_dates[0]
    return max(1, last.year - start.year)


def _kpi(facts: Facts, i: int, kpi: Kpi, out: CarbonOutcome) -> bool:
    p = f"loan.kpis[{i}]"
    ok = True
    for name in ("baseline", "target"):
        if getattr(kpi, name) is None:
            out.missing.append(
                say(
                    "carbon.kpi_value_missing",
                    f"carbon.kpi_{name}",
                    path=p,
                    name=name,
                    what=VALUE_NAMES[name],
                    kpi=kpi.name,
                )
            )
            ok = False
    if not kpi.test_dates:
        out.missing.append(
            say("carbon.test_dates_missing", "carbon.test_dates", path=p, kpi=kpi.name)
        )
        ok = False
    if kpi.baseline is None or kpi.target is None:
        return False
    word = Both("低于", "below") if kpi.direction == "decrease" else Both("高于", "above")
    values = {"path": p, "kpi": kpi.name, "baseline": kpi.baseline, "target": kpi.target}
    if not _better(kpi, kpi.target, kpi.baseline):
        out.flags.append(say("carbon.target_not_ambitious", word=word, **values))
        return False
    unit = f" {kpi.unit}" if kpi.unit else ""
    out.met.append(say("carbon.kpi", unit=unit, **values))
    if kpi.baseline_trend_pct is None:
        out.missing.append(say("carbon.baseline_trend", **values))
    elif kpi.test_dates:
        years = _years(facts, kpi)
        bau = kpi.baseline * (1 + kpi.baseline_trend_pct / 100) ** years
        if _better(kpi, kpi.target, bau):
            out.met.append(say("carbon.beyond_trend", bau=f"{bau:.4f}", years=years, **values))
        else:
            out.flags.append(
                say("carbon.target_within_trend", bau=f"{bau:.4f}", years=years, **values)
            )
            ok = False
    if kpi.test_dates:
        dates = ", ".join(d.isoformat() for d in kpi.test_dates)
        out.met.append(say("carbon.test_dates", kpi=kpi.name, dates=dates))
    return ok


def assess_carbon_linked(facts: Facts) -> CarbonOutcome:
    """Whether pricing is tied to carbon KPIs with all five parts in place."""
    loan = facts.loan
    out = CarbonOutcome()
    out.attempted = bool(loan.kpis) or bool(loan.ratchet_bps) or bool(loan.ratchet_cap_bps)
    if not out.attempted:
        return out
    ok = True
    if not loan.kpis:
        out.missing.append(say("carbon.no_kpi", "carbon.kpi"))
        ok = False
    for i, kpi in enumerate(loan.kpis):
        ok = _kpi(facts, i, kpi, out) and ok
    if not loan.ratchet_bps:
        out.missing.append(say("carbon.ratchet_missing", "carbon.ratchet"))
        ok = False
    if not loan.ratchet_cap_bps:
        out.missing.append(say("carbon.ratchet_cap"))
        ok = False
    if loan.ratchet_bps and loan.ratchet_cap_bps:
        out.met.append(say("carbon.ratchet", bps=loan.ratchet_bps, cap=loan.ratchet_cap_bps))
    if loan.verifier:
        out.met.append(say("carbon.verification", verifier=loan.verifier))
    else:
        out.missing.append(say("carbon.verification_missing", "carbon.verification"))
        ok = False
    if not ok:
        out.flags.append(say("carbon.incomplete"))
    out.eligible = ok
    return out
