"""The computed schedule: frozen dataclasses with ``Decimal`` amounts (two places).

The periods the engine makes are sequences of integer-fen columns (``Periods`` for the
borrower, ``LenderPeriods`` for each lender) that make each ``Period`` or ``LenderPeriod``
(``Decimal`` amounts) when it is read; see ``FenRows``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar, TypeVar, overload

from greendesk.domain.calendar import Basis, CalendarStamp
from greendesk.domain.schedule.terms import Role, Terms

NO_CALENDAR = CalendarStamp(name="NONE")
R = TypeVar("R")


@dataclass(frozen=True)
class Period:
    """One period of the borrower's schedule.

    ``fees`` = ``arrangement_fee`` + ``commitment_fee`` + ``agency_fee`` falling due in the
    period; ``payment`` = ``principal`` + ``interest`` + ``fees``;
    ``closing_balance`` = ``opening_balance`` + ``drawdown`` − ``principal``.
    ``rate`` is the all-in annual rate in force on the period's first day.
    """

    no: int
    start: date
    end: date
    payment_date: date
    days: int
    rate: Decimal
    opening_balance: Decimal
    drawdown: Decimal
    principal: Decimal
    interest: Decimal
    fees: Decimal
    payment: Decimal
    closing_balance: Decimal
    arrangement_fee: Decimal
    commitment_fee: Decimal
    agency_fee: Decimal
    calendar_basis: Basis = Basis.NONE


@dataclass(frozen=True)
class Totals:
    drawdown: Decimal
    principal: Decimal
    interest: Decimal
    fees: Decimal
    payment: Decimal


@dataclass(frozen=True)
class LenderPeriod:
    no: int
    payment_date: date
    drawdown: Decimal
    principal: Decimal
    interest: Decimal
    fees: Decimal
    payment: Decimal


FEN_UNIT = Decimal("0.01")  # FEN_UNIT * fen is the amount in yuan with exactly two places
ZERO = Decimal("0.00")  # FEN_UNIT * 0; most drawdown and fee amounts are zero


def _period(
    no: int,
    start: date,
    end: date,
    payment_date: date,
    days: int,
    rate: Decimal,
    opening_balance: int,
    drawdown: int,
    principal: int,
    interest: int,
    fees: int,
    payment: int,
    closing_balance: int,
    arrangement_fee: int,
    commitment_fee: int,
    agency_fee: int,
    calendar_basis: Basis,
) -> Period:
    """A ``Period`` from amounts in fen, the frozen dataclass's fields filled in one step.

    (A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``; the
    object made here is the same in every respect: fields, equality, hash, repr, pickling.)
    """
    unit = FEN_UNIT
    obj = object.__new__(Period)
    object.__setattr__(
        obj,
        "__dict__",
        {
            "no": no,
            "start": start,
            "end": end,
            "payment_date": payment_date,
            "days": days,
            "rate": rate,
            "opening_balance": unit * opening_balance,
            "drawdown": unit * drawdown if drawdown else ZERO,
            "principal": unit * principal,
            "interest": unit * interest,
            "fees": unit * fees if fees else ZERO,
            "payment": unit * payment,
            "closing_balance": unit * closing_balance,
            "arrangement_fee": unit * arrangement_fee if arrangement_fee else ZERO,
            "commitment_fee": unit * commitment_fee if commitment_fee else ZERO,
            "agency_fee": unit * agency_fee if agency_fee else ZERO,
            "calendar_basis": calendar_basis,
        },
    )
    return obj


def _lender_period(
    no: int, day: date, drawdown: int, principal: int, interest: int, fees: int, payment: int
) -> LenderPeriod:
    """A ``LenderPeriod`` from amounts in fen, its fields filled in one step (as ``_period``)."""
    unit = FEN_UNIT
    obj = object.__new__(LenderPeriod)
    object.__setattr__(
        obj,
        "__dict__",
        {
            "no": no,
            "payment_date": day,
            "drawdown": unit * drawdown if drawdown else ZERO,
            "principal": unit * principal,
            "interest": unit * interest,
            "fees": unit * fees if fees else ZERO,
            "payment": unit * payment,
        },
    )
    return obj


class FenRows(Sequence[R]):
    """Rows kept as columns, amounts in integer fen; each row is made when it is read.

    A 240-period, 12-lender schedule has 3,120 periods; readers mostly look at one party, and
    the JSON reads the columns themselves, so the engine does not make them all up front.
    Nothing is cached: each read makes a fresh row (equal to the last one). The sequence
    equals, and hashes like, the tuple of its rows, so a schedule compares equal to one put
    together from tuples. ``COLUMNS`` names the columns in the order of the row's fields.
    """

    __slots__ = ()
    COLUMNS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *columns: Sequence[Any]) -> None:
        for name, column in zip(self.COLUMNS, columns, strict=True):
            setattr(self, name, column)

    def columns(self) -> tuple[Sequence[Any], ...]:
        return tuple(getattr(self, name) for name in self.COLUMNS)

    def _rows(self, columns: Iterable[Sequence[Any]]) -> Iterator[R]:
        """The rows of these columns (``map`` of the row maker over them)."""
        raise NotImplementedError

    def __len__(self) -> int:
        return len(getattr(self, self.COLUMNS[0]))

    def __iter__(self) -> Iterator[R]:
        return self._rows(self.columns())

    @overload
    def __getitem__(self, index: int) -> R: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[R, ...]: ...

    def __getitem__(self, index: int | slice) -> R | tuple[R, ...]:
        if isinstance(index, slice):
            return tuple(self._rows([column[index] for column in self.columns()]))
        return next(self._rows([[column[index]] for column in self.columns()]))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FenRows):
            return tuple(self) == tuple(other)
        if isinstance(other, tuple):
            return tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), tuple(map(tuple, self.columns())))


class Periods(FenRows[Period]):
    """The borrower's periods as columns (``FenRows``), one per ``Period`` field in order."""

    COLUMNS = (
        "nos", "starts", "ends", "payment_dates", "days", "rates", "opening_balances",
        "drawdowns", "principals", "interests", "fees", "payments", "closing_balances",
        "arrangement_fees", "commitment_fees", "agency_fees", "calendar_bases",
    )  # fmt: skip
    __slots__ = COLUMNS
    nos: Sequence[int]
    starts: Sequence[date]
    ends: Sequence[date]
    payment_dates: Sequence[date]
    days: Sequence[int]
    rates: Sequence[Decimal]
    opening_balances: Sequence[int]
    drawdowns: Sequence[int]
    principals: Sequence[int]
    interests: Sequence[int]
    fees: Sequence[int]
    payments: Sequence[int]
    closing_balances: Sequence[int]
    arrangement_fees: Sequence[int]
    commitment_fees: Sequence[int]
    agency_fees: Sequence[int]
    calendar_bases: Sequence[Basis]

    def _rows(self, columns: Iterable[Sequence[Any]]) -> Iterator[Period]:
        return map(_period, *columns)


