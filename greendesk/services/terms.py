"""A stored loan's terms as the schedule engine's TERMS JSON (issue 3's field names).

The TERMS document is built by the same function the loan editor's validation uses
(``records.loan_rules.terms_json``), so what is stored, what was validated and what the engine
computes can never drift apart. Amounts and rates are strings (exact decimals).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from greendesk.domain.errors import UserError
from greendesk.domain.schedule import Schedule, build_schedule, parse_terms
from greendesk.services.records.inputs import LoanInput
from greendesk.services.records.loan_read import read_loan
from greendesk.services.records.loan_rows import loan_input, loan_record
from greendesk.services.records.loan_rules import terms_json
from greendesk.store.database import Database
from greendesk.store.models import KpiTestResult, Loan


def loan_terms(loan: Loan, session: Session | None = None) -> dict[str, Any]:
    """TERMS JSON of a loan row loaded in an open session (for services that hold one already).

    No ``calendar_beyond_coverage``: payment dates after the official CN years use the projected
    holidays (the engine's default), so a 20-year loan is dated on one stated calendar. A loan
    with KPIs gets the ratchet its decided KPI tests put in force, not its rows (those give the
    steps).
    """
    terms = terms_json(loan_input(loan_record(loan)))
    session = session if session is not None else object_session(loan)
    if loan.kpis and session is not None:
        steps = ratchet_in_force(session, loan.reference)
        if steps:
            terms["ratchet"] = steps
        else:
            terms.pop("ratchet", None)
    return terms


def ratchet_in_force(session: Session, reference: str) -> list[dict[str, Any]]:
    """A KPI-linked loan's ratchet: one step per decided KPI test (issue 15), by test date.

    The loan's own ratchet rows state the step sizes (``domain.kpi.ratchet``); only decided
    tests move the margin, from the first period starting on or after the test date.
    """
    rows = session.scalars(
        select(KpiTestResult)
        .where(KpiTestResult.loan_reference == reference, KpiTestResult.adjust_bps != 0)
        .order_by(KpiTestResult.test_date, KpiTestResult.kpi_name)
    )
    return [{"effective": r.test_date.isoformat(), "adjust_bps": r.adjust_bps} for r in rows]


def schedule_terms(db: Database, loan_id: int) -> dict[str, Any]:
    """TERMS JSON for loan ``loan_id``, ready for ``greendesk schedule`` / the engine."""
    with db.session() as session:
        loan = session.get(Loan, loan_id)
        if loan is None:
            raise UserError(f"loan {loan_id} does not exist")
        return loan_terms(loan)


def loan_schedule(db: Database, loan_id: int) -> Schedule:
    """Loan ``loan_id``'s repayment schedule from its stored terms on the desk's calendar."""
    from greendesk.services.calendar import stored_schedule  # it builds on loan_terms

    with db.session() as session:
        return stored_schedule(session, read_loan(session, loan_id))


def preview_schedule(data: LoanInput) -> Schedule:
    """The schedule of terms being edited, before they are saved (the loan editor's preview).

    The same TERMS document the save validates, through the same engine and the shipped
    calendar (projected holidays after the official years); a term the engine refuses raises
    ``InvalidInput`` naming it, and nothing is written anywhere.
    """
    return build_schedule(parse_terms(terms_json(data)))
