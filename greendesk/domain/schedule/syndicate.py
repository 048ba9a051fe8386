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
schedule within the speed budget, where ``Fraction`` arithmetic would not. Columns split by the
fixed commitment shares (interest, fees) are split for all periods at once, lender by lender
(``split_columns``); drawdowns and principal depend on the balances left by the period before,
so they go period by period. ``Decimal`` values are made only when the lender periods are.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from math import gcd

from greendesk.domain.schedule.model import LenderPeriod, LenderSchedule, Period, Totals
from greendesk.domain.schedule.terms import Role, Terms

SHARE_PLACES = Decimal("0.000001")
ZERO = Decimal("0.00")
FEN_UNIT = Decimal("0.01")  # FEN_UNIT * fen is the amount in yuan with exactly two places


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


def split_columns(totals: list[int], weights: list[int]) -> list[list[int]]:
    """``split_fen`` of every total by the same weights, as one column of parts per weight.

    The floors are computed a weight at a time over all totals; only the few fen left over in
    a period need that period's remainders. Negative totals take ``split_fen`` itself.
    """
    count = len(weights)
    if min(totals, default=0) < 0:
        rows = [split_fen(t, weights) for t in totals]
        return [list(column) for column in zip(*rows, strict=True)] if rows else [[]] * count
    weight_sum = sum(weights)
    columns = [[t * w // weight_sum for t in totals] for w in weights]
    placed = list(map(sum, zip(*columns, strict=True))) if totals else []
    lenders = range(count)
    for index, (total, done) in enumerate(zip(totals, placed, strict=True)):
        leftover = total - done
        if leftover:
            remainders = [(total * w) % weight_sum for w in weights]
            # sorted() is stable with reverse=True too, so ties go to the earlier lender
            for k in sorted(lenders, key=remainders.__getitem__, reverse=True)[:leftover]:
                columns[k][index] += 1
    return columns


def _lender_periods(
    nos: list[int],
    dates: list[date],
    drawdowns: Sequence[int],
    principals: Sequence[int],
    interests: Sequence[int],
    fees: Sequence[int],
) -> tuple[tuple[LenderPeriod, ...], Totals]:
    """One lender's periods (fen → Decimal) and its totals, from its integer columns."""
    unit = FEN_UNIT
    zero = ZERO
    new = object.__new__
    set_dict = object.__setattr__
    periods: list[LenderPeriod] = []
    append = periods.append
    for no, day, d, p, i, f in zip(nos, dates, drawdowns, principals, interests, fees, strict=True):
        t = p + i + f
        obj = new(LenderPeriod)
        # the frozen dataclass's fields, filled in one step (see model.fast_maker)
        set_dict(
            obj,
            "__dict__",
            {
                "no": no,
                "payment_date": day,
                "drawdown": unit * d if d else zero,
                "principal": unit * p if p else zero,
                "interest": unit * i if i else zero,
                "fees": unit * f if f else zero,
                "payment": unit * t if t else zero,
            },
        )
        append(obj)
    sums = [sum(c) for c in (drawdowns, principals, interests, fees)]
    totals = Totals(*(unit * x for x in (*sums, sums[1] + sums[2] + sums[3])))
    return tuple(periods), totals


def split_among_lenders(terms: Terms, rows: tuple[Period, ...]) -> tuple[LenderSchedule, ...]:
    """Per-lender schedules for ``rows`` (empty when the terms name no lenders)."""

    def column(name: str) -> list[int]:
        return [to_fen_int(getattr(row, name)) for row in rows]

    return lenders_from_fen(
        terms,
        rows,
        column("drawdown"),
        column("principal"),
        column("interest"),
        column("commitment_fee"),
        column("arrangement_fee"),
        column("agency_fee"),
    )


def lenders_from_fen(
    terms: Terms,
    rows: tuple[Period, ...],
    drawdowns: list[int],
    principals: list[int],
    interests: list[int],
    commitment_fees: list[int],
    arrangement_fees: list[int],
    agency_fees: list[int],
) -> tuple[LenderSchedule, ...]:
    """Per-lender schedules from the borrower's columns in fen (one entry per period)."""
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
    interest_parts = split_columns(interests, weights)
    # fees fall in a few periods only: split those, by the shares or among the role's banks
    fee_parts = [[0] * len(rows) for _ in lenders]
    for totals, role_weights in (
        (commitment_fees, weights),
        (arrangement_fees, leads),
        (agency_fees, agents),
    ):
        for index, total in enumerate(totals):
            if total:
                for k, part in enumerate(split_fen(total, role_weights)):
                    fee_parts[k][index] += part
    # drawdowns and principal go period by period (each split needs the balances before it);
    # the rows are turned into one column per lender at the end
    zeros = [0] * count
    draw_rows: list[list[int]] = []
    principal_rows: list[list[int]] = []
    outstanding = zeros
    undrawn = list(weights_fen)
    for drawdown, principal in zip(drawdowns, principals, strict=True):
        if drawdown:
            split = split_fen(drawdown, undrawn)
            outstanding = [a + b for a, b in zip(outstanding, split, strict=True)]
            undrawn = [a - b for a, b in zip(undrawn, split, strict=True)]
            draw_rows.append(split)
        else:
            draw_rows.append(zeros)
        if principal:
            if principal == sum(outstanding):
                split, outstanding = outstanding, zeros
            else:
                split = split_fen(principal, outstanding)
                outstanding = [a - b for a, b in zip(outstanding, split, strict=True)]
            principal_rows.append(split)
        else:
            principal_rows.append(zeros)
    draw_parts = list(zip(*draw_rows, strict=True)) if rows else [()] * count
    principal_parts = list(zip(*principal_rows, strict=True)) if rows else [()] * count
    nos = [row.no for row in rows]
    dates = [row.payment_date for row in rows]
    return tuple(
        LenderSchedule(
            lender.name,
            lender.role,
            lender.commitment,
            (lender.commitment / terms.amount).quantize(SHARE_PLACES),
            *_lender_periods(
                nos, dates, draw_parts[k], principal_parts[k], interest_parts[k], fee_parts[k]
            ),
        )
        for k, lender in enumerate(lenders)
    )
