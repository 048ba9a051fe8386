"""What the desk shows first when a loan is selected, read in one short unit of work.

Selecting a loan is the desk's most frequent act (an officer holding the arrow key down passes
dozens a second), so the records it needs — the loan with its term rows, borrower, project,
officer, pledges, workflow state, conditions and stored classification — are read with prepared
Core statements, one per table, in one session: about a tenth of the cost of loading the same
rows as ORM objects with their relationships. The rows are handed to the same record builders
the rest of the services use, as read-only stand-ins with the mapped attribute names. The slower
parts (the pledges valued today, the audit trail, the schedule) are read by their tabs when shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Select, bindparam, inspect, select
from sqlalchemy.orm import Session

from greendesk.domain.roles import Action, Principal
from greendesk.services.assessment import StoredClassification, classification_of
from greendesk.services.conditions import ConditionInfo, conditions_of
from greendesk.services.records._unit import NotFound
from greendesk.services.records.borrowers import borrower_record
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
    """Every mapped column of ``model`` under its attribute name, for one value of ``column``."""
    attrs = inspect(model).column_attrs
    table_column = getattr(model, column)
    query = select(*(a.columns[0].label(a.key) for a in attrs)).where(
        table_column == bindparam("key")
    )
    if "seq" in attrs:
        query = query.order_by(model.seq)
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


def _one(session: Session, query: Select[Any], key: object) -> SimpleNamespace | None:
    row = session.execute(query, {"key": key}).mappings().one_or_none()
    return SimpleNamespace(**row) if row is not None else None


def _loan(session: Session, loan_id: int) -> Loan:
    """The loan row with its officer, borrower, project and term rows, as a read-only stand-in."""
    loan = _one(session, _LOAN, loan_id)
    if loan is None:
        raise NotFound(f"loan {loan_id} does not exist (deleted by someone else?)")
    loan.borrower = _one(session, _BORROWER, loan.borrower_id)
    loan.project = _one(session, _PROJECT, loan.project_id) if loan.project_id else None
    loan.officer = _one(session, _OFFICER, loan.officer_id) if loan.officer_id else None
    for relation, query in _CHILDREN.items():
        rows = session.execute(query, {"key": loan_id}).mappings()
        setattr(loan, relation, [SimpleNamespace(**r) for r in rows])
    return cast(Loan, loan)  # the record builders read attributes only


def value_pledges(db: Database, loan_id: int, as_of: date) -> LoanCollateralReport:
    """This loan version's pledges valued as of ``as_of`` at the stored prices; nothing stored."""
    with db.session() as session:
        return value_loan(_loan(session, loan_id), price_table(session), as_of)


def read_loan_view(db: Database, actor: Principal | None, loan_id: int) -> LoanView:
    """The selected loan's records and, for ``actor``, what they may do with it now."""
    with db.session() as session:
        loan = _loan(session, loan_id)
        return LoanView(
            loan=loan_record(loan),
            borrower=borrower_record(loan.borrower),
            project=project_record(loan.project) if loan.project is not None else None,
            pledges=tuple(pledge_record(p) for p in loan.pledges),
            state=state_in_session(session, actor, loan) if actor is not None else None,
            conditions=tuple(conditions_of(session, loan_id)),
            classification=classification_of(loan),
        )
