"""Cross-field rules of the terms: dates against the period grid, sums against the amount.

Run on a provisional ``Terms`` in which any field that failed its own check holds a harmless
stand-in; the ``*_ok`` flags say which parts are real, and rules about broken parts are skipped
(their own errors are already recorded).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from greendesk.domain.calendar import CalendarCoverageError, NoCalendar
from greendesk.domain.errors import ErrorCollector
from greendesk.domain.money import allocate
from greendesk.domain.schedule.dates import PeriodDates, maturity, period_dates
from greendesk.domain.schedule.fees import arrangement_fee
from greendesk.domain.schedule.rates import RateSchedule
from greendesk.domain.schedule.terms import (
    CustomPrincipal,
    Drawdown,
    FloatingRate,
    RatchetStep,
    Role,
    Terms,
)


def _periods(terms: Terms, errors: ErrorCollector, calendar_ok: bool) -> list[PeriodDates]:
    if calendar_ok:
        try:
            return period_dates(terms)
        except CalendarCoverageError as exc:
            if exc.day.year < exc.first_year:
                errors.add(
                    "calendar",
                    f"CN holiday data starts in {exc.first_year} and a payment date needs "
                    f"{exc.day.year} ({exc.day.isoformat()}); set calendar_beyond_coverage to "
                    '"weekends" to roll such dates over weekends only, or calendar to "NONE"',
                )
                return period_dates(terms, NoCalendar())
            errors.add(
                "calendar",
                f"CN official holidays cover {exc.first_year}–{exc.last_year} and a payment "
                f"date needs {exc.day.year} ({exc.day.isoformat()}); leave "
                'calendar_beyond_coverage at "project" (projected holidays to 2100), set it '
                'to "weekends" to roll such dates over weekends only, or calendar to "NONE"',
            )
    return period_dates(terms, NoCalendar())


def _check_dates(
    terms: Terms,
    errors: ErrorCollector,
    periods: list[PeriodDates],
    drawdowns: list[tuple[int, Drawdown]] | None,
    drawdowns_ok: bool,
    ratchet: list[tuple[int, RatchetStep]] | None,
    amount_ok: bool,
) -> None:
    end = maturity(terms)
    final_payment = periods[-1].payment_date
    for i, draw in drawdowns or []:
        where = f"drawdowns[{i}].date"
        if draw.date < terms.start_date:
            errors.add(where, "before start_date")
        elif draw.date > end:
            errors.add(where, "after maturity")
        elif draw.date == end:
            errors.add(where, "on the maturity date; a drawdown must come before maturity")
        elif draw.date >= final_payment:
            errors.add(where, f"on or after the final payment date {final_payment.isoformat()}")
    if drawdowns is not None and drawdowns_ok and amount_ok:
        drawn = sum((d.amount for _, d in drawdowns), Decimal("0.00"))
        if drawn > terms.amount:
            errors.add("drawdowns", f"add up to {drawn}, more than amount {terms.amount}")
    for i, step in ratchet or []:
        if step.effective < terms.start_date:
            errors.add(f"ratchet[{i}].effective", "before start_date")
        elif step.effective >= end:
            errors.add(f"ratchet[{i}].effective", "after maturity")
    if isinstance(terms.rate, FloatingRate):
        for i, point in enumerate(terms.rate.base_rate_path):
            if point.start <= terms.start_date:
                errors.add(
                    f"rate.base_rate_path[{i}].from",
                    "must be after start_date (the rate at the start is base_rate)",
                )


def _check_all_in_rate(terms: Terms, errors: ErrorCollector, periods: list[PeriodDates]) -> None:
    """The all-in rate (base + spread + ratchet) must stay in [0, 1) in every sub-interval."""
    rates = RateSchedule(terms)
    for p in periods:
        ratchet = rates.ratchet_for_period(p.start)
        for seg_start, _, rate in rates.segments(p.start, p.payment_date, ratchet):
            if rate < 0:
                errors.add(
                    "rate",
                    f"all-in rate (base + spread + ratchet) is negative ({rate}) "
                    f"from {seg_start.isoformat()}",
                )
                return
            if rate >= 1:
                errors.add(
                    "rate",
                    f"all-in rate (base + spread + ratchet) reaches {rate} "
                    f"from {seg_start.isoformat()}",
                )
                return


def _check_lenders(terms: Terms, errors: ErrorCollector, amount_ok: bool) -> None:
    if not terms.lenders:
        return
    committed = sum((lender.commitment for lender in terms.lenders), Decimal("0.00"))
    if amount_ok and committed != terms.amount:
        errors.add("lenders", f"commitments add up to {committed}, not the amount {terms.amount}")
    roles = {lender.role for lender in terms.lenders}
    if arrangement_fee(terms) > 0 and Role.LEAD_ARRANGER not in roles:
        errors.add("lenders", "no lead_arranger to receive the arrangement fee")
    if terms.fees.agency_fee_per_year > 0 and Role.AGENT not in roles:
        errors.add("lenders", "no agent to receive the agency fee")


def _resolve_custom(
    terms: Terms,
    errors: ErrorCollector,
    periods: list[PeriodDates],
    custom: list[tuple[int, date, Decimal, bool]],
    drawdowns: list[tuple[int, Drawdown]],
) -> tuple[CustomPrincipal, ...]:
    """Check the custom repayment plan and turn percentages into amounts of the drawn total."""
    index: dict[date, int] = {}
    for k, p in enumerate(periods):
        index[p.end] = k
        index.setdefault(p.payment_date, k)
    drawn = sum((d.amount for _, d in drawdowns), Decimal("0.00"))
    seen: dict[int, int] = {}
    ok = True
    for i, day, _, _ in custom:
        found = index.get(day)
        where = f"custom_principal[{i}].date"
        if found is None:
            errors.add(where, "not a period end or payment date of the schedule")
            ok = False
        elif found < terms.grace_periods:
            errors.add(where, "falls in a grace period")
            ok = False
        elif found in seen:
            errors.add(where, f"same period as custom_principal[{seen[found]}]")
            ok = False
        else:
            seen[found] = i
    numbers = [number for _, _, number, _ in custom]
    if custom[0][3]:
        total = sum(numbers, Decimal(0))
        if total != 100:
            errors.add("custom_principal", f"percentages add up to {total}, not 100")
            return ()
        amounts = allocate(drawn, numbers)
    else:
        amounts = numbers
        total = sum(amounts, Decimal("0.00"))
        if total != drawn:
            errors.add("custom_principal", f"adds up to {total}, not the drawn total {drawn}")
            return ()
    if not ok:
        return ()
    order = sorted(range(len(custom)), key=lambda j: index[custom[j][1]])
    repaid = Decimal(0)
    for j in order:
        k = index[custom[j][1]]
        repaid += amounts[j]
        pay = periods[k].payment_date
        drawn_by = sum((d.amount for _, d in drawdowns if d.date < pay), Decimal(0))
        if k < len(periods) - 1 and repaid > drawn_by:
            errors.add(
                f"custom_principal[{custom[j][0]}]",
                f"repays more than has been drawn by {pay.isoformat()}",
            )
            return ()
    return tuple(
        CustomPrincipal(day, amount) for (_, day, _, _), amount in zip(custom, amounts, strict=True)
    )


def check_cross_fields(
    terms: Terms,
    errors: ErrorCollector,
    *,
    amount_ok: bool,
    rate_ok: bool,
    calendar_ok: bool,
    drawdowns: list[tuple[int, Drawdown]] | None,
    drawdowns_ok: bool,
    ratchet: list[tuple[int, RatchetStep]] | None,
    custom: list[tuple[int, date, Decimal, bool]] | None,
    lenders_ok: bool,
) -> tuple[CustomPrincipal, ...]:
    """Record every cross-field violation; return the resolved custom repayment plan."""
    periods = _periods(terms, errors, calendar_ok)
    _check_dates(terms, errors, periods, drawdowns, drawdowns_ok, ratchet, amount_ok)
    if rate_ok and ratchet is not None:
        _check_all_in_rate(terms, errors, periods)
    if lenders_ok:
        _check_lenders(terms, errors, amount_ok)
    if custom and drawdowns is not None and drawdowns_ok and amount_ok:
        return _resolve_custom(terms, errors, periods, custom, drawdowns)
    return ()
