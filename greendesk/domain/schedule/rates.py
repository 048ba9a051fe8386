"""The annual rate in force on any day: base rate repricing, spread and the carbon-linked ratchet.

- Fixed rate: ``rate.annual`` throughout.
- Floating rate (LPR + spread): the base rate is fixed at ``base_rate`` from the start date and
  repriced on each anniversary of the start date to the base rate in force on that day (the
  last ``base_rate_path`` entry whose ``from`` is on or before it); it then holds for the year.
  The spread (``spread_bps``) is added throughout.
- Ratchet: each step changes the margin from the first period that starts on or after its
  ``effective`` date; the cumulative adjustment is held within ±``ratchet_cap_bps`` when given.
  The ratchet therefore changes only at period boundaries, while a repricing can fall inside a
  period (interest is then accrued in sub-intervals).
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from decimal import Decimal
from itertools import pairwise

from greendesk.domain.schedule.dates import anniversaries
from greendesk.domain.schedule.terms import FixedRate, Terms

BPS = Decimal(10000)


def bps(value: int | Decimal) -> Decimal:
    """Basis points as a fraction (-15 → -0.0015), exact."""
    return Decimal(value) / BPS


class RateSchedule:
    """Precomputed base-rate steps and ratchet steps for fast look-ups during accrual."""

    def __init__(self, terms: Terms) -> None:
        rate = terms.rate
        if isinstance(rate, FixedRate):
            self._dates: list[date] = [terms.start_date]
            self._rates: list[Decimal] = [rate.annual]
            self.repricing_dates: list[date] = []
        else:
            path = sorted(rate.base_rate_path, key=lambda p: p.start)
            path_dates = [p.start for p in path]

            def base_on(day: date) -> Decimal:
                i = bisect_right(path_dates, day)
                return path[i - 1].base_rate if i else rate.base_rate

            spread = bps(rate.spread_bps)
            self.repricing_dates = anniversaries(terms)
            self._dates = [terms.start_date, *self.repricing_dates]
            self._rates = [rate.base_rate + spread]
            self._rates += [base_on(d) + spread for d in self.repricing_dates]
        steps = sorted(terms.ratchet, key=lambda s: s.effective)
        self._ratchet_dates = [s.effective for s in steps]
        cumulative: list[Decimal] = []
        total = 0
        for step in steps:
            total += step.adjust_bps
            if terms.ratchet_cap_bps is not None:
                total = max(-terms.ratchet_cap_bps, min(terms.ratchet_cap_bps, total))
            cumulative.append(bps(total))
        self._ratchet = cumulative

    def ratchet_for_period(self, period_start: date) -> Decimal:
        """Cumulative ratchet (as a fraction) of the steps effective on or before the start."""
        i = bisect_right(self._ratchet_dates, period_start)
        return self._ratchet[i - 1] if i else Decimal(0)

    def base_plus_spread(self, day: date) -> Decimal:
        i = bisect_right(self._dates, day)
        return self._rates[max(i - 1, 0)]

    def start_rates(self, starts: list[date]) -> list[Decimal]:
        """``base_plus_spread(s) + ratchet_for_period(s)`` of each period start ``s``.

        The rate changes only on a repricing or ratchet date, so it is looked up once for each
        stretch between them (the same ``Decimal`` object for the whole stretch).
        """
        changes = sorted({*self._dates[1:], *self._ratchet_dates})
        out: list[Decimal] = []
        stretch = -1
        rate = Decimal(0)
        for start in starts:
            k = bisect_right(changes, start)
            if k != stretch:
                stretch = k
                rate = self.base_plus_spread(start) + self.ratchet_for_period(start)
            out.append(rate)
        return out

    def segments(
        self, start: date, end: date, ratchet: Decimal
    ) -> list[tuple[date, date, Decimal]]:
        """Sub-intervals of [start, end) with their all-in annual rate, split at repricings."""
        cuts = [d for d in self.repricing_dates if start < d < end]
        bounds = [start, *cuts, end]
        return [(a, b, self.base_plus_spread(a) + ratchet) for a, b in pairwise(bounds)]
