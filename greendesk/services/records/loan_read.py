"""A loan row with its officer, borrower, project, term rows and pledges, read for display only.

The desk reads a loan on every selection, for the schedule and for the programme tab, so these
reads use prepared Core statements, one per table (about a tenth of the cost of the same rows as
ORM objects with lazy loads). The result is a read-only stand-in carrying the mapped attribute
names, which the record builders, the schedule terms and the valuation read like the ORM row.
Never write to it or hand it to a session.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Connection, Select, bindparam, inspect, select
from sqlalchemy.orm import Session

from greendesk.services.records._unit import NotFound
from greendesk.store.models import (
    Borrower,
    Loan,
    LoanBaseRate,
    LoanCustomPrincipal,
    LoanDrawdown,
    LoanKpi,
    LoanRatchetStep,
    LoanUseOfProceeds,
    Pledge,
    Project,
    SyndicateShare,
    User,
)


def _by(model: type[Any], column: str) -> Select[Any]:
    """Every mapped column of ``model`` under its attribute name, for one value of ``column``.

    Table columns only (a Core statement): naming the mapped attributes would send it through
    the ORM's compile and result steps for nothing."""
    attrs = inspect(model).column_attrs
    table = model.__table__
    query = select(*(a.columns[0].label(a.key) for a in attrs)).where(
        table.c[column] == bindparam("key")
    )
    if "seq" in attrs:
        query = query.order_by(table.c.seq)
    return query


_LOAN = _by(Loan, "id")
_BORROWER = _by(Borrower, "id")
_PROJECT = _by(Project, "id")
_OFFICER = _by(User, "id")
# relationship name on Loan -> its rows' statement, in the relationship's order (seq)
_CHILDREN = {
    "drawdowns": _by(LoanDrawdown, "loan_id"),
    "custom_principal": _by(LoanCustomPrincipal, "loan_id"),
    "syndicate_shares": _by(SyndicateShare, "loan_id"),
    "ratchet_steps": _by(LoanRatchetStep, "loan_id"),
    "base_rate_path": _by(LoanBaseRate, "loan_id"),
    "kpis": _by(LoanKpi, "loan_id"),
    "use_of_proceeds": _by(LoanUseOfProceeds, "loan_id"),
    "pledges": _by(Pledge, "loan_id"),
}


def _one(conn: Connection, query: Select[Any], key: object) -> SimpleNamespace | None:
    row = conn.execute(query, {"key": key}).mappings().one_or_none()
    return SimpleNamespace(**row) if row is not None else None


def read_loan(session: Session, loan_id: int) -> Loan:
    """The loan row with its officer, borrower, project and term rows, as a read-only stand-in."""
    conn = session.connection()  # the session's transaction: one snapshot with its other reads
    loan = _one(conn, _LOAN, loan_id)
    if loan is None:
        raise NotFound(f"loan {loan_id} does not exist (deleted by someone else?)")
    loan.borrower = _one(conn, _BORROWER, loan.borrower_id)
    loan.project = _one(conn, _PROJECT, loan.project_id) if loan.project_id else None
    loan.officer = _one(conn, _OFFICER, loan.officer_id) if loan.officer_id else None
    for relation, query in _CHILDREN.items():
        rows = conn.execute(query, {"key": loan_id}).mappings()
        setattr(loan, relation, [SimpleNamespace(**r) for r in rows])
    return cast(Loan, loan)  # the record builders read attributes only
