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
from greendesk.domain.classification.wording import (
    Both,
    catalogue_title,
    evidence_name,
    item_label,
    say,
)
from greendesk.domain.money import parse_decimal


@dataclass
class GreenOutcome:
    eligible_amount: Decimal = Decimal("0.00")
    share: Decimal = Decimal("0.0000")
    rests_on: CatalogueItem | None = None
    pending: bool = False
    met: list[Finding] = field(default_factory=list)
    missing: list[Finding] = field(default_factory=list)
    flags: list[Finding] = field(default_factory=list)


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
                say(
                    "green.technology_unstated",
                    parameter=item.scope.parameter,
                    values=", ".join(item.scope.values),
                    item=item_label(item),
                )
            )
            return True, False
        if value not in item.scope.applies_to:
            out.met.append(say("green.criteria_not_applicable", item=item_label(item), value=value))
            return True, True
    passed, complete = True, True
    applicable = [c for c in item.criteria if c.applies(technology) is not False]
    if any(c.applies(technology) is None for c in applicable):
        selector = next(c.when_parameter for c in applicable if c.applies(technology) is None)
        out.missing.append(
            say(
                "green.technology_selector_unstated",
                "green.technology_unstated",
                parameter=selector,
                item=item_label(item),
            )
        )
        return True, False
    for c in applicable:
        raw = technology.get(c.parameter)
        words: dict[str, object] = {
            "parameter": c.parameter,
            "criterion_zh": c.text_zh,
            "criterion_en": c.text_en,
            "unit": c.unit,
            "item": item_label(item),
        }
        if raw is None:
            out.missing.append(say("green.criterion_missing", f"green.criterion.{c.id}", **words))
            complete = False
            continue
        try:
            measured = parse_decimal(raw)
        except ValueError:
            out.missing.append(
                say("green.criterion_not_number", f"green.criterion.{c.id}", raw=raw, **words)
            )
            complete = False
            continue
        if c.passes(measured):
            out.met.append(
                say("green.criterion_met", f"green.criterion.{c.id}", measured=measured, **words)
            )
        else:
            passed = False
            out.flags.append(say("green.criterion_failed", measured=measured, **words))
    return passed, complete


def _lines(facts: Facts, out: GreenOutcome) -> list[UseOfProceeds]:
    uses = list(facts.loan.use_of_proceeds)
    if uses:
        return uses
    project = facts.project
    if project is not None and project.catalogue_code:
        out.missing.append(say("green.use_of_proceeds_unallocated"))
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
                        say(
                            "green.evidence_missing",
                            f"evidence.{key}",
                            evidence=evidence_name(key),
                            item=item_label(item),
                        )
                    )
            if item.verify:
                out.flags.append(
                    say(
                        "green.catalogue_position_unverified",
                        item=item_label(item),
                        note=Both(item.verify_zh or item.verify, item.verify),
                    )
                )
        passed, complete = checked[item.key]
        if not passed:
            continue
        out.pending = out.pending or not complete
        out.eligible_amount += use.amount
        out.met.append(
            say(
                "green.use_of_proceeds",
                amount=f"{use.amount:,.2f}",
                item=item_label(item),
                title=catalogue_title(catalogue, item.version),
                code=item.code,
                name=Both(item.name_zh, item.name_en),
                name_en=item.name_en,
            )
        )
        if best is None or use.amount > best[0]:
            best = (use.amount, item)
    if best is not None:
        out.rests_on = best[1]
    if facts.loan.amount > 0:
        out.share = quantize_share(out.eligible_amount / facts.loan.amount)
    if out.pending and out.eligible_amount > 0:
        out.flags.append(say("green.pending_evidence"))
    if Decimal(0) < out.share < Decimal(1):
        out.flags.append(say("green.partial_share", pct=f"{out.share * 100:.2f}"))
    return out
