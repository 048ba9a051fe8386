"""The base rate in force on a day, from the reference rate table (LPR 1Y / 5Y and their dates).

The loan editor pre-fills a floating loan's base rate with the rate in force on its start date
(the latest published on or before it), so the officer confirms the table's figure rather than
typing it; the window says which publication it came from.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from greendesk.services.records.results import RateRecord
from greendesk.store.database import Database
from greendesk.store.models import ReferenceRate


def rate_in_force(db: Database, name: str, on: date) -> RateRecord | None:
    """Rate ``name`` as published with the latest effective date on or before ``on``."""
    with db.session() as session:
        row = session.scalars(
            select(ReferenceRate)
            .where(ReferenceRate.name == name.strip(), ReferenceRate.effective_date <= on)
            .order_by(ReferenceRate.effective_date.desc())
            .limit(1)
        ).first()
        if row is None:
            return None
        return RateRecord(row.id, row.name, row.effective_date, row.rate, row.source)
