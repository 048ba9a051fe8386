"""Build the borrower's schedule period by period, then split it among the lenders.

Rules (the README states the same):

- Interest: ``balance × annual rate × days / basis`` rounded half-up to 0.01 for each period, or
  for each sub-interval when a drawdown or a repricing date falls inside the period (each
  sub-interval rounded, then summed). Interest runs on the drawn balance only; a drawdown
  accrues from its own date.
- Grace periods: the first ``grace_periods`` periods are interest-only.
- Annuity (等额本息): instalment = P·r / (1 − (1+r)^−m) rounded half-up to 0.01, with r the
  nominal periodic rate (annual rate in force on the period's first day / periods a year), m the
  remaining amortising periods and P the balance to amortise (opening balance + the period's
  drawdowns). It is computed in the first amortising period and recomputed whenever the rate in
  force at a period's start changes (repricing, ratchet) or a drawdown falls in the period.
  principal = instalment − interest (never below 0.00).
- Equal principal (等额本金): P / m rounded half-up to 0.01, recomputed only when a drawdown
  falls in an amortising period.
- Bullet (按期付息到期还本): interest every period, all principal in the last.
- Custom (按计划还款): the scheduled amount in the period whose end or payment date it names.
- Every method: principal never exceeds the balance, and the last period repays the whole
  remaining balance, so principal repaid = amount drawn and the closing balance ends at 0.00.

How it runs: amounts are integer fen inside the loop and ``Decimal`` only at the edges (the
terms in, the annuity formula, and each period when it is read: the schedule keeps the
integer columns, ``model.Periods`` and ``model.LenderPeriods``). Interest is rounded half-up
in integers from the exact fraction balance × rate × days / basis; that equals the ``Decimal``
rule whenever the ``Decimal`` product is exact (under 26 digits), and a larger product takes
the ``Decimal`` path itself. ``tests/domain/schedule/reference.py`` keeps the plain
``Decimal`` engine, and the tests check the two agree on random terms.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from functools import lru_cache
from itertools import accumulate
from operator import add, sub

from greendesk.domain.calendar import Calendar, CalendarStamp, HolidayData, calendar_stamp
from greendesk.domain.daycount import DayCount
from greendesk.domain.money import round_fen
from greendesk.domain.schedule.dates import PeriodDates, period_dates, terms_calendar
from greendesk.domain.schedule.fees import (
    agency_fees,
    arrangement_fee,
    commitment_fee,
    fee_period_indexes,
)
from greendesk.domain.schedule.model import FEN_UNIT, Periods, Schedule, Totals
from greendesk.domain.schedule.rates import RateSchedule
from greendesk.domain.schedule.syndicate import lenders_from_fen, to_fen_int
from greendesk.domain.schedule.terms import Method, Terms

ONE = Decimal(1)
EXACT_LIMIT = 10**26  # below it, Decimal's balance × rate × days is exact (28 digits)


@lru_cache(maxsize=16)
def _stamp(cal: Calendar) -> CalendarStamp:
    """The stamp of a shared calendar (its digest hashes every official day: once is enough)."""
    return calendar_stamp(cal)


def annuity_instalment(balance: Decimal, periodic_rate: Decimal, periods: int) -> Decimal:
    """Level instalment repaying ``balance`` over ``periods`` at ``periodic_rate``, to the fen."""
    if periodic_rate == 0:
        return round_fen(balance / periods)
    return round_fen(balance * periodic_rate / (ONE - (ONE + periodic_rate) ** -periods))


def _custom_by_period(terms: Terms, periods: list[PeriodDates]) -> dict[int, int]:
    by_date: dict[date, int] = {}
    for i, p in enumerate(periods):
        by_date[p.end] = i
        by_date.setdefault(p.payment_date, i)
    out: dict[int, int] = {}
    for item in terms.custom_principal:
        # a date that was a payment date before the calendar moved it stays with its period
        found = by_date.get(item.date)
        i = (
            found
            if found is not None
            else min(range(len(periods)), key=lambda k: abs((periods[k].end - item.date).days))
        )
        out[i] = out.get(i, 0) + to_fen_int(item.amount)
    return out


class _Accrual:
    """Interest in fen: balance × rate × days / basis rounded half-up, exact in integers."""

    def __init__(self, basis: int) -> None:
        self.basis = basis
        self._rates: dict[Decimal, tuple[int, int]] = {}

    def fraction(self, rate: Decimal) -> tuple[int, int]:
        """``rate / basis`` as integers (numerator, positive denominator), made once a rate."""
        known = self._rates.get(rate)
        if known is None:
            sign, digits, exponent = rate.as_tuple()
            coefficient = int("".join(map(str, digits))) if digits else 0
            assert isinstance(exponent, int)  # rates are finite
            coefficient = -coefficient if sign else coefficient
            if exponent >= 0:
                known = (coefficient * 10**exponent, self.basis)
            else:
                known = (coefficient, self.basis * 10**-exponent)
            self._rates[rate] = known
        return known

    def fen(self, balance: int, rate: Decimal, days: int) -> int:
        if not balance or not days:
            return 0
        numerator, denominator = self.fraction(rate)
        product = balance * numerator * days
        if not -EXACT_LIMIT < product < EXACT_LIMIT:
            return self.large(balance, rate, days)
        if product >= 0:
            return (2 * product + denominator) // (2 * denominator)
        return -((denominator - 2 * product) // (2 * denominator))

    def large(self, balance: int, rate: Decimal, days: int) -> int:
        """The ``Decimal`` rule itself, for a product too large to be exact in ``Decimal``."""
        value = Decimal(balance).scaleb(-2) * rate * days / self.basis
        return to_fen_int(round_fen(value))


def _interest(
    accrual: _Accrual,
    segments: list[tuple[date, date, Decimal]],
    day_count: DayCount,
    opening: int,
    draws: list[tuple[date, int]],
) -> int:
    """Interest of one period in fen, in sub-intervals split at drawdowns and repricing dates."""
    balance = opening
    total = 0
    j = 0
    for seg_start, seg_end, rate in segments:
        cursor = seg_start
        while j < len(draws) and draws[j][0] < seg_end:
            day, amount = draws[j]
            if day > cursor:
                if balance:
                    total += accrual.fen(balance, rate, day_count.days(cursor, day))
                cursor = day
            balance += amount
            j += 1
        if balance and seg_end > cursor:
            total += accrual.fen(balance, rate, day_count.days(cursor, seg_end))
    return total


def build_schedule(
    terms: Terms,
    holidays: HolidayData | None = None,
    fixed_dates: Mapping[int, date] | None = None,
) -> Schedule:
    """Compute the borrower's schedule and each lender's part (see the module rules).

    ``holidays`` is the desk's official CN years (default: the shipped ones); ``fixed_dates``
    keeps the payment dates of periods already paid (re-derivation after a calendar change).
    """
    cal = terms_calendar(terms, holidays)
    periods = period_dates(terms, cal, fixed_dates)
    rates = RateSchedule(terms)
    n = len(periods)
    per_year = Decimal(terms.frequency.per_year)
    day_count = terms.day_count
    accrual = _Accrual(day_count.basis)
    method = terms.method
    grace = terms.grace_periods
    draws = sorted(terms.drawdowns, key=lambda d: d.date)
    draws_fen = [(d.date, to_fen_int(d.amount)) for d in draws]
    custom = _custom_by_period(terms, periods) if method is Method.CUSTOM else {}
    repricing = rates.repricing_dates
    fee_stop = max((d.date for d in terms.drawdowns), default=terms.start_date)
    charges_commitment = terms.fees.commitment_fee_bps != 0

    arrangement = [0] * n
    agency = [0] * n
    arrangement[0] = to_fen_int(arrangement_fee(terms))
    agency_due = agency_fees(terms)
    indexes = fee_period_indexes(periods, [due for due, _ in agency_due])
    for index, (_, amount) in zip(indexes, agency_due, strict=True):
        agency[index] += to_fen_int(amount)

    drawdowns = [0] * n
    principals = [0] * n
    interests = [0] * n
    commitments = [0] * n
    starts = [p.start for p in periods]
    pays = [p.payment_date for p in periods]
    if day_count is DayCount.THIRTY_360:
        days_list = list(map(day_count.days, starts, pays))
    else:
        days_list = [(pay - start).days for start, pay in zip(starts, pays, strict=True)]
    rates_out = rates.start_rates(starts)
    balance = 0
    drawn = 0
    d_index = 0
    draw_count = len(draws)
    r_index = 0  # first repricing date after the period's start
    repricing_count = len(repricing)
    level: int | None = None  # current instalment (annuity) or principal (equal principal)
    level_rate: Decimal | None = None
    rate: Decimal | None = None
    numerator = denominator = 0
    last = n - 1
    bullet = method is Method.BULLET
    custom_plan = method is Method.CUSTOM
    equal_principal = method is Method.EQUAL_PRINCIPAL
    for i in range(n):
        start, pay, start_rate, days = starts[i], pays[i], rates_out[i], days_list[i]
        first_draw = d_index
        while d_index < draw_count and (draws[d_index].date < pay or i == last):
            d_index += 1
        if d_index > first_draw:
            period_draws = draws_fen[first_draw:d_index]
            drawdown = sum(amount for _, amount in period_draws)
        else:
            period_draws = []
            drawdown = 0
        while r_index < repricing_count and repricing[r_index] <= start:
            r_index += 1
        if r_index < repricing_count and repricing[r_index] < pay:
            segments = rates.segments(start, pay, rates.ratchet_for_period(start))
            interest = _interest(accrual, segments, day_count, balance, period_draws)
        elif period_draws:
            segments = [(start, pay, start_rate)]
            interest = _interest(accrual, segments, day_count, balance, period_draws)
        elif balance and days:
            # accrual.fen written out: one rate holds for many periods
            if start_rate is not rate:
                rate = start_rate
                numerator, denominator = accrual.fraction(rate)
            product = balance * numerator * days
            if not -EXACT_LIMIT < product < EXACT_LIMIT:
                interest = accrual.large(balance, start_rate, days)
            elif product >= 0:
                interest = (2 * product + denominator) // (2 * denominator)
            else:
                interest = -((denominator - 2 * product) // (2 * denominator))
        else:
            interest = 0
        if charges_commitment and start < fee_stop:
            commitments[i] = to_fen_int(
                commitment_fee(
                    terms,
                    start,
                    pay,
                    draws[first_draw:d_index],
                    Decimal(drawn).scaleb(-2),
                    day_count,
                )
            )
        drawn += drawdown
        available = balance + drawdown
        if i == last:
            principal = available
        elif i < grace or bullet:
            principal = 0
        elif custom_plan:
            principal = min(custom.get(i, 0), available)
        elif equal_principal:
            if level is None or drawdown:
                remaining = n - i
                level = (2 * available + remaining) // (2 * remaining)
            principal = min(level, available)
        else:
            if level is None or drawdown or start_rate != level_rate:
                level = to_fen_int(
                    annuity_instalment(Decimal(available).scaleb(-2), start_rate / per_year, n - i)
                )
                level_rate = start_rate
            principal = 0 if level < interest else min(level - interest, available)
        drawdowns[i] = drawdown
        principals[i] = principal
        interests[i] = interest
        balance = available - principal
    fees = list(map(add, map(add, arrangement, commitments), agency))
    payments = list(map(add, map(add, principals, interests), fees))
    closings = list(accumulate(map(sub, drawdowns, principals)))
    borrower = Periods(
        [p.no for p in periods], starts, [p.end for p in periods], pays, days_list, rates_out,
        [0, *closings[:-1]], drawdowns, principals, interests, fees, payments, closings,
        arrangement, commitments, agency, [p.basis for p in periods],
    )  # fmt: skip
    totals = Totals(
        *(FEN_UNIT * sum(c) for c in (drawdowns, principals, interests, fees, payments))
    )
    return Schedule(
        terms=terms,
        periods=borrower,
        totals=totals,
        lenders=lenders_from_fen(
            terms,
            borrower.nos,
            pays,
            drawdowns,
            principals,
            interests,
            commitments,
            arrangement,
            agency,
        ),
        calendar=_stamp(cal),
    )
