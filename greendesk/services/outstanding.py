"""Outstanding principal of many loans on one day, read from the stored schedule aggregates;
and the check that lets a report trust a stored aggregate without building the loan's terms.

The rule is ``report_support.outstanding_principal``'s: for a disbursed loan, drawn by the day
(its drawdowns dated on or before it; the whole amount from the start date if it has none) minus
the principal falling due on or before it, never below zero; zero for any other status. The
principal due comes from the export's stored aggregates (``services.schedule_cache``), not from
a schedule built per loan.

An aggregate row is trusted only through a check row (``loan_schedule_aggregate_checks``): the
digest of everything the loan's TERMS are built from, as SQL reads it (the term columns, the
term rows of ``records.loan_rows.CHILDREN`` the schedule reads, the kept payment dates, the KPI
results setting its ratchet), with the desk's calendar version and the aggregate key those
inputs gave. With it go the loan's principal steps (``loan_principal_steps``: principal repaid
by each payment date, cumulative), so the principal due by any day is one index seek. A loan is
fast when its digest and the calendar version still match and the stored aggregate still has
that key (and the aggregate format, ``schedule_cache.FORMAT``); any other loan (never checked,
edited since, even by raw SQL, a new calendar, an aggregate recomputed or missing) is read and
goes through ``ScheduleCache``, and its aggregate, check and steps are stored for next time (in
short write transactions; a refused write only costs the next report the same work). Fresh
loans cost one query per table for the whole selection, never a query or an ORM load each.

The portfolio export reads its aggregates through the same check (``CheckedAggregates``), batch
by batch, and stores the checks of the loans it recomputes.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Select,
    and_,
    case,
    delete,
    func,
    insert,
    select,
    type_coerce,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import QueryableAttribute, Session
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import NullType

from greendesk.services.calendar import loan_kept_dates
from greendesk.services.records.loan_read import read_loans
from greendesk.services.records.loan_rows import CHILDREN, TERM_COLUMNS
from greendesk.services.report_support import LIVE
from greendesk.services.schedule_cache import FORMAT, ScheduleAggregate, ScheduleCache
from greendesk.store.database import Database
from greendesk.store.models import (
    KpiTestResult,
    Loan,
    LoanDrawdown,
    LoanPrincipalStep,
    LoanScheduleAggregate,
    LoanScheduleAggregateCheck,
)
from greendesk.store.types import utcnow

DIGEST_FORMAT = "in1"  # bump when what the digest covers changes
# the term rows a schedule is computed from: the lenders' split (and fees) never move principal
# or interest (``schedule_cache._terms`` drops them), the use of proceeds is not a term; a loan's
# KPI rows only say whether its decided tests set its ratchet
SCHEDULE_CHILDREN = ("drawdowns", "custom_principal", "ratchet_steps", "base_rate_path", "kpis")
BATCH = 500
log = logging.getLogger(__name__)
Selection = ColumnElement[bool]  # which loans: a condition on ``loans``


@dataclass(frozen=True)
class OutstandingRun:
    """One read's outstanding principals (live loans only) and how they were found."""

    outstanding: dict[int, Decimal]
    stored: int  # live loans read from a checked aggregate
    computed: int  # live loans loaded and put through the schedule cache


@dataclass
class _Live:
    """A disbursed loan as SQL reads it: its raw inputs (the digest's parts) and drawn fen."""

    loan_id: int
    reference: str
    terms: tuple[Any, ...]  # raw values of TERM_COLUMNS
    drawn_fen: int  # drawn by the day: its drawdowns dated by then, or its amount once started
    has_kpis: bool = False
    children: list[tuple[Any, ...]] = field(default_factory=list)


def _raw(column: Any) -> Any:
    """``column`` as the driver returns it (no type processing: the digest only compares)."""
    return type_coerce(column, NullType())


def _add_children(session: Session, live: Select[Any], loans: dict[int, _Live]) -> None:
    """Every term row of the live loans, one query per child table, raw, in seq order."""
    conn = session.connection()
    for relation, model, columns in CHILDREN:
        if relation not in SCHEDULE_CHILDREN:
            continue
        table = model.__table__
        query = (
            select(table.c.loan_id, *(_raw(table.c[c]) for c in columns))
            .where(table.c.loan_id.in_(live))
            .order_by(table.c.loan_id, table.c.seq)
        )
        for row in conn.execute(query).all():
            loan = loans[row[0]]
            loan.children.append((relation, *row[1:]))
            if relation == "kpis":
                loan.has_kpis = True


