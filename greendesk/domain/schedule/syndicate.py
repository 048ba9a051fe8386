"""Each lender's part of every borrower figure, adding up to the borrower's exactly.

Rules:

- Interest and commitment fees of each period are split among all lenders by largest
  remainder of their commitment shares (``greendesk.domain.money.allocate``'s rule).
- Drawdowns are split by largest remainder of each lender's undrawn commitment (commitment
  less its drawn part), which is its commitment share to within a few fen; this way a lender
  never funds more than its commitment, and a fully drawn facility has drawn each lender's
  commitment exactly.
- Principal of each period is split by largest remainder of each lender's outstanding balance
  (its drawn part less its repaid part). Outstanding balances are the commitment shares of the
  drawn balance to within a few fen, and splitting by them guarantees that every lender is
  repaid exactly what it lent, never more, and is repaid in full in the last period.
- The arrangement fee goes to the lead arranger(s), the agency fee to the agent(s) (several of
  a role share it by commitment, again by largest remainder).
- A lender's ``fees`` is the sum of its fee parts and its ``payment`` is
  ``principal + interest + fees``; since every column adds up, so do these.

The split runs in integer fen with the same largest-remainder rule as ``money.allocate`` (ties
to the earlier lender); the tests check the two agree. Integers keep a 240-period, 12-lender
schedule within the speed budget, where ``Fraction`` arithmetic would not.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from math import gcd

from greendesk.domain.schedule.model import LenderPeriod, LenderSchedule, Period, Totals
from greendesk.domain.schedule.terms import Role, Terms

SHARE_PLACES = Decimal("0.000001")
ZERO = Decimal("0.00")


def to_fen_int(amount: Decimal) -> int:
    """Whole fen of an amount with at most two places."""
    return int(amount.scaleb(2))


def fen_decimal(fen: int) -> Decimal:
    return Decimal(fen).scaleb(-2)


def split_fen(total: int, weights: list[int]) -> list[int]:
    """Largest-remainder split of ``total`` fen by ``weights`` (ties to the earlier weight).

    Same result as ``money.allocate`` for whole-fen totals; weights are non-negative integers
    with a positive sum.
    """
    if total == 0:
        return [0] * len(weights)
    if total < 0:
        return [-part for part in split_fen(-total, weights)]
    weight_sum = sum(weights)
    products = [total * w for w in weights]
    parts = [q // weight_sum for q in products]
    leftover = total - sum(parts)
    if leftover:
        # remainders in units of 1/weight_sum, negated; sorted() is stable, so ties keep order
        negated = [p * weight_sum - q for p, q in zip(parts, products, strict=True)]
        for i in sorted(range(len(weights)), key=negated.__getitem__)[:leftover]:
            parts[i] += 1
    return parts


def _reduced(weights: list[int]) -> list[int]:
    divisor = 0
    for w in weights:
        divisor = gcd(divisor, w)
    return [w // divisor for w in weights] if divisor > 1 else weights


def _lender_periods(
    nos: list[int],
    dates: list[date],
    drawdowns: tuple[int, ...],
    principals: tuple[int, ...],
    interests: tuple[int, ...],
    fees: tuple[int, ...],
) -> tuple[tuple[LenderPeriod, ...], Totals]:
    """One lender's periods (fen → Decimal) and its totals, from its integer columns."""
    make = Decimal
    zero = ZERO
    payments = [p + i + f for p, i, f in zip(principals, interests, fees, strict=True)]
    periods = tuple(
        LenderPeriod(
            no,
            day,
            make(d).scaleb(-2) if d else zero,
            make(p).scaleb(-2) if p else zero,
            make(i).scaleb(-2) if i else zero,
            make(f).scaleb(-2) if f else zero,
            make(t).scaleb(-2) if t else zero,
        )
        for no, day, d, p, i, f, t in zip(
            nos, dates, drawdowns, principals, interests, fees, payments, strict=True
        )
    )
    totals = Totals(
        *(fen_decimal(sum(c)) for c in (drawdowns, principals, interests, fees, payments))
    )
    return periods, totals


def split_among_lenders(terms: Terms, rows: tuple[Period, ...]) -> tuple[LenderSchedule, ...]:
    """Per-lender schedules for ``rows`` (empty when the terms name no lenders)."""
    lenders = terms.lenders
    if not lenders:
        return ()
    count = len(lenders)
    weights_fen = [to_fen_int(lender.commitment) for lender in lenders]
    weights = _reduced(weights_fen)
    leads = [
        w if x.role is Role.LEAD_ARRANGER else 0 for x, w in zip(lenders, weights, strict=True)
    ]
    agents = [w if x.role is Role.AGENT else 0 for x, w in zip(lenders, weights, strict=True)]
    zeros = [0] * count
    outstanding = [0] * count
    undrawn = list(weights_fen)
    drawdowns: list[list[int]] = []
    principals: list[list[int]] = []
    interests: list[list[int]] = []
    fee_rows: list[list[int]] = []
    for row in rows:
        drawdown = split_fen(to_fen_int(row.drawdown), undrawn) if row.drawdown else zeros
        principal_fen = to_fen_int(row.principal)
        if drawdown is not zeros:
            outstanding = [a + b for a, b in zip(outstanding, drawdown, strict=True)]
            undrawn = [a - b for a, b in zip(undrawn, drawdown, strict=True)]
        if principal_fen == 0:
            principal = zeros
        elif principal_fen == sum(outstanding):
            principal = outstanding
        else:
            principal = split_fen(principal_fen, outstanding)
        fees = split_fen(to_fen_int(row.commitment_fee), weights)
        if row.arrangement_fee:
            extra = split_fen(to_fen_int(row.arrangement_fee), leads)
            fees = [a + b for a, b in zip(fees, extra, strict=True)]
        if row.agency_fee:
            extra = split_fen(to_fen_int(row.agency_fee), agents)
            fees = [a + b for a, b in zip(fees, extra, strict=True)]
        if principal is not zeros:
            outstanding = [a - b for a, b in zip(outstanding, principal, strict=True)]
        drawdowns.append(drawdown)
        principals.append(principal)
        interests.append(split_fen(to_fen_int(row.interest), weights))
        fee_rows.append(fees)
    nos = [row.no for row in rows]
    dates = [row.payment_date for row in rows]
    columns = [
        _lender_periods(nos, dates, d, p, i, f)
        for d, p, i, f in zip(
            zip(*drawdowns, strict=True),
            zip(*principals, strict=True),
            zip(*interests, strict=True),
            zip(*fee_rows, strict=True),
            strict=True,
        )
    ]
    return tuple(
        LenderSchedule(
            name=lender.name,
            role=lender.role,
            commitment=lender.commitment,
            share=(lender.commitment / terms.amount).quantize(SHARE_PLACES),
            periods=periods,
            totals=totals,
        )
        for lender, (periods, totals) in zip(lenders, columns, strict=True)
    )
