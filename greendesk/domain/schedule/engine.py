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
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from greendesk.domain.calendar import HolidayData, calendar_stamp
from greendesk.domain.money import round_fen
from greendesk.domain.schedule.dates import PeriodDates, period_dates, terms_calendar
from greendesk.domain.schedule.fees import (
    agency_fees,
    arrangement_fee,
    commitment_fee,
    fee_period_indexes,
)
from greendesk.domain.schedule.model import Period, Schedule, totals_of
from greendesk.domain.schedule.rates import RateSchedule
from greendesk.domain.schedule.syndicate import split_among_lenders
from greendesk.domain.schedule.terms import Drawdown, Method, Terms

ZERO = Decimal("0.00")
ONE = Decimal(1)


def annuity_instalment(balance: Decimal, periodic_rate: Decimal, periods: int) -> Decimal:
    """Level instalment repaying ``balance`` over ``periods`` at ``periodic_rate``, to the fen."""
    if periodic_rate == 0:
        return round_fen(balance / periods)
    return round_fen(balance * periodic_rate / (ONE - (ONE + periodic_rate) ** -periods))


def _custom_by_period(terms: Terms, periods: list[PeriodDates]) -> dict[int, Decimal]:
    by_date: dict[date, int] = {}
    for i, p in enumerate(periods):
        by_date[p.end] = i
        by_date.setdefault(p.payment_date, i)
    out: dict[int, Decimal] = {}
    for item in terms.custom_principal:
        # a date that was a payment date before the calendar moved it stays with its period
        found = by_date.get(item.date)
        i = (
            found
            if found is not None
            else min(range(len(periods)), key=lambda k: abs((periods[k].end - item.date).days))
        )
        out[i] = out.get(i, ZERO) + item.amount
    return out


def _interest(
    rates: RateSchedule,
    p: PeriodDates,
    ratchet: Decimal,
    opening: Decimal,
    draws: list[Drawdown],
    terms: Terms,
) -> Decimal:
    """Interest of one period, in sub-intervals split at drawdowns and repricing dates."""
    day_count = terms.day_count
    basis = day_count.basis
    segments = rates.segments(p.start, p.payment_date, ratchet)
    if len(segments) == 1 and not draws:
        if opening == 0:
            return ZERO
        return round_fen(opening * segments[0][2] * day_count.days(p.start, p.payment_date) / basis)
    balance = opening
    total = ZERO
    j = 0
    for seg_start, seg_end, rate in segments:
        cursor = seg_start
        while j < len(draws) and draws[j].date < seg_end:
            if draws[j].date > cursor:
                if balance:
                    total += round_fen(
                        balance * rate * day_count.days(cursor, draws[j].date) / basis
                    )
                cursor = draws[j].date
            balance += draws[j].amount
            j += 1
        if balance and seg_end > cursor:
            total += round_fen(balance * rate * day_count.days(cursor, seg_end) / basis)
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
    draws = sorted(terms.drawdowns, key=lambda d: d.date)
    custom = _custom_by_period(terms, periods) if terms.method is Method.CUSTOM else {}

    arrangement = [ZERO] * n
    agency = [ZERO] * n
    arrangement[0] = arrangement_fee(terms)
    agency_due = agency_fees(terms)
    indexes = fee_period_indexes(periods, [due for due, _ in agency_due])
    for index, (_, amount) in zip(indexes, agency_due, strict=True):
        agency[index] += amount

    rows: list[Period] = []
    balance = ZERO
    drawn = ZERO
    d_index = 0
    level: Decimal | None = None  # current instalment (annuity) or principal (equal principal)
    level_rate: Decimal | None = None
    for i, p in enumerate(periods):
        period_draws: list[Drawdown] = []
        while d_index < len(draws) and (draws[d_index].date < p.payment_date or i == n - 1):
            period_draws.append(draws[d_index])
            d_index += 1
        drawdown = sum((d.amount for d in period_draws), ZERO)
        ratchet = rates.ratchet_for_period(p.start)
        start_rate = rates.base_plus_spread(p.start) + ratchet
        interest = _interest(rates, p, ratchet, balance, period_draws, terms)
        fee_commit = commitment_fee(
            terms, p.start, p.payment_date, period_draws, drawn, terms.day_count
        )
        drawn += drawdown
        available = balance + drawdown
        no = i + 1
        if no == n:
            principal = available
        elif no <= terms.grace_periods or terms.method is Method.BULLET:
            principal = ZERO
        elif terms.method is Method.CUSTOM:
            principal = min(custom.get(i, ZERO), available)
        elif terms.method is Method.EQUAL_PRINCIPAL:
            if level is None or drawdown:
                level = round_fen(available / (n - no + 1))
            principal = min(level, available)
        else:
            if level is None or drawdown or start_rate != level_rate:
                level = annuity_instalment(available, start_rate / per_year, n - no + 1)
                level_rate = start_rate
            principal = min(max(level - interest, ZERO), available)
        fees = arrangement[i] + fee_commit + agency[i]
        closing = available - principal
        rows.append(
            Period(
                no=no,
                start=p.start,
                end=p.end,
                payment_date=p.payment_date,
                days=terms.day_count.days(p.start, p.payment_date),
                rate=start_rate,
                opening_balance=balance,
                drawdown=drawdown,
                principal=principal,
                interest=interest,
                fees=fees,
                payment=principal + interest + fees,
                closing_balance=closing,
                arrangement_fee=arrangement[i],
                commitment_fee=fee_commit,
                agency_fee=agency[i],
                calendar_basis=p.basis,
            )
        )
        balance = closing
    borrower = tuple(rows)
    return Schedule(
        terms=terms,
        periods=borrower,
        totals=totals_of(borrower),
        lenders=split_among_lenders(terms, borrower),
        calendar=calendar_stamp(cal),
    )
