"""Loan applications: create a draft with all its terms, change terms while draft or returned,
and record an officer's classification override with its written reason.

Creating or editing a loan re-runs the classification engine in the same transaction
(``services.assessment.assess_loan``), so the stored class always describes the stored terms.

Approved terms are frozen (``domain.workflow.check_editable``): a change then goes through
reopening the application as a new version, which the workflow service owns.
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from greendesk.domain.errors import ErrorCollector
from greendesk.domain.roles import Action
from greendesk.domain.workflow import EDITABLE_STATES, Status, check_editable
from greendesk.services.assessment import assess_loan
from greendesk.services.calendar import record_loan_calendar
from greendesk.services.records._unit import (
    Actor,
    assign,
    audited_refusals,
    check_version,
    get_or_fail,
    permit,
    record_event,
    stored,
    write_unit,
)
from greendesk.services.records.inputs import ClassificationOverrideInput, LoanInput
from greendesk.services.records.loan_rows import (
    loan_input,
    loan_record,
    loan_snapshot,
    write_children,
)
from greendesk.services.records.loan_rules import validate_loan
from greendesk.services.records.reference import reference_checks
from greendesk.services.records.results import LoanRecord, LoanTerms
from greendesk.services.records.validation import LoanValues, validate_override
from greendesk.store.database import Database
from greendesk.store.models import Borrower, Loan, Project
from greendesk.store.types import utcnow

REFERENCE_PREFIX = "GD"


def _validate(session: Session, data: LoanInput, loan: Loan | None) -> LoanValues:
    """Every field and TERMS rule, plus what only the database knows, reported together:
    the borrower exists, the project is the borrower's, the reference is free (or unchanged)."""
    errors = ErrorCollector()
    values = validate_loan(data, reference_checks(), errors)
    cols = values.columns
    borrower_id, project_id, reference = cols["borrower_id"], cols["project_id"], cols["reference"]
    if borrower_id is not None and session.get(Borrower, borrower_id) is None:
        errors.add("borrower_id", f"no borrower {borrower_id}")
    if project_id is not None:
        project = session.get(Project, project_id)
        if project is None:
            errors.add("project_id", f"no project {project_id}")
        elif borrower_id is not None and project.borrower_id != borrower_id:
            errors.add("project_id", "belongs to another borrower")
    if loan is not None and reference is not None and reference != loan.reference:
        errors.add("reference", f"cannot change (the loan is {loan.reference})")
    elif loan is None and reference is not None and _reference_taken(session, reference):
        errors.add("reference", f"{reference} is already used by another loan")
    errors.raise_if_any()
    return values


def _reference_taken(session: Session, reference: str) -> bool:
    return session.scalar(select(Loan.id).where(Loan.reference == reference).limit(1)) is not None


def _next_reference(session: Session) -> str:
    """``GD-<year>-<nnnnn>``, one above the highest of this year's generated references."""
    prefix = f"{REFERENCE_PREFIX}-{utcnow().year}-"
    taken = session.scalars(select(Loan.reference).where(Loan.reference.like(prefix + "%")))
    numbers = [int(m.group(1)) for r in taken if (m := re.fullmatch(r".*-(\d+)", r))]
    return f"{prefix}{max(numbers, default=0) + 1:05d}"


@audited_refusals
def create_loan(db: Database, actor: Actor, data: LoanInput) -> LoanRecord:
    """A new draft application (version 1) with its terms, syndicate, KPIs and use of proceeds."""
    permit(actor, Action.EDIT_APPLICATION)
    with write_unit(db, "loan") as session:
        values = _validate(session, data, None)
        cols = values.columns
        reference = cols.pop("reference") or _next_reference(session)
        loan = Loan(
            reference=reference,
            application_version=1,
            status=Status.DRAFT.value,
            officer_id=actor.user_id,
            created_by=actor.username,
            updated_by=actor.username,
            **cols,
        )
        session.add(loan)
        write_children(session, loan, values)
        stored(session)
        record_event(session, actor, "loan.create", "loan", loan.id, None, loan_snapshot(loan))
        _reassess(session, loan, actor)
        return loan_record(loan)


