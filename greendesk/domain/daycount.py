"""Day-count conventions: how many days an interest interval counts and over which basis.

- ``ACT/360`` (RMB loan default): actual days / 360.
- ``ACT/365F``: actual days / 365, leap years included.
- ``30/360``: the ISDA 30/360 bond basis. A day 31 counts as 30 at the start; at the end it
  counts as 30 only when the start day is 30 or 31. Every whole month is then 30 days, so a
  monthly schedule on regular dates accrues exactly annual rate / 12 per period.
"""

from __future__ import annotations

from datetime import date
from enum import Enum


class DayCount(Enum):
    ACT_360 = "ACT/360"
    ACT_365F = "ACT/365F"
    THIRTY_360 = "30/360"

    @property
    def basis(self) -> int:
        """Days in the year's denominator."""
        return 365 if self is DayCount.ACT_365F else 360

    def days(self, start: date, end: date) -> int:
        """Days counted from ``start`` (included) to ``end`` (excluded)."""
        if self is DayCount.THIRTY_360:
            return thirty_360_days(start, end)
        return (end - start).days


def thirty_360_days(start: date, end: date) -> int:
    """ISDA 30/360 (bond basis) day count."""
    d1 = min(start.day, 30)
    d2 = end.day
    if d1 == 30 and d2 == 31:
        d2 = 30
    return 360 * (end.year - start.year) + 30 * (end.month - start.month) + (d2 - d1)
