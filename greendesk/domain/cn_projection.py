"""Projected mainland-China public holidays for years without a State Council notice (to 2100).

Statutory days (《全国年节及纪念日放假办法》 as amended in 2024, in force from 2025):
New Year's Day 1 January; Spring Festival 4 days (New Year's Eve, the last day of the twelfth
lunar month, and the first three days of the first lunar month); Qingming 1 day, on the solar
term; Labour Day 1–2 May; Dragon Boat 5/5 lunar; Mid-Autumn 15/8 lunar; National Day 1–3
October. Lunar dates and the Qingming solar term come from ``sxtwl`` (the 寿星天文历 algorithms,
computed astronomically for any year in Beijing time, so 2100 is as exact as 2027).

Projection rule ``PROJECTION_RULE`` — the bridging days the State Council has granted since the
2024 amendment, stated so that applying it to 2025 and 2026 gives exactly their official
closed weekdays (a test checks this):

1. Spring Festival: 8 consecutive days off from New Year's Eve.
2. Labour Day: 1–5 May off.
3. National Day: 1–7 October off; when Mid-Autumn falls between 29 September and 7 October the
   two make one block of 8 days, starting on the earlier of Mid-Autumn and 1 October.
4. A one-day holiday (New Year's Day, Qingming, Dragon Boat, Mid-Autumn outside rule 3) on a
   Saturday or Sunday gives the following Monday off; on a Tuesday the Monday before is a
   bridge day, on a Thursday the Friday after.
5. Make-up working weekends (调休) are never projected: every Saturday and Sunday of a projected
   year stays closed. A notice usually balances bridge days with working weekends; guessing
   those could put a payment on a Saturday the notice leaves closed.

The dates a year's rule closes may spill into the previous year (a Tuesday New Year's Day
bridges 31 December); the calendar keeps projected days only in projected years.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import sxtwl

PROJECTION_RULE = "2024-amendment/r1"
LAST_PROJECTED_YEAR = 2100
QINGMING = 7  # sxtwl's solar-term index (0 = winter solstice, 7 = 清明)
_DAY = timedelta(days=1)
_MON, _TUE, _THU, _SAT = 0, 1, 3, 5


@dataclass(frozen=True)
class StatutoryDays:
    """The statutory holidays of one year, each under its Chinese name."""

    year: int
    days: tuple[tuple[date, str], ...]

    def dates(self) -> frozenset[date]:
        return frozenset(day for day, _ in self.days)


def _lunar(year: int, month: int, day: int) -> date:
    solar = sxtwl.fromLunar(year, month, day)
    return date(solar.getSolarYear(), solar.getSolarMonth(), solar.getSolarDay())


def qingming(year: int) -> date:
    """The day of the Qingming solar term (4, 5 or 6 April), as sxtwl dates it."""
    for day in (3, 4, 5, 6):
        solar = sxtwl.fromSolar(year, 4, day)
        if solar.hasJieQi() and solar.getJieQi() == QINGMING:
            return date(year, 4, day)
    raise ValueError(f"no Qingming solar term found in April {year}")


@cache
def statutory_days(year: int) -> StatutoryDays:
    """The 2024-amendment statutory holidays of ``year`` (1990–2100)."""
    new_year = _lunar(year, 1, 1)
    days = [
        (date(year, 1, 1), "元旦"),
        (new_year - _DAY, "春节（除夕）"),
        (new_year, "春节"),
        (new_year + _DAY, "春节"),
        (new_year + 2 * _DAY, "春节"),
        (qingming(year), "清明节"),
        (date(year, 5, 1), "劳动节"),
        (date(year, 5, 2), "劳动节"),
        (_lunar(year, 5, 5), "端午节"),
        (_lunar(year, 8, 15), "中秋节"),
        (date(year, 10, 1), "国庆节"),
        (date(year, 10, 2), "国庆节"),
        (date(year, 10, 3), "国庆节"),
    ]
    return StatutoryDays(year, tuple(days))


def _block(first: date, length: int, name: str) -> list[tuple[date, str]]:
    return [(first + i * _DAY, name) for i in range(length)]


def _single(day: date, name: str) -> list[tuple[date, str]]:
    """A one-day holiday with its weekend substitute or bridge day (rule 4)."""
    out = [(day, name)]
    weekday = day.weekday()
    if weekday >= _SAT:
        out.append((day + (7 - weekday) * _DAY, f"{name}（补休）"))
    elif weekday == _TUE:
        out.append((day - _DAY, f"{name}（桥休）"))
    elif weekday == _THU:
        out.append((day + _DAY, f"{name}（桥休）"))
    return out


@cache
def projected_days_off(year: int) -> tuple[tuple[date, str], ...]:
    """Every day the projection rule closes for ``year``'s holidays (weekends included)."""
    if not 1990 <= year <= LAST_PROJECTED_YEAR:
        raise ValueError(f"holiday projection covers 1990–{LAST_PROJECTED_YEAR}, not {year}")
    eve = _lunar(year, 1, 1) - _DAY
    mid_autumn = _lunar(year, 8, 15)
    days = _block(eve, 8, "春节")
    days += _block(date(year, 5, 1), 5, "劳动节")
    if date(year, 9, 29) <= mid_autumn <= date(year, 10, 7):
        days += _block(min(mid_autumn, date(year, 10, 1)), 8, "国庆节、中秋节")
    else:
        days += _block(date(year, 10, 1), 7, "国庆节")
        days += _single(mid_autumn, "中秋节")
    days += _single(date(year, 1, 1), "元旦")
    days += _single(qingming(year), "清明节")
    days += _single(_lunar(year, 5, 5), "端午节")
    statutory = dict(statutory_days(year).days)
    seen: dict[date, str] = {}
    for day, name in days:
        if day in statutory:
            seen[day] = statutory[day]
        elif day not in seen:
            seen[day] = name if "（" in name else f"{name}（连休）"
    return tuple(sorted(seen.items()))
