"""The schedule as JSON-ready data and as CSV text.

JSON: ``{"periods": [...], "totals": {...}, "calendar": {...}, "lenders": [...]}``; amounts are
strings with two decimals, dates ISO strings, ``rate`` and ``share`` decimal strings, ``no`` and
``days`` integers; each borrower period has ``calendar_basis`` (official, projected, weekends,
none) and ``calendar`` names the calendar version. ``resources/schemas/schedule.schema.json``
describes it.

CSV: one flat table, borrower rows first, then each lender's rows; column ``party`` names the
borrower or the lender, and a row with ``no`` = ``total`` closes each party. Columns a lender
does not have (dates of accrual, rate, balances) are left empty; ``calendar_basis`` is filled on
every period row (a lender's payment dates are the borrower's).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from datetime import date
from decimal import Context, Decimal, Rounded, getcontext
from itertools import chain, compress, groupby, islice, repeat
from operator import itemgetter
from typing import Any

from greendesk.domain.calendar import Basis
from greendesk.domain.money import format_money
from greendesk.domain.schedule.fen_text import dense_texts
from greendesk.domain.schedule.model import (
    FEN_UNIT,
    LenderPeriod,
    LenderPeriods,
    Period,
    Periods,
    Schedule,
    Totals,
)

PERIOD_KEYS = (
    "no", "start", "end", "payment_date", "days", "rate", "opening_balance", "drawdown",
    "principal", "interest", "fees", "payment", "closing_balance", "calendar_basis",
)  # fmt: skip
LENDER_PERIOD_KEYS = ("no", "payment_date", "drawdown", "principal", "interest", "fees", "payment")
TOTAL_KEYS = ("drawdown", "principal", "interest", "fees", "payment")
CSV_COLUMNS = ("party", "role", *PERIOD_KEYS)
PERIOD_MONEY = ("opening_balance", "drawdown", "principal", "interest", "fees", "payment",
                "closing_balance")  # fmt: skip
LENDER_MONEY = ("drawdown", "principal", "interest", "fees", "payment")
# the integer-fen columns of ``Periods`` and ``LenderPeriods`` behind PERIOD_MONEY and LENDER_MONEY
BORROWER_FEN = ("opening_balances", "drawdowns", "principals", "interests", "fees", "payments",
                "closing_balances")  # fmt: skip
LENDER_FEN = ("drawdowns", "principals", "interests", "fees", "payments")
SPARSE_FEN = frozenset({"drawdowns", "fees"})  # mostly zero: a few drawdowns, fees now and then
# str() of a finite Decimal is "123.45" when it has exactly two places (its format_money
# text); with other places, an exponent ("1.5E+3": the point is 5th from the end at most) or
# NaN, the third character from the end is not the point
_THIRD_LAST = itemgetter(-3)
ZERO_TEXT = "0.00"
BASIS_TEXT = {basis: basis.value for basis in Basis}


class _IsoDates(dict[date, str]):
    """ISO text of each date, made once: the lenders' payment dates are the borrower's."""

    def __missing__(self, day: date) -> str:
        text = self[day] = day.isoformat()
        return text


class _RateTexts(dict[Decimal, str]):
    """``_rate_text`` of each rate, made once (a rate holds for many periods)."""

    def __missing__(self, rate: Decimal) -> str:
        text = self[rate] = _rate_text(rate)
        return text


def _plain_money(rows: list[dict[str, Any]], keys: tuple[str, ...]) -> bool:
    """Whether every ``keys`` value of ``rows`` is a plain two-place number ("1234.50")."""
    texts = chain.from_iterable(map(itemgetter(*keys), rows))
    try:
        return set(map(_THIRD_LAST, texts)) <= {"."}
    except IndexError:  # "5", "0": fewer than three characters
        return False


def _rate_text(rate: Decimal) -> str:
    """A rate as a plain decimal string without exponent or trailing zeros ("0.0335")."""
    text = format(rate.normalize(), "f")
    return text if text not in ("-0", "") else "0"


def _period(p: Period) -> dict[str, Any]:
    return {
        "no": p.no,
        "start": p.start.isoformat(),
        "end": p.end.isoformat(),
        "payment_date": p.payment_date.isoformat(),
        "days": p.days,
        "rate": _rate_text(p.rate),
        "opening_balance": format_money(p.opening_balance),
        "drawdown": format_money(p.drawdown),
        "principal": format_money(p.principal),
        "interest": format_money(p.interest),
        "fees": format_money(p.fees),
        "payment": format_money(p.payment),
        "closing_balance": format_money(p.closing_balance),
        "calendar_basis": p.calendar_basis.value,
    }


def _lender_period(p: LenderPeriod) -> dict[str, Any]:
    return {
        "no": p.no,
        "payment_date": p.payment_date.isoformat(),
        "drawdown": format_money(p.drawdown),
        "principal": format_money(p.principal),
        "interest": format_money(p.interest),
        "fees": format_money(p.fees),
        "payment": format_money(p.payment),
    }


def _totals(t: Totals) -> dict[str, str]:
    return {key: format_money(getattr(t, key)) for key in TOTAL_KEYS}


def calendar_json(schedule: Schedule) -> dict[str, Any]:
    """The calendar a schedule's dates use: version, official range, projection rule."""
    stamp = schedule.calendar
    return {
        "name": stamp.name,
        "version": stamp.version,
        "official_from": stamp.official_first,
        "official_through": stamp.official_through,
        "projection_rule": stamp.projection_rule,
        "projected_years": schedule.projected_years(),
    }


