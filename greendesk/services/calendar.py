"""The desk's CN holiday calendar: official years (shipped, then loaded by an administrator),
projected years after them, and the re-derivation of stored loans when a notice is loaded.

- ``desk_holidays`` lays the years in ``calendar_years`` over the shipped file; every schedule
  the services compute (window, memo, workbook) uses it.
- ``import_year`` loads one year from a notice file (``domain.calendar_file``) in ONE
  transaction: the year's days, an audit event for the year, and for every CN loan with dates in
  that year its re-derived schedule calendar and an audit event (``loan.calendar_rederive``)
  listing the periods whose payment date or interest moved. A year already official (shipped or
  loaded) is refused unless ``replace``; a year that would leave a gap is refused.
- Periods already paid stay untouched: for a loan ``disbursed`` the periods whose payment date
  (under the calendar in force before the load) is before ``as_of``, for a loan ``closed`` every
  period, keep that date; it is stored in ``loan_schedule_calendars.kept_dates`` so later
  schedules and later loads keep it too. Drawdowns are terms, never moved by a calendar.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session, selectinload

from greendesk.domain.calendar import (
    Basis,
    CalendarStamp,
    ChinaCalendar,
    HolidayData,
    OfficialYear,
    calendar_stamp,
    cn_holiday_data,
    merge_official,
    projected_closed,
)
from greendesk.domain.calendar_file import parse_calendar_file
from greendesk.domain.cn_projection import (
    LAST_PROJECTED_YEAR,
    PROJECTION_RULE,
    projected_days_off,
)
from greendesk.domain.errors import InvalidInput, UserError
from greendesk.domain.roles import Action
from greendesk.domain.schedule import Schedule, build_schedule, parse_terms
from greendesk.domain.schedule.dates import PeriodDates, period_dates, terms_calendar
from greendesk.domain.validation import LIMITS
from greendesk.services import audit
from greendesk.services.records._unit import Actor, permit, write_unit
from greendesk.services.terms import loan_terms
from greendesk.store.database import Database
from greendesk.store.models import CalendarDay, CalendarYear, Loan, LoanScheduleCalendar
from greendesk.store.types import utcnow

_CACHE_KEY = "greendesk.desk_holidays"
_KEPT_KEY = "greendesk.kept_dates"
SETTLED_STATUSES = ("disbursed", "closed")


@dataclass(frozen=True)
class MovedPeriod:
    no: int
    old_date: date
    new_date: date
    old_interest: Decimal
    new_interest: Decimal


@dataclass(frozen=True)
class RederivedLoan:
    loan_id: int
    reference: str
    old_version: str
    new_version: str
    moved: tuple[MovedPeriod, ...]
    kept: tuple[int, ...]  # periods kept at their paid date although the new calendar moves them


@dataclass(frozen=True)
class ImportResult:
    year: int
    replaced: bool
    holidays: int
    workdays: int
    old_version: str
    new_version: str
    rederived: int  # loans with dates in the year (each has its audit event)
    moved: tuple[RederivedLoan, ...]  # those whose dates or interest moved
    not_rederived: tuple[str, ...] = ()  # loans whose terms the calendar cannot date, with why


@dataclass(frozen=True)
class CalendarDayView:
    day: date
    kind: str  # holiday | workday
    name: str


@dataclass(frozen=True)
class YearView:
    year: int
    basis: str  # official | projected | none
    source: str  # one line saying where the days come from (the CLI prints it)
    days: tuple[CalendarDayView, ...] = field(default=())
    official_through: int | None = None
    notice: str = ""  # the notice's title, when known
    file_name: str | None = None  # loaded years: the file, who loaded it and when
    loaded_by: str | None = None
    loaded_on: date | None = None


# --- reading the desk's calendar -------------------------------------------------------------


def _imported(session: Session) -> list[OfficialYear]:
    rows = session.scalars(select(CalendarYear).order_by(CalendarYear.year)).all()
    out: list[OfficialYear] = []
    for row in rows:
        out.append(
            OfficialYear(
                row.year,
                frozenset(d.day for d in row.days if d.kind == "holiday"),
                frozenset(d.day for d in row.days if d.kind == "workday"),
                f"loaded {row.imported_at.date().isoformat()} by {row.imported_by} from "
                f"{row.file_name}" + (f": {row.notice}" if row.notice else ""),
                {d.day: d.name for d in row.days if d.name},
            )
        )
    return out


def desk_holidays(session: Session) -> HolidayData:
    """Shipped official years with the loaded ones laid over them (cached per session)."""
    cached = session.info.get(_CACHE_KEY)
    if isinstance(cached, HolidayData):
        return cached
    imported = _imported(session)
    data = merge_official(cn_holiday_data(), imported) if imported else cn_holiday_data()
    session.info[_CACHE_KEY] = data
    return data


def desk_holiday_data(db: Database) -> HolidayData:
    """The desk's official years, for callers without a session (``greendesk schedule --db``)."""
    with db.session() as session:
        return desk_holidays(session)


