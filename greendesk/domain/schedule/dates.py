"""Period dates: unadjusted ends, adjusted payment dates, anniversaries.

Unadjusted period end k is ``start_date + k × period`` counted from the start date each time
(never chained), with the day clamped to the month's length: a loan starting on 31 January has
ends on 28/29 February, 31 March, 30 April, ... Payment dates are the ends moved by the
calendar and business-day rule. Interest accrues between consecutive adjusted dates (period 1
from the start date itself).
"""

from __future__ import annotations

import calendar as _stdcal
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from greendesk.domain.calendar import (
    Basis,
    BeyondCoverage,
    BusinessDay,
    Calendar,
    HolidayData,
    calendar_basis,
    get_calendar,
)
from greendesk.domain.schedule.terms import Terms


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, the day clamped to the target month's last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = _stdcal.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


@dataclass(frozen=True)
class PeriodDates:
    no: int
    start: date  # accrual start: the previous payment date, or the start date
    end: date  # unadjusted period end
    payment_date: date  # adjusted end; accrual runs to here
    basis: Basis = Basis.NONE  # what the payment date's business days rest on


def maturity(terms: Terms) -> date:
    """The unadjusted final date, start_date + term_months."""
    return add_months(terms.start_date, terms.term_months)


def terms_calendar(terms: Terms, data: HolidayData | None = None) -> Calendar:
    """The calendar the terms name; ``data`` is the desk's official years (default: shipped).

    Calendars are shared between schedules (they are immutable apart from their memo of
    business days), so a portfolio's schedules look each date up once.
    """
    return _shared_calendar(terms.calendar, terms.calendar_beyond_coverage, data)


@lru_cache(maxsize=16)
def _shared_calendar(name: str, beyond: BeyondCoverage, data: HolidayData | None) -> Calendar:
    return get_calendar(name, beyond, data)


def period_dates(
    terms: Terms, cal: Calendar | None = None, fixed: Mapping[int, date] | None = None
) -> list[PeriodDates]:
    """All periods of the loan; raises CalendarCoverageError from a CN calendar if out of range.

    ``fixed`` maps period numbers to payment dates kept as they are (periods already paid when
    the calendar changed); every basis is the one the date's year has in ``cal``.
    """
    cal = cal or terms_calendar(terms)
    step = terms.frequency.months
    if not fixed:
        return list(_period_grid(cal, terms.start_date, terms.periods, step, terms.business_day))
    result: list[PeriodDates] = []
    previous = terms.start_date
    for k in range(1, terms.periods + 1):
        end = add_months(terms.start_date, k * step)
        pay = fixed.get(k) or cal.adjust(end, terms.business_day)
        result.append(PeriodDates(k, previous, end, pay, calendar_basis(cal, end, pay)))
        previous = pay
    return result


@lru_cache(maxsize=64)
def _period_grid(
    cal: Calendar, start: date, periods: int, step: int, rule: BusinessDay
) -> tuple[PeriodDates, ...]:
    """The periods without fixed dates, kept for loans that share a start date and calendar."""
    result: list[PeriodDates] = []
    previous = start
    for k in range(1, periods + 1):
        end = add_months(start, k * step)
        pay = cal.adjust(end, rule)
        result.append(PeriodDates(k, previous, end, pay, calendar_basis(cal, end, pay)))
        previous = pay
    return tuple(result)


def anniversaries(terms: Terms) -> list[date]:
    """Each anniversary of the start date strictly before maturity."""
    end = maturity(terms)
    out: list[date] = []
    year = 1
    while (day := add_months(terms.start_date, 12 * year)) < end:
        out.append(day)
        year += 1
    return out
