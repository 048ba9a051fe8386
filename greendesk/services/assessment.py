"""Classify stored loans and value their pledges: the bridge from the store to the domain engines.

``assess_loan`` builds FACTS from the stored borrower, project and loan, runs the classification
(stored on the loan unless an officer has overridden it) and values the pledges on a date from
the stored price table, storing the values and coverage (``services.valuation``);
``assess_all`` does it for every current loan (the seed step calls it);
``collateral_report`` is the read-only report behind ``greendesk collateral``;
``stored_classification`` reads back the result a loan carries. Plain dataclasses go out, never
ORM rows; every alert and finding goes out in both languages, so each screen picks its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, object_session, selectinload

from greendesk.domain.classification import classify, parse_facts
from greendesk.domain.classification.catalogue import load_catalogue
from greendesk.domain.collateral import PriceTable
from greendesk.domain.errors import UserError
from greendesk.services import audit
from greendesk.services.valuation import (
    AlertLine,
    LoanCollateralReport,
    PledgeLine,
    loan_collateral,
    loan_maturity,
    price_table,
    store_valuation,
    value_loan,
)
from greendesk.store.database import Database
from greendesk.store.models import EvidenceDocument, LibraryEntry, Loan, Project
from greendesk.store.queries import is_current_version

# Re-exported: screens, reports and commands import the collateral lines from here.
__all__ = [
    "AlertLine",
    "CatalogueLine",
    "FindingLine",
    "LoanAssessment",
    "LoanCollateralReport",
    "PledgeLine",
    "StoredClassification",
    "assess_all",
    "assess_loan",
    "collateral_report",
    "loan_collateral",
    "loan_facts",
    "loan_maturity",
    "price_table",
    "stored_classification",
]

SYSTEM_ACTOR = "system"


@dataclass(frozen=True)
class FindingLine:
    """One criterion met, missing piece of evidence or flag, worded in both languages."""

    id: str
    zh: str
    en: str

    def in_lang(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class CatalogueLine:
    version: str
    code: str
    name_zh: str
    name_en: str

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


@dataclass(frozen=True)
class StoredClassification:
    """The classification a loan carries (as last stored by :func:`assess_loan`)."""

    loan_id: int
    reference: str
    primary: str  # the engine's class
    labels: tuple[str, ...]
    green_share: Decimal | None  # 0..1
    catalogue: CatalogueLine | None
    criteria_met: tuple[FindingLine, ...]
    missing_evidence: tuple[FindingLine, ...]
    flags: tuple[FindingLine, ...]
    override_primary: str | None
    override_reason: str


@dataclass(frozen=True)
class LoanAssessment:
    loan_id: int
    reference: str
    engine_primary: str
    primary: str  # the officer's override when there is one, else the engine's
    overridden: bool
    stored: bool  # whether the engine's result was written to the loan
    classification: dict[str, Any]  # the engine's result JSON
    collateral: LoanCollateralReport


# -- FACTS from the store -------------------------------------------------------------------


def _num(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _scalar_technology(technology: dict[str, Any] | None) -> dict[str, Any]:
    """Technical parameters the rules can compare (strings, whole numbers, booleans)."""
    out: dict[str, Any] = {}
    for key, value in (technology or {}).items():
        if key in ("transition_activity", "evidence"):
            continue
        if isinstance(value, (str, int, bool)):
            out[key] = value
    return out


def _library_fact(project: Project) -> dict[str, Any] | None:
    """The project's library entry as classification evidence (a recognised transition project
    first, else the newest entry); ``None`` when it is in no library."""
    session = object_session(project)
    if session is None or project.id is None:
        return None
    entries = list(
        session.scalars(
            select(LibraryEntry)
            .where(LibraryEntry.project_id == project.id)
            .order_by(LibraryEntry.recognised_on.desc(), LibraryEntry.id.desc())
        )
    )
    if not entries:
        return None
    entry = next((x for x in entries if x.kind == "transition_project"), entries[0])
    return {
        "library": entry.library,
        "reference": entry.reference or "",
        "recognised_on": entry.recognised_on.isoformat(),
        "rule": entry.rule,
        "kind": entry.kind,
    }


def _documents_on_file(project: Project) -> set[str]:
    """Evidence kinds with a document recorded for the project (``services.evidence_supply``)."""
    session = object_session(project)
    if session is None or project.id is None:
        return set()
    query = select(EvidenceDocument.kind).where(EvidenceDocument.project_id == project.id)
    return set(session.scalars(query))


def loan_facts(loan: Loan) -> dict[str, Any]:
    """The FACTS JSON (resources/schemas/facts.schema.json) of a stored loan."""
    b = loan.borrower
    plan_values = (b.baseline_intensity, b.target_intensity, b.base_year, b.target_year)
    plan: dict[str, Any] | None = None
    if any(v is not None for v in plan_values) or b.disclosure_yearly:
        plan = {
            "baseline_intensity": _num(b.baseline_intensity),
            "target_intensity": _num(b.target_intensity),
            "base_year": b.base_year,
            "target_year": b.target_year,
            "disclosure": bool(b.disclosure_yearly),
        }
    project: dict[str, Any] | None = None
    if loan.project is not None:
        p = loan.project
        tech = p.technology or {}
        evidence = tech.get("evidence")
        project = {
            "name": p.name,
            "description": p.description or "",
            "catalogue_code": p.catalogue_code or None,
            "capacity_mw": _num(p.capacity_mw),
            "annual_co2e_reduction_t": _num(p.annual_co2e_reduction_t),
            "technology": _scalar_technology(tech),
            "transition_activity": tech.get("transition_activity") or None,
            "evidence": sorted(
                ({str(x) for x in evidence} if isinstance(evidence, list) else set())
                | _documents_on_file(p)
            ),
            "library": _library_fact(p),
        }
    steps = [abs(s.adjust_bps) for s in loan.ratchet_steps]
    verifiers = [k.verifier for k in loan.kpis if k.verifier]
    maturity = loan_maturity(loan)
    return {
        "project": project,
        "borrower": {
            "name": b.name,
            "industry": b.industry or "",
            "sector": b.sector,
            "carbon_account_grade": b.carbon_account_grade or "",
            "transition_plan": plan,
        },
        "loan": {
            "reference": loan.reference,
            "amount": f"{loan.amount:.2f}",
            "currency": loan.currency,
            "start_date": loan.start_date.isoformat() if loan.start_date else None,
            "maturity_date": maturity.isoformat() if maturity else None,
            "use_of_proceeds": [
                {
                    "catalogue_code": u.catalogue_code or None,
                    "description": u.description or "",
                    "amount": f"{u.amount:.2f}",
                }
                for u in loan.use_of_proceeds
            ],
            "kpis": [
                {
                    "name": k.name,
                    "unit": k.unit or "",
                    "baseline": _num(k.baseline),
                    "target": _num(k.target),
                    "test_dates": [str(d) for d in k.test_dates or []],
                }
                for k in loan.kpis
            ],
            "ratchet_bps": max(steps) if steps else None,
            "ratchet_cap_bps": loan.ratchet_cap_bps,
            "verifier": verifiers[0] if verifiers else None,
        },
    }


# -- use cases ------------------------------------------------------------------------------


def _load_loan(session: Session, loan_id: int) -> Loan:
    loan = session.scalar(
        select(Loan)
        .where(Loan.id == loan_id)
        .options(
            joinedload(Loan.borrower),
            joinedload(Loan.project),
            selectinload(Loan.use_of_proceeds),
            selectinload(Loan.kpis),
            selectinload(Loan.ratchet_steps),
            selectinload(Loan.pledges),
        )
    )
    if loan is None:
        raise UserError(f"no loan with id {loan_id}")
    return loan


def _classification_columns(loan: Loan) -> dict[str, Any]:
    return {
        "classification_primary": loan.classification_primary,
        "classification_labels": loan.classification_labels,
        "green_share": None
        if loan.green_share is None
        else format(loan.green_share.normalize(), "f"),
        "classification_json": loan.classification_json,
    }


def assess_loan(
    session: Session,
    loan_id: int,
    as_of: date,
    *,
    prices: PriceTable | None = None,
    actor: str = SYSTEM_ACTOR,
) -> LoanAssessment:
    """Classify one loan (stored unless overridden), value its pledges and store the values and
    coverage (``loan.revalue`` when they change), all in ``session``.

    The caller owns the transaction: open it with ``db.session(write=True)``.
    """
    loan = _load_loan(session, loan_id)
    try:
        result = classify(parse_facts(loan_facts(loan)))
    except UserError as exc:
        raise UserError(f"loan {loan.reference}: cannot classify\n{exc}") from None
    data = result.to_json()
    stored = False
    if loan.override_primary is None:
        before = _classification_columns(loan)
        loan.classification_primary = result.primary
        loan.classification_labels = list(result.labels)
        loan.green_share = result.green_share
        loan.classification_json = data
        after = _classification_columns(loan)
        if after != before:
            audit.record(session, actor, "loan.classify", ("loan", loan.id), before, after)
            stored = True
    collateral = value_loan(loan, prices if prices is not None else price_table(session), as_of)
    store_valuation(session, loan, collateral, actor)
    return LoanAssessment(
        loan_id=loan.id,
        reference=loan.reference,
        engine_primary=result.primary,
        primary=loan.override_primary or result.primary,
        overridden=loan.override_primary is not None,
        stored=stored,
        classification=data,
        collateral=collateral,
    )


def _current_loan_ids(session: Session, reference: str | None = None) -> list[int]:
    """Ids of the current application version of each loan (no later version names them)."""
    query = select(Loan.id).where(is_current_version()).order_by(Loan.reference)
    if reference is not None:
        query = query.where(Loan.reference == reference)
    return list(session.scalars(query))


def assess_all(db: Database, as_of: date, *, actor: str = SYSTEM_ACTOR) -> list[LoanAssessment]:
    """Classify and value every current loan in one transaction."""
    with db.session(write=True) as session:
        prices = price_table(session)
        return [
            assess_loan(session, loan_id, as_of, prices=prices, actor=actor)
            for loan_id in _current_loan_ids(session)
        ]


def collateral_report(
    db: Database, reference: str | None, as_of: date
) -> list[LoanCollateralReport]:
    """Pledges, values, coverage and alerts per loan (one loan when ``reference`` is given)."""
    with db.session() as session:
        ids = _current_loan_ids(session, reference)
        if reference is not None and not ids:
            raise UserError(f"no loan with reference {reference}")
        prices = price_table(session)
        return [value_loan(_load_loan(session, loan_id), prices, as_of) for loan_id in ids]


def _findings(items: Any) -> tuple[FindingLine, ...]:
    """``{id, zh, en}`` findings; older documents hold ``{id, text}`` or plain English strings,
    which read the same in both languages rather than not at all."""
    out: list[FindingLine] = []
    for item in items or []:
        if isinstance(item, dict):
            en = str(item.get("en") or item.get("text") or item.get("zh") or "")
            zh = str(item.get("zh") or en)
            out.append(FindingLine(str(item.get("id") or ""), zh, en))
        else:
            out.append(FindingLine("", str(item), str(item)))
    return tuple(out)


def _catalogue(data: Any) -> CatalogueLine | None:
    if not isinstance(data, dict) or not data.get("code"):
        return None
    version, code = str(data.get("version") or ""), str(data["code"])
    item = load_catalogue().get(f"{version}:{code}")
    zh = str(data.get("name") or (item.name_zh if item else ""))
    en = str(data.get("name_en") or (item.name_en if item else zh))
    return CatalogueLine(version, code, zh, en)


def stored_classification(db: Database, loan_id: int) -> StoredClassification | None:
    """The stored class, labels, share, catalogue item and findings; ``None`` if never classified.

    Reads the loan's columns and ``classification_json`` only: no engine run, no other record.
    """
    with db.session() as session:
        loan = session.get(Loan, loan_id)
        if loan is None:
            raise UserError(f"no loan with id {loan_id}")
        return classification_of(loan)


def classification_of(loan: Loan) -> StoredClassification | None:
    """The stored classification of a loan row read in the caller's session."""
    result: dict[str, Any] = loan.classification_json or {}
    primary = loan.classification_primary or result.get("primary")
    if not primary:
        return None
    share = loan.green_share
    if share is None and result.get("green_share") is not None:
        share = Decimal(str(result["green_share"]))
    labels = loan.classification_labels
    labels = labels if labels is not None else result.get("labels") or []
    return StoredClassification(
        loan_id=loan.id,
        reference=loan.reference,
        primary=str(primary),
        labels=tuple(str(x) for x in labels),
        green_share=share,
        catalogue=_catalogue(result.get("catalogue")),
        criteria_met=_findings(result.get("criteria_met")),
        missing_evidence=_findings(result.get("missing_evidence")),
        flags=_findings(result.get("flags")),
        override_primary=loan.override_primary,
        override_reason=loan.override_reason or "",
    )
