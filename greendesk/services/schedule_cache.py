"""Each loan's borrower schedule as the portfolio export reads it, stored and recomputed only
when stale (issue 13 point 3).

The export needs, per disbursed loan, only the payment date, principal and interest of each
period. Computing 60,000 schedules took ~40 % of an export, so the periods are stored in
``loan_schedule_aggregates`` under a key: the SHA-256 of the schedule terms (as
``services.calendar.stored_schedule`` builds them), the kept payment dates, the desk's calendar
version and ``FORMAT``. Any change to the terms, a loaded holiday notice, a re-derivation that
keeps dates, or a new aggregate format changes the key, and the row is recomputed on the next
export. Amounts are integer fen (the engine rounds every period to the fen).
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from greendesk.domain.schedule import build_schedule, parse_terms
from greendesk.services.calendar import desk_calendar_version, desk_holidays, loan_kept_dates
from greendesk.services.terms import loan_terms
from greendesk.store.database import Database
from greendesk.store.models import Loan, LoanScheduleAggregate
from greendesk.store.types import utcnow

FORMAT = "agg1"  # bump when the stored aggregate or the engine's results change
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScheduleAggregate:
    """A loan's paying periods: (payment date ordinal, principal fen, interest fen)."""

    periods: tuple[tuple[int, int, int], ...]

    def repaid_fen(self, as_of: date) -> int:
        """Principal falling due on or before ``as_of``, in fen."""
        day = as_of.toordinal()
        return sum(p for d, p, _ in self.periods if d <= day)

    @classmethod
    def from_json(cls, text: str) -> ScheduleAggregate:
        """The aggregate stored as ``periods`` (``to_json``)."""
        return cls(tuple(map(tuple, json.loads(text))))

    def to_json(self) -> str:
        return json.dumps(self.periods, separators=(",", ":"))


def _fen(amount: Decimal) -> int:
    fen = amount.scaleb(2)
    if fen != fen.to_integral_value():
        raise ValueError(f"schedule amount {amount} is not a whole number of fen")
    return int(fen)


def _terms(loan: Loan, session: Session) -> dict[str, Any]:
    terms = loan_terms(loan, session)
    terms.pop("lenders", None)  # the lenders' split and fees do not move principal or interest
    terms.pop("fees", None)
    return terms


def terms_key(terms: dict[str, Any], kept: dict[int, date], calendar_version: str) -> str:
    """The cache key of a schedule: terms, kept dates, calendar version and format."""
    text = json.dumps(
        [FORMAT, calendar_version, terms, sorted((n, d.isoformat()) for n, d in kept.items())],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(text.encode()).hexdigest()


class ScheduleCache:
    """One export's view of the stored aggregates: reads them per batch, computes stale ones.

    New and recomputed rows are written by ``flush`` in their own short write transaction, so
    the export's read session never holds SQLite's write lock; if the database refuses the write
    (a read-only file, a concurrent writer) the export goes on with the computed figures.
    """

    def __init__(self, db: Database, session: Session) -> None:
        self.db = db
        self.session = session
        self.calendar_version = desk_calendar_version(session)
        self.pending: dict[int, tuple[str, str]] = {}
        self.computed = 0
        self.reused = 0

    def aggregates(self, loans: list[Loan]) -> dict[int, ScheduleAggregate]:
        """The aggregates of ``loans`` (read in the session), stored or freshly computed."""
        return {loan_id: found[0] for loan_id, found in self.keyed(loans).items()}

    def keyed(self, loans: list[Loan]) -> dict[int, tuple[ScheduleAggregate, str]]:
        """Each of ``loans``' aggregate with its key (``terms_key``), stored or computed.

        ``loans`` are ORM rows or ``records.loan_read`` stand-ins: only attributes are read."""
        if not loans:
            return {}
        stored = {
            row.loan_id: (row.terms_key, row.periods)
            for row in self.session.execute(
                select(
                    LoanScheduleAggregate.loan_id,
                    LoanScheduleAggregate.terms_key,
                    LoanScheduleAggregate.periods,
                ).where(LoanScheduleAggregate.loan_id.in_([loan.id for loan in loans]))
            )
        }
        out: dict[int, tuple[ScheduleAggregate, str]] = {}
        for loan in loans:
            terms = _terms(loan, self.session)
            kept = loan_kept_dates(self.session, loan.id)
            key = terms_key(terms, kept, self.calendar_version)
            found = stored.get(loan.id)
            if found is not None and found[0] == key:
                out[loan.id] = (ScheduleAggregate.from_json(found[1]), key)
                self.reused += 1
                continue
            schedule = build_schedule(parse_terms(terms), desk_holidays(self.session), kept)
            aggregate = ScheduleAggregate(
                tuple(
                    (p.payment_date.toordinal(), _fen(p.principal), _fen(p.interest))
                    for p in schedule.periods
                    if p.principal or p.interest
                )
            )
            out[loan.id] = (aggregate, key)
            self.pending[loan.id] = (key, aggregate.to_json())
            self.computed += 1
        return out

    def flush(self) -> None:
        """Store the rows computed since the last flush (replacing stale ones)."""
        if not self.pending:
            return
        pending, self.pending = self.pending, {}
        try:
            with self.db.session(write=True) as session:
                ids = list(pending)
                session.execute(
                    delete(LoanScheduleAggregate).where(LoanScheduleAggregate.loan_id.in_(ids))
                )
                now = utcnow()
                session.execute(
                    insert(LoanScheduleAggregate),
                    [
                        {"loan_id": i, "terms_key": k, "periods": p, "computed_at": now}
                        for i, (k, p) in pending.items()
                    ],
                )
        except SQLAlchemyError as exc:  # the cache is an optimisation: the export stands
            log.warning("schedule cache not stored (%s); the next export recomputes", exc)
