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

from sqlalchemy import Select, func, or_, select

from greendesk.domain.errors import UserError
from greendesk.domain.validation import LOAN_ORDER_KEYS
from greendesk.store.database import Database
from greendesk.store.models import Borrower, Loan, Project
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


_ORDER_COLUMNS: dict[str, Any] = {
    "reference": Loan.reference,
    "borrower": Borrower.name,
    "project": Project.name,
    "amount": Loan.amount,
    "status": Loan.status,
    "start_date": Loan.start_date,
    "maturity_date": Loan.maturity_date,
    "updated_at": Loan.updated_at,
}
ORDER_KEYS = LOAN_ORDER_KEYS
assert set(_ORDER_COLUMNS) == set(ORDER_KEYS), "keep LOAN_ORDER_KEYS and the columns in step"
_CHUNK = 500  # ids per look-up query, under SQLite's bound-parameter limit
_ONE_PASS = 5_000  # above this many ids, one pass over the table beats chunked look-ups
_SUMMARY_COLUMNS: tuple[Any, ...] = (
    Loan.id, Loan.reference, Borrower.name, Project.name, Project.region, Borrower.region,
    Loan.amount, Loan.currency, Loan.status, Loan.override_primary, Loan.classification_primary,
    Loan.start_date, Loan.maturity_date, Loan.updated_at,
)  # fmt: skip


def _searched(query: Select[Any], search: str) -> Select[Any]:
    text = search.strip()
    if not text:
        return query
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return query.where(
        or_(
            Loan.reference.ilike(pattern, escape="\\"),
            Borrower.name.ilike(pattern, escape="\\"),
            Borrower.credit_code.ilike(pattern, escape="\\"),
            Project.name.ilike(pattern, escape="\\"),
            Project.region.ilike(pattern, escape="\\"),
            Borrower.region.ilike(pattern, escape="\\"),
        )
    )


def list_loan_ids(db: Database, *, search: str = "", order_by: str = "reference") -> list[int]:
    """Ids of current loans matching ``search`` (reference, borrower, code, project, region).

    ``order_by`` is one of ORDER_KEYS, optionally prefixed with ``-`` for descending; ties are
    broken by reference so the order is stable.
    """
    key = order_by.removeprefix("-")
    if key not in _ORDER_COLUMNS:
        raise UserError(f"order_by: unknown key {order_by!r} (one of: {', '.join(ORDER_KEYS)})")
    column = _ORDER_COLUMNS[key]
    ordering = column.desc() if order_by.startswith("-") else column.asc()
    query = select(Loan.id).where(is_current_version()).order_by(ordering, Loan.reference, Loan.id)
    searching = bool(search.strip())
    # Join the borrower and project only when the sort or the search looks at them: the plain
    # list (what the table opens with) then reads the loans table and its indexes alone.
    if searching or key == "borrower":
        query = query.join(Borrower, Loan.borrower_id == Borrower.id)
    if searching or key == "project":
        query = query.outerjoin(Project, Loan.project_id == Project.id)
    with db.session() as session:
        return list(session.scalars(_searched(query, search)))


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