def _reassess(session: Session, loan: Loan, actor: Actor) -> None:
    """Classify the terms just saved, in the same transaction, so the stored class is never stale.

    ``assess_loan`` never writes over an officer's override, and records ``loan.classify`` in the
    audit trail only when the stored result actually changes. The class is derived from the
    terms, not edited, so one save stays one step of the optimistic-lock ``version``: the step
    the classification write adds is taken back inside this same transaction (the row is locked
    for it, so no other desk can have seen the intermediate number).
    """
    session.flush()
    saved = loan.version
    assess_loan(session, loan.id, date.today(), actor=actor.username)
    session.flush()
    if loan.version != saved:
        table = Loan.metadata.tables[Loan.__tablename__]
        session.execute(update(table).where(table.c.id == loan.id).values(version=saved))
    record_loan_calendar(session, loan, actor.username)  # which calendar its dates use now
    stored(session)


def _editable_loan(session: Session, loan_id: int, expected_version: int) -> Loan:
    what = f"loan {loan_id}"
    loan: Loan = get_or_fail(session, Loan, loan_id, "loan", lock=True)
    check_editable(Status(loan.status))  # first: "approved meanwhile" says more than "changed"
    check_version(what, loan.version, expected_version)
    return loan


@audited_refusals
def update_loan_terms(
    db: Database, actor: Actor, loan_id: int, data: LoanInput, *, expected_version: int
) -> LoanRecord:
    """Replace a draft or returned application's terms as of ``expected_version``."""
    permit(actor, Action.EDIT_APPLICATION)
    with write_unit(db, f"loan {loan_id}") as session:
        loan = _editable_loan(session, loan_id, expected_version)
        values = _validate(session, data, loan)
        cols = values.columns
        cols.pop("reference")
        before = loan_snapshot(loan)
        assign(loan, cols)
        write_children(session, loan, values)
        loan.updated_by = actor.username
        loan.updated_at = utcnow()  # forces the UPDATE, so the version moves
        stored(session)
        record_event(session, actor, "loan.update_terms", "loan", loan.id, before,
                     loan_snapshot(loan))  # fmt: skip
        _reassess(session, loan, actor)
        return loan_record(loan)


@audited_refusals
def set_classification_override(
    db: Database,
    actor: Actor,
    loan_id: int,
    data: ClassificationOverrideInput,
    *,
    expected_version: int,
) -> LoanRecord:
    """Override the engine's primary class; only with a written reason, kept with the loan."""
    permit(actor, Action.EDIT_APPLICATION)
    errors = ErrorCollector()
    values = validate_override(data, errors)
    errors.raise_if_any()
    with write_unit(db, f"loan {loan_id}") as session:
        loan = _editable_loan(session, loan_id, expected_version)
        before = loan_snapshot(loan)
        assign(loan, values)
        loan.updated_by = actor.username
        loan.updated_at = utcnow()
        stored(session)
        record_event(session, actor, "loan.override_classification", "loan", loan.id, before,
                     loan_snapshot(loan))  # fmt: skip
        return loan_record(loan)


@audited_refusals
def clear_classification_override(
    db: Database, actor: Actor, loan_id: int, *, expected_version: int
) -> LoanRecord:
    """Go back to the engine's class (the override and its reason are kept in the audit trail)."""
    permit(actor, Action.EDIT_APPLICATION)
    with write_unit(db, f"loan {loan_id}") as session:
        loan = _editable_loan(session, loan_id, expected_version)
        before = loan_snapshot(loan)
        loan.override_primary = None
        loan.override_reason = None
        loan.updated_by = actor.username
        loan.updated_at = utcnow()
        stored(session)
        record_event(session, actor, "loan.clear_override", "loan", loan.id, before,
                     loan_snapshot(loan))  # fmt: skip
        return loan_record(loan)


def get_loan(db: Database, loan_id: int) -> LoanRecord:
    with db.session() as session:
        return loan_record(get_or_fail(session, Loan, loan_id, "loan"))


def get_loan_terms(db: Database, loan_id: int) -> LoanTerms:
    """What the loan editor opens with: the terms as a :class:`LoanInput`, and the version."""
    record = get_loan(db, loan_id)
    return LoanTerms(
        loan_id=record.id,
        reference=record.reference,
        version=record.version,
        status=record.status,
        editable=Status(record.status) in EDITABLE_STATES,
        input=loan_input(record),
    )
