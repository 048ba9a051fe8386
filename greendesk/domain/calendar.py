"""Business-day calendars and business-day conventions for payment dates.

Two calendars exist:

- ``NONE``: every day is a business day, so no date ever moves (used for textbook schedules).
- ``CN``: Saturdays, Sundays and the public holidays of mainland China are closed; the adjusted
  working weekend days (调休) announced with the holidays are business days.

A ``CN`` year has one of three bases:

- ``official``: the State Council's notice for the year, exact. The shipped years are in
  ``resources/calendars/cn_holidays.json``; an administrator adds later ones to the desk's
  database (``greendesk calendar import``), which ``merge_official`` lays over the shipped ones.
- ``projected``: every year after the last official one up to 2100, from the statutory days and
  the bridging rule of ``greendesk.domain.cn_projection`` (``PROJECTION_RULE``); no make-up
  working weekends are guessed.
- ``weekends``: only when the caller asks for ``beyond_coverage="weekends"`` (the behaviour
  before projection existed): years without a notice roll over Saturdays and Sundays only.

``beyond_coverage="error"`` refuses dates outside the official years with
``CalendarCoverageError``. Years before the first official year are refused unless "weekends".
A ``CalendarStamp`` names the data a schedule's dates rest on (official through which year, the
projection rule, a digest of the official days) so stored schedules and memos can say it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum
from functools import cache, cached_property

from greendesk.domain.cn_projection import LAST_PROJECTED_YEAR, PROJECTION_RULE, projected_days_off
from greendesk.paths import resources_dir

_ONE_DAY = timedelta(days=1)


class BusinessDay(Enum):
    """How a payment date that is not a business day is moved."""

    FOLLOWING = "following"
    MODIFIED_FOLLOWING = "modified_following"
    PRECEDING = "preceding"
    UNADJUSTED = "unadjusted"


class BeyondCoverage(Enum):
    """What the CN calendar does with a date in a year without an official notice."""

    PROJECT = "project"
    WEEKENDS = "weekends"
    ERROR = "error"


class Basis(Enum):
    """What a payment date's business days rest on."""

    OFFICIAL = "official"
    PROJECTED = "projected"
    WEEKENDS = "weekends"
    NONE = "none"  # the NONE calendar: no date moves

    @property
    def rank(self) -> int:
        """Weaker bases rank higher; a period spanning two years takes the weaker one."""
        return {"none": 0, "official": 1, "projected": 2, "weekends": 3}[self.value]


class CalendarCoverageError(ValueError):
    """A date falls outside the years the holiday data covers."""

    def __init__(self, day: date, first_year: int, last_year: int) -> None:
        self.day = day
        self.first_year = first_year
        self.last_year = last_year
        super().__init__(
            f"{day.isoformat()} is outside the CN holiday data, which covers "
            f"{first_year}–{last_year} only"
        )


@dataclass(frozen=True)
class OfficialYear:
    """One year's official schedule: days off (weekends inside blocks included), 调休 days."""

    year: int
    holidays: frozenset[date]
    working_days: frozenset[date]
    source: str
    names: Mapping[date, str] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class HolidayData:
    """The official years as sets of dates, for constant-time look-ups."""

    years: frozenset[int]
    holidays: frozenset[date]
    working_days: frozenset[date]
    sources: Mapping[int, str] = field(default_factory=dict, compare=False)
    names: Mapping[date, str] = field(default_factory=dict, compare=False)

    @property
    def first_year(self) -> int:
        return min(self.years)

    @property
    def last_year(self) -> int:
        return max(self.years)

    @cached_property
    def digest(self) -> str:
        """First 8 hex digits of SHA-256 over the official days: changes with any day."""
        lines = sorted(
            [f"{d.isoformat()} holiday" for d in self.holidays]
            + [f"{d.isoformat()} workday" for d in self.working_days]
        )
        text = ",".join(str(y) for y in sorted(self.years)) + "\n" + "\n".join(lines)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]

    def official_years(self) -> list[OfficialYear]:
        return [
            OfficialYear(
                year,
                frozenset(d for d in self.holidays if d.year == year),
                frozenset(d for d in self.working_days if d.year == year),
                self.sources.get(year, ""),
                {d: n for d, n in self.names.items() if d.year == year},
            )
            for year in sorted(self.years)
        ]


