"""A stored loan's terms as the schedule engine's TERMS JSON (issue 3's field names).

The TERMS document is built by the same function the loan editor's validation uses
(``records.loan_rules.terms_json``), so what is stored, what was validated and what the engine
computes can never drift apart. Amounts and rates are strings (exact decimals).
"""

from __future__ import annotations

from typing import Any

from greendesk.domain.errors import UserError
from greendesk.domain.schedule import Schedule, build_schedule, parse_terms
from greendesk.services.records.inputs import LoanInput
from greendesk.services.records.loan_rows import loan_input, loan_record
from greendesk.services.records.loan_rules import terms_json
from greendesk.store.database import Database
from greendesk.store.models import Loan

# Stored loans were validated with payment dates beyond the holiday data rolling over weekends
# only (records.reference.terms_errors): a 20-year loan must be recordable and schedulable, and
# every consumer (window, memo, workbook, export) must compute the same dates.
BEYOND_COVERAGE = "weekends"


def loan_terms(loan: Loan) -> dict[str, Any]:
    """TERMS JSON of a loan row loaded in an open session (for services that hold one already).

    Always ``calendar_beyond_coverage = weekends`` (the schedule engine's documented option):
    payment dates past the CN holiday data (2015-2026) roll over weekends only.
    """
    terms = terms_json(loan_input(loan_record(loan)))
    terms["calendar_beyond_coverage"] = BEYOND_COVERAGE
    return terms


def schedule_terms(db: Database, loan_id: int) -> dict[str, Any]:
    """TERMS JSON for loan ``loan_id``, ready for ``greendesk schedule`` / the engine."""
    with db.session() as session:
        loan = session.get(Loan, loan_id)
        if loan is None:
            raise UserError(f"loan {loan_id} does not exist")
        return loan_terms(loan)


def loan_schedule(db: Database, loan_id: int) -> Schedule:
    """Loan ``loan_id``'s repayment schedule from its stored terms, by the schedule engine."""
    return build_schedule(parse_terms(schedule_terms(db, loan_id)))


def preview_schedule(data: LoanInput) -> Schedule:
    """The schedule of terms being edited, before they are saved (the loan editor's preview).

    The same TERMS document the save validates, through the same engine; a term the engine
    refuses raises ``InvalidInput`` naming it, and nothing is written anywhere.
    """
    terms = terms_json(data)
    terms["calendar_beyond_coverage"] = BEYOND_COVERAGE
    return build_schedule(parse_terms(terms))