def kept_dates(session: Session, loan_id: int) -> dict[int, date]:
    row = session.get(LoanScheduleCalendar, loan_id)
    if row is None:
        return {}
    return {int(no): date.fromisoformat(text) for no, text in (row.kept_dates or {}).items()}


def _kept_index(session: Session) -> dict[int, dict[int, date]]:
    """Every loan's kept dates, read once per (read) session: few loans have any."""
    cached = session.info.get(_KEPT_KEY)
    if isinstance(cached, dict):
        return cached
    index: dict[int, dict[int, date]] = {}
    for loan_id, kept in session.execute(
        select(LoanScheduleCalendar.loan_id, LoanScheduleCalendar.kept_dates)
    ):
        if kept:
            index[loan_id] = {int(no): date.fromisoformat(text) for no, text in kept.items()}
    session.info[_KEPT_KEY] = index
    return index


def loan_kept_dates(session: Session, loan_id: int) -> dict[int, date]:
    """``loan_id``'s paid periods kept at their dates (from the per-session index)."""
    return _kept_index(session).get(loan_id, {})


def desk_calendar_version(session: Session) -> str:
    """The version of the desk's CN calendar (official years and projection rule)."""
    return _version(desk_holidays(session))


def stored_schedule(session: Session, loan: Loan, borrower_only: bool = False) -> Schedule:
    """A stored loan's schedule on the desk's calendar, paid periods kept at their dates.

    ``borrower_only`` leaves out the lenders' split and the fees (the portfolio export needs
    only principal and interest, for thousands of loans).
    """
    terms = loan_terms(loan, session)
    if borrower_only:
        terms.pop("lenders", None)
        terms.pop("fees", None)
    kept = _kept_index(session).get(loan.id, {})
    return _SCHEDULES.build(terms, desk_holidays(session), kept)


class _ScheduleCache:
    """Schedules already computed in this process, keyed by everything they depend on.

    A schedule is a pure function of the TERMS document, the official days (their digest) and
    the payment dates kept as paid, and it is immutable: an officer clicking back and forth
    through the list, the memo and the workbook can share one. Bounded, least recently used
    first out; safe to use from worker threads.
    """

    def __init__(self, size: int) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._items: OrderedDict[tuple[str, str, tuple[tuple[int, date], ...]], Schedule] = (
            OrderedDict()
        )

    def build(
        self, terms: dict[str, Any], holidays: HolidayData, kept: Mapping[int, date]
    ) -> Schedule:
        key = (json.dumps(terms, sort_keys=True, default=str), holidays.digest,
               tuple(sorted(kept.items())))  # fmt: skip
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found
        schedule = build_schedule(parse_terms(terms), holidays, kept)
        with self._lock:
            self._items[key] = schedule
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return schedule


_SCHEDULES = _ScheduleCache(512)


def record_loan_calendar(
    session: Session,
    loan: Loan,
    actor: str,
    schedule: Schedule | None = None,
    kept: dict[int, date] | None = None,
) -> Schedule:
    """Store which calendar ``loan``'s schedule uses now (after a save or a re-derivation)."""
    if kept is None:
        kept = kept_dates(session, loan.id)
    if schedule is None:
        schedule = build_schedule(parse_terms(loan_terms(loan)), desk_holidays(session), kept)
    _store_stamp(session, loan.id, schedule.calendar, schedule.projected_years(), kept, actor)
    return schedule


def _store_stamp(
    session: Session,
    loan_id: int,
    stamp: CalendarStamp,
    projected_years: list[int],
    kept: Mapping[int, date],
    actor: str,
) -> None:
    row = session.get(LoanScheduleCalendar, loan_id)
    if row is None:
        row = LoanScheduleCalendar(loan_id=loan_id)
        session.add(row)
    row.calendar_version = stamp.version
    row.official_through = stamp.official_through
    row.projection_rule = stamp.projection_rule
    row.projected_years = projected_years
    row.kept_dates = {str(no): day.isoformat() for no, day in sorted(kept.items())}
    row.derived_at = utcnow()
    row.derived_by = actor


# --- show -----------------------------------------------------------------------------------