def _contiguous(years: Iterable[int]) -> bool:
    ordered = sorted(years)
    return bool(ordered) and ordered == list(range(ordered[0], ordered[-1] + 1))


def build_holiday_data(years: Iterable[OfficialYear]) -> HolidayData:
    """Holiday data from official years, which must be consecutive and not contradict."""
    entries = list(years)
    if not _contiguous(y.year for y in entries):
        raise ValueError("official years must be a non-empty run of consecutive years")
    holidays: set[date] = set()
    working: set[date] = set()
    names: dict[date, str] = {}
    for entry in entries:
        holidays |= entry.holidays
        working |= entry.working_days
        names.update(entry.names)
    clash = holidays & working
    if clash:
        raise ValueError(f"dates both holiday and working day: {sorted(clash)}")
    return HolidayData(
        frozenset(y.year for y in entries),
        frozenset(holidays),
        frozenset(working),
        {y.year: y.source for y in entries},
        names,
    )


def merge_official(shipped: HolidayData, imported: Iterable[OfficialYear]) -> HolidayData:
    """The shipped years with imported ones laid over them (an imported year replaces)."""
    by_year = {y.year: y for y in shipped.official_years()}
    for entry in imported:
        by_year[entry.year] = entry
    return build_holiday_data(by_year[y] for y in sorted(by_year))


@cache
def cn_holiday_data() -> HolidayData:
    """Load the shipped ``cn_holidays.json`` once; it must list contiguous covered years."""
    path = resources_dir() / "calendars" / "cn_holidays.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    years = frozenset(int(y) for y in raw["covered_years"])
    if not _contiguous(years):
        raise ValueError(f"{path}: covered_years must be a non-empty run of consecutive years")
    entries: list[OfficialYear] = []
    for entry in raw["years"]:
        holidays: set[date] = set()
        names: dict[date, str] = {}
        for block in entry["holidays"]:
            day = date.fromisoformat(block["from"])
            last = date.fromisoformat(block["to"])
            while day <= last:
                holidays.add(day)
                names[day] = block["name"]
                day += _ONE_DAY
        working = frozenset(date.fromisoformat(text) for text in entry["working_days"])
        for day in working:
            names[day] = "调休上班"
        source = f"shipped: {entry.get('notice', '')}".strip()
        entries.append(OfficialYear(entry["year"], frozenset(holidays), working, source, names))
    if {e.year for e in entries} != years:
        raise ValueError(f"{path}: years listed differ from covered_years")
    try:
        return build_holiday_data(entries)
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from None


@dataclass(frozen=True)
class CalendarStamp:
    """Which calendar a schedule's dates use: stored with a loan's schedule, printed in memos."""

    name: str
    official_first: int | None = None
    official_through: int | None = None
    official_digest: str | None = None
    projection_rule: str | None = None  # None when the schedule asked for weekends/error
    projected_through: int | None = None

    @property
    def version(self) -> str:
        if self.name != "CN":
            return self.name.lower()
        text = f"cn:official-{self.official_first}-{self.official_through}:{self.official_digest}"
        if self.projection_rule:
            text += f":projection-{self.projection_rule}"
        return text


@cache
def projected_closed(year: int) -> frozenset[date]:
    """Days of ``year`` the projection rule closes (its own holidays and the next year's)."""
    days = {d for d, _ in projected_days_off(year)}
    if year < LAST_PROJECTED_YEAR:
        days |= {d for d, _ in projected_days_off(year + 1)}
    return frozenset(d for d in days if d.year == year)