def _fast_periods(periods: Sequence[Period], iso: _IsoDates) -> list[dict[str, Any]]:
    """``_period`` of each period, amounts as ``str()``: checked, else the exact formatter."""
    rates = _RateTexts()
    basis = BASIS_TEXT
    rows = [
        {
            "no": p.no,
            "start": iso[p.start],
            "end": iso[p.end],
            "payment_date": iso[p.payment_date],
            "days": p.days,
            "rate": rates[p.rate],
            "opening_balance": str(p.opening_balance),
            "drawdown": str(p.drawdown),
            "principal": str(p.principal),
            "interest": str(p.interest),
            "fees": str(p.fees),
            "payment": str(p.payment),
            "closing_balance": str(p.closing_balance),
            "calendar_basis": basis[p.calendar_basis],
        }
        for p in periods
    ]
    return rows if _plain_money(rows, PERIOD_MONEY) else [_period(p) for p in periods]


def _fast_lender_periods(periods: Sequence[LenderPeriod], iso: _IsoDates) -> list[dict[str, Any]]:
    """``_lender_period`` of each period, the same way as ``_fast_periods``."""
    rows = [
        {
            "no": p.no,
            "payment_date": iso[p.payment_date],
            "drawdown": str(p.drawdown),
            "principal": str(p.principal),
            "interest": str(p.interest),
            "fees": str(p.fees),
            "payment": str(p.payment),
        }
        for p in periods
    ]
    return rows if _plain_money(rows, LENDER_MONEY) else [_lender_period(p) for p in periods]


def fen_context() -> Context:
    """The context amounts in fen become ``Decimal`` in (the current one), its flags cleared."""
    context = getcontext().copy()
    context.clear_flags()
    return context


