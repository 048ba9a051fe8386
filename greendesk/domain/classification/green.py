"""Green by use of proceeds: which part of the loan finances catalogue items meeting criteria.

A loan is green only for the share of its proceeds that lands in a catalogue item whose numeric
criteria (e.g. PV module efficiency) hold; the rest is not green, whatever the loan is called.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from greendesk.domain.classification.catalogue import Catalogue, CatalogueItem
from greendesk.domain.classification.facts import Facts, UseOfProceeds
from greendesk.domain.classification.result import Finding, quantize_share
from greendesk.domain.money import parse_decimal

EVIDENCE_NAMES = {
    "project_approval": "project approval or filing (核准/备案文件)",
    "grid_connection_approval": "grid-connection approval (并网接入批复)",
    "environmental_impact_approval": "environmental impact approval (环评批复)",
    "land_use_right_or_contract": "land-use right or contract (林地草地使用权/承包合同)",
    "carbon_sink_methodology": "sink methodology and monitoring (碳汇方法学及监测报告)",
    "soil_conservation_plan_approval": "soil-conservation plan approval (水土保持方案批复)",
}


@dataclass
class GreenOutcome:
    eligible_amount: Decimal = Decimal("0.00")
    share: Decimal = Decimal("0.0000")
    rests_on: CatalogueItem | None = None
    pending: bool = False
    met: list[Finding] = field(default_factory=list)
    missing: list[Finding] = field(default_factory=list)
    flags: list[Finding] = field(default_factory=list)


def _label(item: CatalogueItem) -> str:
    return f"{item.key} {item.name_zh}"


def _check_criteria(
    item: CatalogueItem, technology: dict[str, str], out: GreenOutcome
) -> tuple[bool, bool]:
    """(passed, complete) for one item's numeric criteria against the project's parameters."""
    if not item.criteria:
        return True, True
    if item.scope is not None:
        value = technology.get(item.scope.parameter)
        if value is None:
            out.missing.append(
                Finding(
                    "green.technology_unstated",
                    f"project.technology.{item.scope.parameter}: state one of "
                    f"{', '.join(item.scope.values)} so the criteria of {_label(item)} can be "
                    "applied",
                )
            )
            return True, False
        if value not in item.scope.applies_to:
            out.met.append(
                Finding(
                    "green.criteria_not_applicable",
                    f"{_label(item)}: numeric criteria do not apply to {value}",
                )
            )
            return True, True
    passed, complete = True, True
    applicable = [c for c in item.criteria if c.applies(technology) is not False]
    if any(c.applies(technology) is None for c in applicable):
        selector = next(c.when_parameter for c in applicable if c.applies(technology) is None)
        out.missing.append(
            Finding(
                "green.technology_unstated",
                f"project.technology.{selector}: needed to apply the criteria of {_label(item)}",
            )
        )
        return True, False
    for c in applicable:
        raw = technology.get(c.parameter)
        if raw is None:
            out.missing.append(
                Finding(
                    f"green.criterion.{c.id}",
                    f"project.technology.{c.parameter}: needed to show {c.text_en} ({c.text_zh})",
                )
            )
            complete = False
            continue
        try:
            measured = parse_decimal(raw)
        except ValueError:
            out.missing.append(
                Finding(
                    f"green.criterion.{c.id}",
                    f"project.technology.{c.parameter}: {raw!r} is not a number",
                )
            )
            complete = False
            continue
        if c.passes(measured):
            out.met.append(
                Finding(f"green.criterion.{c.id}", f"{c.text_en}: {measured}{c.unit} ({c.text_zh})")
            )
        else:
            passed = False
            out.flags.append(
                Finding(
                    "green.criterion_failed",
                    f"{_label(item)}: {c.text_en} — project has {measured}{c.unit} ({c.text_zh})",
                )
            )
    return passed, complete


def _lines(facts: Facts, out: GreenOutcome) -> list[UseOfProceeds]:
    uses = list(facts.loan.use_of_proceeds)
    if uses:
        return uses
    project = facts.project
    if project is not None and project.catalogue_code:
        out.missing.append(
            Finding(
                "green.use_of_proceeds_unallocated",
                "loan.use_of_proceeds: no breakdown given; the whole amount is taken to finance "
                "the project",
            )
        )
        return [UseOfProceeds(project.catalogue_code, None, project.name, facts.loan.amount)]
    return []


def assess_green(facts: Facts, catalogue: Catalogue) -> GreenOutcome:
    """Eligible green amount and share of the loan, with criteria met, missing and failed."""
    out = GreenOutcome()
    technology = facts.project.technology if facts.project else {}
    evidence = set(facts.project.evidence) if facts.project else set()
    best: tuple[Decimal, CatalogueItem] | None = None
    checked: dict[str, tuple[bool, bool]] = {}
    for use in _lines(facts, out):
        if use.catalogue_code is None:
            continue
        item = catalogue.get(use.catalogue_code)
        if item is None:  # parse_facts refuses unknown codes; kept for callers passing raw Facts
            continue
        if item.key not in checked:
            checked[item.key] = _check_criteria(item, technology, out)
            for key in item.evidence:
                if key not in evidence:
                    out.missing.append(
                        Finding(
                            f"evidence.{key}", f"{_label(item)}: {EVIDENCE_NAMES.get(key, key)}"
                        )
                    )
            if item.verify:
                out.flags.append(
                    Finding("green.catalogue_position_unverified", f"{_label(item)}: {item.verify}")
                )
        passed, complete = checked[item.key]
        if not passed:
            continue
        out.pending = out.pending or not complete
        out.eligible_amount += use.amount
        out.met.append(
            Finding(
                "green.use_of_proceeds",
                f"{use.amount:,.2f} finances {_label(item)} ({item.name_en})",
            )
        )
        if best is None or use.amount > best[0]:
            best = (use.amount, item)
    if best is not None:
        out.rests_on = best[1]
    if facts.loan.amount > 0:
        out.share = quantize_share(out.eligible_amount / facts.loan.amount)
    if out.pending and out.eligible_amount > 0:
        out.flags.append(
            Finding(
                "green.pending_evidence", "green subject to the missing technical evidence listed"
            )
        )
    if Decimal(0) < out.share < Decimal(1):
        out.flags.append(
            Finding(
                "green.partial_share",
                f"only {out.share * 100:.2f} % of the proceeds are green-eligible",
            )
        )
    return out
