"""Missing evidence of a loan's classification, and supplying it (issue 12 point 1).

A green loan stays "green subject to the missing technical evidence" until its project carries
the technology figures the catalogue criteria read and the documents the catalogue item needs.
:func:`missing_evidence` turns each stored ``missing_evidence`` finding into what supplies it: a
technology value of the project (name, unit, allowed values or range) or a document of a kind;
:func:`supply_value` and :func:`supply_document` record it, audited, and re-classify the
project's current loans in the same transaction, so the finding disappears once it is met.

Files: on a SQLite database the file is copied beside the database (``<db>.files/evidence/``,
named by its SHA-256), so the database stays small and the file opens with any viewer; on a
server database (PostgreSQL) the bytes go into the row, because the desks share the server and
no folder. Either way the SHA-256 is stored and checked when the file is read back.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import make_url, select
from sqlalchemy.orm import Session

from greendesk.domain import validation as v
from greendesk.domain.classification.catalogue import CatalogueItem, Criterion, load_catalogue
from greendesk.domain.classification.wording import evidence_name
from greendesk.domain.errors import ErrorCollector, UserError
from greendesk.domain.money import parse_decimal
from greendesk.domain.roles import Action, Refused, Role
from greendesk.domain.workflow import Status
from greendesk.services import assessment
from greendesk.services.records._unit import (
    Actor,
    NotFound,
    audited_refusals,
    get_or_fail,
    permit,
    record_event,
    write_unit,
)
from greendesk.services.records.projects import project_input, project_record
from greendesk.services.records.reference import reference_checks
from greendesk.services.records.validation import validate_project
from greendesk.store.database import Database
from greendesk.store.models import EvidenceDocument, Loan, Project
from greendesk.store.queries import is_current_version
from greendesk.store.types import utcnow

MAX_FILE_BYTES = 64 * 1024 * 1024  # a scanned approval is a few MB; more is the wrong file
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
    # officer of record or an administrator; see :func:`withdraw_document`)
    withdrawable: bool = False


@dataclass(frozen=True)
class DocumentInput:
    """A document received: the file to attach and what it is (all checked before any write)."""

    kind: str
    received_on: object
    issuer: str
    reference: str
    path: object


@dataclass(frozen=True)
class SupplyResult:
    item_id: str
    satisfied: bool  # the finding is gone after re-classification
    evidence: LoanEvidence


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


def _evidence(session: Session, loan_id: int) -> LoanEvidence:
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
        return _evidence(session, loan_id)


# -- supplying ------------------------------------------------------------------------------


def _item(session: Session, loan_id: int, item_id: object, supply: str) -> EvidenceItem:
    evidence = _evidence(session, loan_id)
    if evidence.project_id is None:
        raise UserError(f"loan {evidence.reference} has no project to hold its evidence")
    for item in evidence.items:
        if item.id == item_id:
            if item.supply != supply:
                how = {VALUE: "a value (--value)", DOCUMENT: "a document (--document)"}
                raise UserError(
                    f"item: {item_id} is supplied by {how.get(item.supply, 'another editor')}"
                )
            return item
    known = ", ".join(i.id for i in evidence.items) or "none"
    raise UserError(
        f"item: {item_id} is not missing for loan {evidence.reference} (missing: {known})"
    )


def _checked_value(item: EvidenceItem, raw: object) -> str:
    """The value as stored (exact decimal text or one of the choices), or a field error."""
    errors = ErrorCollector()
    text = v.check_text(errors, "value", raw, "name")
    if text is not None and item.choices and text not in item.choices:
        errors.add("value", "must be one of: " + ", ".join(item.choices))
    elif text is not None and not item.choices:
        try:
            number = parse_decimal(text)
        except ValueError as exc:
            errors.add("value", str(exc))
        else:
            if item.minimum is not None and number < item.minimum:
                errors.add("value", f"must be at least {item.minimum}")
            elif item.maximum is not None and number > item.maximum:
                errors.add("value", f"must be at most {item.maximum}")
            else:
                text = v.canonical_decimal(number)
    errors.raise_if_any()
    assert text is not None
    return text


def _reclassify(session: Session, actor: Actor, project_id: int) -> None:
    """Re-classify every current loan of the project (its evidence is theirs too)."""
    ids = session.scalars(
        select(Loan.id).where(Loan.project_id == project_id, is_current_version())
    )
    for loan_id in list(ids):
        assessment.assess_loan(session, loan_id, date.today(), actor=actor.username)


def _result(session: Session, loan_id: int, item: EvidenceItem) -> SupplyResult:
    """The evidence after re-classification; the item is satisfied when no finding asks for
    the same thing again (one finding id may ask first for the solar technology, then for the
    cell type)."""
    session.flush()
    session.expire_all()
    after = _evidence(session, loan_id)
    again = any((i.id, i.parameter) == (item.id, item.parameter) for i in after.items)
    return SupplyResult(item.id, not again, after)


@audited_refusals
def supply_value(
    db: Database, actor: Actor, loan_id: int, item_id: str, value: object
) -> SupplyResult:
    """Set the project's technology parameter behind ``item_id``, then re-classify its loans."""
    permit(actor, Action.EDIT_APPLICATION)
    with write_unit(db, f"loan {loan_id}") as session:
        item = _item(session, loan_id, item_id, VALUE)
        stored = _checked_value(item, value)
        loan = get_or_fail(session, Loan, loan_id, "loan")
        project = get_or_fail(session, Project, loan.project_id, "project", lock=True)
        inp = project_input(project_record(project))
        technology = dict(inp.technology)
        technology[str(item.parameter)] = stored
        errors = ErrorCollector()
        values = validate_project(replace(inp, technology=technology), reference_checks(), errors)
        errors.raise_if_any()
        before = {"technology": dict(project.technology or {})}
        project.technology = values["technology"]
        project.updated_at = utcnow()
        record_event(session, actor, "project.evidence_value", "project", project.id, before,
                     {"technology": dict(values["technology"]), "item": item_id})  # fmt: skip
        _reclassify(session, actor, project.id)
        return _result(session, loan_id, item)