def fen_texts(column: Sequence[int], context: Context | None = None) -> list[str]:
    """``format_money`` of each amount in fen as yuan (``FEN_UNIT × fen``: "-0.05", "1234.50").

    Written by ``str()`` of the ``Decimal`` ``FEN_UNIT × fen``, which is its ``format_money``
    text whenever the product is exact (it then has two places and at most the context's
    digits); ``context`` (a ``fen_context()``) records whether any product was rounded, and
    then the column is written by ``format_money``. Zeros, common in the drawdown and fee
    columns, are the constant "0.00".
    """
    ctx = context or fen_context()
    size = len(column)
    zeros = column.count(0)
    if zeros == size:
        return [ZERO_TEXT] * size
    if 4 * zeros < 3 * size:  # more than a quarter not zero: every amount through Decimal
        texts = list(map(str, map(ctx.multiply, repeat(FEN_UNIT, size), column)))
    else:
        texts = [ZERO_TEXT] * size
        multiply = ctx.multiply
        for index in compress(range(size), column):
            texts[index] = str(multiply(FEN_UNIT, column[index]))
    if ctx.flags[Rounded]:  # an amount of more digits than the context keeps
        ctx.clear_flags()
        return [format_money(ctx.multiply(FEN_UNIT, fen)) for fen in column]
    return texts


def money_texts(
    columns: Sequence[Sequence[int]],
    sparse: Sequence[bool] | None = None,
    context: Context | None = None,
) -> list[list[str]]:
    """``fen_texts`` of each column: the dense ones all at once, by numpy
    (``fen_text.dense_texts``), the ``sparse`` ones (mostly zero: drawdowns, fees; by default
    those more than a quarter zero) by ``fen_texts``."""
    ctx = context or fen_context()
    if sparse is None:
        sparse = [4 * column.count(0) >= 3 * len(column) for column in columns]
    dense = [column for column, flag in zip(columns, sparse, strict=True) if not flag]
    made = dense_texts(dense, ctx.prec)
    if made is None:  # negative, or more digits than numpy or the context hold
        made = [fen_texts(column, ctx) for column in dense]
    written = iter(made)
    return [
        fen_texts(column, ctx) if flag else next(written)
        for column, flag in zip(columns, sparse, strict=True)
    ]


def _column_lender_periods(
    periods: LenderPeriods, dates: list[str], money: Iterator[list[str]]
) -> list[dict[str, Any]]:
    """``_lender_period`` of each period, from the columns and their texts (``money``, in
    ``LENDER_FEN`` order)."""
    return [
        {
            "no": no,
            "payment_date": day,
            "drawdown": drawdown,
            "principal": principal,
            "interest": interest,
            "fees": fees,
            "payment": payment,
        }
        for no, day, drawdown, principal, interest, fees, payment in zip(
            periods.nos, dates, *islice(money, len(LENDER_FEN)), strict=True
        )
    ]


def _basis_texts(bases: Sequence[Basis]) -> list[str]:
    """The calendar basis of each period as text; runs of one basis are long."""
    texts: list[str] = []
    for basis, run in groupby(bases):
        texts += repeat(basis.value, sum(1 for _ in run))
    return texts


def _column_periods(
    periods: Periods, dates: tuple[list[str], list[str], list[str]], money: Iterator[list[str]]
) -> list[dict[str, Any]]:
    """``_period`` of each period, from the columns, their dates' texts (``_date_texts``) and
    their amounts' texts (``money``, in ``BORROWER_FEN`` order)."""
    rates = _RateTexts()
    return [
        {
            "no": no,
            "start": start,
            "end": end,
            "payment_date": day,
            "days": days,
            "rate": rate,
            "opening_balance": opening,
            "drawdown": drawdown,
            "principal": principal,
            "interest": interest,
            "fees": fees,
            "payment": payment,
            "closing_balance": closing,
            "calendar_basis": basis,
        }
        for (
            no, start, end, day, days, rate, opening, drawdown, principal, interest, fees,
            payment, closing, basis,
        ) in zip(
            periods.nos,
            *dates,
            periods.days,
            map(rates.__getitem__, periods.rates),
            *islice(money, len(BORROWER_FEN)),
            _basis_texts(periods.calendar_bases),
            strict=True,
        )
    ]  # fmt: skip


def _iso_texts(days: Sequence[date]) -> list[str]:
    return list(map(date.isoformat, days))


