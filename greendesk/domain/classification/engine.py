"""Combine the green, transition and carbon-linked rules into one result.

The primary class follows precedence green > transition > carbon_linked > conventional; every
class the loan meets becomes a label, so a transition loan can also be carbon-linked.
"""

from __future__ import annotations

from typing import Any

from greendesk.domain.classification.carbon_linked import assess_carbon_linked
from greendesk.domain.classification.catalogue import Catalogue, load_catalogue
from greendesk.domain.classification.facts import Facts, parse_facts
from greendesk.domain.classification.green import assess_green
from greendesk.domain.classification.result import CatalogueRef, ClassificationResult
from greendesk.domain.classification.sectors import Sector, load_sectors
from greendesk.domain.classification.transition import assess_transition


def classify(
    facts: Facts, catalogue: Catalogue | None = None, sectors: dict[str, Sector] | None = None
) -> ClassificationResult:
    """Classify checked FACTS (see ``parse_facts``)."""
    cat = catalogue or load_catalogue()
    sec = sectors or load_sectors()
    green = assess_green(facts, cat)
    transition = assess_transition(facts, sec)
    carbon = assess_carbon_linked(facts)

    labels: list[str] = []
    if green.eligible_amount > 0:
        labels.append("green")
    if transition.eligible:
        labels.append("transition")
    if carbon.eligible:
        labels.append("carbon_linked")
    primary = labels[0] if labels else "conventional"

    reasons = []
    if primary == "green":
        reasons.append(f"{green.share * 100:.2f} % of the proceeds finance green catalogue items")
    elif primary == "transition":
        reasons.append(
            "a high-carbon borrower with a credible plan finances an eligible transition activity"
        )
    elif primary == "carbon_linked":
        reasons.append("pricing is tied to carbon KPIs with all parts in place")
    else:
        reasons.append(
            _conventional_reason(
                green.eligible_amount > 0, transition.high_carbon, carbon.attempted
            )
        )

    item = green.rests_on
    ref = CatalogueRef(item.version, item.code, item.name_zh, item.name_en) if item else None
    return ClassificationResult(
        primary=primary,
        labels=tuple(labels),
        green_share=green.share,
        green_amount=green.eligible_amount,
        catalogue=ref,
        criteria_met=tuple(green.met + transition.met + carbon.met),
        missing_evidence=tuple(green.missing + transition.missing + carbon.missing),
        flags=tuple(green.flags + transition.flags + carbon.flags),
        reason="; ".join(reasons),
        transition=transition.detail,
    )


def _conventional_reason(green: bool, high_carbon: bool, carbon_attempted: bool) -> str:
    parts = []
    if not green:
        parts.append("no proceeds finance an eligible green catalogue item")
    parts.append(
        "the transition conditions are not all met"
        if high_carbon
        else "the borrower is not in a high-carbon transition sector"
    )
    parts.append(
        "the carbon-linked pricing is incomplete"
        if carbon_attempted
        else "pricing is not tied to carbon KPIs"
    )
    return "conventional: " + ", ".join(parts)


def classify_json(raw: Any) -> dict[str, Any]:
    """FACTS JSON in, result JSON out (``InvalidInput`` on bad facts) — the CLI's engine call."""
    return classify(parse_facts(raw)).to_json()