def _checked_document(data: DocumentInput) -> tuple[dict[str, Any], bytes, str]:
    """The row's fields, the file's bytes and its name; every field error at once."""
    errors = ErrorCollector()
    kind = v.check_text(errors, "kind", data.kind, "code")
    received = v.check_date(errors, "date", data.received_on)
    if received is not None and received > date.today():
        errors.add("date", "in the future")
    issuer = v.check_text(errors, "issuer", data.issuer, "name")
    reference = v.check_text(errors, "reference", data.reference, "reference", required=False)
    content, name = b"", ""
    if not isinstance(data.path, (str, os.PathLike)) or not str(data.path).strip():
        errors.add("document", "required")
    else:
        path = Path(data.path)
        name = path.name
        if v.check_text(errors, "document", name, "name") is None:
            pass
        elif not path.is_file():
            errors.add("document", "no such file")
        elif path.stat().st_size > MAX_FILE_BYTES:
            errors.add("document", f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        elif path.stat().st_size == 0:
            errors.add("document", "the file is empty")
        else:
            try:
                content = path.read_bytes()
            except OSError as exc:
                errors.add("document", f"cannot be read ({exc.strerror or exc})")
    errors.raise_if_any()
    fields = {"kind": kind, "received_on": received, "issuer": issuer, "reference": reference}
    return fields, content, name


def files_folder(db: Database) -> Path | None:
    """Where a SQLite database keeps its evidence files; ``None`` for a server database."""
    url = make_url(db.url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return evidence_folder_of(Path(str(url.database)))


def _suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""


@contextlib.contextmanager
def _kept_file(folder: Path | None, digest: str, name: str, content: bytes) -> Iterator[str | None]:
    """Write the file beside the database (content-addressed); remove it again if the
    transaction fails and no other row had it."""
    if folder is None:
        yield None
        return
    stored = digest + _suffix(name)
    target = folder / stored
    created = False
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".incoming-")
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temp, target)
        created = True
    try:
        yield stored
    except BaseException:
        if created:
            target.unlink(missing_ok=True)
        raise


@audited_refusals
def supply_document(
    db: Database, actor: Actor, loan_id: int, item_id: str, data: DocumentInput
) -> SupplyResult:
    """Record a document received for the loan's project, then re-classify its loans."""
    permit(actor, Action.EDIT_APPLICATION)
    fields, content, name = _checked_document(data)
    digest = hashlib.sha256(content).hexdigest()
    folder = files_folder(db)
    with (
        _kept_file(folder, digest, name, content) as stored,
        write_unit(db, f"loan {loan_id}") as session,
    ):
        item = _item(session, loan_id, item_id, DOCUMENT)
        if fields["kind"] != item.kind:
            raise UserError(f"kind: item {item_id} needs a document of kind {item.kind}")
        loan = get_or_fail(session, Loan, loan_id, "loan")
        row = EvidenceDocument(
            project_id=loan.project_id, file_name=name, file_size=len(content), sha256=digest,
            stored_name=stored, content=None if stored else content,
            recorded_by=actor.username, **fields,
        )  # fmt: skip
        session.add(row)
        session.flush()
        after = {
            "kind": row.kind, "received_on": row.received_on.isoformat(), "issuer": row.issuer,
            "reference": row.reference, "file_name": name, "sha256": digest, "item": item_id,
        }  # fmt: skip
        record_event(session, actor, "project.evidence_document", "project", row.project_id,
                     None, after)  # fmt: skip
        _reclassify(session, actor, row.project_id)
        return _result(session, loan_id, item)


# -- withdrawing ----------------------------------------------------------------------------


@dataclass(frozen=True)
class WithdrawResult:
    document_id: int
    file_removed: bool  # the kept file went too: no other row referred to it
    evidence: LoanEvidence


