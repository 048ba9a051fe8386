"""Supplying a loan's missing evidence: a technology value of its project, or a document.

:func:`supply_value` and :func:`supply_document` check everything first, record the value or the
document, audited, and re-classify the project's current loans in the same transaction, so the
finding disappears once it is met. A document's file is kept by ``services.evidence_files``
(beside a SQLite database, or in the row on a server database).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from greendesk.domain import validation as v
from greendesk.domain.errors import ErrorCollector, UserError
from greendesk.domain.money import parse_decimal
from greendesk.domain.roles import Action
from greendesk.services.evidence import (
    DOCUMENT,
    VALUE,
    EvidenceItem,
    LoanEvidence,
    loan_evidence,
    reclassify_project,
)
from greendesk.services.evidence_files import files_folder, kept_file
from greendesk.services.records._unit import (
    Actor,
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
from greendesk.store.types import utcnow

MAX_FILE_BYTES = 64 * 1024 * 1024  # a scanned approval is a few MB; more is the wrong file


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


def _item(session: Session, loan_id: int, item_id: object, supply: str) -> EvidenceItem:
    evidence = loan_evidence(session, loan_id)
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


def _result(session: Session, loan_id: int, item: EvidenceItem) -> SupplyResult:
    """The evidence after re-classification; the item is satisfied when no finding asks for
    the same thing again (one finding id may ask first for the solar technology, then for the
    cell type)."""
    session.flush()
    session.expire_all()
    after = loan_evidence(session, loan_id)
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
        reclassify_project(session, actor, project.id)
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
        kept_file(folder, digest, name, content) as stored,
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
        reclassify_project(session, actor, row.project_id)
        return _result(session, loan_id, item)