def show_year(db: Database, year: int) -> YearView:
    """What the desk believes of ``year``: its official days and source, or the projection."""
    if not 1990 <= year <= LAST_PROJECTED_YEAR:
        raise UserError(f"year: {year} is outside 1990–{LAST_PROJECTED_YEAR}")
    with db.session() as session:
        data = desk_holidays(session)
        loaded = session.get(CalendarYear, year)
        loaded_facts: dict[str, Any] = (
            {
                "notice": loaded.notice,
                "file_name": loaded.file_name,
                "loaded_by": loaded.imported_by,
                "loaded_on": loaded.imported_at.date(),
            }
            if loaded is not None
            else {}
        )
    through = data.last_year
    if year in data.years:
        entry = next(y for y in data.official_years() if y.year == year)
        days = [CalendarDayView(d, "holiday", entry.names.get(d, "")) for d in entry.holidays]
        days += [CalendarDayView(d, "workday", entry.names.get(d, "")) for d in entry.working_days]
        facts = loaded_facts or {"notice": entry.source.removeprefix("shipped: ")}
        return YearView(
            year,
            Basis.OFFICIAL.value,
            entry.source,
            tuple(sorted(days, key=_day)),
            through,
            **facts,
        )
    if year > data.last_year:
        names = {d: n for y in (year, year + 1) if y <= LAST_PROJECTED_YEAR
                 for d, n in projected_days_off(y)}  # fmt: skip
        days = [CalendarDayView(d, "holiday", names.get(d, "")) for d in projected_closed(year)]
        source = (
            f"projected: statutory days of the 2024 amendment and bridging rule "
            f"{PROJECTION_RULE}; no make-up working weekends (official through {data.last_year})"
        )
        return YearView(year, Basis.PROJECTED.value, source, tuple(sorted(days, key=_day)), through)
    return YearView(year, "none", f"no CN holiday data before {data.first_year}", (), through)


def _day(view: CalendarDayView) -> date:
    return view.day


# --- import and re-derivation ---------------------------------------------------------------


def _year_snapshot(entry: OfficialYear) -> dict[str, Any]:
    return {
        "year": entry.year,
        "source": entry.source,
        "holidays": sorted(d.isoformat() for d in entry.holidays),
        "workdays": sorted(d.isoformat() for d in entry.working_days),
    }


def _check_place(old: HolidayData, year: int, replace: bool) -> None:
    if year in old.years:
        if not replace:
            raise UserError(
                f"year: {year} is already official ({old.sources.get(year, 'shipped')}); "
                "give --replace to load the notice over it"
            )
        return
    if year not in (old.first_year - 1, old.last_year + 1):
        raise UserError(
            f"year: {year} would leave a gap: the official years are "
            f"{old.first_year}–{old.last_year}; load {old.last_year + 1} first"
        )


# the parts of a loan its TERMS are built from, loaded with the loans (no lazy load per loan)
_TERM_PARTS = (
    Loan.drawdowns,
    Loan.custom_principal,
    Loan.ratchet_steps,
    Loan.base_rate_path,
    Loan.kpis,
    Loan.use_of_proceeds,
    Loan.syndicate_shares,
)


def _loans_in_year(session: Session, year: int) -> Iterable[Loan]:
    """CN loans whose dates may fall in ``year`` (a payment may roll a few days across)."""
    first, last = date(year - 1, 12, 1), date(year + 1, 1, 31)
    return session.scalars(
        select(Loan)
        .options(*(selectinload(rel) for rel in _TERM_PARTS))
        .where(Loan.calendar == "CN", Loan.start_date.is_not(None), Loan.start_date <= last)
        .where(or_(Loan.maturity_date.is_(None), Loan.maturity_date >= first))
        .order_by(Loan.id)
    ).all()


def _settled(loan: Loan, periods: list[PeriodDates], as_of: date) -> list[int]:
    if loan.status == "closed":
        return [p.no for p in periods]
    if loan.status == "disbursed":
        return [p.no for p in periods if p.payment_date < as_of]
    return []


def _period_json(p: Any) -> dict[str, Any]:
    return {"no": p.no, "payment_date": p.payment_date.isoformat(), "interest": str(p.interest)}


