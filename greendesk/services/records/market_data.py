"""Reference prices (CEA, CCER ... per tonne) and published base rates (LPR1Y, LPR5Y).

These tables carry no version column, so an editor passes back the record it loaded as
``expected``: if the row no longer equals it, someone else changed it and nothing is saved.
A price change revalues, in the same transaction, every current loan pledged with that
instrument (``services.valuation.revalue_priced_by``), so stored values and coverage never go
stale; if the revaluation fails, the price change is rolled back with it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from greendesk.domain.errors import ErrorCollector, FieldError, InvalidInput
from greendesk.domain.roles import Action
from greendesk.services.records._unit import (
    Actor,
    RecordChanged,
    assign,
    audited_refusals,
    changed_message,
    get_or_fail,
    permit,
    record_event,
    snapshot,
    stored,
    write_unit,
)
from greendesk.services.records.inputs import PriceInput, RateInput
from greendesk.services.records.results import PriceRecord, PricesAdded, RateRecord
from greendesk.services.records.validation import validate_price, validate_rate
from greendesk.services.valuation import revalue_priced_by
from greendesk.store.database import Database
from greendesk.store.models import ReferencePrice, ReferenceRate

PRICE_FIELDS = ("instrument", "price_date", "price", "unit", "source")
RATE_FIELDS = ("name", "effective_date", "rate", "source")


def _price(row: ReferencePrice) -> PriceRecord:
    return PriceRecord(id=row.id, **{n: getattr(row, n) for n in PRICE_FIELDS})


def _rate(row: ReferenceRate) -> RateRecord:
    return RateRecord(id=row.id, **{n: getattr(row, n) for n in RATE_FIELDS})


def _same(what: str, current: PriceRecord | RateRecord, expected: object) -> None:
    if current != expected:
        raise RecordChanged(changed_message(what))


def _price_values(session: Session, data: PriceInput, own_id: int | None) -> dict[str, Any]:
    """Every field rule, and one price per instrument and date, reported together."""
    errors = ErrorCollector()
    values = validate_price(data, errors)
    if values["instrument"] and values["price_date"]:
        _price_date_free(session, values, own_id, errors)
    errors.raise_if_any()
    return values


def _rate_values(session: Session, data: RateInput, own_id: int | None) -> dict[str, Any]:
    """Every field rule, and one rate per name and effective date, reported together."""
    errors = ErrorCollector()
    values = validate_rate(data, errors)
    if values["name"] and values["effective_date"]:
        _rate_date_free(session, values, own_id, errors)
    errors.raise_if_any()
    return values


def _price_date_free(
    session: Session, values: dict[str, Any], own_id: int | None, errors: ErrorCollector
) -> None:
    other = session.scalar(
        select(ReferencePrice.id).where(
            ReferencePrice.instrument == values["instrument"],
            ReferencePrice.price_date == values["price_date"],
        )
    )
    if other is not None and other != own_id:
        errors.add(
            "price_date",
            f"a {values['instrument']} price for {values['price_date']} already exists",
        )


def _rate_date_free(
    session: Session, values: dict[str, Any], own_id: int | None, errors: ErrorCollector
) -> None:
    other = session.scalar(
        select(ReferenceRate.id).where(
            ReferenceRate.name == values["name"],
            ReferenceRate.effective_date == values["effective_date"],
        )
    )
    if other is not None and other != own_id:
        errors.add(
            "effective_date",
            f"a {values['name']} rate effective {values['effective_date']} already exists",
        )


def _revalue(session: Session, actor: Actor, *instruments: str) -> int:
    """Revalue the loans priced by the instruments touched; the number of loans revalued."""
    stored(session)
    return sum(
        revalue_priced_by(session, instrument, date.today(), actor)
        for instrument in sorted(set(instruments))
    )


def _insert_price(session: Session, actor: Actor, values: dict[str, Any]) -> ReferencePrice:
    """Store one checked price and audit it (the caller revalues)."""
    row = ReferencePrice(**values)
    session.add(row)
    stored(session)
    record_event(session, actor, "price.create", "price", row.id, None,
                 snapshot(row, PRICE_FIELDS))  # fmt: skip
    return row


@audited_refusals
def add_price(db: Database, actor: Actor, data: PriceInput) -> PriceRecord:
    """Record a reference price; one per instrument and date."""
    permit(actor, Action.EDIT_REFERENCE_DATA)
    with write_unit(db, "price") as session:
        row = _insert_price(session, actor, _price_values(session, data, None))
        revalued = _revalue(session, actor, row.instrument)
        return dataclasses.replace(_price(row), revalued_loans=revalued)


@audited_refusals
def add_prices(db: Database, actor: Actor, rows: Sequence[PriceInput]) -> PricesAdded:
    """Record a batch of prices (a day's closing prices, a file): all of them or none.

    Every row's errors are reported together as ``rows[i].field: rule``; two rows for the same
    instrument and date clash like a price already stored. Each instrument touched revalues its
    loans once, in the same transaction.
    """
    permit(actor, Action.EDIT_REFERENCE_DATA)
    if not rows:
        raise InvalidInput([FieldError("rows", "at least one price")])
    with write_unit(db, "prices") as session:
        errors = ErrorCollector()
        batch: list[dict[str, Any]] = []
        seen: set[tuple[str, date]] = set()
        for i, data in enumerate(rows):
            try:
                values = _price_values(session, data, None)
            except InvalidInput as exc:
                errors.errors.extend(FieldError(f"rows[{i}].{e.path}", e.rule) for e in exc.errors)
                continue
            key = (values["instrument"], values["price_date"])
            if key in seen:
                errors.add(f"rows[{i}].price_date", f"a {key[0]} price for {key[1]} already exists")
            seen.add(key)
            batch.append(values)
        errors.raise_if_any()
        created = [_insert_price(session, actor, values) for values in batch]
        revalued = _revalue(session, actor, *(row.instrument for row in created))
        return PricesAdded(prices=tuple(_price(row) for row in created), revalued_loans=revalued)


@audited_refusals
def update_price(
    db: Database, actor: Actor, price_id: int, data: PriceInput, *, expected: PriceRecord
) -> PriceRecord:
    """Correct a reference price that still equals ``expected``."""
    permit(actor, Action.EDIT_REFERENCE_DATA)
    what = f"price {price_id}"
    with write_unit(db, what) as session:
        row = get_or_fail(session, ReferencePrice, price_id, "price", lock=True)
        _same(what, _price(row), expected)
        values = _price_values(session, data, row.id)
        before = snapshot(row, PRICE_FIELDS)
        assign(row, values)
        stored(session)
        record_event(session, actor, "price.update", "price", row.id, before,
                     snapshot(row, PRICE_FIELDS))  # fmt: skip
        revalued = _revalue(session, actor, before["instrument"], row.instrument)
        return dataclasses.replace(_price(row), revalued_loans=revalued)


@audited_refusals
def delete_price(db: Database, actor: Actor, price_id: int, *, expected: PriceRecord) -> int:
    """Delete a reference price that still equals ``expected``; the number of loans revalued."""
    permit(actor, Action.EDIT_REFERENCE_DATA)
    what = f"price {price_id}"
    with write_unit(db, what) as session:
        row = get_or_fail(session, ReferencePrice, price_id, "price", lock=True)
        _same(what, _price(row), expected)
        before = snapshot(row, PRICE_FIELDS)
        session.delete(row)
        stored(session)
        record_event(session, actor, "price.delete", "price", price_id, before, None)
        return _revalue(session, actor, before["instrument"])


def list_prices(db: Database, instrument: str | None = None) -> list[PriceRecord]:
    """Reference prices by instrument, newest date first."""
    query = select(ReferencePrice).order_by(
        ReferencePrice.instrument, ReferencePrice.price_date.desc()
    )
    if instrument:
        query = query.where(ReferencePrice.instrument == instrument.strip().upper())
    with db.session() as session:
        return [_price(row) for row in session.scalars(query)]


@audited_refusals
def add_rate(db: Database, actor: Actor, data: RateInput) -> RateRecord:
    """Record a published base rate in force from its effective date."""
    permit(actor, Action.EDIT_REFERENCE_DATA)
    with write_unit(db, "rate") as session:
        values = _rate_values(session, data, None)
        row = ReferenceRate(**values)
        session.add(row)
        stored(session)
        record_event(session, actor, "rate.create", "rate", row.id, None,
                     snapshot(row, RATE_FIELDS))  # fmt: skip
        return _rate(row)


@audited_refusals
def update_rate(
    db: Database, actor: Actor, rate_id: int, data: RateInput, *, expected: RateRecord
) -> RateRecord:
    """Correct a base rate that still equals ``expected``."""
    permit(actor, Action.EDIT_REFERENCE_DATA)
    what = f"rate {rate_id}"
    with write_unit(db, what) as session:
        row = get_or_fail(session, ReferenceRate, rate_id, "rate", lock=True)
        _same(what, _rate(row), expected)
        values = _rate_values(session, data, row.id)
        before = snapshot(row, RATE_FIELDS)
        assign(row, values)
        stored(session)
        record_event(session, actor, "rate.update", "rate", row.id, before,
                     snapshot(row, RATE_FIELDS))  # fmt: skip
        return _rate(row)


@audited_refusals
def delete_rate(db: Database, actor: Actor, rate_id: int, *, expected: RateRecord) -> None:
    permit(actor, Action.EDIT_REFERENCE_DATA)
    what = f"rate {rate_id}"
    with write_unit(db, what) as session:
        row = get_or_fail(session, ReferenceRate, rate_id, "rate", lock=True)
        _same(what, _rate(row), expected)
        before = snapshot(row, RATE_FIELDS)
        session.delete(row)
        stored(session)
        record_event(session, actor, "rate.delete", "rate", rate_id, before, None)


def list_rates(db: Database, name: str | None = None) -> list[RateRecord]:
    """Base rates by name, newest effective date first."""
    query = select(ReferenceRate).order_by(ReferenceRate.name, ReferenceRate.effective_date.desc())
    if name:
        query = query.where(ReferenceRate.name == name.strip())
    with db.session() as session:
        return [_rate(row) for row in session.scalars(query)]
