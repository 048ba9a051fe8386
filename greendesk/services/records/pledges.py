"""Collateral pledges of a loan: add, change, remove (while the application may be edited).

Collateral is part of the credit decision, so pledges follow the terms' freeze: once a loan is
approved they change only through a reopened version. Every change revalues the loan's stored
collateral figures in the same transaction, so they never go stale.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from greendesk.domain.errors import ErrorCollector
from greendesk.domain.roles import Action
from greendesk.domain.workflow import Status, check_editable
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
from greendesk.services.records.inputs import PledgeInput
from greendesk.services.records.reference import reference_checks
from greendesk.services.records.results import PledgeRecord
from greendesk.services.records.validation import validate_pledge
from greendesk.services.valuation import revalue_loan
from greendesk.store.database import Database
from greendesk.store.models import Loan, Pledge

FIELDS = (
    "loan_id", "seq", "collateral_type", "description", "quantity", "unit", "price_instrument",
    "unit_price", "appraised_value", "valuation_date", "pledge_rate", "registry_name",
    "registration_no", "vintage_year", "expiry", "owner",
)  # fmt: skip


def pledge_record(row: Pledge) -> PledgeRecord:
    values = {n: getattr(row, n) for n in FIELDS if n != "registry_name"}
    return PledgeRecord(id=row.id, version=row.version, registry=row.registry_name, **values)


def _editable_loan(session: Session, loan_id: int) -> Loan:
    """The pledge's loan, locked against a concurrent status change, and still editable."""
    loan: Loan = get_or_fail(session, Loan, loan_id, "loan", lock=True)
    check_editable(Status(loan.status))
    return loan


def _validate(session: Session, data: PledgeInput, row: Pledge | None) -> dict[str, Any]:
    """Every field rule, and the loan: it exists, and an existing pledge stays on it."""
    errors = ErrorCollector()
    values = validate_pledge(data, reference_checks(), errors)
    loan_id = values["loan_id"]
    if row is not None and loan_id is not None and loan_id != row.loan_id:
        errors.add("loan_id", "a pledge cannot move to another loan")
    elif row is None and loan_id is not None and session.get(Loan, loan_id) is None:
        errors.add("loan_id", f"no loan {loan_id}")
    errors.raise_if_any()
    return values


@audited_refusals
def add_pledge(db: Database, actor: Actor, data: PledgeInput) -> PledgeRecord:
    """Attach a pledge to a draft or returned application; it gets the next number on the loan."""
    permit(actor, Action.EDIT_APPLICATION)
    with write_unit(db, "pledge") as session:
        values = _validate(session, data, None)
        loan = _editable_loan(session, values["loan_id"])
        last = session.scalar(select(func.max(Pledge.seq)).where(Pledge.loan_id == loan.id))
        row = Pledge(seq=(last or 0) + 1, **values)
        session.add(row)
        stored(session)
        record_event(session, actor, "pledge.create", "pledge", row.id, None,
                     snapshot(row, FIELDS))  # fmt: skip
        revalue_loan(session, loan.id, date.today(), actor)
        return pledge_record(row)


@audited_refusals
def update_pledge(
    db: Database, actor: Actor, pledge_id: int, data: PledgeInput, *, expected_version: int
) -> PledgeRecord:
    """Change a pledge as of ``expected_version``; it stays on its loan."""
    permit(actor, Action.EDIT_APPLICATION)
    what = f"pledge {pledge_id}"
    with write_unit(db, what) as session:
        row: Pledge = get_or_fail(session, Pledge, pledge_id, "pledge", lock=True)
        check_version(what, row.version, expected_version)
        _editable_loan(session, row.loan_id)
        values = _validate(session, data, row)
        before = snapshot(row, FIELDS)
        assign(row, values)
        flag_modified(row, "collateral_type")  # an UPDATE even if unchanged: the version moves
        stored(session)
        record_event(session, actor, "pledge.update", "pledge", row.id, before,
                     snapshot(row, FIELDS))  # fmt: skip
        revalue_loan(session, row.loan_id, date.today(), actor)
        return pledge_record(row)


@audited_refusals
def remove_pledge(db: Database, actor: Actor, pledge_id: int, *, expected_version: int) -> None:
    """Release a pledge from a draft or returned application."""
    permit(actor, Action.EDIT_APPLICATION)
    what = f"pledge {pledge_id}"
    with write_unit(db, what) as session:
        row: Pledge = get_or_fail(session, Pledge, pledge_id, "pledge", lock=True)
        check_version(what, row.version, expected_version)
        _editable_loan(session, row.loan_id)
        before = snapshot(row, FIELDS)
        loan_id = row.loan_id
        session.delete(row)
        stored(session)
        record_event(session, actor, "pledge.delete", "pledge", pledge_id, before, None)
        revalue_loan(session, loan_id, date.today(), actor)


def get_pledge(db: Database, pledge_id: int) -> PledgeRecord:
    with db.session() as session:
        return pledge_record(get_or_fail(session, Pledge, pledge_id, "pledge"))


def list_pledges(db: Database, loan_id: int) -> list[PledgeRecord]:
    """A loan's pledges in their order on the loan."""
    query = select(Pledge).where(Pledge.loan_id == loan_id).order_by(Pledge.seq)
    with db.session() as session:
        return [pledge_record(row) for row in session.scalars(query)]


def pledge_input(record: PledgeRecord) -> PledgeInput:
    """The editor's starting values for an existing pledge."""
    return PledgeInput(
        loan_id=record.loan_id,
        collateral_type=record.collateral_type,
        description=record.description or "",
        quantity=record.quantity,
        unit=record.unit or "",
        price_instrument=record.price_instrument or "",
        unit_price=record.unit_price,
        appraised_value=record.appraised_value,
        valuation_date=record.valuation_date or "",
        pledge_rate=record.pledge_rate,
        registry=record.registry or "",
        registration_no=record.registration_no or "",
        vintage_year=record.vintage_year,
        expiry=record.expiry,
        owner=record.owner or "",
    )
