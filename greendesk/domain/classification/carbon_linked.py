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
                Finding(f"carbon.kpi_{name}", f"{p}.{name}: {kpi.name} has no {name}")
            )
            ok = False
    if not kpi.test_dates:
        out.missing.append(
            Finding("carbon.test_dates", f"{p}.test_dates: no test dates for {kpi.name}")
        )
        ok = False
    if kpi.baseline is None or kpi.target is None:
        return False
    word = "below" if kpi.direction == "decrease" else "above"
    if not _better(kpi, kpi.target, kpi.baseline):
        out.flags.append(
            Finding(
                "carbon.target_not_ambitious",
                f"{p}: target {kpi.target} is not {word} baseline {kpi.baseline} ({kpi.name})",
            )
        )
        return False
    out.met.append(
        Finding(
            "carbon.kpi",
            f"{kpi.name}: baseline {kpi.baseline} → target {kpi.target} {kpi.unit}".rstrip(),
        )
    )
    if kpi.baseline_trend_pct is None:
        out.missing.append(
            Finding(
                "carbon.baseline_trend",
                f"{p}.baseline_trend_pct_per_year: trend not given, so ambition beyond "
                "business-as-usual is not shown",
            )
        )
    elif kpi.test_dates:
        years = _years(facts, kpi)
        bau = kpi.baseline * (1 + kpi.baseline_trend_pct / 100) ** years
        if _better(kpi, kpi.target, bau):
            out.met.append(
                Finding(
                    "carbon.beyond_trend",
                    f"{kpi.name}: target {kpi.target} beats the business-as-usual {bau:.4f} after "
                    f"{years} years",
                )
            )
        else:
            out.flags.append(
                Finding(
                    "carbon.target_within_trend",
                    f"{p}: target {kpi.target} is no better than the baseline trend ({bau:.4f} "
                    f"after {years} years)",
                )
            )
            ok = False
    if kpi.test_dates:
        dates = ", ".join(d.isoformat() for d in kpi.test_dates)
        out.met.append(Finding("carbon.test_dates", f"{kpi.name} tested on {dates}"))
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
        out.missing.append(
            Finding(
                "carbon.kpi",
                "loan.kpis: no carbon KPI (carbon intensity, 碳效码 grade, carbon footprint)",
            )
        )
        ok = False
    for i, kpi in enumerate(loan.kpis):
        ok = _kpi(facts, i, kpi, out) and ok
    if not loan.ratchet_bps:
        out.missing.append(
            Finding("carbon.ratchet", "loan.ratchet_bps: no margin ratchet tied to the KPIs")
        )
        ok = False
    if not loan.ratchet_cap_bps:
        out.missing.append(
            Finding("carbon.ratchet_cap", "loan.ratchet_cap_bps: the ratchet has no cap")
        )
        ok = False
    if loan.ratchet_bps and loan.ratchet_cap_bps:
        out.met.append(
            Finding(
                "carbon.ratchet",
                f"margin ratchet {loan.ratchet_bps} bps a step, capped at {loan.ratchet_cap_bps} "
                "bps",
            )
        )
    if loan.verifier:
        out.met.append(Finding("carbon.verification", f"external verification by {loan.verifier}"))
    else:
        out.missing.append(
            Finding("carbon.verification", "loan.verifier: no external verifier named")
        )
        ok = False
    if not ok:
        out.flags.append(
            Finding(
                "carbon.incomplete",
                "carbon-linked pricing lacks parts listed under missing evidence",
            )
        )
    out.eligible = ok
    return out
