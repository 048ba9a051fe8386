"""The computed schedule: frozen dataclasses with ``Decimal`` amounts (two places).

A lender's periods made by the engine are a ``LenderPeriods`` sequence: integer-fen columns
that make each ``LenderPeriod`` (``Decimal`` amounts) when it is read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar, overload

from greendesk.domain.calendar import Basis, CalendarStamp
from greendesk.domain.schedule.terms import Role, Terms

NO_CALENDAR = CalendarStamp(name="NONE")
T = TypeVar("T")


def fast_maker(cls: type[T]) -> Callable[..., T]:
    """A constructor for a frozen dataclass without defaults logic or ``__post_init__``.

    A frozen dataclass's ``__init__`` sets every field through ``object.__setattr__``; the
    engine makes thousands of periods per schedule, so it fills the instance dict in one step
    instead. The object is the same in every respect (fields, equality, hash, repr, pickling);
    all positional arguments are required.
    """
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    new = object.__new__
    set_dict = object.__setattr__

    def make(*values: Any) -> T:
        obj = new(cls)
        set_dict(obj, "__dict__", dict(zip(names, values, strict=True)))
        return obj

    return make


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


def _lender_period(
    no: int, day: date, drawdown: int, principal: int, interest: int, fees: int, payment: int
) -> LenderPeriod:
    """A ``LenderPeriod`` from amounts in fen, its fields filled in one step (``fast_maker``)."""
    unit = FEN_UNIT
    obj = object.__new__(LenderPeriod)
    object.__setattr__(
        obj,
        "__dict__",
        {
            "no": no,
            "payment_date": day,
            "drawdown": unit * drawdown,
            "principal": unit * principal,
            "interest": unit * interest,
            "fees": unit * fees,
            "payment": unit * payment,
        },
    )
    return obj


class LenderPeriods(Sequence[LenderPeriod]):
    """A lender's periods as integer-fen columns, each ``LenderPeriod`` made when it is read.

    A 240-period, 12-lender schedule has 2,880 lender periods; most readers look at one lender
    and the JSON reads the columns themselves, so the engine does not make them all up front.
    Nothing is cached: each read makes a fresh ``LenderPeriod`` (equal to the last one). The
    sequence equals, and hashes like, the tuple of its periods, so a schedule compares equal to
    one put together from tuples; ``payments`` is ``principals + interests + fees``.
    """

    __slots__ = ("dates", "drawdowns", "fees", "interests", "nos", "payments", "principals")

    def __init__(
        self,
        nos: Sequence[int],
        dates: Sequence[date],
        drawdowns: Sequence[int],
        principals: Sequence[int],
        interests: Sequence[int],
        fees: Sequence[int],
        payments: Sequence[int],
    ) -> None:
        self.nos = nos
        self.dates = dates
        self.drawdowns = drawdowns
        self.principals = principals
        self.interests = interests
        self.fees = fees
        self.payments = payments

    def _columns(self) -> tuple[Sequence[Any], ...]:
        return (
            self.nos, self.dates, self.drawdowns, self.principals, self.interests, self.fees,
            self.payments,
        )  # fmt: skip

    def __len__(self) -> int:
        return len(self.nos)

    def __iter__(self) -> Iterator[LenderPeriod]:
        return map(_lender_period, *self._columns())

    @overload
    def __getitem__(self, index: int) -> LenderPeriod: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[LenderPeriod, ...]: ...

    def __getitem__(self, index: int | slice) -> LenderPeriod | tuple[LenderPeriod, ...]:
        if isinstance(index, slice):
            return tuple(map(_lender_period, *(column[index] for column in self._columns())))
        return _lender_period(*(column[index] for column in self._columns()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LenderPeriods):
            return tuple(self) == tuple(other)
        if isinstance(other, tuple):
            return tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (LenderPeriods, tuple(map(tuple, self._columns())))


@dataclass(frozen=True)
class LenderSchedule:
    name: str
    role: Role
    commitment: Decimal
    share: Decimal  # commitment / facility amount
    periods: Sequence[LenderPeriod]  # a tuple, or the engine's LenderPeriods
    totals: Totals


@dataclass(frozen=True)
class Schedule:
    terms: Terms
    periods: tuple[Period, ...]
    totals: Totals
    lenders: tuple[LenderSchedule, ...]
    calendar: CalendarStamp = NO_CALENDAR

    def projected_years(self) -> list[int]:
        """The years of payment dates that rest on projected (not official) holidays."""
        return sorted(
            {p.payment_date.year for p in self.periods if p.calendar_basis is Basis.PROJECTED}
        )


def totals_of(rows: tuple[Period, ...] | tuple[LenderPeriod, ...]) -> Totals:
    zero = Decimal("0.00")
    return Totals(
        drawdown=sum((r.drawdown for r in rows), zero),
        principal=sum((r.principal for r in rows), zero),
        interest=sum((r.interest for r in rows), zero),
        fees=sum((r.fees for r in rows), zero),
        payment=sum((r.payment for r in rows), zero),
    )
