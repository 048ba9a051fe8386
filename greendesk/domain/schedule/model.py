"""The computed schedule: frozen dataclasses with ``Decimal`` amounts (two places)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

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


@dataclass(frozen=True)
class LenderSchedule:
    name: str
    role: Role
    commitment: Decimal
    share: Decimal  # commitment / facility amount
    periods: tuple[LenderPeriod, ...]
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
