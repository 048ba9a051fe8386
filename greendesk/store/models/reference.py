"""Reference data shared by all loans: market prices, published base rates, official calendars."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from greendesk.store.models.base import Base, one_of, sized_text
from greendesk.store.types import ExactDecimal, UTCDateTime, utcnow


class ReferencePrice(Base):
    """A reference price of a traded instrument (CEA, CCER ...) on a date, per unit (CNY/t)."""

    __tablename__ = "reference_prices"
    __table_args__ = (UniqueConstraint("instrument", "price_date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    instrument: Mapped[str] = mapped_column(sized_text("instrument"))
    price_date: Mapped[dt.date] = mapped_column(Date)
    price: Mapped[Decimal] = mapped_column(ExactDecimal())
    unit: Mapped[str] = mapped_column(sized_text("unit"), default="CNY/t")
    source: Mapped[str | None] = mapped_column(sized_text("source"))


class ReferenceRate(Base):
    """A published base rate (LPR1Y, LPR5Y) in force from its effective date, as a fraction."""

    __tablename__ = "reference_rates"
    __table_args__ = (UniqueConstraint("name", "effective_date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sized_text("code"))
    effective_date: Mapped[dt.date] = mapped_column(Date)
    rate: Mapped[Decimal] = mapped_column(ExactDecimal())
    source: Mapped[str | None] = mapped_column(sized_text("source"))


# --- Holiday calendar (issue 14): official years loaded by an administrator (the calendar each
# loan's schedule was derived with is in ``schedules``).

CALENDAR_DAY_KINDS = ("holiday", "workday")


class CalendarYear(Base):
    """An official CN year loaded from a State Council notice; it overrides the shipped year."""

    __tablename__ = "calendar_years"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    notice: Mapped[str] = mapped_column(sized_text("source"))
    file_name: Mapped[str] = mapped_column(sized_text("source"))
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    imported_by: Mapped[str] = mapped_column(sized_text("actor"))

    days: Mapped[list[CalendarDay]] = relationship(
        order_by="CalendarDay.day", cascade="all, delete-orphan"
    )


class CalendarDay(Base):
    """One day of an official year: a holiday (day off) or a workday (调休 weekend day)."""

    __tablename__ = "calendar_days"
    __table_args__ = (one_of("kind", CALENDAR_DAY_KINDS),)
    year: Mapped[int] = mapped_column(
        ForeignKey("calendar_years.year", ondelete="CASCADE"), index=True
    )
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(sized_text("code"))
    name: Mapped[str | None] = mapped_column(sized_text("name"))
