"""Loan rows with their officer, borrower, project, term rows and pledges, read for display and
reports only.

The desk reads a loan on every selection, for the schedule and for the programme tab, and the
portfolio export reads every loan, so these reads use Core statements, one per table for a
whole batch of loans (about a tenth of the cost of the same rows as ORM objects with eager or
lazy loads). Each loan is a read-only stand-in carrying the mapped attribute names, which the
record builders, the schedule terms, the valuation and the emissions read like the ORM row.
Never write to one or hand it to a session.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
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


def _in(model: type[Any], column: str) -> Select[Any]:
    """Every mapped column of ``model`` under its attribute name, for a list of ``column``
    values (``keys``), in ``column`` then ``seq`` order (the relationships' order).

    Table columns only (a Core statement): naming the mapped attributes would send it through
    the ORM's compile and result steps for nothing; the column types still turn money into
    Decimal and dates into dates."""
    attrs = inspect(model).column_attrs
    table = model.__table__
    query = select(*(a.columns[0].label(a.key) for a in attrs)).where(
        table.c[column].in_(bindparam("keys", expanding=True))
    )
    return query.order_by(table.c[column], *([table.c.seq] if "seq" in attrs else []))


_LOANS = _in(Loan, "id")
_BORROWERS = _in(Borrower, "id")
_PROJECTS = _in(Project, "id")
_OFFICERS = _in(User, "id")
# relationship name on Loan -> its rows' statement, in the relationship's order (seq)
_CHILDREN = {
    "drawdowns": _in(LoanDrawdown, "loan_id"),
    "custom_principal": _in(LoanCustomPrincipal, "loan_id"),
    "syndicate_shares": _in(SyndicateShare, "loan_id"),
    "ratchet_steps": _in(LoanRatchetStep, "loan_id"),
    "base_rate_path": _in(LoanBaseRate, "loan_id"),
    "kpis": _in(LoanKpi, "loan_id"),
    "use_of_proceeds": _in(LoanUseOfProceeds, "loan_id"),
    "pledges": _in(Pledge, "loan_id"),
}


def _rows(conn: Connection, query: Select[Any], keys: Iterable[object]) -> list[SimpleNamespace]:
    result = conn.execute(query, {"keys": list(keys)})
    names = list(result.keys())
    # strict=False: every row has the result's columns; the strict check costs a tenth here
    return [SimpleNamespace(**dict(zip(names, row, strict=False))) for row in result.all()]


def _by_id(
    conn: Connection, query: Select[Any], keys: Iterable[int | None]
) -> dict[int, SimpleNamespace]:
    wanted = {k for k in keys if k is not None}
    return {r.id: r for r in _rows(conn, query, wanted)} if wanted else {}


def read_loans(session: Session, ids: Collection[int]) -> dict[int, Loan]:
    """The loans ``ids`` names (those that exist) with their officer, borrower, project and
    term rows, as read-only stand-ins by id; one statement per table for all of them."""
    conn = session.connection()  # the session's transaction: one snapshot with its other reads
    loans = {r.id: r for r in _rows(conn, _LOANS, ids)}
    if not loans:
        return {}
    found = loans.values()
    borrowers = _by_id(conn, _BORROWERS, (r.borrower_id for r in found))
    projects = _by_id(conn, _PROJECTS, (r.project_id for r in found))
    officers = _by_id(conn, _OFFICERS, (r.officer_id for r in found))
    for loan in found:
        loan.borrower = borrowers[loan.borrower_id]
        loan.project = projects.get(loan.project_id) if loan.project_id else None
        loan.officer = officers.get(loan.officer_id) if loan.officer_id else None
    for relation, query in _CHILDREN.items():
        for loan in found:
            setattr(loan, relation, [])
        for row in _rows(conn, query, loans):
            getattr(loans[row.loan_id], relation).append(row)
    return cast(dict[int, Loan], loans)  # the record builders read attributes only


def read_loan(session: Session, loan_id: int) -> Loan:
    """The loan row with its officer, borrower, project and term rows, as a read-only stand-in."""
    loan = read_loans(session, [loan_id]).get(loan_id)
    if loan is None:
        raise NotFound(f"loan {loan_id} does not exist (deleted by someone else?)")
    return loan