def _withdraw_checks(session: Session, actor: Actor, loan: Loan, row: EvidenceDocument) -> None:
    """Who may withdraw: an administrator, or the officer of record of every current loan the
    document serves (an analyst or a reviewer never); nobody once one of them is decided."""
    if row.project_id != loan.project_id:
        raise UserError(f"document: {row.id} is not on file for loan {loan.reference}'s project")
    loans = list(
        session.scalars(select(Loan).where(Loan.project_id == row.project_id, is_current_version()))
    )
    decided = [x for x in loans if x.status not in WITHDRAW_STATUSES]
    if decided:
        first = decided[0]
        raise UserError(
            f"document: {row.id} cannot be withdrawn: loan {first.reference} is {first.status}; "
            "evidence stays on file once the committee has decided"
        )
    if actor.role is Role.ADMIN:
        return
    others = [x for x in loans if x.officer_id != actor.user_id]
    if others:
        raise Refused(
            f"{actor.username} is not the officer of record of loan {others[0].reference}; "
            "only that officer or an administrator may withdraw its evidence",
            who=actor.username,
            what="evidence.withdraw",
        )


def _unreferenced(session: Session, row: EvidenceDocument) -> bool:
    """No other document row keeps the same file beside the database."""
    others = session.scalars(
        select(EvidenceDocument.id).where(
            EvidenceDocument.stored_name == row.stored_name, EvidenceDocument.id != row.id
        )
    ).first()
    return row.stored_name is not None and others is None


@audited_refusals
def withdraw_document(db: Database, actor: Actor, loan_id: int, document_id: int) -> WithdrawResult:
    """Withdraw a document recorded for the loan's project, audited, and re-classify the
    project's loans in the same transaction; afterwards the file kept beside the database is
    removed when no other row refers to it (a failed transaction leaves it in place)."""
    permit(actor, Action.WITHDRAW_EVIDENCE)
    if isinstance(document_id, bool) or not isinstance(document_id, int):
        raise UserError(f"document: {document_id!r} is not a document id")
    if not 0 < document_id < 2**63:
        raise NotFound(f"document {document_id} does not exist (deleted by someone else?)")
    folder = files_folder(db)
    with write_unit(db, f"loan {loan_id}") as session:
        loan = get_or_fail(session, Loan, loan_id, "loan")
        row = get_or_fail(session, EvidenceDocument, document_id, "document", lock=True)
        _withdraw_checks(session, actor, loan, row)
        orphan = row.stored_name if _unreferenced(session, row) else None
        project_id = row.project_id
        before = {
            "kind": row.kind, "received_on": row.received_on.isoformat(), "issuer": row.issuer,
            "reference": row.reference, "file_name": row.file_name, "sha256": row.sha256,
            "recorded_by": row.recorded_by, "document_id": row.id,
        }  # fmt: skip
        session.delete(row)
        session.flush()
        record_event(session, actor, "project.evidence_withdraw", "project", project_id,
                     before, None)  # fmt: skip
        _reclassify(session, actor, project_id)
        session.flush()
        session.expire_all()
        after = _evidence(session, loan_id)
    removed = False
    if folder is not None and orphan is not None and not _still_named(db, orphan):
        with contextlib.suppress(FileNotFoundError):
            (folder / orphan).unlink()
            removed = True
    return WithdrawResult(document_id, removed, after)


def _still_named(db: Database, stored_name: str) -> bool:
    """Read again after the commit: a document supplied meanwhile with the same scan keeps it."""
    with db.session() as session:
        found = session.scalars(
            select(EvidenceDocument.id).where(EvidenceDocument.stored_name == stored_name)
        ).first()
    return found is not None


def document_bytes(db: Database, document_id: int) -> bytes:
    """The file of a recorded document, checked against its stored SHA-256."""
    with db.session() as session:
        row = get_or_fail(session, EvidenceDocument, document_id, "document")
        content = row.content
        if content is None:
            folder = files_folder(db)
            if folder is None or not row.stored_name:
                raise UserError(f"document {document_id}: its file is not on this machine")
            try:
                content = (folder / row.stored_name).read_bytes()
            except OSError as exc:
                raise UserError(
                    f"document {document_id}: cannot read {row.stored_name} ({exc.strerror})"
                ) from None
        if hashlib.sha256(content).hexdigest() != row.sha256:
            raise UserError(f"document {document_id}: the file no longer matches its SHA-256")
        return content


def evidence_folder_of(database_file: Path) -> Path:
    """The evidence folder beside a SQLite database file (or a backup of one)."""
    return database_file.with_name(database_file.name + ".files") / "evidence"


def carry_files(source_db: Path, target_db: Path) -> int:
    """Give the SQLite file ``target_db`` (a backup, or a restored database) the evidence files
    of ``source_db``; returns how many were added.

    Files are named by their SHA-256 and never change, so one already there is kept, and a hard
    link (same disk) stands for a copy: daily backups cost no space for the same scans.
    """
    source, target = evidence_folder_of(source_db), evidence_folder_of(target_db)
    if not source.is_dir():
        return 0
    added = 0
    for path in sorted(source.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        kept = target / path.name
        if kept.exists():
            continue
        target.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, kept)
        except OSError:
            shutil.copy2(path, kept)
        added += 1
    return added