def _rederive(
    session: Session, loan: Loan, old_data: HolidayData, new_data: HolidayData, year: int,
    as_of: date, actor: Actor,
) -> RederivedLoan | None:  # fmt: skip
    """Dates first (cheap); the full schedules only for a loan whose payment dates move, since
    interest and principal depend on the calendar through the payment dates alone."""
    terms = parse_terms(loan_terms(loan))
    kept = kept_dates(session, loan.id)  # the stamps are loaded: no query per loan
    old_cal, new_cal = terms_calendar(terms, old_data), terms_calendar(terms, new_data)
    old_dates = period_dates(terms, old_cal, kept)
    if not any(year in (p.end.year, p.payment_date.year) for p in old_dates):
        return None
    first_try = period_dates(terms, new_cal, kept)
    new_kept = dict(kept)
    for no in _settled(loan, old_dates, as_of):
        if old_dates[no - 1].payment_date != first_try[no - 1].payment_date:
            new_kept[no] = old_dates[no - 1].payment_date
    new_dates = first_try if new_kept == kept else period_dates(terms, new_cal, new_kept)
    old_stamp, new_stamp = calendar_stamp(old_cal), calendar_stamp(new_cal)
    pairs: list[tuple[Any, Any]] = []
    if [p.payment_date for p in old_dates] != [p.payment_date for p in new_dates]:
        old = build_schedule(terms, old_data, kept)
        new = build_schedule(terms, new_data, new_kept)
        pairs = [
            (o, n)
            for o, n in zip(old.periods, new.periods, strict=True)
            if o.payment_date != n.payment_date or o.interest != n.interest
        ]
    projected = sorted({p.payment_date.year for p in new_dates if p.basis is Basis.PROJECTED})
    _store_stamp(session, loan.id, new_stamp, projected, new_kept, actor.username)
    newly_kept = tuple(sorted(set(new_kept) - set(kept)))
    audit.record(
        session,
        actor,
        "loan.calendar_rederive",
        ("loan", loan.id),
        {"calendar_version": old_stamp.version, "periods": [_period_json(o) for o, _ in pairs]},
        {
            "calendar_version": new_stamp.version,
            "periods": [_period_json(n) for _, n in pairs],
            "kept_paid_periods": list(newly_kept),
            "loaded_year": year,
        },
    )
    return RederivedLoan(
        loan.id,
        loan.reference,
        old_stamp.version,
        new_stamp.version,
        tuple(
            MovedPeriod(o.no, o.payment_date, n.payment_date, o.interest, n.interest)
            for o, n in pairs
        ),
        newly_kept,
    )


def import_year(
    db: Database,
    actor: Actor,
    data: bytes,
    file_name: str,
    *,
    replace: bool = False,
    year: int | None = None,
    notice: str = "",
    as_of: date | None = None,
) -> ImportResult:
    """Load one official year from a notice file and re-derive the loans dated in it."""
    permit(actor, Action.EDIT_REFERENCE_DATA)
    entry = parse_calendar_file(data, file_name, year=year, notice=notice)
    source = entry.source if entry.source != file_name else ""  # the notice's title, if given
    if len(source) > LIMITS["source"] or len(file_name) > LIMITS["source"]:
        raise UserError(f"notice: longer than {LIMITS['source']} characters")
    as_of = as_of or date.today()
    with write_unit(db, f"calendar {entry.year}") as session:
        old_data = desk_holidays(session)
        _check_place(old_data, entry.year, replace)
        previous = next((y for y in old_data.official_years() if y.year == entry.year), None)
        try:
            new_data = merge_official(old_data, [entry])
        except ValueError as exc:
            raise UserError(f"{file_name}: {exc}") from None
        session.execute(delete(CalendarDay).where(CalendarDay.year == entry.year))
        session.execute(delete(CalendarYear).where(CalendarYear.year == entry.year))
        session.flush()
        row = CalendarYear(
            year=entry.year, notice=source, file_name=file_name, imported_by=actor.username
        )
        row.days = [
            CalendarDay(day=d, kind=kind, name=entry.names.get(d) or None)
            for kind, days in (("holiday", entry.holidays), ("workday", entry.working_days))
            for d in sorted(days)
        ]
        session.add(row)
        audit.record(
            session,
            actor,
            "calendar.replace" if previous else "calendar.import",
            ("calendar", entry.year),
            _year_snapshot(previous) if previous else None,
            {**_year_snapshot(entry), "file": file_name},
        )
        _held = session.scalars(select(LoanScheduleCalendar)).all()  # held in the identity map
        moved: list[RederivedLoan] = []
        skipped: list[str] = []
        rederived = 0
        for loan in _loans_in_year(session, entry.year):
            try:
                result = _rederive(session, loan, old_data, new_data, entry.year, as_of, actor)
            except InvalidInput as exc:
                skipped.append(f"{loan.reference}: {exc}")
                continue
            if result is None:
                continue
            rederived += 1
            if result.moved or result.kept:
                moved.append(result)
        session.info[_CACHE_KEY] = new_data
        session.info.pop(_KEPT_KEY, None)
        return ImportResult(
            year=entry.year,
            replaced=previous is not None,
            holidays=len(entry.holidays),
            workdays=len(entry.working_days),
            old_version=_version(old_data),
            new_version=_version(new_data),
            rederived=rederived,
            moved=tuple(moved),
            not_rederived=tuple(skipped),
        )


def _version(data: HolidayData) -> str:
    return ChinaCalendar(data).stamp().version
