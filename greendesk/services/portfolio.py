"""The loan list: ids in order (cheap, for lazy table models) and summaries fetched by id.

Only the current version of each application is listed: a row that a newer version names as
its ``previous_id`` has been superseded. Each call is one read transaction and hands back plain
frozen dataclasses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import CursorResult, Select, func, select

from greendesk.domain.errors import UserError
from greendesk.domain.validation import LOAN_ORDER_KEYS
from greendesk.services.loan_filter import ORDER_COLUMNS, LoanFilter, checked, conditions
from greendesk.store.database import Database
from greendesk.store.models import Borrower, Loan, LoanFacet, Project, User
from greendesk.store.queries import is_current_version


@dataclass(frozen=True)
class LoanSummary:
    id: int
    reference: str
    borrower: str
    project: str | None
    region: str | None
    amount: Decimal
    currency: str
    status: str
    classification: str | None  # the officer's override when there is one, else the engine's
    start_date: date | None
    maturity_date: date | None
    updated_at: datetime | None


ORDER_KEYS = LOAN_ORDER_KEYS
assert set(ORDER_COLUMNS) == set(ORDER_KEYS), "keep LOAN_ORDER_KEYS and the columns in step"
_CHUNK = 500  # ids per look-up query, under SQLite's bound-parameter limit
_ONE_PASS = 5_000  # above this many ids, one pass over the table beats chunked look-ups
_SUMMARY_COLUMNS: tuple[Any, ...] = (
    Loan.id, Loan.reference, Borrower.name, Project.name, Project.region, Borrower.region,
    Loan.amount, Loan.currency, Loan.status, Loan.override_primary, Loan.classification_primary,
    Loan.start_date, Loan.maturity_date, Loan.updated_at,
)  # fmt: skip


def list_loan_ids(
    db: Database,
    *,
    search: str = "",
    order_by: str = "reference",
    filters: LoanFilter | None = None,
) -> list[int]:
    """Ids of current loans matching ``filters`` and the ``search`` words, in order.

    ``order_by`` is one of ORDER_KEYS, optionally prefixed with ``-`` for descending; ties go
    by reference (in the same direction), so every order is one walk of a (key, reference)
    index of ``loan_facets``. Bad filter values raise ``InvalidInput`` naming each one.
    """
    key = order_by.removeprefix("-")
    if key not in ORDER_COLUMNS:
        raise UserError(f"order_by: unknown key {order_by!r} (one of: {', '.join(ORDER_KEYS)})")
    base = filters or LoanFilter()
    wanted = checked(base.with_(search=search) if search else base)
    return _ids(db, wanted, order_by)


def _ids(db: Database, wanted: LoanFilter, order_by: str) -> list[int]:
    key = order_by.removeprefix("-")
    descending = order_by.startswith("-")
    columns = [ORDER_COLUMNS[key], LoanFacet.reference, LoanFacet.loan_id]
    if key == "reference":
        columns = columns[1:]
    ordering = [c.desc() if descending else c.asc() for c in columns]
    with db.session() as session:
        query = select(LoanFacet.loan_id).where(*conditions(wanted, session))
        return plain_ints(session.connection().execute(query.order_by(*ordering)))


def plain_ints(result: CursorResult[Any]) -> list[int]:
    """The first column of every row, read off the driver's cursor.

    A list of 100,000 ids is the one large result the desk reads; SQLAlchemy's per-row result
    processing would cost more than the query itself, and a plain integer column needs none.
    """
    try:
        return [value for (value,) in result.cursor.fetchall()]
    finally:
        result.close()


def _summary_query() -> Select[Any]:
    """Only the columns a summary shows (no ORM entities: a 100,000-row list stays cheap)."""
    return (
        select(*_SUMMARY_COLUMNS)
        .join(Borrower, Loan.borrower_id == Borrower.id)
        .outerjoin(Project, Loan.project_id == Project.id)
    )


def _summary(row: Any) -> LoanSummary:
    (loan_id, reference, borrower, project, project_region, borrower_region, amount, currency,
     status, override, engine, start, maturity, updated) = row  # fmt: skip
    return LoanSummary(
        id=loan_id,
        reference=reference,
        borrower=borrower,
        project=project,
        region=project_region or borrower_region,
        amount=amount,
        currency=currency,
        status=status,
        classification=override or engine,
        start_date=start,
        maturity_date=maturity,
        updated_at=updated,
    )


def fetch_loan_summaries(db: Database, ids: Sequence[int]) -> dict[int, LoanSummary]:
    """Summaries for ``ids`` (missing ids are simply absent from the result).

    A page of the table asks for a few hundred ids: those are looked up by primary key in
    chunks (under SQLite's bound-parameter limit). A long list (the CLI's whole portfolio) is
    read in one pass over the table instead and filtered here, which beats hundreds of look-ups.
    """
    wanted = list(dict.fromkeys(ids))
    result: dict[int, LoanSummary] = {}
    with db.session() as session:
        if len(wanted) > _ONE_PASS:
            keep = set(wanted)
            for row in session.execute(_summary_query()):
                if row[0] in keep:
                    result[row[0]] = _summary(row)
            return result
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            for row in session.execute(_summary_query().where(Loan.id.in_(chunk))):
                result[row[0]] = _summary(row)
    return result


def list_loans(db: Database) -> list[LoanSummary]:
    """Every current loan, by reference (one query)."""
    query = _summary_query().where(is_current_version()).order_by(Loan.reference, Loan.id)
    with db.session() as session:
        return [_summary(row) for row in session.execute(query)]


def count_loans(db: Database) -> int:
    """How many current loans there are."""
    with db.session() as session:
        return int(session.scalar(select(func.count(Loan.id)).where(is_current_version())) or 0)


@dataclass(frozen=True)
class FilterChoices:
    """What the filter bar offers: the provinces, prefectures and officers the book has."""

    provinces: tuple[str, ...]
    prefectures: tuple[str, ...]
    officers: tuple[tuple[str, str], ...]  # (username, display name)


def filter_choices(db: Database) -> FilterChoices:
    """The values present in the current loans (each a walk of a small index)."""
    with db.session() as session:
        provinces = session.scalars(
            select(LoanFacet.province).where(LoanFacet.province.is_not(None)).distinct()
        )
        prefectures = session.scalars(
            select(LoanFacet.prefecture).where(LoanFacet.prefecture.is_not(None)).distinct()
        )
        officers = session.execute(
            select(User.username, User.display_name)
            .where(User.id.in_(select(LoanFacet.officer_id).distinct()))
            .order_by(User.username)
        )
        return FilterChoices(
            provinces=tuple(sorted(p for p in provinces if p)),
            prefectures=tuple(sorted(p for p in prefectures if p)),
            officers=tuple((u, d) for u, d in officers),
        )
