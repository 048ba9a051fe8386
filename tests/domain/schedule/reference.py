"""A straightforward Decimal re-computation of the schedule: the oracle for the fast engine.

This is the engine as it was before integer-fen arithmetic (every amount a ``Decimal``, each
rounding an explicit ``round_fen``), with the lenders' splits done by ``money.allocate`` on
``Decimal`` figures, period by period and column by column. ``test_reference`` asserts that
``build_schedule`` gives the very same ``Schedule`` on many random terms.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from greendesk.domain.calendar import HolidayData, calendar_stamp
from greendesk.domain.money import allocate, round_fen
from greendesk.domain.schedule.dates import PeriodDates, period_dates, terms_calendar
from greendesk.domain.schedule.fees import (
    agency_fees,
    arrangement_fee,
    commitment_fee,
    fee_period_indexes,
)
from greendesk.domain.schedule.model import (
    LenderPeriod,
    LenderSchedule,
    Period,
    Schedule,
    totals_of,
)
from greendesk.domain.schedule.rates import RateSchedule
from greendesk.domain.schedule.terms import Drawdown, Method, Role, Terms

ZERO = Decimal("0.00")
ONE = Decimal(1)


def _split(total: Decimal, weights: list[Decimal]) -> list[Decimal]:
    """``allocate`` with every part carrying two places (zero weights or total give 0.00)."""
    if total == 0 or sum(weights, ZERO) == 0:
        return [ZERO] * len(weights)
    return [part.quantize(ZERO) for part in allocate(total, weights)]


def reference_lenders(terms: Terms, rows: tuple[Period, ...]) -> tuple[LenderSchedule, ...]:
    """Each lender's part of every column (the rules of ``syndicate``), in plain Decimal."""
    lenders = terms.lenders
    if not lenders:
        return ()
    commitments = [x.commitment for x in lenders]
    leads = [x.commitment if x.role is Role.LEAD_ARRANGER else ZERO for x in lenders]
    agents = [x.commitment if x.role is Role.AGENT else ZERO for x in lenders]
    undrawn = list(commitments)
    outstanding = [ZERO] * len(lenders)
    parts: list[list[LenderPeriod]] = [[] for _ in lenders]
    for row in rows:
        drawdown = _split(row.drawdown, undrawn)
        undrawn = [u - d for u, d in zip(undrawn, drawdown, strict=True)]
        outstanding = [o + d for o, d in zip(outstanding, drawdown, strict=True)]
        principal = _split(row.principal, outstanding)
        outstanding = [o - p for o, p in zip(outstanding, principal, strict=True)]
        interest = _split(row.interest, commitments)
        fees = [
            c + a + g
            for c, a, g in zip(
                _split(row.commitment_fee, commitments),
                _split(row.arrangement_fee, leads),
                _split(row.agency_fee, agents),
                strict=True,
            )
        ]
        for k, column in enumerate(parts):
            column.append(
                LenderPeriod(
                    row.no,
                    row.payment_date,
                    drawdown[k],
                    principal[k],
                    interest[k],
                    fees[k],
                    principal[k] + interest[k] + fees[k],
                )
            )
    return tuple(
        LenderSchedule(
            name=lender.name,
            role=lender.role,
            commitment=lender.commitment,
            share=(lender.commitment / terms.amount).quantize(Decimal("0.000001")),
            periods=tuple(column),
            totals=totals_of(tuple(column)),
        )
        for lender, column in zip(lenders, parts, strict=True)
    )


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


def reference_schedule(
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
        lenders=reference_lenders(terms, borrower),
        calendar=calendar_stamp(cal),
    )
