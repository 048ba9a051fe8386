"""What the desk shows first when a loan is selected, read in one short unit of work.

Selecting a loan is the desk's most frequent act (an officer holding the arrow key down passes
dozens a second), so the records it needs — the loan with its term rows, borrower, project,
officer, pledges, workflow state, conditions and stored classification — come from one session,
the loan and its rows through ``records.loan_read`` (prepared statements, not ORM loads), handed
to the same record builders the rest of the services use. The slower
parts (the pledges valued today, the audit trail, the schedule) are read by their tabs when shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from greendesk.domain.roles import Action, Principal
from greendesk.services.assessment import StoredClassification, classification_of
from greendesk.services.conditions import ConditionInfo, conditions_of
from greendesk.services.records.borrowers import borrower_record
from greendesk.services.records.loan_read import read_loan
from greendesk.services.records.loan_rows import loan_record
from greendesk.services.records.pledges import pledge_record
from greendesk.services.records.projects import project_record
from greendesk.services.records.results import (
    BorrowerRecord,
    LoanRecord,
    PledgeRecord,
    ProjectRecord,
)
from greendesk.services.valuation import LoanCollateralReport, price_table, value_loan
from greendesk.services.workflow import WorkflowState, state_in_session
from greendesk.store.database import Database


@dataclass(frozen=True)
class LoanView:
    loan: LoanRecord
    borrower: BorrowerRecord
    project: ProjectRecord | None
    pledges: tuple[PledgeRecord, ...]
    state: WorkflowState | None  # None when nobody is signed in
    conditions: tuple[ConditionInfo, ...]
    classification: StoredClassification | None  # None: never classified

    def may(self, action: Action) -> bool:
        """Whether the signed-in user may take ``action`` on this loan now."""
        return self.state is not None and action in self.state.allowed


def value_pledges(db: Database, loan_id: int, as_of: date) -> LoanCollateralReport:
    """This loan version's pledges valued as of ``as_of`` at the stored prices; nothing stored."""
    with db.session() as session:
        return value_loan(read_loan(session, loan_id), price_table(session), as_of)


def read_loan_view(db: Database, actor: Principal | None, loan_id: int) -> LoanView:
    """The selected loan's records and, for ``actor``, what they may do with it now."""
    with db.session() as session:
        loan = read_loan(session, loan_id)
        return LoanView(
            loan=loan_record(loan),
            borrower=borrower_record(loan.borrower),
            project=project_record(loan.project) if loan.project is not None else None,
            pledges=tuple(pledge_record(p) for p in loan.pledges),
            state=state_in_session(session, actor, loan) if actor is not None else None,
            conditions=tuple(conditions_of(session, loan_id)),
            classification=classification_of(loan),
        )
