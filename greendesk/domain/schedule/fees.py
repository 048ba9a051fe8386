"""Syndication fees and the period each falls due in.

How fees enter the schedule: every fee is part of the period's ``fees`` column and therefore of
its ``payment`` (``payment = principal + interest + fees``); the split into the three kinds is
kept on each ``Period`` (``arrangement_fee``, ``commitment_fee``, ``agency_fee``).

- Arrangement fee (安排费): ``amount × arrangement_rate`` rounded half-up to 0.01, one-off,
  dated the start date, so collected on the first payment date; it goes to the lead arranger(s).
- Commitment fee (承诺费): ``commitment_fee_bps`` a year on the undrawn facility
  (amount − drawn so far), by day under the loan's day count, from the start date until the
  last drawdown (the undrawn rest is then cancelled). Accrued per period, split at drawdown
  dates, rounded half-up to 0.01 once per period, collected on that period's payment date and
  shared by all lenders pro rata to commitments.
- Agency fee (代理费): ``agency_fee_per_year`` to the agent(s), due on each anniversary of the
  start date; when the term is not whole years, the final part-year is charged pro rata by
  months (rounded half-up) on maturity.

A fee dated D falls due in the first period whose end (the later of the unadjusted end and the
payment date) is on or after D.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date
from decimal import Decimal

from greendesk.domain.daycount import DayCount
from greendesk.domain.money import round_fen
from greendesk.domain.schedule.dates import PeriodDates, add_months, maturity
from greendesk.domain.schedule.rates import bps
from greendesk.domain.schedule.terms import Drawdown, Terms


def fee_period_index(periods: list[PeriodDates], day: date) -> int:
    """Index of the period a fee dated ``day`` is collected in (see module rules)."""
    ends = [max(p.end, p.payment_date) for p in periods]
    return min(bisect_left(ends, day), len(periods) - 1)


def fee_period_indexes(periods: list[PeriodDates], days: list[date]) -> list[int]:
    """``fee_period_index`` for many dates at once."""
    ends = [max(p.end, p.payment_date) for p in periods]
    return [min(bisect_left(ends, day), len(periods) - 1) for day in days]


def arrangement_fee(terms: Terms) -> Decimal:
    return round_fen(terms.amount * terms.fees.arrangement_rate)


def agency_fees(terms: Terms) -> list[tuple[date, Decimal]]:
    """(due date, amount) of each yearly agency fee, the last part-year pro rata."""
    per_year = terms.fees.agency_fee_per_year
    if per_year <= 0:
        return []
    end = maturity(terms)
    out: list[tuple[date, Decimal]] = []
    for year in range(1, (terms.term_months + 11) // 12 + 1):
        months = min(12, terms.term_months - 12 * (year - 1))
        due = add_months(terms.start_date, 12 * year) if months == 12 else end
        amount = per_year if months == 12 else round_fen(per_year * months / 12)
        out.append((due, amount))
    return out


def commitment_fee(
    terms: Terms,
    start: date,
    end: date,
    drawdowns: list[Drawdown],
    drawn_before: Decimal,
    day_count: DayCount,
) -> Decimal:
    """Commitment fee accrued in [start, end): undrawn × bps × days / basis, rounded once.

    ``drawdowns`` are the (sorted) drawdowns dated in [start, end); ``drawn_before`` is the
    amount drawn before ``start``. Accrual stops at the last drawdown of the loan.
    """
    rate = bps(terms.fees.commitment_fee_bps)
    if rate == 0:
        return Decimal("0.00")
    last_draw = max((d.date for d in terms.drawdowns), default=terms.start_date)
    stop = min(end, last_draw)
    if stop <= start:
        return Decimal("0.00")
    basis = Decimal(day_count.basis)
    undrawn = terms.amount - drawn_before
    total = Decimal(0)
    cursor = start
    for draw in drawdowns:
        if draw.date >= stop:
            break
        if draw.date > cursor:
            total += undrawn * rate * day_count.days(cursor, draw.date) / basis
            cursor = draw.date
        undrawn -= draw.amount
    if stop > cursor:
        total += undrawn * rate * day_count.days(cursor, stop) / basis
    return round_fen(total)
