"""What the store keeps of each loan's schedule: the calendar it was derived with, its versions
after KPI results, and the cached aggregates the portfolio export and outstanding figures read.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from greendesk.store.models.base import Base, sized_text
from greendesk.store.types import UTCDateTime, utcnow


class LoanScheduleCalendar(Base):
    """The calendar a loan's payment dates were last derived with (its version and range),
    and the dates of periods kept as paid when a later calendar would have moved them."""

    __tablename__ = "loan_schedule_calendars"
    loan_id: Mapped[int] = mapped_column(
        ForeignKey("loans.id", ondelete="CASCADE"), primary_key=True
    )
    calendar_version: Mapped[str] = mapped_column(sized_text("source"))
    official_through: Mapped[int | None] = mapped_column(Integer)
    projection_rule: Mapped[str | None] = mapped_column(sized_text("code"))
    projected_years: Mapped[list[Any]] = mapped_column(JSON, default=list)
    kept_dates: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # {"no": "date"}
    derived_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    derived_by: Mapped[str] = mapped_column(sized_text("actor"))


# Keyed by the loan's reference (the facility), so the versions follow the loan across
# application versions; loan_id names the version they were recorded against (issue 15).


class LoanScheduleVersion(Base):
    """One version of a loan's schedule: why it changed, the ratchet in force, what it computed.

    Version 1 is the schedule as originated (written when the first change comes); each KPI
    result that moves the margin adds the next. ``terms`` and ``schedule`` are the engine's TERMS
    and schedule JSON as they were, so an old version reads back exactly.
    """

    __tablename__ = "loan_schedule_versions"
    __table_args__ = (
        UniqueConstraint("loan_reference", "version"),
        CheckConstraint("version >= 1", name="version_positive"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_reference: Mapped[str] = mapped_column(sized_text("reference"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"))
    reason: Mapped[str] = mapped_column(sized_text("note"))
    ratchet: Mapped[list[Any]] = mapped_column(JSON, default=list)
    terms: Mapped[dict[str, Any]] = mapped_column(JSON)
    schedule: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_by: Mapped[str] = mapped_column(sized_text("actor"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


# -- the portfolio export's schedule cache (issue 13 point 3): each loan's borrower schedule as
# the export needs it, stored so that an export recomputes only the loans whose terms or
# calendar changed since the last one.


class LoanScheduleAggregate(Base):
    """One loan's borrower schedule reduced to what the portfolio workbook reads.

    ``periods`` is compact JSON ``[[payment-date ordinal, principal fen, interest fen], …]`` of
    the periods paying principal or interest. ``terms_key`` hashes the schedule terms, the kept
    payment dates, the desk's calendar version and the aggregate format: a row whose key differs
    from the loan's current key is stale and is recomputed.
    """

    __tablename__ = "loan_schedule_aggregates"
    loan_id: Mapped[int] = mapped_column(
        ForeignKey("loans.id", ondelete="CASCADE"), primary_key=True
    )
    terms_key: Mapped[str] = mapped_column(String(64))
    periods: Mapped[str] = mapped_column(Text)
    computed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class LoanScheduleAggregateCheck(Base):
    """Which stored schedule aggregate holds a loan's current schedule (``services.outstanding``).

    ``inputs_digest`` hashes what the loan's TERMS are built from as SQL reads it (term columns,
    term rows, kept dates, the KPI results setting its ratchet); ``terms_key`` is the key of the
    ``loan_schedule_aggregates`` row those inputs gave under ``calendar_version``. While the
    digest, the calendar version and the aggregate's key all still match, the aggregate is
    read without loading the loan; otherwise the loan is loaded and checked again.
    """

    __tablename__ = "loan_schedule_aggregate_checks"
    loan_id: Mapped[int] = mapped_column(
        ForeignKey("loans.id", ondelete="CASCADE"), primary_key=True
    )
    inputs_digest: Mapped[str] = mapped_column(String(64))
    calendar_version: Mapped[str] = mapped_column(sized_text("source"))
    terms_key: Mapped[str] = mapped_column(String(64))
    checked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class LoanPrincipalStep(Base):
    """A checked loan's principal repaid by each of its principal payment dates, cumulative.

    Written with the loan's ``LoanScheduleAggregateCheck`` from the aggregate it checked: the
    principal due by a day is ``repaid_fen`` of the last step on or before it (0 before the
    first), one index seek per loan.
    """

    __tablename__ = "loan_principal_steps"
    loan_id: Mapped[int] = mapped_column(
        ForeignKey("loans.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[int] = mapped_column(Integer, primary_key=True)  # the payment date's ordinal
    repaid_fen: Mapped[int] = mapped_column(BigInteger)
