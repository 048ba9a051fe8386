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
from sqlalchemy.orm import aliased

from greendesk.domain.errors import UserError
from greendesk.domain.validation import LOAN_ORDER_KEYS
from greendesk.store.database import Database
from greendesk.store.models import Borrower, Loan, Project


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
_CHUNK = 500


def _current() -> Any:
    """Loans not superseded by a newer application version."""
    newer = aliased(Loan)
    return ~select(newer.id).where(newer.previous_id == Loan.id).exists()


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
    query = (
        select(Loan.id)
        .join(Borrower, Loan.borrower_id == Borrower.id)
        .outerjoin(Project, Loan.project_id == Project.id)
        .where(_current())
        .order_by(ordering, Loan.reference, Loan.id)
    )
    with db.session() as session:
        return list(session.scalars(_searched(query, search)))


def fetch_loan_summaries(db: Database, ids: Sequence[int]) -> dict[int, LoanSummary]:
    """Summaries for ``ids`` (missing ids are simply absent from the result)."""
    wanted = list(dict.fromkeys(ids))
    base = (
        select(Loan, Borrower.name, Borrower.region, Project.name, Project.region)
        .join(Borrower, Loan.borrower_id == Borrower.id)
        .outerjoin(Project, Loan.project_id == Project.id)
    )
    result: dict[int, LoanSummary] = {}
    with db.session() as session:
        rows: list[Any] = []
        for start in range(0, len(wanted), _CHUNK):  # stay under SQLite's bound-parameter limit
            chunk = wanted[start : start + _CHUNK]
            rows.extend(session.execute(base.where(Loan.id.in_(chunk))).all())
        for loan, borrower, borrower_region, project, project_region in rows:
            result[loan.id] = LoanSummary(
                id=loan.id,
                reference=loan.reference,
                borrower=borrower,
                project=project,
                region=project_region or borrower_region,
                amount=loan.amount,
                currency=loan.currency,
                status=loan.status,
                classification=loan.override_primary or loan.classification_primary,
                start_date=loan.start_date,
                maturity_date=loan.maturity_date,
                updated_at=loan.updated_at,
            )
    return result


def list_loans(db: Database) -> list[LoanSummary]:
    """Every current loan, by reference."""
    ids = list_loan_ids(db)
    summaries = fetch_loan_summaries(db, ids)
    return [summaries[i] for i in ids if i in summaries]


def count_loans(db: Database) -> int:
    """How many current loans there are."""
    with db.session() as session:
        return int(session.scalar(select(func.count(Loan.id)).where(_current())) or 0)