def _date_texts(periods: Periods) -> tuple[list[str], list[str], list[str]]:
    """ISO texts of the starts, ends and payment dates. Each is written once: a period
    starts on the day the one before was paid, and most periods are paid on their end."""
    payment_dates, starts, ends = periods.payment_dates, periods.starts, periods.ends
    paid = _iso_texts(payment_dates)
    if starts and starts[1:] == payment_dates[:-1]:
        start_texts = [starts[0].isoformat(), *paid[:-1]]
    else:
        start_texts = _iso_texts(starts)
    end_texts = [
        text if end == day else end.isoformat()
        for end, day, text in zip(ends, payment_dates, paid, strict=True)
    ]
    return start_texts, end_texts, paid


def schedule_to_json(schedule: Schedule) -> dict[str, Any]:
    """The schedule in the contract's JSON shape (amounts as two-decimal strings).

    The engine's periods (``Periods``, ``LenderPeriods``) are written from their integer-fen
    columns (``money_texts``, every column of the schedule at once), without making a
    ``Period`` each. Periods given as ``Period`` objects are written with ``str()``, which for
    a ``Decimal`` of exactly two places is the ``format_money`` text; a block with any other
    amount (more places, an exponent) is written by ``format_money`` instead. Nothing is kept
    between calls.
    """
    iso = _IsoDates()
    borrower = schedule.periods
    names = list(BORROWER_FEN) if type(borrower) is Periods else []
    fen_columns = [getattr(borrower, name) for name in names]
    for lender in schedule.lenders:
        if type(lender.periods) is LenderPeriods:
            names += LENDER_FEN
            fen_columns += [getattr(lender.periods, name) for name in LENDER_FEN]
    # consumed in that order: the borrower's, then each lender's
    money = iter(money_texts(fen_columns, [name in SPARSE_FEN for name in names]))
    dates: dict[int, list[str]] = {}  # the lenders share the borrower's payment dates
    if type(borrower) is Periods:
        borrower_dates = _date_texts(borrower)
        dates[id(borrower.payment_dates)] = borrower_dates[2]
        borrower_rows = _column_periods(borrower, borrower_dates, money)
    else:
        borrower_rows = _fast_periods(borrower, iso)

    def lender_rows(periods: Sequence[LenderPeriod]) -> list[dict[str, Any]]:
        if type(periods) is LenderPeriods:  # the engine's columns
            column = periods.payment_dates
            texts = dates.get(id(column))
            if texts is None:
                texts = dates[id(column)] = _iso_texts(column)
            return _column_lender_periods(periods, texts, money)
        return _fast_lender_periods(periods, iso)

    return {
        "periods": borrower_rows,
        "totals": _totals(schedule.totals),
        "calendar": calendar_json(schedule),
        "lenders": [
            {
                "name": lender.name,
                "role": lender.role.value,
                "share": _rate_text(lender.share),
                "periods": lender_rows(lender.periods),
                "totals": _totals(lender.totals),
            }
            for lender in schedule.lenders
        ],
    }


def schedule_to_csv(schedule: Schedule) -> str:
    """The schedule as CSV text (see the module notes for the layout)."""
    return schedule_json_to_csv(schedule_to_json(schedule))


def schedule_json_to_csv(data: dict[str, Any]) -> str:
    """CSV text from the schedule's JSON data (a stored schedule version reads back the same)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in data["periods"]:
        writer.writerow({"party": "borrower", "role": "", **row})
    writer.writerow({"party": "borrower", "role": "", "no": "total", **data["totals"]})
    basis = {row["no"]: row["calendar_basis"] for row in data["periods"]}
    for lender in data["lenders"]:
        for row in lender["periods"]:
            writer.writerow(
                {
                    "party": lender["name"],
                    "role": lender["role"],
                    **row,
                    "calendar_basis": basis[row["no"]],
                }
            )
        writer.writerow(
            {"party": lender["name"], "role": lender["role"], "no": "total", **lender["totals"]}
        )
    return out.getvalue()