class LenderPeriods(FenRows[LenderPeriod]):
    """A lender's periods as columns (``FenRows``); ``payments`` = principals + interests + fees."""

    COLUMNS = ("nos", "payment_dates", "drawdowns", "principals", "interests", "fees", "payments")
    __slots__ = COLUMNS
    nos: Sequence[int]
    payment_dates: Sequence[date]
    drawdowns: Sequence[int]
    principals: Sequence[int]
    interests: Sequence[int]
    fees: Sequence[int]
    payments: Sequence[int]

    def _rows(self, columns: Iterable[Sequence[Any]]) -> Iterator[LenderPeriod]:
        return map(_lender_period, *columns)


@dataclass(frozen=True)
class LenderSchedule:
    name: str
    role: Role
    commitment: Decimal
    share: Decimal  # commitment / facility amount
    periods: Sequence[LenderPeriod]  # a tuple, or the engine's LenderPeriods (integer fen)
    totals: Totals


@dataclass(frozen=True)
class Schedule:
    terms: Terms
    periods: Sequence[Period]  # a tuple, or the engine's Periods (integer fen)
    totals: Totals
    lenders: tuple[LenderSchedule, ...]
    calendar: CalendarStamp = NO_CALENDAR

    def projected_years(self) -> list[int]:
        """The years of payment dates that rest on projected (not official) holidays."""
        periods = self.periods
        if isinstance(periods, Periods):  # the columns, without making every period
            pairs: Iterable[tuple[date, Basis]] = zip(
                periods.payment_dates, periods.calendar_bases, strict=True
            )
        else:
            pairs = ((p.payment_date, p.calendar_basis) for p in periods)
        return sorted({day.year for day, basis in pairs if basis is Basis.PROJECTED})


def totals_of(rows: tuple[Period, ...] | tuple[LenderPeriod, ...]) -> Totals:
    zero = Decimal("0.00")
    return Totals(
        drawdown=sum((r.drawdown for r in rows), zero),
        principal=sum((r.principal for r in rows), zero),
        interest=sum((r.interest for r in rows), zero),
        fees=sum((r.fees for r in rows), zero),
        payment=sum((r.payment for r in rows), zero),
    )