def _ratchet_results(session: Session) -> dict[str, tuple[tuple[Any, ...], ...]]:
    """The decided KPI tests that move a margin, by loan reference (``terms.ratchet_in_force``)."""
    found: dict[str, list[tuple[Any, ...]]] = {}
    query = (
        select(
            KpiTestResult.loan_reference,
            KpiTestResult.test_date,
            KpiTestResult.kpi_name,
            KpiTestResult.adjust_bps,
        )
        .where(KpiTestResult.adjust_bps != 0)
        .order_by(KpiTestResult.loan_reference, KpiTestResult.test_date, KpiTestResult.kpi_name)
    )
    for reference, *rest in session.execute(query):
        found.setdefault(reference, []).append(tuple(rest))
    return {k: tuple(v) for k, v in found.items()}


def _digest(session: Session, loan: _Live, ratchets: dict[str, tuple[Any, ...]]) -> str:
    kept = sorted(loan_kept_dates(session, loan.loan_id).items())
    tests = ratchets.get(loan.reference, ()) if loan.has_kpis else ()
    parts = (DIGEST_FORMAT, FORMAT, loan.terms, loan.children, kept, tests)
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _live_loans(session: Session, selection: Selection, as_of: date) -> dict[int, _Live]:
    """The selected disbursed loans with their raw term inputs and what they drew by ``as_of``."""
    live = select(Loan.id).where(selection, Loan.status.in_(LIVE))
    drawdowns = LoanDrawdown.__table__
    drawn = (
        select(
            drawdowns.c.loan_id,
            type_coerce(
                func.sum(case((drawdowns.c.date <= as_of, drawdowns.c.amount), else_=0)),
                BigInteger(),
            ).label("fen"),
        )
        .where(drawdowns.c.loan_id.in_(live))
        .group_by(drawdowns.c.loan_id)
        .subquery()
    )
    loans = Loan.__table__
    started = and_(loans.c.start_date.is_not(None), loans.c.start_date <= as_of)
    query = (
        select(
            loans.c.id,
            loans.c.reference,
            type_coerce(drawn.c.fen, BigInteger()),
            type_coerce(case((started, loans.c.amount), else_=0), BigInteger()),
            *(_raw(loans.c[c]) for c in TERM_COLUMNS),
        )
        .outerjoin(drawn, drawn.c.loan_id == loans.c.id)
        .where(selection, Loan.status.in_(LIVE))
    )
    out: dict[int, _Live] = {}
    rows = session.connection().execute(query).all()  # at once: no fetch step per row
    for loan_id, reference, drawn_fen, started_fen, *terms in rows:
        fen = int(drawn_fen) if drawn_fen is not None else int(started_fen)
        out[loan_id] = _Live(loan_id, reference, tuple(terms), fen)
    _add_children(session, live, out)
    return out


