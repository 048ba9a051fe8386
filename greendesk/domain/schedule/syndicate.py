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
fixed commitment shares (interest, fees) are split for all periods at once (``split_columns``:
by numpy when the products fit in 64 bits, else lender by lender in Python); drawdowns and
principal depend on the balances left by the period before, so they go period by period. The
lender's periods keep these integer columns (``model.LenderPeriods``): ``Decimal`` values are
made only when a lender period is read.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from itertools import compress
from math import gcd
from operator import add, ge, sub

from greendesk.domain.schedule.model import FEN_UNIT, LenderPeriods, LenderSchedule, Period, Totals
from greendesk.domain.schedule.terms import Role, Terms

SHARE_PLACES = Decimal("0.000001")
_INT64_MAX = 2**63 - 1
_NUMPY_FROM = 8  # periods; below this, numpy's fixed cost per call outweighs the loops


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


def split_columns(totals: Sequence[int], weights: list[int]) -> list[list[int]]:
    """``split_fen`` of every total by the same weights, as one column of parts per weight.

    Vectorised over the periods: the floors and the remainders are computed a weight at a
    time over all totals. A remainder is packed with its weight's place (``remainder × count +
    tag``, a larger tag for an earlier weight) into a key unique within its period; the
    period's ``leftover`` largest keys get one fen more, i.e. every key at or above the
    period's ``leftover``-th largest. Negative totals take ``split_fen`` itself; products that
    fit in 64 bits take numpy (``_split_columns_int64``), the same computation.
    """
    count = len(weights)
    if not totals:
        return [[] for _ in weights]
    if min(totals) < 0:
        rows = [split_fen(t, weights) for t in totals]
        return [list(column) for column in zip(*rows, strict=True)]
    weight_sum = sum(weights)
    fits = max(totals) * max(weights) <= _INT64_MAX and weight_sum * count <= _INT64_MAX
    if fits and len(totals) >= _NUMPY_FROM:
        return _split_columns_int64(totals, weights, weight_sum)
    floors = [[t * w // weight_sum for t in totals] for w in weights]
    keys = [
        [t * w % weight_sum * count + tag for t in totals]
        for w, tag in zip(weights, range(count - 1, -1, -1), strict=True)
    ]
    leftovers = map(sub, totals, map(sum, zip(*floors, strict=True)))
    above_all = weight_sum * count  # larger than every key: no fen more in that period
    thresholds = [
        sorted(period_keys)[-leftover] if leftover else above_all
        for period_keys, leftover in zip(zip(*keys, strict=True), leftovers, strict=True)
    ]
    return [
        list(map(add, column, map(ge, column_keys, thresholds)))
        for column, column_keys in zip(floors, keys, strict=True)
    ]


def _split_columns_int64(
    totals: Sequence[int], weights: list[int], weight_sum: int
) -> list[list[int]]:
    """``split_columns`` by numpy, for non-negative totals when every product ``total ×
    weight`` and ``weight_sum × count`` (above every key ``remainder × count + tag``) fit in
    64 bits: the same integers and the same rule, for all periods at once."""
    import numpy as np

    count = len(weights)
    column_totals = np.array(totals, np.int64)
    products = np.multiply.outer(np.array(weights, np.int64), column_totals)
    floors, remainders = np.divmod(products, weight_sum)
    tags = np.arange(count - 1, -1, -1, dtype=np.int64)  # a larger tag for an earlier weight
    keys = remainders * count + tags[:, None]
    leftovers = column_totals - floors.sum(axis=0)
    # the period's leftover-th largest key; a period without leftover gets no fen more
    ranked = np.sort(keys, axis=0)
    place = np.clip(count - leftovers, 0, count - 1)
    thresholds = np.take_along_axis(ranked, place[None, :], axis=0)[0]
    thresholds[leftovers == 0] = weight_sum * count
    parts: list[list[int]] = (floors + (keys >= thresholds)).tolist()
    return parts


def _balance_splits(
    drawdowns: list[int], principals: list[int], commitments: list[int]
) -> tuple[list[tuple[int, ...]], list[tuple[int, ...]]]:
    """Each lender's drawdown and principal column (see the module rules), period by period.

    Each split needs the balances the one before left, so this loop cannot be vectorised over
    periods; the principal split is ``split_fen`` written out for the common case (a positive
    principal below the outstanding total).
    """
    count = len(commitments)
    zeros = (0,) * count
    lenders = range(count)
    draw_rows: list[Sequence[int]] = []
    principal_rows: list[Sequence[int]] = []
    outstanding: Sequence[int] = zeros
    total = 0  # sum(outstanding)
    undrawn = commitments
    for drawdown, principal in zip(drawdowns, principals, strict=True):
        if drawdown:
            split = split_fen(drawdown, undrawn)
            outstanding = list(map(add, outstanding, split))
            undrawn = list(map(sub, undrawn, split))
            total += drawdown
            draw_rows.append(split)
        else:
            draw_rows.append(zeros)
        if not principal:
            principal_rows.append(zeros)
            continue
        if principal == total:
            split, outstanding = list(outstanding), zeros
        elif principal > 0:
            quotients = [divmod(principal * o, total) for o in outstanding]
            split = [q for q, _ in quotients]
            leftover = principal - sum(split)
            if leftover:
                remainders = [r for _, r in quotients]
                # sorted() is stable with reverse=True too, so ties go to the earlier lender
                for k in sorted(lenders, key=remainders.__getitem__, reverse=True)[:leftover]:
                    split[k] += 1
            outstanding = list(map(sub, outstanding, split))
        else:
            split = split_fen(principal, list(outstanding))
            outstanding = list(map(sub, outstanding, split))
        total -= principal
        principal_rows.append(split)
    if not draw_rows:
        empty: list[tuple[int, ...]] = [() for _ in commitments]
        return empty, list(empty)
    return list(zip(*draw_rows, strict=True)), list(zip(*principal_rows, strict=True))


def split_among_lenders(terms: Terms, rows: Sequence[Period]) -> tuple[LenderSchedule, ...]:
    """Per-lender schedules for ``rows`` (empty when the terms name no lenders)."""

    def column(name: str) -> list[int]:
        return [to_fen_int(getattr(row, name)) for row in rows]

    return lenders_from_fen(
        terms,
        [row.no for row in rows],
        [row.payment_date for row in rows],
        column("drawdown"),
        column("principal"),
        column("interest"),
        column("commitment_fee"),
        column("arrangement_fee"),
        column("agency_fee"),
    )


def lenders_from_fen(
    terms: Terms,
    nos: Sequence[int],
    dates: Sequence[date],
    drawdowns: list[int],
    principals: list[int],
    interests: list[int],
    commitment_fees: list[int],
    arrangement_fees: list[int],
    agency_fees: list[int],
) -> tuple[LenderSchedule, ...]:
    """Per-lender schedules from the borrower's columns in fen (one entry per period).

    The lenders' ``LenderPeriods`` share ``nos`` and ``dates`` (the borrower's columns).
    """
    lenders = terms.lenders
    if not lenders:
        return ()
    weights_fen = [to_fen_int(lender.commitment) for lender in lenders]
    weights = _reduced(weights_fen)
    leads = [
        w if x.role is Role.LEAD_ARRANGER else 0 for x, w in zip(lenders, weights, strict=True)
    ]
    agents = [w if x.role is Role.AGENT else 0 for x, w in zip(lenders, weights, strict=True)]
    interest_parts = split_columns(interests, weights)
    # fees fall in a few periods only: split those, by the shares or among the role's banks
    size = len(nos)
    fee_parts = [[0] * size for _ in lenders]
    fee_indexes: set[int] = set()
    for totals, role_weights in (
        (commitment_fees, weights),
        (arrangement_fees, leads),
        (agency_fees, agents),
    ):
        indexes = list(compress(range(size), totals))
        if indexes:
            fee_indexes.update(indexes)
            due = [totals[index] for index in indexes]
            for column, parts in zip(fee_parts, split_columns(due, role_weights), strict=True):
                for index, part in zip(indexes, parts, strict=True):
                    column[index] += part
    draw_parts, principal_parts = _balance_splits(drawdowns, principals, weights_fen)
    schedules: list[LenderSchedule] = []
    for k, lender in enumerate(lenders):
        d, p, i, f = draw_parts[k], principal_parts[k], interest_parts[k], fee_parts[k]
        payments = list(map(add, p, i))
        for index in fee_indexes:
            payments[index] += f[index]
        sums = (sum(d), sum(p), sum(i), sum(f))
        schedules.append(
            LenderSchedule(
                lender.name,
                lender.role,
                lender.commitment,
                (lender.commitment / terms.amount).quantize(SHARE_PLACES),
                LenderPeriods(nos, dates, d, p, i, f, payments),
                Totals(*(FEN_UNIT * x for x in (*sums, sums[1] + sums[2] + sums[3]))),
            )
        )
    return tuple(schedules)
