"""Query conditions shared by the services."""

from __future__ import annotations

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import aliased

from greendesk.store.models import Loan


def is_current_version() -> ColumnElement[bool]:
    """Loans not superseded by a newer application version (no later version names them).

    ``id NOT IN (the previous_ids in use)``: with the index on ``loans.previous_id`` the set is
    read once from the index (SQLite builds it once; PostgreSQL hashes it), where a correlated
    NOT EXISTS probes the index once per loan. ``IS NOT NULL`` keeps NOT IN's NULL trap away.
    """
    newer = aliased(Loan)
    return Loan.id.not_in(select(newer.previous_id).where(newer.previous_id.is_not(None)))
