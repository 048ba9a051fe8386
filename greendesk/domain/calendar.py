"""Business-day calendars and business-day conventions for payment dates.

Two calendars exist:

- ``NONE``: every day is a business day, so no date ever moves (used for textbook schedules).
- ``CN``: Saturdays, Sundays and the official public holidays of mainland China are closed; the
  adjusted working weekend days (调休) announced with the holidays are business days. The data is
  ``resources/calendars/cn_holidays.json``, which states the years it covers (the State Council
  publishes each year's schedule only weeks before the year begins).

Rule for dates outside the covered years under ``CN``: the calendar refuses them with
``CalendarCoverageError`` rather than silently treating them as ordinary days. A caller may ask
instead for ``beyond_coverage="weekends"``: dates outside the covered years then roll over
Saturdays and Sundays only (no holidays are guessed), and the choice is explicit in the input.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from functools import cache

from greendesk.paths import resources_dir

_ONE_DAY = timedelta(days=1)


class BusinessDay(Enum):
    """How a payment date that is not a business day is moved."""

    FOLLOWING = "following"
    MODIFIED_FOLLOWING = "modified_following"
    PRECEDING = "preceding"
    UNADJUSTED = "unadjusted"


class BeyondCoverage(Enum):
    """What the CN calendar does with a date outside the years its data covers."""

    ERROR = "error"
    WEEKENDS = "weekends"


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
class HolidayData:
    """The official schedule as sets of dates, for constant-time look-ups."""

    years: frozenset[int]
    holidays: frozenset[date]
    working_days: frozenset[date]

    @property
    def first_year(self) -> int:
        return min(self.years)

    @property
    def last_year(self) -> int:
        return max(self.years)


@cache
def cn_holiday_data() -> HolidayData:
    """Load ``cn_holidays.json`` once; it must list contiguous covered years."""
    path = resources_dir() / "calendars" / "cn_holidays.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    years = frozenset(int(y) for y in raw["covered_years"])
    if not years or sorted(years) != list(range(min(years), max(years) + 1)):
        raise ValueError(f"{path}: covered_years must be a non-empty run of consecutive years")
    holidays: set[date] = set()
    working: set[date] = set()
    for entry in raw["years"]:
        for block in entry["holidays"]:
            day = date.fromisoformat(block["from"])
            last = date.fromisoformat(block["to"])
            while day <= last:
                holidays.add(day)
                day += _ONE_DAY
        working.update(date.fromisoformat(text) for text in entry["working_days"])
    clash = holidays & working
    if clash:
        raise ValueError(f"{path}: dates both holiday and working day: {sorted(clash)}")
    return HolidayData(years, frozenset(holidays), frozenset(working))


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
    """Mainland China: weekends and official holidays closed, 调休 weekend days open."""

    name = "CN"

    def __init__(
        self, data: HolidayData | None = None, beyond: BeyondCoverage = BeyondCoverage.ERROR
    ) -> None:
        self.data = data or cn_holiday_data()
        self.beyond = beyond
        self._cache: dict[date, bool] = {}

    def covers(self, day: date) -> bool:
        return day.year in self.data.years

    def is_business_day(self, day: date) -> bool:
        known = self._cache.get(day)
        if known is not None:
            return known
        if day.year not in self.data.years and self.beyond is BeyondCoverage.ERROR:
            raise CalendarCoverageError(day, self.data.first_year, self.data.last_year)
        if day in self.data.working_days:
            result = True
        else:
            result = day.weekday() < 5 and day not in self.data.holidays
        self._cache[day] = result
        return result


def get_calendar(name: str, beyond: BeyondCoverage = BeyondCoverage.ERROR) -> Calendar:
    """The calendar called ``name`` ("CN" or "NONE")."""
    if name == "CN":
        return ChinaCalendar(beyond=beyond)
    if name == "NONE":
        return NoCalendar()
    raise ValueError(f"unknown calendar {name!r}")
