"""Missing evidence of a loan's classification, and what supplies it (issue 12 point 1).

A green loan stays "green subject to the missing technical evidence" until its project carries
the technology figures the catalogue criteria read and the documents the catalogue item needs.
:func:`missing_evidence` turns each stored ``missing_evidence`` finding into what supplies it: a
technology value of the project (name, unit, allowed values or range) or a document of a kind,
with the documents on file. ``services.evidence_supply`` records a value or a document and
``services.evidence_withdraw`` takes a document off file; both re-classify the project's current
loans (:func:`reclassify_project`) in the same transaction, so a finding disappears once it is
met. The files themselves are kept by ``services.evidence_files``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from greendesk.domain.classification.catalogue import CatalogueItem, Criterion, load_catalogue
from greendesk.domain.classification.wording import evidence_name
from greendesk.domain.workflow import Status
from greendesk.services import assessment
from greendesk.services.records._unit import Actor, get_or_fail
from greendesk.store.database import Database
from greendesk.store.models import EvidenceDocument, Loan
from greendesk.store.queries import is_current_version

VALUE = "value"
DOCUMENT = "document"
ELSEWHERE = "elsewhere"
# A document may be withdrawn only while no current loan of its project has been decided:
# after approval the committee has relied on it, and the record stays as it was.
WITHDRAW_STATUSES = frozenset(
    {Status.DRAFT, Status.RETURNED, Status.SUBMITTED, Status.UNDER_REVIEW}
)

# Findings supplied in another editor, not on the evidence page: where, in both languages.
_ELSEWHERE: tuple[tuple[str, str, str], ...] = (
    ("transition.", "借款人编辑：转型计划与转型活动", "the borrower editor: transition plan"),
    ("carbon.", "贷款编辑：关键绩效指标与利率调整", "the loan editor: KPIs and margin ratchet"),
    ("green.use_of_proceeds", "贷款编辑：资金用途", "the loan editor: use of proceeds"),
)


@dataclass(frozen=True)
class EvidenceItem:
    """One missing piece of evidence and what supplies it (``supply``: value/document/elsewhere)."""

    id: str
    zh: str
    en: str
    supply: str
    parameter: str | None = None
    unit: str = ""
    choices: tuple[str, ...] = ()
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    rule_zh: str = ""
    rule_en: str = ""
    kind: str | None = None
    current: str | None = None

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def rule(self, lang: str) -> str:
        return self.rule_zh if lang == "zh" else self.rule_en


@dataclass(frozen=True)
class DocumentRecord:
    id: int
    project_id: int
    kind: str
    kind_zh: str
    kind_en: str
    received_on: date
    issuer: str
    reference: str
    file_name: str
    file_size: int
    sha256: str
    in_database: bool
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class LoanEvidence:
    loan_id: int
    reference: str
    project_id: int | None
    project_name: str
    primary: str | None
    pending: bool  # the class rests on evidence still missing
    items: tuple[EvidenceItem, ...]
    documents: tuple[DocumentRecord, ...]
    # no current loan of the project decided yet: its documents may still be withdrawn (by the
    # officer of record or an administrator; see ``services.evidence_withdraw``)
    withdrawable: bool = False


# -- mapping findings to what supplies them -------------------------------------------------


def _items_of(loan: Loan) -> list[CatalogueItem]:
    catalogue = load_catalogue()
    codes = [u.catalogue_code for u in loan.use_of_proceeds if u.catalogue_code]
    if not codes and loan.project is not None and loan.project.catalogue_code:
        codes = [loan.project.catalogue_code]
    found = [catalogue.get(c) for c in dict.fromkeys(codes)]
    return [item for item in found if item is not None]


def _percent_range(unit: str) -> tuple[Decimal | None, Decimal | None]:
    return (Decimal(0), Decimal(100)) if unit == "%" else (Decimal(0), None)


def _criterion_item(finding: Any, c: Criterion, tech: dict[str, Any]) -> EvidenceItem:
    low, high = _percent_range(c.unit)
    return EvidenceItem(
        finding.id, finding.zh, finding.en, VALUE, c.parameter, c.unit, (), low, high,
        c.text_zh, c.text_en, None, _text_or_none(tech.get(c.parameter)),
    )  # fmt: skip


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def _map(finding: Any, items: list[CatalogueItem], tech: dict[str, Any]) -> EvidenceItem:
    """What supplies one finding, read from the catalogue items the loan finances."""
    fid = str(finding.id)
    if fid.startswith("evidence."):
        kind = fid.removeprefix("evidence.")
        name = evidence_name(kind)
        return EvidenceItem(
            fid, finding.zh, finding.en, DOCUMENT, kind=kind,
            rule_zh=f"需提供：{name.zh}", rule_en=f"a document: {name.en}",
        )  # fmt: skip
    if fid.startswith("green.criterion."):
        cid = fid.removeprefix("green.criterion.")
        for item in items:
            for c in item.criteria:
                if c.id == cid:
                    return _criterion_item(finding, c, tech)
    if fid == "green.technology_unstated":
        for item in items:
            if item.scope is not None and item.scope.parameter not in tech:
                values = item.scope.values
                return EvidenceItem(
                    fid, finding.zh, finding.en, VALUE, item.scope.parameter, "", values,
                    rule_zh="可选值：" + "、".join(values), rule_en="one of " + ", ".join(values),
                )  # fmt: skip
    if fid in ("green.technology_selector_unstated", "green.technology_unstated"):
        for item in items:
            wanted = [c for c in item.criteria if c.when_parameter and c.when_parameter not in tech]
            if wanted:
                parameter = str(wanted[0].when_parameter)
                values = tuple(
                    dict.fromkeys(x for c in wanted if c.when_parameter == parameter
                                  for x in c.when_in)
                )  # fmt: skip
                return EvidenceItem(
                    fid, finding.zh, finding.en, VALUE, parameter, "", values,
                    rule_zh="可选值：" + "、".join(values), rule_en="one of " + ", ".join(values),
                )  # fmt: skip
    for prefix, zh, en in _ELSEWHERE:
        if fid.startswith(prefix):
            return EvidenceItem(
                fid, finding.zh, finding.en, ELSEWHERE, rule_zh=f"在{zh}中补充",
                rule_en=f"supplied in {en}",
            )  # fmt: skip
    return EvidenceItem(fid, finding.zh, finding.en, ELSEWHERE)


def _document(row: EvidenceDocument) -> DocumentRecord:
    name = evidence_name(row.kind)
    return DocumentRecord(
        row.id, row.project_id, row.kind, name.zh, name.en, row.received_on, row.issuer,
        row.reference or "", row.file_name, row.file_size, row.sha256, row.content is not None,
        row.recorded_by, row.recorded_at,
    )  # fmt: skip


def loan_evidence(session: Session, loan_id: int) -> LoanEvidence:
    """The loan's evidence read in the caller's session (the writes read it again after they
    re-classify, in the same transaction)."""
    loan = get_or_fail(session, Loan, loan_id, "loan")
    result: dict[str, Any] = loan.classification_json or {}
    project = loan.project
    tech = dict(project.technology or {}) if project is not None else {}
    items = _items_of(loan)
    seen: dict[str, EvidenceItem] = {}
    for finding in assessment._findings(result.get("missing_evidence")):
        if finding.id and finding.id not in seen:
            seen[finding.id] = _map(finding, items, tech)
    documents: list[DocumentRecord] = []
    if project is not None:
        query = (
            select(EvidenceDocument)
            .where(EvidenceDocument.project_id == project.id)
            .order_by(EvidenceDocument.received_on, EvidenceDocument.id)
        )
        documents = [_document(row) for row in session.scalars(query)]
    flags = {str(f.get("id")) for f in result.get("flags") or [] if isinstance(f, dict)}
    withdrawable = project is not None and all(
        status in WITHDRAW_STATUSES
        for status in session.scalars(
            select(Loan.status).where(Loan.project_id == project.id, is_current_version())
        )
    )
    return LoanEvidence(
        loan.id, loan.reference, project.id if project else None,
        project.name if project else "", loan.classification_primary,
        "green.pending_evidence" in flags, tuple(seen.values()), tuple(documents), withdrawable,
    )  # fmt: skip


def missing_evidence(db: Database, loan_id: int) -> LoanEvidence:
    """The loan's missing-evidence items, each with what supplies it, and the documents on file."""
    with db.session() as session:
        return loan_evidence(session, loan_id)


def reclassify_project(session: Session, actor: Actor, project_id: int) -> None:
    """Re-classify every current loan of the project (its evidence is theirs too)."""
    ids = session.scalars(
        select(Loan.id).where(Loan.project_id == project_id, is_current_version())
    )
    for loan_id in list(ids):
        assessment.assess_loan(session, loan_id, date.today(), actor=actor.username)