def _repaid_fen(as_of: date) -> Any:
    """The principal due on or before ``as_of`` of the checked loan, in fen: its last principal
    step by then (one seek on the steps' primary key), 0 before the first."""
    step, check = LoanPrincipalStep, LoanScheduleAggregateCheck
    last = (
        select(step.repaid_fen)
        .where(step.loan_id == check.loan_id, step.day <= as_of.toordinal())
        .order_by(step.day.desc())
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(last, 0)


def _checked(
    session: Session,
    selection: Selection,
    version: str,
    figure: ColumnElement[Any] | QueryableAttribute[Any],
) -> dict[int, tuple[str, Any]]:
    """(inputs digest, ``figure``) of the selected loans whose check names their stored
    aggregate's key under the desk's current calendar version; ``figure`` is read from the
    check and the aggregate (the principal due by a day, or the aggregate's periods)."""
    check, aggregate = LoanScheduleAggregateCheck, LoanScheduleAggregate
    query = (
        select(check.loan_id, check.inputs_digest, figure)
        .select_from(check)
        .join(
            aggregate,
            and_(aggregate.loan_id == check.loan_id, aggregate.terms_key == check.terms_key),
        )
        .join(Loan, Loan.id == check.loan_id)
        .where(selection, check.calendar_version == version)
    )
    rows = session.connection().execute(query).all()
    return {loan_id: (digest, value) for loan_id, digest, value in rows}


def _money(fen: int) -> Decimal:
    return Decimal(max(fen, 0)).scaleb(-2)


class CheckedAggregates:
    """Schedule aggregates trusted through their check rows, for one read session.

    A loan whose inputs digest still matches its check (under the current calendar, naming
    its stored aggregate's key) is fresh; any other goes through ``ScheduleCache`` (which
    reuses a stored aggregate whose key still matches the terms, else computes it) and gets
    its check and principal steps stored by ``flush``, with the cache's new aggregates.
    """

    def __init__(self, db: Database, session: Session, as_of: date) -> None:
        self.db = db
        self.session = session
        self.as_of = as_of
        self.cache = ScheduleCache(db, session)
        self.version = self.cache.calendar_version
        self.ratchets = _ratchet_results(session)
        self.checked = 0  # loans found fresh by their check
        self._checks: list[dict[str, Any]] = []
        self._steps: list[dict[str, int]] = []

    def digests(self, selection: Selection) -> dict[int, tuple[_Live, str]]:
        """The selected disbursed loans' raw inputs and their digest."""
        loans = _live_loans(self.session, selection, self.as_of)
        return {i: (loan, _digest(self.session, loan, self.ratchets)) for i, loan in loans.items()}

    def aggregates(self, loans: list[Loan]) -> dict[int, ScheduleAggregate]:
        """The aggregates of ``loans`` (disbursed, read in the session: ORM rows or
        ``records.loan_read`` stand-ins), stored when their check holds, else from the cache."""
        if not loans:
            return {}
        selection = Loan.id.in_([loan.id for loan in loans])
        digests = self.digests(selection)
        stored = _checked(self.session, selection, self.version, LoanScheduleAggregate.periods)
        out: dict[int, ScheduleAggregate] = {}
        stale: list[Loan] = []
        for loan in loans:
            found = stored.get(loan.id)
            if found is not None and found[0] == digests[loan.id][1]:
                out[loan.id] = ScheduleAggregate.from_json(found[1])
                continue
            stale.append(loan)
        self.checked += len(out)
        for loan_id, (aggregate, key) in self.cache.keyed(stale).items():
            self.record(loan_id, digests[loan_id][1], key, aggregate)
            out[loan_id] = aggregate
        return out

    def record(self, loan_id: int, digest: str, key: str, aggregate: ScheduleAggregate) -> None:
        """Store (at ``flush``) that ``digest`` gave the aggregate keyed ``key``."""
        self._checks.append({"loan_id": loan_id, "inputs_digest": digest,
                             "calendar_version": self.version, "terms_key": key})  # fmt: skip
        self._steps += _steps(loan_id, aggregate)

    def flush(self) -> None:
        """Store the aggregates computed and the checks recorded since the last flush."""
        self.cache.flush()
        if self._checks:
            checks, steps, self._checks, self._steps = self._checks, self._steps, [], []
            _store_checks(self.db, checks, steps)


def outstanding_principals(
    db: Database, session: Session, selection: Selection, as_of: date
) -> OutstandingRun:
    """The outstanding principal on ``as_of`` of each disbursed loan ``selection`` (a condition
    on ``loans``) selects; loans absent from the result are not disbursed (their outstanding is 0).

    The digests are read before any stale loan is loaded, so a check never pairs inputs newer
    than the terms its key was computed from.
    """
    state = CheckedAggregates(db, session, as_of)
    checked = _checked(session, selection, state.version, _repaid_fen(as_of))
    out: dict[int, Decimal] = {}
    stale: dict[int, tuple[_Live, str]] = {}
    for loan_id, (loan, digest) in state.digests(selection).items():
        found = checked.get(loan_id)
        if found is None or found[0] != digest:
            stale[loan_id] = (loan, digest)
            continue
        out[loan_id] = _money(loan.drawn_fen - int(found[1]))
    if stale:
        _compute(state, stale, out)
    return OutstandingRun(out, len(out) - len(stale), len(stale))


def _compute(
    state: CheckedAggregates, stale: dict[int, tuple[_Live, str]], out: dict[int, Decimal]
) -> None:
    """Read the stale loans in batches, take their aggregates from the schedule cache (stored
    when fresh, else computed and stored), and store their checks."""
    ids = list(stale)
    for start in range(0, len(ids), BATCH):
        loans = read_loans(state.session, ids[start : start + BATCH])
        for loan_id, (aggregate, key) in state.cache.keyed(list(loans.values())).items():
            live, digest = stale[loan_id]
            out[loan_id] = _money(live.drawn_fen - aggregate.repaid_fen(state.as_of))
            state.record(loan_id, digest, key, aggregate)
        state.flush()


def _steps(loan_id: int, aggregate: ScheduleAggregate) -> list[dict[str, int]]:
    """The aggregate's principal repaid by each principal payment date, cumulative."""
    by_day: dict[int, int] = {}
    repaid = 0
    for day, principal, _interest in aggregate.periods:
        if principal:
            repaid += principal
            by_day[day] = repaid
    return [{"loan_id": loan_id, "day": d, "repaid_fen": f} for d, f in sorted(by_day.items())]


def _store_checks(db: Database, checks: list[dict[str, Any]], steps: list[dict[str, int]]) -> None:
    """Replace the loans' checks and principal steps, in one write transaction."""
    now = utcnow()
    try:
        with db.session(write=True) as session:
            for start in range(0, len(checks), BATCH):
                ids = [c["loan_id"] for c in checks[start : start + BATCH]]
                for model in (LoanScheduleAggregateCheck, LoanPrincipalStep):
                    session.execute(delete(model).where(model.loan_id.in_(ids)))
            session.execute(
                insert(LoanScheduleAggregateCheck), [{**c, "checked_at": now} for c in checks]
            )
            if steps:
                session.execute(insert(LoanPrincipalStep), steps)
    except SQLAlchemyError as exc:  # an optimisation: the figures stand
        log.warning("schedule aggregate checks not stored (%s); the next report recomputes", exc)
