"""Everything the loan detail view shows, gathered from the services as plain records.

One function, :func:`load_detail`, reads the loan, its borrower, project, pledges, history and
workflow state; the schedule is computed separately (``services.terms.loan_schedule``) on a worker
thread, because a long syndicated loan's schedule is the one slow part.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QCoreApplication

from greendesk.domain.errors import UserError
from greendesk.domain.roles import Action, Principal
from greendesk.services import audit, auth, conditions, workflow
from greendesk.services.assessment import (
    LoanCollateralReport,
    StoredClassification,
    collateral_report,
    stored_classification,
)
from greendesk.services.audit import HistoryRow
from greendesk.services.conditions import ConditionInfo
from greendesk.services.records.borrowers import get_borrower
from greendesk.services.records.loans import get_loan
from greendesk.services.records.pledges import list_pledges
from greendesk.services.records.projects import get_project
from greendesk.services.records.results import (
    BorrowerRecord,
    LoanRecord,
    PledgeRecord,
    ProjectRecord,
)
from greendesk.services.workflow import WorkflowState
from greendesk.store.database import Database


@dataclass(frozen=True)
class LoanDetail:
    loan: LoanRecord
    borrower: BorrowerRecord
    project: ProjectRecord | None
    pledges: tuple[PledgeRecord, ...]
    history: tuple[HistoryRow, ...]
    state: WorkflowState | None
    collateral: LoanCollateralReport | None  # values, coverage and alerts as of today
    collateral_error: str | None  # why the pledges could not be valued, if they could not
    conditions: tuple[ConditionInfo, ...] = ()  # conditions precedent of the approval
    people: Mapping[str, str] = field(default_factory=dict)  # user name -> display name

    def may(self, action: Action) -> bool:
        """Whether the signed-in user may take ``action`` on this loan now."""
        return self.state is not None and action in self.state.allowed


def _collateral(db: Database, reference: str) -> tuple[LoanCollateralReport | None, str | None]:
    try:
        reports = collateral_report(db, reference, date.today())
    except UserError as exc:
        return None, str(exc)
    return (reports[0] if reports else None), None


def load_detail(db: Database, actor: Principal | None, loan_id: int) -> LoanDetail:
    loan = get_loan(db, loan_id)
    borrower = get_borrower(db, loan.borrower_id)
    project = get_project(db, loan.project_id) if loan.project_id is not None else None
    state = workflow.workflow_state(db, actor, loan_id) if actor is not None else None
    history: tuple[HistoryRow, ...] = ()
    if actor is None or actor.may(Action.VIEW_AUDIT):
        history = tuple(audit.history(db, "loan", loan_id))
    collateral, collateral_error = _collateral(db, loan.reference)
    return LoanDetail(
        loan=loan,
        borrower=borrower,
        project=project,
        pledges=tuple(list_pledges(db, loan_id)),
        history=history,
        state=state,
        collateral=collateral,
        collateral_error=collateral_error,
        conditions=tuple(conditions.list_conditions(db, loan_id)),
        people=_people(db) if history else {},
    )


def _people(db: Database) -> dict[str, str]:
    """Display names of the desk's users, and GreenDesk's own work named as such."""
    names = {u.username: u.display_name for u in auth.list_users(db)}
    own = QCoreApplication.translate("LoanDetail", "GreenDesk (automatic)")
    return {"system": own, "seed": own, **names}


def load_classification(db: Database, loan_id: int) -> StoredClassification | None:
    """The engine's stored classification with its findings in both languages.

    The same stored result the credit memo prints; ``None`` when the loan has not been
    classified yet. The view picks the language when it shows it.
    """
    return stored_classification(db, loan_id)
