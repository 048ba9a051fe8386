"""Withdrawing a document supplied as evidence, before the committee decides.

:func:`withdraw_document` takes the document off file, audited, and re-classifies the project's
current loans in the same transaction; the file kept beside the database goes afterwards when no
other row refers to it.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from greendesk.domain.errors import UserError
from greendesk.domain.roles import Action, Refused, Role
from greendesk.services.evidence import (
    WITHDRAW_STATUSES,
    LoanEvidence,
    loan_evidence,
    reclassify_project,
)
from greendesk.services.evidence_files import files_folder
from greendesk.services.records._unit import (
    Actor,
    NotFound,
    audited_refusals,
    get_or_fail,
    permit,
    record_event,
    write_unit,
)
from greendesk.store.database import Database
from greendesk.store.models import EvidenceDocument, Loan
from greendesk.store.queries import is_current_version


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
        reclassify_project(session, actor, project_id)
        session.flush()
        session.expire_all()
        after = loan_evidence(session, loan_id)
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