class Calendar:
    """Answers "is this a business day?" and moves dates by a business-day convention."""

    name: str

    def is_business_day(self, day: date) -> bool:
        raise NotImplementedError

    def adjust(self, day: date, rule: BusinessDay) -> date:
        """Move ``day`` to a business day by ``rule`` (modified following stays in the month)."""
        if rule is BusinessDay.UNADJUSTED or self.is_business_day(day):
            return day
        if rule is BusinessDay.PRECEDING:
            return self._step(day, -1)
        moved = self._step(day, 1)
        if rule is BusinessDay.MODIFIED_FOLLOWING and moved.month != day.month:
            return self._step(day, -1)
        return moved

    def _step(self, day: date, direction: int) -> date:
        delta = timedelta(days=direction)
        day += delta
        while not self.is_business_day(day):
            day += delta
        return day


class NoCalendar(Calendar):
    """Every day is a business day: dates never move."""

    name = "NONE"

    def is_business_day(self, day: date) -> bool:
        return True


class ChinaCalendar(Calendar):
    """Mainland China: weekends and holidays closed, 调休 weekend days open (see the module)."""

    name = "CN"

    def __init__(
        self, data: HolidayData | None = None, beyond: BeyondCoverage = BeyondCoverage.PROJECT
    ) -> None:
        self.data = data or cn_holiday_data()
        self.beyond = beyond
        self._cache: dict[date, bool] = {}

    def covers(self, day: date) -> bool:
        return day.year in self.data.years

    def basis(self, day: date) -> Basis:
        """The basis of ``day``'s year (raises CalendarCoverageError where there is none)."""
        year = day.year
        if year in self.data.years:
            return Basis.OFFICIAL
        if self.beyond is BeyondCoverage.WEEKENDS:
            return Basis.WEEKENDS
        if (
            self.beyond is BeyondCoverage.PROJECT
            and self.data.last_year < year <= LAST_PROJECTED_YEAR
        ):
            return Basis.PROJECTED
        raise CalendarCoverageError(day, self.data.first_year, self.data.last_year)

    def is_business_day(self, day: date) -> bool:
        known = self._cache.get(day)
        if known is not None:
            return known
        basis = self.basis(day)
        if basis is Basis.OFFICIAL:
            result = day in self.data.working_days or (
                day.weekday() < 5 and day not in self.data.holidays
            )
        elif basis is Basis.PROJECTED:
            result = day.weekday() < 5 and day not in projected_closed(day.year)
        else:
            result = day.weekday() < 5
        self._cache[day] = result
        return result

    def stamp(self) -> CalendarStamp:
        projecting = self.beyond is BeyondCoverage.PROJECT
        return CalendarStamp(
            name="CN",
            official_first=self.data.first_year,
            official_through=self.data.last_year,
            official_digest=self.data.digest,
            projection_rule=PROJECTION_RULE if projecting else None,
            projected_through=LAST_PROJECTED_YEAR if projecting else None,
        )


def calendar_stamp(cal: Calendar) -> CalendarStamp:
    """The stamp of any calendar (NONE has only its name)."""
    if isinstance(cal, ChinaCalendar):
        return cal.stamp()
    return CalendarStamp(name=cal.name)


def calendar_basis(cal: Calendar, first: date, last: date) -> Basis:
    """The weakest basis of the years from ``first`` to ``last`` (a date and its adjustment)."""
    if not isinstance(cal, ChinaCalendar):
        return Basis.NONE
    low, high = min(first, last), max(first, last)
    bases = [cal.basis(date(year, 1, 1)) for year in range(low.year, high.year + 1)]
    return max(bases, key=lambda b: b.rank)


def get_calendar(
    name: str,
    beyond: BeyondCoverage = BeyondCoverage.PROJECT,
    data: HolidayData | None = None,
) -> Calendar:
    """The calendar called ``name`` ("CN" or "NONE"); ``data`` defaults to the shipped years."""
    if name == "CN":
        return ChinaCalendar(data, beyond=beyond)
    if name == "NONE":
        return NoCalendar()
    raise ValueError(f"unknown calendar {name!r}")
