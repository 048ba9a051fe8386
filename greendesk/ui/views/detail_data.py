"""Everything the loan detail view shows, gathered from the services as plain records.

:func:`load_detail` reads what the title, the overview and the action buttons need in one unit of
work (``services.loan_view``). The parts only one tab shows are read when that tab is shown:
:func:`load_collateral` values the pledges as of today, :func:`load_history` reads the audit
trail; the schedule is computed on a worker thread (``services.terms.loan_schedule``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication

from greendesk.domain.errors import UserError
from greendesk.domain.roles import Action, Principal
from greendesk.services import audit, auth
from greendesk.services.assessment import LoanCollateralReport
from greendesk.services.audit import HistoryRow
from greendesk.services.loan_view import LoanView, read_loan_view, value_pledges
from greendesk.store.database import Database

# The title, the overview and the action buttons: one read (see services.loan_view).
LoanDetail = LoanView


@dataclass(frozen=True)
class CollateralView:
    report: LoanCollateralReport | None  # values, coverage and alerts as of today
    error: str | None  # why the pledges could not be valued, if they could not


@dataclass(frozen=True)
class HistoryView:
    rows: tuple[HistoryRow, ...]
    people: Mapping[str, str]  # user name -> display name


def load_detail(db: Database, actor: Principal | None, loan_id: int) -> LoanDetail:
    return read_loan_view(db, actor, loan_id)


def load_collateral(db: Database, loan_id: int) -> CollateralView:
    """The loan's pledges valued today; a pledge that cannot be valued is said, not raised."""
    try:
        return CollateralView(value_pledges(db, loan_id, date.today()), None)
    except UserError as exc:
        return CollateralView(None, str(exc))


def load_history(db: Database, actor: Principal | None, loan_id: int) -> HistoryView:
    """The loan's trail with the names of the people in it; empty for who may not see it."""
    if actor is not None and not actor.may(Action.VIEW_AUDIT):
        return HistoryView((), {})
    rows = tuple(audit.history(db, "loan", loan_id))
    return HistoryView(rows, _people(db) if rows else {})


def _people(db: Database) -> dict[str, str]:
    """Display names of the desk's users, and GreenDesk's own work named as such."""
    names = {u.username: u.display_name for u in auth.list_users(db)}
    own = QCoreApplication.translate("LoanDetail", "GreenDesk (automatic)")
    return {"system": own, "seed": own, **names}
