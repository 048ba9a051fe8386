"""Borrowers: register and change them, read them for the editors (one transaction each)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from greendesk.domain.errors import ErrorCollector
from greendesk.domain.roles import Action
from greendesk.services.records._unit import (
    Actor,
    assign,
    audited_refusals,
    check_version,
    get_or_fail,
    permit,
    record_event,
    snapshot,
    stored,
    write_unit,
)
from greendesk.services.records.inputs import BorrowerInput
from greendesk.services.records.reference import reference_checks
from greendesk.services.records.results import BorrowerRecord
from greendesk.services.records.validation import validate_borrower
from greendesk.store.database import Database
from greendesk.store.models import Borrower
from greendesk.store.types import utcnow

FIELDS = (
    "name", "credit_code", "industry", "sector", "region", "carbon_account_grade",
    "baseline_intensity", "target_intensity", "base_year", "target_year", "disclosure_yearly",
)  # fmt: skip


def borrower_record(row: Borrower) -> BorrowerRecord:
    return BorrowerRecord(
        id=row.id,
        version=row.version,
        **{name: getattr(row, name) for name in FIELDS},
        updated_at=row.updated_at,
    )


def _validate(session: Session, inp: BorrowerInput, own_id: int | None) -> dict[str, object]:
    """Every field rule and the credit code's uniqueness, reported together."""
    errors = ErrorCollector()
    values = validate_borrower(inp, reference_checks(), errors)
    code = values["credit_code"]
    if code:
        other = session.scalar(select(Borrower.id).where(Borrower.credit_code == code))
        if other is not None and other != own_id:
            errors.add("credit_code", f"already registered (borrower {other})")
    errors.raise_if_any()
    return values


@audited_refusals
def create_borrower(db: Database, actor: Actor, data: BorrowerInput) -> BorrowerRecord:
    """Register a borrower; the credit code must be valid and not registered yet."""
    permit(actor, Action.EDIT_APPLICATION)
    with write_unit(db, "borrower") as session:
        values = _validate(session, data, None)
        row = Borrower(**values)
        session.add(row)
        stored(session)
        record_event(session, actor, "borrower.create", "borrower", row.id, None,
                     snapshot(row, FIELDS))  # fmt: skip
        return borrower_record(row)


@audited_refusals
def update_borrower(
    db: Database,
    actor: Actor,
    borrower_id: int,
    data: BorrowerInput,
    *,
    expected_version: int,
) -> BorrowerRecord:
    """Change a borrower as of ``expected_version``; a stale version is refused, nothing saved."""
    permit(actor, Action.EDIT_APPLICATION)
    what = f"borrower {borrower_id}"
    with write_unit(db, what) as session:
        row = get_or_fail(session, Borrower, borrower_id, "borrower", lock=True)
        check_version(what, row.version, expected_version)
        values = _validate(session, data, row.id)
        before = snapshot(row, FIELDS)
        assign(row, values)
        row.updated_at = utcnow()  # forces the UPDATE, so the version moves
        stored(session)
        record_event(session, actor, "borrower.update", "borrower", row.id, before,
                     snapshot(row, FIELDS))  # fmt: skip
        return borrower_record(row)


def get_borrower(db: Database, borrower_id: int) -> BorrowerRecord:
    with db.session() as session:
        return borrower_record(get_or_fail(session, Borrower, borrower_id, "borrower"))


def list_borrowers(db: Database, *, search: str = "") -> list[BorrowerRecord]:
    """All borrowers by name; ``search`` matches part of the name or the credit code."""
    query = select(Borrower).order_by(Borrower.name, Borrower.id)
    if search.strip():
        pattern = f"%{search.strip()}%"
        query = query.where(Borrower.name.ilike(pattern) | Borrower.credit_code.ilike(pattern))
    with db.session() as session:
        return [borrower_record(row) for row in session.scalars(query)]


def borrower_input(record: BorrowerRecord) -> BorrowerInput:
    """The editor's starting values for an existing borrower."""
    return BorrowerInput(
        name=record.name,
        credit_code=record.credit_code,
        industry=record.industry or "",
        sector=record.sector,
        region=record.region or "",
        carbon_account_grade=record.carbon_account_grade or "",
        baseline_intensity=record.baseline_intensity,
        target_intensity=record.target_intensity,
        base_year=record.base_year,
        target_year=record.target_year,
        disclosure_yearly=record.disclosure_yearly,
    )
