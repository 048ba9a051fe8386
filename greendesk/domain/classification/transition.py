"""Transition: a high-carbon borrower, an eligible activity, and a credible reduction plan.

Transition finance supports emitters that are cutting emissions; the test is the sector (data),
what the money buys (an eligible activity, not new lock-in capacity) and a plan whose yearly
intensity fall reaches the sector's benchmark, with yearly disclosure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext

from greendesk.domain.classification.facts import Facts, TransitionPlan
from greendesk.domain.classification.result import Finding, TransitionDetail
from greendesk.domain.classification.sectors import Sector
from greendesk.domain.classification.wording import PLAN_FIELDS, Both, say

PCT_PLACES = Decimal("0.01")


@dataclass
class TransitionOutcome:
    eligible: bool = False
    high_carbon: bool = False
    detail: TransitionDetail | None = None
    met: list[Finding] = field(default_factory=list)
    missing: list[Finding] = field(default_factory=list)
    flags: list[Finding] = field(default_factory=list)


def annual_reduction_pct(baseline: Decimal, target: Decimal, years: int) -> Decimal:
    """Compound yearly fall in intensity, percent to 0.01: 100 × (1 − (target/baseline)^(1/n))."""
    with localcontext() as ctx:
        ctx.prec = 28
        ratio = target / baseline
        factor = ratio ** (Decimal(1) / Decimal(years)) if ratio > 0 else Decimal(0)
        return ((Decimal(1) - factor) * 100).quantize(PCT_PLACES, rounding=ROUND_HALF_UP)


def _sector_words(sector: Sector) -> dict[str, object]:
    """The sector's name for a finding: ``sector`` per language, ``sector_zh`` always Chinese."""
    return {"sector": Both(sector.name_zh, sector.name_en), "sector_zh": sector.name_zh}


def _activity_amount(facts: Facts, sector: Sector, out: TransitionOutcome) -> Decimal:
    """Amount of the proceeds funding activities eligible for the borrower's sector."""
    amount = Decimal("0.00")
    keyed = [
        (u.activity, u.amount, f"loan.use_of_proceeds[{i}].activity")
        for i, u in enumerate(facts.loan.use_of_proceeds)
        if u.activity
    ]
    if not keyed and facts.project and facts.project.transition_activity:
        keyed = [
            (facts.project.transition_activity, facts.loan.amount, "project.transition_activity")
        ]
    entry = facts.project.library if facts.project else None
    recognised = entry is not None and entry.kind == "transition_project"
    if entry is not None and recognised:
        out.met.append(
            say(
                "transition.library_recognised",
                library=entry.library,
                rule=entry.rule or "—",
                reference=entry.reference or "—",
                date=entry.recognised_on.isoformat() if entry.recognised_on else "—",
                amount=f"{facts.loan.amount:,.2f}",
            )
        )
    if not keyed and not recognised:
        out.missing.append(say("transition.activity_unstated"))
    for key, value, path in keyed:
        assert key is not None
        good = sector.activity(key)
        bad = sector.excluded_activity(key)
        if good:
            amount += value
            out.met.append(
                say(
                    "transition.eligible_activity",
                    amount=f"{value:,.2f}",
                    activity=Both(good.name_zh, good.name_en),
                    activity_zh=good.name_zh,
                    **_sector_words(sector),
                )
            )
        elif bad:
            out.flags.append(
                say(
                    "transition.lock_in",
                    path=path,
                    activity=Both(bad.name_zh, bad.name_en),
                    activity_zh=bad.name_zh,
                )
            )
        else:
            out.flags.append(
                say(
                    "transition.activity_not_for_sector",
                    path=path,
                    key=key,
                    **_sector_words(sector),
                )
            )
    if recognised:  # the library's recognition covers what the loan finances
        return facts.loan.amount
    return amount


def _plan(
    plan: TransitionPlan | None, sector: Sector, out: TransitionOutcome
) -> tuple[bool, Decimal | None]:
    """(credible, yearly reduction %) of the borrower's plan against the sector benchmark."""
    fields = {
        "baseline_intensity": plan.baseline_intensity if plan else None,
        "target_intensity": plan.target_intensity if plan else None,
        "base_year": plan.base_year if plan else None,
        "target_year": plan.target_year if plan else None,
    }
    if all(value is None for value in fields.values()):
        out.flags.append(say("transition.high_carbon_without_plan", **_sector_words(sector)))
    for name, value in fields.items():
        if value is None:
            out.missing.append(
                say(
                    "transition.plan_field_missing",
                    f"transition.plan.{name}",
                    name=name,
                    field=PLAN_FIELDS[name],
                )
            )
    credible = True
    disclosure = plan.disclosure_yearly if plan else None
    if disclosure is None:
        out.missing.append(say("transition.plan.disclosure"))
        credible = False
    elif not disclosure:
        out.flags.append(say("transition.no_yearly_disclosure"))
        credible = False
    else:
        out.met.append(say("transition.yearly_disclosure"))
    if plan is None or None in fields.values():
        return False, None
    assert plan.baseline_intensity is not None and plan.target_intensity is not None
    assert plan.base_year is not None and plan.target_year is not None
    years = plan.target_year - plan.base_year
    pct = annual_reduction_pct(plan.baseline_intensity, plan.target_intensity, years)
    words: dict[str, object] = {
        "baseline": plan.baseline_intensity,
        "target": plan.target_intensity,
        "unit": f" {plan.intensity_unit}" if plan.intensity_unit else "",
        "base_year": plan.base_year,
        "target_year": plan.target_year,
        "pct": pct,
        "benchmark": sector.benchmark_reduction_pct,
        **_sector_words(sector),
    }
    if pct <= 0:
        out.flags.append(say("transition.plan_does_not_reduce", **words))
        return False, pct
    if pct < sector.benchmark_reduction_pct:
        out.flags.append(say("transition.below_benchmark", **words))
        return False, pct
    out.met.append(say("transition.plan_meets_benchmark", **words))
    return credible, pct


def assess_transition(facts: Facts, sectors: dict[str, Sector]) -> TransitionOutcome:
    """Whether the loan qualifies as transition finance, with what was met and what is missing."""
    out = TransitionOutcome()
    sector = sectors.get(facts.borrower.sector)
    if sector is None or not sector.high_carbon:
        return out
    out.high_carbon = True
    out.met.append(
        say(
            "transition.high_carbon_sector",
            source=Both(sector.source_zh, sector.source),
            **_sector_words(sector),
        )
    )
    amount = _activity_amount(facts, sector, out)
    credible, pct = _plan(facts.borrower.plan, sector, out)
    out.detail = TransitionDetail(
        sector.key, sector.name_zh, pct, sector.benchmark_reduction_pct, amount
    )
    out.eligible = credible and amount > 0
    return out
